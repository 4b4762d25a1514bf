"""Why a network learns — or does not (issue 12): the GUI views.

- Bottom tab "Speed of learning": ‖δ^l‖ = ‖∂C/∂b^l‖ per hidden layer on a log axis, on the
  first 1,000 training images, from initialisation and live while training, with the book's
  chapter 5 figures beside bpviz's own when the sizes are one of the book's nets.
- Bottom tab "Twin runs": cost, accuracy and ‖δ^l‖ of two runs that differ in one setting.
- Bottom tab "Hidden units": every first-hidden-layer neuron's 784 incoming weights as one
  28×28 tile of a single image mosaic.
- Left tab "Learning": the book's experiments as presets (with the book's figure as a target
  line on the accuracy plot), the saturation lens with the two costs' δ^L side by side, and the
  twin-run controls.

Every number comes from the Qt-free core (:mod:`bpviz.core.learning`, :mod:`bpviz.core.twin`,
:mod:`bpviz.scene.saturation`, :mod:`bpviz.scene.presets`); this module only shows them.
"""

from __future__ import annotations

import html
import threading
import time
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bpviz.core.learning import (
    DEFAULT_SPEED_IMAGES,
    SATURATION_THRESHOLD,
    LayerSpeeds,
    book_speeds,
    saturated_share,
    speed_of_learning,
)
from bpviz.core.twin import (
    SLOWDOWN,
    SLOWDOWN_NOTE,
    SLOWDOWN_TRAIN_SIZE,
    SLOWDOWN_VARY,
    VARIABLE,
    EpochRecord,
    TwinRun,
    TwinSettings,
)
from bpviz.gui.throttle import Poller
from bpviz.gui.widgets import CompactPlot, number_field, scrolling_layout, signals_blocked
from bpviz.i18n import translate
from bpviz.scene.colors import symmetric_range
from bpviz.scene.hidden_units import grid_shape, tile_at, weight_mosaic
from bpviz.scene.lens import Lens
from bpviz.scene.presets import PRESETS, SPEED, Preset
from bpviz.scene.saturation import neuron_caption, output_errors, overlay, share_caption
from bpviz.state import ConfigError

BG = "#16181d"
#: One colour per hidden layer (layer 2 first), readable on the dark background.
LAYER_COLOURS = ("#60a5fa", "#f59e0b", "#34d399", "#f472b6", "#a78bfa", "#facc15", "#22d3ee", "#fb7185")
RUN_COLOURS = ("#60a5fa", "#f59e0b")   # twin run a, run b
CMAP_NAME = "CET-D1"                   # the network view's diverging map: blue − … grey 0 … red +


def _layer_name(l: int, L: int) -> str:
    if l == 2:
        return translate("Learning", "layer 2 (first hidden)")
    if l == L - 1:
        return translate("Learning", "layer {l} (last hidden)").format(l=l)
    return translate("Learning", "layer {l} (hidden)").format(l=l)


def _cost_name(name: str) -> str:
    return (translate("Learning", "cross-entropy cost") if name == "cross-entropy"
            else translate("Learning", "quadratic cost") if name == "quadratic"
            else translate("Learning", "{name} cost").format(name=name))


def _init_name(name: str) -> str:
    return (translate("Learning", "standard initial weights N(0, 1)") if name == "standard"
            else translate("Learning", "scaled initial weights N(0, 1/n_in)") if name == "scaled"
            else translate("Learning", "{name} initial weights").format(name=name))


def _setting_name(key: str) -> str:
    """A setting of the twin runs as shown (the key itself is what is typed in bpviz train)."""
    names = {"eta": "η", "lmbda": "λ", "init_scale": translate("Learning", "init scale"),
             "cost": translate("Learning", "cost"), "init": translate("Learning", "init"),
             "sizes": translate("Learning", "sizes")}
    return names.get(key, key)


def _twin_label(t: TwinSettings) -> str:
    """TwinSettings.label in the interface language (the cost and init as named in the Train tab)."""
    text = translate("Learning", "[{sizes}] {cost}, η = {eta}, {init}").format(
        sizes=",".join(map(str, t.sizes)), cost=_cost_name(t.cost), eta=f"{t.eta:g}", init=_init_name(t.init))
    return (text + (f" ×{t.init_scale:g}" if t.init_scale != 1 else "")
            + (f", λ = {t.lmbda:g}" if t.lmbda else ""))


def _g(v: float) -> str:
    return f"{float(v):.3g}".replace("-", "−")


