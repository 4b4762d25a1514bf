"""The mistakes views' wiring: tabs and menu actions."""

from __future__ import annotations

from bpviz.gui.explore.mistakes.confusion import ConfusionPanel
from bpviz.gui.explore.mistakes.teach import TeachPanel
from bpviz.i18n import translate


def install(window) -> None:
    s = window.session
    cp = ConfusionPanel(s, window)
    window.mistakes_panel = cp
    window.bottom_tabs.addTab(cp, translate("Mistakes", "Mistakes"))
    i = window.bottom_tabs.indexOf(cp)
    window.bottom_tabs.setTabToolTip(i, translate("Mistakes", "Confusion matrix of the test set and a gallery of its cells"))
    tp = TeachPanel(s, window, cp)
    window.teach_panel = tp
    window.tabs.addTab(tp, translate("Mistakes", "Teach"))
    window.tabs.setTabToolTip(window.tabs.indexOf(tp), translate("Mistakes", "Teach the network one example and see which pixels matter"))

    def on_tab(_index: int) -> None:
        if window.tabs.currentWidget() is tp:
            tp.refresh_pixels()
            tp.publish_lens()
        else:
            tp.release_lens()

    window.tabs.currentChanged.connect(on_tab)
    s.world_changed.connect(lambda: on_tab(0))

    def show_confusion() -> None:
        window.bottom_tabs.setCurrentWidget(cp)
        cp.recompute()

    def in_teach(action):
        def run() -> None:
            window.tabs.setCurrentWidget(tp)
            action()
        return run

    m = window.explore_menu
    window.confusion_action = window.add_action(m, translate("Mistakes", "Confusion matrix (recompute)"), show_confusion, "Ctrl+M",
                                             translate("Mistakes", "Show the test set's confusion matrix on the latest weights"))
    window.teach_action = window.add_action(m, translate("Mistakes", "Teach it this example (one step)"), in_teach(tp.teach), "Ctrl+T",
                                         translate("Mistakes", "One gradient-descent step on the shown example with the chosen label"))
    window.teach_undo_action = window.add_action(m, translate("Mistakes", "Undo the last teaching step"), in_teach(tp.undo), "Ctrl+U",
                                              translate("Mistakes", "Put back the weights from before the last teaching step, exactly"))
    window.nudge_action = window.add_action(m, translate("Mistakes", "Nudge the input towards the label"), in_teach(tp.nudge_once), "Ctrl+G",
                                         translate("Mistakes", "Move the input one step along −∂C/∂x and predict again"))
