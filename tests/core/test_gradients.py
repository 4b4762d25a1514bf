"""The vectorised gradient against two oracles: finite differences and the seed's loop."""

import numpy as np
import pytest

from bpviz import reference
from bpviz.core import CrossEntropyCost, Network, QuadraticCost, gradient_check

ARCHS = [(2, 3, 2), (5, 4, 3), (6, 5, 4, 3, 2), (784, 30, 10)]
COSTS = [QuadraticCost, CrossEntropyCost]


def _data(sizes, n, seed):
    rng = np.random.default_rng(seed)
    X = rng.random((n, sizes[0]))
    labels = rng.integers(0, sizes[-1], n)
    return X, labels


@pytest.mark.parametrize("sizes", ARCHS, ids=lambda s: "x".join(map(str, s)))
@pytest.mark.parametrize("cost", COSTS, ids=lambda c: c.name)
@pytest.mark.parametrize("init", ["standard", "scaled"])
def test_gradient_matches_central_differences(sizes, cost, init):
    net = Network(sizes, rng=1, cost=cost, init=init, dtype=np.float64)
    X, y = _data(sizes, 4 if sizes[0] > 100 else 7, 2)
    big = sizes[0] > 100
    check = gradient_check(net, X, y, eps=1e-6, max_per_layer=150 if big else None, rng=3)
    assert len(check.names) > 0
    assert check.relative_error < 1e-7, check
    # the check must be sensitive: a gradient with one entry wrong is caught
    wrong = check.backprop.copy()
    wrong[np.argmax(np.abs(wrong))] *= 1.01
    den = np.linalg.norm(wrong) + np.linalg.norm(check.numerical)
    assert np.linalg.norm(wrong - check.numerical) / den > 1e-5


def test_gradient_check_restores_parameters():
    net = Network((3, 4, 2), rng=0, dtype=np.float64)
    before = net.copy()
    gradient_check(net, *_data((3, 4, 2), 5, 0))
    assert net.same_parameters(before)


@pytest.mark.parametrize("sizes", ARCHS, ids=lambda s: "x".join(map(str, s)))
@pytest.mark.parametrize("cost", COSTS, ids=lambda c: c.name)
def test_batch_gradient_equals_mean_of_seed_backprop(sizes, cost):
    net = Network(sizes, rng=5, cost=cost, dtype=np.float64)
    X, labels = _data(sizes, 9, 6)
    grad = net.gradient(X, labels)
    biases = [b[:, None] for b in net.biases]
    sums_b = [np.zeros_like(b) for b in biases]
    sums_w = [np.zeros_like(w) for w in net.weights]
    for x, y in reference.as_pairs(X, labels, sizes[-1]):
        nb, nw = reference.backprop(net.weights, biases, x, y, cost.name)
        sums_b = [s + d for s, d in zip(sums_b, nb)]
        sums_w = [s + d for s, d in zip(sums_w, nw)]
    for l in range(len(sizes) - 1):
        np.testing.assert_allclose(grad.nabla_b[l], sums_b[l][:, 0] / len(X), rtol=0, atol=1e-12)
        np.testing.assert_allclose(grad.nabla_w[l], sums_w[l] / len(X), rtol=0, atol=1e-12)
        assert grad.nabla_w[l].shape == (sizes[l + 1], sizes[l])


def test_gradient_accepts_one_hot_targets_like_labels():
    net = Network((4, 3, 3), rng=0, dtype=np.float64)
    X, labels = _data((4, 3, 3), 6, 1)
    g1 = net.gradient(X, labels)
    g2 = net.gradient(X, np.eye(3)[labels])
    for a, b in zip(g1.nabla_w + g1.nabla_b, g2.nabla_w + g2.nabla_b):
        np.testing.assert_array_equal(a, b)
    assert g1.cost == g2.cost


def test_gradient_rejects_wrong_shapes():
    net = Network((4, 3, 3), rng=0)
    with pytest.raises(ValueError, match=r"\(n, 4\)"):
        net.gradient(np.zeros((2, 5)), np.array([0, 1]))
    with pytest.raises(ValueError, match="labels must lie"):
        net.gradient(np.zeros((2, 4)), np.array([0, 3]))
    with pytest.raises(ValueError, match="2 inputs but 3 targets"):
        net.gradient(np.zeros((2, 4)), np.array([0, 1, 2]))
