"""The learning views (issue 12): what they show equals what the Qt-free core computes."""

from __future__ import annotations

import html
from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest

from bpviz.core.learning import saturated_share, speed_of_learning, trace_saturation
from bpviz.scene.presets import PRESETS
from bpviz.scene.saturation import output_errors
from bpviz.state.twin import TwinSetting


def _images(s, n=1000):
    tr = s.data.train
    n = min(n, len(tr))
    return tr.x[:n], tr.labels[:n]


def test_speed_plot_shows_the_cores_speed_of_learning_at_init_and_after_training(make_window):
    w = make_window()
    sp, s = w.views.widget("learning.speed"), w.session
    sp.poll(force=True)
    want = speed_of_learning(s.snapshot_network(), *_images(s)).norms
    np.testing.assert_array_equal(sp.values[-1], want)
    np.testing.assert_array_equal(sp.curves[2].yData, [want[0]])
    assert list(sp.curves) == [2]                      # hidden layers only
    assert "layer 2 (first hidden)" in sp.caption.text() and "first 1,000 training images" in sp.caption.text()
    s.run_headless(1)
    sp.poll(force=True)
    after = speed_of_learning(s.snapshot_network(), *_images(s)).norms
    assert not np.array_equal(after, want)
    np.testing.assert_array_equal(sp.curves[2].yData, [want[0], after[0]])
    np.testing.assert_array_equal(sp.curves[2].xData, [0, 1])
    assert sp.cost_ms > 0 and sp.interval_ms >= sp.MIN_INTERVAL_MS
    sp.n_images.setValue(200)
    sp.n_images.editingFinished.emit()               # another measure: the curves start again
    assert sp.latest.n_images == 200 and len(sp.xs) == 1
    np.testing.assert_array_equal(sp.values[-1], speed_of_learning(s.snapshot_network(), *_images(s, 200)).norms)
    assert "first 200 training images" in sp.caption.text()


def test_speed_plot_uses_fewer_images_when_the_data_has_fewer(make_window, toy_data):
    w = make_window(sizes=(2, 3, 2), data=toy_data)
    sp = w.views.widget("learning.speed")
    sp.poll(force=True)
    assert sp.latest.n_images == len(toy_data.train) == 300 < sp.n_images.value()
    np.testing.assert_array_equal(sp.values[-1], speed_of_learning(w.session.snapshot_network(),
                                                                   toy_data.train.x, toy_data.train.labels).norms)


def test_speed_plot_follows_live_training(make_window, qtbot):
    w = make_window()
    sp, s = w.views.widget("learning.speed"), w.session
    n0 = len(sp.xs)
    s.start()
    qtbot.waitUntil(lambda: len(sp.xs) >= n0 + 1 and sp.xs[-1] > 0, timeout=8000)
    s.stop()
    assert np.all(np.diff(sp.xs) > 0)


def test_speed_plot_counts_the_epochs_of_an_opened_network(make_window, qtbot, tmp_path):
    """A network opened at epoch 2 and trained on: every point lies between epoch 2 and 2 + the
    epochs trained, in order, and the last is at 2 + the epochs (issue 21: a network opened at
    epoch 30 had points at epochs 1, 10, 17, 28 — mini-batches since it was opened — then 60)."""
    first = make_window(delay_ms=0)
    first.session.run_headless(2)
    path = first.session.save_model(tmp_path / "two-epochs.npz")
    w = make_window()
    s, sp = w.session, w.views.widget("learning.speed")
    s.load_model(path)
    s.apply_config(replace(s.config, epochs=2, delay_ms=4))    # 2 more epochs, slow enough to watch
    assert s.epochs_done == 2 and s.batches_done == 0
    sp.poll(force=True)
    assert sp.xs == [2.0]
    s.start()
    while s.state.value != "idle":             # a point whenever the parameters changed
        sp.poll(force=True)
        qtbot.wait(60)
    sp.poll(force=True)
    xs = np.array(sp.xs)
    assert len(xs) >= 4, xs                   # points while training, not only before and after
    assert np.all(np.diff(xs) > 0) and xs[0] == 2.0 and xs[-1] == 4.0, xs
    np.testing.assert_array_equal(sp.curves[2].xData, xs)
    # each point's x is where its parameters were in training: mid-run points fall inside epochs 2-4
    assert np.all((xs[1:-1] > 2.0) & (xs[1:-1] <= 4.0)), xs


