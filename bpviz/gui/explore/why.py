"""Why backpropagation works and why it is fast (issue 11): four views on the core's numbers.

* **Nudge** (left tab) — change the selected weight (or bias) by Δw, see Δa of every later
  neuron on the network (a lens), ΔC measured by re-running the network next to backprop's
  ∂C/∂w · Δw, and the chain of local rates along the strongest path; bottom tab "ΔC vs Δw"
  draws both curves.
* **Gradient check** (bottom tab) — backprop's ∂C/∂θ against the central difference for ε on
  a log slider, the relative error against ε in float64 and float32, and every parameter of
  a small net in a table sorted by error.
* **Why fast** (bottom tab) — times the full gradient both ways for growing networks in a
  worker thread (:func:`bpviz.explain.why.why_fast`), log–log plot and table.
* **Code** (bottom tab) — the per-sample reference code (or the core's matrix form in
  mini-batch mode) with the line of the current step-through step highlighted and its shapes.

Every number comes from :mod:`bpviz.core.nudge`, :mod:`bpviz.core.gradcheck`,
:mod:`bpviz.explain.why` and :mod:`bpviz.scene.code`; nothing here recomputes them differently.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QColor, QFontDatabase, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from bpviz.core.gradcheck import Parameter, check_parameter, eps_sweep, gradient_check
from bpviz.core.network import Network
from bpviz.core.nudge import chain, nudge, nudge_curve
from bpviz.explain.why import DEFAULT_NETS, FastRow, book_name, why_fast
from bpviz.gui.throttle import Poller
from bpviz.gui.widgets import CompactPlot, scrolling_layout, signals_blocked
from bpviz.i18n import QT_TRANSLATE_NOOP, translate
from bpviz.scene.code import BATCH, SAMPLE, listings, step_notes
from bpviz.scene.lens import Lens
from bpviz.scene.notation import seconds, sup, symbol

PLOT_BG = "#16181d"
MUTED = "color:#9ca3af;"
WARN = "color:#fbbf24;"
HIGHLIGHT_BG = "#4b3f0f"

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
PRESETS = ((QT_TRANSLATE_NOOP("Why", "quick: [784, n, 10] for n = 5 … 30 (about 5 s)"), QUICK_NETS, 4.0),
           (QT_TRANSLATE_NOOP("Why", "medium: n = 5 … 300 and [784, 100, 100, 100, 10] (about 8 s)"), MEDIUM_NETS, 6.0),
           (QT_TRANSLATE_NOOP("Why", "full: n = 5 … 300 and two deeper nets (about 25 s)"), DEFAULT_NETS, 20.0))


def g(v: float, digits: int = 4) -> str:
    """A number with ``digits`` significant digits and a true minus sign."""
    if v is None or not math.isfinite(v):
        return translate("Why", "undefined") if v is None or math.isnan(v) else ("∞" if v > 0 else "−∞")
    if v == 0:
        return "0"   # never "−0"
    return f"{v:.{digits}g}".replace("-", "−")


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
        text = translate("Why", "test image #{index}, target its label “{name}”").format(
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


def _plot(title: str = "") -> CompactPlot:
    p = CompactPlot(background=PLOT_BG)
    p.setMenuEnabled(False)
    p.showGrid(x=True, y=True, alpha=0.15)
    if title:
        p.setTitle(title, color="#cbd5e1", size="10pt")
    for ax in ("left", "bottom"):
        p.getAxis(ax).enableAutoSIPrefix(False)
    return p


def _label(text: str = "", style: str = "", rich: bool = True) -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    if rich:
        lab.setTextFormat(Qt.TextFormat.RichText)
    if style:
        lab.setStyleSheet(style)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


# == 1. the big picture: nudge a weight =========================================================
class NudgePanel(QWidget):
    """Left tab: nudge the selected weight by Δw and follow the change to the cost."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.problem: Problem | None = None
        self.result = None       # core Nudge
        self.chain = None        # core Chain
        self.owns_lens = False
        self.lens: Lens | None = None

        self.intro = _label(translate("Why", "Change one weight by a small Δw and re-run the network: the change "
                                      "ripples through every later layer into the cost. Backprop predicts that "
                                      "ΔC ≈ ∂C/∂w · Δw."), MUTED)
        self.prompt = _label(prompt_text(session), WARN)
        self.what = _label()
        self.what.setStyleSheet("font-weight:bold; font-size:11pt;")
        self.sample = _label("", MUTED)

        self.slider = QSlider(Qt.Orientation.Horizontal, minimum=-DW_MAX, maximum=DW_MAX, value=21)
        self.slider.setToolTip(translate("Why", "The nudge Δw on a logarithmic scale each side of 0: ±0.0001 … ±1 "
                               "(keys [ and ] make it smaller and larger)"))
        self.slider.setPageStep(DW_STEPS_PER_DECADE)
        self.slider.valueChanged.connect(self._on_slider)
        self.dw_label = QLabel()
        self.dw_label.setMinimumWidth(110)
        self.dw_label.setToolTip(translate("Why", "The nudge Δw added to the selected parameter"))
        self.smaller_button = QPushButton("[")
        self.smaller_button.setToolTip(translate("Why", "Smaller Δw: one step left on the slider ([)"))
        self.smaller_button.clicked.connect(self.smaller)
        self.larger_button = QPushButton("]")
        self.larger_button.setToolTip(translate("Why", "Larger Δw: one step right on the slider (])"))
        self.larger_button.clicked.connect(self.larger)
        for b in (self.smaller_button, self.larger_button):
            b.setFixedWidth(34)
        row = QHBoxLayout()
        row.addWidget(QLabel("Δw"))
        row.addWidget(self.smaller_button)
        row.addWidget(self.slider, 1)
        row.addWidget(self.larger_button)
        row.addWidget(self.dw_label)

        self.numbers = _label()
        self.numbers.setStyleSheet("background:#111318; border:1px solid #374151; border-radius:4px; padding:6px;")
        self.numbers.setToolTip(translate("Why", "ΔC measured by running the network again with the nudged parameter, and "
                                "backpropagation's first-order prediction"))
        self.verdict = _label()
        self.ripple_box = QGroupBox(translate("Why", "Δa layer by layer (largest changes)"))
        self.ripple_box.setToolTip(translate("Why", "The network colours each layer's Δa on that layer's own largest |Δa| "
                                   "(red up, blue down); the colour bar is the weights' scale"))
        self.ripple = _label()
        QVBoxLayout(self.ripple_box).addWidget(self.ripple)
        self.chain_box = QGroupBox(translate("Why", "The chain along the strongest path"))
        self.chain_text = _label()
        self.chain_text.setToolTip(translate("Why", "The product of the local rates ∂a^{q+1}/∂a^q along the single path that "
                                   "carries the largest part of the change; the sum over all paths is backprop"))
        QVBoxLayout(self.chain_box).addWidget(self.chain_text)

        layout = scrolling_layout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.prompt)
        layout.addWidget(self.what)
        layout.addWidget(self.sample)
        layout.addLayout(row)
        layout.addWidget(self.numbers)
        layout.addWidget(self.verdict)
        layout.addWidget(self.ripple_box)
        layout.addWidget(self.chain_box)
        layout.addStretch(1)
        self._on_slider(self.slider.value())

    @property
    def dw(self) -> float:
        return dw_from_slider(self.slider.value())

    def smaller(self) -> None:
        self.slider.setValue(self.slider.value() - 1)

    def larger(self) -> None:
        self.slider.setValue(self.slider.value() + 1)

    def _on_slider(self, v: int) -> None:
        kind = self.problem.parameter.kind if self.problem is not None else "w"
        self.dw_label.setText(f"Δ{kind} = {g(self.dw, 3)}")

    def update_from(self, problem: Problem | None) -> None:
        """Recompute everything for ``problem`` and the slider's Δw (cheap: two forward passes)."""
        self.problem = problem
        has = problem is not None
        self.prompt.setVisible(not has)
        for w in (self.what, self.sample, self.numbers, self.verdict, self.ripple_box, self.chain_box):
            w.setVisible(has)
        if not has:
            self.result = self.chain = self.lens = None
            return
        p, name = problem.parameter, problem.name
        self._on_slider(self.slider.value())
        self.result = n = nudge(problem.network, problem.x, problem.y, p, self.dw)
        self.chain = c = chain(problem.network, problem.x, problem.y, p)
        where = (translate("Why", "the edge from neuron {k} of layer {lp} to neuron {j} of layer {l}").format(
                     k=p.k, lp=p.l - 1, j=p.j, l=p.l) if p.kind == "w"
                 else translate("Why", "the bias of neuron {j} of layer {l}").format(j=p.j, l=p.l))
        self.what.setText(translate("Why", "Nudging {name} = {value}").format(name=name, value=g(n.value)))
        self.what.setToolTip(where)
        self.sample.setText(translate("Why", "Sample: {sample}.").format(sample=problem.sample_text))
        d = p.kind
        rows = [(translate("Why", "C before the nudge"), g(n.cost, 6)),
                (translate("Why", "ΔC measured (network re-run)"), g(n.delta_cost, 6)),
                (translate("Why", "∂C/∂{d} · Δ{d} (backprop's prediction)").format(d=d), g(n.predicted, 6)),
                (translate("Why", "∂C/∂{name} (backprop)").format(name=name), g(n.gradient, 6)),
                (translate("Why", "ratio measured / predicted"), g(n.ratio, 6))]
        self.numbers.setText("<table>" + "".join(
            f"<tr><td style='padding:1px 8px 1px 0;'>{a}</td><td align='right'><b>{b}</b></td></tr>"
            for a, b in rows) + "</table>")
        self.verdict.setText(self._verdict(n))
        self.ripple.setText(self._ripple_html(n))
        self.chain_text.setText(self._chain_html(c, name))
        self.lens = self._lens(problem, n, c)

    def _verdict(self, n) -> str:
        if n.dw == 0:
            return translate("Why", "Δw = 0: nothing is nudged, so nothing changes. Move the slider.")
        if n.gradient == 0:
            p = self.problem.parameter
            why = ""
            if p.kind == "w":
                a_prev = self.problem.network.forward(self.problem.x[None, :])[1][p.l - 2][0]
                if a_prev[p.k] == 0:
                    why = " " + translate("Why", "{a} = 0 on this sample, so this weight has no effect on it.").format(
                        a=symbol('a', p.l - 1, p.k))
            return translate("Why", "∂C/∂θ = 0: backprop predicts no change; measured ΔC = {dc}.").format(
                dc=g(n.delta_cost)) + why
        off = abs(n.ratio - 1)
        if off < 0.01:
            return translate("Why", "Measured and predicted agree to {pct} %: for this Δw the first-order "
                             "prediction of backprop is right.").format(pct=f"{100 * off:.2g}")
        return translate("Why", "Measured and predicted differ by {pct} %: at this Δw the change is no longer "
                         "proportional to Δw (the second-order terms matter). Make Δw smaller ([) and they "
                         "meet.").format(pct=f"{100 * off:.3g}")

    def _ripple_html(self, n) -> str:
        p = n.parameter
        out = []
        for q in range(p.l, len(n.delta_a) + p.l):
            d = n.da(q)
            top = [int(i) for i in np.argsort(-np.abs(d), kind="stable")[:3] if d[i] != 0]
            items = ", ".join(f"Δ{symbol('a', q, i)} = {g(float(d[i]), 3)}" for i in top) or translate("Why", "no change")
            out.append(translate("Why", "layer {q}: {items}").format(q=q, items=items))
        out.append(translate("Why", "<b>cost: ΔC = {dc}</b>").format(dc=g(n.delta_cost, 4)))
        return "<br>".join(out)

    def _chain_html(self, c, name: str) -> str:
        l, path, f = c.parameter.l, c.best_path, c.best_factors
        last = l + len(path) - 1

        def node(q: int) -> str:   # a softmax output's paths end at z^L (issue 19: Chain.ends_at_z)
            return "z" if c.ends_at_z and q == last else "a"

        parts = [f"∂{symbol(node(l), l, path[0])}/∂{name} = {g(f[0])}"]
        for i, (a, b) in enumerate(zip(path[:-1], path[1:])):
            parts.append(f"∂{symbol(node(l + i + 1), l + i + 1, b)}/∂{symbol('a', l + i, a)} = {g(f[i + 1])}")
        parts.append(f"∂C/∂{symbol(node(last), last, path[-1])} = {g(f[-1])}")
        route = " → ".join(symbol(node(l + i), l + i, j) for i, j in enumerate(path)) + " → C"
        share = c.best_share
        share_text = (translate("Why", "undefined (the sum is 0)") if not math.isfinite(share)
                      else f"{100 * share:.3g} %")
        cancel = (translate("Why", " — more than all of it: paths of the other sign cancel part of this one")
                  if math.isfinite(share) and abs(share) > 1 else "")
        agree = abs(c.total - c.gradient) <= 1e-9 * max(abs(c.gradient), 1e-300) + 1e-15
        eq = "=" if agree else "≠"
        which = (translate("Why", "The only path") if c.num_paths == 1
                 else translate("Why", "Strongest of {n} paths").format(n=f"{c.num_paths:,}"))
        total = (translate("Why", "Sum over the 1 path = <b>{total}</b> {eq} backprop's ∂C/∂{name} = <b>{grad}</b>")
                 if c.num_paths == 1 else
                 translate("Why", "Sum over all {n} paths = <b>{total}</b> {eq} backprop's ∂C/∂{name} = "
                           "<b>{grad}</b>"))
        return (f"{which}: {route}<br>"
                + "<br>".join(f"&nbsp;&nbsp;{t}" for t in parts)
                + "<br>" + translate("Why", "product = <b>{product}</b>, share of the sum: {share}").format(
                    product=g(c.best_product), share=share_text) + f"{cancel}<br>"
                + total.format(n=f"{c.num_paths:,}", total=g(c.total, 8), eq=eq, name=name,
                               grad=g(c.gradient, 8)))

    def _lens(self, problem: Problem, n, c) -> Lens:
        p, L = problem.parameter, problem.network.num_layers
        values: list = [None] * L
        values[0] = ("a", problem.x)
        for q in range(p.l, L + 1):
            values[q - 1] = ("Δa", n.da(q))
        path_edges = tuple((p.l + i + 1, b, a) for i, (a, b) in enumerate(zip(c.best_path[:-1], c.best_path[1:])))
        nudged = ((p.l, p.j, p.k),) if p.kind == "w" else ()
        nodes = tuple((p.l + i, j) for i, j in enumerate(c.best_path))
        return Lens(title=translate("Why", "Δa after nudging {name} by {dw} · rings: strongest path").format(
                        name=problem.name, dw=g(n.dw, 3)),
                    node_values=values, marked_nodes=nodes, marked_edges=nudged + path_edges)
        # No legend of our own: the view's colour bar is the scale of the edges (the weights); the Δa
        # of each layer is coloured on that layer's own largest |Δa| (values in the panel).


