"""What the Learning views share: colours, names of settings in the interface language, plot and label factories."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
)

from bpviz.core.twin import (
    TwinSettings,
)
from bpviz.gui.widgets import (
    CompactPlot,
)
from bpviz.i18n import translate
from bpviz.scene.names import cost_label, init_label
from bpviz.state.twin import TwinSetting

BG = "#16181d"
#: One colour per hidden layer (layer 2 first), readable on the dark background.
LAYER_COLOURS = ("#60a5fa", "#f59e0b", "#34d399", "#f472b6", "#a78bfa", "#facc15", "#22d3ee", "#fb7185")
RUN_COLOURS = ("#60a5fa", "#f59e0b")   # twin run a, run b
CMAP_NAME = "CET-D1"                   # the network view's diverging map: blue − … grey 0 … red +


def layer_name(l: int, L: int) -> str:
    if l == 2:
        return translate("Learning", "layer 2 (first hidden)")
    if l == L - 1:
        return translate("Learning", "layer {l} (last hidden)").format(l=l)
    return translate("Learning", "layer {l} (hidden)").format(l=l)


def setting_name(key: str) -> str:
    """A setting of the twin runs as shown (the key itself is what is typed in bpviz train)."""
    try:
        return TwinSetting(key).label()
    except ValueError:
        return key


def twin_label(t: TwinSettings) -> str:
    """TwinSettings.label in the interface language (the cost and init as named in the Train tab)."""
    text = translate("Learning", "[{sizes}] {cost}, η = {eta}, {init}").format(
        sizes=",".join(map(str, t.sizes)), cost=cost_label(t.cost), eta=f"{t.eta:g}", init=init_label(t.init))
    return (text + (f" ×{t.init_scale:g}" if t.init_scale != 1 else "")
            + (f", λ = {t.lmbda:g}" if t.lmbda else ""))


def g3(v: float) -> str:
    return f"{float(v):.3g}".replace("-", "−")


def shrinkable(combo: QComboBox) -> QComboBox:
    """A combo box that does not widen the panel to its longest entry."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


def make_plot(title: str, left: str, bottom: str, log_y: bool = False) -> CompactPlot:
    w = CompactPlot(background=BG)
    p = w.getPlotItem()
    p.setTitle(title, size="9pt")
    p.setLabel("left", left)
    p.setLabel("bottom", bottom)
    p.showGrid(x=False, y=True, alpha=0.2)
    p.setMenuEnabled(False)
    p.getAxis("left").enableAutoSIPrefix(False)
    p.getAxis("bottom").enableAutoSIPrefix(False)
    if log_y:
        p.setLogMode(y=True)
    return w


def wrap_label(text: str = "", tip: str = "") -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if tip:
        lab.setToolTip(tip)
    return lab
