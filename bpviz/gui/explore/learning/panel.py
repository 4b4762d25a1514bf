"""The left tab "Learning" (presets, saturation, twin runs) and the installation of the Learning views."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QWidget,
)

from bpviz.core.twin import (
    TwinRun,
)
from bpviz.gui.explore.learning.hidden_units import HiddenUnits
from bpviz.gui.explore.learning.presets import PresetControls
from bpviz.gui.explore.learning.saturation import SaturationControls
from bpviz.gui.explore.learning.speed import SpeedPlot
from bpviz.gui.explore.learning.twins import TwinControls, TwinPlot
from bpviz.gui.throttle import Throttle
from bpviz.gui.views import Action, Area, Contributions, Tab, ViewContext
from bpviz.gui.widgets import (
    scrolling_layout,
)
from bpviz.gui.worker import Job
from bpviz.i18n import translate
from bpviz.scene.lens import Lens
from bpviz.scene.presets import Preset


# =========================================================================================
# The left tab: presets, saturation, twin runs
# =========================================================================================
class LearningPanel(PresetControls, SaturationControls, TwinControls, QWidget):
    """Presets, the saturation lens and δ^L for both costs, and the twin-run controls."""

    def __init__(self, ctx: ViewContext, twin_plot: TwinPlot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = s = ctx.session
        self.places = ctx.places
        self.lenses = ctx.lenses
        self.accuracy_plot = ctx.accuracy_plot   # the preset's target line goes here
        self.twin_plot = twin_plot
        lay = scrolling_layout(self)
        lay.addWidget(self._make_presets())
        lay.addWidget(self._make_saturation())
        lay.addWidget(self._make_twins())
        lay.addStretch(1)
        self.target_line: pg.InfiniteLine | None = None
        self.applied: Preset | None = None
        s.world_changed.connect(self._on_world)
        s.config_changed.connect(self._check_preset)
        s.sample_changed.connect(lambda _i: self.refresh_saturation())
        s.selection_changed.connect(lambda _s: self.refresh_saturation())
        # the saturation follows the weights: ≤ 3×/s while training, at once when they are replaced
        self._sat_throttle = Throttle(300, self.refresh_saturation, self)
        s.progress.connect(self._sat_throttle.request)
        s.parameters_changed.connect(self._sat_throttle.request)
        self._batch_rng = np.random.default_rng(0)
        self._batch_idx: np.ndarray | None = None
        self.lens: Lens | None = None   # the lens this panel set last
        self.twin: TwinRun | None = None
        self.twin_job: Job | None = None        # the twin runs' job on the session's workers
        self.twin_error: BaseException | None = None
        self._on_preset_choice(0)





class LearningViews(QObject):
    """The views of issue 12. Tabs: ``learning`` (left), ``learning.speed``, ``learning.twins``,
    ``learning.hidden_units`` (bottom)."""

    def __init__(self, ctx: ViewContext) -> None:
        super().__init__(ctx.places)
        self.places = ctx.places
        s = ctx.session
        self.speed = SpeedPlot(s)
        self.twin_plot = TwinPlot()
        self.hidden = HiddenUnits(s)
        self.panel = panel = LearningPanel(ctx, self.twin_plot)
        self.places.current_changed.connect(lambda _area, _id: panel.on_tab())

    def toggle_saturation_lens(self) -> None:
        self.places.show("learning")
        self.panel.sat_lens.toggle()

    def contributions(self) -> Contributions:
        show = self.places.show
        panel = self.panel
        return Contributions(
            tabs=[Tab("learning.speed", Area.BOTTOM, self.speed, translate("Learning", "Speed of learning"),
                      translate("Learning", "‖∂C/∂b^l‖ per hidden layer: earlier layers learn more slowly")),
                  Tab("learning.twins", Area.BOTTOM, self.twin_plot, translate("Learning", "Twin runs"),
                      translate("Learning", "Two runs that differ in one setting, overlaid")),
                  Tab("learning.hidden_units", Area.BOTTOM, self.hidden, translate("Learning", "Hidden units"),
                      translate("Learning", "Each first-hidden-layer neuron's incoming weights as a 28×28 image")),
                  Tab("learning", Area.LEFT, panel, translate("Learning", "Learning"),
                      translate("Learning", "Why a network learns — or does not: presets, saturation, twin runs"))],
            actions=[Action("learning.show", translate("Learning", "Learning: presets, saturation, twin runs"),
                            lambda: show("learning"), "Ctrl+Shift+G", translate("Learning", "Show the Learning tab")),
                     Action("learning.speed.show", translate("Learning", "Speed of learning per layer"),
                            lambda: show("learning.speed"), "Ctrl+Shift+V",
                            translate("Learning", "Show ‖∂C/∂b^l‖ per hidden layer")),
                     Action("learning.hidden_units.show", translate("Learning", "Hidden units as images"),
                            lambda: show("learning.hidden_units"), "Ctrl+Shift+H",
                            translate("Learning", "Show each first-hidden-layer neuron's weights as a 28×28 image")),
                     Action("learning.saturation.toggle", translate("Learning", "Mark saturated neurons"),
                            self.toggle_saturation_lens, "Ctrl+Shift+S",
                            translate("Learning", "Show the Learning tab and toggle the saturation lens")),
                     Action("learning.twins.run", translate("Learning", "Run twins"), panel.run_twins, "Ctrl+Shift+T",
                            translate("Learning", "Train the two runs side by side")),
                     Action("learning.twins.slowdown", translate("Learning", "Learning slowdown (chapter 3)"),
                            panel.run_slowdown, "Ctrl+Shift+L",
                            translate("Learning", "Cross-entropy against quadratic cost from a saturated start"))])
