"""The step-through sequence, checked against the core without Qt."""

import numpy as np
import pytest

from bpviz.core import Network, sgd, update_mini_batch
from bpviz.scene.steps import BP1, BP2, FORWARD, GRADIENT, INPUT, RESULT, UPDATE, StepSequence, num


def _seq(sizes, m=1, cost="quadratic", seed=0, eta=0.5):
    net = Network(sizes, rng=seed, cost=cost, dtype=np.float64)
    rng = np.random.default_rng(seed + 1)
    X = rng.random((m, sizes[0]))
    labels = rng.integers(0, sizes[-1], m)
    return net, X, labels, StepSequence(net, X, labels, eta)


def test_order_of_steps_for_three_layers():
    _, _, _, seq = _seq((4, 3, 2))
    assert [(s.kind, s.layer) for s in seq.steps] == [
        (INPUT, 1), (FORWARD, 2), (FORWARD, 3), (BP1, 3), (BP2, 2), (GRADIENT, 3), (GRADIENT, 2),
        (UPDATE, 3), (RESULT, 3)]
    assert [s.index for s in seq.steps] == list(range(9))


def test_order_of_steps_for_five_layers():
    _, _, _, seq = _seq((6, 5, 4, 3, 2))
    assert [(s.kind, s.layer) for s in seq.steps] == [
        (INPUT, 1), (FORWARD, 2), (FORWARD, 3), (FORWARD, 4), (FORWARD, 5), (BP1, 5),
        (BP2, 4), (BP2, 3), (BP2, 2), (GRADIENT, 5), (GRADIENT, 4), (GRADIENT, 3), (GRADIENT, 2),
        (UPDATE, 5), (RESULT, 5)]


def test_mini_batch_walks_every_sample_then_updates_once():
    _, _, _, seq = _seq((6, 5, 4, 3, 2), m=4)
    per_sample = 1 + 4 + 1 + 3 + 4
    assert len(seq) == 4 * per_sample + 2
    assert [s.sample for s in seq.steps[:-2]] == [i for i in range(4) for _ in range(per_sample)]
    assert [s.kind for s in seq.steps[-2:]] == [UPDATE, RESULT]


@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy"])
def test_every_shown_value_is_the_traces(cost):
    net, X, labels, seq = _seq((5, 4, 3), m=3, cost=cost)
    traces = net.traces(X, labels)
    for step in seq.steps:
        t = traces[step.sample]
        name, l, v = seq.vector(step)
        if step.kind in (INPUT, FORWARD):
            np.testing.assert_array_equal(v, t.a(l))
        elif step.kind in (BP1, BP2):
            np.testing.assert_array_equal(v, t.delta(l))
        elif step.kind == GRADIENT:
            np.testing.assert_array_equal(v, t.dC_db(l))
            kind, edges = seq.edge_values(step)
            assert kind == "∂C/∂w"
            np.testing.assert_array_equal(edges[l], t.dC_dw(l))
        if step.kind == BP2:
            kind, edges = seq.edge_values(step)
            np.testing.assert_array_equal(edges[l + 1], net.w(l + 1))
            # layers at and after l show δ, the others a
            assert seq.node_values(step, l)[0] == "δ" and seq.node_values(step, l - 1)[0] == "a"


def test_running_sums_accumulate_to_the_cores_gradient():
    net, X, labels, seq = _seq((5, 4, 3), m=6)
    g = net.gradient(X, labels)
    for i in range(2):
        np.testing.assert_allclose(seq.sum_w[i][-1] / 6, g.nabla_w[i], rtol=0, atol=1e-12)
        np.testing.assert_allclose(seq.sum_b[i][-1] / 6, g.nabla_b[i], rtol=0, atol=1e-12)
        np.testing.assert_allclose(seq.sum_w[i][2], sum(t.nabla_w[i] for t in seq.traces[:3]), atol=1e-12)


def test_update_is_exactly_one_sgd_step_of_the_core():
    net, X, labels, seq = _seq((5, 4, 3), m=6, eta=0.8)
    ref = net.copy()
    update_mini_batch(ref, X, ref.targets(labels), 0.8)
    assert seq.after.same_parameters(ref)
    # and the same as the SGD generator on a training set that is exactly this batch
    gen_net = net.copy()
    list(sgd(gen_net, (X, labels), epochs=1, batch_size=6, eta=0.8, rng=0, divergence_factor=None))
    for a, b in zip(seq.after.weights + seq.after.biases, gen_net.weights + gen_net.biases):
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-12)
    # the sequence never touches the network it was made from
    assert net.same_parameters(seq.before)
    kind, dw = seq.edge_values(seq.steps[-2])
    assert kind == "Δw"
    np.testing.assert_array_equal(dw[3], seq.after.w(3) - net.w(3))


