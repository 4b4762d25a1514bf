"""The why views' wiring: tabs, menu actions, and keeping them on the session's current numbers."""

from __future__ import annotations

from PySide6.QtCore import QObject

from bpviz.gui.explore.why.common import current_problem, problem_key
from bpviz.gui.explore.why.fast import WhyFastPanel
from bpviz.gui.explore.why.gradcheck import GradCheckPanel
from bpviz.gui.explore.why.nudge import NudgeCurve, NudgePanel
from bpviz.gui.throttle import Throttle
from bpviz.gui.views import Action, Area, Contributions, Tab, ViewContext
from bpviz.gui.widgets import signals_blocked
from bpviz.i18n import translate


class WhyViews(QObject):
    """The views of issue 11 (Nudge, ΔC vs Δw, Gradient check, Why fast), kept on the session's current
    numbers. Tabs: ``why.nudge`` (left), ``why.nudge_curve``, ``why.gradcheck``, ``why.fast`` (bottom)."""

    def __init__(self, ctx: ViewContext) -> None:
        super().__init__(ctx.places)
        self.places = ctx.places
        self.lenses = ctx.lenses
        self.session = s = ctx.session
        self.nudge_panel = NudgePanel(s)
        self.curve_panel = NudgeCurve()
        self.gradcheck_panel = GradCheckPanel(s)
        self.fast_panel = WhyFastPanel(s.workers)

        # recomputed when the numbers they show change (≤ 5×/s while training), at once for a new
        # network or tab; nothing runs while nothing changes
        self._drawn_key = None
        self._poller = Throttle(200, self._refresh_if_changed, self)
        for signal in (s.progress, s.parameters_changed, s.sample_changed, s.drawing_changed, s.selection_changed,
                       s.edge_selection_changed, self.nudge_panel.slider.valueChanged):
            signal.connect(self._poller.request)
        self.places.current_changed.connect(self._force)
        s.world_changed.connect(self._force)

    def contributions(self) -> Contributions:
        return Contributions(
            tabs=[Tab("why.nudge", Area.LEFT, self.nudge_panel, translate("Why", "Nudge"),
                      translate("Why", "Backpropagation, the big picture: nudge one weight and follow the change to the "
                                "cost")),
                  Tab("why.nudge_curve", Area.BOTTOM, self.curve_panel, translate("Why", "ΔC vs Δw"),
                      translate("Why", "ΔC against Δw for the selected weight: measured and predicted")),
                  Tab("why.gradcheck", Area.BOTTOM, self.gradcheck_panel, translate("Why", "Gradient check"),
                      translate("Why", "Backprop's gradient against central differences")),
                  Tab("why.fast", Area.BOTTOM, self.fast_panel, translate("Why", "Why fast"),
                      translate("Why", "Time of the full gradient: backprop against central differences"))],
            actions=[Action("why.nudge.show", translate("Why", "Nudge a weight (the big picture)"), self.show_nudge,
                            "Ctrl+4"),
                     Action("why.nudge.smaller", translate("Why", "Smaller nudge Δw"), self.nudge_panel.smaller, "[",
                            translate("Why", "Move the Δw slider of the Nudge tab one step left")),
                     Action("why.nudge.larger", translate("Why", "Larger nudge Δw"), self.nudge_panel.larger, "]",
                            translate("Why", "Move the Δw slider of the Nudge tab one step right")),
                     Action("why.gradcheck.show", translate("Why", "Gradient check"),
                            lambda: self.places.show("why.gradcheck"), separator_before=True),
                     Action("why.fast.show", translate("Why", "Why backprop is fast"),
                            lambda: self.places.show("why.fast"))])

    def show_nudge(self) -> None:
        self.places.show("why.nudge")
        if self.places.current(Area.BOTTOM) not in ("why.nudge_curve", "why.gradcheck"):
            self.places.show("why.nudge_curve")

    @property
    def nudge_current(self) -> bool:
        return self.places.is_current("why.nudge")

    def _visible(self) -> tuple[bool, bool, bool]:
        """(nudge panel, ΔC curve, gradient check) shown now."""
        return (self.nudge_current, self.places.is_current("why.nudge_curve"),
                self.places.is_current("why.gradcheck"))

    def _key(self):
        return (problem_key(self.session), self._visible(), self.nudge_panel.slider.value())

    def _force(self, *_args) -> None:
        self._drawn_key = None
        self._poller.force()

    def _refresh_if_changed(self) -> None:
        key = self._key()
        if key != self._drawn_key:
            self._drawn_key = key
            self.refresh()

    def refresh(self) -> None:
        """Recompute what is on screen."""
        nudge_on, curve_on, check_on = self._visible()
        if not (nudge_on or curve_on or check_on):
            return
        problem = current_problem(self.session)
        self.nudge_panel.update_from(problem)
        if curve_on or nudge_on:
            self.curve_panel.update_from(problem, self.nudge_panel.result)
        if check_on:
            key = (problem_key(self.session), self.session.network.num_parameters)
            if key != getattr(self, "_check_key", None):
                self._check_key = key
                with signals_blocked(self.gradcheck_panel.eps_slider):
                    self.gradcheck_panel.update_from(problem)
        if nudge_on:
            self.lenses.offer("why.nudge", self.nudge_panel.lens)

