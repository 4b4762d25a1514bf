"""The Learning tab's saturation lens and δ^L for both costs (:mod:`bpviz.scene.saturation`)."""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from bpviz.core.learning import (
    SATURATION_THRESHOLD,
    saturated_share,
)
from bpviz.gui.explore.learning.common import shrinkable
from bpviz.gui.theme import PairedBars, theme, themed_plot, wrap_label
from bpviz.i18n import translate
from bpviz.scene.lens import Lens
from bpviz.scene.notation import number
from bpviz.scene.saturation import neuron_caption, output_errors, overlay, share_caption


class SaturationControls:
    """The Learning tab's saturation box and its lens (a part of :class:`LearningPanel`)."""

    # -- saturation ---------------------------------------------------------------------------
    def _make_saturation(self) -> QGroupBox:
        box = QGroupBox(translate("Learning", "Saturation: why a neuron learns slowly"))
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        self.sat_lens = QCheckBox(translate("Learning", "Mark saturated neurons"))
        self.sat_lens.setChecked(True)
        self.sat_lens.setToolTip(translate("Learning", "Ring every neuron whose σ′(z) < {t} on the network (while "
                                           "this tab is shown). Shortcut: Ctrl+Shift+S").format(
            t=f"{SATURATION_THRESHOLD:g}"))
        self.sat_lens.toggled.connect(lambda _on: self.refresh_saturation())
        self.sat_mode = QComboBox()
        self.sat_mode.addItems([translate("Learning", "shown sample"), translate("Learning", "share of a mini-batch")])
        shrinkable(self.sat_mode)
        self.sat_mode.setToolTip(translate("Learning", "Mark the neurons saturated for the shown test image, or colour each neuron by "
                                 "the share of a random mini-batch of m training images in which it is saturated"))
        self.sat_mode.currentIndexChanged.connect(lambda _i: self.refresh_saturation())
        self.new_batch_button = QPushButton(translate("Learning", "New batch"))
        self.new_batch_button.setToolTip(translate("Learning", "Draw another random mini-batch of m training images"))
        self.new_batch_button.clicked.connect(self.new_batch)
        row.addWidget(self.sat_lens)
        v.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("Learning", "for the")))
        row.addWidget(self.sat_mode, 1)
        row.addWidget(self.new_batch_button)
        v.addLayout(row)
        self.sat_caption = wrap_label(tip=translate("Learning", "Computed from the numbers of the shown sample and the selected neuron "
                                           "(click one on the network)"))
        self.sat_caption.setStyleSheet("font-size: 9pt;")
        v.addWidget(self.sat_caption)
        title = QLabel(translate("Learning", "<b>BP1 for both costs, same sample and weights</b>"))
        title.setWordWrap(True)   # one bold line was wider than the side panel at 1000 px
        title.setToolTip(translate("Learning", "Quadratic: δ^L = (a − y)·σ′(z^L). Cross-entropy: δ^L = a − y (no σ′ factor)."))
        v.addWidget(title)
        self.delta_plot = themed_plot(f"<span style='color:{theme().blue}'>■ " + translate("Learning", "quadratic (a − y)·σ′(z)")
                                + f"</span> &nbsp; <span style='color:{theme().amber}'>■ "
                                + translate("Learning", "cross-entropy a − y") + "</span>",
                                "δ<sup>L</sup><sub>j</sub>", translate("Learning", "output neuron j"))
        self.delta_plot.setMinimumHeight(150)
        self.delta_plot.setToolTip(translate("Learning", "Blue: quadratic δ^L = (a − y)·σ′(z^L). Orange: cross-entropy δ^L = a − y."))
        self.delta_bars = PairedBars(self.delta_plot, theme().blue, theme().amber)
        self.bars_q, self.bars_ce = self.delta_bars.first, self.delta_bars.second
        v.addWidget(self.delta_plot)
        self.delta_table = QLabel()
        self.delta_table.setTextFormat(Qt.TextFormat.RichText)
        self.delta_table.setStyleSheet("font-size: 8.5pt;")
        self.delta_table.setToolTip(translate("Learning", "Per output neuron: a, y, σ′(z^L) and both δ^L (saturated rows in yellow)"))
        v.addWidget(self.delta_table)
        self.delta_caption = wrap_label()
        self.delta_caption.setStyleSheet("font-size: 9pt;")
        v.addWidget(self.delta_caption)
        return box

    def new_batch(self) -> None:
        tr = self.session.data.train
        m = min(self.session.config.batch_size, len(tr))
        self._batch_idx = self._batch_rng.choice(len(tr), size=m, replace=False)
        self.sat_mode.setCurrentIndex(1)
        self.refresh_saturation()

    def trace(self):
        s = self.session
        x, label = s.sample
        return s.snapshot_network().trace(x, label)

    def refresh_saturation(self) -> None:
        """Recompute the overlay, captions and both δ^L from the latest weights and shown sample."""
        if not self.isVisible() and not self.places.is_current("learning"):
            return
        s = self.session
        t = self.trace()
        ov = overlay(t)
        L = t.num_layers
        self.last_overlay = ov
        self.last_share = None
        counts = translate("Learning", "; ").join(translate("Learning", "layer {l}: {c} of {n}").format(l=l, c=c, n=s.network.sizes[l - 1])
                           for l, c in zip(range(2, L + 1), ov.counts))
        x_name = translate("Learning", "test image #{i} (label {label})").format(i=s.sample_index, label=t.label)
        if self.sat_mode.currentIndex() == 1:
            tr = s.data.train
            if self._batch_idx is None or self._batch_idx.max() >= len(tr):
                m = min(s.config.batch_size, len(tr))
                self._batch_idx = self._batch_rng.choice(len(tr), size=m, replace=False)
            share = saturated_share(s.snapshot_network(), tr.x[self._batch_idx])
            self.last_share = share
            net = s.network   # other neurons than σ: ReLU off/dead, tanh′; a softmax output has no f′ to flag
            lines = [share_caption(share[l - 2], l, activation=net.activation.name if l < L else "sigmoid")
                     for l in range(2, L + 1) if l < L or net.output == "sigmoid"]
            text = (translate("Learning", "<b>Share of a mini-batch of {m} training images</b> where each neuron "
                              "has σ′(z) &lt; {t}:").format(m=len(self._batch_idx), t=f"{SATURATION_THRESHOLD:g}")
                    + "<br>" + "<br>".join(html.escape(x) for x in lines))
        else:
            text = translate("Learning", "<b>Saturated (σ′(z) &lt; {t}) for {x}</b>: {counts}.").format(
                t=f"{SATURATION_THRESHOLD:g}", x=html.escape(x_name), counts=counts)
        sel = s.selection
        if sel is not None and sel[0] >= 2:
            l, j = sel
        else:   # the hidden (else output) neuron with the smallest σ′: the one most likely saturated
            l = 2 if L >= 3 else L
            j = int(np.argmin(ov.sigma_prime[l - 2]))
        text += "<br>" + html.escape(neuron_caption(t, l, j))
        if sel is None or sel[0] < 2:
            text += " <i>" + translate("Learning", "(click a neuron on the network to explain it instead)") + "</i>"
        self.sat_caption.setText(text)
        self._show_output_errors(t)
        self._update_lens(ov)

    def _show_output_errors(self, t) -> None:
        if t.output_layer != "sigmoid":   # issue 19: the two costs compared here belong to sigmoid outputs
            self.last_errors = None
            self.bars_q.setOpts(x=[], height=[])
            self.bars_ce.setOpts(x=[], height=[])
            self.delta_table.setText("")
            self.delta_caption.setText(translate("Learning", "This compares the quadratic and cross-entropy costs of "
                                                             "a sigmoid output layer. The network has a softmax output "
                                                             "with the log-likelihood cost: its δᴸ = aᴸ − y has no f′ "
                                                             "factor."))
            return
        e = output_errors(t)
        self.last_errors = e
        n = e.a.size
        self.delta_bars.show(e.delta_quadratic, e.delta_cross_entropy)
        self.delta_plot.getPlotItem().setXRange(-0.7, n - 0.3, padding=0)
        top = float(max(np.abs(e.delta_cross_entropy).max(), np.abs(e.delta_quadratic).max(), 0.05))
        self.delta_plot.getPlotItem().setYRange(-top, top, padding=0.1)
        rows = []
        for j in range(n):
            colour = f" style='color:{theme().highlight}'" if e.saturated[j] else ""
            rows.append(f"<tr{colour}><td>{j}</td><td>{number(e.a[j])}</td><td>{number(e.y[j])}</td>"
                        f"<td>{number(e.sigma_prime[j])}</td><td>{number(e.delta_quadratic[j])}</td>"
                        f"<td>{number(e.delta_cross_entropy[j])}</td></tr>")
        head = ("<tr><th>j</th><th>a</th><th>y</th><th>σ′(z)</th><th>" + translate("Learning", "δ quadratic")
                + "</th><th>" + translate("Learning", "δ cross-ent.") + "</th></tr>")
        self.delta_table.setText(f"<table cellspacing=0 cellpadding=2>{head}{''.join(rows)}</table>")
        self.delta_caption.setText(html.escape(e.caption()))

    def _lens_owned(self) -> bool:
        return self.places.is_current("learning")

    def _update_lens(self, ov) -> None:
        s = self.session
        if not self._lens_owned():
            return
        if not self.sat_lens.isChecked():
            self.lenses.offer("learning", None)
            return
        L = len(s.network.sizes)
        x_in = ("a", np.asarray(s.sample[0], dtype=float))   # the input drawn as usual
        share = self.last_share
        # issue 19: each layer's mask follows its neurons (core.learning.saturated): name it so
        hidden = s.network.activation.name
        kind = {"relu": "off (z ≤ 0)", "tanh": "tanh′ < 0.04"}.get(hidden, "σ′ < 0.01")

        def kind_of(l: int) -> str:
            return kind if l < L else "σ′ < 0.01"

        if share is not None:
            nodes = [x_in] + [("share " + kind_of(l), np.asarray(share[l - 2])) for l in range(2, L + 1)]
            marked = tuple((l, int(j)) for l in range(2, L + 1) for j in np.flatnonzero(share[l - 2] > 0.5))
            title = translate("Learning", "Share saturated in a batch ({n} rings: > half)").format(n=len(marked))
        else:
            nodes = [x_in] + [(kind_of(l), ov.mask(l).astype(float)) for l in range(2, L + 1)]
            marked = tuple((l, int(j)) for l in range(2, L + 1) for j in np.flatnonzero(ov.mask(l)))
            title = translate("Learning", "Saturated neurons: {n}").format(n=len(marked))
        self.lens = Lens(title, nodes, marked_nodes=marked, legend=translate("Learning", "w · ring = saturated"))
        self.lenses.offer("learning", self.lens)

    def on_tab(self) -> None:
        if self._lens_owned():
            self.refresh_saturation()
