"""The single-sample Trace: shared code path with the batch, BP1 and BP2 hold element-wise."""

import numpy as np
import pytest

from bpviz.core import CrossEntropyCost, Network, QuadraticCost, sigmoid, sigmoid_prime


@pytest.mark.parametrize("sizes", [(2, 3, 2), (6, 5, 4, 3, 2), (784, 30, 10)], ids=str)
@pytest.mark.parametrize("cost", [QuadraticCost, CrossEntropyCost], ids=lambda c: c.name)
def test_trace_equals_gradient_of_batch_of_one(sizes, cost):
    net = Network(sizes, rng=3, cost=cost, dtype=np.float64)
    rng = np.random.default_rng(4)
    x, label = rng.random(sizes[0]), int(rng.integers(sizes[-1]))
    tr = net.trace(x, label)
    g = net.gradient(x[None, :], np.array([label]))
    L = len(sizes)
    for l in range(2, L + 1):
        np.testing.assert_array_equal(tr.dC_db(l), g.nabla_b[l - 2])
        np.testing.assert_array_equal(tr.dC_dw(l), g.nabla_w[l - 2])
    assert tr.cost == g.cost
    np.testing.assert_array_equal(tr.a(L), net.feedforward(x))


@pytest.mark.parametrize("cost", [QuadraticCost, CrossEntropyCost], ids=lambda c: c.name)
def test_trace_satisfies_feedforward_bp1_bp2_bp4(cost):
    sizes = (5, 4, 4, 3)
    net = Network(sizes, rng=7, cost=cost, dtype=np.float64)
    x = np.random.default_rng(8).random(5)
    tr = net.trace(x, 2)
    L = len(sizes)
    y = np.eye(3)[2]
    np.testing.assert_array_equal(tr.y, y)
    for l in range(2, L + 1):
        z = tr.w(l) @ tr.a(l - 1) + tr.b(l)
        np.testing.assert_allclose(tr.z(l), z, rtol=1e-14, atol=1e-14)
        np.testing.assert_allclose(tr.a(l), sigmoid(z), rtol=1e-14)
    aL, zL = tr.a(L), tr.z(L)
    # BP1, element by element
    for j in range(3):
        if cost is QuadraticCost:
            expected = (aL[j] - y[j]) * sigmoid_prime(zL[j])
        else:
            expected = aL[j] - y[j]
        assert tr.delta(L)[j] == pytest.approx(expected, rel=1e-12, abs=1e-15)
    # BP2, element by element with an explicit sum over the next layer
    for l in range(L - 1, 1, -1):
        w_next, d_next = tr.w(l + 1), tr.delta(l + 1)
        for j in range(sizes[l - 1]):
            s = sum(w_next[k, j] * d_next[k] for k in range(sizes[l]))
            assert tr.delta(l)[j] == pytest.approx(s * sigmoid_prime(tr.z(l)[j]), rel=1e-12, abs=1e-15)
    # BP4
    for l in range(2, L + 1):
        for j in range(sizes[l - 1]):
            for k in range(sizes[l - 2]):
                assert tr.dC_dw(l)[j, k] == tr.a(l - 1)[k] * tr.delta(l)[j]


def test_trace_accessors_use_book_layer_numbers():
    net = Network((3, 4, 2), rng=0)
    tr = net.trace(np.ones(3), 1)
    assert tr.a(1).shape == (3,) and tr.z(2).shape == (4,) and tr.dC_dw(3).shape == (2, 4)
    with pytest.raises(IndexError):
        tr.z(1)
    with pytest.raises(IndexError):
        tr.a(4)
    assert "label=1" in repr(tr)


def test_trace_keeps_its_own_copy_of_the_weights():
    net = Network((3, 4, 2), rng=0)
    tr = net.trace(np.ones(3), 1)
    w_before = tr.w(2).copy()
    net.weights[0][...] = 0
    np.testing.assert_array_equal(tr.w(2), w_before)
