"""Live training in a QThread: progress, pause/resume, stop, close, divergence, stepping."""

import numpy as np
from PySide6.QtCore import Qt, QThread
from PySide6.QtTest import QTest

from bpviz.core import Network, sgd
from bpviz.gui.session import IDLE, PAUSED, RUNNING

from .conftest import activate, type_into


def _batches(session) -> int:
    return session.history.batch_cost.size


def test_progress_arrives_and_the_curve_grows(qtbot, make_window):
    w = make_window(epochs=2)
    s = w.session
    epochs = []
    s.epoch_finished.connect(epochs.append)
    with qtbot.waitSignals([s.state_changed, s.progress], timeout=10000, order="strict"):
        s.start()
    qtbot.waitUntil(lambda: s.state == IDLE, timeout=20000)
    assert [e.epoch for e in epochs] == [0, 1]
    assert epochs[-1].test_total == 500 and 0 <= epochs[-1].test_correct <= 500
    qtbot.waitUntil(lambda: w.cost_plot.batch_curve.yData is not None
                    and len(w.cost_plot.batch_curve.yData) == 400, timeout=5000)
    np.testing.assert_array_equal(w.cost_plot.batch_curve.yData, s.history.batch_cost)
    assert w.cost_plot.batch_curve.xData[-1] == 2.0
    np.testing.assert_allclose(w.cost_plot.acc_curve.yData, [100 * e.test_accuracy for e in epochs])
    assert _batches(s) == 2 * 200
    assert len(s.history.epochs) == 2
    assert "test accuracy" in w.accuracy_label.text()
    # the GUI's numbers are the core's: the same seed headless gives the same weights
    ref = Network((784, 30, 10), rng=np.random.default_rng(0))
    list(sgd(ref, s.data.train, epochs=2, batch_size=10, eta=3.0, rng=np.random.default_rng([0, 1]), test=s.data.test))
    assert ref.same_parameters(s.network)


def test_pause_stops_the_flow_and_resume_continues(qtbot, make_window):
    w = make_window(epochs=50)
    s = w.session
    s.start()
    qtbot.waitUntil(lambda: _batches(s) > 20, timeout=10000)
    s.pause()
    qtbot.waitUntil(lambda: s.state == PAUSED, timeout=2000)
    qtbot.wait(200)  # let a final queued progress arrive
    n = _batches(s)
    qtbot.wait(400)
    assert _batches(s) == n
    s.resume()
    qtbot.waitUntil(lambda: _batches(s) > n + 20, timeout=10000)
    s.stop()
    assert s.state == IDLE and s.job is None


def test_stop_mid_epoch_leaves_no_running_thread(qtbot, make_window):
    w = make_window(epochs=50)
    s = w.session
    s.start()
    thread = s.job.thread
    qtbot.waitUntil(lambda: _batches(s) > 5, timeout=10000)
    s.stop()
    assert not thread.isRunning()
    assert s.state == IDLE
    assert all(np.isfinite(x).all() for x in s.network.weights)


def test_closing_the_window_mid_epoch_stops_the_worker(qtbot, make_window):
    w = make_window(epochs=50)
    s = w.session
    s.start()
    thread: QThread = s.job.thread
    qtbot.waitUntil(lambda: _batches(s) > 5, timeout=10000)
    w.close()
    assert not thread.isRunning()
    assert s.job is None


def test_space_toggles_and_b_steps_one_mini_batch(qtbot, make_window):
    w = make_window(epochs=5)
    s = w.session
    activate(qtbot, w)
    s.step_batch()
    qtbot.waitUntil(lambda: s.state == PAUSED, timeout=5000)
    qtbot.waitUntil(lambda: _batches(s) == 1, timeout=5000)
    qtbot.wait(200)
    assert _batches(s) == 1
    w.step_action.trigger()
    qtbot.waitUntil(lambda: _batches(s) == 2, timeout=5000)
    qtbot.waitUntil(lambda: s.state == PAUSED, timeout=5000)
    QTest.keyClick(w, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: s.state == RUNNING, timeout=5000)
    QTest.keyClick(w, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: s.state == PAUSED, timeout=5000)
    QTest.keyClick(w, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: s.state == IDLE, timeout=5000)


def test_eta_can_change_while_training(qtbot, make_window):
    w = make_window(epochs=50)
    s = w.session
    s.start()
    qtbot.waitUntil(lambda: _batches(s) > 5, timeout=10000)
    type_into(w.train_panel.eta, "0.5")
    assert s.worker.control.eta == 0.5
    qtbot.waitUntil(lambda: s.last_progress is not None and s.last_progress.eta == 0.5, timeout=5000)
    s.stop()


def test_divergence_pauses_with_a_visible_message(qtbot, make_window):
    w = make_window(epochs=3, eta=1000.0, cost="cross-entropy")
    s = w.session
    s.start()
    qtbot.waitUntil(lambda: s.state == IDLE, timeout=20000)
    assert w.message_bar.isVisibleTo(w) and w.message_bar.level == "error"
    assert "diverged" in w.message_bar.label.text()
    assert all(np.isfinite(x).all() for x in s.network.weights)
    assert len(s.history.epochs) == 0


def test_validation_accuracy_is_shown_when_the_data_has_a_validation_set(qtbot, make_window, mnist):
    from bpviz.data import DataSplits

    data = DataSplits("split", mnist.train.subset(1000), mnist.test.subset(300),
                      validation=mnist.test.subset(200), class_names=mnist.class_names)
    w = make_window(data=data, epochs=1)
    s = w.session
    s.start()
    qtbot.waitUntil(lambda: s.state == IDLE and len(s.history.epochs) == 1, timeout=20000)
    ev = s.history.epochs[0]
    assert ev.validation_total == 200
    qtbot.waitUntil(lambda: w.cost_plot.val_curve.yData is not None and len(w.cost_plot.val_curve.yData) == 1,
                    timeout=3000)
    assert w.cost_plot.val_curve.yData[0] == 100 * ev.validation_accuracy
    assert "validation" in w.accuracy_label.text()


def test_run_headless_records_a_run_like_the_worker(qtbot, make_window):
    w = make_window(epochs=1)
    s = w.session
    version = s.params_version
    with qtbot.waitSignal(s.epoch_finished, timeout=1000):
        s.run_headless(1)
    assert s.history.batch_cost.size == 200 and len(s.history.epochs) == 1
    assert s.epochs_done == 1 and s.batches_done == 200 and s.params_version > version
    ref = Network((784, 30, 10), rng=np.random.default_rng(0))
    list(sgd(ref, s.data.train, epochs=1, batch_size=10, eta=3.0, rng=np.random.default_rng([0, 1]), test=s.data.test))
    assert ref.same_parameters(s.network)
