"""Every hidden activation × output layer against two oracles, in float64: a tiny reverse-mode
autograd written here from primitives (no formula of the core is reused), and central
differences (the gradient check). The default network stays the seed's bit for bit."""

from __future__ import annotations

import numpy as np
import pytest

from bpviz import reference
from bpviz.core import Network, gradient_check
from bpviz.core.activations import ReLU, Sigmoid, Tanh, get_activation, softmax
from bpviz.core.costs import LogLikelihoodCost, get_cost
from bpviz.core.gradcheck import Parameter
from bpviz.core.learning import batch_saturation, saturated_share, speed_of_learning
from bpviz.core.nudge import chain, nudge


# -- a tiny reverse-mode autograd ---------------------------------------------------------------
class V:
    """An array node: ``value`` and, after :meth:`backward`, ``grad`` (same shape)."""

    def __init__(self, value, parents=()):
        self.value = np.asarray(value, dtype=np.float64)
        self.parents = parents          # ((node, vector-Jacobian product: upstream grad → node's grad), …)
        self.grad = np.zeros_like(self.value)

    def __add__(self, o):
        o = o if isinstance(o, V) else V(o)
        return V(self.value + o.value, ((self, lambda g: g), (o, lambda g: _unbroadcast(g, o.value.shape))))

    def __mul__(self, o):
        o = o if isinstance(o, V) else V(o)
        return V(self.value * o.value, ((self, lambda g: _unbroadcast(g * o.value, self.value.shape)),
                                        (o, lambda g: _unbroadcast(g * self.value, o.value.shape))))

    def __neg__(self):
        return V(-self.value, ((self, lambda g: -g),))

    def __sub__(self, o):
        return self + (-(o if isinstance(o, V) else V(o)))

    def __matmul__(self, o):
        return V(self.value @ o.value, ((self, lambda g: g @ o.value.T), (o, lambda g: self.value.T @ g)))

    def exp(self):
        e = np.exp(self.value)
        return V(e, ((self, lambda g: g * e),))

    def log(self):
        return V(np.log(self.value), ((self, lambda g: g / self.value),))

    def recip(self):
        return V(1 / self.value, ((self, lambda g: -g / self.value ** 2),))

    def relu(self):
        on = self.value > 0
        return V(np.where(on, self.value, 0.0), ((self, lambda g: g * on),))

    def sum(self, axis=None, keepdims=False):
        shape = self.value.shape
        return V(self.value.sum(axis=axis, keepdims=keepdims),
                 ((self, lambda g: np.broadcast_to(g if keepdims or axis is None else np.expand_dims(g, axis),
                                                   shape).copy()),))

    @property
    def T(self):
        return V(self.value.T, ((self, lambda g: g.T),))

    def backward(self):
        order, seen = [], set()

        def visit(n):
            if id(n) not in seen:
                seen.add(id(n))
                for p, _ in n.parents:
                    visit(p)
                order.append(n)

        visit(self)
        self.grad = np.ones_like(self.value)
        for n in reversed(order):
            for p, vjp in n.parents:
                p.grad = p.grad + vjp(n.grad)


def _unbroadcast(g, shape):
    while g.ndim > len(shape):
        g = g.sum(axis=0)
    for i, s in enumerate(shape):
        if s == 1 and g.shape[i] != 1:
            g = g.sum(axis=i, keepdims=True)
    return g


def _sigmoid(z):
    return ((-z).exp() + 1.0).recip()


def _tanh(z):
    e = (z * 2.0).exp()
    return (e - 1.0) * (e + 1.0).recip()


HIDDEN = {"sigmoid": _sigmoid, "tanh": _tanh, "relu": V.relu}


def autograd_gradient(net: Network, X: np.ndarray, Y: np.ndarray):
    """(nabla_b, nabla_w, cost) of the mean cost, by the reverse-mode reference above."""
    ws = [V(w) for w in net.weights]
    bs = [V(b[None, :]) for b in net.biases]
    a = V(X)
    for i, (w, b) in enumerate(zip(ws, bs)):
        z = a @ w.T + b
        if i < len(ws) - 1:
            a = HIDDEN[net.activation.name](z)
        elif net.output == "sigmoid":
            a = _sigmoid(z)
        else:
            logits = z
    n = X.shape[0]
    if net.cost.name == "quadratic":
        d = a - V(Y)
        c = (d * d).sum() * (0.5 / n)
    elif net.cost.name == "cross-entropy":
        c = -((V(Y) * a.log()) + (V(1 - Y) * (-a + 1.0).log())).sum() * (1.0 / n)
    else:  # log-likelihood of softmax(z): −Σ y (z − ln Σ e^z)
        lse = logits.exp().sum(axis=1, keepdims=True).log()
        c = -(V(Y) * (logits - lse)).sum() * (1.0 / n)
    c.backward()
    return [b.grad[0] for b in bs], [w.grad for w in ws], float(c.value)


