"""Why a network learns — or does not (issue 12): the GUI views, one concept per module.

- :mod:`.speed` — bottom tab "Speed of learning": ‖δ^l‖ = ‖∂C/∂b^l‖ per hidden layer.
- :mod:`.twins` — bottom tab "Twin runs" and the Learning tab's twin-run controls.
- :mod:`.hidden_units` — bottom tab "Hidden units": first-layer weights as 28×28 tiles.
- :mod:`.presets` — the book's experiments as presets, with the book's figure as a target line.
- :mod:`.saturation` — the saturation lens and δ^L for both costs.
- :mod:`.panel` — the left tab "Learning" that holds presets, saturation and twins.

Every number comes from the Qt-free core (:mod:`bpviz.core.learning`, :mod:`bpviz.core.twin`,
:mod:`bpviz.scene.saturation`, :mod:`bpviz.scene.presets`); these modules only show them.
"""

from bpviz.gui.explore.learning.hidden_units import HiddenUnits
from bpviz.gui.explore.learning.panel import LearningPanel, LearningViews
from bpviz.gui.explore.learning.speed import SpeedPlot
from bpviz.gui.explore.learning.twins import TwinPlot

__all__ = ["HiddenUnits", "LearningPanel", "LearningViews", "SpeedPlot", "TwinPlot"]
