"""Speed of learning per layer and saturation (bpviz.core.learning)."""

import numpy as np
import pytest

from bpviz.core import Network
from bpviz.core.activations import sigmoid_prime
from bpviz.core.learning import (
    BOOK_SPEEDS,
    SATURATION_THRESHOLD,
    SATURATION_Z,
    batch_saturation,
    book_speeds,
    mean_nabla_b,
    output_saturation,
    saturated_share,
    speed_of_learning,
    speeds_at_init,
    trace_saturation,
)
from bpviz.data import load_dataset


@pytest.fixture(scope="module")
def first_1000():
    d = load_dataset("mnist-bundled")
    return d.train.x[:1000], d.train.labels[:1000]


def _per_sample_nabla_b(net, X, labels):
    """An independent oracle: the book's per-sample loop over column vectors, in float64."""
    ws = [w.astype(np.float64) for w in net.weights]
    bs = [b.astype(np.float64)[:, None] for b in net.biases]
    sums = [np.zeros_like(b) for b in bs]
    for x, label in zip(X, labels):
        a = x.astype(np.float64)[:, None]
        zs, acts = [], [a]
        for w, b in zip(ws, bs):
            z = w @ a + b
            a = 1 / (1 + np.exp(-z))
            zs.append(z)
            acts.append(a)
        y = np.zeros_like(a)
        y[label] = 1
        delta = acts[-1] - y
        if net.cost.name == "quadratic":
            delta = delta * sigmoid_prime(zs[-1])
        deltas = [delta]
        for l in range(len(ws) - 1, 0, -1):
            delta = (ws[l].T @ delta) * sigmoid_prime(zs[l - 1])
            deltas.insert(0, delta)
        for s, d in zip(sums, deltas):
            s += d
    return [s[:, 0] / len(X) for s in sums]


@pytest.mark.parametrize("cost", ["cross-entropy", "quadratic"])
def test_speed_equals_norm_of_mean_per_sample_gradient(cost, first_1000):
    X, y = first_1000[0][:200], first_1000[1][:200]
    net = Network([784, 12, 9, 10], rng=3, cost=cost, init="scaled", dtype=np.float64)
    expected = [np.linalg.norm(v) for v in _per_sample_nabla_b(net, X, y)]
    sp = speed_of_learning(net, X, y)
    np.testing.assert_allclose(sp.norms, expected, rtol=1e-10)
    assert sp.layers == (2, 3, 4) and sp.hidden_layers == (2, 3)
    assert sp.of(2) == sp.norms[0] and sp.output == sp.norms[-1]
    assert sp.cost == pytest.approx(net.total_cost(X, y), rel=1e-12)


def test_chunked_sums_equal_one_pass(first_1000, monkeypatch):
    X, y = first_1000
    net = Network([784, 30, 30, 10], rng=1, cost="cross-entropy", init="scaled", dtype=np.float64)
    whole, _ = mean_nabla_b(net, X, y)
    monkeypatch.setattr("bpviz.core.learning._CHUNK", 77)
    chunked, _ = mean_nabla_b(net, X, y)
    for a, b in zip(whole, chunked):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-15)
    # and the core's own batched gradient agrees
    for a, b in zip(whole, net.gradient(X, y).nabla_b):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-15)


@pytest.mark.parametrize("sizes", sorted(BOOK_SPEEDS))
def test_chapter5_pattern_on_the_bundled_images(sizes, first_1000):
    """Each earlier hidden layer learns more slowly, on every seed, and the first-to-last
    ratio (mean over seeds) lies within a factor of 2 of the book's."""
    X, y = first_1000
    summary = speeds_at_init(sizes, X, y, seeds=range(5))
    hidden = summary.per_seed[:, :-1]
    assert np.all(np.diff(hidden, axis=1) > 0), hidden
    book = BOOK_SPEEDS[sizes]
    ratio = float(summary.ratio_first_last.mean())
    assert book.ratio_first_last / 2 <= ratio <= book.ratio_first_last * 2, (ratio, book.ratio_first_last)
    # the values themselves lie within a factor of 2 of the book's (not required, measured)
    np.testing.assert_array_less(summary.hidden_mean, 2 * np.array(book.hidden))
    np.testing.assert_array_less(np.array(book.hidden) / 2, summary.hidden_mean)


def test_book_speeds_lookup():
    assert book_speeds("784,30,30,10").hidden == (0.07, 0.31)
    assert book_speeds([784, 30, 10]) is None
    assert "first 1,000" in BOOK_SPEEDS[(784, 30, 30, 30, 10)].note


def test_speeds_at_init_rejects_nets_without_hidden_layers(first_1000):
    with pytest.raises(ValueError, match="hidden layer"):
        speeds_at_init([784, 10], *first_1000)


def test_threshold_z_matches_the_threshold():
    assert sigmoid_prime(np.float64(SATURATION_Z)) == pytest.approx(SATURATION_THRESHOLD, rel=1e-12)


def test_saturation_flags_equal_sigma_prime_below_threshold_on_the_trace(first_1000):
    X, y = first_1000
    net = Network([784, 30, 20, 10], rng=0)  # the seed's N(0,1): many hidden neurons saturate
    trace = net.trace(X[0], int(y[0]))
    masks = trace_saturation(trace)
    assert [m.shape for m in masks] == [(30,), (20,), (10,)]
    for l, m in zip(range(2, 5), masks):
        np.testing.assert_array_equal(m, trace.sigma_prime(l) < SATURATION_THRESHOLD)
    assert 0 < sum(int(m.sum()) for m in masks) < 60  # neither all nor none: the test can tell
    batch = batch_saturation(net, X[:5])
    for m, m0 in zip(batch, masks):
        np.testing.assert_array_equal(m[0], m0)
    share = saturated_share(net, X[:5])
    for s, m in zip(share, batch):
        np.testing.assert_array_equal(s, m.mean(axis=0))


def test_output_saturation_measures(first_1000):
    X, y = first_1000
    net = Network([784, 30, 10], rng=0, dtype=np.float64)
    # Force every output to ≈ 1: all saturated, nine of ten outputs wrong for every sample.
    net.biases[-1][:] = 40.0
    s = output_saturation(net, X[:100], y[:100])
    assert s.all_saturated_share == 1.0 and s.stuck_share == 1.0 and s.mostly_stuck
    np.testing.assert_array_equal(s.neuron_share, np.ones(10))
    # Saturated on the right side (a ≈ y for the label 3 everywhere): saturated, never stuck.
    net.weights[-1][:] = 0
    net.biases[-1][:] = -40.0
    net.biases[-1][3] = 40.0
    s = output_saturation(net, X[:100], np.full(100, 3))
    assert s.all_saturated_share == 1.0 and s.stuck_share == 0.0
    # …and for the true labels only the images of a 3 escape being stuck
    s = output_saturation(net, X[:100], y[:100])
    assert s.stuck_share == pytest.approx(np.mean(y[:100] != 3))
    net.biases[-1][:] = 0.0  # a = ½ everywhere: nothing saturated
    s = output_saturation(net, X[:100], y[:100])
    assert s.all_saturated_share == 0.0 and s.stuck_share == 0.0 and not s.mostly_stuck
