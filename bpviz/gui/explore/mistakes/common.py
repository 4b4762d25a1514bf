"""What the mistakes views share: colours, image helpers and the before/after output bar plot."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QLabel,
)

from bpviz.gui.theme import diverging_rgba, theme

BACKGROUND = theme().plot_background
GALLERY_MAX = 400          # thumbnails drawn at most (a diagonal cell can hold a thousand images)
THUMB = 56                 # thumbnail image side in pixels
BAR_H = 16                 # height of the output-activation strip under a thumbnail
SORT_NAMES = {"confidence": "confidence", "margin": "margin", "index": "index"}
OK_COLOUR, WRONG_COLOUR, OTHER_COLOUR = theme().green, theme().wrong, theme().subtle


# -- small image helpers --------------------------------------------------------------------------
def grey_image(x: np.ndarray) -> QImage:
    """A square image in [0, 1] (side²,) as an 8-bit grey QImage (white = 1)."""
    side = int(round(np.sqrt(x.shape[0])))
    a = np.ascontiguousarray((np.clip(x.reshape(side, side), 0, 1) * 255).astype(np.uint8))
    return QImage(a.data, side, side, side, QImage.Format.Format_Grayscale8).copy()


def diverging_image(v: np.ndarray, vmax: float, lut: np.ndarray) -> QImage:
    """Signed values (side²,) on the diverging map, symmetric about 0: −vmax blue, 0 grey, +vmax red."""
    side = int(round(np.sqrt(v.shape[0])))
    rgba = np.ascontiguousarray(diverging_rgba(np.asarray(v).reshape(side, side), vmax, lut))
    return QImage(rgba.data, side, side, 4 * side, QImage.Format.Format_RGBA8888).copy()


def colour_scale_image(lut: np.ndarray, width: int = 120, height: int = 10) -> QImage:
    row = np.ascontiguousarray(np.repeat(lut[np.linspace(0, 255, width).astype(int)][None], height, axis=0))
    return QImage(row.data, width, height, 4 * width, QImage.Format.Format_RGBA8888).copy()


def image_label(tip: str, side: int = 112) -> QLabel:
    lab = QLabel()
    lab.setFixedSize(side, side)
    lab.setStyleSheet(f"background: {theme().black}; border: 1px solid {theme().border_strong};")
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
