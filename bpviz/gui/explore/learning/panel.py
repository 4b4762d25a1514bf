"""The left tab "Learning" (presets, saturation, twin runs) and the installation of the Learning views."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
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
from bpviz.gui.throttle import Poller
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

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.session = s = window.session
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
        self._sat_poller = Poller(300, self._sat_key, self.refresh_saturation, self)
        self._batch_rng = np.random.default_rng(0)
        self._batch_idx: np.ndarray | None = None
        self.lens: Lens | None = None   # the lens this panel set last
        self.twin: TwinRun | None = None
        self.twin_job: Job | None = None        # the twin runs' job on the session's workers
        self.twin_error: BaseException | None = None
        self._on_preset_choice(0)





def install(window) -> None:
    s = window.session
    window.learning_speed = SpeedPlot(s)
    window.learning_twin = TwinPlot()
    window.learning_hidden = HiddenUnits(s)
    b = window.bottom_tabs
    for w, name, tip in ((window.learning_speed, translate("Learning", "Speed of learning"),
                          translate("Learning", "‖∂C/∂b^l‖ per hidden layer: earlier layers learn more slowly")),
                         (window.learning_twin, translate("Learning", "Twin runs"),
                          translate("Learning", "Two runs that differ in one setting, overlaid")),
                         (window.learning_hidden, translate("Learning", "Hidden units"),
                          translate("Learning", "Each first-hidden-layer neuron's incoming weights as a 28×28 image"))):
        b.setTabToolTip(b.addTab(w, name), tip)
    panel = LearningPanel(window)
    window.learning_panel = panel
    i = window.tabs.addTab(panel, translate("Learning", "Learning"))
    window.tabs.setTabToolTip(i, translate("Learning", "Why a network learns — or does not: presets, saturation, twin runs"))
    window.tabs.currentChanged.connect(lambda _i: panel.on_tab())
    m = window.explore_menu
    window.add_action(m, translate("Learning", "Learning: presets, saturation, twin runs"), lambda: window.tabs.setCurrentWidget(panel),
                   "Ctrl+Shift+G", translate("Learning", "Show the Learning tab"))
    window.add_action(m, translate("Learning", "Speed of learning per layer"), lambda: b.setCurrentWidget(window.learning_speed),
                   "Ctrl+Shift+V", translate("Learning", "Show ‖∂C/∂b^l‖ per hidden layer"))
    window.add_action(m, translate("Learning", "Hidden units as images"), lambda: b.setCurrentWidget(window.learning_hidden),
                   "Ctrl+Shift+H", translate("Learning", "Show each first-hidden-layer neuron's weights as a 28×28 image"))
    window.add_action(m, translate("Learning", "Mark saturated neurons"), lambda: (window.tabs.setCurrentWidget(panel),
                                                         panel.sat_lens.toggle()),
                   "Ctrl+Shift+S", translate("Learning", "Show the Learning tab and toggle the saturation lens"))
    window.add_action(m, translate("Learning", "Run twins"), panel.run_twins, "Ctrl+Shift+T", translate("Learning", "Train the two runs side by side"))
    window.add_action(m, translate("Learning", "Learning slowdown (chapter 3)"), panel.run_slowdown, "Ctrl+Shift+L",
                   translate("Learning", "Cross-entropy against quadratic cost from a saturated start"))
