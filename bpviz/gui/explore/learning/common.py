"""What the Learning views share: colours, names of settings in the interface language, plot and label factories."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
)

from bpviz.core.twin import (
    TwinSettings,
)
from bpviz.gui.theme import theme
from bpviz.i18n import translate
from bpviz.scene.names import cost_label, init_label
from bpviz.state.twin import TwinSetting

BG = theme().plot_background
#: One colour per hidden layer (layer 2 first), readable on the dark background.
LAYER_COLOURS = theme().series
RUN_COLOURS = (theme().blue, theme().amber)   # twin run a, run b


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




def shrinkable(combo: QComboBox) -> QComboBox:
    """A combo box that does not widen the panel to its longest entry."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo



