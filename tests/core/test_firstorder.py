"""core/firstorder.py against central differences, for every neuron and output layer."""

import numpy as np
import pytest

from bpviz.core import Network
from bpviz.core.activations import softmax
from bpviz.core.firstorder import output_gradient

PAIRS = [(act, out) for act in ("sigmoid", "tanh", "relu") for out in ("sigmoid", "softmax")]


def _output(net, x, j, of):
    a = x.astype(np.float64)
    for l, (w, b) in enumerate(zip(net.weights, net.biases), start=2):
        z = w.astype(np.float64) @ a + b
        act = net.layer_activation(l)
        a = softmax(z) if act is None else act.fn(z)
    return (z if of == "z" else a)[j]


@pytest.mark.parametrize("act,out", PAIRS)
@pytest.mark.parametrize("of", ["a", "z"])
def test_output_gradient_equals_central_differences(act, out, of):
    net = Network((3, 4, 3), rng=7, dtype=np.float64, activation=act, output=out)
    x = np.random.default_rng(1).normal(size=3)
    j, eps = 1, 1e-6
    gw, gb = output_gradient(net, x, j, of=of)
    for params, grads in ((net.weights, gw), (net.biases, gb)):
        for p, g in zip(params, grads):
            numeric = np.zeros_like(p)
            for idx in np.ndindex(p.shape):
                old = p[idx]
                p[idx] = old + eps
                up = _output(net, x, j, of)
                p[idx] = old - eps
                down = _output(net, x, j, of)
                p[idx] = old
                numeric[idx] = (up - down) / (2 * eps)
            np.testing.assert_allclose(g, numeric, rtol=1e-5, atol=1e-8)
