"""The "why" views: panels that explain backpropagation and learning with real numbers.

One package per theme, one concept per module: :mod:`.why` (nudge a weight, the gradient
check, why backprop is fast), :mod:`.learning` (speed of learning, saturation, twin runs,
presets, hidden units), :mod:`.mistakes` (confusion matrix, teaching one example, which
pixels matter). Each package's ``install(window)`` adds its panels to the main window.
Panels use only the Session's public methods and signals; to colour the network they hand
the session a :class:`~bpviz.scene.lens.Lens`.
"""

from __future__ import annotations

from bpviz.gui.explore import learning, mistakes, why

#: The explore packages, in the order their tabs appear.
PACKAGES = (why, learning, mistakes)


def install_all(window) -> None:
    for package in PACKAGES:
        package.install(window)
