"""The "why" views: panels that explain backpropagation and learning with real numbers.

One package per theme, one concept per module: :mod:`.why` (nudge a weight, the gradient
check, why backprop is fast), :mod:`.learning` (speed of learning, saturation, twin runs,
presets, hidden units), :mod:`.mistakes` (confusion matrix, teaching one example, which
pixels matter). Each package has one view class that follows the view protocol of
:mod:`bpviz.gui.views`: built from a :class:`~bpviz.gui.views.ViewContext`, it declares its
tabs and actions, and offers its lens to the :class:`~bpviz.gui.views.LensOwner`.
"""

from __future__ import annotations

from bpviz.gui.explore.learning import LearningViews
from bpviz.gui.explore.mistakes import MistakesViews
from bpviz.gui.explore.why import WhyViews

#: The explore views, in the order their tabs appear.
VIEWS = (WhyViews, LearningViews, MistakesViews)
