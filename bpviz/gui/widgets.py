"""Small helpers shared by the panels."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scrolling_layout(panel: QWidget) -> QVBoxLayout:
    """A vertical layout for ``panel``'s content inside a scroll area, so that on a small
    screen the content scrolls instead of being squeezed until text overlaps."""
    inner = QWidget()
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # content follows the width
    scroll.setWidget(inner)
    outer = QVBoxLayout(panel)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return QVBoxLayout(inner)


class CompactPlot(pg.PlotWidget):
    """A PlotWidget that asks for little room (a GraphicsView's default size hint is 640×480,
    which would make a scrolling panel scroll even on a large screen); it still grows."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(300, 160)
