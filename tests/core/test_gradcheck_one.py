"""The gradient check of one parameter, the ε sweep and the table of every parameter."""

import numpy as np
import pytest

from bpviz.core import GradientCheck, Network, Parameter, check_parameter, eps_sweep, gradient_check, parameters
from bpviz.core.gradcheck import parameter_at

NETS = [(2, 3, 2), (4, 5, 3), (3, 4, 4, 2)]


def _sample(sizes, seed):
    rng = np.random.default_rng(seed)
    return rng.random(sizes[0]), int(rng.integers(0, sizes[-1]))


@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy"])
@pytest.mark.parametrize("sizes", NETS, ids=str)
def test_every_parameter_within_1e_7_in_float64(sizes, cost):
    net = Network(sizes, rng=3, cost=cost, dtype=np.float32)
    x, y = _sample(sizes, 4)
    check = gradient_check(net, x[None], np.array([y]), eps=1e-6, dtype=np.float64)
    rows = check.rows()
    assert len(rows) == net.num_parameters == check.total_parameters and not check.sampled
    assert sorted(r.parameter for r in rows) == sorted(parameters(net))
    errs = [r.relative_error for r in rows]
    assert errs == sorted(errs, reverse=True)
    # The norm-wise error is the usual criterion. One entry's own relative error is also below
    # 1e-7 unless the entry is tiny: C(θ ± ε) carries ~1e-16 rounding, i.e. ~1e-10 in the quotient.
    assert check.relative_error < 1e-7, check
    assert all(r.relative_error < 1e-7 for r in rows if abs(r.backprop) > 1e-3), rows[:3]
    assert check.max_abs_error < 1e-9
    # each row's numbers are the single-parameter check's
    r = rows[-1]
    one = check_parameter(net, x, y, r.parameter, eps=1e-6)
    assert one.backprop == r.backprop and one.numerical == pytest.approx(r.numerical, rel=1e-12)
    # sensitive: a 1% error in one backprop entry tops the table with an error far above 1e-7
    i = int(np.argmax(np.abs(check.backprop)))
    wrong = check.backprop.copy()
    wrong[i] *= 1.01
    bad = GradientCheck(check.names, wrong, check.numerical, check.parameters, check.eps, check.total_parameters)
    assert bad.rows()[0].parameter == check.parameters[i] and bad.rows()[0].relative_error > 1e-3


def test_float32_check_is_much_worse_than_float64():
    net = Network((4, 5, 3), rng=1, dtype=np.float64)
    x, y = _sample((4, 5, 3), 2)
    p = Parameter.weight(2, 1, 2)
    e64 = check_parameter(net, x, y, p, eps=1e-4, dtype=np.float64).relative_error
    e32 = check_parameter(net, x, y, p, eps=1e-4, dtype=np.float32).relative_error
    assert e32 > 100 * e64


@pytest.mark.parametrize("param", [Parameter.weight(2, 1, 0), Parameter.bias(3, 1), Parameter.weight(3, 0, 2)],
                         ids=lambda p: p.name)
def test_eps_sweep_has_its_minimum_inside(param):
    net = Network((2, 3, 2), rng=0, dtype=np.float64)
    x, y = _sample((2, 3, 2), 1)
    s = eps_sweep(net, x, y, param)
    assert s.eps[0] == pytest.approx(1e-12) and s.eps[-1] == 1
    for dt in ("float64", "float32"):
        err = s.errors[dt]
        assert err.shape == s.eps.shape
        best = err.min()
        assert err[0] > 10 * best and err[-1] > 10 * best, (dt, err)
    # rounding takes over much earlier in float32
    assert s.best_eps("float32") > 10 * s.best_eps("float64")
    assert s.errors["float64"].min() < 1e-8


def test_parameter_order_and_lookup():
    net = Network((2, 3, 2), rng=0)
    ps = list(parameters(net))
    assert len(ps) == net.num_parameters == 17
    assert ps[0] == Parameter.weight(2, 0, 0) and ps[6] == Parameter.bias(2, 0) and ps[-1] == Parameter.bias(3, 1)
    assert [parameter_at(net, i) for i in range(17)] == ps
    assert Parameter.weight(3, 2, 1).name == "w^3_{2,1}" and Parameter.bias(2, 0).name == "b^2_{0}"


def test_sampled_check_says_so():
    net = Network((784, 30, 10), rng=0, dtype=np.float64)
    x, y = _sample((784, 30, 10), 0)
    check = gradient_check(net, x[None], np.array([y]), max_per_layer=20, rng=1)
    assert check.sampled and len(check.parameters) == 20 + 30 + 20 + 10 and check.total_parameters == 23860
