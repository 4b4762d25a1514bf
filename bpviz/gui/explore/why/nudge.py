"""The big picture of backpropagation: nudge one weight by Δw and follow the change to the cost (the
left tab "Nudge"), and ΔC against Δw, measured and predicted (the bottom tab "ΔC vs Δw")."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from bpviz.core.nudge import chain, discrepancy, nudge, nudge_curve
from bpviz.gui.explore.why.common import DW_MAX, DW_STEPS_PER_DECADE, MUTED, WARN, Problem, dw_from_slider, prompt_text
from bpviz.gui.theme import rich_label, theme, themed_plot
from bpviz.gui.widgets import scrolling_layout
from bpviz.i18n import translate
from bpviz.scene.lens import Lens
from bpviz.scene.notation import number, symbol
from bpviz.scene.why_text import nudge_verdict, share_note


class NudgePanel(QWidget):
    """Left tab: nudge the selected weight by Δw and follow the change to the cost."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.problem: Problem | None = None
        self.result = None       # core Nudge
        self.chain = None        # core Chain
        self.lens: Lens | None = None

        self.intro = rich_label(translate("Why", "Change one weight by a small Δw and re-run the network: the change "
                                      "ripples through every later layer into the cost. Backprop predicts that "
                                      "ΔC ≈ ∂C/∂w · Δw."), MUTED)
        self.prompt = rich_label(prompt_text(session), WARN)
        self.what = rich_label()
        self.what.setStyleSheet("font-weight:bold; font-size:11pt;")
        self.sample = rich_label("", MUTED)

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

        self.numbers = rich_label()
        self.numbers.setStyleSheet(f"background:{theme().field}; border:1px solid {theme().border}; border-radius:4px; padding:6px;")
        self.numbers.setToolTip(translate("Why", "ΔC measured by running the network again with the nudged parameter, and "
                                "backpropagation's first-order prediction"))
        self.verdict = rich_label()
        self.ripple_box = QGroupBox(translate("Why", "Δa layer by layer (largest changes)"))
        self.ripple_box.setToolTip(translate("Why", "The network colours each layer's Δa on that layer's own largest |Δa| "
                                   "(red up, blue down); the colour bar is the weights' scale"))
        self.ripple = rich_label()
        QVBoxLayout(self.ripple_box).addWidget(self.ripple)
        self.chain_box = QGroupBox(translate("Why", "The chain along the strongest path"))
        self.chain_text = rich_label()
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
        self.dw_label.setText(f"Δ{kind} = {number(self.dw, 3)}")

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
        self.what.setText(translate("Why", "Nudging {name} = {value}").format(name=name, value=number(n.value, 4)))
        self.what.setToolTip(where)
        self.sample.setText(translate("Why", "Sample: {sample}.").format(sample=problem.sample_text))
        d = p.kind
        rows = [(translate("Why", "C before the nudge"), number(n.cost, 6)),
                (translate("Why", "ΔC measured (network re-run)"), number(n.delta_cost, 6)),
                (translate("Why", "∂C/∂{d} · Δ{d} (backprop's prediction)").format(d=d), number(n.predicted, 6)),
                (translate("Why", "∂C/∂{name} (backprop)").format(name=name), number(n.gradient, 6)),
                (translate("Why", "ratio measured / predicted"), number(n.ratio, 6))]
        self.numbers.setText("<table>" + "".join(
            f"<tr><td style='padding:1px 8px 1px 0;'>{a}</td><td align='right'><b>{b}</b></td></tr>"
            for a, b in rows) + "</table>")
        self.verdict.setText(self._verdict(n))
        self.ripple.setText(self._ripple_html(n))
        self.chain_text.setText(self._chain_html(c, name))
        self.lens = self._lens(problem, n, c)

    def _verdict(self, n) -> str:
        """How measured and predicted compare, and why — rounding or curvature, decided by
        :func:`bpviz.core.nudge.discrepancy` (see :func:`bpviz.scene.why_text.nudge_verdict`)."""
        pr = self.problem
        no_effect = ""
        if n.dw != 0 and n.gradient == 0 and pr.parameter.kind == "w":
            p = pr.parameter
            a_prev = pr.network.forward(pr.x[None, :])[1][p.l - 2][0]
            if a_prev[p.k] == 0:
                no_effect = translate("Why", "{a} = 0 on this sample, so this weight has no effect on it.").format(
                    a=symbol('a', p.l - 1, p.k))
        disc = (discrepancy(pr.network, pr.x, pr.y, pr.parameter, n.dw) if n.dw != 0 and n.gradient != 0 else None)
        return nudge_verdict(n, disc, no_effect)

    def _ripple_html(self, n) -> str:
        p = n.parameter
        out = []
        for q in range(p.l, len(n.delta_a) + p.l):
            d = n.da(q)
            top = [int(i) for i in np.argsort(-np.abs(d), kind="stable")[:3] if d[i] != 0]
            items = translate("Why", ", ").join(f"Δ{symbol('a', q, i)} = {number(float(d[i]), 3)}" for i in top) or translate(
                "Why", "no change")
            out.append(translate("Why", "layer {q}: {items}").format(q=q, items=items))
        out.append(translate("Why", "<b>cost: ΔC = {dc}</b>").format(dc=number(n.delta_cost, 4)))
        return "<br>".join(out)

    def _chain_html(self, c, name: str) -> str:
        l, path, f = c.parameter.l, c.best_path, c.best_factors
        last = l + len(path) - 1

        def node(q: int) -> str:   # a softmax output's paths end at z^L (issue 19: Chain.ends_at_z)
            return "z" if c.ends_at_z and q == last else "a"

        parts = [f"∂{symbol(node(l), l, path[0])}/∂{name} = {number(f[0], 4)}"]
        for i, (a, b) in enumerate(zip(path[:-1], path[1:])):
            parts.append(f"∂{symbol(node(l + i + 1), l + i + 1, b)}/∂{symbol('a', l + i, a)} = {number(f[i + 1], 4)}")
        parts.append(f"∂C/∂{symbol(node(last), last, path[-1])} = {number(f[-1], 4)}")
        route = " → ".join(symbol(node(l + i), l + i, j) for i, j in enumerate(path)) + " → C"
        share = c.best_share
        share_text = (translate("Why", "undefined (the sum is 0)") if not math.isfinite(share)
                      else f"{100 * share:.3g} %")
        note = share_note(share)
        cancel = translate("Why", " — {note}").format(note=note) if note else ""
        agree = abs(c.total - c.gradient) <= 1e-9 * max(abs(c.gradient), 1e-300) + 1e-15
        eq = "=" if agree else "≠"
        which = (translate("Why", "The only path") if c.num_paths == 1
                 else translate("Why", "Strongest of {n} paths").format(n=f"{c.num_paths:,}"))
        total = (translate("Why", "Sum over the 1 path = <b>{total}</b> {eq} backprop's ∂C/∂{name} = <b>{grad}</b>")
                 if c.num_paths == 1 else
                 translate("Why", "Sum over all {n} paths = <b>{total}</b> {eq} backprop's ∂C/∂{name} = "
                           "<b>{grad}</b>"))
        return (translate("Why", "{which}: {route}").format(which=which, route=route) + "<br>"
                + "<br>".join(f"&nbsp;&nbsp;{t}" for t in parts)
                + "<br>" + translate("Why", "product = <b>{product}</b>, share of the sum: {share}").format(
                    product=number(c.best_product, 4), share=share_text) + f"{cancel}<br>"
                + total.format(n=f"{c.num_paths:,}", total=number(c.total, 8), eq=eq, name=name,
                               grad=number(c.gradient, 8)))

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
                        name=problem.name, dw=number(n.dw, 3)),
                    node_values=values, marked_nodes=nodes, marked_edges=nudged + path_edges)
        # No legend of our own: the view's colour bar is the scale of the edges (the weights); the Δa
        # of each layer is coloured on that layer's own largest |Δa| (values in the panel).


