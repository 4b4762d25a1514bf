import numpy as np
import pytest

from bpviz import reference
from bpviz.core import BatchDone, Diverged, EpochDone, Network, SGDControl, sgd


def _toy(n=60, d=6, k=3, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.random((n, d))
    return X, rng.integers(0, k, n)


def test_one_epoch_equals_the_seeds_loop_with_the_same_shuffle():
    X, y = _toy(n=47)
    net = Network((6, 5, 3), rng=0, dtype=np.float64)
    w0, b0 = [w.copy() for w in net.weights], [b[:, None].copy() for b in net.biases]
    order = np.random.default_rng(11).permutation(len(X))
    events = list(sgd(net, (X, y), epochs=1, batch_size=10, eta=0.7, rng=np.random.default_rng(11)))
    ref_w, ref_b = reference.sgd_epoch(w0, b0, reference.as_pairs(X, y, 3), 10, 0.7, order)
    for l in range(2):
        np.testing.assert_allclose(net.weights[l], ref_w[l], rtol=0, atol=1e-12)
        np.testing.assert_allclose(net.biases[l], ref_b[l][:, 0], rtol=0, atol=1e-12)
    batches = [e for e in events if isinstance(e, BatchDone)]
    assert [e.batch for e in batches] == [0, 1, 2, 3, 4]
    assert [e.batch_size for e in batches] == [10, 10, 10, 10, 7]
    assert isinstance(events[-1], EpochDone)


def test_l2_regularisation_matches_the_books_update():
    X, y = _toy(n=10)
    net = Network((6, 4, 3), rng=1, dtype=np.float64)
    before = net.copy()
    list(sgd(net, (X, y), epochs=1, batch_size=10, eta=0.5, lmbda=2.0, rng=0, divergence_factor=None))
    perm = np.random.default_rng(0).permutation(10)
    g = before.gradient(X[perm], y[perm])
    for i in range(2):
        np.testing.assert_allclose(net.weights[i], (1 - 0.5 * 2.0 / 10) * before.weights[i] - 0.5 * g.nabla_w[i], atol=1e-13)
        np.testing.assert_allclose(net.biases[i], before.biases[i] - 0.5 * g.nabla_b[i], atol=1e-13)


def test_same_seed_gives_bit_identical_weights():
    X, y = _toy()
    nets = []
    for _ in range(2):
        net = Network((6, 5, 3), rng=42)
        list(sgd(net, (X, y), epochs=3, batch_size=7, eta=1.0, rng=9))
        nets.append(net)
    assert nets[0].same_parameters(nets[1])
    other = Network((6, 5, 3), rng=42)
    list(sgd(other, (X, y), epochs=3, batch_size=7, eta=1.0, rng=10))
    assert not nets[0].same_parameters(other)


def test_events_and_epoch_results():
    X, y = _toy(n=30)
    net = Network((6, 5, 3), rng=0)
    events = list(sgd(net, (X, y), epochs=2, batch_size=10, eta=1.0, rng=0, test=(X[:12], y[:12])))
    epochs = [e for e in events if isinstance(e, EpochDone)]
    assert [e.epoch for e in epochs] == [0, 1]
    assert epochs[-1].test_total == 12 and epochs[-1].test_correct == net.evaluate(X[:12], y[:12])
    assert epochs[-1].training_cost == pytest.approx(net.total_cost(X, y))
    assert len(events) == 2 * (3 + 1)


def test_stop_between_batches_and_change_eta():
    X, y = _toy(n=100)
    net = Network((6, 5, 3), rng=0)
    control = SGDControl(eta=1.0)
    seen = []
    for ev in sgd(net, (X, y), epochs=5, batch_size=10, eta=1.0, rng=0, control=control):
        seen.append(ev)
        if len(seen) == 3:
            control.eta = 0.25
        if len(seen) == 6:
            snapshot = net.copy()
            control.request_stop()
    assert len(seen) == 6
    assert [e.eta for e in seen] == [1.0, 1.0, 1.0, 0.25, 0.25, 0.25]
    assert net.same_parameters(snapshot)


def test_closing_the_generator_stops_training():
    X, y = _toy(n=100)
    net = Network((6, 5, 3), rng=0)
    gen = sgd(net, (X, y), epochs=5, batch_size=10, eta=1.0, rng=0)
    next(gen)
    next(gen)
    snapshot = net.copy()
    gen.close()
    assert net.same_parameters(snapshot)


def test_weight_arrays_handed_out_are_never_mutated():
    X, y = _toy(n=40)
    net = Network((6, 5, 3), rng=0)
    held = list(net.weights)
    copies = [w.copy() for w in held]
    list(sgd(net, (X, y), epochs=1, batch_size=10, eta=1.0, rng=0))
    for h, c in zip(held, copies):
        np.testing.assert_array_equal(h, c)
    assert not np.array_equal(net.weights[0], held[0])


@pytest.mark.parametrize("kwargs, message", [
    (dict(epochs=0), "epochs"), (dict(batch_size=0), "mini-batch size"),
    (dict(eta=0.0), "learning rate"), (dict(eta=float("nan")), "learning rate"),
    (dict(eta=-1.0), "learning rate"), (dict(lmbda=-1.0), "lambda"),
])
def test_absurd_hyperparameters_are_refused(kwargs, message):
    X, y = _toy()
    args = dict(epochs=1, batch_size=10, eta=1.0) | kwargs
    with pytest.raises(ValueError, match=message):
        next(sgd(Network((6, 5, 3), rng=0), (X, y), **args))


def test_divergence_ends_the_run_and_keeps_finite_weights():
    X, y = _toy(n=2000, d=20, k=10, seed=3)
    net = Network((20, 10, 10), rng=0, cost="cross-entropy")
    events = list(sgd(net, (X, y), epochs=3, batch_size=10, eta=1e4, rng=0))
    assert isinstance(events[-1], Diverged)
    assert all(np.isfinite(w).all() for w in net.weights)


def test_non_finite_update_is_not_applied():
    X, y = _toy(n=20)
    net = Network((6, 5, 3), rng=0, cost="cross-entropy")
    before = net.copy()
    events = list(sgd(net, (X, y), epochs=1, batch_size=10, eta=1e308, rng=0))
    assert isinstance(events[-1], Diverged) and "overflow" in events[-1].reason
    assert net.same_parameters(before)


@pytest.mark.slow
def test_bundled_mnist_beats_85_percent():
    from bpviz.data import load_dataset

    data = load_dataset()
    net = Network((784, 30, 10), rng=0)
    last = None
    for ev in sgd(net, data.train, epochs=8, batch_size=10, eta=3.0, rng=1, test=data.test):
        if isinstance(ev, EpochDone):
            last = ev
    assert last.test_correct / last.test_total > 0.85, last


def test_non_finite_training_inputs_are_refused():
    X, y = _toy(n=20)
    X[3, 2] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        next(sgd(Network((6, 5, 3), rng=0), (X, y), epochs=1, batch_size=10, eta=1.0))


def test_validation_is_evaluated_after_each_epoch():
    X, y = _toy(n=40)
    net = Network((6, 5, 3), rng=0)
    events = [e for e in sgd(net, (X[:30], y[:30]), epochs=2, batch_size=10, eta=1.0, rng=0,
                             test=(X[30:35], y[30:35]), validation=(X[35:], y[35:])) if isinstance(e, EpochDone)]
    assert events[-1].validation_total == 5
    assert events[-1].validation_correct == net.evaluate(X[35:], y[35:])
    assert events[-1].validation_accuracy == events[-1].validation_correct / 5
