"""The Draw tab: mouse strokes, clear, undo, live prediction, shipped model, hand-off."""

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from bpviz.data.preprocess import mnist_like

from .conftest import activate


def _mouse(widget, kind, x, y, buttons=Qt.MouseButton.LeftButton):
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    ev = QMouseEvent(kind, QPointF(x, y), widget.mapToGlobal(QPointF(x, y)), button, buttons,
                     Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, ev)


def _stroke(canvas, points):
    _mouse(canvas, QEvent.Type.MouseButtonPress, *points[0])
    for p in points[1:]:
        _mouse(canvas, QEvent.Type.MouseMove, *p)
    _mouse(canvas, QEvent.Type.MouseButtonRelease, *points[-1], buttons=Qt.MouseButton.NoButton)


SEVEN = [[(70, 62), (120, 58), (170, 56), (205, 60), (180, 110), (150, 160), (128, 215), (118, 236)],
         [(112, 146), (150, 144), (182, 142)]]


def _open_draw_tab(qtbot, w):
    activate(qtbot, w)
    w.draw_tab_action.trigger()
    assert w.tabs.currentWidget() is w.draw_panel
    return w.draw_panel


def test_mouse_strokes_draw_ink_and_predict(qtbot, make_window):
    w = make_window()
    panel = _open_draw_tab(qtbot, w)
    canvas = panel.canvas
    assert canvas.to_array().max() == 0 and panel.input is None
    assert panel.output is None and not panel.step_button.isEnabled()  # no confident guess on a blank canvas
    _stroke(canvas, SEVEN[0])
    ink = canvas.to_array()
    assert ink.max() > 0.9 and ink[60, 120] > 0.5 and ink[200, 40] == 0
    _stroke(canvas, SEVEN[1])
    assert len(canvas.strokes) == 2
    # the bars are the network's output for exactly the preview's 28×28 image
    expected = mnist_like(canvas.to_array()).ravel()
    np.testing.assert_array_equal(panel.input, expected)
    out = w.session.snapshot_network().feedforward(expected)
    np.testing.assert_allclose(panel.bars.opts["height"], out)
    assert f"says <b>{int(np.argmax(out))}</b>" in panel.answer.text()
    # the network view feeds the drawn digit forward (on its redraw timer)
    qtbot.waitUntil(lambda: "your drawing" in w.network_view.caption.text(), timeout=3000)
    np.testing.assert_array_equal(w.network_view.activations[0], expected)
    # undo removes the last stroke, clear empties
    before_undo = canvas.to_array()
    canvas.undo()
    assert len(canvas.strokes) == 1 and canvas.to_array().sum() < before_undo.sum()
    canvas.clear()
    assert canvas.to_array().max() == 0 and panel.input is None
    assert np.all(panel.bars.opts["height"] == 0)


def test_untrained_network_is_replaced_by_the_shipped_model_for_drawing(qtbot, make_window):
    w = make_window()
    s = w.session
    assert s.is_untrained
    _open_draw_tab(qtbot, w)
    assert s.network.sizes == (784, 100, 10) and s.model_path.endswith("mnist-784-100-10-ce.npz")
    assert "shipped model" in w.message_bar.label.text()


def test_a_trained_network_is_kept_for_drawing(qtbot, make_window):
    w = make_window(epochs=1)
    s = w.session
    s.start()
    qtbot.waitUntil(lambda: s.state == "idle", timeout=20000)
    trained = s.network.copy()
    _open_draw_tab(qtbot, w)
    assert s.network.same_parameters(trained)
    assert "the network of the Train tab" in w.draw_panel.note.text()


def test_step_through_this_digit_hands_it_to_the_step_tab(qtbot, make_window):
    w = make_window()
    panel = _open_draw_tab(qtbot, w)
    for st in SEVEN:
        panel.canvas.add_stroke(st)
    panel.target.setCurrentIndex(4)  # a target the user chose
    panel.step_button.click()
    assert w.tabs.currentWidget() is w.step_panel
    seq = w.session.steps
    assert seq.m == 1 and int(seq.labels[0]) == 4
    np.testing.assert_array_equal(seq.traces[0].x, panel.input.astype(seq.traces[0].x.dtype))
    assert "drawn digit" in w.step_panel.source.text()


def test_the_canvas_says_it_is_for_digits_when_the_data_is_fashion(qtbot, make_window):
    from bpviz.data import FASHION_CLASSES, Dataset, DataSplits

    rng = np.random.default_rng(0)
    x = rng.random((50, 784)).astype(np.float32)
    y = rng.integers(0, 10, 50)
    fashion = DataSplits("fashion-mnist", Dataset(x[:40], y[:40], "f", FASHION_CLASSES),
                         Dataset(x[40:], y[40:], "f", FASHION_CLASSES), class_names=FASHION_CLASSES)
    w = make_window(data=fashion)
    panel = _open_draw_tab(qtbot, w)
    assert w.session.is_untrained  # no digit model is loaded over a Fashion network
    for st in SEVEN:
        panel.canvas.add_stroke(st)
    assert panel.input is None and "for handwritten digits" in panel.answer.text()
    assert not panel.step_button.isEnabled()
    # class names appear where digits would
    assert w.network_view.class_labels[0].toPlainText() == "T-shirt/top"
