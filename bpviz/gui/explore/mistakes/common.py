"""What the mistakes views share: colours, image helpers and the before/after output bar plot."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QLabel,
)

from bpviz.gui.network_view import diverging_cmap
from bpviz.gui.widgets import CompactPlot

BACKGROUND = "#16181d"
GALLERY_MAX = 400          # thumbnails drawn at most (a diagonal cell can hold a thousand images)
THUMB = 56                 # thumbnail image side in pixels
BAR_H = 16                 # height of the output-activation strip under a thumbnail
SORT_NAMES = {"confidence": "confidence", "margin": "margin", "index": "index"}
OK_COLOUR, WRONG_COLOUR, OTHER_COLOUR = "#34d399", "#f87171", "#94a3b8"


# -- small image helpers --------------------------------------------------------------------------
def diverging_lut() -> np.ndarray:
    return diverging_cmap().getLookupTable(0.0, 1.0, 256, alpha=True)  # (256, 4) uint8


def grey_image(x: np.ndarray) -> QImage:
    """A square image in [0, 1] (side²,) as an 8-bit grey QImage (white = 1)."""
    side = int(round(np.sqrt(x.shape[0])))
    a = np.ascontiguousarray((np.clip(x.reshape(side, side), 0, 1) * 255).astype(np.uint8))
    return QImage(a.data, side, side, side, QImage.Format.Format_Grayscale8).copy()


def diverging_image(v: np.ndarray, vmax: float, lut: np.ndarray) -> QImage:
    """Signed values (side²,) on the diverging map, symmetric about 0: −vmax blue, 0 grey, +vmax red."""
    side = int(round(np.sqrt(v.shape[0])))
    vmax = vmax or 1.0
    level = np.clip((np.asarray(v, dtype=np.float64).reshape(side, side) / vmax + 1) * 127.5, 0, 255)
    rgba = np.ascontiguousarray(lut[level.astype(np.uint8)])
    return QImage(rgba.data, side, side, 4 * side, QImage.Format.Format_RGBA8888).copy()


def colour_scale_image(lut: np.ndarray, width: int = 120, height: int = 10) -> QImage:
    row = np.ascontiguousarray(np.repeat(lut[np.linspace(0, 255, width).astype(int)][None], height, axis=0))
    return QImage(row.data, width, height, 4 * width, QImage.Format.Format_RGBA8888).copy()


def image_label(tip: str, side: int = 112) -> QLabel:
    lab = QLabel()
    lab.setFixedSize(side, side)
    lab.setStyleSheet("background: #000; border: 1px solid #4b5563;")
    lab.setToolTip(tip)
    lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return lab


def show_image(label: QLabel, img: QImage | None) -> None:
    if img is None:
        label.clear()
        return
    label.setPixmap(QPixmap.fromImage(img).scaled(label.width() - 2, label.height() - 2,
                                                  Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.FastTransformation))


def thumbnail(x: np.ndarray, outputs: np.ndarray, true_label: int) -> QIcon:
    """The image with a strip of its output activations below: the true label's bar green,
    the prediction's red when it is wrong, the others grey."""
    pred = int(np.argmax(outputs))
    pm = QPixmap(THUMB, THUMB + BAR_H + 2)
    pm.fill(QColor(BACKGROUND))
    p = QPainter(pm)
    p.drawImage(0, 0, grey_image(x).scaled(THUMB, THUMB))
    n = outputs.shape[0]
    w = THUMB / n
    for j, a in enumerate(outputs):
        colour = OK_COLOUR if j == true_label else WRONG_COLOUR if j == pred else OTHER_COLOUR
        h = max(1, int(round(float(np.clip(a, 0, 1)) * BAR_H)))
        p.fillRect(int(j * w) + 1, THUMB + 2 + BAR_H - h, max(1, int(w) - 1), h, QColor(colour))
    p.end()
    return QIcon(pm)


def output_plot(title: str, legend: str) -> tuple[CompactPlot, pg.BarGraphItem, pg.BarGraphItem]:
    """A small bar plot of output activations: 'before' grey bars and 'after' blue ones."""
    plot = CompactPlot(background=BACKGROUND)
    plot.setTitle(legend, size="8pt", color="#9ca3af")
    plot.setMinimumHeight(130)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    plot.setYRange(0, 1, padding=0.02)
    plot.setLabel("left", title)
    before = pg.BarGraphItem(x=np.arange(1), height=np.zeros(1), width=0.38, brush="#6b7280")
    after = pg.BarGraphItem(x=np.arange(1), height=np.zeros(1), width=0.38, brush="#60a5fa")
    plot.addItem(before)
    plot.addItem(after)
    return plot, before, after


def set_bars(plot: CompactPlot, before_item, after_item, names, before: np.ndarray | None,
             after: np.ndarray | None) -> None:
    n = len(names)
    plot.getAxis("bottom").setTicks([[(j, names[j]) for j in range(n)]])
    plot.setXRange(-0.6, n - 0.4, padding=0)
    x = np.arange(n)
    if before is None:
        before_item.setOpts(x=x, height=np.zeros(n))
        after_item.setOpts(x=x, height=np.zeros(n) if after is None else after, width=0.7)
        return
    before_item.setOpts(x=x - 0.2, height=before, width=0.38)
    after_item.setOpts(x=x + 0.2, height=np.zeros(n) if after is None else after, width=0.38)
