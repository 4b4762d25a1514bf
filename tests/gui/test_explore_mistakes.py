"""Mistakes and Teach panels (issue 13): what they show equals the core's numbers."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from bpviz.core.mistakes import confusion, input_gradient, nudge
from bpviz.core.sgd import update_mini_batch
from bpviz.gui.session import IDLE


def _trained(w):
    """A network that makes some mistakes (the shipped model on the 500-image test subset)."""
    w.session.load_shipped_model()
    w.views.widget("mistakes.confusion").recompute()
    return w


def _params(s):
    weights, biases = s.parameters
    return [a.copy() for a in weights], [a.copy() for a in biases]


def test_matrix_equals_the_cores_confusion(qtbot, make_window):
    w = _trained(make_window(sizes=(784, 100, 10)))
    cp, s = w.views.widget("mistakes.confusion"), w.session
    expected = confusion(s.snapshot_network(), s.data.test.x, s.data.test.labels)
    np.testing.assert_array_equal(cp.result.matrix, expected.matrix)
    n = expected.matrix.shape[0]
    shown = np.array([[int(t) if (t := cp.table.item(r, c).text()) != "·" else 0 for c in range(n)] for r in range(n)])
    np.testing.assert_array_equal(shown, expected.matrix)
    assert f"<b>{expected.correct:,} / {expected.total:,}</b> right" in cp.status.text()
    top = expected.most_confused(1)[0]
    assert f"{top.count}×" in cp.pairs.text()


def test_matrix_recomputed_after_a_teaching_step(qtbot, make_window):
    w = _trained(make_window(sizes=(784, 100, 10)))
    w.bottom_tabs.setCurrentWidget(w.views.widget("mistakes.confusion"))
    w.show()
    tp, cp, s = w.views.widget("mistakes.teach"), w.views.widget("mistakes.confusion"), w.session
    tp.eta.setText("5")
    assert tp.teach()
    expected = confusion(s.snapshot_network(), s.data.test.x, s.data.test.labels)
    np.testing.assert_array_equal(cp.result.matrix, expected.matrix)


def test_cell_gallery_holds_exactly_that_cell(qtbot, make_window):
    w = _trained(make_window(sizes=(784, 100, 10)))
    cp = w.views.widget("mistakes.confusion")
    top = cp.result.most_confused(1)[0]
    cp.table.cellClicked.emit(top.true_label, top.predicted)
    cell = cp.result.cell(top.true_label, top.predicted, "confidence")
    shown = [cp.gallery.item(r).data(Qt.ItemDataRole.UserRole) for r in range(cp.gallery.count())]
    assert shown == cell.indices.tolist()
    assert cp.gallery.count() == top.count
    s = w.session
    assert all(s.data.test.labels[i] == top.true_label for i in shown)
    # sorting by index gives the same images in dataset order
    cp.sort.setCurrentIndex(cp.sort.findData("index"))
    shown = [cp.gallery.item(r).data(Qt.ItemDataRole.UserRole) for r in range(cp.gallery.count())]
    assert shown == sorted(cell.indices.tolist())


def test_clicking_a_gallery_image_opens_the_step_through(qtbot, make_window):
    w = _trained(make_window(sizes=(784, 100, 10)))
    cp, s = w.views.widget("mistakes.confusion"), w.session
    w.show()
    top = cp.result.most_confused(1)[0]
    cp.open_cell(top.true_label, top.predicted)
    item = cp.gallery.item(0)
    i = item.data(Qt.ItemDataRole.UserRole)
    rect = cp.gallery.visualItemRect(item)
    QTest.mouseClick(cp.gallery.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert s.sample_index == i
    assert w.tabs.currentWidget() is w.step_panel
    seq = s.steps
    assert seq is not None and not s.step_batch_mode
    np.testing.assert_array_equal(seq.trace(seq.steps[0]).a(1), s.data.test.x[i])
    assert int(seq.labels[0]) == int(s.data.test.labels[i]) == top.true_label


def test_teach_step_is_update_mini_batch_on_one_example(qtbot, make_window):
    w = make_window()
    tp, s = w.views.widget("mistakes.teach"), w.session
    s.set_sample(7)
    x, y = s.sample
    assert tp.label.currentData() == y
    k = (y + 3) % 10
    tp.label.setCurrentIndex(k)
    expected = float(tp.eta.text())
    assert expected == s.config.eta / s.config.batch_size
    ref = s.network.copy()
    update_mini_batch(ref, x[None, :].astype(ref.dtype), ref.targets(np.array([k]), 1), expected,
                      s.config.lmbda, len(s.data.train))
    QTest.mouseClick(tp.teach_button, Qt.MouseButton.LeftButton)
    weights, biases = s.parameters
    for a, b in zip(weights + biases, ref.weights + ref.biases):
        np.testing.assert_array_equal(a, b)
    step = tp.last_step
    assert step.label == k and step.eta == expected
    assert f"{step.cost_before:.4g}" in tp.cost_label.text() and f"{step.cost_after:.4g}" in tp.cost_label.text()
    assert f"{len(step.test.changed)} prediction" in tp.test_label.text()
    # the lens marks the 20 weights that changed most, with their Δw
    lens = s.lens if w.tabs.currentWidget() is tp else tp.build_lens()
    assert lens.marked_edges == tuple((c.l, c.j, c.k) for c in step.top_changes)
    assert len(lens.marked_edges) == 20
    c = step.top_changes[0]
    assert lens.edge_values[c.l][c.j, c.k] == c.dw or np.isclose(lens.edge_values[c.l][c.j, c.k], c.dw)


def test_undo_is_bit_identical_after_several_steps(qtbot, make_window):
    w = make_window()
    tp, s = w.views.widget("mistakes.teach"), w.session
    w.tabs.setCurrentWidget(tp)
    w0, b0 = _params(s)
    tp.eta.setText("0.7")
    for k in (1, 2, 3):
        tp.label.setCurrentIndex(k)
        assert tp.teach()
    w3, b3 = _params(s)
    assert not np.array_equal(w3[0], w0[0])
    assert tp.undo()
    # the lens shows the Δw of the step still applied (the second), not of the undone one
    second = tp.last_step
    assert s.lens.marked_edges == tuple((c.l, c.j, c.k) for c in second.top_changes)
    np.testing.assert_allclose(s.lens.edge_values[2], s.network.weights[0].astype(np.float64) - second.snapshot.weights[0])
    assert tp.undo_all() == 2
    assert s.lens is not None and not s.lens.edge_values and not s.lens.marked_edges
    weights, biases = s.parameters
    assert all(np.array_equal(a, b) and a.dtype == b.dtype for a, b in zip(weights + biases, w0 + b0))
    assert all(np.array_equal(a, b) for a, b in zip(s.network.weights + s.network.biases, w0 + b0))
    assert not tp.undo_button.isEnabled()
    # the numbers of undone steps are no longer shown
    assert tp.last_step is None and tp.cost_label.text() == "" and not tp.show_changed_button.isVisible()


def test_undo_shows_the_step_still_applied(qtbot, make_window):
    w = make_window()
    tp, s = w.views.widget("mistakes.teach"), w.session
    tp.eta.setText("0.5")
    assert tp.teach()
    first = tp.last_step
    assert tp.teach()
    w1, b1 = [a.copy() for a in s.network.weights], [a.copy() for a in s.network.biases]
    assert tp.teach()
    assert tp.undo()
    assert all(np.array_equal(a, b) for a, b in zip(s.network.weights + s.network.biases, w1 + b1))
    assert tp.last_step is not first and f"{tp.last_step.cost_after:.4g}" in tp.cost_label.text()


def test_eta_refused_with_the_reason(qtbot, make_window):
    w = make_window()
    tp, s = w.views.widget("mistakes.teach"), w.session
    w0, _ = _params(s)
    for text in ("0", "-1", "abc", "nan"):
        tp.eta.setText(text)
        assert not tp.teach()
        assert tp.eta_error.text()
        assert np.array_equal(s.parameters[0][0], w0[0])
    assert tp.eta.text() == "nan"   # never silently rewritten


def test_history_reset_when_the_network_changes_underneath(qtbot, make_window):
    w = make_window()
    tp, s = w.views.widget("mistakes.teach"), w.session
    tp.eta.setText("0.3")
    assert tp.teach()
    assert tp.undo_button.isEnabled()
    s.reset_network()
    assert not tp.undo_button.isEnabled()
    assert not tp.undo()
    assert "teaching history was reset" in tp.caption.text()
    assert tp.cost_label.text() == ""


def test_gradient_map_equals_input_gradient(qtbot, make_window):
    w = make_window()
    tp, s = w.views.widget("mistakes.teach"), w.session
    w.tabs.setCurrentWidget(tp)
    s.set_sample(3)
    tp.label.setCurrentIndex(5)
    x, _ = s.sample
    g = input_gradient(s.snapshot_network(), x, 5)
    np.testing.assert_array_equal(tp.gradient, g)
    lens = s.lens
    assert lens is not None and lens.node_values[0][0] == "∂C/∂x"
    np.testing.assert_array_equal(lens.node_values[0][1], g)
    assert "label 5" in tp.pixels_note.text()
    # another tab takes the lens away
    w.tabs.setCurrentIndex(0)
    assert s.lens is None


def test_nudge_repredicts_with_the_cores_numbers(qtbot, make_window):
    w = _trained(make_window(sizes=(784, 100, 10)))
    tp, s = w.views.widget("mistakes.teach"), w.session
    x, y = s.sample
    k = (y + 1) % 10
    tp.nudge_target.setCurrentIndex(k)
    tp.nudge_step.setText("0.05")
    first = tp.nudge_once()
    expected = nudge(s.snapshot_network(), x, k, 0.05, original=x)
    np.testing.assert_array_equal(first.x, expected.x)
    np.testing.assert_array_equal(first.outputs, expected.outputs)
    second = tp.nudge_once()
    expected2 = nudge(s.snapshot_network(), expected.x, k, 0.05, original=x)
    np.testing.assert_array_equal(second.x, expected2.x)
    assert f"{expected2.changed_pixels} of 784 pixels" in tp.nudge_caption.text()
    run = tp.nudge_until_changed()
    assert run.reached == (run.final is not None and run.final.prediction == k)
    if run.reached:
        assert "Predicted as" in tp.nudge_caption.text()


def test_refused_while_training(qtbot, make_window):
    w = make_window(epochs=500)
    tp, s = w.views.widget("mistakes.teach"), w.session
    s.start()
    qtbot.waitUntil(lambda: s.history.batch_cost.size > 0, timeout=10000)
    assert s.state != IDLE
    version = s.params_version
    assert not tp.teach()
    assert not tp.teach_button.isEnabled()
    assert "Training is running" in tp.refusal.text()
    assert s.params_version == version
    s.stop()
    assert s.state == IDLE
    assert tp.teach_button.isEnabled()
    # training changed the weights after a teaching step: its history is dropped, and the panel says so
    assert tp.teach()
    version = s.params_version
    s.start(steps=1)
    qtbot.waitUntil(lambda: s.params_version > version, timeout=10000)
    s.stop()
    assert s.state == IDLE
    assert not tp.undo_button.isEnabled()
    assert "teaching history was reset" in tp.caption.text()


def test_a_teaching_step_is_in_the_history_and_the_status_bar_measures_again(qtbot, make_window):
    """(Replaces a test that checked no thread was left by panels that never start one.)"""
    from bpviz.state import HandKind

    w = _trained(make_window(sizes=(784, 100, 10)))
    s = w.session
    before = s.world.loaded_correct
    w.tabs.setCurrentWidget(w.views.widget("mistakes.teach"))
    assert w.views.widget("mistakes.teach").teach()
    step = w.views.widget("mistakes.teach").last_step
    (u,) = s.history.hand_updates
    assert u.kind is HandKind.TEACHING_STEP and u.cost == step.cost_before and u.after_batches == s.batches_done
    assert f"test image #{s.sample_index} with label" in u.what and "true label" not in u.what
    right = s.network.evaluate(s.data.test.x, s.data.test.labels)
    assert s.world.hand_correct == right
    w._status_poller.force()
    text = w.accuracy_label.text()
    assert f"({right} / {len(s.data.test)})" in text and "after the last teaching step" in text
    assert right != before or "as opened" not in text
    w.cost_plot.refresh(force=True)
    assert len(w.cost_plot.hand_marks.data) == 1


def test_validation_switch_and_validation_gallery(qtbot, make_window, small_mnist):
    from bpviz.data import DataSplits

    data = DataSplits("mnist-val", small_mnist.train.subset(1500), small_mnist.test,
                      validation=small_mnist.train.subset(2000).subset(500),
                      class_names=small_mnist.class_names)
    w = make_window(sizes=(784, 100, 10), data=data)
    w.session.load_shipped_model()
    cp, s = w.views.widget("mistakes.confusion"), w.session
    assert cp.split.count() == 2
    cp.split.setCurrentIndex(cp.split.findData("validation"))
    v = s.data.validation
    expected = confusion(s.snapshot_network(), v.x, v.labels)
    np.testing.assert_array_equal(cp.result.matrix, expected.matrix)
    t, p = divmod(int(np.argmax(expected.matrix * (1 - np.eye(10, dtype=np.int64)))), 10)
    cp.open_cell(t, p)
    i = cp.gallery.item(0).data(Qt.ItemDataRole.UserRole)
    sample_before = s.sample_index
    cp.open_image(i)
    # a validation image is stepped through as a custom input, the test sample is left alone
    assert s.sample_index == sample_before
    assert s.custom_input is not None
    np.testing.assert_array_equal(s.custom_input[0], v.x[i])
    assert s.custom_input[1] == int(v.labels[i]) == t


def test_teaching_the_drawn_digit(qtbot, make_window):
    from bpviz.gui.app import DEMO_STROKES

    w = make_window(sizes=(784, 100, 10))
    tp, s = w.views.widget("mistakes.teach"), w.session
    w.tabs.setCurrentWidget(w.draw_panel)    # loads the shipped model: the canvas needs a trained network
    for stroke in DEMO_STROKES["3"]:
        w.draw_panel.canvas.add_stroke(stroke)
    qtbot.waitUntil(lambda: s.drawn is not None, timeout=3000)
    w.tabs.setCurrentWidget(tp)
    tp.source.setCurrentIndex(tp.source.findData("drawn"))
    x = s.drawn.copy()
    assert "drawn" in tp.source_info.text()
    tp.label.setCurrentIndex(2)
    ref = s.network.copy()
    eta = float(tp.eta.text())
    update_mini_batch(ref, x[None, :], ref.targets(np.array([2]), 1), eta, s.config.lmbda, len(s.data.train))
    assert tp.teach()
    assert all(np.array_equal(a, b) for a, b in zip(s.network.weights + s.network.biases, ref.weights + ref.biases))
    np.testing.assert_array_equal(tp.gradient, input_gradient(s.snapshot_network(), x, 2))
    np.testing.assert_array_equal(s.lens.node_values[0][1], tp.gradient)
