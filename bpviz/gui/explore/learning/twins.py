"""Twin runs: two networks that differ in one setting, trained side by side (:mod:`bpviz.core.twin`):
the thread, the bottom tab's plot, and the Learning tab's controls."""

from __future__ import annotations

import html
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
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
    EpochRecord,
    TwinRun,
    TwinSettings,
)
from bpviz.gui.explore.learning.common import RUN_COLOURS, setting_name, shrinkable, twin_label
from bpviz.gui.jobs import TwinProgress, twin_work
from bpviz.gui.theme import theme, themed_plot, wrap_label
from bpviz.gui.widgets import (
    number_field,
    signals_blocked,
)
from bpviz.gui.worker import Job
from bpviz.i18n import join_sentences, translate
from bpviz.scene.notation import number
from bpviz.state.twin import TwinSetting, twin_options, twin_settings, vary


# =========================================================================================
# 3. Twin runs: worker and plot
# =========================================================================================
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
        for k in TwinSetting:
            self.twin_key.addItem(k.label(), k)
        self.twin_key.setToolTip(translate("Learning", "The one setting in which run b differs from run a (the Train tab's settings)"))
        self.twin_key.currentIndexChanged.connect(self._on_twin_key)
        self.twin_value = QComboBox()
        self.twin_value.setEditable(True)
        shrinkable(self.twin_value).setMinimumContentsLength(5)   # the row fits the side panel at 1000 px
        self.twin_value.setToolTip(translate("Learning", "Run b's value of that setting: pick one or type your own "
                                   "(e.g. quadratic, 0.5, 784,100,10, 3)"))
        row.addWidget(self.twin_key)
        row.addStretch(1)
        v.addLayout(row)
        # the value on a row of its own: beside the setting it kept the panel wider than the window's
        # left column at 1000 px and cut "cross-entropy cost" at 1920 px (tests/gui/test_window_sizes.py)
        row_value = QHBoxLayout()
        row_value.addWidget(QLabel(translate("Learning", "to")))
        row_value.addWidget(self.twin_value, 1)
        v.addLayout(row_value)
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
        return twin_settings(self.session.config, self.twin_epochs.value())

    def _on_twin_key(self, _i: int) -> None:
        """Offer values for the chosen setting that differ from run a's (the Train tab's)."""
        key = TwinSetting(self.twin_key.currentData())    # a combo box hands the enum back as its str
        with signals_blocked(self.twin_value):
            self.twin_value.clear()
            for value in twin_options(self.session.config, key):
                self.twin_value.addItem(key.value_label(value), value)
            self.twin_value.setCurrentIndex(0)

    def twin_choice(self):
        """Run b's value: the item chosen, or what was typed (read as that setting's kind of value)."""
        key = TwinSetting(self.twin_key.currentData())
        i = self.twin_value.currentIndex()
        text = self.twin_value.currentText().strip()
        if i >= 0 and text == self.twin_value.itemText(i):
            value = self.twin_value.itemData(i)
            return tuple(value) if key is TwinSetting.SIZES else value
        return key.parse(text)

    def run_twins(self) -> bool:
        try:
            base = self.base_settings()
            other = vary(base, TwinSetting(self.twin_key.currentData()), self.twin_choice())
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
        if self.twin_job is not None:
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
        self.twin_plot.start(twin)
        n_batches = -(-n_train // a.batch_size) * a.epochs
        self.twin_progress.setMaximum(n_batches)
        self.twin_progress.setValue(0)
        self._show_controls_of(twin, n_train)
        self.twin_error = None
        self.twin_run_button.setEnabled(False)
        self.slowdown_button.setEnabled(False)
        self.twin_stop_button.setEnabled(True)
        self._describe_twin(running=True)
        self.places.show("learning.twins")
        self.twin_job = self.session.workers.start(twin_work(twin), "twins", connect={
            "yielded": self._on_twin_progress, "failed": self._on_twin_failed, "ended": self._finished})
        return True

    def _show_controls_of(self, twin: TwinRun, n_train: int) -> None:
        """The controls show the runs that train (a preset's too), never other settings beside them."""
        a, b = twin.settings
        with signals_blocked(self.twin_epochs, self.twin_images, self.twin_key, self.twin_value):
            self.twin_epochs.setValue(a.epochs)
            self.twin_images.setValue(n_train)
            if len(twin.varied) == 1 and twin.varied[0] in {k.value for k in TwinSetting}:
                key = TwinSetting(twin.varied[0])
                self.twin_key.setCurrentIndex(self.twin_key.findData(key))
                value = getattr(b, key.value)
                self.twin_value.clear()
                self.twin_value.addItem(key.value_label(value), value)
                self.twin_value.setCurrentIndex(0)

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

    def _on_twin_progress(self, items: list[TwinProgress]) -> None:
        self.twin_progress.setValue(min(items[-1].batches, self.twin_progress.maximum()))
        if any(it.records != (None, None) for it in items):
            self.twin_plot.update_curves(self.twin)
            self._describe_twin(running=True)

    def _on_twin_failed(self, error: BaseException) -> None:
        self.twin_error = error

    def _finished(self) -> None:
        if self.twin_job is None:
            return
        self.twin_job = None
        self.twin_plot.update_curves(self.twin)
        self._describe_twin(running=False)
        if self.twin_error is not None:
            self.twin_status.setText(self.twin_status.text() + "<br>" + translate(
                "Learning", "Stopped by an error: {error}").format(error=html.escape(str(self.twin_error))))
        self.twin_run_button.setEnabled(True)
        self.slowdown_button.setEnabled(True)
        self.twin_stop_button.setEnabled(False)

    def stop_twins(self) -> None:
        """Stop both runs before their next mini-batch and wait for them (the Stop button).
        Closing the window stops them through the session's one shutdown, after the Quit question."""
        job: Job | None = self.twin_job
        if job is not None:
            job.cancel()
            job.wait()