def test_book_values_only_for_the_books_sizes(make_window):
    w = make_window(sizes=(784, 30, 30, 10), cost="cross-entropy", init="scaled")
    np.testing.assert_allclose(w.views.widget("learning.speed").book_values, [0.07, 0.31])
    assert "The book: layer 2 0.07, layer 3 0.31" in w.views.widget("learning.speed").caption.text()
    w.session.apply_config(replace(w.session.config, sizes=(784, 20, 30, 10)))
    assert w.views.widget("learning.speed").book_values is None
    w2 = make_window()
    assert w2.views.widget("learning.speed").book_values is None
    assert "The book reports figures only for" in w2.views.widget("learning.speed").caption.text()


def test_saturation_lens_marks_exactly_the_neurons_with_small_sigma_prime(make_window):
    w = make_window()
    s, panel = w.session, w.views.widget("learning")
    w.tabs.setCurrentWidget(panel)
    x, label = s.sample
    masks = trace_saturation(s.snapshot_network().trace(x, label))
    want = {(l, int(j)) for l, m in zip(range(2, 4), masks) for j in np.flatnonzero(m)}
    assert 0 < len(want) < 40
    assert s.lens is panel.lens and set(s.lens.marked_nodes) == want
    assert f"layer 2: {int(masks[0].sum())} of 30" in panel.sat_caption.text()
    # the other sample: its own neurons
    s.set_sample(5)
    x, label = s.sample
    masks = trace_saturation(s.snapshot_network().trace(x, label))
    want = {(l, int(j)) for l, m in zip(range(2, 4), masks) for j in np.flatnonzero(m)}
    assert set(s.lens.marked_nodes) == want
    # a selected saturated neuron is explained as saturated, a non-saturated one is not
    l, j = sorted(want)[0]
    s.select((l, j))
    assert f"Neuron {j} of layer {l} is saturated" in panel.sat_caption.text()
    j = int(np.flatnonzero(~masks[0])[0])
    s.select((2, j))
    assert f"Neuron {j} of layer 2 is not saturated" in panel.sat_caption.text()
    # the lens belongs to this tab only, and can be switched off
    w.tabs.setCurrentIndex(0)
    assert s.lens is None
    w.tabs.setCurrentWidget(panel)
    assert s.lens is not None
    panel.sat_lens.setChecked(False)
    assert s.lens is None


def test_saturation_share_of_a_mini_batch(make_window):
    w = make_window()
    s, panel = w.session, w.views.widget("learning")
    w.tabs.setCurrentWidget(panel)
    panel.new_batch()
    X = s.data.train.x[panel._batch_idx]
    assert len(X) == s.config.batch_size
    want = saturated_share(s.snapshot_network(), X)
    for l in (2, 3):
        np.testing.assert_array_equal(panel.last_share[l - 2], want[l - 2])
    marked = {(l, int(j)) for l in (2, 3) for j in np.flatnonzero(panel.last_share[l - 2] > 0.5)}
    assert set(s.lens.marked_nodes) == marked
    assert "Share of a mini-batch of 10 training images" in panel.sat_caption.text()


def test_delta_panel_numbers_equal_output_errors(make_window):
    w = make_window()
    s, panel = w.session, w.views.widget("learning")
    w.tabs.setCurrentWidget(panel)
    x, label = s.sample
    e = output_errors(s.snapshot_network().trace(x, label))
    got = panel.last_errors
    np.testing.assert_array_equal(got.delta_quadratic, e.delta_quadratic)
    np.testing.assert_array_equal(got.delta_cross_entropy, e.delta_cross_entropy)
    np.testing.assert_array_equal(panel.bars_q.opts["height"], e.delta_quadratic)
    np.testing.assert_array_equal(panel.bars_ce.opts["height"], e.delta_cross_entropy)
    table = panel.delta_table.text()
    for j in range(10):
        assert f"{float(e.delta_quadratic[j]):.3g}".replace("-", "−") in table
        assert f"{float(e.delta_cross_entropy[j]):.3g}".replace("-", "−") in table
    assert panel.delta_caption.text() == html.escape(e.caption())


