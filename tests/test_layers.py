"""The architecture's boundaries: which layer may import which, no import cycles, no Qt below gui.

Every ``import`` in every module is read with ``ast`` (including imports inside functions,
which a run-time check would miss) and checked against the allowed directions:

    cli → gui → explain → state → scene → core, data        (and the small top-level helpers)

Nothing imports ``bpviz.gui`` except the entry point ``bpviz.cli`` (to open the window) and
the GUI benchmark module ``bpviz.bench`` (``bpviz bench gui``); nothing imports ``bpviz.cli``.
"""

import ast
import subprocess
import sys
from pathlib import Path

import bpviz

ROOT = Path(bpviz.__file__).parent
HELPERS = {"fileutil", "cliutil", "reference", "i18n"}   # top-level modules anyone may use
#: layer → layers it may import (besides itself and HELPERS)
ALLOWED = {
    "core": set(),
    "data": {"core"},
    "scene": {"core", "data"},
    "state": {"core", "data", "scene"},
    "explain": {"core", "data", "scene"},
    "gui": {"core", "data", "scene", "state", "explain"},
    "bench": {"core", "data", "scene", "state", "gui"},
    "cli": {"core", "data", "scene", "state", "explain", "gui", "bench"},
    "__main__": {"cli"},
}


def _layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "package"
    return parts[1]


def _modules() -> dict[str, Path]:
    out = {}
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT.parent).with_suffix("")
        name = ".".join(rel.parts)
        out[name.removesuffix(".__init__")] = path
    return out


