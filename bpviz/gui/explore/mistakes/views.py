"""The mistakes views' wiring: tabs and menu actions."""

from __future__ import annotations

from PySide6.QtCore import QObject

from bpviz.gui.explore.mistakes.confusion import ConfusionPanel
from bpviz.gui.explore.mistakes.teach import TeachPanel
from bpviz.gui.views import Action, Area, Contributions, Tab, ViewContext
from bpviz.i18n import translate


class MistakesViews(QObject):
    """The views of issue 13. Tabs: ``mistakes.confusion`` (bottom), ``mistakes.teach`` (left)."""

    def __init__(self, ctx: ViewContext) -> None:
        super().__init__(ctx.places)
        self.places = ctx.places
        s = ctx.session
        self.confusion = ConfusionPanel(s, ctx.places)
        self.teach = TeachPanel(s, ctx, self.confusion)
        self.places.current_changed.connect(lambda _area, _id: self.on_tab())
        s.world_changed.connect(self.on_tab)

    def on_tab(self) -> None:
        if self.places.is_current("mistakes.teach"):
            self.teach.refresh_pixels()
            self.teach.publish_lens()

    def show_confusion(self) -> None:
        self.places.show("mistakes.confusion")
        self.confusion.recompute()

    def in_teach(self, action):
        def run() -> None:
            self.places.show("mistakes.teach")
            action()
        return run

    def contributions(self) -> Contributions:
        tp = self.teach
        return Contributions(
            tabs=[Tab("mistakes.confusion", Area.BOTTOM, self.confusion, translate("Mistakes", "Mistakes"),
                      translate("Mistakes", "Confusion matrix of the test set and a gallery of its cells")),
                  Tab("mistakes.teach", Area.LEFT, tp, translate("Mistakes", "Teach"),
                      translate("Mistakes", "Teach the network one example and see which pixels matter"))],
            actions=[Action("mistakes.confusion.recompute", translate("Mistakes", "Confusion matrix (recompute)"),
                            self.show_confusion, "Ctrl+M",
                            translate("Mistakes", "Show the test set's confusion matrix on the latest weights")),
                     Action("mistakes.teach.step", translate("Mistakes", "Teach it this example (one step)"),
                            self.in_teach(tp.teach), "Ctrl+T",
                            translate("Mistakes", "One gradient-descent step on the shown example with the chosen label")),
                     Action("mistakes.teach.undo", translate("Mistakes", "Undo the last teaching step"),
                            self.in_teach(tp.undo), "Ctrl+U",
                            translate("Mistakes", "Put back the weights from before the last teaching step, exactly")),
                     Action("mistakes.pixels.nudge", translate("Mistakes", "Nudge the input towards the label"),
                            self.in_teach(tp.nudge_once), "Ctrl+G",
                            translate("Mistakes", "Move the input one step along −∂C/∂x and predict again"))])
