"""Right-hand panels: the sample the network view shows, and the selected neuron."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from bpviz.gui.session import Session
from bpviz.gui.theme import diverging_lut, theme
from bpviz.gui.throttle import Throttle
from bpviz.gui.widgets import number_field, signals_blocked
from bpviz.scene.colors import symmetric_range
from bpviz.scene.layout import square_side
from bpviz.scene.notation import fmt, symbol


class SamplePanel(QGroupBox):
    """Pick the test image whose activations the network view shows."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Sample"))
        self.session = session
        self._rng = np.random.default_rng()
        self.index = QSpinBox(minimum=0, maximum=len(session.data.test) - 1, value=session.sample_index)
        self.index.setToolTip(self.tr("Index into the test set"))
        number_field(self.index)
        self.index.valueChanged.connect(session.set_sample)
        self.random_button = QPushButton(self.tr("Random"))
        self.random_button.setToolTip(self.tr("Show a random test image"))
        self.random_button.clicked.connect(self.random)
        self.wrong_button = QPushButton(self.tr("Next wrong"))
        self.wrong_button.setToolTip(self.tr("Show the next test image the network gets wrong"))
        self.wrong_button.clicked.connect(self.next_wrong)
        row = QHBoxLayout()
        self.index_label = QLabel()
        row.addWidget(self.index_label)
        row.addWidget(self.index, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.random_button)
        row2.addWidget(self.wrong_button)
        self.info = QLabel()
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(row2)
        layout.addWidget(self.info)
        session.sample_changed.connect(self._on_sample)
        session.world_changed.connect(self._on_dataset)
        # the prediction follows the weights: at once when they are replaced, ≤ 4×/s while training
        self._poller = Throttle(250, self._update_info, self)
        session.progress.connect(self._poller.request)
        session.parameters_changed.connect(self._poller.request)
        self._poller.force()
        self.index_label.setText(self.tr("Test image") if square_side(session.network.sizes[0]) else self.tr("Test sample"))

    def random(self) -> None:
        self.session.set_sample(int(self._rng.integers(len(self.session.data.test))))

    def next_wrong(self) -> None:
        i = self.session.next_misclassified()
        if i is None:
            self.session.report("info", self.tr("The network classifies every test image correctly."))
        else:
            self.session.set_sample(i)

    def _on_sample(self, i: int) -> None:
        if self.index.value() != i:
            with signals_blocked(self.index):
                self.index.setValue(i)
        self._poller.force()

    def _on_dataset(self) -> None:
        # non-image data (no square input) says "sample", not "image"
        self.index_label.setText(self.tr("Test image") if square_side(self.session.network.sizes[0])
                                  else self.tr("Test sample"))
        with signals_blocked(self.index):
            self.index.setMaximum(len(self.session.data.test) - 1)
            self.index.setValue(self.session.sample_index)
        self._poller.force()

    def _update_info(self) -> None:
        s = self.session
        x, label = s.sample
        out = s.snapshot_network().feedforward(x)
        pred = int(np.argmax(out))
        names = s.data.class_names
        self.info.setText(self.tr("label <b>{label}</b> · network says <b>{pred}</b> ({a} = {v})").format(
            label=names[label], pred=names[pred], a="a<sup>L</sup>", v=f"{out[pred]:.3f}"))


class NeuronPanel(QGroupBox):
    """The selected neuron's numbers; for the first hidden layer its 784 incoming weights as an image."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Selected neuron"))
        self.session = session
        self.text = QLabel(self.tr("Click a neuron in the network to select it."))
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.plot = pg.PlotWidget(background=theme().plot_background)
        self.plot.setMinimumHeight(200)
        self.plot.setAspectLocked(True)
        self.plot.invertY(True)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.image = pg.ImageItem(axisOrder="row-major", lut=diverging_lut(alpha=False))
        self.plot.addItem(self.image)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, brush=theme().blue)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(f"color: {theme().muted};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)
        self.plot.hide()
        self._poller = Throttle(250, self.refresh, self)
        session.progress.connect(self._poller.request)
        session.parameters_changed.connect(self._poller.request)
        session.sample_changed.connect(self._poller.force)
        session.selection_changed.connect(self._poller.force)
        session.world_changed.connect(self._poller.force)

    def refresh(self, *_args) -> None:
        s = self.session
        sel = s.selection
        if sel is None:
            self.text.setText(self.tr("Click a neuron in the network to select it."))
            self.plot.hide()
            self.caption.setText("")
            return
        l, j = sel
        weights, biases = s.parameters
        x, _ = s.sample
        _, acts = s.snapshot_network().forward(x[None, :])
        a = float(acts[l - 1][0, j])
        if l == 1:
            self.text.setText("<b>" + self.tr("Input neuron {j}").format(j=j)
                              + f"</b><br>{symbol('a', 1, j)} = x<sub>{j}</sub> = {fmt(a)}")
            self.plot.hide()
            self.caption.setText("")
            return
        b = float(biases[l - 2][j])
        w = np.asarray(weights[l - 2])[j]
        z = float(w @ acts[l - 2][0] + b)
        L = s.network.num_layers
        head = (self.tr("Output neuron {j} of layer {l}") if l == L else
                self.tr("Hidden neuron {j} of layer {l}")).format(j=j, l=l)
        self.text.setText(f"<b>{head}</b><br>"
                          f"{symbol('b', l, j)} = {fmt(b)}<br>{symbol('z', l, j)} = Σ<sub>k</sub> "
                          f"{symbol('w', l)}<sub>{j}k</sub> {symbol('a', l - 1)}<sub>k</sub> + b = {fmt(z)}<br>"
                          f"{symbol('a', l, j)} = σ(z) = {fmt(a)}")
        side = square_side(w.size)
        self.plot.show()
        if l == 2 and side is not None:
            self.plot.removeItem(self.bars)
            if self.image not in self.plot.items():
                self.plot.addItem(self.image)
            self.plot.setAspectLocked(True)
            self.plot.getViewBox().invertY(True)
            self.plot.hideAxis("left")
            self.plot.hideAxis("bottom")
            vt = symmetric_range([w])
            self.image.setImage(w.reshape(side, side), levels=(-vt, vt))
            self.plot.autoRange(padding=0.02)
            self.caption.setText(self.tr("Its {n} incoming weights {w} as a {side}×{side} image: red pixels "
                                         "excite it, blue ones inhibit it (scale ±{scale}).").format(
                n=w.size, w=f"{symbol('w', l)}<sub>{j}k</sub>", side=side, scale=f"{vt:g}"))
        else:
            self.plot.removeItem(self.image)
            self.plot.getViewBox().invertY(False)
            self.plot.setAspectLocked(False)
            # values on the axes: the weight on the left, the input neuron k below
            self.plot.showAxis("left")
            self.plot.showAxis("bottom")
            self.plot.setLabel("left", f"{symbol('w', l)}<sub>{j}k</sub>")
            self.plot.setLabel("bottom", self.tr("k (neuron of layer {l})").format(l=l - 1))
            self.plot.getAxis("left").enableAutoSIPrefix(False)
            self.bars.setOpts(x=np.arange(w.size), height=w,
                              brushes=[pg.mkBrush(theme().wrong if v >= 0 else theme().blue) for v in w])
            if self.bars not in self.plot.items():
                self.plot.addItem(self.bars)
            self.plot.autoRange()
            self.caption.setText(self.tr("Its {n} incoming weights {w}, k = 0…{last}.").format(
                n=w.size, w=f"{symbol('w', l)}<sub>{j}k</sub>", last=w.size - 1))