def _shrinkable(combo: QComboBox) -> QComboBox:
    """A combo box that does not widen the panel to its longest entry."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


def _plot(title: str, left: str, bottom: str, log_y: bool = False) -> CompactPlot:
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


def _wrap_label(text: str = "", tip: str = "") -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if tip:
        lab.setToolTip(tip)
    return lab


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
        self.plot_widget = _plot(translate("Learning", "Speed of learning ‖δ<sup>l</sup>‖ = ‖∂C/∂b<sup>l</sup>‖ "
                                           "per hidden layer"),
                                 translate("Learning", "‖∂C/∂b<sup>l</sup>‖  (log scale)"),
                                 translate("Learning", "epochs trained"), log_y=True)
        self.plot = self.plot_widget.getPlotItem()
        self.caption = _wrap_label(tip=translate("Learning", "What each curve is measured on, and the book's figures"))
        self.caption.setStyleSheet("font-size: 9pt; color: #cbd5e1;")
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
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self.reset()

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
                                  symbolBrush=brushes, symbolPen=pg.mkPen("w", width=0.8))
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
        s = self.session
        n = len(s.data.train)
        return s.epochs_done if s.state.value == "idle" else s.batches_done * s.config.batch_size / max(n, 1)

    def poll(self, force: bool = False) -> None:
        s = self.session
        if len(s.network.sizes) < 3:
            self.caption.setText(translate("Learning", "[{sizes}] has no hidden layer: there is no hidden speed of "
                                           "learning to show.").format(sizes=",".join(map(str, s.network.sizes))))
            return
        key = (s.params_version, id(s.world))
        now = time.perf_counter()
        training = s.state.value != "idle"   # only a running training is slowed by the recomputation
        wait = self.interval_ms * (1 if self.isVisible() else 5)
        if not force and (key == self._key or (training and (now - self._last_t) * 1000 < wait)):
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
        self._caption(sp)

    def _caption(self, sp: LayerSpeeds) -> None:
        s = self.session
        L = len(sp.sizes)
        parts = [f"<span style='color:{LAYER_COLOURS[(l - 2) % len(LAYER_COLOURS)]}'>● {_layer_name(l, L)}</span>: "
                 f"<b>{_g(sp.of(l))}</b>" for l in sp.hidden_layers]
        hidden = sp.hidden
        ratio = ""
        if hidden.size >= 2 and hidden[0] > 0:
            r = hidden[-1] / hidden[0]   # > 1: the first hidden layer is the slower one
            if abs(r - 1) <= 0.05:
                ratio = " " + translate("Learning", "The hidden layers learn about equally fast.")
            elif r >= 1:
                ratio = " " + translate("Learning", "The first hidden layer learns {r}× more slowly than the last."
                                        ).format(r=f"{r:.3g}")
            else:
                ratio = " " + translate("Learning", "The first hidden layer learns {r}× faster than the last."
                                        ).format(r=f"{1 / r:.3g}")   # r < 1: it is 1/r times faster
        cost_name = _cost_name(sp.cost_name)
        data = translate("Learning", "bpviz: the first {n} training images of {data}, {cost}, the network's current "
                         "weights (after {epochs} epochs; output layer {output}; one computation {ms} ms, refreshed "
                         "while training at most every {s} s).").format(
            n=f"{sp.n_images:,}", data=html.escape(s.data.name), cost=cost_name, epochs=f"{self._x():.3g}",
            output=_g(sp.output), ms=f"{self.cost_ms:.1f}", s=f"{self.interval_ms / 1000:.1f}")
        if self.book is not None:
            book = (" " + translate("Learning", "★ (stars at epoch 0) The book: {values} — one network at "
                                    "initialisation (cross-entropy, weights N(0, 1/n_in)), first 1,000 MNIST training "
                                    "images.").format(values=", ".join(
                translate("Learning", "layer {l} {v}").format(l=l, v=f"{v:g}")
                for l, v in zip(range(2, L), self.book.hidden))))
            if (s.config.cost, s.config.init) != ("cross-entropy", "scaled"):
                book += " " + translate("Learning", "Yours uses the {cost} and {init}, not the book's "
                                        "setting.").format(cost=_cost_name(s.config.cost), init=_init_name(s.config.init))
        else:
            book = " " + translate("Learning", "The book reports figures only for [784,30,30,10], [784,30,30,30,10] "
                                   "and [784,30,30,30,30,10] (chapter 5 preset).")
        self.caption.setText(" · ".join(parts) + "." + ratio + "<br>" + data + book)


# =========================================================================================
# 5. Hidden units as images
# =========================================================================================
class HiddenUnits(QWidget):
    """Every first-hidden-layer neuron's incoming weights as a 28×28 tile, one image."""

    SIDE, GAP = 28, 2
    POLL_MS = 330

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setBackground(BG)
        self.view = self.glw.addViewBox(row=0, col=0, lockAspect=True, invertY=True, enableMouse=False)
        self.view.setMenuEnabled(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.view.addItem(self.image)
        self.cmap = pg.colormap.get(CMAP_NAME)
        self.colorbar = pg.ColorBarItem(values=(-1, 1), colorMap=self.cmap, interactive=False, width=12,
                                        label="w²_jk (incoming weight)")
        self.colorbar.setImageItem(self.image)
        self.glw.addItem(self.colorbar, row=0, col=1)
        self.mark = pg.QtWidgets.QGraphicsRectItem()
        self.mark.setPen(pg.mkPen("#facc15", width=2, cosmetic=True))
        self.mark.setZValue(10)
        self.mark.hide()
        self.view.addItem(self.mark)
        self.caption = _wrap_label(tip=translate("Learning", "Hover a tile to name its neuron; click it to select that neuron"))
        self.caption.setStyleSheet("font-size: 9pt; color: #cbd5e1;")
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 2, 4, 2)
        v.addWidget(self.glw, 1)
        v.addWidget(self.caption)
        self.glw.setToolTip(translate("Learning", "Each tile: one neuron of layer 2; its 784 incoming weights w^2_jk laid out as the "
                            "28×28 input image. Red pushes the neuron up where the pixel is ink, blue pushes it "
                            "down. Click a tile to select the neuron."))
        self.cols = 1
        self.n = 0
        self.mosaic: np.ndarray | None = None
        self.hovered: int | None = None
        self._key = None
        self.glw.scene().sigMouseMoved.connect(self._on_move)
        self.glw.scene().sigMouseClicked.connect(self._on_click)
        session.world_changed.connect(lambda: self.refresh(force=True))
        session.selection_changed.connect(lambda _s: self._show_selection())
        self._poller = Poller(self.POLL_MS, self._state_key, self.refresh, self)

    @property
    def applies(self) -> bool:
        return self.session.network.sizes[0] == self.SIDE * self.SIDE and len(self.session.network.sizes) >= 3

    def _state_key(self):
        s = self.session
        # Only redraw what can be seen; the key includes the grid so a resize re-lays it out.
        return (s.params_version, id(s.world), self._grid()) if self.isVisible() else self._key

    def _grid(self) -> tuple[int, int]:
        n = self.session.network.sizes[1]
        return grid_shape(n, max(self.glw.width() - 80, 50), max(self.glw.height(), 50), self.SIDE, self.GAP)

    def refresh(self, force: bool = False) -> None:
        s = self.session
        if not self.applies:
            self.image.clear()
            self.mosaic, self.n = None, 0
            self.mark.hide()
            self.caption.setText(
                (translate("Learning", "The input has {n} values, not 784 = 28×28 and the net has no hidden layer: "
                           "the first hidden layer's weights cannot be shown as 28×28 images.")
                 if len(s.network.sizes) < 3 else
                 translate("Learning", "The input has {n} values, not 784 = 28×28: the first hidden layer's weights "
                           "cannot be shown as 28×28 images.")).format(n=s.network.sizes[0]))
            return
        self._key = (s.params_version, id(s.world), self._grid())
        w2 = np.asarray(s.parameters[0][0])
        self.n = w2.shape[0]
        _, self.cols = self._grid()
        self.mosaic = weight_mosaic(w2, self.cols, self.SIDE, self.GAP)
        vmax = symmetric_range([w2]) or 1.0
        self.image.setImage(self.mosaic, levels=(-vmax, vmax), autoLevels=False)
        self.colorbar.setLevels((-vmax, vmax))
        self.view.autoRange(padding=0.01)
        self.vmax = vmax
        self._show_selection()
        self._describe()

    def tile_pixels(self) -> float:
        """On-screen size of one tile in pixels (for the readability check)."""
        if self.mosaic is None:
            return 0.0
        px = self.view.mapViewToDevice(pg.QtCore.QRectF(0, 0, self.SIDE, self.SIDE))
        return float(px.boundingRect().width()) if px is not None else 0.0

    def _describe(self) -> None:
        s = self.session
        txt = translate("Learning", "{n} neurons of layer 2, each tile its 784 incoming weights w²<sub>jk</sub> as "
                        "the 28×28 image (tile j at row j // {cols}, column j % {cols}); colours symmetric about 0, "
                        "scale ±{vmax} (99 % of the |w| are within it; larger ones at full colour).").format(
            n=self.n, cols=self.cols, vmax=f"{self.vmax:.3g}")
        if self.hovered is not None:
            j = self.hovered
            w = np.asarray(s.parameters[0][0][j])
            txt = translate("Learning", "<b>Neuron {j} of layer 2</b>: incoming weights from {lo} to {hi}, "
                            "bias b = {b}. Click to select it.").format(
                j=j, lo=f"{w.min():.3g}", hi=f"{w.max():.3g}", b=f"{float(s.parameters[1][0][j]):.3g}") + " " + txt
        self.caption.setText(txt)

    def _tile_at_scene(self, pos) -> int | None:
        if self.mosaic is None or not self.view.sceneBoundingRect().contains(pos):
            return None
        p = self.view.mapSceneToView(pos)
        return tile_at(p.x(), p.y(), self.n, self.cols, self.SIDE, self.GAP)

    def _on_move(self, pos) -> None:
        j = self._tile_at_scene(pos)
        if j != self.hovered:
            self.hovered = j
            self._describe()

    def _on_click(self, ev) -> None:
        j = self._tile_at_scene(ev.scenePos())
        if j is not None:
            self.select(j)

    def select(self, j: int) -> None:
        self.session.select((2, j))

    def _show_selection(self) -> None:
        sel = self.session.selection
        if self.mosaic is None or sel is None or sel[0] != 2 or sel[1] >= self.n:
            self.mark.hide()
            return
        r, c = divmod(sel[1], self.cols)
        step = self.SIDE + self.GAP
        self.mark.setRect(c * step - 1, r * step - 1, self.SIDE + 2, self.SIDE + 2)
        self.mark.show()


