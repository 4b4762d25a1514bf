"""Checks that need a real window system (X11 under Xvfb: the `xcb` platform). `.ci/run` runs the
GUI tests a second time that way; offscreen they are skipped, because the offscreen platform
never produces the events they are about (pointer hover → ToolTip, real focus)."""

import os

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from .conftest import activate

pytestmark = pytest.mark.skipif(os.environ.get("QT_QPA_PLATFORM") != "xcb",
                                reason="needs a real X server (QT_QPA_PLATFORM=xcb, e.g. under xvfb-run)")


def _global(view, scene_pos) -> QPoint:
    local = view.glw.mapFromScene(view.vb.mapViewToScene(QPointF(*scene_pos)))
    return view.glw.viewport().mapToGlobal(local)


def test_resting_the_pointer_on_a_neuron_shows_its_tooltip(qtbot, make_window):
    w = make_window()
    activate(qtbot, w)
    view = w.network_view
    qtbot.wait(300)
    target = _global(view, view.net_layout.layer(3).positions[7])
    QCursor.setPos(target + QPoint(3, 0))
    QCursor.setPos(target)                       # a real pointer move, then rest
    qtbot.waitUntil(QToolTip.isVisible, timeout=5000)
    assert QToolTip.text().startswith("output neuron 7 of layer 3")
    qtbot.wait(1500)                             # it stays while the pointer rests
    assert QToolTip.isVisible() and QToolTip.text().startswith("output neuron 7 of layer 3")
    QCursor.setPos(w.mapToGlobal(QPoint(5, 5)))


def test_space_trains_even_with_the_focus_in_the_eta_field(qtbot, make_window):
    w = make_window(epochs=3)
    activate(qtbot, w)
    eta = w.train_panel.eta
    eta.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is eta, timeout=3000)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: w.session.state != "idle", timeout=5000)
    assert eta.text() == "3"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)     # hands the keyboard back
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not eta, timeout=3000)
    QTest.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: w.session.state == "idle", timeout=5000)
    assert eta.text() == "3"


@pytest.mark.parametrize("field, text, accepted", [("eta", "nan", False), ("lmbda", "abc", False),
                                                   ("eta", "1e-3", True)])
def test_typing_into_a_field_in_a_real_window(qtbot, make_window, field, text, accepted):
    """Every letter goes into the focused field (none fires S, B, N or F); Enter applies it or
    says why not, and hands the keyboard back, after which N and B work again."""
    w = make_window(epochs=3)
    s = w.session
    activate(qtbot, w)
    f = getattr(w.train_panel, field)
    f.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is f, timeout=3000)
    f.selectAll()
    shown = s.sample_index
    for ch in text:
        QTest.keyClick(QApplication.focusWidget(), ch)
    assert f.text() == text and s.sample_index == shown and s.state == "idle" and s.batches_done == 0
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not f, timeout=3000)
    error = w.train_panel.errors[field]
    assert error.isVisible() != accepted
    if accepted:
        assert s.config.eta == 1e-3
    else:
        assert f.text() == text     # refused, never rewritten
        f.setText({"eta": "3", "lmbda": "0"}[field])
    QTest.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_N)
    assert s.sample_index != shown
    QTest.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: s.batches_done == 1, timeout=5000)
    s.stop()
