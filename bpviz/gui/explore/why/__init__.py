"""Why backpropagation works and why it is fast (issue 11): the GUI views, one concept per module.

- :mod:`.nudge` — the left tab "Nudge" (nudge one weight, follow the change to the cost) and the
  bottom tab "ΔC vs Δw".
- :mod:`.gradcheck` — the bottom tab "Gradient check": backprop against central differences.
- :mod:`.fast` — the bottom tab "Why fast": the time of the full gradient, both ways.
- :mod:`.views` — their tabs, actions and refresh.

The code pane that follows the Step tab is :mod:`bpviz.gui.code_panel`.
"""

from bpviz.gui.explore.why.common import current_problem, dw_from_slider, eps_from_slider
from bpviz.gui.explore.why.fast import WhyFastPanel
from bpviz.gui.explore.why.gradcheck import GradCheckPanel
from bpviz.gui.explore.why.nudge import NudgeCurve, NudgePanel
from bpviz.gui.explore.why.views import WhyViews

__all__ = ["GradCheckPanel", "current_problem", "NudgeCurve", "NudgePanel", "WhyFastPanel", "WhyViews", "dw_from_slider",
           "eps_from_slider"]
