"""Translation for Qt-free code (stdlib only): ``translate(context, text)``.

Until the GUI installs Qt's translator as the hook (:func:`set_hook`), ``translate`` returns
``text`` unchanged, so the core, the CLI and the tests read English. ``pyside6-lupdate``
extracts calls written exactly as ``translate("Context", "text")`` (a bare name, string
literals, implicit concatenation allowed; no f-strings: put numbers in with ``.format``
after translating). Numbers and the book's notation (δ^l, BP1–BP4, η, σ′) stay in the
format arguments or in the source text, untranslated.

Maintainers: ``bpviz i18n update`` re-extracts every string into
``assets/i18n/bpviz_zh_CN.ts`` and compiles ``bpviz_zh_CN.qm`` (see assets/i18n/README.md).
"""

from __future__ import annotations

import locale
import os
from collections.abc import Callable
from pathlib import Path

#: Languages the app ships, code → name shown in the View → Language menu.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "中文"}
#: The translation files: assets/i18n/bpviz_<code>.ts (source) and .qm (compiled, shipped).
TS_BASENAME = "bpviz_{}"

_hook: Callable[[str, str], str] | None = None
_language = "en"


def translate(context: str, text: str) -> str:
    """``text`` in the interface language (``text`` itself until the GUI sets a hook)."""
    if _hook is None:
        return text
    out = _hook(context, text)
    return out or text


#: Characters that end a sentence or clause in Chinese text: no space follows them.
FULL_WIDTH_ENDS = "。！？；：，）」』"


def join_sentences(*parts: str) -> str:
    """Sentences (already translated) one after another: a space between English ones, none after a
    full-width 。 or before Chinese text — so code never builds "。 " for the Chinese interface."""
    out = ""
    for p in parts:
        if not p:
            continue
        if out and not out.endswith(tuple(FULL_WIDTH_ENDS)) and not out.endswith((" ", "<br>")):
            out += " "
        out += p
    return out


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks ``text`` for extraction into ``context`` without translating it (module-level
    constants read in English by the CLI); show it with ``translate(context, text)`` later."""
    return text


def set_language(code: str) -> None:
    """Record the interface language the GUI installed (texts that carry their own
    translations, such as lessons, pick theirs by it)."""
    global _language
    _language = code if code in LANGUAGES else "en"


def current_language() -> str:
    """The interface language: "en" until the GUI installs another."""
    return _language


def set_hook(hook: Callable[[str, str], str] | None) -> None:
    """The GUI installs ``QCoreApplication.translate`` here; ``None`` restores English."""
    global _hook
    _hook = hook


def i18n_dir() -> Path:
    """assets/i18n inside the installed package (bpviz/assets) or the source tree (the same
    places as bpviz.data.assets_dir, not imported: bpviz.data uses this module)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "assets" / "i18n", here.parent / "assets" / "i18n"):
        if candidate.is_dir():
            return candidate
    return here / "assets" / "i18n"


def qm_path(lang: str) -> Path:
    return i18n_dir() / (TS_BASENAME.format(lang) + ".qm")


def normalise(code: str | None) -> str | None:
    """'zh_CN.UTF-8', 'zh-CN', 'zh', 'zh_Hans_CN' → 'zh_CN'; 'en_GB', 'C', 'POSIX' → 'en';
    None/'' → None; anything else unknown → 'en'."""
    if not code:
        return None
    c = code.split(".")[0].split("@")[0].replace("-", "_").lower()
    if c.startswith("zh"):
        return "zh_CN"
    return "en"


def system_language(qt_locale_name: str | None = None) -> str:
    """The language the system asks for: LANGUAGE/LC_ALL/LC_MESSAGES/LANG, else Qt's locale name."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return normalise(value.split(":")[0]) or "en"
    if qt_locale_name:
        return normalise(qt_locale_name) or "en"
    try:
        return normalise(locale.getlocale()[0]) or "en"
    except ValueError:
        return "en"


def choose_language(cli: str | None, remembered: str | None, system: str) -> str:
    """--lang wins, then the choice remembered from View → Language, then the system's."""
    for choice in (cli, remembered):
        code = normalise(choice)
        if code in LANGUAGES:
            return code
    return normalise(system) or "en"


def _source_files(root: Path) -> list[Path]:
    """Every Python file of the package: the GUI (tr / QCoreApplication.translate) and the
    Qt-free modules (translate)."""
    return sorted(p for p in (root / "bpviz").rglob("*.py") if "__pycache__" not in p.parts)


def update_translations(root: Path | None = None) -> list[str]:
    """Run ``pyside6-lupdate`` over the sources into every ``assets/i18n/bpviz_<lang>.ts`` (new
    strings are added unfinished, translations kept) and ``pyside6-lrelease`` them into .qm.
    Needs a source checkout (``root`` = the folder holding bpviz/ and assets/)."""
    import shutil
    import subprocess

    root = root or Path(__file__).resolve().parent.parent
    folder = root / "assets" / "i18n"
    if not (root / "bpviz").is_dir() or not folder.is_dir():
        raise RuntimeError(f"{root} is not a bpviz source checkout (needs bpviz/ and assets/i18n/)")
    lupdate, lrelease = shutil.which("pyside6-lupdate"), shutil.which("pyside6-lrelease")
    if not lupdate or not lrelease:
        raise RuntimeError("pyside6-lupdate / pyside6-lrelease not found (they come with PySide6)")
    out = []
    sources = [str(p.relative_to(root)) for p in _source_files(root)]
    for lang in LANGUAGES:
        if lang == "en":
            continue
        ts = folder / (TS_BASENAME.format(lang) + ".ts")
        r = subprocess.run([lupdate, "-locations", "none", "-no-obsolete", *sources, "-ts", str(ts)],
                           cwd=root, capture_output=True, text=True)
        if r.returncode:
            raise RuntimeError(f"pyside6-lupdate failed: {r.stderr.strip()}")
        out.append(r.stdout.strip())
        r = subprocess.run([lrelease, str(ts), "-qm", str(ts.with_suffix(".qm"))],
                           cwd=root, capture_output=True, text=True)
        if r.returncode:
            raise RuntimeError(f"pyside6-lrelease failed: {r.stderr.strip()}")
        out.append(r.stdout.strip())
    return out
