"""The input space: every heatmap is the network's output on the grid."""

import numpy as np
import pytest

from bpviz.core import Network
from bpviz.data.plane import feature_matrix
from bpviz.scene.input_space import grid_points, neuron_levels, plane_maps


@pytest.mark.parametrize("act,out", [("tanh", "softmax"), ("relu", "sigmoid"), ("sigmoid", "sigmoid")])
def test_heatmaps_equal_the_networks_outputs_on_the_grid(act, out):
    feats = ("x1", "x2", "x1x2")
    net = Network((3, 8, 8, 2), rng=4, activation=act, output=out)
    maps = plane_maps(net, feats, n=20)
    centres, P = grid_points(20)
    zs, acts = net.forward(feature_matrix(P, feats))
    # cell (r, c) is the point x₁ = centres[c], x₂ = centres[r]
    for r, c in ((0, 0), (3, 17), (19, 5)):
        i = r * 20 + c
        np.testing.assert_array_equal(P[i], [centres[c], centres[r]])
        for l in range(2, 5):
            np.testing.assert_array_equal(maps.layers[l - 2][:, r, c], acts[l - 1][i])
        np.testing.assert_array_equal(maps.inputs[:, r, c], acts[0][i])
        np.testing.assert_array_equal(maps.outputs[r, c], acts[-1][i])
        # one point alone: the same to float32 rounding (a one-row matmul may sum in another order)
        np.testing.assert_allclose(maps.outputs[r, c], net.feedforward(feature_matrix(P[i:i + 1], feats))[0],
                                   rtol=1e-5, atol=1e-7)
    np.testing.assert_array_equal(maps.predicted.ravel(), np.argmax(acts[-1], axis=1))
    np.testing.assert_array_equal(maps.neuron(1, 2), maps.inputs[2])
    rgba = maps.decision_image()
    assert rgba.shape == (20, 20, 4) and rgba.dtype == np.uint8


def test_levels():
    v = np.array([0.0, 2.5])
    assert neuron_levels("tanh", v) == (-1, 1) and neuron_levels("sigmoid", v) == (0, 1)
    assert neuron_levels("relu", v) == (0, 2.5) and neuron_levels("input", np.array([3.0, 3.0])) == (2, 4)
