"""The architecture's boundary: core, data and scene never import Qt."""

import subprocess
import sys


def test_core_data_scene_do_not_import_qt():
    code = (
        "import sys, bpviz.core, bpviz.data, bpviz.scene, bpviz.reference, bpviz.cli\n"
        "import pkgutil, importlib\n"
        "for pkg in (bpviz.core, bpviz.data, bpviz.scene):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(pkg.__name__ + '.' + m.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))\n"
        "print(bad)\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "[]"
