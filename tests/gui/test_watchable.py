"""Issue 10: pace, flashing updates, plots that follow the data, a readable network at every size,
legends, and the mini-batch anatomy — checked against the core's numbers."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpviz.scene import pace
from bpviz.scene.anatomy import Anatomy, Pin
from bpviz.scene.steps import BP1, GRADIENT, UPDATE
from tests.gui.conftest import activate


def _set_rate(w, rate):
    p = round(pace.PER_DECADE * np.log10(rate)) if rate is not None else pace.FULL_SPEED
    w.train_panel.pace.setValue(int(p))
    return pace.rate_of_position(int(p))


def test_pace_words_and_config(qtbot, make_window, toy_data):
    w = make_window(sizes=(2, 3, 2), data=toy_data)
    tp = w.train_panel
    tp.pace.setValue(0)
    assert tp.pace_label.text().startswith("1 mini-batch/s")
    assert w.session.config.delay_ms == 1000
    tp.pace.setValue(pace.FULL_SPEED)
    assert tp.pace_label.text().startswith("full speed")
    assert w.session.config.delay_ms == 0
    tp.pace.setValue(pace.PER_DECADE)   # 10 per second
    assert tp.pace_label.text().startswith("10 mini-batches/s = 100 samples/s")
    assert w.session.config.delay_ms == 100


def test_pace_is_obeyed_counting_updates(qtbot, make_window, toy_data):
    """At 20 mini-batches/s the run applies about 20 per second (counted, with a wide margin for
    a loaded machine — but never faster), and every one of them is reported."""
    w = make_window(sizes=(2, 3, 2), data=toy_data, epochs=50)
    rate = _set_rate(w, 20)
    s = w.session
    s.start()
    t0 = time.perf_counter()
    qtbot.wait(1500)
    s.stop()
    elapsed = time.perf_counter() - t0
    done = s.history.recorded
    assert done <= rate * elapsed * 1.1 + 2, (done, elapsed)
    assert done >= rate * elapsed * 0.35, (done, elapsed)
    # every mini-batch's cost point is there (none folded into a report of several)
    np.testing.assert_array_equal(s.history.batch_index, np.arange(done))


def test_full_speed_is_much_faster_than_slow_pace(qtbot, make_window, toy_data):
    w = make_window(sizes=(2, 3, 2), data=toy_data, epochs=50)
    _set_rate(w, None)
    s = w.session
    s.start()
    qtbot.wait(600)
    s.stop()
    assert s.history.recorded > 200   # 30 mini-batches per epoch: several epochs in 0.6 s


def test_slow_pace_flashes_the_edges_that_changed_most(qtbot, make_window):
    w = make_window()
    view, s = w.network_view, w.session
    _set_rate(w, 5)
    before = [a.copy() for a in s.parameters[0]]
    s.step_batch()
    qtbot.waitUntil(lambda: s.batches_done == 1, timeout=5000)
    qtbot.waitUntil(lambda: bool(view.flashed) and view.flash_item.isVisible(), timeout=3000)
    after = s.parameters[0]
    for l, idx in view.flashed.items():
        d = np.abs(after[l - 2] - before[l - 2]).ravel()
        assert idx.size == min(20, np.count_nonzero(d))
        assert d[idx].min() >= np.sort(d)[-idx.size]          # the largest |Δw| of the layer
    # at full speed an update does not flash
    _set_rate(w, None)
    view.flashed = {}
    s.step_batch()
    qtbot.waitUntil(lambda: s.batches_done == 2, timeout=5000)
    qtbot.wait(400)
    assert view.flashed == {}


def test_cost_axis_log_and_last_epochs_follow_the_data(qtbot, make_window):
    w = make_window()
    cp, h = w.cost_plot, w.session.history
    n = 200
    costs = np.concatenate([np.full(20, 40.0), np.linspace(0.5, 0.01, 3 * n - 20)])  # a spike, then learning
    h.add_batches(np.arange(3 * n), costs, n)
    cp.refresh(force=True)
    (_, _), (y0, y1) = cp.cost_plot.getViewBox().viewRange()
    assert y1 >= 40                                       # all epochs: the spike is on the axis
    cp.window_combo.setCurrentIndex(cp.window_combo.findData(1))
    (x0, x1), (y0, y1) = cp.cost_plot.getViewBox().viewRange()
    assert x0 == pytest.approx(2, abs=0.05) and x1 == pytest.approx(3, abs=0.05)
    last = costs[2 * n:]
    assert last.max() <= y1 <= 2 * last.max()            # the last epoch fills the axis
    cp.set_log(True)
    assert cp.log_box.isChecked() and cp.cost_plot.getAxis("left").logMode
    (_, _), (ly0, ly1) = cp.cost_plot.getViewBox().viewRange()
    assert ly0 <= np.log10(last.min()) and np.log10(last.max()) <= ly1 and ly1 - ly0 < 4
    # hover: epoch, mini-batch and the value of the nearest mini-batch
    text = cp.describe_at((450 + 1) / n, 0.01)
    # the axis counts epochs done: "epoch 3" is said together with the position it is drawn at (2.25)
    assert text == f"epoch 3, mini-batch 51 of 200 (at 2.25 epochs done): cost {costs[450]:.4f}"


def test_neuron_bar_chart_has_values_on_its_axes(qtbot, make_window):
    w = make_window()
    w.session.select((3, 2))
    p = w.neuron_panel.plot
    assert p.getAxis("left").isVisible() and p.getAxis("bottom").isVisible()
    assert "w" in p.getAxis("left").labelText


def _rects_disjoint(items):
    rects = [it.sceneBoundingRect() for it in items]
    return all(not a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])


@pytest.mark.parametrize("sizes", [(784, 100, 10), (784, 30, 30, 30, 10), (784, 30, 10)])
def test_layer_titles_never_overlap_at_1000x650(qtbot, make_window, sizes):
    w = make_window(sizes=sizes)
    w.resize(1000, 650)
    w.show()
    qtbot.waitExposed(w)
    w.network_view.fit()
    qtbot.wait(50)
    assert w.width() <= 1000
    labels = [t for t, _ in w.network_view.layer_labels]
    assert _rects_disjoint(labels)
    assert all(t.toPlainText() for t in labels)


def test_wide_hidden_layer_is_a_grid_of_tiles_at_least_16px(qtbot, make_window):
    w = make_window(sizes=(784, 100, 10))
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    view = w.network_view
    view.fit()
    lay = view.net_layout
    assert lay.tile_grid == (10, 10) and lay.layer(2).wrap == (10, 10)
    assert lay.tiles[0, 2] / view.vb.viewPixelSize()[0] >= 16
    # the tile of neuron 37 is its weights
    rows, cols = lay.tile_grid
    img = view.tiles_item.image
    r, c = divmod(37, cols)
    w2 = w.session.parameters[0][0][37].reshape(28, 28)
    vt = float(np.max(img[..., 3]))  # tiles opaque
    assert vt == 255
    tile = img[r * 31 : r * 31 + 28, c * 31 : c * 31 + 28]
    assert tile[..., 3].min() == 255
    order = np.argsort(w2.ravel())   # colour follows the weight: the lowest weight is the bluest
    assert tile[..., 2].ravel()[order[0]] >= tile[..., 2].ravel()[order[-1]]


def test_tiny_net_labels_every_weight_bias_and_activation_apart(qtbot, make_window, toy_data):
    w = make_window(sizes=(2, 3, 2), data=toy_data)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    view = w.network_view
    view.fit()
    qtbot.wait(50)
    assert len(view.edge_labels) == 12
    weights, biases = w.session.parameters
    texts = [t.toPlainText() for t in view.edge_labels]
    assert texts[:6] == [f"{v:.2f}".replace("-", "−") for v in weights[0].ravel()]
    assert sum("b=" in t.toPlainText() for t in view.node_labels) == 5
    assert _rects_disjoint(view.edge_labels + view.node_labels)
    assert "sample" in view.caption.text() and "image" not in view.caption.text()


def test_legends_say_what_is_coloured_in_every_step(qtbot, make_window):
    w = make_window()
    s = w.session
    w.tabs.setCurrentWidget(w.step_panel)
    seq = s.steps
    seen = set()
    for i in range(len(seq)):
        s.set_step(i)
        step = s.current_step
        label = w.network_view.colorbar.getAxis("left").labelText
        kind, _ = seq.edge_values(step)
        assert {"w": "weight w", "∂C/∂w": "gradient ∂C/∂w", "Δw": "change Δw"}[kind] in label
        assert f"±{w.network_view.vmax:g}" in label
        nodes = w.network_view.node_legend.text()
        kinds = {v[0] for v in (seq.node_values(step, l) for l in range(1, seq.L + 1)) if v is not None}
        if "δ" in kinds:
            assert "error δ" in nodes and f"{w.network_view.node_scales['δ']:g}" in nodes
        if step.kind == BP1:
            seen.add("δ")
        if step.kind == UPDATE:
            seen.add("Δw")
        # the neuron the step explains is ringed
        ring = w.network_view.mark_ring.data
        if step.layer >= 2:
            j = seq.default_neuron(step) if seq.m == 1 else None
            ly = w.network_view.net_layout.layer(step.layer)
            assert len(ring) == 1 and np.allclose([ring[0]["x"], ring[0]["y"]], ly.positions[j])
    assert seen == {"δ", "Δw"}


def test_mini_batch_anatomy_pins_one_weight_and_sums_to_the_update(qtbot, make_window):
    w = make_window(batch_size=6)
    s = w.session
    activate(qtbot, w)
    w.tabs.setCurrentWidget(w.step_panel)
    w.step_panel.batch.setChecked(True)
    seq = s.steps
    assert seq.m == 6
    s.select_edge((3, 4, 17))
    s.select((3, 4))
    panel = w.anatomy_panel
    assert panel.anatomy.pin == Pin(3, 4, 17)
    model = panel.model
    assert model.rowCount() == 6
    total = 0.0
    for i in range(6):
        t = seq.traces[i]
        total += t.dC_dw(3)[4, 17]
        assert model.data(model.index(i, 2)) == f"{t.delta(3)[4]:.5f}".replace("-", "−") or \
            float(model.data(model.index(i, 2)).replace("−", "-")) == pytest.approx(t.delta(3)[4], rel=1e-3)
        assert float(model.data(model.index(i, 3)).replace("−", "-")) == pytest.approx(t.dC_dw(3)[4, 17], rel=1e-3,
                                                                                      abs=1e-8)
        assert float(model.data(model.index(i, 4)).replace("−", "-")) == pytest.approx(total, rel=1e-3, abs=1e-8)
    an = panel.anatomy
    assert an.applied == pytest.approx(float(seq.after.w(3)[4, 17]) - float(seq.before.w(3)[4, 17]))
    assert an.gradient_step == pytest.approx(-seq.eta / 6 * total, rel=1e-4)
    assert an.agrees()
    # keys: PgDn moves a whole sample, End jumps to the update
    per = (len(seq) - 2) // 6
    s.set_step(3)
    qtbot.keyClick(w, Qt.Key.Key_PageDown)
    assert s.step_index == 3 + per and s.current_step.sample == 1
    qtbot.keyClick(w, Qt.Key.Key_PageUp)
    assert s.step_index == 3
    qtbot.keyClick(w, Qt.Key.Key_End)
    assert s.current_step.kind == UPDATE
    assert "equal" in panel.foot.text() and "(η/m)·Σ" in panel.foot.text()


def test_mini_batch_walk_keeps_its_neuron_for_every_sample(qtbot, make_window):
    w = make_window(batch_size=5)
    s = w.session
    w.tabs.setCurrentWidget(w.step_panel)
    w.step_panel.batch.setChecked(True)
    seq = s.steps
    shown = set()
    for i in range(len(seq)):
        step = seq.steps[i]
        if step.kind == GRADIENT and step.layer == 3:
            s.set_step(i)
            shown.add(w.step_panel.numbers.text().split("∂")[1][:60])
    assert len(shown) == 1


def test_anatomy_model_of_a_large_batch_is_lazy(qtbot, make_window, toy_data):
    w = make_window(sizes=(2, 3, 2), data=toy_data, batch_size=300)
    s = w.session
    w.tabs.setCurrentWidget(w.step_panel)
    w.step_panel.batch.setChecked(True)
    seq = s.steps
    assert w.anatomy_panel.model.rowCount() == 300
    qtbot.keyClick(w, Qt.Key.Key_End)
    s.set_step(len(seq) - 2)
    assert len(seq._cache) <= 8
    assert isinstance(w.anatomy_panel.anatomy, Anatomy)


def test_accuracy_hover_names_the_epoch_and_its_numbers(qtbot, make_window, toy_data):
    from bpviz.scene.plots import describe_epoch

    w = make_window(sizes=(2, 3, 2), data=toy_data)
    w.session.run_headless(2)
    ev = w.session.history.epochs[1]
    text = describe_epoch(w.session.history, 2.02, 0.1)
    assert text.startswith("epoch 2: training cost")
    assert f"test accuracy {100 * ev.test_accuracy:.2f} % ({ev.test_correct} / {ev.test_total})" in text
    assert describe_epoch(w.session.history, 1.5, 0.1) is None
