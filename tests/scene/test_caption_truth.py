"""Every claim every caption makes, checked against numbers recomputed here (plain NumPy).

Random nets, costs, learning rates (large ones make steps overshoot), samples and mini-batches;
each step's structured claims (StepSequence.claims) must agree with an independent forward
pass of the network before and after the core's update, and the caption must say it.
"""

import re
from pathlib import Path

import numpy as np
import pytest

from bpviz.core import Network
from bpviz.core.learning import SATURATION_THRESHOLD
from bpviz.scene.steps import BP1, BP2, FORWARD, GRADIENT, RESULT, UPDATE, StepSequence


def _forward(weights, biases, x):
    a, zs, acts = np.asarray(x, dtype=float), [], [np.asarray(x, dtype=float)]
    for w, b in zip(weights, biases):
        z = np.asarray(w, dtype=float) @ a + np.asarray(b, dtype=float)
        a = 1 / (1 + np.exp(-z))
        zs.append(z)
        acts.append(a)
    return zs, acts


def _cost(cost, a, y):
    if cost == "quadratic":
        return 0.5 * float(np.sum((a - y) ** 2))
    a = np.clip(a, 1e-300, 1 - 1e-16)
    return float(np.sum(np.nan_to_num(-y * np.log(a) - (1 - y) * np.log(1 - a))))


N = r"\(?(−?\d+(?:\.\d+)?(?:e[−+]\d+)?)\)?"


def _val(t):
    return float(t.replace("−", "-"))


def _half_unit(t):
    """Half a unit of the last digit shown in t ("0.0865" → 0.00005, "1.2e−05" → 5e-07)."""
    mant, _, exp = t.replace("−", "-").partition("e")
    decimals = len(mant.split(".")[1]) if "." in mant else 0
    return 0.5 * 10.0 ** ((int(exp) if exp else 0) - decimals)


def _reproduces(value, shown):
    """The shown result is the value computed from the shown numbers, to its shown digits."""
    assert abs(value - _val(shown)) <= _half_unit(shown) * (1 + 1e-9) + 1e-15, (value, shown)


def _sum_of(text):
    """Σ of "x·y + x·y + … (n more terms, together r) + b" as printed."""
    rest = re.search(r" \+ … \(\d+ more terms, together " + N + r"\)", text)
    total = _val(rest.group(1)) if rest else 0.0
    if rest:
        text = text[:rest.start()] + text[rest.end():]
    for part in text.split(" + "):
        total += float(np.prod([_val(f.strip("()")) for f in part.split("·")]))
    return total


def _check_arithmetic(seq, step, text):
    """Every equation's shown numbers reproduce its shown results (issue 21, item 10)."""
    plain = re.sub(r"<[^>]+>", "", text.replace("<br>", "\n")).replace("&nbsp;", " ")
    lines = plain.split("\n")
    checked = 0
    for line in lines:
        if step.kind == FORWARD and line.startswith("z"):
            head, total = re.match(r".*?= (.*) = " + N + r"$", line.split(" = ", 1)[1]).groups()
            _reproduces(_sum_of(head), total)
            checked += 1
        elif step.kind == FORWARD and line.startswith("a"):
            z, a = re.search(r"= σ\(" + N + r"\) = " + N + "$", line).groups()
            _reproduces(1 / (1 + np.exp(-_val(z))), a)
            checked += 1
        elif step.kind == BP1 and line.startswith("δ"):
            m = re.search(r"= \(" + N + " − " + N + r"\)·" + N + " = " + N + "$", line)
            if m:
                a, y, sp, d = m.groups()
                _reproduces((_val(a) - _val(y)) * _val(sp), d)
            else:
                a, y, d = re.search(r"= " + N + " − " + N + " = " + N + "  ", line).groups()
                _reproduces(_val(a) - _val(y), d)
            checked += 1
        elif step.kind == BP2 and line.startswith("δ"):
            parts = line.split(" = ")
            terms = parts[2][1:parts[2].rindex(")·")]
            s, sp = re.fullmatch(N + "·" + N, parts[3]).groups()
            d = re.fullmatch(N, parts[4]).group(1)
            _reproduces(_val(s) * _val(sp), d)
            _reproduces(_sum_of(terms), s)
            checked += 1
        elif step.kind == GRADIENT and line.startswith("BP4"):
            a, d, g = re.search(r"= " + N + "·" + N + " = " + N + "$", line).groups()
            _reproduces(_val(a) * _val(d), g)
            checked += 1
        elif step.kind == UPDATE and "→" in line:
            rate = seq.eta / seq.m
            m = re.search(r"= " + N + "·" + N + r" − [\d.]+/\d+·" + N + " = " + N, line)
            if m:
                dec, w, g, w1 = m.groups()
                _reproduces(_val(dec) * _val(w) - rate * _val(g), w1)
            else:
                w, g, w1 = re.search(r"= " + N + r" − [\d.]+/\d+·" + N + " = " + N, line).groups()
                _reproduces(_val(w) - rate * _val(g), w1)
            checked += 1
    return checked