def _wait_twins(qtbot, panel):
    qtbot.waitUntil(lambda: panel.twin_job is None, timeout=15000)


def test_twin_runs_start_identical_and_both_curves_grow(make_window, qtbot):
    w = make_window()
    panel = w.views.widget("learning")
    panel.twin_key.setCurrentIndex(panel.twin_key.findData(TwinSetting.COST))
    assert panel.twin_value.currentData() == "cross-entropy" and panel.twin_value.currentText() == "cross-entropy cost"
    panel.twin_epochs.setValue(2)
    panel.twin_images.setValue(300)
    assert panel.run_twins()
    twin = panel.twin
    assert twin.identical_start and twin.varied == ("cost",)
    assert "identical initial weights" in panel.twin_status.text()
    assert w.bottom_tabs.currentWidget() is w.views.widget("learning.twins")
    _wait_twins(qtbot, panel)
    plot = w.views.widget("learning.twins")
    for r in (0, 1):
        hist = twin.history[r]
        assert len(hist) == 3
        np.testing.assert_allclose(plot.values("cost", r), [h.training_cost for h in hist])
        np.testing.assert_allclose(plot.values("speed", r, 2), [h.speeds.of(2) for h in hist])
        assert len(plot.values("acc", r)) == 3
    assert panel.twin_run_button.isEnabled() and not panel.twin_stop_button.isEnabled()


def test_twin_runs_say_when_the_start_cannot_be_identical(make_window, qtbot):
    w = make_window()
    panel = w.views.widget("learning")
    panel.twin_key.setCurrentIndex(panel.twin_key.findData(TwinSetting.SIZES))
    panel.twin_value.setCurrentText("784,20,10")
    panel.twin_epochs.setValue(1)
    panel.twin_images.setValue(100)
    assert panel.run_twins()
    assert not panel.twin.identical_start
    assert "different initial weights" in panel.twin_status.text()
    _wait_twins(qtbot, panel)
    panel.twin_value.setCurrentText("784,30,10")   # the same as run a: refused with the reason
    assert not panel.run_twins()
    assert "Not started" in panel.twin_status.text() and "both runs already have" in panel.twin_status.text()


def test_slowdown_runs_on_the_worker_shows_its_own_settings_and_stops_with_the_window(make_window, qtbot, monkeypatch):
    import time

    from bpviz.core.twin import TwinRun

    events = TwinRun.events

    def slow_events(self):   # ≥ 5 s for the 500 mini-batches: still running when the window closes
        for ev in events(self):
            time.sleep(0.01)
            yield ev

    monkeypatch.setattr(TwinRun, "events", slow_events)
    w = make_window()
    panel = w.views.widget("learning")
    panel.twin_key.setCurrentIndex(panel.twin_key.findData(TwinSetting.ETA))   # the user's choice beforehand
    assert panel.run_slowdown()
    a, b = panel.twin.settings
    assert (a.cost, b.cost, a.init_scale) == ("cross-entropy", "quadratic", 3.0)
    assert panel.twin.identical_start
    # the controls show what trains (the tour: they said "cost to cross-entropy, 10000 images")
    assert panel.twin_key.currentData() == TwinSetting.COST and panel.twin_value.currentData() == "quadratic"
    assert panel.twin_images.value() == 1000 and panel.twin_epochs.value() == 5
    job = panel.twin_job
    assert job is not None and job in w.session.workers.jobs
    qtbot.waitUntil(lambda: panel.twin_progress.value() > 0, timeout=10000)   # it trains, off the GUI thread
    assert job.is_running()
    w.close()                                   # the window's one shutdown path stops it
    assert not job.is_running() and panel.twin_job is None and w.session.workers.jobs == []
    assert 0 < len(panel.twin.history[0]) == len(panel.twin.history[1])