class NudgeCurve(QWidget):
    """Bottom tab: ΔC against Δw, measured and predicted, with the current Δw marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = themed_plot(grid="xy")
        self.plot.setLabel("bottom", "Δw")
        self.plot.setLabel("left", "ΔC")
        self.plot.addLegend(offset=(10, 5), labelTextColor=theme().text)
        self.measured = self.plot.plot([], [], pen=pg.mkPen(theme().amber, width=2), name=translate("Why", "ΔC measured (network re-run)"))
        self.predicted = self.plot.plot([], [], pen=pg.mkPen(theme().blue, width=2, style=Qt.PenStyle.DashLine),
                                        name=translate("Why", "∂C/∂w · Δw (backprop)"))
        self.marker = pg.InfiniteLine(angle=90, pen=pg.mkPen(theme().highlight, width=1))
        self.plot.addItem(self.marker)
        self.dot = pg.ScatterPlotItem(size=9, brush=pg.mkBrush(theme().highlight), pen=None)
        self.plot.addItem(self.dot)
        self.caption = rich_label("", MUTED)
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
                              "|Δw| ≤ {span}.").format(span=number(span, 3))
        else:
            first_bad = int(np.argmin(ok))
            sizes = np.abs(c.dws[nz][order])
            if first_bad == 0:
                agree = translate("Why", "They differ by more than 1 % even at |Δw| = {dw}, the smallest nudge "
                                  "plotted (rounding of C, or a second-order change larger than the first-order "
                                  "one).").format(dw=number(sizes[0], 2))
            else:
                agree = translate("Why", "They agree within 1 % for |Δw| up to {dw} and part beyond "
                                  "it: the prediction is the tangent at Δw = 0.").format(dw=number(sizes[first_bad - 1], 2))
        self.caption.setText(translate("Why", "ΔC of {name} against Δw on {sample} (each point a full re-run "
                                       "of the network); the marked point is Δw = {dw}.").format(
            name=problem.name, sample=problem.sample_text, dw=number(result.dw, 3)) + " " + agree)


# == 2. gradient check ==========================================================================