def _cases(n):
    rng = np.random.default_rng(2024)
    for case in range(n):
        depth = int(rng.integers(3, 6))
        sizes = tuple(int(v) for v in rng.integers(2, 7, depth))
        cost = ("quadratic", "cross-entropy")[case % 2]
        eta = float(10 ** rng.uniform(-1.5, 1.7))     # up to 50: some steps overshoot
        m = int(rng.choice([1, 1, 2, 3, 7]))
        net = Network(sizes, rng=case, cost=cost, dtype=np.float64)
        X = rng.random((m, sizes[0])) * rng.choice([1.0, 6.0])
        X[:, rng.random(sizes[0]) < 0.3] = 0.0          # silent inputs
        labels = rng.integers(0, sizes[-1], m)
        yield net, X, labels, eta, StepSequence(net, X, labels, eta)


def _params_at(seq, t):
    """θ_before + t·(θ_after − θ_before) in float64 (a step of the same direction, t times as long)."""
    w = [np.asarray(b, float) + t * (np.asarray(a, float) - np.asarray(b, float))
         for b, a in zip(seq.before.weights, seq.after.weights)]
    b = [np.asarray(b, float) + t * (np.asarray(a, float) - np.asarray(b, float))
         for b, a in zip(seq.before.biases, seq.after.biases)]
    return w, b


def _tiny_step_change(seq, quantity, t=1e-5):
    """(q(θ + tΔθ) − q(θ − tΔθ)) / 2t: the first-order change of q along the update, by central
    differences in float64 through this file's own forward pass (independent of the core)."""
    return (quantity(*_params_at(seq, t)) - quantity(*_params_at(seq, -t))) / (2 * t)


def _check_cause(claim, actual, tiny, spacing):
    """A stated cause agrees with the independently measured first-order change ``tiny``."""
    assert np.isclose(claim.values[0], tiny, rtol=1e-2, atol=1e-12), (claim, tiny)
    if claim.stated == "overshoot":
        assert tiny * actual < 0, (claim, tiny, actual)
        assert "overshot" in claim.words or "step is large" in claim.words
    elif claim.stated == "direction":
        assert tiny * actual >= 0, (claim, tiny, actual)
        assert "overshot" not in claim.words
    elif claim.stated == "rounding":
        assert abs(tiny) < spacing and abs(actual) <= 4 * spacing, (claim, tiny, actual, spacing)
        assert "rounding" in claim.words
    else:
        assert claim.stated == "none" and actual == 0


def _check_result(seq, net, X, labels, step):
    claims = {c.what: c for c in seq.claims(step)}
    for c in claims.values():
        assert c.words in step.caption
    if "kept_weights" in claims:
        assert not seq.update_ok
        return {}
    Ys = []
    for lab in labels:
        y = np.zeros(net.sizes[-1])
        y[lab] = 1
        Ys.append(y)

    def costs(w, b):
        return [_cost(net.cost.name, _forward(w, b, x)[1][-1], y) for x, y in zip(X, Ys)]

    bw, bb = net.weights, net.biases
    costs0, costs1 = costs(bw, bb), costs(seq.after.weights, seq.after.biases)
    c0, c1 = np.mean(costs0), np.mean(costs1)
    cost = claims["cost"]
    seen = {}
    if not np.isclose(c0, c1, rtol=1e-9, atol=1e-12):   # a tie within rounding may be called either way
        assert cost.stated == ("down" if c1 < c0 else "up"), (c0, c1, step.caption)
        assert ("went down" in step.caption) == (c1 < c0)
    if cost.stated == "down":
        assert "cost_cause" not in claims
    else:   # why it did not go down: checked against a tiny step along the same update
        c = claims["cost_cause"]
        tiny = _tiny_step_change(seq, lambda w, b: np.mean(costs(w, b)))
        _check_cause(c, c1 - c0, tiny, c.values[2])
        seen["cost " + c.stated] = 1
    if seq.m == 1:
        x, lab = X[0], labels[0]
        b, a = _forward(bw, bb, x)[1][-1][lab], _forward(seq.after.weights, seq.after.biases, x)[1][-1][lab]
        if not np.isclose(a, b, rtol=1e-9, atol=1e-12):
            stated = claims["target"].stated
            assert stated == ("rose" if a > b else "fell"), (b, a, step.caption)
            assert ("towards" in step.caption) == (a > b)
            assert ("away" in step.caption) == (a < b)
        c = claims["target_cause"]
        tiny = _tiny_step_change(seq, lambda w, bs: _forward(w, bs, x)[1][-1][lab])
        _check_cause(c, a - b, tiny, c.values[2])
        own = c.values[3]
        if "other outputs" in c.words:   # the first-order change splits into own error (up) and the rest (down)
            assert own > 0 > tiny - own and tiny < 0
        seen[f"target {claims['target'].stated} {c.stated}"] = 1
    else:
        rose = sum(_forward(seq.after.weights, seq.after.biases, x)[1][-1][lab] > _forward(bw, bb, x)[1][-1][lab]
                   for x, lab in zip(X, labels))
        fell = int(np.sum(np.array(costs1) < np.array(costs0)))
        assert claims["targets_rose"].stated == str(int(rose))
        assert claims["costs_fell"].stated == str(fell)
        assert ("mean_not_each" in claims) == (c1 < c0 and fell < seq.m)
        assert ("not every sample" in step.caption) == ("mean_not_each" in claims)
        seen["batch mean_not_each" if "mean_not_each" in claims else "batch"] = 1
    return seen


