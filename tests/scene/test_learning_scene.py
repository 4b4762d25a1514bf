"""The step-through's saturation line and the hidden-unit mosaic (Qt-free)."""

import numpy as np
import pytest

from bpviz.core import Network
from bpviz.core.learning import SATURATION_THRESHOLD
from bpviz.scene.hidden_units import grid_shape, tile_at, weight_mosaic
from bpviz.scene.steps import BP1, BP2, StepSequence


@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy"])
def test_bp1_bp2_say_saturated_exactly_when_sigma_prime_is_below_threshold(cost):
    net = Network((6, 5, 3), rng=0, cost=cost, dtype=np.float64)
    # large weights: some neurons saturated, some not
    net.set_parameters([w * 4 for w in net.weights], [b * 4 for b in net.biases])
    rng = np.random.default_rng(1)
    seq = StepSequence(net, rng.random((1, 6)), np.array([1]), 0.5)
    t = seq.traces[0]
    seen = {True: 0, False: 0}
    for step in seq.steps:
        if step.kind not in (BP1, BP2):
            continue
        for j in range(net.sizes[step.layer - 1]):
            text = seq.equation(step, j)
            sat = float(t.sigma_prime(step.layer)[j]) < SATURATION_THRESHOLD
            seen[sat] += 1
            assert ("saturated" in text) == sat
            if sat and step.kind == BP1 and cost == "cross-entropy":
                assert "still learns" in text and "learns slowly" not in text
            elif sat:
                assert "learns slowly" in text
    assert seen[True] and seen[False]


def test_mosaic_is_the_weights_reshaped_and_tiles_are_found_back():
    w = np.arange(7 * 784, dtype=np.float64).reshape(7, 784)
    img = weight_mosaic(w, cols=3)
    assert img.shape == (3 * 30 - 2, 3 * 30 - 2)
    for j in range(7):
        r, c = divmod(j, 3)
        np.testing.assert_array_equal(img[r * 30 : r * 30 + 28, c * 30 : c * 30 + 28], w[j].reshape(28, 28))
        assert tile_at(c * 30 + 5, r * 30 + 27, 7, 3) == j
    assert np.isnan(img[28, 0]) and np.isnan(img[-1, -1])   # a gap; the unused 9th cell
    assert tile_at(28.5, 3, 7, 3) is None and tile_at(2 * 30 + 1, 2 * 30 + 1, 7, 3) is None


def test_grid_shape_makes_tiles_largest():
    assert grid_shape(30, 900, 300) == (3, 10)
    assert grid_shape(100, 400, 400) == (10, 10)