# =========================================================================================
# 3. Twin runs: worker and plot
# =========================================================================================
class TwinThread(QThread):
    """Iterates :meth:`TwinRun.events` off the GUI thread; queues epoch records and progress."""

    wake = Signal()   # something is waiting in the queue

    def __init__(self, twin: TwinRun) -> None:
        super().__init__()
        self.twin = twin
        self.setObjectName("bpviz-twin")
        self._lock = threading.Lock()
        self._queue: list[tuple] = []
        self.error: BaseException | None = None

    def request_stop(self) -> None:
        """Called directly from the GUI thread (a queued signal would never arrive)."""
        self.twin.request_stop()

    def run(self) -> None:  # noqa: D102 (the thread's entry point)
        last = 0.0
        batches = 0
        try:
            for ev in self.twin.events():
                batches += 1
                recs = (ev.record_a, ev.record_b)
                now = time.perf_counter()
                if recs != (None, None) or now - last > 0.1:
                    with self._lock:
                        self._queue.append((batches, recs))
                    last = now
                    self.wake.emit()
        except Exception as e:  # shown to the user; the thread must end cleanly either way
            self.error = e
        self.wake.emit()

    def drain(self) -> list[tuple]:
        with self._lock:
            out, self._queue = self._queue, []
        return out


class TwinPlot(QWidget):
    """Cost, test accuracy and ‖∂C/∂b^l‖ of both runs per epoch (a solid, b dashed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        epoch = translate("Learning", "epoch")
        self.cost = _plot(translate("Learning", "Training cost C"), "C", epoch)
        self.acc = _plot(translate("Learning", "Test accuracy"), "%", epoch)
        self.speed = _plot(translate("Learning", "‖∂C/∂b<sup>l</sup>‖ (log scale)"), "‖∂C/∂b<sup>l</sup>‖", epoch,
                           log_y=True)
        self.caption = _wrap_label(translate("Learning", "Choose a setting in Learning → Twin runs and press "
                                             "Run twins."))
        self.caption.setStyleSheet("font-size: 9pt; color: #cbd5e1;")
        h = QHBoxLayout()
        for p in (self.cost, self.acc, self.speed):
            p.setMinimumWidth(90)
            h.addWidget(p, 1)
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 2, 4, 2)
        v.addLayout(h, 1)
        v.addWidget(self.caption)
        self.curves: dict = {}

    def start(self, twin: TwinRun) -> None:
        for p in (self.cost, self.acc, self.speed):
            p.getPlotItem().clear()
            if p is self.speed:
                continue   # its legend would hide run a's curves: the caption names the line styles
            if p.getPlotItem().legend is None:
                # rising accuracy leaves the top left free, falling cost the top right
                p.getPlotItem().addLegend(offset=(10, 5) if p is self.acc else (-5, 5), labelTextSize="8pt",
                                          brush=pg.mkBrush("#16181dd0"))
            else:
                p.getPlotItem().legend.clear()
        self.curves = {}
        for p in (self.cost, self.acc, self.speed):
            p.getPlotItem().setXRange(0, twin.settings[0].epochs, padding=0.04)
        styles = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)
        for r, (s, colour) in enumerate(zip(twin.settings, RUN_COLOURS)):
            name = "ab"[r]
            pen = pg.mkPen(colour, width=2)
            self.curves[("cost", r)] = self.cost.plot([], [], pen=pen, symbol="o", symbolSize=4, symbolBrush=colour,
                                                      name=name)
            self.curves[("acc", r)] = self.acc.plot([], [], pen=pen, symbol="o", symbolSize=4, symbolBrush=colour,
                                                    name=name)
            L = len(s.sizes)
            for l in range(2, L + 1):
                style = styles[(l - 2) % len(styles)]
                label = (translate("Learning", "run {name}, layer {l} (output)") if l == L
                         else translate("Learning", "run {name}, layer {l}")).format(name=name, l=l)
                self.curves[("speed", r, l)] = self.speed.plot([], [], pen=pg.mkPen(colour, width=2, style=style))
                self.curves[("speed", r, l)].setToolTip(label)
        self.update_curves(twin)

    def update_curves(self, twin: TwinRun) -> None:
        for r, hist in enumerate(twin.history):
            hist = list(hist)   # one snapshot: the worker thread may append while this draws
            ep = np.array([h.epoch + 1 for h in hist], dtype=float)
            self.curves[("cost", r)].setData(ep, [h.training_cost for h in hist])
            acc = [(e, 100 * h.test_accuracy) for e, h in zip(ep, hist) if h.test_accuracy is not None]
            if acc:
                self.curves[("acc", r)].setData(*zip(*acc))
            for l in range(2, len(twin.settings[r].sizes) + 1):
                self.curves[("speed", r, l)].setData(ep, [max(h.speeds.of(l), 1e-30) for h in hist])

    def values(self, what: str, run: int, layer: int | None = None) -> np.ndarray:
        """The y values drawn (tests)."""
        key = (what, run) if layer is None else (what, run, layer)
        return np.asarray(self.curves[key].yData)


# =========================================================================================
# The left tab: presets, saturation, twin runs
# =========================================================================================
class LearningPanel(QWidget):
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
        self.thread: TwinThread | None = None
        self._on_preset_choice(0)

    # -- presets ------------------------------------------------------------------------------
    def _make_presets(self) -> QGroupBox:
        box = QGroupBox(translate("Learning", "The book's experiments"))
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        self.preset_combo = QComboBox()
        for p in PRESETS:
            self.preset_combo.addItem(p.title_text, p.key)
        _shrinkable(self.preset_combo)
        self.preset_combo.setToolTip(translate("Learning", "One of the book's experiments (or a demonstration of a bad η)"))
        self.preset_combo.currentIndexChanged.connect(self._on_preset_choice)
        self.apply_preset_button = QPushButton(translate("Learning", "Apply"))
        self.apply_preset_button.setToolTip(translate("Learning", "Use these settings (a new network when the sizes, cost or init "
                                            "change; a replaced trained network can be brought back with Ctrl+Z)"))
        self.apply_preset_button.clicked.connect(self.apply_preset)
        row.addWidget(self.preset_combo, 1)
        row.addWidget(self.apply_preset_button)
        v.addLayout(row)
        self.preset_text = _wrap_label(tip=translate("Learning", "The settings, the book's figure and what bpviz measured"))
        self.preset_text.setStyleSheet("font-size: 9pt;")
        v.addWidget(self.preset_text)
        self.preset_status = _wrap_label()
        self.preset_status.setStyleSheet("font-size: 9pt; color: #facc15;")
        v.addWidget(self.preset_status)
        return box

    def current_preset(self) -> Preset:
        return PRESETS[self.preset_combo.currentIndex()]

    def _on_preset_choice(self, _i: int) -> None:
        p = self.current_preset()
        book = (translate("Learning", "Book: {acc} %").format(acc=f"{100 * p.book_accuracy:.2f}")
                if p.book_accuracy is not None else translate("Learning", "Book: no accuracy figure"))
        self.preset_text.setText(f"<b>{html.escape(p.settings)}</b><br>"
                                 + translate("Learning", "{book}. {note}").format(book=book,
                                                                                   note=html.escape(p.note_text))
                                 + "<br>"
                                 + translate("Learning", "<i>bpviz measured</i>: {text}").format(
                                     text=html.escape(p.measured_text)))

    def preset_config(self, p: Preset):
        return replace(self.session.config, sizes=p.sizes, eta=p.eta, batch_size=p.batch_size, epochs=p.epochs,
                       cost=p.cost, init=p.init, lmbda=p.lmbda)

    def matches(self, p: Preset) -> bool:
        """The loaded settings are the preset's (sizes, cost, init, η, m, λ; epochs and seed may differ)."""
        c = self.session.config
        return (c.sizes, c.cost, c.init, c.eta, c.batch_size, c.lmbda) == (p.sizes, p.cost, p.init, p.eta,
                                                                           p.batch_size, p.lmbda)

    def apply_preset(self) -> bool:
        p = self.current_preset()
        s = self.session
        if s.data.input_size != p.sizes[0] or s.data.n_classes != p.sizes[-1]:
            self.preset_status.setText(translate("Learning", "Not applied: this experiment needs 784 inputs and 10 "
                                                 "classes (MNIST); {data} has {n} inputs and {k} classes.").format(
                data=s.data.name, n=s.data.input_size, k=s.data.n_classes))
            return False
        try:
            s.apply_config(self.preset_config(p))
        except (ConfigError, RuntimeError) as e:
            self.preset_status.setText(translate("Learning", "Not applied: {error}").format(error=e))
            return False
        self.applied = p
        self.preset_status.setText("")
        self._check_preset()
        if p.view == SPEED:
            self.window.bottom_tabs.setCurrentWidget(self.window.learning_speed)
        s.report("info", translate("Learning", "Preset “{title}”: {settings}. Press Train (Space).").format(
            title=p.title_text, settings=p.settings))
        return True

    def _on_world(self) -> None:
        self._batch_idx = None
        self._check_preset()
        self.refresh_saturation()

    def _check_preset(self) -> None:
        """The target line stays only while the loaded settings are the applied preset's."""
        p = self.applied
        if p is not None and not self.matches(p):
            self.applied = None
            p = None
            self.preset_status.setText(translate("Learning", "The settings changed: the preset's target line was removed."))
        plot = self.window.cost_plot.acc_plot
        if self.target_line is not None and (p is None or self.target_line.preset is not p):
            plot.removeItem(self.target_line)
            self.target_line = None
        if p is not None and p.book_accuracy is not None and self.target_line is None:
            line = pg.InfiniteLine(pos=100 * p.book_accuracy, angle=0, movable=False,
                                   pen=pg.mkPen("#facc15", width=1.5, style=Qt.PenStyle.DashLine),
                                   label=self._target_label(p),
                                   labelOpts={"position": 0.01, "anchors": [(0, 0), (0, 0)], "color": "#facc15",
                                              "fill": pg.mkBrush("#16181dc0")})
            line.preset = p
            line.setToolTip(p.target_caption(self.session.config.dataset))
            plot.addItem(line)
            self.target_line = line
        if p is not None:
            self.preset_status.setText(translate("Learning", "Target line on the accuracy plot: ")
                                       + p.target_caption(self.session.config.dataset)
                                       if p.book_accuracy is not None else p.target_caption())

    def _target_label(self, p: Preset) -> str:
        loaded = self.session.data.name
        n = len(self.session.data.train)
        return translate("Learning", "book {acc} % · full MNIST, 50,000 train · loaded: {loaded}, {n}").format(
            acc=f"{100 * p.book_accuracy:.2f}", loaded=loaded, n=f"{n:,}")

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
        _shrinkable(self.sat_mode)
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
        self.sat_caption = _wrap_label(tip=translate("Learning", "Computed from the numbers of the shown sample and the selected neuron "
                                           "(click one on the network)"))
        self.sat_caption.setStyleSheet("font-size: 9pt;")
        v.addWidget(self.sat_caption)
        title = QLabel(translate("Learning", "<b>BP1 for both costs, same sample and weights</b>"))
        title.setToolTip(translate("Learning", "Quadratic: δ^L = (a − y)·σ′(z^L). Cross-entropy: δ^L = a − y (no σ′ factor)."))
        v.addWidget(title)
        self.delta_plot = _plot("<span style='color:#60a5fa'>■ " + translate("Learning", "quadratic (a − y)·σ′(z)")
                                + "</span> &nbsp; <span style='color:#f59e0b'>■ "
                                + translate("Learning", "cross-entropy a − y") + "</span>",
                                "δ<sup>L</sup><sub>j</sub>", translate("Learning", "output neuron j"))
        self.delta_plot.setMinimumHeight(150)
        self.delta_plot.setToolTip(translate("Learning", "Blue: quadratic δ^L = (a − y)·σ′(z^L). Orange: cross-entropy δ^L = a − y."))
        self.bars_q = pg.BarGraphItem(x=[], height=[], width=0.38, brush="#60a5fa")
        self.bars_ce = pg.BarGraphItem(x=[], height=[], width=0.38, brush="#f59e0b")
        for b in (self.bars_q, self.bars_ce):
            self.delta_plot.getPlotItem().addItem(b)
        v.addWidget(self.delta_plot)
        self.delta_table = QLabel()
        self.delta_table.setTextFormat(Qt.TextFormat.RichText)
        self.delta_table.setStyleSheet("font-size: 8.5pt;")
        self.delta_table.setToolTip(translate("Learning", "Per output neuron: a, y, σ′(z^L) and both δ^L (saturated rows in yellow)"))
        v.addWidget(self.delta_table)
        self.delta_caption = _wrap_label()
        self.delta_caption.setStyleSheet("font-size: 9pt;")
        v.addWidget(self.delta_caption)
        return box

    def _sat_key(self):
        s = self.session
        return (s.params_version, id(s.world), s.sample_index, self.isVisible())

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
        if not self.isVisible() and self.window.tabs.currentWidget() is not self:
            return
        s = self.session
        t = self.trace()
        ov = overlay(t)
        L = t.num_layers
        self.last_overlay = ov
        self.last_share = None
        counts = "; ".join(translate("Learning", "layer {l}: {c} of {n}").format(l=l, c=c, n=s.network.sizes[l - 1])
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
        x = np.arange(n)
        self.bars_q.setOpts(x=x - 0.2, height=e.delta_quadratic)
        self.bars_ce.setOpts(x=x + 0.2, height=e.delta_cross_entropy)
        self.delta_plot.getPlotItem().setXRange(-0.7, n - 0.3, padding=0)
        top = float(max(np.abs(e.delta_cross_entropy).max(), np.abs(e.delta_quadratic).max(), 0.05))
        self.delta_plot.getPlotItem().setYRange(-top, top, padding=0.1)
        rows = []
        for j in range(n):
            colour = " style='color:#facc15'" if e.saturated[j] else ""
            rows.append(f"<tr{colour}><td>{j}</td><td>{_g(e.a[j])}</td><td>{_g(e.y[j])}</td>"
                        f"<td>{_g(e.sigma_prime[j])}</td><td>{_g(e.delta_quadratic[j])}</td>"
                        f"<td>{_g(e.delta_cross_entropy[j])}</td></tr>")
        head = ("<tr><th>j</th><th>a</th><th>y</th><th>σ′(z)</th><th>" + translate("Learning", "δ quadratic")
                + "</th><th>" + translate("Learning", "δ cross-ent.") + "</th></tr>")
        self.delta_table.setText(f"<table cellspacing=0 cellpadding=2>{head}{''.join(rows)}</table>")
        self.delta_caption.setText(html.escape(e.caption()))

    def _lens_owned(self) -> bool:
        return self.window.tabs.currentWidget() is self

    def _update_lens(self, ov) -> None:
        s = self.session
        if not self._lens_owned():
            return
        if not self.sat_lens.isChecked():
            if s.lens is not None and s.lens is self.lens:
                s.set_lens(None)
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
        s.set_lens(self.lens)

    def on_tab(self) -> None:
        if self._lens_owned():
            self.refresh_saturation()
        elif self.session.lens is not None and self.session.lens is self.lens:
            self.session.set_lens(None)

    # -- twin runs ----------------------------------------------------------------------------
    def _make_twins(self) -> QGroupBox:
        box = QGroupBox(translate("Learning", "Twin runs: one setting differs"))
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("Learning", "Run b changes")))
        self.twin_key = QComboBox()
        for k in VARIABLE:
            self.twin_key.addItem(_setting_name(k), k)
        self.twin_key.setToolTip(translate("Learning", "The one setting in which run b differs from run a (the Train tab's settings)"))
        self.twin_key.currentIndexChanged.connect(self._on_twin_key)
        self.twin_value = QComboBox()
        self.twin_value.setEditable(True)
        _shrinkable(self.twin_value).setMinimumContentsLength(8)
        self.twin_value.setToolTip(translate("Learning", "Run b's value of that setting: pick one or type your own "
                                   "(e.g. quadratic, 0.5, 784,100,10, 3)"))
        row.addWidget(self.twin_key)
        row.addWidget(QLabel(translate("Learning", "to")))
        row.addWidget(self.twin_value, 1)
        v.addLayout(row)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(translate("Learning", "epochs")))
        self.twin_epochs = QSpinBox(minimum=1, maximum=100, value=5)
        number_field(self.twin_epochs)
        self.twin_epochs.setToolTip(translate("Learning", "Epochs for both runs"))
        row2.addWidget(self.twin_epochs)
        row2.addWidget(QLabel(translate("Learning", "training images")))
        self.twin_images = QSpinBox(minimum=100, maximum=100000, value=10000, singleStep=1000)
        number_field(self.twin_images)
        self.twin_images.setToolTip(translate("Learning", "Train both runs on the first N training images (fewer: faster)"))
        row2.addWidget(self.twin_images)
        v.addLayout(row2)
        row3 = QHBoxLayout()
        self.twin_run_button = QPushButton(translate("Learning", "Run twins"))
        self.twin_run_button.setToolTip(translate("Learning", "Train both networks side by side (Ctrl+Shift+T); curves in the bottom "
                                        "tab “Twin runs”"))
        self.twin_run_button.clicked.connect(self.run_twins)
        self.twin_stop_button = QPushButton(translate("Learning", "Stop"))
        self.twin_stop_button.setToolTip(translate("Learning", "Stop both runs before their next mini-batch"))
        self.twin_stop_button.clicked.connect(self.stop_twins)
        self.twin_stop_button.setEnabled(False)
        row3.addWidget(self.twin_run_button)
        row3.addWidget(self.twin_stop_button)
        v.addLayout(row3)
        self.slowdown_button = QPushButton(translate("Learning", "Learning slowdown (chapter 3)"))
        self.slowdown_button.setToolTip(translate("Learning", "Cross-entropy (a) against quadratic (b) from a badly saturated start "
                                        "(weights N(0, 9)), 5 epochs on 1,000 training images (Ctrl+Shift+L)"))
        self.slowdown_button.clicked.connect(self.run_slowdown)
        v.addWidget(self.slowdown_button)
        self.twin_progress = QProgressBar(minimum=0, maximum=1, value=0)
        self.twin_progress.setFormat(translate("Learning", "mini-batch %v / %m"))
        v.addWidget(self.twin_progress)
        self.twin_status = _wrap_label()
        self.twin_status.setStyleSheet("font-size: 9pt;")
        v.addWidget(self.twin_status)
        self._on_twin_key(0)
        return box

    def base_settings(self) -> TwinSettings:
        c = self.session.config
        return TwinSettings(sizes=c.sizes, eta=c.eta, epochs=self.twin_epochs.value(), batch_size=c.batch_size,
                            cost=c.cost, init=c.init, lmbda=c.lmbda, seed=c.seed)

    def _on_twin_key(self, _i: int) -> None:
        """Offer values for the chosen setting that differ from run a's (the Train tab's)."""
        key = self.twin_key.currentData()
        c = self.session.config
        hidden = ",".join(map(str, c.sizes[1:-1]))
        options = {"cost": ["quadratic", "cross-entropy"], "init": ["standard", "scaled"],
                   "eta": ["0.1", "0.5", "1", "3", "10", "30"], "lmbda": ["0", "1", "5"],
                   "sizes": [f"{c.sizes[0]},{h},{c.sizes[-1]}" for h in ("10", "100", "30,30")],
                   "init_scale": ["0.5", "2", "3"]}[key]
        current = {"cost": c.cost, "init": c.init, "eta": f"{c.eta:g}", "lmbda": f"{c.lmbda:g}",
                   "sizes": ",".join(map(str, c.sizes)), "init_scale": "1"}[key]
        options = [o for o in options if o != current and o != f"{c.sizes[0]},{hidden},{c.sizes[-1]}"]
        with signals_blocked(self.twin_value):
            self.twin_value.clear()
            self.twin_value.addItems(options)
            self.twin_value.setCurrentIndex(0)

    def run_twins(self) -> bool:
        try:
            base = self.base_settings()
            other = base.varied(f"{self.twin_key.currentData()}={self.twin_value.currentText()}")
        except ValueError as e:
            self.twin_status.setText(translate("Learning", "Not started: {error}").format(error=html.escape(str(e))))
            return False
        n = min(self.twin_images.value(), len(self.session.data.train))
        return self._start(base, other, n)

    def run_slowdown(self) -> bool:
        base = replace(SLOWDOWN, sizes=(self.session.data.input_size, 30, self.session.data.n_classes))
        other = base.varied(SLOWDOWN_VARY)
        return self._start(base, other, min(SLOWDOWN_TRAIN_SIZE, len(self.session.data.train)), SLOWDOWN_NOTE)

    def _start(self, a: TwinSettings, b: TwinSettings, n_train: int, note: str = "") -> bool:
        if self.thread is not None:
            self.twin_status.setText(translate("Learning", "Twin runs are still training: press Stop first."))
            return False
        d = self.session.data
        if a.sizes[0] != d.input_size or b.sizes[0] != d.input_size or b.sizes[-1] != d.n_classes:
            self.twin_status.setText(translate("Learning", "Not started: the sizes must start with {n} inputs and "
                                               "end with {k} outputs for {data}.").format(
                n=d.input_size, k=d.n_classes, data=html.escape(d.name)))
            return False
        try:
            twin = TwinRun(a, b, (d.train.x[:n_train], d.train.labels[:n_train]), d.test)
        except ValueError as e:
            self.twin_status.setText(translate("Learning", "Not started: {error}").format(error=html.escape(str(e))))
            return False
        self.twin = twin
        self.note = translate("Learning", note) if note else ""
        plot = self.window.learning_twin
        plot.start(twin)
        n_batches = -(-n_train // a.batch_size) * a.epochs
        self.twin_progress.setMaximum(n_batches)
        self.twin_progress.setValue(0)
        self.thread = TwinThread(twin)
        self.thread.wake.connect(self._drain)
        self.thread.finished.connect(self._finished)
        self.twin_run_button.setEnabled(False)
        self.slowdown_button.setEnabled(False)
        self.twin_stop_button.setEnabled(True)
        self._describe_twin(running=True)
        self.window.bottom_tabs.setCurrentWidget(plot)
        self.thread.start()
        return True

    def _describe_twin(self, running: bool) -> None:
        t = self.twin
        a, b = t.settings
        start = (translate("Learning", "<b>identical initial weights</b> and mini-batch order") if t.identical_start
                 else translate("Learning", "<b>different initial weights</b>: {note}").format(note=html.escape(
                     translate("Learning", "{varied} differ: the initial weights cannot be identical; both runs "
                               "share seed {seed} and the mini-batch order").format(
                         varied=translate("Learning", " and ").join(map(_setting_name, t.varied)), seed=a.seed))))
        ha, hb = t.history
        ra, rb = ha[-1], hb[-1]

        def acc(r: EpochRecord) -> str:
            return "–" if r.test_accuracy is None else f"{100 * r.test_accuracy:.2f} %"

        state = translate("Learning", "training…") if running else translate("Learning", "done")
        text = (f"a: {html.escape(_twin_label(a))}<br>b: {html.escape(_twin_label(b))}<br>"
                + translate("Learning", "They differ in {varied}; {start}. {n} training images, {state}").format(
                    varied=", ".join(map(_setting_name, t.varied)), start=start, n=f"{len(t.train[1]):,}", state=state)
                + "<br>" + translate("Learning", "after epoch {ea}: a {acca}, cost {ca} · after epoch {eb}: b {accb}, "
                                     "cost {cb}").format(ea=ra.epoch + 1, acca=acc(ra), ca=_g(ra.training_cost),
                                                         eb=rb.epoch + 1, accb=acc(rb), cb=_g(rb.training_cost)))
        if self.note:
            text += f"<br><i>{html.escape(self.note)}</i>"
        self.twin_status.setText(text)
        costs = (" " + translate("Learning", "The two runs' costs are different functions (quadratic vs "
                                 "cross-entropy): compare the shapes of the curves, not their heights.")
                 if "cost" in t.varied else "")
        self.window.learning_twin.caption.setText(
            f"<span style='color:{RUN_COLOURS[0]}'>a: {html.escape(_twin_label(a))}</span> · "
            f"<span style='color:{RUN_COLOURS[1]}'>b: {html.escape(_twin_label(b))}</span> — "
            + translate("Learning", "{start}; epoch 0 is the start. ‖∂C/∂b<sup>l</sup>‖ on the first {n} training "
                        "images, {styles}.").format(start=start, n=f"{len(t.speed_images[1]):,}",
                                                    styles=self._styles(a)) + costs)

    @staticmethod
    def _styles(s: TwinSettings) -> str:
        names = (translate("Learning", "solid"), translate("Learning", "dashed"), translate("Learning", "dotted"),
                 translate("Learning", "dash-dot"))
        L = len(s.sizes)
        return ", ".join((translate("Learning", "{style} = layer {l} (output)") if l == L
                          else translate("Learning", "{style} = layer {l}")).format(style=names[(l - 2) % 4], l=l)
                         for l in range(2, L + 1))

    def _drain(self) -> None:
        th = self.thread
        if th is None:
            return
        items = th.drain()
        if not items:
            return
        self.twin_progress.setValue(min(items[-1][0], self.twin_progress.maximum()))
        if any(r != (None, None) for _, r in items):
            self.window.learning_twin.update_curves(self.twin)
            self._describe_twin(running=True)

    def _finished(self) -> None:
        th = self.thread
        if th is None:
            return
        self._drain()
        self.thread = None
        th.wait()
        th.deleteLater()
        self.window.learning_twin.update_curves(self.twin)
        self._describe_twin(running=False)
        if th.error is not None:
            self.twin_status.setText(self.twin_status.text() + "<br>" + translate("Learning", "Stopped by an error: {error}").format(
                error=html.escape(str(th.error))))
        self.twin_run_button.setEnabled(True)
        self.slowdown_button.setEnabled(True)
        self.twin_stop_button.setEnabled(False)

    def stop_twins(self) -> None:
        """Stop both runs and wait for the thread (called directly: closing the window too)."""
        th = self.thread
        if th is None:
            return
        th.request_stop()
        th.wait()
        self._finished()


class _CloseWatcher(QObject):
    """Stops the twin runs when the window closes (the main window's closeEvent is not ours)."""

    def __init__(self, panel: LearningPanel) -> None:
        super().__init__(panel)
        self.panel = panel

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Close:
            self.panel.stop_twins()
        return False


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
    window.installEventFilter(_CloseWatcher(panel))
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(panel.stop_twins)
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
