"""bpviz: watch backpropagation work.

The package is layered (see DESIGN.md): ``bpviz.core`` and ``bpviz.data`` are pure
NumPy + stdlib, ``bpviz.scene`` is Qt-free presentation logic and ``bpviz.gui`` is the
PySide6/pyqtgraph application.
"""

__version__ = "0.1.0"