def _imports(name: str, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    pkg = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("bpviz"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if mod.startswith("bpviz"):
                out.add(mod)
                out.update(f"{mod}.{a.name}" for a in node.names)
    return out


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    graph = {}
    for name, path in mods.items():
        targets = set()
        for imp in _imports(name, path):
            while imp not in mods and "." in imp:   # "bpviz.core.Network" → "bpviz.core"
                imp = imp.rsplit(".", 1)[0]
            if imp in mods and imp != name:
                targets.add(imp)
        graph[name] = targets
    return graph


def test_every_import_goes_in_an_allowed_direction():
    bad = []
    for name, targets in _graph().items():
        src = _layer(name)
        if src in ("package", *HELPERS):
            continue
        for t in targets:
            dst = _layer(t)
            if dst in ("package", *HELPERS) or dst == src:
                continue
            if dst not in ALLOWED[src]:
                bad.append(f"{name} imports {t}")
    assert not bad, "\n".join(sorted(bad))


def test_no_import_cycles_between_modules():
    graph = _graph()
    # package __init__ files re-export their submodules: an edge into the package is an edge
    # into what it re-exports, not a cycle of the package with its own parts
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in graph.get(node, ()):
            if nxt == node.rsplit(".", 1)[0] or node == nxt.rsplit(".", 1)[0]:
                continue  # a module and its own package
            if state.get(nxt) == 1:
                cycles.append(" → ".join(stack[stack.index(nxt):] + [nxt]) if nxt in stack else f"{node} → {nxt}")
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n, [n])
    assert not cycles, "\n".join(cycles)


def test_the_check_sees_a_wrong_import(tmp_path, monkeypatch):
    """The checker itself: a core module importing gui is caught."""
    graph = {"bpviz.core.x": {"bpviz.gui.session"}}
    monkeypatch.setattr(sys.modules[__name__], "_graph", lambda: graph)
    try:
        test_every_import_goes_in_an_allowed_direction()
    except AssertionError as e:
        assert "bpviz.core.x imports bpviz.gui.session" in str(e)
    else:
        raise AssertionError("the wrong import was not reported")


def test_core_data_scene_state_explain_do_not_import_qt():
    code = (
        "import sys, bpviz.core, bpviz.data, bpviz.scene, bpviz.state, bpviz.explain, bpviz.reference, bpviz.cli\n"
        "import pkgutil, importlib\n"
        "for pkg in (bpviz.core, bpviz.data, bpviz.scene, bpviz.state, bpviz.explain):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(pkg.__name__ + '.' + m.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))\n"
        "print(bad)\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "[]"


def test_the_check_sees_a_cycle(monkeypatch):
    graph = {"bpviz.data.a": {"bpviz.data.b"}, "bpviz.data.b": {"bpviz.data.a"}}
    monkeypatch.setattr(sys.modules[__name__], "_graph", lambda: graph)
    try:
        test_no_import_cycles_between_modules()
    except AssertionError as e:
        assert "bpviz.data.a → bpviz.data.b → bpviz.data.a" in str(e)
    else:
        raise AssertionError("the cycle was not reported")


def test_no_module_reaches_into_another_objects_private_names():
    """``x._name`` only on ``self``/``cls``; no ``from bpviz.… import _name`` (argparse's public-in-
    practice _SubParsersAction is the one accepted outside name, for type hints)."""
    bad = []
    for path in _modules().values():
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                v = node.value
                if isinstance(v, ast.Name) and v.id in ("self", "cls"):
                    continue
                if ast.unparse(node) == "argparse._SubParsersAction":
                    continue
                bad.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("bpviz"):
                bad += [f"{path.name}:{node.lineno} imports {a.name}" for a in node.names
                        if a.name.startswith("_") and not a.name.startswith("__")]
    assert not bad, "\n".join(bad)


#: What an explore view may use of the rest of the GUI (besides its own explore package).
#: views is the view protocol, theme the one theme, worker and jobs the one background worker;
#: throttle redraws on the session's events.
EXPLORE_MAY_IMPORT = {"bpviz.gui.session", "bpviz.gui.widgets", "bpviz.gui.views", "bpviz.gui.theme",
                      "bpviz.gui.throttle", "bpviz.gui.worker", "bpviz.gui.jobs"}
#: The largest module a reader should have to take in at one sitting (issue 17).
MAX_LINES = 400


def test_explore_views_import_only_the_session_and_widgets():
    bad = []
    for name, targets in _graph().items():
        if not name.startswith("bpviz.gui.explore"):
            continue
        package = ".".join(name.split(".")[:4])        # bpviz.gui.explore.why
        for t in targets:
            if t.startswith("bpviz.gui") and not (t.startswith(package) or t == "bpviz.gui.explore"
                                                  or t in EXPLORE_MAY_IMPORT):
                bad.append(f"{name} imports {t}")
    assert not bad, "\n".join(sorted(bad))


def test_the_explore_rule_sees_a_view_reaching_into_the_main_window(monkeypatch):
    graph = {"bpviz.gui.explore.why.nudge": {"bpviz.gui.main_window", "bpviz.gui.session"}}
    monkeypatch.setattr(sys.modules[__name__], "_graph", lambda: graph)
    try:
        test_explore_views_import_only_the_session_and_widgets()
    except AssertionError as e:
        assert str(e).splitlines()[0] == "bpviz.gui.explore.why.nudge imports bpviz.gui.main_window"
    else:
        raise AssertionError("the explore view's import of the main window was not reported")


def test_every_import_is_visible_to_this_check():
    """No module is imported by a name built at run time (importlib, __import__): this test reads imports
    with ``ast`` and would not see it."""
    bad = []
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "import_module":
                bad.append(f"{name}:{node.lineno} {ast.unparse(node)}")
            elif isinstance(node, ast.Name) and node.id == "__import__":
                bad.append(f"{name}:{node.lineno} __import__")
            elif isinstance(node, (ast.Import, ast.ImportFrom)) and any(a.name == "importlib" for a in node.names):
                bad.append(f"{name}:{node.lineno} imports importlib")
    assert not bad, "\n".join(sorted(bad))


def test_views_by_concept_are_small_enough_to_read_in_one_sitting():
    """The explore views and the core's mistakes modules, split by concept, stay within MAX_LINES."""
    big = []
    for name, path in _modules().items():
        if name.startswith(("bpviz.gui.explore", "bpviz.core.mistakes")):
            n = len(path.read_text().splitlines())
            if n > MAX_LINES:
                big.append(f"{name}: {n} lines")
    assert not big, "\n".join(big)


def _names_used(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Name):
            out.add(node.id)
        elif isinstance(node, ast.Attribute):
            out.add(node.attr)
        elif isinstance(node, ast.arg):
            out.add(node.arg)
    return out


def test_explore_views_never_see_the_main_window():
    """A view receives the session and typed collaborators (bpviz.gui.views.ViewContext), not the window."""
    bad = [name for name, path in _modules().items()
           if name.startswith("bpviz.gui.explore") and "window" in _names_used(path)]
    assert not bad, bad


def test_one_lens_owner():
    """Only the view protocol's LensOwner hands the session a lens (what colours the network)."""
    bad = [name for name, path in _modules().items()
           if name.startswith("bpviz.gui") and name not in ("bpviz.gui.views", "bpviz.gui.session")
           and "set_lens" in _names_used(path)]
    assert not bad, bad
