"""Bottom tab "Speed of learning": ‖δ^l‖ = ‖∂C/∂b^l‖ per hidden layer on a log axis, on the first 1,000
training images, from initialisation and live while training, with the book's chapter 5 figures beside
bpviz's own when the sizes are one of the book's nets (numbers from :mod:`bpviz.core.learning`)."""

from __future__ import annotations

import html
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bpviz.core.learning import (
    DEFAULT_SPEED_IMAGES,
    LayerSpeeds,
    book_speeds,
    speed_of_learning,
)
from bpviz.data.datasets import dataset_title
from bpviz.gui.explore.learning.common import LAYER_COLOURS, layer_name
from bpviz.gui.theme import theme, themed_plot, wrap_label
from bpviz.gui.throttle import Throttle
from bpviz.gui.widgets import (
    number_field,
)
from bpviz.i18n import join_sentences, translate
from bpviz.scene.names import cost_label, init_label
from bpviz.scene.notation import number


# =========================================================================================
# 1. Speed of learning
# =========================================================================================
class SpeedPlot(QWidget):
    """‖∂C/∂b^l‖ per hidden layer over training (log axis), the book's figures at epoch 0.

    Recomputed from ``session.parameters`` when they changed, on a timer whose interval
    follows the measured cost of one computation (at most ~2 % of the GUI thread's time).
    """

    # Measured: one computation on 1,000 images takes 1-2 ms when idle but 15-75 ms while the
    # training thread competes for the same two cores, so while training it runs at most once a
    # second and at most 1 % of the time (5× rarer while this tab is hidden).
    MIN_INTERVAL_MS = 1000
    BUDGET = 0.01   # share of wall time the recomputation may take

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plot_widget = themed_plot(translate("Learning", "Speed of learning ‖δ<sup>l</sup>‖ = ‖∂C/∂b<sup>l</sup>‖ "
                                           "per hidden layer"),
                                 translate("Learning", "‖∂C/∂b<sup>l</sup>‖  (log scale)"),
                                 translate("Learning", "epochs trained"), log_y=True)
        self.plot = self.plot_widget.getPlotItem()
        self.caption = wrap_label(tip=translate("Learning", "What each curve is measured on, and the book's figures"))
        self.caption.setStyleSheet(f"font-size: 9pt; color: {theme().title};")
        self.n_images = QSpinBox(minimum=10, maximum=60000, value=DEFAULT_SPEED_IMAGES, singleStep=100)
        number_field(self.n_images)
        self.n_images.setToolTip(translate("Learning", "‖∂C/∂b^l‖ is the gradient of the mean cost over the first N training images "
                                 "(the book: 1,000). Changing N starts the curves again."))
        self.n_images.editingFinished.connect(self.reset)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("Learning", "measured on the first")))
        row.addWidget(self.n_images)
        row.addWidget(QLabel(translate("Learning", "training images")))
        row.addStretch(1)
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 2, 4, 2)
        v.addWidget(self.plot_widget, 1)
        v.addLayout(row)
        v.addWidget(self.caption)
        self.curves: dict[int, pg.PlotDataItem] = {}
        self.book_items: list[pg.GraphicsObject] = []
        self.book = None
        self.xs: list[float] = []
        self.values: list[np.ndarray] = []   # each (L − 1,) ‖∂C/∂b^l‖, l = 2..L
        self.latest: LayerSpeeds | None = None
        self.cost_ms = 0.0                   # measured cost of one computation
        self.interval_ms = self.MIN_INTERVAL_MS
        self._last_t = 0.0
        self._key = None
        session.world_changed.connect(self.reset)
        # recomputed when the weights change: while training at most every interval_ms (5× that while
        # the tab is hidden: the recomputation slows training down), at once otherwise
        self._throttle = Throttle(self._wait_ms, lambda: self.poll(throttled=True), self)
        session.progress.connect(self._on_progress)
        session.parameters_changed.connect(self._throttle.request)
        self.reset()

    def _on_progress(self, _progress) -> None:
        if self.session.state.value != "idle":   # a run of the window (not one run headless, e.g. by a test)
            self._throttle.request()

    # the images every value is measured on
    def images(self) -> tuple[np.ndarray, np.ndarray]:
        tr = self.session.data.train
        n = min(self.n_images.value(), len(tr))
        return tr.x[:n], tr.labels[:n]

    def reset(self) -> None:
        """A new world: forget the old curves, draw the book's figures if they apply."""
        s = self.session
        self.xs, self.values, self.latest, self._key = [], [], None, None
        for c in self.curves.values():
            self.plot.removeItem(c)
        for it in self.book_items:
            self.plot.removeItem(it)
        self.curves, self.book_items = {}, []
        sizes = s.network.sizes
        L = len(sizes)
        for l in range(2, L):
            colour = LAYER_COLOURS[(l - 2) % len(LAYER_COLOURS)]
            self.curves[l] = self.plot.plot([], [], pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=4,
                                            symbolBrush=colour, symbolPen=None)
        self.book = book_speeds(sizes) if L >= 3 else None
        if self.book is not None:
            xs = np.zeros(len(self.book.hidden))
            brushes = [pg.mkBrush(LAYER_COLOURS[i % len(LAYER_COLOURS)]) for i in range(len(xs))]
            # A PlotDataItem takes the plot's log mode itself; a bare ScatterPlotItem was given
            # log10 values and then logged again by the plot: a NaN bounding rect that stopped
            # the whole plot from drawing.
            item = self.plot.plot(xs, np.array(self.book.hidden), pen=None, symbol="star", symbolSize=16,
                                  symbolBrush=brushes, symbolPen=pg.mkPen(theme().white, width=0.8))
            self.book_items.append(item)
            for i, v in enumerate(self.book.hidden):
                t = pg.TextItem(translate("Learning", "book {v}").format(v=f"{v:g}"), color=LAYER_COLOURS[i % len(LAYER_COLOURS)], anchor=(-0.12, 0.5))
                t.setPos(0, float(np.log10(v)))
                self.plot.addItem(t)
                self.book_items.append(t)
        self.poll(force=True)

    @property
    def book_values(self) -> np.ndarray | None:
        """The book's figures as drawn (None when none are drawn)."""
        if not self.book_items:
            return None
        return 10 ** np.asarray(self.book_items[0].getData()[1])

    def _x(self) -> float:
        """Epochs trained in this network's own count: the epoch under way and the share of its
        mini-batches done (a network opened at epoch 30 goes on from 30; counting the mini-batches
        since it was opened put its points at 1, 10, 17, 28 and then 60, issue 21)."""
        s = self.session
        p = s.last_progress
        if s.state.value != "idle" and p is not None:
            return p.epoch + p.batch / p.n_batches
        done, n = s.world.epoch_position         # stopped inside an epoch: (mini-batches done, of n)
        return s.epochs_done + (done / n if n else 0.0)

    def _wait_ms(self) -> int:
        training = self.session.state.value != "idle"
        return int(self.interval_ms * (1 if self.isVisible() else 5)) if training else 0

    def poll(self, force: bool = False, throttled: bool = False) -> None:
        """Recompute ‖δ^l‖ if the weights changed (and, while training, interval_ms has passed since
        the last computation unless ``throttled``: the throttle already waited)."""
        s = self.session
        if len(s.network.sizes) < 3:
            self.caption.setText(translate("Learning", "[{sizes}] has no hidden layer: there is no hidden speed of "
                                           "learning to show.").format(sizes=",".join(map(str, s.network.sizes))))
            return
        key = (s.params_version, id(s.world))
        now = time.perf_counter()
        training = s.state.value != "idle"   # only a running training is slowed by the recomputation
        wait = self.interval_ms * (1 if self.isVisible() else 5)
        if not force and (key == self._key or (training and not throttled and (now - self._last_t) * 1000 < wait)):
            return
        self._key, self._last_t = key, now
        X, y = self.images()
        t0 = time.perf_counter()
        sp = speed_of_learning(s.snapshot_network(), X, y)
        self.cost_ms = (time.perf_counter() - t0) * 1000
        self.interval_ms = max(self.MIN_INTERVAL_MS, self.cost_ms / self.BUDGET)
        x = float(self._x())
        if self.xs and x <= self.xs[-1]:   # the same point in training (e.g. a Reset then idle): replace
            while self.xs and x <= self.xs[-1]:
                self.xs.pop()
                self.values.pop()
        self.xs.append(x)
        self.values.append(sp.norms)
        self.latest = sp
        V = np.array(self.values)
        for l, c in self.curves.items():
            c.setData(np.array(self.xs), V[:, l - 2])
        self._set_range(V)
        self._caption(sp)

    def _set_range(self, V: np.ndarray) -> None:
        """Axes from the numbers, not pyqtgraph's auto-range: with every x at 0 (a fresh network and the
        book's stars) a real window auto-ranged x to "−6e−306 … 0" and drew nothing (issue 21)."""
        x1 = max(1.0, float(np.ceil(max(self.xs) * 1.05 * 10) / 10)) if self.xs else 1.0
        logs = np.log10(V[:, :-1][V[:, :-1] > 0]) if V.size else np.zeros(0)
        if self.book is not None:
            logs = np.concatenate([logs, np.log10(self.book.hidden)])
        if logs.size:
            y0, y1 = float(np.floor(logs.min() - 0.05)), float(np.ceil(logs.max() + 0.05))
            self.plot.setYRange(y0, max(y1, y0 + 1), padding=0.02)
        self.plot.setXRange(0.0, x1, padding=0.04)

    def _caption(self, sp: LayerSpeeds) -> None:
        s = self.session
        L = len(sp.sizes)
        parts = [f"<span style='color:{LAYER_COLOURS[(l - 2) % len(LAYER_COLOURS)]}'>● {layer_name(l, L)}</span>: "
                 f"<b>{number(sp.of(l))}</b>" for l in sp.hidden_layers]
        hidden = sp.hidden
        ratio = ""
        if hidden.size >= 2 and hidden[0] > 0:
            r = hidden[-1] / hidden[0]   # > 1: the first hidden layer is the slower one
            if abs(r - 1) <= 0.05:
                ratio = translate("Learning", "The hidden layers learn about equally fast.")
            elif r >= 1:
                ratio = translate("Learning", "The first hidden layer learns {r}× more slowly than the last."
                                        ).format(r=f"{r:.3g}")
            else:
                ratio = translate("Learning", "The first hidden layer learns {r}× faster than the last."
                                        ).format(r=f"{1 / r:.3g}")   # r < 1: it is 1/r times faster
        cost_text = cost_label(sp.cost_name)
        data = translate("Learning", "bpviz: the first {n} training images of {data}, {cost}, the network's current "
                         "weights (after {epochs} epochs; output layer {output}; one computation {ms} ms, refreshed "
                         "while training at most every {s} s).").format(
            n=f"{sp.n_images:,}", data=html.escape(dataset_title(s.data.name)), cost=cost_text, epochs=f"{self._x():.3g}",
            output=number(sp.output), ms=f"{self.cost_ms:.1f}", s=f"{self.interval_ms / 1000:.1f}")
        if self.book is not None:
            book = (translate("Learning", "★ (stars at epoch 0) The book: {values} — one network at "
                                    "initialisation (cross-entropy, weights N(0, 1/n_in)), first 1,000 MNIST training "
                                    "images, pixels scaled by 1/256 (bpviz: 1/255); its random weights differ too."
                                    ).format(values=translate("Learning", ", ").join(
                translate("Learning", "layer {l} {v}").format(l=l, v=f"{v:g}")
                for l, v in zip(range(2, L), self.book.hidden))))
            if (s.config.cost, s.config.init) != ("cross-entropy", "scaled"):
                book = join_sentences(book, translate("Learning", "Yours uses the {cost} and {init}, not the book's "
                                      "setting.").format(cost=cost_label(s.config.cost), init=init_label(s.config.init)))
        else:
            book = translate("Learning", "The book reports figures only for [784,30,30,10], [784,30,30,30,10] "
                                   "and [784,30,30,30,30,10] (chapter 5 preset).")
        self.caption.setText(join_sentences(translate("Learning", "{layers}.").format(layers=" · ".join(parts)), ratio)
                             + "<br>" + join_sentences(data, book))