@pytest.mark.parametrize("start", range(0, 120, 30))
def test_every_caption_agrees_with_its_numbers(start):
    _check_cases(start)


def _check_cases(start):
    checked = {"result": 0, "saturated": 0, "not saturated": 0, "silent": 0, "arithmetic": 0}
    causes = {}
    for case, (net, X, labels, _eta, seq) in enumerate(_cases(start + 30)):
        if case < start:
            continue
        for step in seq.steps:
            if step.kind == RESULT:
                seen = _check_result(seq, net, X, labels, step)
                checked["result"] += 1
                causes.update(seen)
                continue
            x = X[step.sample]
            zs, acts = _forward(net.weights, net.biases, x)
            for j in range(net.sizes[step.layer - 1]) if step.kind in (BP1, BP2, GRADIENT, FORWARD) else [None]:
                claims = seq.claims(step, j)
                text = seq.equation(step, j)
                checked["arithmetic"] += _check_arithmetic(seq, step, text)
                for c in claims:
                    if c.what == "saturated":
                        z = zs[step.layer - 2][j]
                        sp = float(np.exp(-z) / (1 + np.exp(-z)) ** 2)
                        if abs(sp - SATURATION_THRESHOLD) > 1e-9:
                            assert c.stated == ("yes" if sp < SATURATION_THRESHOLD else "no"), (sp, c)
                        assert ("saturated" in text) == (c.stated == "yes")
                        checked["saturated" if c.stated == "yes" else "not saturated"] += 1
                    elif c.what == "silent_inputs":
                        silent = acts[step.layer - 2] == 0
                        assert c.values[0] == int(silent.sum())
                        t = seq.trace(step)
                        dw = t.dC_dw(step.layer)
                        assert np.all(dw[:, silent] == 0)
                        # the rule the caption states is the whole story: every other edge's
                        # gradient is its end's error times its start's activation (BP4), so an
                        # edge gets none only when one of the two is 0 (recomputed here)
                        expect = np.outer(t.delta(step.layer), acts[step.layer - 2])
                        np.testing.assert_allclose(dw, expect, rtol=1e-5, atol=1e-12)
                        # the equation states the count, and only when there are silent inputs
                        assert (f"{int(silent.sum())} of the {silent.size} neurons" in text) == bool(silent.any())
                        assert (c.stated == "no gradient") == bool(silent.any())
                        checked["silent"] += int(silent.any())
                    else:
                        pytest.fail(f"unchecked claim {c}")
    # the random cases do exercise every branch (a test that cannot fail is a defect)
    assert all(v > 0 for v in checked.values()), checked
    return causes


def test_the_random_cases_reach_every_cause():
    """Between them the cases state each cause the result caption knows (else a branch is unchecked)."""
    causes = {}
    for start in range(0, 120, 30):
        causes.update(_check_cases(start))
    for key in ("cost overshoot", "target fell direction", "target rose direction",
                "batch", "batch mean_not_each"):
        assert key in causes, sorted(causes)


def test_shipped_model_target_falls_without_overshoot():
    """The issue's case: the seed model at η = 3, m = 1, first 300 test images. 30 target outputs fall,
    in every one the cost falls too, and a tiny step the same way lowers that output as well: so none is
    an overshoot. Each stated cause is checked against a tiny step computed here."""
    from bpviz.core.io import load_network
    from bpviz.data import load_dataset

    net, _ = load_network(Path(__file__).parents[2] / "assets/models/mnist-784-30-10-seed.npz")
    test = load_dataset("mnist-bundled").test
    fell = {}
    for i in range(300):
        x, lab = test.x[i], int(test.labels[i])
        seq = StepSequence(net, x, np.array([lab]), 3.0)
        c = {c.what: c for c in seq.result_claims()}
        if c["target"].stated != "fell":
            continue
        fell[i] = c["target_cause"].stated
        assert c["cost"].stated == "down"
        caption = seq.result_caption()
        assert "overshot" not in caption
        tiny = _tiny_step_change(seq, lambda w, b: _forward(w, b, x)[1][-1][lab])
        _check_cause(c["target_cause"], c["target"].values[1] - c["target"].values[0], tiny,
                     c["target_cause"].values[2])
    assert len(fell) == 30 and set(fell.values()) <= {"direction", "rounding"}, fell
    assert fell[4] == "direction" and fell[6] == "direction"


