"""Qt-free pieces of issue 10: pace, legends, plot windows, wrapped layouts, label placement."""

import numpy as np
import pytest

from bpviz.scene import pace
from bpviz.scene.layout import intervals_overlap, label_rects, layout_network, place_edge_labels
from bpviz.scene.legend import edge_legend, flash_edges, node_legend, node_scales
from bpviz.scene.plots import x_window, y_window


def test_pace_is_a_log_scale_from_one_per_second_to_full_speed():
    rates = [pace.rate_of_position(p) for p in range(pace.FULL_SPEED)]
    assert rates[0] == 1.0 and rates[pace.PER_DECADE] == pytest.approx(10.0)
    assert all(b > a for a, b in zip(rates, rates[1:]))
    assert pace.rate_of_position(pace.FULL_SPEED) is None
    assert pace.delay_ms_of_rate(None) == 0 and pace.delay_ms_of_rate(1.0) == 1000
    for p in range(pace.FULL_SPEED + 1):   # a stored delay comes back at the same position
        assert pace.position_of_delay_ms(pace.delay_ms_of_rate(pace.rate_of_position(p))) == p
    assert pace.describe_rate(1.0) == "1 mini-batch/s"
    assert pace.describe_rate(2.5) == "2.5 mini-batches/s"
    assert pace.describe_rate(None) == "full speed"


def test_legends_name_the_quantity_and_its_range():
    assert edge_legend("Δw", 0.004) == "edges: change Δw  (±0.004)"
    vals = [("a", np.array([0.1, 0.9])), ("δ", np.array([0.01, -0.03])), ("δ", np.array([0.2])), None]
    scales = node_scales(vals)
    assert scales == {"δ": 0.2}
    text = node_legend(vals, scales)
    assert "activation a (layer 1): 0 dark … 1 white" in text
    assert "error δ (layers 2–3): blue −0.2 … red +0.2" in text
    assert "not computed yet: layer 4" in text


def test_flash_edges_are_the_largest_changes_of_each_layer():
    d = {2: np.array([[0.0, 0.5, -0.9], [0.1, 0.0, 0.0]]), 3: np.zeros((2, 2))}
    out = flash_edges(d, per_layer=2)
    assert list(out[2]) == [1, 2] and out[3].size == 0


def test_plot_windows_follow_the_data():
    assert x_window(2.3, None) == (0.0, 2.5)
    x0, x1 = x_window(7.31, 5)
    assert x1 - x0 == 5 and 7.31 <= x1 < 7.31 + 0.5 + 1e-9
    x = np.linspace(0, 10, 1001)
    y = np.where(x < 1, 50.0, 0.2)
    assert y_window(x, y, 0, 10, False) == (0.0, 50.0)
    assert y_window(x, y, 5, 10, False) == (0.0, 0.2)       # a divergence long ago no longer flattens it
    lo, hi = y_window(x, np.where(x < 5, 0.3, 0.004), 0, 10, True)
    assert lo == pytest.approx(0.001) and hi == pytest.approx(1.0)


@pytest.mark.parametrize("sizes", [(784, 100, 10), (784, 30, 30, 30, 10), (100, 60, 10), (50, 20, 3)])
def test_wide_layers_wrap_into_a_grid_whose_cells_do_not_overlap(sizes):
    lay = layout_network(sizes)
    for ly in lay.layers[1:] if lay.grid_rect else lay.layers:
        if ly.n > 40:
            assert ly.wrap is not None and ly.wrap[0] * ly.wrap[1] >= ly.n
        d = np.abs(ly.positions[:, None, :] - ly.positions[None, :, :]).max(axis=2)
        np.fill_diagonal(d, np.inf)
        assert d.min() >= ly.diameter * 0.999          # markers never overlap
    xs = [ly.extent() for ly in lay.layers[1:]]
    assert all(a[1] < b[0] for a, b in zip(xs, xs[1:]))  # layers left to right, apart


def test_edge_labels_are_placed_apart():
    rng = np.random.default_rng(0)
    segs = np.array([[[0, y0], [300, y1]] for y0 in (0, 100, 200) for y1 in (0, 60, 120, 180, 240)], dtype=float)
    sizes = np.tile([36.0, 16.0], (len(segs), 1))
    fr = place_edge_labels(segs, sizes, np.zeros((0, 4)))
    centres = segs[:, 0] + fr[:, None] * (segs[:, 1] - segs[:, 0])
    r = label_rects(centres, sizes)
    for i in range(len(r)):
        for j in range(i + 1, len(r)):
            assert not (r[i, 0] < r[j, 2] and r[j, 0] < r[i, 2] and r[i, 1] < r[j, 3] and r[j, 1] < r[i, 3])
    assert not intervals_overlap([0, 50], [40, 40]) and intervals_overlap([0, 30], [40, 40])
    del rng
