"""Network view, Train panel, menus and settings: widget state checked against the core."""

import csv
import sys

import numpy as np
import pytest

from bpviz.core import load_network
from bpviz.gui.session import IDLE
from bpviz.gui.settings import config_from_settings
from bpviz.scene.colors import bucketize, strongest, symmetric_range
from bpviz.scene.notation import fmt, weight_name


def _train_a_little(qtbot, s, batches=30):
    s.start()
    qtbot.waitUntil(lambda: s.history.batch_cost.size >= batches, timeout=10000)
    s.stop()


def test_edge_colours_follow_the_weights(qtbot, make_window):
    w = make_window(epochs=5)
    view, s = w.network_view, w.session
    before = {l: b.copy() for l, (_, b) in view.edge_data.items()}
    _train_a_little(qtbot, s)
    view.refresh(force=True)
    weights, _ = s.parameters
    assert view.vmax == symmetric_range(weights)
    for l, (idx, buckets) in view.edge_data.items():
        flat = weights[l - 2].ravel()
        expected_idx = np.arange(flat.size) if flat.size <= 400 else strongest(flat, max(view.edge_fraction, 400 / flat.size))
        np.testing.assert_array_equal(idx, expected_idx)
        np.testing.assert_array_equal(buckets, bucketize(flat[idx], view.vmax))
        # the edge layer draws exactly these edges, bucket by bucket
        drawn = {b: pts.shape[0] // 2 for pts, _, b in view.edge_paths[l]}
        for b in range(16):
            assert drawn.get(b, 0) == int(np.sum(buckets == b))
    assert sum(n for *_, n in view.edge_layer.paths) == sum(idx.size for idx, _ in view.edge_data.values())
    assert any(not np.array_equal(before[l], view.edge_data[l][1]) for l in before)
    assert view.colorbar.levels() == (-view.vmax, view.vmax)


def test_edge_modes(qtbot, make_window):
    w = make_window()
    view = w.network_view
    modes = {view.edge_combo.itemText(i): i for i in range(view.edge_combo.count())}
    view.edge_combo.setCurrentIndex(modes["All edges"])
    assert view.edge_data[2][0].size == 784 * 30
    view.edge_combo.setCurrentIndex(modes["Strongest 10 %"])
    assert view.edge_data[2][0].size == round(784 * 30 * 0.10)
    assert view.edge_data[3][0].size == 300  # small layers always show every edge
    view.edge_combo.setCurrentIndex(modes["No edges"])
    assert all(idx.size == 0 for idx, _ in view.edge_data.values())
    assert view.edge_layer.paths == []


def test_tooltips_use_the_books_notation(qtbot, make_window, toy_data):
    w = make_window(sizes=(2, 3, 2), data=toy_data)
    view, s = w.network_view, w.session
    j, k = 0, 1
    seg = view.segments[3][j * 3 + k]
    mid = (seg[0] + seg[1]) / 2
    text = view.describe_at(*mid, tolerance=0.5)
    wv = float(s.network.weights[1][j, k])
    assert text.startswith(f"{weight_name(3, j, k)} = {fmt(wv)}")
    assert "w³₀₁" in text
    # a node: bias and activation with the values of the current sample
    x, _ = s.sample
    _, acts = s.network.forward(x[None, :])
    pos = view.net_layout.layer(2).positions[1]
    text = view.describe_at(*pos)
    assert f"b²₁ = {fmt(float(s.network.biases[0][1]))}" in text
    assert f"a²₁ = σ(z²₁) = {fmt(float(acts[1][0, 1]))}" in text
    # every edge of a tiny net carries a readable label with its weight
    assert [t.toPlainText() for t in view.edge_labels][:3] == [fmt(float(v), 2) for v in s.network.weights[0].ravel()[:3]]


def test_input_pixel_tooltip_and_click_selects(qtbot, make_window):
    w = make_window()
    view, s = w.network_view, w.session
    gx, gy, gw, gh = view.net_layout.grid_rect
    cell = gw / 28
    text = view.describe_at(gx + 5.5 * cell, gy + 3.5 * cell)
    assert text.startswith("input neuron 89 (pixel row 3, column 5)")
    hidden = view.net_layout.layer(2).positions[4]
    assert view.node_at(*hidden) == (2, 4)
    s.select((2, 4))
    # incoming (the strongest 10 % of those visible on the scale) and outgoing edges are highlighted
    w_in, w_out = s.network.weights[0][4], s.network.weights[1][:, 4]
    n_in = int(np.sum(np.abs(w_in) >= 0.05 * view.edge_scale[2][0]))
    n_out = int(np.sum(np.abs(w_out) >= 0.05 * view.edge_scale[3][0]))
    n_hi = len(view.highlight_pos.xData) + len(view.highlight_neg.xData)
    assert n_hi == 2 * (round(n_in * 0.10) + n_out)
    # the neuron panel shows its 784 incoming weights as a 28×28 image
    np.testing.assert_array_equal(w.neuron_panel.image.image, s.network.weights[0][4].reshape(28, 28))
    assert "Hidden neuron 4 of layer 2" in w.neuron_panel.text.text()


@pytest.mark.parametrize("sizes", [(784, 100, 10), (784, 40, 30, 20, 10)])
def test_other_architectures_build(qtbot, make_window, sizes):
    w = make_window(sizes=sizes)
    view = w.network_view
    assert sorted(view.edge_paths) == list(range(2, len(sizes) + 1))
    lay = view.net_layout
    if sizes[1] > 40:   # wrapped into a grid of 28×28 tiles, 3 transparent pixels apart
        rows, cols = lay.tile_grid
        assert view.tiles_item.image.shape[:2] == (rows * 31 - 3, cols * 31 - 3) and rows * cols >= sizes[1]
    else:
        assert view.tiles_item.image.shape[:2] == (sizes[1] * lay.tile_rows - (lay.tile_rows - 28), 28)
    w.session.select((3, 2))
    assert w.neuron_panel.bars.opts["height"].shape == (sizes[1],)


def test_bad_sizes_are_refused_next_to_the_field(qtbot, make_window):
    w = make_window()
    panel, s = w.train_panel, w.session
    for text, message in [("784,30,7", "output layer must have 10"), ("700,30,10", "input layer must have 784"),
                          ("784,,x", "whole numbers"), ("784", "at least two layers")]:
        panel.sizes.setText(text)
        panel.train_clicked()
        assert s.state == IDLE
        assert panel.errors["sizes"].isVisibleTo(panel)
        assert message in panel.errors["sizes"].text()
    panel.sizes.setText("784,20,10")
    panel.train_clicked()
    assert not panel.errors["sizes"].isVisibleTo(panel)
    assert s.network.sizes == (784, 20, 10)
    s.stop()


def test_model_round_trip_through_the_menu_actions(qtbot, make_window, tmp_path):
    w = make_window()
    s = w.session
    _train_a_little(qtbot, s)
    path = tmp_path / "m.npz"
    assert w.save_model_to(str(path))
    saved = s.network.copy()
    w.train_panel.reset_clicked()
    assert not s.network.same_parameters(saved)
    assert w.open_model_from(str(path))
    assert s.network.same_parameters(saved)
    net, meta = load_network(path)
    assert meta["config"]["sizes"] == [784, 30, 10]
    # a broken file is refused with a message and loses nothing
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    assert not w.open_model_from(str(bad))
    assert w.message_bar.level == "error" and "bad.npz" in w.message_bar.label.text()
    assert s.network.same_parameters(saved)


def test_export_csv_and_png(qtbot, make_window, tmp_path):
    w = make_window(epochs=1)
    s = w.session
    s.start()
    qtbot.waitUntil(lambda: s.state == IDLE, timeout=20000)
    out = tmp_path / "h.csv"
    assert w.export_csv_to(str(out))
    with out.open() as f:
        rows = list(csv.DictReader(f))
    batches = [r for r in rows if r["kind"] == "mini-batch"]
    epochs = [r for r in rows if r["kind"] == "epoch"]
    assert len(batches) == 200 and len(epochs) == 1
    assert float(batches[7]["cost"]) == s.history.batch_cost[7]
    assert int(epochs[0]["test_correct"]) == s.history.epochs[0].test_correct
    png = tmp_path / "n.png"
    assert w.export_png_to(str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_settings_are_remembered(qtbot, make_window):
    w = make_window(eta=0.75, batch_size=20, cost="cross-entropy", seed=7)
    w.close()
    cfg = config_from_settings()
    assert (cfg.eta, cfg.batch_size, cfg.cost, cfg.seed) == (0.75, 20, "cross-entropy", 7)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: its refcount cannot fall")
def test_repeated_repaints_do_not_corrupt_none(qtbot, make_window):
    """PySide6 6.12.0 on Python 3.11 decremented None's refcount on every C++ → Python virtual
    call (paint, paintEvent, …) and aborted after a few hundred redraws (see pyproject).

    Redrawing an unchanged view in a steady state must leave None's refcount where it was;
    with the broken binding it falls by at least one per painted item per frame (run with
    6.12.0 here, this loop aborted the interpreter with "none_dealloc").
    """
    import gc

    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    views = (w.network_view.glw.viewport(), w.cost_plot.glw.viewport())
    for _ in range(30):  # warm up caches so the measured loop allocates nothing new
        for v in views:
            v.repaint()
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(300):
        for v in views:
            v.repaint()
    gc.collect()
    after = sys.getrefcount(None)
    assert after - before > -50, (before, after)


def hover_tooltip(qtbot, view, scene_pos):
    """Send the viewport the ToolTip (help) event a resting pointer makes; the tooltip's text."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    vp = view.glw.viewport()
    local = view.glw.mapFromScene(view.vb.mapViewToScene(QPointF(*scene_pos)))
    QApplication.sendEvent(vp, QHelpEvent(QEvent.Type.ToolTip, local, vp.mapToGlobal(local)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    text = QToolTip.text()
    QToolTip.hideText()
    return text


def test_hovering_a_node_shows_its_tooltip(qtbot, make_window):
    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    view = w.network_view
    text = hover_tooltip(qtbot, view, view.net_layout.layer(3).positions[7])
    assert text.startswith("output neuron 7 of layer 3")
    x, _ = w.session.sample
    a = w.session.network.feedforward(x)[7]
    assert text.endswith(f"= {fmt(float(a))}")


def test_window_geometry_and_edge_display_are_remembered(qtbot, make_window):
    w = make_window()
    w.resize(701, 501)  # inside the offscreen screen (restoreGeometry keeps windows on screen)
    w.network_view.edge_combo.setCurrentIndex(3)
    w.close()
    w2 = make_window()
    assert w2.restore_geometry()
    assert w2.network_view.edge_combo.currentIndex() == 3
    assert (w2.size().width(), w2.size().height()) == (701, 501)


def test_the_app_refuses_clearly_without_a_display(monkeypatch, capsys):
    from bpviz.cli import main

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert main([]) == 2
    assert "no display found" in capsys.readouterr().err
