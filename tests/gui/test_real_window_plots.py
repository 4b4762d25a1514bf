"""Plots with data, drawn in a real window (X11 under Xvfb, the `xcb` platform): the speed of learning
once read "−6e−306 … 0" with no points and no stars in a real window while pytest-qt offscreen drew it
(issue 21, item 11). Skipped offscreen, like tests/gui/test_real_window.py."""

import math
import os

import numpy as np
import pytest
from PySide6.QtGui import QColor

from bpviz.gui.session import IDLE

from .conftest import activate

pytestmark = pytest.mark.skipif(os.environ.get("QT_QPA_PLATFORM") != "xcb",
                                reason="needs a real X server (QT_QPA_PLATFORM=xcb, e.g. under xvfb-run)")


def _pixels_of(widget, colour: str, tolerance: int = 40) -> int:
    """How many pixels of the widget as drawn on screen are near ``colour``."""
    img = widget.grab().toImage()
    c = QColor(colour)
    ptr = img.constBits()
    arr = np.frombuffer(ptr, dtype=np.uint8, count=img.sizeInBytes()).reshape(img.height(), img.bytesPerLine())
    arr = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)
    b, g, r = arr[..., 0].astype(int), arr[..., 1].astype(int), arr[..., 2].astype(int)
    return int(np.sum((abs(r - c.red()) < tolerance) & (abs(g - c.green()) < tolerance) & (abs(b - c.blue()) < tolerance)))


def _check_speed_plot(w, epochs_expected):
    from bpviz.gui.explore.learning import common as learning

    sp = w.views.widget("learning.speed")
    (x0, x1), (y0, y1) = sp.plot.getViewBox().viewRange()
    assert all(math.isfinite(v) for v in (x0, x1, y0, y1)), (x0, x1, y0, y1)
    assert x1 - x0 >= 0.5 and x0 <= 0 <= x1, (x0, x1)              # not "−6e−306 … 0"
    xs = np.array(sp.xs)
    assert len(xs) >= epochs_expected + 1 and x0 <= xs.min() and xs.max() <= x1, (xs, x0, x1)
    logs = np.log10(np.array(sp.values)[:, :-1])
    book = np.log10(sp.book.hidden)
    assert y0 <= min(logs.min(), book.min()) and max(logs.max(), book.max()) <= y1, (y0, y1, logs, book)
    # and they are drawn: each hidden layer's colour is on the screen
    for colour in learning.LAYER_COLOURS[: len(book)]:
        assert _pixels_of(sp.plot_widget, colour) > 20, colour


def test_speed_of_learning_is_drawn_in_a_real_window(qtbot, make_window):
    w = make_window(sizes=(784, 30, 30, 30, 10), cost="cross-entropy", init="scaled", eta=0.1, epochs=2)
    activate(qtbot, w)
    w.bottom_tabs.setCurrentWidget(w.views.widget("learning.speed"))
    qtbot.wait(800)
    _check_speed_plot(w, 0)
    w.session.start()
    qtbot.waitUntil(lambda: w.session.state == IDLE and w.session.epochs_done == 2, timeout=60000)
    qtbot.wait(1500)
    w.views.widget("learning.speed").poll(force=True)
    qtbot.wait(300)
    _check_speed_plot(w, 1)
