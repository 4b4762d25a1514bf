"""The "why" views: panels that explain backpropagation and learning with real numbers.

Each module here defines ``install(window)``, which adds its panels to the main window:
tabs on the left (``window.tabs``), plots at the bottom (``window.bottom_tabs``), actions
in the Explore menu (``window.explore_menu``). Panels use only the Session's public
methods and signals; to colour the network they hand the session a
:class:`~bpviz.scene.lens.Lens`.
"""

from __future__ import annotations

import importlib

#: Modules with an ``install(window)``, in the order their tabs appear.
MODULES: tuple[str, ...] = ("why", "learning", "mistakes")


def install_all(window) -> None:
    for name in MODULES:
        importlib.import_module(f"bpviz.gui.explore.{name}").install(window)