def test_an_output_that_overshoots_is_called_so():
    """[2,3,2] seed 57, x = (0.5, 1), label 0, η = 30: the target output falls although a tiny step the
    same way raises it — an overshoot for this output (while the sample's cost falls)."""
    net = Network((2, 3, 2), rng=57, dtype=np.float64)
    x = np.array([0.5, 1.0])
    seq = StepSequence(net, x[None, :], np.array([0]), 30.0)
    c = {c.what: c for c in seq.result_claims()}
    assert c["target"].stated == "fell" and c["cost"].stated == "down"
    tiny = _tiny_step_change(seq, lambda w, b: _forward(w, b, x)[1][-1][0])
    assert tiny > 0
    _check_cause(c["target_cause"], c["target"].values[1] - c["target"].values[0], tiny, c["target_cause"].values[2])
    assert c["target_cause"].stated == "overshoot" and "overshot" in seq.result_caption()


def test_a_batch_whose_cost_rises_is_not_said_to_fall_on_average():
    """Issue item 2: "one step lowers the batch's cost on average" beside a cost that went up."""
    found = 0
    for net, X, labels, eta, seq in _cases(120):
        if seq.m == 1 or not seq.update_ok:
            continue
        c = {c.what: c for c in seq.result_claims()}
        if c["cost"].stated == "up":
            found += 1
            caption = seq.result_caption()
            assert "not every sample" not in caption and "on average" not in caption
            assert c["cost_cause"].stated in ("overshoot", "direction", "rounding")
    assert found > 0


def test_the_result_step_shows_one_side():
    """Issue item 10: at "the result" the target's tooltip read a = σ(z) = 0.532 (before) beside the caption's
    0.532 → 0.962, and XOR's labels kept the old biases: everything shown there is after the update."""
    net = Network((2, 3, 2), rng=5, dtype=np.float64)
    seq = StepSequence(net, np.array([[0.3, 0.8]]), np.array([1]), 3.0)
    result = seq.steps[len(seq) - 1]
    assert result.kind == RESULT
    after = seq.shown_activations(result)
    _, expected = _forward(seq.after.weights, seq.after.biases, np.array([0.3, 0.8]))
    for a, e in zip(after, expected):
        np.testing.assert_allclose(a, e, rtol=1e-12)
    assert seq.shown_network(result) is seq.after
    before_step = seq.steps[len(seq) - 2]
    assert seq.shown_network(before_step) is seq.before
    np.testing.assert_allclose(seq.shown_activations(before_step)[-1], seq.trace(before_step).output)
    # the equation's "after" value of the target is the activation shown
    text = seq.equation(result)
    shown_after = re.search(r"target neuron 1: \S+ → <b>(\S+)</b>", text).group(1)
    assert abs(_val(shown_after) - after[-1][1]) <= _half_unit(shown_after)


@pytest.mark.parametrize("lmbda", [0.0, 5.0])
def test_the_update_equations_show_the_decay_they_apply(lmbda):
    """Issue item 6: with λ > 0 the general update equation and the update caption carry (1 − ηλ/n), as the
    numbers do; without λ neither does."""
    from bpviz.scene.steps import general_equations

    net = Network((3, 4, 2), rng=1, dtype=np.float64)
    seq = StepSequence(net, np.array([[0.2, 0.5, 0.9]]), np.array([1]), 3.0, lmbda=lmbda, n_train=100)
    update = next(s for s in seq.steps if s.kind == UPDATE)
    general = dict(general_equations(net.cost.name, seq.lmbda))["update"]
    decay = 1 - 3.0 * lmbda / 100
    w0, w1 = seq.before.w(3), seq.after.w(3)
    assert np.allclose(w1, decay * w0 - 3.0 * seq.batch.sum_nabla_w(3, 1))   # the numbers apply it …
    assert ("1 − ηλ/n" in general) == bool(lmbda)                             # … and the equations say it
    assert ("1 − ηλ/n" in update.caption) == bool(lmbda)
    assert ("1 − ηλ/n" in seq.equation(update)) == bool(lmbda)
    if lmbda:
        assert "0.850000" in update.caption
