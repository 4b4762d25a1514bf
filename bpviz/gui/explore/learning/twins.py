"""Twin runs: two networks that differ in one setting, trained side by side (:mod:`bpviz.core.twin`):
the thread, the bottom tab's plot, and the Learning tab's controls."""

from __future__ import annotations

import html
import threading
import time
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtWidgets import (
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
from bpviz.gui.explore.learning.common import RUN_COLOURS, setting_name, shrinkable, twin_label
from bpviz.gui.theme import theme, themed_plot, wrap_label
from bpviz.gui.widgets import (
    number_field,
    signals_blocked,
)
from bpviz.i18n import join_sentences, translate
from bpviz.scene.notation import number


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
        self.cost = themed_plot(translate("Learning", "Training cost C"), "C", epoch)
        self.acc = themed_plot(translate("Learning", "Test accuracy"), "%", epoch)
        self.speed = themed_plot(translate("Learning", "‖∂C/∂b<sup>l</sup>‖ (log scale)"), "‖∂C/∂b<sup>l</sup>‖", epoch,
                           log_y=True)
        self.caption = wrap_label(translate("Learning", "Choose a setting in Learning → Twin runs and press "
                                             "Run twins."))
        self.caption.setStyleSheet(f"font-size: 9pt; color: {theme().title};")
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
                                          brush=pg.mkBrush(theme().translucent(theme().plot_background, 0xd0)))
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




class TwinControls:
    """The Learning tab's twin-run box (a part of :class:`LearningPanel`)."""

    # -- twin runs ----------------------------------------------------------------------------
    def _make_twins(self) -> QGroupBox:
        box = QGroupBox(translate("Learning", "Twin runs: one setting differs"))
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("Learning", "Run b changes")))
        self.twin_key = QComboBox()
        for k in VARIABLE:
            self.twin_key.addItem(setting_name(k), k)
        self.twin_key.setToolTip(translate("Learning", "The one setting in which run b differs from run a (the Train tab's settings)"))
        self.twin_key.currentIndexChanged.connect(self._on_twin_key)
        self.twin_value = QComboBox()
        self.twin_value.setEditable(True)
        shrinkable(self.twin_value).setMinimumContentsLength(5)   # the row fits the side panel at 1000 px
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
        row2.addWidget(QLabel(translate("Learning", "images")))   # short: the row fits the panel at 1000 px
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
        self.twin_status = wrap_label()
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
        plot = self.twin_plot
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
        self.places.show("learning.twins")
        self.thread.start()
        return True

    def _describe_twin(self, running: bool) -> None:
        t = self.twin
        a, b = t.settings
        start = (translate("Learning", "<b>identical initial weights</b> and mini-batch order") if t.identical_start
                 else translate("Learning", "<b>different initial weights</b>: {note}").format(note=html.escape(
                     translate("Learning", "{varied} differ: the initial weights cannot be identical; both runs "
                               "share seed {seed} and the mini-batch order").format(
                         varied=translate("Learning", " and ").join(map(setting_name, t.varied)), seed=a.seed))))
        ha, hb = t.history
        ra, rb = ha[-1], hb[-1]

        def acc(r: EpochRecord) -> str:
            return "–" if r.test_accuracy is None else f"{100 * r.test_accuracy:.2f} %"

        state = translate("Learning", "training…") if running else translate("Learning", "done")
        text = (f"a: {html.escape(twin_label(a))}<br>b: {html.escape(twin_label(b))}<br>"
                + translate("Learning", "They differ in {varied}; {start}. {n} training images, {state}").format(
                    varied=translate("Learning", ", ").join(map(setting_name, t.varied)), start=start, n=f"{len(t.train[1]):,}", state=state)
                + "<br>" + translate("Learning", "after epoch {ea}: a {acca}, cost {ca} · after epoch {eb}: b {accb}, "
                                     "cost {cb}").format(ea=ra.epoch + 1, acca=acc(ra), ca=number(ra.training_cost),
                                                         eb=rb.epoch + 1, accb=acc(rb), cb=number(rb.training_cost)))
        if self.note:
            text += f"<br><i>{html.escape(self.note)}</i>"
        self.twin_status.setText(text)
        costs = (translate("Learning", "The two runs' costs are different functions (quadratic vs "
                                 "cross-entropy): compare the shapes of the curves, not their heights.")
                 if "cost" in t.varied else "")
        self.twin_plot.caption.setText(
            f"<span style='color:{RUN_COLOURS[0]}'>a: {html.escape(twin_label(a))}</span> · "
            f"<span style='color:{RUN_COLOURS[1]}'>b: {html.escape(twin_label(b))}</span> — "
            + join_sentences(translate("Learning", "{start}; epoch 0 is the start. ‖∂C/∂b<sup>l</sup>‖ on the first "
                                       "{n} training images, {styles}.").format(
                start=start, n=f"{len(t.speed_images[1]):,}", styles=self._styles(a)), costs))

    @staticmethod
    def _styles(s: TwinSettings) -> str:
        names = (translate("Learning", "solid"), translate("Learning", "dashed"), translate("Learning", "dotted"),
                 translate("Learning", "dash-dot"))
        L = len(s.sizes)
        return translate("Learning", ", ").join((translate("Learning", "{style} = layer {l} (output)") if l == L
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
            self.twin_plot.update_curves(self.twin)
            self._describe_twin(running=True)

    def _finished(self) -> None:
        th = self.thread
        if th is None:
            return
        self._drain()
        self.thread = None
        th.wait()
        th.deleteLater()
        self.twin_plot.update_curves(self.twin)
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
