"""The step-through with tanh, ReLU and softmax neurons: every number is the core's, and f, f′ and
δᴸ are named for what they are."""

import html
import re

import numpy as np
import pytest

from bpviz.core import Network
from bpviz.core.activations import get_activation, softmax
from bpviz.scene import code
from bpviz.scene.steps import BP1, BP2, FORWARD, GRADIENT, StepSequence, general_equations, num

PAIRS = [("tanh", "sigmoid", "quadratic"), ("relu", "sigmoid", "cross-entropy"), ("tanh", "softmax", None),
         ("relu", "softmax", None), ("sigmoid", "softmax", None)]


def _seq(act, out, cost, m=3, sizes=(3, 5, 4, 3)):
    net = Network(sizes, rng=2, cost=cost, activation=act, output=out, dtype=np.float64)
    rng = np.random.default_rng(5)
    X, labels = rng.standard_normal((m, sizes[0])), rng.integers(0, sizes[-1], m)
    return net, X, labels, StepSequence(net, X, labels, eta=0.5)


def _text(s):
    return html.unescape(re.sub(r"<[^>]+>", "", s))


@pytest.mark.parametrize("act,out,cost", PAIRS, ids=lambda v: str(v))
def test_step_numbers_equal_the_cores(act, out, cost):
    net, X, labels, seq = _seq(act, out, cost)
    f = get_activation(act)
    core = net.batch_pass(X, labels)            # the core's own pass, made apart from the sequence's
    for step in seq.steps:
        i, l = step.sample, step.layer
        t = core.trace(i)
        single = net.trace(X[i], int(labels[i]))   # one sample alone: the same to rounding
        np.testing.assert_allclose(single.deltas[0], t.deltas[0], rtol=1e-12, atol=1e-15)
        name, layer, values = seq.vector(step)
        if step.kind in (BP1, BP2):
            np.testing.assert_array_equal(values, t.delta(l))
        if step.kind == FORWARD:
            np.testing.assert_array_equal(values, t.a(l))
        if step.kind == GRADIENT:
            np.testing.assert_array_equal(values, t.dC_db(l))
        for j in range(net.sizes[l - 1] if l >= 2 else 0):
            eq = _text(seq.equation(step, j))
            if step.kind == FORWARD:
                fname = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU"}[act] if l < net.num_layers else None
                assert num(t.a(l)[j]) in eq
                if fname:   # z is shown with the digits it takes for f(shown z) to give the shown a
                    m = re.search(re.escape(fname) + r"\((−?[\d.]+)\) = ", eq)
                    assert m, eq
                    shown_z = m.group(1)
                    assert any(num(t.z(l)[j], d) == shown_z for d in range(3, 10)), (shown_z, t.z(l)[j])
                    assert num(f.fn(np.float64(shown_z.replace("−", "-")))) == num(t.a(l)[j])
                elif out == "softmax":
                    assert "Σ" in eq and num(softmax(t.z(l))[j]) in eq
            if step.kind == BP2:
                fp = f.prime(t.z(l))[j]
                assert num(t.delta(l)[j]) in eq and any(num(fp, d) in eq for d in range(3, 10))
                assert f"{ {'sigmoid': 'σ', 'tanh': 'tanh', 'relu': 'ReLU'}[act]}′" in eq
            if step.kind == BP1 and out == "softmax":
                assert num(t.delta(l)[j]) in eq and "σ′" not in eq
                np.testing.assert_allclose(t.delta(l), t.output - t.y, rtol=1e-14)


def test_relu_off_neurons_are_said_to_be_off_exactly_when_z_is_not_positive():
    net, X, labels, seq = _seq("relu", "sigmoid", "quadratic", m=4)
    seen = set()
    for step in (s for s in seq.steps if s.kind == BP2):
        t = seq.trace(step)
        for j in range(net.sizes[step.layer - 1]):
            (claim,) = seq.claims(step, j)
            off = t.z(step.layer)[j] <= 0
            assert claim.what == "off" and claim.stated == ("yes" if off else "no")
            assert ("is off" in _text(seq.equation(step, j))) == off
            seen.add(off)
    assert seen == {True, False}    # both cases occurred