PAIRS = [(act, out, cost) for act in ("sigmoid", "tanh", "relu")
         for out, cost in (("sigmoid", "quadratic"), ("sigmoid", "cross-entropy"), ("softmax", "log-likelihood"))]
IDS = [f"{a}-{o}-{c}" for a, o, c in PAIRS]


def _net(act, out, cost, sizes=(3, 5, 4, 3), seed=1):
    return Network(sizes, rng=seed, cost=cost, init="scaled", dtype=np.float64, activation=act, output=out)


def _data(sizes, n=9, seed=2):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, sizes[0])), rng.integers(0, sizes[-1], n)


@pytest.mark.parametrize("act,out,cost", PAIRS, ids=IDS)
def test_gradient_equals_autograd_reference(act, out, cost):
    net = _net(act, out, cost)
    X, labels = _data(net.sizes)
    Y = net.targets(labels)
    g = net.gradient(X, labels)
    nb, nw, c = autograd_gradient(net, X, Y)
    assert g.cost == pytest.approx(c, rel=1e-13)
    for mine, ref in zip(g.nabla_b + g.nabla_w, nb + nw):
        np.testing.assert_allclose(mine, ref, rtol=1e-11, atol=1e-14)
    # the comparison can fail: a wrong f′ (σ′ for every layer) is caught
    wrong = Network(net.sizes, rng=1, cost=cost, init="scaled", dtype=np.float64, output=out)
    wrong.set_parameters(net.weights, net.biases)
    if act != "sigmoid":
        assert not np.allclose(wrong.gradient(X, labels).nabla_w[0], nw[0], rtol=1e-6)


@pytest.mark.parametrize("act,out,cost", PAIRS, ids=IDS)
def test_gradient_check_worst_relative_error_below_1e_6(act, out, cost):
    net = _net(act, out, cost)
    X, labels = _data(net.sizes)
    check = gradient_check(net, X, labels, eps=1e-6)
    assert check.relative_error < 1e-8, check
    big = np.abs(check.backprop) > 1e-4   # where finite differences' rounding (~1e-10) is small beside g
    assert big.sum() > 10
    assert check.relative_errors[big].max() < 1e-6
    np.testing.assert_allclose(check.backprop, check.numerical, atol=1e-9)


@pytest.mark.parametrize("act", ["sigmoid", "tanh", "relu"])
def test_forward_uses_the_chosen_activation(act):
    net = _net(act, "softmax", "log-likelihood")
    X, _ = _data(net.sizes)
    zs, acts = net.forward(X)
    f = get_activation(act)
    np.testing.assert_array_equal(acts[1], f.fn(zs[0]))
    np.testing.assert_allclose(acts[-1].sum(axis=1), 1.0, rtol=1e-15)
    np.testing.assert_allclose(net.feedforward(X), softmax(zs[-1]), rtol=1e-15)
    np.testing.assert_allclose(net.feedforward(X[0]), acts[-1][0], rtol=1e-15)


def test_activation_formulas():
    z = np.array([-3.0, -0.5, 0.0, 0.5, 3.0])
    np.testing.assert_allclose(Tanh.fn(z), np.tanh(z))
    np.testing.assert_allclose(Tanh.prime(z), 1 / np.cosh(z) ** 2, rtol=1e-14)
    np.testing.assert_array_equal(ReLU.fn(z), [0, 0, 0, 0.5, 3])
    np.testing.assert_array_equal(ReLU.prime(z), [0, 0, 0, 1, 1])
    np.testing.assert_array_equal(Sigmoid.prime_from(Sigmoid.fn(z), z), Sigmoid.prime(z))
    np.testing.assert_allclose(Tanh.prime_from(Tanh.fn(z), z), Tanh.prime(z), rtol=1e-14)
    big = np.array([[1000.0, 0.0, -1000.0]])
    assert np.all(np.isfinite(softmax(big))) and softmax(big)[0, 0] == 1.0
    assert LogLikelihoodCost.fn(softmax(big), np.array([[0.0, 0, 1]]), big)[0] == pytest.approx(2000.0)


