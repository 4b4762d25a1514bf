"""The big picture: nudging one weight, and ∂C/∂w as a sum over paths."""

import itertools

import numpy as np
import pytest

from bpviz.core import Network, Parameter, chain, nudge, nudge_curve


def _sample(sizes, seed):
    rng = np.random.default_rng(seed)
    return rng.random(sizes[0]), int(rng.integers(0, sizes[-1]))


def _enumerate(c):
    """Every path j → i_{l+1} → … → i_L and its product, listed one by one."""
    layers = [range(r.shape[0]) for r in c.rates]
    out = {}
    for rest in itertools.product(*layers):
        path = (c.parameter.j, *rest)
        p = c.first
        for r, a, b in zip(c.rates, path[:-1], path[1:]):
            p *= r[b, a]
        out[path] = p * c.dC_da[path[-1]]
    return out


PARAMS = [Parameter.weight(2, 1, 0), Parameter.bias(2, 2), Parameter.weight(3, 0, 2), Parameter.weight(4, 1, 3)]


@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy"])
@pytest.mark.parametrize("param", PARAMS, ids=lambda p: p.name)
def test_measured_change_approaches_prediction(cost, param):
    sizes = (3, 4, 5, 2)
    net = Network(sizes, rng=0, cost=cost, dtype=np.float32)
    x, y = _sample(sizes, 1)
    dev = [abs(nudge(net, x, y, param, dw).ratio - 1) for dw in (1e-1, 1e-2, 1e-3, 1e-4)]
    # first-order error ∝ Δw: each tenfold smaller nudge brings the ratio ~tenfold closer to 1
    assert dev[-1] < 1e-3
    assert all(b < a for a, b in zip(dev, dev[1:])), dev
    assert dev[0] > 10 * dev[-1]


def test_nudge_ripples_only_forward_and_leaves_the_network_alone():
    sizes = (3, 4, 5, 2)
    net = Network(sizes, rng=2, dtype=np.float64)
    before = net.copy()
    x, y = _sample(sizes, 3)
    n = nudge(net, x, y, Parameter.weight(3, 2, 1), 0.5)
    assert net.same_parameters(before)
    assert [d.shape for d in n.delta_a] == [(5,), (2,)]
    # at layer l only neuron j moves; every neuron of the next layer does
    assert np.count_nonzero(n.da(3)) == 1 and n.da(3)[2] != 0
    assert np.all(n.da(4) != 0)
    # the measured change is a real re-run of the changed network
    changed = net.copy()
    changed.w(3)[2, 1] += 0.5
    ref = changed.trace(x, y)
    np.testing.assert_allclose(n.da(4), ref.a(4) - net.trace(x, y).a(4), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(n.delta_cost, ref.cost - net.trace(x, y).cost, rtol=1e-10)
    with pytest.raises(IndexError):
        n.da(2)


def test_curve_agrees_with_single_nudges_and_bends_away_for_large_steps():
    sizes = (2, 3, 2)
    net = Network(sizes, rng=4, dtype=np.float64)
    x, y = _sample(sizes, 5)
    p = Parameter.weight(2, 0, 1)
    dws = np.linspace(-3, 3, 13)
    curve = nudge_curve(net, x, y, p, dws)
    assert curve.measured[6] == 0
    for dw, m in zip(dws, curve.measured):
        assert m == pytest.approx(nudge(net, x, y, p, dw).delta_cost, rel=1e-12, abs=1e-15)
    np.testing.assert_allclose(curve.predicted, curve.gradient * dws)
    gap = np.abs(curve.measured - curve.predicted)
    assert gap[0] > 100 * abs(nudge(net, x, y, p, 1e-3).delta_cost - curve.gradient * 1e-3)


@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy"])
@pytest.mark.parametrize("sizes", [(3, 4, 5, 2), (4, 6, 5, 4, 3)], ids=str)
def test_sum_over_paths_is_backprop_and_best_path_is_the_argmax(cost, sizes):
    net = Network(sizes, rng=7, cost=cost, dtype=np.float64)
    x, y = _sample(sizes, 8)
    grad = net.gradient(x[None], np.array([y]))
    for l in range(2, len(sizes) + 1):
        for param in (Parameter.weight(l, 1, 0), Parameter.bias(l, 0)):
            c = chain(net, x, y, param)
            bp = (grad.nabla_w if param.kind == "w" else grad.nabla_b)[l - 2][param.index()]
            assert c.total == pytest.approx(bp, rel=1e-10, abs=1e-14)
            paths = _enumerate(c)
            assert len(paths) == c.num_paths
            assert sum(paths.values()) == pytest.approx(bp, rel=1e-10, abs=1e-14)
            best = max(paths, key=lambda q: abs(paths[q]))
            assert c.best_path == best
            assert c.best_product == pytest.approx(paths[best], rel=1e-12)
            assert c.path_product(best) == pytest.approx(paths[best], rel=1e-12)
            assert np.prod(c.best_factors) == pytest.approx(c.best_product)
            assert len(c.best_factors) == len(sizes) - l + 2


def test_sum_over_paths_on_a_wide_net_without_enumeration():
    sizes = (784, 30, 20, 10)
    net = Network(sizes, rng=1, init="scaled", dtype=np.float64)
    x, y = _sample(sizes, 2)
    c = chain(net, x, y, Parameter.weight(2, 5, 300))
    assert c.num_paths == 200
    assert c.total == pytest.approx(c.gradient, rel=1e-9, abs=1e-15)
    assert c.gradient != 0


def test_bad_parameters_say_which_index():
    net = Network((2, 3, 2), rng=0)
    with pytest.raises(ValueError, match="layer l must be 2..3"):
        nudge(net, np.zeros(2), 0, Parameter.weight(4, 0, 0), 0.1)
    with pytest.raises(ValueError, match="k must be 0..1"):
        chain(net, np.zeros(2), 0, Parameter.weight(2, 0, 2))
    with pytest.raises(ValueError):
        Parameter("w", 2, 0)