def test_tanh_saturation_is_decided_from_tanh_prime():
    net = Network((2, 3, 2), rng=0, activation="tanh", dtype=np.float64)
    net.weights[0][:] = [[9.0, 9.0], [0.1, 0.1], [-8.0, 3.0]]
    x = np.array([1.0, 1.0])
    seq = StepSequence(net, x, np.array([1]), eta=0.5)
    step = next(s for s in seq.steps if s.kind == BP2)
    claims = [seq.claims(step, j)[0] for j in range(3)]
    fp = 1 - np.tanh(net.weights[0] @ x + net.biases[0]) ** 2
    assert [c.stated for c in claims] == ["yes" if v < 0.04 else "no" for v in fp]
    assert claims[0].stated == "yes" and claims[1].stated == "no"


def test_captions_and_general_equations_name_the_neurons():
    _, _, _, seq = _seq("relu", "softmax", None, m=1)
    caps = {s.kind: s.caption for s in seq.steps}
    assert "softmax" in seq.steps[3].caption or any("softmax" in s.caption for s in seq.steps if s.kind == FORWARD)
    assert "log-likelihood" in caps[BP1] and "ReLU′" in caps[BP2]
    eqs = dict(general_equations("log-likelihood", activation="relu", output="softmax"))
    assert "ReLU′" in eqs["bp2"] and "softmax" in eqs["a"] and "log-likelihood" in eqs["bp1"]
    seed = dict(general_equations("quadratic"))
    assert "σ′(z<sup>l</sup>)" in seed["bp2"] and seed["a"] == "a<sup>l</sup> = σ(z<sup>l</sup>)"


@pytest.mark.parametrize("mode", code.MODES)
@pytest.mark.parametrize("act,out,cost", PAIRS, ids=lambda v: str(v))
def test_code_pane_names_f_and_its_lines_run(mode, act, out, cost):
    from bpviz import reference
    from bpviz.core.sgd import update_mini_batch
    from tests.scene.test_code import _traced

    net, X, labels, seq = _seq(act, out, cost, m=2)
    all_notes = [n for step in seq.steps for n in code.step_notes(seq, step, mode)]
    fnotes = [n for n in all_notes if n.result and n.result.expr in ("sp", "fp")]
    sym = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU"}[act]
    assert fnotes and all(sym + "′" in n.form for n in fnotes)
    if mode == code.SAMPLE:
        pairs = reference.as_pairs(X, labels, net.sizes[-1])
        run = lambda: reference.update_mini_batch(net.weights, [b[:, None] for b in net.biases], pairs, 0.5,  # noqa: E731
                                                  net.cost.name, act, out)
    else:
        copy = net.copy()
        run = lambda: update_mini_batch(copy, copy.check_inputs(X), copy.targets(labels, 2), 0.5)  # noqa: E731
    seen = _traced(mode, all_notes, run)
    for note in all_notes:
        assert note in seen, f"{note} never ran"
        assert seen[note][0] == tuple(t.shape for t in note.operands), note


def test_saturation_captions_follow_the_neuron():
    from bpviz.scene.saturation import neuron_caption, overlay, share_caption

    net = Network((2, 4, 3), rng=1, activation="relu", output="softmax", dtype=np.float64)
    net.biases[0][:] = [-50, 50, -50, 50]
    t = net.trace(np.array([0.3, -0.2]), 1)
    assert "is off" in neuron_caption(t, 2, 0) and "is on" in neuron_caption(t, 2, 1)
    assert "softmax output" in neuron_caption(t, 3, 1) and num(t.output[1] - 1).replace("−", "-")[:4] in \
        neuron_caption(t, 3, 1).replace("−", "-")
    ov = overlay(t)
    np.testing.assert_array_equal(ov.mask(2), [True, False, True, False])
    assert not ov.mask(3).any()
    assert "2 of 4 neurons are off for every sample (dead)" in share_caption(np.array([1.0, 0, 1.0, 0.5]), 2,
                                                                              activation="relu")
