import numpy as np

from bpviz.scene.colors import bucketize, edges_to_draw, nice_ceiling, strongest, tile_mosaic
from bpviz.scene.layout import edge_endpoints, layout_network, square_side
from bpviz.scene.notation import fmt, sub, symbol, weight_name


def test_layout_grid_and_columns():
    lay = layout_network((784, 30, 10))
    assert lay.layer(1).grid_shape == (28, 28)
    assert lay.layer(2).positions.shape == (30, 2) and lay.tiles.shape == (30, 4)
    x = [ly.x for ly in lay.layers]
    assert x == sorted(x)
    tiny = layout_network((2, 3, 2))
    assert tiny.tiles is None and tiny.grid_rect is None
    assert square_side(784) == 28 and square_side(30) is None


def test_edge_endpoints_follow_w_ravel_order():
    lay = layout_network((3, 4, 2))
    seg = edge_endpoints(lay, 3)
    j, k = 1, 2
    np.testing.assert_array_equal(seg[j * 4 + k, 0], lay.layer(2).positions[k])
    np.testing.assert_array_equal(seg[j * 4 + k, 1], lay.layer(3).positions[j])


def test_buckets_are_symmetric_about_zero():
    b = bucketize(np.array([-10, -1, -1e-9, 1e-9, 0.99, 10]), 1.0, 16)
    assert b.tolist() == [0, 0, 7, 8, 15, 15]


def test_strongest_and_nice_ceiling():
    v = np.array([0.1, -5, 2, -0.2, 3])
    assert strongest(v, 0.4).tolist() == [1, 4]
    assert strongest(v, 1.0).tolist() == [0, 1, 2, 3, 4]
    assert [nice_ceiling(x) for x in (2.6, 0.07, 1.0, 11)] == [3.0, 0.08, 1.0, 15.0]


def test_tile_mosaic():
    w = np.arange(2 * 9, dtype=float).reshape(2, 9)
    img, mask = tile_mosaic(w, 3, 5)
    assert img.shape == (8, 3)
    np.testing.assert_array_equal(img[5:8], w[1].reshape(3, 3))
    assert not mask[3:5].any() and mask[:3].all()


def test_notation():
    assert weight_name(3, 2, 5) == "w³₂₅"
    assert weight_name(2, 12, 5) == "w²₁₂,₅"
    assert symbol("a", 2, 7) == "a²₇" and sub(1, 2) == "₁₂"
    assert fmt(-0.4183) == "−0.418"


def test_edges_to_draw():
    rng = np.random.default_rng(0)
    assert edges_to_draw(rng.random(300), 0.02).size == 300       # small layers: all
    assert edges_to_draw(rng.random(1000), 0.02).size == 400      # medium: at least 400
    assert edges_to_draw(rng.random(23520), 0.02).size == 470     # the input fan: 2 %
    assert edges_to_draw(rng.random(23520), 1.0).size == 23520
    assert edges_to_draw(rng.random(50), 0.0).size == 0


def test_envelope_keeps_extremes_and_bounds_points():
    from bpviz.scene.colors import envelope

    x = np.arange(10000) / 1000
    y = np.sin(x) + (np.arange(10000) == 5555) * 3.0  # one spike
    ex, ey = envelope(x, y, 400)
    assert len(ey) <= 400 and ey.max() == y.max() and ey.min() == y.min()
    sx, sy = envelope(x[:100], y[:100], 400)
    np.testing.assert_array_equal(sy, y[:100])