class NudgeCurve(QWidget):
    """Bottom tab: ΔC against Δw, measured and predicted, with the current Δw marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = _plot()
        self.plot.setLabel("bottom", "Δw")
        self.plot.setLabel("left", "ΔC")
        self.plot.addLegend(offset=(10, 5), labelTextColor="#e5e7eb")
        self.measured = self.plot.plot([], [], pen=pg.mkPen("#f59e0b", width=2), name=translate("Why", "ΔC measured (network re-run)"))
        self.predicted = self.plot.plot([], [], pen=pg.mkPen("#60a5fa", width=2, style=Qt.PenStyle.DashLine),
                                        name=translate("Why", "∂C/∂w · Δw (backprop)"))
        self.marker = pg.InfiniteLine(angle=90, pen=pg.mkPen("#facc15", width=1))
        self.plot.addItem(self.marker)
        self.dot = pg.ScatterPlotItem(size=9, brush=pg.mkBrush("#facc15"), pen=None)
        self.plot.addItem(self.dot)
        self.caption = _label("", MUTED)
        self.curve = None
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        v.addWidget(self.caption)
        v.addWidget(self.plot, 1)

    def update_from(self, problem: Problem | None, result) -> None:
        if problem is None or result is None:
            self.curve = None
            self.measured.setData([], [])
            self.predicted.setData([], [])
            self.dot.setData([], [])
            self.caption.setText(translate("Why", "Select a weight (click an edge) in the Nudge tab to see ΔC against Δw."))
            return
        span = max(1.0, abs(result.dw))
        # An even grid for the picture plus log-spaced small nudges, so that the 1 % limit below is
        # found to within a few per cent rather than to the grid step.
        small = span * np.logspace(-4, 0, 81)
        dws = np.unique(np.concatenate([np.linspace(-span, span, 161), small, -small]))
        self.curve = c = nudge_curve(problem.network, problem.x, problem.y, problem.parameter, dws)
        self.measured.setData(c.dws, c.measured)
        self.predicted.setData(c.dws, c.predicted)
        self.marker.setValue(result.dw)
        self.dot.setData([result.dw], [result.delta_cost])
        # The largest |Δw| up to which measured and predicted agree within 1 % on this grid.
        with np.errstate(divide="ignore", invalid="ignore"):
            off = np.abs(c.measured / c.predicted - 1)
        nz = c.dws != 0
        order = np.argsort(np.abs(c.dws[nz]))
        ok = off[nz][order] < 0.01
        if c.gradient == 0:
            agree = translate("Why", "Backprop's gradient is 0 here, so its prediction is the flat line ΔC = 0.")
        elif ok.all():
            agree = translate("Why", "Measured and predicted agree within 1 % over the whole range "
                              "|Δw| ≤ {span}.").format(span=g(span, 3))
        else:
            first_bad = int(np.argmin(ok))
            sizes = np.abs(c.dws[nz][order])
            if first_bad == 0:
                agree = translate("Why", "They differ by more than 1 % even at |Δw| = {dw}, the smallest nudge "
                                  "plotted (rounding of C, or a second-order change larger than the first-order "
                                  "one).").format(dw=g(sizes[0], 2))
            else:
                agree = translate("Why", "They agree within 1 % for |Δw| up to {dw} and part beyond "
                                  "it: the prediction is the tangent at Δw = 0.").format(dw=g(sizes[first_bad - 1], 2))
        self.caption.setText(translate("Why", "ΔC of {name} against Δw on {sample} (each point a full re-run "
                                       "of the network); the marked point is Δw = {dw}.").format(
            name=problem.name, sample=problem.sample_text, dw=g(result.dw, 3)) + " " + agree)


# == 2. gradient check ==========================================================================
class GradCheckPanel(QWidget):
    """Bottom tab: backprop's ∂C/∂θ against the central difference, and every parameter."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.problem: Problem | None = None
        self.sweep = None
        self.checks: dict[str, object] = {}
        self.check_rows: list = []

        self.what = _label()
        self.eps_slider = QSlider(Qt.Orientation.Horizontal, minimum=EPS_MIN_EXP * EPS_STEPS_PER_DECADE, maximum=0,
                                  value=-6 * EPS_STEPS_PER_DECADE)
        self.eps_slider.setPageStep(EPS_STEPS_PER_DECADE)
        self.eps_slider.setToolTip(translate("Why", "ε of the central difference (C(θ+ε) − C(θ−ε)) / 2ε, from 1e-12 to 1 on a log "
                                   "scale"))
        self.eps_slider.valueChanged.connect(self._on_eps)
        self.eps_label = QLabel()
        self.eps_label.setMinimumWidth(80)
        er = QHBoxLayout()
        er.addWidget(QLabel("ε"))
        er.addWidget(self.eps_slider, 1)
        er.addWidget(self.eps_label)
        self.values = _label()
        self.values.setStyleSheet("background:#111318; border:1px solid #374151; border-radius:4px; padding:4px;")
        self.check_button = QPushButton(translate("Why", "Check every parameter"))
        self.check_button.clicked.connect(self.check_all)
        self.check_note = _label("", MUTED)
        left = QWidget()
        lv = scrolling_layout(left)   # scrolls when the bottom area is short (small screens)
        lv.setContentsMargins(0, 0, 4, 0)
        lv.addWidget(self.what)
        lv.addLayout(er)
        lv.addWidget(self.values)
        lv.addStretch(1)
        lv.addWidget(self.check_button)
        lv.addWidget(self.check_note)

        self.plot = _plot()
        self.plot.setLogMode(x=True, y=True)
        self.plot.setLabel("bottom", "ε")
        self.plot.setLabel("left", translate("Why", "relative error"))
        self.plot.addLegend(offset=(-10, 5), labelTextColor="#e5e7eb")
        self.curve64 = self.plot.plot([], [], pen=pg.mkPen("#34d399", width=2), symbol="o", symbolSize=4,
                                      symbolBrush="#34d399", symbolPen=None, name="float64", connect="finite")
        self.curve32 = self.plot.plot([], [], pen=pg.mkPen("#f472b6", width=2), symbol="o", symbolSize=4,
                                      symbolBrush="#f472b6", symbolPen=None, name="float32", connect="finite")
        self.eps_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#facc15", width=1))
        self.plot.addItem(self.eps_line)
        self.plot_caption = _label("", MUTED)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([translate("Why", "parameter"), translate("Why", "backprop"), translate("Why", "numerical"), translate("Why", "relative error")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.setToolTip(translate("Why", "Every parameter of the network on this sample, worst relative error first; "
                              "click a row to select that weight or bias"))
        self.table.cellClicked.connect(self._on_row)

        lv.insertWidget(3, self.plot_caption)
        left.setFixedWidth(300)
        # The plot and the table share the space beside the controls (the bottom area is not wide).
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.plot, translate("Why", "Relative error against ε"))
        self.pages.addTab(self.table, translate("Why", "Every parameter"))
        self.pages.setTabToolTip(1, translate("Why", "Fill it with “Check every parameter” (small nets)"))
        h = QHBoxLayout(self)
        h.setContentsMargins(4, 4, 4, 4)
        h.addWidget(left)
        h.addWidget(self.pages, 1)
        self._on_eps(self.eps_slider.value(), recompute=False)

    @property
    def eps(self) -> float:
        return eps_from_slider(self.eps_slider.value())

    def _on_eps(self, _v: int, recompute: bool = True) -> None:
        self.eps_label.setText(f"ε = {self.eps:.0e}")
        self.eps_line.setValue(math.log10(self.eps))
        if recompute:
            self._show_checks()

    def update_from(self, problem: Problem | None) -> None:
        self.problem = problem
        P = self.session.network.num_parameters
        ok = P <= MAX_CHECK_PARAMETERS
        self.check_button.setEnabled(ok)
        self.check_button.setToolTip(
            translate("Why", "Central differences for all {P} parameters of this net on this sample (2 forward "
                      "passes each) at the ε above").format(P=f"{P:,}") if ok else
            translate("Why", "Offered for nets up to {max} parameters; this one has {P} (try sizes 2,3,2 in the "
                      "Train tab, or bpviz explain gradcheck for a sample of a big net)").format(
                max=MAX_CHECK_PARAMETERS, P=f"{P:,}"))
        if not ok:
            self.check_note.setText(translate("Why", "“Check every parameter” is for small nets (≤ {max} "
                                              "parameters); this one has {P}.").format(
                max=MAX_CHECK_PARAMETERS, P=f"{P:,}"))
        elif not self.check_rows:
            self.check_note.setText(translate("Why", "{P} parameters: the table lists them all, worst first.")
                                    .format(P=P))
        key = sample_key(self.session)
        if key != getattr(self, "_table_key", None):   # the table is of the whole net on one sample
            self._table_key = key
            self.table.setRowCount(0)
            self.check_rows = []
        if problem is None:
            self.sweep = None
            self.checks = {}
            self.what.setText(prompt_text(self.session))
            self.values.setText("")
            self.curve64.setData([], [])
            self.curve32.setData([], [])
            self.plot_caption.setText("")
            return
        self.what.setText(translate("Why", "<b>{name}</b> on {sample}").format(
            name=problem.name, sample=problem.sample_text))
        self.sweep = s = eps_sweep(problem.network, problem.x, problem.y, problem.parameter)
        for curve, name in ((self.curve64, "float64"), (self.curve32, "float32")):
            err = s.errors[name].astype(float)
            # 0 (exact agreement) has no place on a log axis: those points are left out, not moved.
            curve.setData(s.eps, np.where(err > 0, err, np.nan))
        b64, b32 = s.best_eps("float64"), s.best_eps("float32")
        self.plot_caption.setText(translate(
            "Why", "Relative error |g_bp − g_num| / (|g_bp| + |g_num|): smallest in float64 ({e64}) at ε = "
            "{b64}, in float32 ({e32}) at ε = {b32}. Larger ε: the difference quotient's own error (∝ ε²); "
            "smaller ε: rounding of C (∝ 1/ε) takes over.").format(
            e64=g(float(np.min(s.errors['float64'])), 2), b64=f"{b64:.0e}",
            e32=g(float(np.min(s.errors['float32'])), 2), b32=f"{b32:.0e}"))
        self._show_checks()

    def _show_checks(self) -> None:
        pr = self.problem
        if pr is None:
            return
        self.checks = {d: check_parameter(pr.network, pr.x, pr.y, pr.parameter, eps=self.eps, dtype=d)
                       for d in ("float64", "float32")}
        head = "<tr><td></td><td align='right'><b>float64</b></td><td align='right'><b>float32</b></td></tr>"
        rows = [(translate("Why", "backprop ∂C/∂θ"), "backprop"),
                (translate("Why", "central difference"), "numerical"),
                (translate("Why", "relative error"), "relative_error")]
        body = "".join(
            f"<tr><td style='padding-right:8px;'>{t}</td>"
            + "".join(f"<td align='right' style='padding-left:8px;'>{g(getattr(self.checks[d], a), 5 if a != 'relative_error' else 2)}</td>"
                      for d in ("float64", "float32")) + "</tr>"
            for t, a in rows)
        self.values.setText(f"<table>{head}{body}</table>")

    def _on_row(self, row: int, _col: int = 0) -> None:
        """Select the parameter of a table row in the network (its edge, or its neuron for a bias)."""
        if not 0 <= row < len(self.check_rows):
            return
        p = self.check_rows[row].parameter
        self.session.select((p.l, p.j))
        self.session.select_edge((p.l, p.j, p.k) if p.kind == "w" else None)

    def check_all(self) -> None:
        pr = self.problem
        s = self.session
        net = s.snapshot_network() if pr is None else pr.network
        if net.num_parameters > MAX_CHECK_PARAMETERS:
            return
        if pr is None:
            x, label = s.view_sample()
            x = np.asarray(x, dtype=np.float64)
            y = int(np.argmax(net.feedforward(x))) if label is None else int(label)
        else:
            x, y = pr.x, pr.y
        check = gradient_check(net, x[None, :], np.array([y]), eps=self.eps, dtype="float64")
        self.check_rows = rows = check.rows()
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for col, text in enumerate((book_name(r.parameter), g(r.backprop, 5), g(r.numerical, 5),
                                        f"{r.relative_error:.2e}")):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        self.pages.setCurrentWidget(self.table)
        worst = rows[0].relative_error if rows else 0.0
        self.check_note.setText(translate("Why", "Checked all {n} parameters in float64 at ε = {eps}: worst "
                                          "relative error {worst} ({name}).").format(
            n=len(rows), eps=f"{self.eps:.0e}", worst=f"{worst:.2e}", name=book_name(rows[0].parameter)))


# == 3. why backprop is fast ====================================================================
class _FastThread(QThread):
    starting = Signal(int)          # index of the network about to be measured
    row_ready = Signal(int, object)  # index, FastRow
    failed = Signal(str)            # an error message

    def __init__(self, nets, max_seconds: float, stop: threading.Event) -> None:
        super().__init__()
        self.nets, self.max_seconds, self.stop = list(nets), float(max_seconds), stop
        self.setObjectName("bpviz-why-fast")

    def run(self) -> None:  # noqa: D102 (in the new thread)
        gen = np.random.default_rng(0)
        per_net = self.max_seconds / max(1, len(self.nets))
        try:
            for i, sizes in enumerate(self.nets):
                if self.stop.is_set():
                    return
                self.starting.emit(i)
                row = why_fast([sizes], max_seconds=per_net, rng=gen)[0]
                self.row_ready.emit(i, row)
        except Exception as e:  # shown in the panel; a worker must never die silently
            self.failed.emit(f"{type(e).__name__}: {e}")


class WhyFastPanel(QWidget):
    """Bottom tab: time for the full gradient by backprop and by central differences, against P."""

    COLUMNS = [QT_TRANSLATE_NOOP("Why", "network"), "P", QT_TRANSLATE_NOOP("Why", "forward passes"),
               QT_TRANSLATE_NOOP("Why", "central differences"), QT_TRANSLATE_NOOP("Why", "backprop"),
               QT_TRANSLATE_NOOP("Why", "ratio"), QT_TRANSLATE_NOOP("Why", "how")]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nets: tuple[tuple[int, ...], ...] = QUICK_NETS
        self.max_seconds = 4.0
        self.rows: list[FastRow] = []
        self.thread: _FastThread | None = None
        self._stop = threading.Event()

        self.preset = QComboBox()
        for text, _nets, _sec in PRESETS:
            self.preset.addItem(translate("Why", text))
        self.preset.setToolTip(translate("Why", "Which networks to measure (each on one random input, N(0, 1/n_in) weights)"))
        self.preset.currentIndexChanged.connect(self._on_preset)
        self.run_button = QPushButton(translate("Why", "Run"))
        self.run_button.setToolTip(translate("Why", "Compute the full gradient of one sample's cost both ways for each network, "
                                   "counting forward passes and timing both (in a background thread)"))
        self.run_button.clicked.connect(self.start)
        self.stop_button = QPushButton(translate("Why", "Stop"))
        self.stop_button.setToolTip(translate("Why", "Stop after the network being measured (a few seconds at most)"))
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setFormat(translate("Why", "%v / %m networks"))
        self.progress.setMaximum(len(self.nets))
        self.progress.setValue(0)
        self.progress.setMinimumWidth(130)
        self.progress.setToolTip(translate("Why", "Networks measured so far"))
        self.status = _label("")
        top = QHBoxLayout()
        top.addWidget(self.preset, 1)
        top.addWidget(self.run_button)
        top.addWidget(self.stop_button)
        top.addWidget(self.progress)

        self.plot = _plot()
        self.plot.setLogMode(x=True, y=True)
        self.plot.setLabel("bottom", translate("Why", "parameters P"))
        self.plot.setLabel("left", translate("Why", "seconds"))
        self.plot.setToolTip(translate("Why", "Seconds for the full gradient of one sample's cost, against the number of "
                             "parameters P (both axes logarithmic)"))
        self.num_curve = self.plot.plot([], [], pen=pg.mkPen("#f59e0b", width=2))
        self.num_measured = pg.ScatterPlotItem(size=9, brush=pg.mkBrush("#f59e0b"), pen=None)
        self.num_extrap = pg.ScatterPlotItem(size=10, brush=pg.mkBrush(None), pen=pg.mkPen("#f59e0b", width=2))
        self.bp_curve = self.plot.plot([], [], pen=pg.mkPen("#34d399", width=2), symbol="o", symbolSize=8,
                                       symbolBrush="#34d399", symbolPen=None)
        self.plot.addItem(self.num_measured)
        self.plot.addItem(self.num_extrap)
        self.ratio_texts: list[pg.TextItem] = []

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("Why", c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note = _label(translate("Why", "Press Run. Every time is measured on this machine; nothing is assumed. "
                                     "For a big network the central differences of a random sample of parameters "
                                     "are timed and scaled to all P: those points are hollow and the table says so."),
                           MUTED)

        self.key = _label("<span style='color:#f59e0b;'>● "
                          + translate("Why", "central differences, 2P passes (hollow: extrapolated)")
                          + "</span> &nbsp; <span style='color:#34d399;'>● "
                          + translate("Why", "backprop, 2 passes") + "</span> &nbsp; "
                          + translate("Why", "labels: backprop's speed-up"))
        plot_page = QWidget()
        pv = QVBoxLayout(plot_page)
        pv.setContentsMargins(0, 0, 0, 0)
        pv.addWidget(self.key)
        pv.addWidget(self.plot, 1)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(plot_page, translate("Why", "Time against P (log–log)"))
        self.pages.addTab(self.table, translate("Why", "Table"))
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        v.setSpacing(3)
        v.addLayout(top)
        v.addWidget(self.pages, 1)
        v.addWidget(self.status)
        v.addWidget(self.note)

    def _on_preset(self, i: int) -> None:
        _text, self.nets, self.max_seconds = PRESETS[i]
        self.progress.setMaximum(len(self.nets))
        self.progress.setValue(0)

    @property
    def running(self) -> bool:
        return self.thread is not None

    def start(self) -> None:
        if self.thread is not None:
            return
        self.rows = []
        self.failed_text = None
        self._stop = threading.Event()
        self._refresh_rows()
        self.progress.setMaximum(len(self.nets))
        self.progress.setValue(0)
        t = _FastThread(self.nets, self.max_seconds, self._stop)
        t.starting.connect(self._on_starting)
        t.row_ready.connect(self._on_row)
        t.failed.connect(self._on_failed)
        t.finished.connect(self._on_finished)
        self.thread = t   # referenced until finished: a collected running QThread aborts the process
        self.run_button.setEnabled(False)
        self.preset.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.status.setText(translate("Why", "Measuring {n} networks (about {s} s of central differences in "
                                      "all)…").format(n=len(self.nets), s=f"{self.max_seconds:g}"))
        t.start()

    def stop(self) -> None:
        if self.thread is not None:
            self._stop.set()
            self.status.setText(translate("Why", "Stopping after the network being measured…"))

    def shutdown(self) -> None:
        """Stop and wait (closing the window)."""
        t = self.thread
        if t is not None:
            self._stop.set()
            t.wait()
            self._on_finished()

    def _on_starting(self, i: int) -> None:
        if i < len(self.nets):
            self.status.setText(translate("Why", "Measuring [{sizes}] ({i} of {n})…").format(
                sizes=", ".join(map(str, self.nets[i])), i=i + 1, n=len(self.nets)))

    def _on_row(self, i: int, row: FastRow) -> None:
        self.rows.append(row)
        self.progress.setValue(len(self.rows))
        self._refresh_rows()

    def _on_failed(self, text: str) -> None:
        self.failed_text = text
        self.status.setText(translate("Why", "The measurement failed: {text}").format(text=text))

    def _on_finished(self) -> None:
        t, self.thread = self.thread, None
        if t is None:
            return
        t.wait()
        t.deleteLater()
        self.run_button.setEnabled(True)
        self.preset.setEnabled(True)
        self.stop_button.setEnabled(False)
        n = len(self.rows)
        if getattr(self, "failed_text", None) is None:
            stopped = self._stop.is_set() and n < len(self.nets)
            text = (translate("Why", "Measured {n} of {total} networks (stopped).") if stopped
                    else translate("Why", "Measured {n} of {total} networks."))
            self.status.setText(text.format(n=n, total=len(self.nets)) + self._summary())

    def _summary(self) -> str:
        if len(self.rows) < 2:
            return ""
        a, b = self.rows[0], max(self.rows, key=lambda r: r.parameters)
        text = (translate("Why", "From P = {a} to P = {b} backprop's lead grew: ×{ra} to ×{rb} (central "
                          "differences cost 2P passes, backprop 2).") if b.ratio > a.ratio else
                translate("Why", "From P = {a} to P = {b} backprop's lead did not grow: ×{ra} to ×{rb} (central "
                          "differences cost 2P passes, backprop 2)."))
        return " " + text.format(a=f"{a.parameters:,}", b=f"{b.parameters:,}", ra=f"{a.ratio:,.0f}",
                                 rb=f"{b.ratio:,.0f}")

    def _refresh_rows(self) -> None:
        rows = sorted(self.rows, key=lambda r: r.parameters)
        P = np.array([r.parameters for r in rows], dtype=float)
        tn = np.array([r.numerical_seconds for r in rows])
        tb = np.array([r.backprop_seconds for r in rows])
        ext = np.array([r.extrapolated for r in rows], dtype=bool)
        self.num_curve.setData(P, tn)
        self.bp_curve.setData(P, tb)
        # Scatter items are not given log mode by the plot: hand them log10 coordinates.
        lp, ln = np.log10(P) if P.size else P, np.log10(tn) if tn.size else tn
        self.num_measured.setData(lp[~ext], ln[~ext])
        self.num_extrap.setData(lp[ext], ln[ext])
        for t in self.ratio_texts:
            self.plot.removeItem(t)
        self.ratio_texts = []
        last = -math.inf
        for x, y, r in zip(lp, ln, rows):
            if x - last < 0.2:   # too close to the previous label to be read (the table has every ratio)
                continue
            last = x
            t = pg.TextItem(f"×{r.ratio:,.0f}", color="#fde68a", anchor=(0.5, 1.2))
            t.setPos(float(x), float(y))
            self.plot.addItem(t)
            self.ratio_texts.append(t)
        if P.size:
            lt = np.log10(np.concatenate([tn, tb]))
            x0, x1 = math.floor(lp.min() - 0.1), math.ceil(lp.max() + 0.1)
            y0, y1 = math.floor(lt.min() - 0.1), math.ceil(lt.max() + 0.8)
            self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.02)
            # Decades only: pyqtgraph's minor log ticks run into each other on a narrow plot.
            self.plot.getAxis("bottom").setTicks([[(k, f"10{sup(k)}") for k in range(x0, x1 + 1)], []])
            self.plot.getAxis("left").setTicks([[(k, f"10{sup(k)}") for k in range(y0, y1 + 1)], []])
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            how = (translate("Why", "extrapolated from {t} of {P} parameters ({passes} passes counted)").format(
                       t=f"{r.parameters_timed:,}", P=f"{r.parameters:,}", passes=f"{r.passes_counted:,}")
                   if r.extrapolated else translate("Why", "all parameters timed"))
            cells = (",".join(map(str, r.sizes)), f"{r.parameters:,}",
                     translate("Why", "{a} vs {b}").format(a=f"{r.numerical_passes:,}", b=r.backprop_passes), seconds(r.numerical_seconds),
                     seconds(r.backprop_seconds), f"×{r.ratio:,.0f}", how)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 0 < col < 6:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        if ext.any():
            self.note.setText(translate("Why", "Hollow points ({n}) are extrapolated: the central differences of a "
                                        "random sample of parameters were timed and scaled to all P (see the last "
                                        "column). Every other figure is measured in full on this machine.").format(
                n=int(ext.sum())))
        elif rows:
            self.note.setText(translate("Why", "Every figure is measured in full on this machine (no extrapolation)."))


# == 4. the code, line by line ==================================================================
class CodePanel(QWidget):
    """Bottom tab: the listings with the current step's lines highlighted and their shapes."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.mode: str | None = None
        self.blocks: dict[tuple[str, int], int] = {}   # (listing key, line index) → block number
        self.notes: tuple = ()
        self.header = _label()
        self.view = QPlainTextEdit()
        self.view.setReadOnly(True)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(9.5)
        self.view.setFont(font)
        self.view.setStyleSheet("QPlainTextEdit { background:#111318; color:#e5e7eb; border:1px solid #374151; }")
        self.view.setToolTip(translate("Why", "The code that runs at the current step of the step-through (Step tab, ← →)"))
        self.shapes = _label()
        self.shapes.setFont(font)
        self.shapes.setStyleSheet("background:#111318; border:1px solid #374151; border-radius:4px; padding:3px;")
        self.shapes.setToolTip(translate("Why", "The shapes of the arrays on the highlighted lines for the current network"))
        self.shapes.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        v.setSpacing(3)
        v.addWidget(self.header)
        v.addWidget(self.shapes)
        v.addWidget(self.view, 1)
        session.step_changed.connect(self.refresh)
        session.world_changed.connect(self.refresh)
        self.refresh()

    def _load(self, mode: str) -> None:
        if mode == self.mode:
            return
        self.mode = mode
        self.blocks = {}
        text = []
        for lst in listings(mode):
            text.append(f"# ── {lst.title}  ({lst.path.rsplit('/', 1)[-1]}, line {lst.first_line}) ──")
            for i, line in enumerate(lst.lines):
                self.blocks[(lst.key, i)] = len(text)
                text.append(f"{lst.first_line + i:4d}  {line}")
            text.append("")
        text += [""] * 6   # room to centre the last lines of the last listing
        self.view.setPlainText("\n".join(text))

    def _centre(self) -> None:
        """Scroll so that the step's first line is in the middle (and the code starts at column 0)."""
        if self.notes:
            first = self.view.document().findBlockByNumber(self.blocks[(self.notes[0].listing, self.notes[0].line)])
            self.view.setTextCursor(QTextCursor(first))
            self.view.centerCursor()
            self.view.horizontalScrollBar().setValue(0)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        # While hidden the view has no real height to centre in: centre again once laid out.
        QTimer.singleShot(0, self._centre)

    def highlighted(self) -> list[tuple[str, int]]:
        """(listing key, line index) of every highlighted line, in the order of the step's notes."""
        return [(n.listing, n.line) for n in self.notes]

    def refresh(self) -> None:
        s = self.session
        seq, step = s.steps, s.current_step
        mode = BATCH if s.step_batch_mode else SAMPLE
        self._load(mode)
        if seq is None or step is None:
            self.notes = ()
            self.view.setExtraSelections([])
            which = (translate("Why", "the core's matrix form (mini-batch mode)") if mode == BATCH
                     else translate("Why", "the per-sample reference code, bpviz/reference.py"))
            self.header.setText(translate("Why", "<b>The code, line by line</b> — {which}. Go to the Step tab and "
                                          "press → (next step): the lines of each step light up here with the "
                                          "shapes of their arrays for this network.").format(which=which))
            self.shapes.setText("")
            return
        self.notes = step_notes(seq, step, mode)
        sels = []
        doc = self.view.document()
        for n in self.notes:
            block = doc.findBlockByNumber(self.blocks[(n.listing, n.line)])
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(QColor(HIGHLIGHT_BG))
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            sel.cursor = QTextCursor(block)
            sels.append(sel)
        self.view.setExtraSelections(sels)
        self._centre()
        form = (translate("Why", "the core's matrix form: one row per sample of the mini-batch (m = {m})").format(
                    m=seq.m) if mode == BATCH
                else translate("Why", "the per-sample reference code, column vectors (n, 1)"))
        self.header.setText(translate("Why", "<b>Step {i} / {n} · {title}</b>").format(
                                i=step.index + 1, n=len(seq), title=step.title)
                            + f" <span style='{MUTED}'>— "
                            + translate("Why", "{form}; network {sizes}").format(form=form, sizes=list(seq.sizes))
                            + "</span>")
        items = []
        for n in self.notes:
            loop = f"; {n.loop}" if n.loop else ""
            where = translate("Why", "line {line} (run {run}{loop}):").format(line=n.lineno, run=n.run + 1, loop=loop)
            items.append(f"<span style='{MUTED}'>{where}</span> {_esc(n.shapes)}")
        self.shapes.setText("<br>".join(items))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# == wiring =====================================================================================
class _CloseWatcher(QObject):
    """Stops the why-fast thread when the main window closes (before Qt tears anything down)."""

    def __init__(self, panel: WhyFastPanel, parent: QObject) -> None:
        super().__init__(parent)
        self.panel = panel

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Close:
            self.panel.shutdown()
        return False


class WhyViews(QObject):
    """Owns the views of issue 11 and keeps them on the session's current numbers."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.session = s = window.session
        self.nudge_panel = NudgePanel(s)
        self.curve_panel = NudgeCurve()
        self.gradcheck_panel = GradCheckPanel(s)
        self.fast_panel = WhyFastPanel()
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
        self._watcher = _CloseWatcher(self.fast_panel, window)
        window.installEventFilter(self._watcher)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.fast_panel.shutdown)
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
