"""``bpviz explain gradcheck | why-fast | nudge`` and the why-fast experiment behind them."""

import re

import numpy as np
import pytest

from bpviz.cli import main
from bpviz.core import Network, Parameter, chain, gradient_check, nudge
from bpviz.explain.why import CountingNetwork, fast_row, sample_for, why_fast

NUM = r"(-?\d+\.\d+e[+-]\d+)"


# -- why-fast ------------------------------------------------------------------------------------
@pytest.mark.parametrize("sizes", [(2, 3, 2), (5, 4, 3, 2)], ids=str)
def test_pass_counts_are_exactly_2p_and_2(sizes):
    net = Network(sizes, rng=0, dtype=np.float64)
    x, y = np.random.default_rng(1).random(sizes[0]), 1
    row = fast_row(net, x, y, seconds=10.0)
    assert not row.extrapolated and row.parameters_timed == row.parameters == net.num_parameters
    assert row.passes_counted == row.numerical_passes == 2 * net.num_parameters
    assert (row.backprop_forward, row.backprop_backward, row.backprop_passes) == (1, 1, 2)
    # the central differences that were timed are right (so the time is of a real gradient)
    assert row.max_difference < 1e-8
    assert row.numerical_seconds > 0 and row.backprop_seconds > 0


def test_counting_network_counts_what_runs():
    net = CountingNetwork.of(Network((3, 4, 2), rng=0, dtype=np.float64))
    X = np.zeros((5, 3))
    net.forward(X)
    net.feedforward(X[0])  # the separate inference path: not a pass of backprop's kind
    net.gradient(X, np.zeros(5, dtype=int))
    assert (net.forward_passes, net.backward_passes) == (2, 1)


def test_large_net_is_extrapolated_and_says_so():
    net = Network((784, 30, 10), rng=0, init="scaled", dtype=np.float64)
    x = np.random.default_rng(0).random(784)
    row = fast_row(net, x, 3, seconds=0.0, min_timed=50, rng=1)
    assert row.extrapolated and 50 <= row.parameters_timed < row.parameters == 23860
    assert row.passes_counted == 2 * row.parameters_timed
    assert row.numerical_passes == 2 * row.parameters
    assert "extrapolated from" in repr(row)


def test_ratio_grows_with_the_number_of_parameters():
    rows = why_fast([(2, 3, 2), (20, 20, 10), (100, 60, 10)], max_seconds=6.0, rng=0)
    P = [r.parameters for r in rows]
    assert P == [17, 630, 6670]
    assert all(not r.extrapolated for r in rows)
    ratios = [r.ratio for r in rows]
    assert ratios[0] < ratios[1] < ratios[2], rows
    assert ratios[2] > 10 * ratios[0]


# -- the command line ------------------------------------------------------------------------------
def _run(capsys, *argv):
    code = main(["explain", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_gradcheck_prints_every_parameter_and_the_worst(capsys):
    code, out, _ = _run(capsys, "gradcheck", "--sizes", "2,3,2", "--seed", "3")
    assert code == 0
    lines = out.splitlines()
    rows = [line for line in lines if re.match(r"^[wb][²³]", line)]
    assert len(rows) == 17
    assert rows[0].startswith("w²₀₀") and rows[-1].startswith("b³₁")
    net = Network((2, 3, 2), rng=3, dtype=np.float64)
    x, y, _ = sample_for(net.sizes, 0, 3)
    check = gradient_check(net, x[None], np.array([y]), eps=1e-6)
    for line, r in zip(rows, check.rows(sort=False)):
        bp, numerical = map(float, re.findall(NUM, line)[:2])
        assert bp == pytest.approx(r.backprop, rel=1e-6, abs=1e-12)
        assert numerical == pytest.approx(r.numerical, rel=1e-6, abs=1e-12)
    worst = check.rows()[0]
    assert lines[-1].startswith("worst relative error")
    assert f"{worst.relative_error:.2e}" in lines[-1] and worst.parameter.name in lines[-1]
    assert worst.relative_error < 1e-7


def test_gradcheck_samples_large_nets_and_says_so(capsys):
    code, out, _ = _run(capsys, "gradcheck", "--sizes", "784,30,10", "--max-params", "60", "--dtype", "float32")
    assert code == 0
    assert "A random sample of 60 of 23,860 parameters" in out
    assert "float32" in out.splitlines()[0]


def test_why_fast_prints_one_line_per_net(capsys):
    code, out, _ = _run(capsys, "why-fast", "--sizes", "2,3,2", "--sizes", "10,8,4", "--max-seconds", "2")
    assert code == 0
    lines = [line for line in out.splitlines() if "parameters P" in line]
    assert len(lines) == 2
    # backprop's two passes are one forward and one backward pass, not "2" beside 2P forward passes
    assert re.search(r"parameters P = +17 +central differences 2P = +34 forward passes, backprop 1 forward "
                     r"\+ 1 backward ", lines[0])
    assert re.search(r"parameters P = +124 +central differences 2P = +248 forward passes, ", lines[1])
    assert "vs 2 " not in out and "one continuous run" in out
    assert all("ratio" in line and "extrapolated" not in line for line in lines)


def test_nudge_prints_the_core_numbers(capsys):
    code, out, _ = _run(capsys, "nudge", "--sizes", "2,3,4,2", "--weight", "2,1,1", "--dw", "0.01", "--seed", "2")
    assert code == 0
    net = Network((2, 3, 4, 2), rng=2, dtype=np.float64)
    x, y, _ = sample_for(net.sizes, 0, 2)
    p = Parameter.weight(2, 1, 1)
    n, c = nudge(net, x, y, p, 0.01), chain(net, x, y, p)
    measured = float(re.search(r"ΔC measured.*= *" + NUM, out).group(1))
    predicted = float(re.search(r"\(backprop\) *= *" + NUM, out).group(1))
    assert measured == pytest.approx(n.delta_cost, rel=1e-6)
    assert predicted == pytest.approx(n.predicted, rel=1e-6)
    assert f"{n.ratio:.6f}" in out
    assert "layer 3:" in out and "layer 4:" in out
    assert "strongest of 8 paths: " + " → ".join(f"a{'²³⁴'[i]}{'₀₁₂₃'[j]}" for i, j in enumerate(c.best_path)) in out


def test_nudge_on_mnist_and_a_bias(capsys):
    code, out, _ = _run(capsys, "nudge", "--sizes", "784,30,10", "--bias", "3,7", "--index", "2")
    assert code == 0
    assert "mnist-bundled test image 2" in out and "b³₇" in out


@pytest.mark.parametrize("argv, message", [
    (["nudge", "--sizes", "2,3,2", "--weight", "4,0,0"], "layer l must be 2..3"),
    (["nudge", "--sizes", "2,3,2", "--weight", "2,3,0"], "j must be 0..2"),
    (["nudge", "--sizes", "2,3,2", "--weight", "2,1"], "L,J,K"),
    (["nudge", "--sizes", "2,0,2", "--weight", "2,0,0"], "at least one neuron"),
    (["gradcheck", "--sizes", "2"], "at least two layers"),
    (["gradcheck", "--eps", "0"], "--eps must be > 0"),
    (["why-fast", "--sizes", "3,x"], "whole numbers"),
])
def test_errors_are_one_line(capsys, argv, message):
    code, out, err = _run(capsys, *argv)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
