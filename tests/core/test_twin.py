"""Twin runs (bpviz.core.twin): one seed, one mini-batch order, one setting apart."""

import dataclasses
import importlib

import numpy as np
import pytest

from bpviz.core import BatchDone, Diverged, EpochDone
from bpviz.core.learning import speed_of_learning
from bpviz.core.twin import TwinRun, TwinSettings, difference, twin_run
from bpviz.data import load_dataset

# (the package exports the function sgd under the module's name, so fetch the module itself)
sgd_module = importlib.import_module("bpviz.core.sgd")


@pytest.fixture(scope="module")
def data():
    d = load_dataset("mnist-bundled")
    return d.train.subset(300), d.test.subset(500)


@pytest.fixture
def batches_seen(monkeypatch):
    """Records, per network, the bytes of every mini-batch update_mini_batch receives."""
    seen: dict[int, list[bytes]] = {}
    original = sgd_module.update_mini_batch

    def recording(network, X, Y, *args, **kwargs):
        seen.setdefault(id(network), []).append(X.tobytes() + Y.tobytes())
        return original(network, X, Y, *args, **kwargs)

    monkeypatch.setattr(sgd_module, "update_mini_batch", recording)
    return seen


BASE = TwinSettings(sizes=(784, 20, 10), eta=3.0, epochs=2, batch_size=10, cost="cross-entropy")


def test_cost_twins_share_initial_weights_and_batches_bit_for_bit(data, batches_seen):
    tw = twin_run(BASE, "cost=quadratic", *data)
    assert tw.varied == ("cost",) and tw.identical_start
    a0, b0 = BASE.network(), tw.settings[1].network()
    for p, q in zip(a0.weights + a0.biases, b0.weights + b0.biases):
        assert p.tobytes() == q.tobytes()
    assert a0.cost.name == "cross-entropy" and b0.cost.name == "quadratic"
    tw.run()
    seen_a, seen_b = batches_seen[id(tw.networks[0])], batches_seen[id(tw.networks[1])]
    assert len(seen_a) == len(seen_b) == 60
    assert seen_a == seen_b
    assert len(set(seen_a[:30])) == 30 and seen_a[:30] != seen_a[30:]  # epochs reshuffle: the check can tell
    # …and the only difference, the cost, made the runs part
    assert not tw.networks[0].same_parameters(tw.networks[1])


def test_identical_settings_give_identical_runs(data):
    """With nothing varied, twins end bit-identical: same start and same order, nothing else."""
    tw = TwinRun(BASE, BASE, *data)
    tw.run()
    assert tw.networks[0].same_parameters(tw.networks[1])
    assert [r.training_cost for r in tw.history[0]] == [r.training_cost for r in tw.history[1]]
    # the same start with another shuffling seed ends elsewhere, so the order is what was shared
    other = TwinRun(dataclasses.replace(BASE, seed=1), dataclasses.replace(BASE, seed=1), *data)
    assert not other.networks[0].same_parameters(tw.settings[0].network())


def test_sizes_twins_share_seed_and_order_but_say_the_weights_differ(data, batches_seen):
    tw = twin_run(BASE, "sizes=784,40,10", *data)
    assert not tw.identical_start
    assert "cannot be identical" in tw.note and "sizes" in tw.note
    tw.run()
    assert batches_seen[id(tw.networks[0])] == batches_seen[id(tw.networks[1])]
    init = twin_run(BASE, "init=scaled", *data)
    assert not init.identical_start
    # scaled is the same N(0, 1) draws divided by √n_in
    np.testing.assert_allclose(init.networks[1].weights[0], init.networks[0].weights[0] / np.sqrt(784), rtol=1e-6)
    assert init.networks[0].biases[0].tobytes() == init.networks[1].biases[0].tobytes()


def test_lock_step_events_and_epoch_records(data):
    tw = twin_run(BASE, "eta=0.5", *data)
    events = list(tw.events())
    assert len(events) == 2 * (30 + 1)
    for ev in events:
        assert type(ev.a) is type(ev.b)
        if isinstance(ev.a, BatchDone):
            assert (ev.a.epoch, ev.a.batch) == (ev.b.epoch, ev.b.batch)
            assert (ev.a.eta, ev.b.eta) == (3.0, 0.5)
            assert ev.record_a is None
        else:
            assert isinstance(ev.a, EpochDone)
            assert ev.record_a.test_correct == ev.a.test_correct and ev.record_b.epoch == ev.b.epoch
    assert [r.epoch for r in tw.history[0]] == [-1, 0, 1]
    for net, hist in zip(tw.networks, tw.history):
        last = speed_of_learning(net, data[0].x, data[0].labels)
        np.testing.assert_array_equal(hist[-1].speeds.norms, last.norms)
        assert hist[-1].test_total == 500


def test_one_run_diverges_the_other_goes_on(data):
    tw = twin_run(BASE, "eta=1e9", *data)
    events = list(tw.events())
    diverged = [i for i, ev in enumerate(events) if isinstance(ev.b, Diverged)]
    assert len(diverged) == 1
    assert all(ev.b is None for ev in events[diverged[0] + 1 :])
    assert isinstance(events[-1].a, EpochDone) and events[-1].a.epoch == 1


def test_request_stop_ends_both(data):
    tw = twin_run(BASE, "lmbda=5", *data)
    it = tw.events()
    next(it)
    tw.request_stop()
    assert list(it) == []
    with pytest.raises(RuntimeError, match="already been started"):
        next(tw.events())


@pytest.mark.parametrize("text, message", [
    ("seed=3", "cannot vary"), ("cost", "SETTING=VALUE"), ("eta=fast", "must be a number"),
    ("cost=cross-entropy", "already have"), ("cost=hinge", "unknown cost"), ("eta=-1", "learning rate"),
    ("sizes=784", "at least two layers"), ("init_scale=0", "init_scale"),
])
def test_varied_rejects_bad_assignments(text, message):
    with pytest.raises(ValueError, match=message):
        BASE.varied(text)


def test_difference_and_labels():
    other = BASE.varied("lambda=5")
    assert difference(BASE, other) == ("lmbda",)
    assert "λ = 5" in other.label and "cross-entropy" in BASE.label
    with pytest.raises(ValueError, match="share seed"):
        TwinRun(BASE, dataclasses.replace(BASE, seed=2), ([[0.0] * 784], [0]))


def test_the_slowdown_setting_shows_the_slowdown():
    from bpviz.core.twin import SLOWDOWN, SLOWDOWN_TRAIN_SIZE, SLOWDOWN_VARY

    d = load_dataset("mnist-bundled")
    tw = twin_run(dataclasses.replace(SLOWDOWN, epochs=2), SLOWDOWN_VARY, d.train.subset(SLOWDOWN_TRAIN_SIZE),
                  d.test.subset(2000))
    ce, quad = tw.run()
    assert tw.identical_start
    assert ce[0].speeds.output > 20 * quad[0].speeds.output  # the σ′(z^L) factor at the start
    assert ce[-1].test_accuracy > quad[-1].test_accuracy + 0.2
