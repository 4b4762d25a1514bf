"""The live cost plot: cost of every mini-batch (with a smoothed line), the training cost of
each epoch, and test (and validation) accuracy per epoch in its own plot below, x in epochs.

Curves redraw from the session's history on a timer, at most MAX_POINTS points each (the
min/max envelope of the mini-batch costs), so a 30-epoch run on full MNIST (150,000
mini-batches) costs the same to draw as a short one.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from bpviz.gui.session import Session
from bpviz.scene.colors import envelope, nice_ceiling

REFRESH_MS = 200  # the curve redraws at most 5× a second
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
        self.glw.setBackground("#16181d")
        self.cost_plot = self.glw.addPlot(row=0, col=0)
        self.acc_plot = self.glw.addPlot(row=1, col=0)
        self.glw.ci.layout.setRowStretchFactor(0, 3)
        self.glw.ci.layout.setRowStretchFactor(1, 2)
        cp, ap = self.cost_plot, self.acc_plot
        cp.setLabel("left", "cost C")
        cp.showGrid(x=False, y=True, alpha=0.2)  # vertical grid lines doubled the repaint cost
        cp.addLegend(offset=(-10, 5), labelTextSize="8pt")
        # Ranges are set by refresh() and change rarely: auto-ranging on every update made the
        # axes regenerate their ticks (the most expensive part of a repaint) several times a second.
        cp.disableAutoRange()
        cp.setXRange(0, 1, padding=0.02)
        cp.setYRange(0, 1, padding=0.02)
        self._ranges = (1.0, 1.0)
        ap.setLabel("left", "test accuracy %")
        ap.setYRange(0, 100, padding=0.02)
        ap.enableAutoRange(axis="y", enable=False)
        ap.setLabel("bottom", "epoch")
        ap.showGrid(x=False, y=True, alpha=0.2)
        ap.setXLink(cp)
        for p in (cp, ap):
            p.setMenuEnabled(False)
            p.getAxis("left").enableAutoSIPrefix(False)
            p.getAxis("left").setWidth(52)
        self.batch_curve = cp.plot(pen=pg.mkPen(120, 140, 170, 90), name="mini-batch cost")
        self.smooth_curve = cp.plot(pen=pg.mkPen("#60a5fa", width=2), name="smoothed")
        self.epoch_curve = cp.plot(pen=pg.mkPen("#f59e0b", width=2), symbol="o", symbolSize=7,
                                   symbolBrush="#f59e0b", name="training cost (epoch)")
        self.acc_legend = ap.addLegend(offset=(-10, -5), labelTextSize="8pt")
        self.acc_curve = ap.plot(pen=pg.mkPen("#34d399", width=2), symbol="o", symbolSize=7, symbolBrush="#34d399",
                                 name="test")
        self.val_curve = ap.plot(pen=pg.mkPen("#c084fc", width=2), symbol="t", symbolSize=7, symbolBrush="#c084fc",
                                 name="validation")
        self.acc_text = pg.TextItem("", color="#34d399", anchor=(1, 1))
        ap.addItem(self.acc_text)
        self.hint = pg.TextItem("Press Train (Space) and watch the cost fall", color="#9ca3af", anchor=(0.5, 0.5))
        cp.addItem(self.hint)
        self.hint.setPos(0.5, 0.5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.glw)
        self._dirty = True
        session.history_changed.connect(self._mark)
        session.world_changed.connect(self._mark)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def _mark(self) -> None:
        self._dirty = True

    def _update_ranges(self, x: np.ndarray, y: np.ndarray) -> None:
        """Nice ceilings over the data (1, 1.5, 2, 2.5, 3, 4, 5 … epochs), so they change rarely."""
        s = self.session
        seen = max(float(x[-1]) if x.size else 0.0, float(len(s.history.epochs)))
        x_max = max(1.0, nice_ceiling(seen * 1.05)) if seen else 1.0
        if s.epochs_target:
            x_max = min(x_max, float(max(s.epochs_target, seen)))
        finite = y[np.isfinite(y)]
        y_max = nice_ceiling(float(finite.max())) if finite.size else 1.0
        if (x_max, y_max) != self._ranges:
            self._ranges = (x_max, y_max)
            self.cost_plot.setXRange(0, x_max, padding=0.02)
            self.cost_plot.setYRange(0, y_max, padding=0.02)

    def refresh(self, force: bool = False) -> None:
        if not (self._dirty or force):
            return
        self._dirty = False
        h = self.session.history
        x, y = h.batch_epoch, h.batch_cost
        self.hint.setVisible(h.recorded == 0)
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
        window = max(5, h.batches_per_epoch // 20)
        sx, sy = x, smooth(y, window)
        if sy.size > MAX_POINTS:
            step = -(-sy.size // MAX_POINTS)
            sx, sy = sx[::step], sy[::step]
        self.smooth_curve.setData(sx, sy)
        self._update_ranges(x, y)
        ep = h.epochs
        ex = np.array([e.epoch + 1 for e in ep], dtype=float)
        self.epoch_curve.setData(ex, np.array([e.training_cost for e in ep], dtype=float))
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
