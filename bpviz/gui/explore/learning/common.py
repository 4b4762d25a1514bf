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


def cost_name(name: str) -> str:
    return (translate("Learning", "cross-entropy cost") if name == "cross-entropy"
            else translate("Learning", "quadratic cost") if name == "quadratic"
            else translate("Learning", "{name} cost").format(name=name))


def init_name(name: str) -> str:
    return (translate("Learning", "standard initial weights N(0, 1)") if name == "standard"
            else translate("Learning", "scaled initial weights N(0, 1/n_in)") if name == "scaled"
            else translate("Learning", "{name} initial weights").format(name=name))


def setting_name(key: str) -> str:
    """A setting of the twin runs as shown (the key itself is what is typed in bpviz train)."""
    names = {"eta": "η", "lmbda": "λ", "init_scale": translate("Learning", "init scale"),
             "cost": translate("Learning", "cost"), "init": translate("Learning", "init"),
             "sizes": translate("Learning", "sizes")}
    return names.get(key, key)


def twin_label(t: TwinSettings) -> str:
    """TwinSettings.label in the interface language (the cost and init as named in the Train tab)."""
    text = translate("Learning", "[{sizes}] {cost}, η = {eta}, {init}").format(
        sizes=",".join(map(str, t.sizes)), cost=cost_name(t.cost), eta=f"{t.eta:g}", init=init_name(t.init))
    return (text + (f" ×{t.init_scale:g}" if t.init_scale != 1 else "")
            + (f", λ = {t.lmbda:g}" if t.lmbda else ""))




def shrinkable(combo: QComboBox) -> QComboBox:
    """A combo box that does not widen the panel to its longest entry."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo



