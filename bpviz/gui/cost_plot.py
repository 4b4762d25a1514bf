"""The live cost plot: cost of every mini-batch (with a smoothed line), the training cost of
each epoch, and test (and validation) accuracy per epoch in its own plot below, x in epochs.

Curves redraw from the session's history on a timer, at most MAX_POINTS points each (the
min/max envelope of the mini-batch costs), so a 30-epoch run on full MNIST (150,000
mini-batches) costs the same to draw as a short one.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from bpviz.gui.session import RUNNING, Session
from bpviz.gui.theme import theme
from bpviz.gui.throttle import Throttle
from bpviz.gui.ticks import no_overlapping_tick_labels
from bpviz.scene.colors import envelope
from bpviz.scene.plots import WINDOWS, describe_epoch, describe_hand, describe_point, hand_points, x_window, y_window

REFRESH_MS = 200  # the curve redraws at most 5× a second
FULL_SPEED_MS = 500  # … and twice a second while training runs at full speed (fewer, larger updates:
                     # every redraw takes the GIL from the training thread)
MAX_POINTS = 4000  # points drawn per curve, whatever the length of the run


def smooth(y: np.ndarray, window: int) -> np.ndarray:
    """Trailing moving average (same length; the first points average what exists)."""
    if y.size == 0 or window <= 1:
        return y.astype(float)
    c = np.cumsum(np.insert(np.asarray(y, dtype=float), 0, 0.0))
    n = np.minimum(np.arange(1, y.size + 1), window)
    return (c[1:] - c[np.arange(1, y.size + 1) - n]) / n


class CostPlot(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setBackground(theme().plot_background)
        self.cost_plot = self.glw.addPlot(row=0, col=0)
        self.acc_plot = self.glw.addPlot(row=1, col=0)
        for plot in (self.cost_plot, self.acc_plot):
            no_overlapping_tick_labels(plot)      # the log cost axis' minor labels (gui/ticks.py)
        self.glw.ci.layout.setRowStretchFactor(0, 3)
        self.glw.ci.layout.setRowStretchFactor(1, 2)
        cp, ap = self.cost_plot, self.acc_plot
        cp.setLabel("left", self.tr("cost C"))
        cp.showGrid(x=False, y=True, alpha=0.2)  # vertical grid lines doubled the repaint cost
        cp.addLegend(offset=(-10, 5), labelTextSize="8pt")
        # Ranges are set by refresh() and change rarely: auto-ranging on every update made the
        # axes regenerate their ticks (the most expensive part of a repaint) several times a second.
        cp.disableAutoRange()
        cp.setXRange(0, 1, padding=0.02)
        cp.setYRange(0, 1, padding=0.02)
        self._ranges = None
        ap.setLabel("left", self.tr("test accuracy %"))
        ap.setYRange(0, 100, padding=0.02)
        ap.enableAutoRange(axis="y", enable=False)
        ap.setLabel("bottom", self.tr("epoch"))
        ap.showGrid(x=False, y=True, alpha=0.2)
        ap.setXLink(cp)
        for p in (cp, ap):
            p.setMenuEnabled(False)
            p.getAxis("left").enableAutoSIPrefix(False)
            p.getAxis("left").setWidth(52)
        self.batch_curve = cp.plot(pen=pg.mkPen(theme().translucent(theme().batch_cost, 90)), name=self.tr("mini-batch cost"))
        self.smooth_curve = cp.plot(pen=pg.mkPen(theme().blue, width=2), name=self.tr("smoothed"))
        self.epoch_curve = cp.plot(pen=pg.mkPen(theme().amber, width=2), symbol="o", symbolSize=7,
                                   symbolBrush=theme().amber, name=self.tr("training cost (epoch)"))
        # the newest mini-batch's cost: at a slow pace each one appears as it is computed
        self.last_point = pg.ScatterPlotItem(size=8, brush=pg.mkBrush(theme().highlight_light), pen=None)
        cp.addItem(self.last_point)
        # changes by hand (kept step-through updates, teaching steps): the curve shows all the network got
        self.hand_marks = pg.ScatterPlotItem(size=11, symbol="star", brush=pg.mkBrush(theme().pink), pen=None)
        cp.addItem(self.hand_marks)
        self._hand_in_legend = False   # listed in the legend only while there is a mark to explain
        self.acc_legend = ap.addLegend(offset=(-10, -5), labelTextSize="8pt")
        self.acc_curve = ap.plot(pen=pg.mkPen(theme().green, width=2), symbol="o", symbolSize=7, symbolBrush=theme().green,
                                 name=self.tr("test"))
        self.val_curve = ap.plot(pen=pg.mkPen(theme().purple, width=2), symbol="t", symbolSize=7, symbolBrush=theme().purple,
                                 name=self.tr("validation"))
        self.acc_text = pg.TextItem("", color=theme().green, anchor=(1, 1))
        ap.addItem(self.acc_text)
        self.hint = pg.TextItem(self.tr("Press Train (Space) and watch the cost fall"), color=theme().muted, anchor=(0.5, 0.5))
        cp.addItem(self.hint)
        self.hint.setPos(0.5, 0.5)
        # hover: epoch, mini-batch and cost of the point under the pointer
        self.hover_text = pg.TextItem("", color=theme().text_bright, fill=pg.mkBrush(theme().translucent(theme().plot_background, 220)), anchor=(0, 1))
        self.hover_text.setZValue(20)
        self.hover_text.hide()
        cp.addItem(self.hover_text, ignoreBounds=True)
        self.acc_hover = pg.TextItem("", color=theme().text_bright, fill=pg.mkBrush(theme().translucent(theme().plot_background, 220)), anchor=(0, 1))
        self.acc_hover.setZValue(20)
        self.acc_hover.hide()
        ap.addItem(self.acc_hover, ignoreBounds=True)
        self.glw.scene().sigMouseMoved.connect(self._on_mouse)
        self.log_box = QCheckBox(self.tr("log scale"))
        self.log_box.setToolTip(self.tr("Cost on a logarithmic axis: the slow fall after the first epochs stays visible"))
        self.log_box.toggled.connect(self.set_log)
        self.window_combo = QComboBox()
        for w in WINDOWS:
            self.window_combo.addItem(self.tr("all epochs") if w is None else
                                      (self.tr("last {n} epochs") if w > 1 else self.tr("last {n} epoch")).format(n=w), w)
        self.window_combo.setToolTip(self.tr("Which epochs the axes show; the cost axis follows the values shown "
                                             "(so a spike early on, or a divergence, does not flatten the rest)"))
        self.window_combo.currentIndexChanged.connect(lambda _i: self.refresh(force=True))
        controls = QHBoxLayout()
        controls.setContentsMargins(4, 0, 4, 0)
        controls.addWidget(QLabel(self.tr("Show:")))
        controls.addWidget(self.window_combo)
        controls.addWidget(self.log_box)
        controls.addStretch(1)
        # With λ > 0 the two curves measure different costs: say so beside them.
        self.l2_note = QLabel()
        self.l2_note.setStyleSheet(f"color:{theme().amber}; padding-left:4px;")
        self.l2_note.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(controls)
        layout.addWidget(self.l2_note)   # its own line: the controls' row is full at 1000 px
        layout.addWidget(self.glw)
        self._dirty = True
        self._last_refresh = 0.0
        # redrawn when the history grows or the world changes, at most every REFRESH_MS (FULL_SPEED_MS
        # at full speed); no timer runs while nothing changes
        self._throttle = Throttle(self._interval_ms, self._redraw, self)
        session.history_changed.connect(self._mark)
        session.world_changed.connect(self._on_world)
        self.refresh()

    def _interval_ms(self) -> int:
        s = self.session
        return FULL_SPEED_MS if s.state == RUNNING and s.config.delay_ms == 0 else REFRESH_MS

    def _mark(self) -> None:
        self._dirty = True
        self._throttle.request()

    def _redraw(self) -> None:
        self.refresh()
        if self._dirty:                 # too soon at full speed: drawn at the end of the interval
            self._throttle.request()

    def _on_world(self) -> None:
        """Another network and history: a hover label describes a point of the old curve, so it goes
        (the pointer brings a new one when it moves)."""
        self.hover_text.hide()
        self.acc_hover.hide()
        self.refresh(force=True)

    @property
    def log(self) -> bool:
        return self.log_box.isChecked()

    def set_log(self, on: bool) -> None:
        """Cost axis logarithmic (True) or linear."""
        with_signals = self.log_box.isChecked() != on
        if with_signals:
            self.log_box.setChecked(on)   # comes back here through toggled
            return
        self.cost_plot.setLogMode(x=False, y=on)
        self._ranges = None
        self.refresh(force=True)

    def _update_ranges(self, x: np.ndarray, y: np.ndarray) -> None:
        """The axes follow the data shown: nice ceilings over all epochs (1, 1.5, 2, 2.5 … so they
        change rarely) or the last N epochs; the cost axis covers the values in that window."""
        s = self.session
        seen = max(float(x[-1]) if x.size else 0.0, float(len(s.history.epochs)))
        x0, x1 = x_window(seen, self.window_combo.currentData(), s.epochs_target or None)
        lo, hi = y_window(x, y, x0, x1, self.log)
        self.y_window = (lo, hi)
        if (x0, x1, lo, hi, self.log) != self._ranges:
            self._ranges = (x0, x1, lo, hi, self.log)
            self.cost_plot.setXRange(x0, x1, padding=0.02)
            if self.log:
                self.cost_plot.setYRange(np.log10(lo), np.log10(hi), padding=0.02)
            else:
                self.cost_plot.setYRange(lo, hi, padding=0.02)

    def describe_at(self, x_epochs: float, tolerance: float) -> str | None:
        h = self.session.history
        return describe_hand(h, x_epochs, tolerance) or describe_point(h, x_epochs, tolerance)

    def _on_mouse(self, pos) -> None:
        avb = self.acc_plot.getViewBox()
        if avb.sceneBoundingRect().contains(pos):
            p = avb.mapSceneToView(pos)
            text = describe_epoch(self.session.history, p.x(), 8 * avb.viewPixelSize()[0])
            self.acc_hover.setVisible(text is not None)
            if text is not None:
                (x0, x1), _ = avb.viewRange()
                self.acc_hover.setText(text)
                self.acc_hover.setAnchor((1, 1) if p.x() > (x0 + x1) / 2 else (0, 1))
                self.acc_hover.setPos(p.x(), p.y())
        else:
            self.acc_hover.hide()
        vb = self.cost_plot.getViewBox()
        if not vb.sceneBoundingRect().contains(pos):
            self.hover_text.hide()
            return
        p = vb.mapSceneToView(pos)
        text = self.describe_at(p.x(), 8 * vb.viewPixelSize()[0])
        if text is None:
            self.hover_text.hide()
            return
        self.hover_text.setText(text)
        (x0, x1), _ = vb.viewRange()
        self.hover_text.setAnchor((1, 1) if p.x() > (x0 + x1) / 2 else (0, 1))
        self.hover_text.setPos(p.x(), p.y())
        self.hover_text.show()

    def _show_l2_note(self) -> None:
        lmbda = float(self.session.config.lmbda)
        self.l2_note.setVisible(lmbda > 0)
        if lmbda > 0:
            self.l2_note.setText(self.tr("λ = {lmbda}: the epoch cost includes (λ/2n)·Σw²").format(
                lmbda=f"{lmbda:g}"))
            self.l2_note.setToolTip(self.tr("λ = {lmbda}: the epoch cost includes the L2 term (λ/2n)·Σw², the "
                                            "mini-batch cost does not").format(lmbda=f"{lmbda:g}"))

    def refresh(self, force: bool = False) -> None:
        if not (self._dirty or force):
            return
        s = self.session
        now = time.perf_counter()
        if (not force and s.state == RUNNING and s.config.delay_ms == 0
                and now - self._last_refresh < FULL_SPEED_MS / 1000):
            return   # stays dirty: drawn on a later tick
        self._last_refresh = now
        self._dirty = False
        self._show_l2_note()
        h = self.session.history
        x, y = h.batch_epoch, h.batch_cost
        self.hint.setVisible(h.recorded == 0 and not h.hand_updates)
        # nothing to explain before the first mini-batch, and at 1000 × 650 the legend covered the hint
        self.cost_plot.legend.setVisible(not self.hint.isVisible())
        # A long run has 10⁵+ mini-batches: draw the min/max envelope of at most a few thousand
        # points (same look, a fraction of the work) and the smoothed line at the same density.
        # Mini-batches older than the history's detail are already min/max blocks.
        bx, by = envelope(x, y, MAX_POINTS)
        old_x = (h.summary_start + h.block / 2) / h.batches_per_epoch
        if old_x.size:
            ox, oy = envelope(np.repeat(old_x, 2), np.column_stack([h.summary_min, h.summary_max]).ravel(),
                              MAX_POINTS)
            bx, by = np.concatenate([ox, bx]), np.concatenate([oy, by])
            x, y = np.concatenate([old_x, x]), np.concatenate([h.summary_mean, y])
        self.batch_curve.setData(bx, by)
        if h.batch_cost.size:
            ly = float(h.batch_cost[-1])
            self.last_point.setData([float(h.batch_epoch[-1])], [np.log10(ly) if self.log and ly > 0 else ly])
        else:
            self.last_point.setData([], [])
        hx, hy = hand_points(h)
        self.hand_marks.setData(hx, np.log10(np.maximum(hy, 1e-12)) if self.log else hy)
        if bool(hx.size) != self._hand_in_legend:
            self._hand_in_legend = bool(hx.size)
            if hx.size:
                self.cost_plot.legend.addItem(self.hand_marks, self.tr("changed by hand"))
            else:
                self.cost_plot.legend.removeItem(self.hand_marks)
        window = max(5, h.batches_per_epoch // 20)
        sx, sy = x, smooth(y, window)
        if sy.size > MAX_POINTS:
            step = -(-sy.size // MAX_POINTS)
            sx, sy = sx[::step], sy[::step]
        self.smooth_curve.setData(sx, sy)
        if hx.size:   # the axes cover the marks too (a kept update before any training, at x = 0)
            order = np.argsort(np.concatenate([x, hx]), kind="stable")
            x, y = np.concatenate([x, hx])[order], np.concatenate([y, hy])[order]
        self._update_ranges(x, y)
        ep = h.epochs
        ex = np.array([e.epoch + 1 for e in ep], dtype=float)
        ey = np.array([e.training_cost for e in ep], dtype=float)
        measured = np.isfinite(ey)           # an epoch whose evaluation Stop cut short has no cost
        self.epoch_curve.setData(ex[measured], ey[measured])
        acc = [(e.epoch + 1, 100.0 * e.test_accuracy) for e in ep if e.test_accuracy is not None]
        if acc:
            ax, ay = np.array(acc).T
            self.acc_curve.setData(ax, ay)
            self.acc_text.setText(f"{ay[-1]:.2f}%")
            # below the point near the top of the axis, above it otherwise: never clipped
            self.acc_text.setAnchor((1, -0.2) if ay[-1] > 60 else (1, 1.2))
            self.acc_text.setPos(ax[-1], ay[-1])
        else:
            self.acc_curve.setData([], [])
            self.acc_text.setText("")
        val = [(e.epoch + 1, 100.0 * e.validation_accuracy) for e in ep if e.validation_accuracy is not None]
        if val:
            vx, vy = np.array(val).T
            self.val_curve.setData(vx, vy)
        else:
            self.val_curve.setData([], [])
        self.acc_legend.setVisible(bool(val))  # a legend for one curve only says the axis again
