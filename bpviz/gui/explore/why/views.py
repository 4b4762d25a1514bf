"""The why views' wiring: tabs, menu actions, and keeping them on the session's current numbers."""

from __future__ import annotations

from PySide6.QtCore import QObject

from bpviz.gui.code_panel import CodePanel
from bpviz.gui.explore.why.common import current_problem, problem_key
from bpviz.gui.explore.why.fast import WhyFastPanel
from bpviz.gui.explore.why.gradcheck import GradCheckPanel
from bpviz.gui.explore.why.nudge import NudgeCurve, NudgePanel
from bpviz.gui.throttle import Poller
from bpviz.gui.widgets import signals_blocked
from bpviz.i18n import translate


# == wiring =====================================================================================
class WhyViews(QObject):
    """Owns the views of issue 11 and keeps them on the session's current numbers."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = s = window.session
        self.nudge_panel = NudgePanel(s)
        self.curve_panel = NudgeCurve()
        self.gradcheck_panel = GradCheckPanel(s)
        self.fast_panel = WhyFastPanel(s.workers)
        self.code_panel = CodePanel(s)

        window.tabs.addTab(self.nudge_panel, translate("Why", "Nudge"))
        window.tabs.setTabToolTip(window.tabs.indexOf(self.nudge_panel),
                                  translate("Why", "Backpropagation, the big picture: nudge one weight and follow the change to the "
                                  "cost"))
        bt = window.bottom_tabs
        for w, name, tip in (
                (self.curve_panel, translate("Why", "ΔC vs Δw"),
                 translate("Why", "ΔC against Δw for the selected weight: measured and predicted")),
                (self.gradcheck_panel, translate("Why", "Gradient check"),
                 translate("Why", "Backprop's gradient against central differences")),
                (self.fast_panel, translate("Why", "Why fast"),
                 translate("Why", "Time of the full gradient: backprop against central differences")),
                (self.code_panel, translate("Why", "Code"),
                 translate("Why", "The code of the current step-through step, line by line"))):
            bt.addTab(w, name)
            bt.setTabToolTip(bt.indexOf(w), tip)

        m = window.explore_menu
        self.nudge_tab_action = window.add_action(m, translate("Why", "Nudge a weight (the big picture)"), self.show_nudge, "Ctrl+4")
        self.smaller_action = window.add_action(m, translate("Why", "Smaller nudge Δw"), self.nudge_panel.smaller, "[",
                                             translate("Why", "Move the Δw slider of the Nudge tab one step left"))
        self.larger_action = window.add_action(m, translate("Why", "Larger nudge Δw"), self.nudge_panel.larger, "]",
                                            translate("Why", "Move the Δw slider of the Nudge tab one step right"))
        m.addSeparator()
        for text, w in ((translate("Why", "Gradient check"), self.gradcheck_panel),
                        (translate("Why", "Why backprop is fast"), self.fast_panel),
                        (translate("Why", "The code, line by line"), self.code_panel)):
            window.add_action(m, text, lambda _=False, w=w: bt.setCurrentWidget(w))

        self._poller = Poller(200, self._key, self.refresh, self)
        self.nudge_panel.slider.valueChanged.connect(lambda _v: self._poller.poll())
        window.tabs.currentChanged.connect(self._on_tab)
        bt.currentChanged.connect(lambda _i: self._poller.force())
        s.world_changed.connect(self._poller.force)
        self._poller.force()

    def show_nudge(self) -> None:
        self.window.tabs.setCurrentWidget(self.nudge_panel)
        if self.window.bottom_tabs.currentWidget() not in (self.curve_panel, self.gradcheck_panel):
            self.window.bottom_tabs.setCurrentWidget(self.curve_panel)

    @property
    def nudge_current(self) -> bool:
        return self.window.tabs.currentWidget() is self.nudge_panel

    def _visible(self) -> tuple[bool, bool, bool]:
        """(nudge panel, ΔC curve, gradient check) shown now."""
        bt = self.window.bottom_tabs.currentWidget()
        return self.nudge_current, bt is self.curve_panel, bt is self.gradcheck_panel

    def _key(self):
        return (problem_key(self.session), self._visible(), self.nudge_panel.slider.value())

    def _on_tab(self, _i: int) -> None:
        if not self.nudge_current and self.nudge_panel.owns_lens:
            self.nudge_panel.owns_lens = False
            if self.session.lens is self.nudge_panel.lens:
                self.session.set_lens(None)
        self._poller.force()

    def refresh(self) -> None:
        """Recompute what is on screen (the poller calls this only when its key changed)."""
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
            self.nudge_panel.owns_lens = True
            self.session.set_lens(self.nudge_panel.lens)


def install(window) -> None:
    window.why_views = v = WhyViews(window)
    window.nudge_panel = v.nudge_panel
    window.nudge_curve = v.curve_panel
    window.gradcheck_panel = v.gradcheck_panel
    window.why_fast_panel = v.fast_panel
    window.code_panel = v.code_panel