def test_preset_applies_settings_and_shows_the_target_line(make_window):
    w = make_window()
    s, panel = w.session, w.views.widget("learning")
    messages = []
    s.message.connect(lambda level, text: messages.append(text))
    s.run_headless(1)                                # a trained network the preset will replace
    i = [p.key for p in PRESETS].index("ch1-100")
    panel.preset_combo.setCurrentIndex(i)
    assert "96.59 %" in panel.preset_text.text()
    assert panel.apply_preset()
    c = s.config
    assert (c.sizes, c.eta, c.batch_size, c.cost, c.init, c.lmbda) == ((784, 100, 10), 3.0, 10, "quadratic",
                                                                       "standard", 0.0)
    assert any("Undo" in m for m in messages)        # the replaced trained network can come back
    line = panel.target_line
    assert line is not None and line in w.cost_plot.acc_plot.items
    assert line.value() == pytest.approx(96.59)
    assert "full MNIST" in line.label.textItem.toPlainText() and "mnist-small" in line.label.textItem.toPlainText()
    assert "Loaded now" in panel.preset_status.text()
    s.apply_config(replace(s.config, eta=0.5))       # no longer the preset
    assert panel.target_line is None and line not in w.cost_plot.acc_plot.items
    assert "removed" in panel.preset_status.text()


def test_speed_preset_opens_the_speed_tab(make_window):
    w = make_window()
    panel = w.views.widget("learning")
    panel.preset_combo.setCurrentIndex([p.key for p in PRESETS].index("ch5-deep"))
    assert panel.apply_preset()
    assert w.bottom_tabs.currentWidget() is w.views.widget("learning.speed")
    assert panel.target_line is None                 # the book gives no accuracy for it
    np.testing.assert_allclose(w.views.widget("learning.speed").book_values, [0.012, 0.060, 0.283])


def test_preset_refused_with_the_reason_on_other_data(make_window, toy_data):
    w = make_window(sizes=(2, 3, 2), data=toy_data)
    panel = w.views.widget("learning")
    assert not panel.apply_preset()
    assert "784 inputs" in panel.preset_status.text()
    assert w.session.config.sizes == (2, 3, 2)


def test_hidden_unit_mosaic_is_the_weights_reshaped_and_tiles_select_neurons(make_window, qtbot):
    from PySide6.QtCore import QPointF

    w = make_window()
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    h, s = w.views.widget("learning.hidden_units"), w.session
    w.bottom_tabs.setCurrentWidget(h)
    s.run_headless(1)
    h.refresh()
    w2 = s.parameters[0][0]
    step = h.SIDE + h.GAP
    for j in range(30):
        r, c = divmod(j, h.cols)
        np.testing.assert_array_equal(h.mosaic[r * step : r * step + 28, c * step : c * step + 28],
                                      w2[j].reshape(28, 28))
        np.testing.assert_array_equal(h.image.image[r * step : r * step + 28, c * step : c * step + 28],
                                      w2[j].reshape(28, 28))
    assert h.tile_pixels() >= 40
    lo, hi = h.image.getLevels()
    assert -lo == hi > 0
    r, c = divmod(7, h.cols)
    pos = h.view.mapViewToScene(QPointF(c * step + 14, r * step + 14))
    h._on_move(pos)
    assert h.hovered == 7 and "Neuron 7 of layer 2" in h.caption.text()
    h._on_click(SimpleNamespace(scenePos=lambda: pos))
    assert s.selection == (2, 7) and h.mark.isVisible()


def test_hidden_units_say_why_not_for_other_inputs(make_window, toy_data):
    w = make_window(sizes=(2, 3, 2), data=toy_data)
    w.views.widget("learning.hidden_units").refresh()
    assert w.views.widget("learning.hidden_units").mosaic is None
    assert "not 784 = 28×28" in w.views.widget("learning.hidden_units").caption.text()

