"""bpviz: watch backpropagation work.

The package is layered, and ``tests/test_layers.py`` checks the direction of every import:
``bpviz.core`` and ``bpviz.data`` are pure NumPy + stdlib, ``bpviz.scene`` is Qt-free
presentation logic, ``bpviz.state`` the app's Qt-free state models, ``bpviz.explain`` the
"why" experiments on the command line, and ``bpviz.gui`` the PySide6/pyqtgraph application
(the only place Qt is imported); nothing imports ``bpviz.gui`` or ``bpviz.cli``.
"""

__version__ = "0.1.0"
