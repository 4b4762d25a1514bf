"""What the why views share: what is being explained (the selected parameter on the shown sample),
the sliders' scales, colours, and the plot and label factories."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from bpviz.core.gradcheck import Parameter
from bpviz.core.network import Network
from bpviz.explain.why import DEFAULT_NETS, book_name
from bpviz.gui.theme import theme
from bpviz.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.scene.layout import square_side

PLOT_BG = theme().plot_background
MUTED = f"color:{theme().muted};"
WARN = f"color:{theme().warn};"
HIGHLIGHT_BG = theme().highlight_background

#: The Δw slider: 10 steps per decade from 1e-4 to 1 on each side of 0 (0 = no nudge).
DW_STEPS_PER_DECADE = 10
DW_MIN_EXP = -4
DW_MAX = DW_STEPS_PER_DECADE * (0 - DW_MIN_EXP) + 1      # slider value of |Δw| = 1
#: The ε slider: 4 steps per decade from 1e-12 to 1.
EPS_STEPS_PER_DECADE = 4
EPS_MIN_EXP = -12
#: "Check every parameter" is offered up to this many parameters (2 forward passes each).
MAX_CHECK_PARAMETERS = 500
#: The quick why-fast series (a few seconds) and the issue's full series.
QUICK_NETS: tuple[tuple[int, ...], ...] = tuple((784, n, 10) for n in (5, 10, 20, 30))
MEDIUM_NETS: tuple[tuple[int, ...], ...] = ((784, 5, 10), (784, 10, 10), (784, 30, 10), (784, 100, 10),
                                            (784, 300, 10), (784, 100, 100, 100, 10))
PRESETS = ((QT_TRANSLATE_NOOP("Why", "quick (about 5 s)"), QUICK_NETS, 4.0),
           (QT_TRANSLATE_NOOP("Why", "medium (about 8 s)"), MEDIUM_NETS, 6.0),
           (QT_TRANSLATE_NOOP("Why", "full (about 25 s)"), DEFAULT_NETS, 20.0))
#: What each preset measures (the item's tooltip: the field itself is narrow at 1000 px).
PRESET_TIPS = (QT_TRANSLATE_NOOP("Why", "[784, n, 10] for n = 5 … 30"),
               QT_TRANSLATE_NOOP("Why", "n = 5 … 300 and [784, 100, 100, 100, 10]"),
               QT_TRANSLATE_NOOP("Why", "n = 5 … 300 and two deeper nets"))




def dw_from_slider(v: int) -> float:
    """Slider value → Δw: 0 → 0, ±1 → ±1e-4, …, ±DW_MAX → ±1 (log scale on each side)."""
    if v == 0:
        return 0.0
    return math.copysign(10.0 ** (DW_MIN_EXP + (abs(v) - 1) / DW_STEPS_PER_DECADE), v)


def eps_from_slider(v: int) -> float:
    return 10.0 ** (v / EPS_STEPS_PER_DECADE)


# -- what is being explained: the parameter, the sample, the network --------------------------------
@dataclass(frozen=True, eq=False)
class Problem:
    """The selected parameter on the sample the network view shows."""

    network: Network
    x: np.ndarray
    y: int
    sample_text: str      # which sample and where its target comes from
    parameter: Parameter

    @property
    def name(self) -> str:
        return book_name(self.parameter)


def selected_parameter(session) -> Parameter | None:
    """The clicked edge's weight w^l_jk, else the selected neuron's bias b^l_j (l ≥ 2), else None."""
    if session.edge_selection is not None:
        return Parameter.weight(*session.edge_selection)
    if session.selection is not None and session.selection[0] >= 2:
        return Parameter.bias(*session.selection)
    return None


def current_problem(session) -> Problem | None:
    param = selected_parameter(session)
    if param is None:
        return None
    net = session.snapshot_network()
    x, label = session.view_sample()
    x = np.asarray(x, dtype=np.float64)
    names = session.data.class_names
    if label is None:
        y = int(np.argmax(net.feedforward(x)))
        text = translate("Why", "your drawn digit; a drawing has no label, so the target is the class the network "
                         "predicts, “{name}”").format(name=names[y])
    else:
        y = int(label)
        text = (translate("Why", "test image #{index}, target its label “{name}”") if square_side(net.sizes[0])
                else translate("Why", "test sample #{index}, target its label “{name}”")).format(
            index=session.sample_index, name=names[y])
    return Problem(net, x, y, text, param)


def sample_key(session):
    """Changes whenever the network or the sample shown change."""
    return (session.params_version, id(session.world), session.sample_index,
            session.drawn_version if session.show_drawn else None)


def problem_key(session):
    """Changes whenever the numbers of a Problem would."""
    return (sample_key(session), session.edge_selection, session.selection)


def prompt_text(session) -> str:
    return translate("Why", "<b>Select a weight to nudge:</b> click an edge in the network (the weight "
                     "w<sup>l</sup><sub>jk</sub> joining neuron k of layer l−1 to neuron j of layer l), or click "
                     "a neuron of layer 2 … {L} for its bias b<sup>l</sup><sub>j</sub>.").format(
        L=len(session.network.sizes))






# == 1. the big picture: nudge a weight =========================================================


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