def test_default_network_is_the_seeds_bit_for_bit():
    """Explicit sigmoid/sigmoid is the default, and both equal the seed's per-sample loop."""
    a = Network((4, 5, 3), rng=3, dtype=np.float64)
    b = Network((4, 5, 3), rng=3, dtype=np.float64, activation="sigmoid", output="sigmoid", cost="quadratic")
    X, labels = _data(a.sizes)
    ga, gb = a.gradient(X, labels), b.gradient(X, labels)
    for p, q in zip(ga.nabla_w + ga.nabla_b, gb.nabla_w + gb.nabla_b):
        assert np.array_equal(p, q)
    # the seed's per-sample loop (bpviz.reference) gives the same gradient to rounding
    Y = a.targets(labels)
    ref_b = [np.zeros_like(b) for b in a.biases]
    ref_w = [np.zeros_like(w) for w in a.weights]
    for x, y in zip(X, Y):
        nb, nw = reference.backprop([w for w in a.weights], [b[:, None] for b in a.biases], x[:, None], y[:, None])
        ref_b = [r + q[:, 0] / len(X) for r, q in zip(ref_b, nb)]
        ref_w = [r + q / len(X) for r, q in zip(ref_w, nw)]
    for p, q in zip(ga.nabla_w + ga.nabla_b, ref_w + ref_b):
        np.testing.assert_allclose(p, q, rtol=1e-12, atol=1e-15)
    assert a.cost.name == "quadratic" and a.output == "sigmoid" and a.activation is Sigmoid


def test_pairing_is_refused_otherwise():
    with pytest.raises(ValueError, match="log-likelihood"):
        Network((2, 3, 2), output="softmax", cost="quadratic")
    with pytest.raises(ValueError, match="log-likelihood"):
        Network((2, 3, 2), cost="log-likelihood")
    with pytest.raises(ValueError, match="activation"):
        Network((2, 3, 2), activation="gelu")
    assert Network((2, 3, 2), output="softmax").cost is get_cost("log-likelihood")


@pytest.mark.parametrize("act,out,cost", PAIRS, ids=IDS)
def test_trace_and_nudge_follow_the_activation(act, out, cost):
    net = _net(act, out, cost)
    X, labels = _data(net.sizes)
    t = net.trace(X[0], int(labels[0]))
    f = get_activation(act)
    np.testing.assert_array_equal(t.f_prime(2), f.prime(t.z(2)))
    # BP2 in the trace: δ^l = ((w^{l+1})ᵀ δ^{l+1}) ⊙ f′(z^l)
    np.testing.assert_allclose(t.delta(2), (t.w(3).T @ t.delta(3)) * f.prime(t.z(2)), rtol=1e-12, atol=1e-15)
    if out == "softmax":
        np.testing.assert_allclose(t.delta(4), t.output - t.y, rtol=1e-14)
        with pytest.raises(ValueError):
            t.f_prime(4)
    for p in (Parameter.weight(2, 1, 0), Parameter.bias(3, 2), Parameter.weight(4, 1, 2)):
        c = chain(net, X[0], int(labels[0]), p)
        assert c.total == pytest.approx(c.gradient, rel=1e-10, abs=1e-14)
        assert c.ends_at_z == (out == "softmax")
        nd = nudge(net, X[0], int(labels[0]), p, 1e-6)
        assert nd.delta_cost == pytest.approx(nd.predicted, rel=1e-3, abs=1e-12)


def test_relu_dead_units_replace_saturation():
    net = Network((2, 6, 2), rng=0, dtype=np.float64, activation="relu")
    net.biases[0][:] = [-100, -100, 5, 5, 5, 5]     # units 0 and 1 are off for every input below
    X, labels = _data(net.sizes, n=20)
    masks = batch_saturation(net, X)
    zs, _ = net.forward(X)
    np.testing.assert_array_equal(masks[0], zs[0] <= 0)
    share = saturated_share(net, X)[0]
    assert share[0] == share[1] == 1.0            # dead
    assert np.all(share[2:] < 1.0)
    # a dead unit's bias never moves: its ∂C/∂b is exactly 0
    assert np.all(net.gradient(X, labels).nabla_b[0][:2] == 0)
    sp = speed_of_learning(net, X, labels)
    assert sp.norms[0] == pytest.approx(np.linalg.norm(net.gradient(X, labels).nabla_b[0]))