def test_equation_texts_carry_the_core_numbers():
    net, X, labels, seq = _seq((5, 4, 3), m=1, cost="quadratic")
    t = net.trace(X[0], labels[0])
    bp1 = next(s for s in seq.steps if s.kind == BP1)
    j = 1
    text = seq.equation(bp1, j)
    assert f"({num(t.a(3)[j])} − {num(t.y[j])})" in text
    assert f"<b>{num(t.delta(3)[j])}</b>" in text
    bp2 = next(s for s in seq.steps if s.kind == BP2)
    assert f"<b>{num(t.delta(2)[2])}</b>" in seq.equation(bp2, 2)
    grad = next(s for s in seq.steps if s.kind == GRADIENT and s.layer == 2)
    text = seq.equation(grad, 3, 4)
    assert f"<b>{num(t.dC_dw(2)[3, 4])}</b>" in text and "a<sup>1</sup><sub>4</sub>" in text
    upd = seq.steps[-2]
    assert f"<b>{num(seq.after.w(3)[0, 2])}</b>" in seq.equation(upd, 0, 2)
    res = seq.steps[-1]
    assert num(seq.output_after[0][0]) in seq.equation(res, 0)


def test_cross_entropy_bp1_text_has_no_sigma_prime():
    net, X, labels, seq = _seq((5, 4, 3), cost="cross-entropy")
    bp1 = next(s for s in seq.steps if s.kind == BP1)
    text = seq.equation(bp1, 0)
    assert "σ′" not in text.split("<br>")[0]
    t = net.trace(X[0], labels[0])
    assert f"<b>{num(t.delta(3)[0])}</b>" in text


def test_num_formatting():
    assert num(-0.0237) == "−0.0237"
    assert num(0.8312) == "0.831"
    assert num(0) == "0"
    assert num(-12.5) == "−12.500"


@pytest.mark.parametrize("a, b", [(0.99999996, 1.0), (0.98512, 0.98534), (1e-9, 2e-9), (0.5, 0.5), (-0.1234567, -0.1234568)])
def test_a_compared_pair_prints_different_whenever_it_differs(a, b):
    from bpviz.scene.steps import distinct

    sa, sb = distinct(a, b)
    assert (sa != sb) == (a != b)


def test_bp1_equation_shows_a_and_y_apart_when_the_output_is_nearly_the_target():
    import re

    net = Network((4, 3, 2), rng=0, dtype=np.float64)
    net.biases[-1][:] = [30.0, -30.0]           # output 0 saturated at a ≈ 1 − 1e−13
    seq = StepSequence(net, np.full((1, 4), 0.5), np.array([0]), 0.5)
    bp1 = next(s for s in seq.steps if s.kind == BP1)
    text = seq.equation(bp1, 0)
    inside = re.search(r"= \(([^()]*)\)·", text).group(1)   # what stands for (a − y)
    parts = inside.split(" − ")
    if len(parts) == 2:
        assert parts[0] != parts[1]
    else:   # too close for 9 digits: the difference itself, which must not read as 0
        assert float(inside.replace("−", "-")) != 0


@pytest.mark.parametrize("lmbda", [0.0, 5.0])
def test_the_update_equation_adds_up_with_and_without_l2(lmbda):
    """The numbers printed in the update step reproduce the new weight (with λ: the decay term)."""
    import re

    net = Network((5, 4, 3), rng=0, dtype=np.float64)
    rng = np.random.default_rng(1)
    seq = StepSequence(net, rng.random((3, 5)), rng.integers(0, 3, 3), 0.5, lmbda=lmbda, n_train=100)
    upd = seq.steps[-2]
    line = seq.equation(upd, 1, 2).split("<br>")[0].replace("−", "-")
    nums = [float(v) for v in re.findall(r"\(?(-?\d+\.\d+(?:e-?\d+)?)\)?", line.split("= ", 1)[1])]
    w1_shown = float(re.search(r"<b>(-?[\d.e-]+)</b>", line).group(1))
    decay = 1.0
    if lmbda:
        decay = nums[0]                       # the factor printed first: (1 − ηλ/n)
        assert abs(decay - (1 - 0.5 * 5.0 / 100)) < 1e-6
    else:
        assert abs(nums[0] - seq.before.w(3)[1, 2]) < 1e-3   # the old weight printed first
    expected = decay * seq.before.w(3)[1, 2] - 0.5 / 3 * seq.sum_w[1][-1][1, 2]
    assert abs(expected - seq.after.w(3)[1, 2]) < 1e-12
    assert abs(w1_shown - expected) < 1e-3
