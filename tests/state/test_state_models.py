"""The Qt-free state models: bounded history, runs that own their network, whole-world commits."""

import threading

import numpy as np
import pytest

from bpviz.core import BatchDone, Network, sgd
from bpviz.data.datasets import xor_dataset
from bpviz.state import ConfigError, History, Progress, RunEnd, RunEnded, TrainConfig, TrainingRun, World, WorldModel


def test_history_keeps_recent_detail_and_min_max_blocks_of_the_rest():
    h = History(recent=1000, block=10, fold=100)
    rng = np.random.default_rng(0)
    costs = rng.random(25_000)
    for start in range(0, costs.size, 37):  # ragged reports, as a run sends them
        chunk = costs[start : start + 37]
        h.add_batches(np.arange(start, start + chunk.size), chunk, 500)
    assert h.recorded == costs.size
    assert 1000 <= h.batch_cost.size < 1000 + 100
    np.testing.assert_array_equal(h.batch_cost, costs[-h.batch_cost.size :])
    np.testing.assert_array_equal(h.batch_index, np.arange(costs.size - h.batch_cost.size, costs.size))
    folded = costs[: h.summarised].reshape(-1, 10)
    np.testing.assert_array_equal(h.summary_min, folded.min(axis=1))
    np.testing.assert_array_equal(h.summary_max, folded.max(axis=1))
    np.testing.assert_allclose(h.summary_mean, folded.mean(axis=1))
    assert h.summarised + h.batch_cost.size == h.recorded


def test_history_memory_is_bounded():
    h = History(recent=1000, block=10, fold=100)
    sizes = []
    for i in range(200):
        h.add_batches(np.arange(i * 1000, (i + 1) * 1000), np.ones(1000), 10)
        sizes.append(h.nbytes())
    # past the detail limit, growth is the summary only: 3 floats + 1 int per 10 mini-batches
    growth_per_batch = (sizes[-1] - sizes[100]) / (100 * 1000)
    assert growth_per_batch <= 32 / 10 + 1e-9


def _run(epochs=3, **kw):
    data = xor_dataset(n_train=400, n_test=100)
    net = Network((2, 3, 2), rng=0)
    run = TrainingRun(net.copy(), data.train, data.test, epochs=epochs, batch_size=10, eta=3.0, lmbda=0.0,
                      rng=np.random.default_rng(1), start_epoch=0, batches_done=0, **kw)
    return net, data, run


def test_a_run_owns_a_copy_and_hands_back_exactly_what_it_trained():
    net, data, run = _run(epochs=2)
    before = net.copy()
    ended = run.run()
    assert net.same_parameters(before)                      # the caller's network was not touched
    events = run.drain()
    assert events[-1] is ended and ended.end is RunEnd.DONE
    progress = [e for e in events if isinstance(e, Progress)]
    costs = np.concatenate([p.batch_costs for p in progress])
    idx = np.concatenate([p.batch_index for p in progress])
    np.testing.assert_array_equal(idx, np.arange(80))
    assert ended.batches_done == 80 and ended.epochs_done == 2
    ref = Network((2, 3, 2), rng=0)
    ref_costs = [ev.cost for ev in sgd(ref, data.train, epochs=2, batch_size=10, eta=3.0,
                                       rng=np.random.default_rng(1), test=data.test) if isinstance(ev, BatchDone)]
    np.testing.assert_array_equal(costs, ref_costs)
    assert ended.network.same_parameters(ref)
    assert all(not w.flags.writeable for w in progress[-1].weights)


def test_stop_mid_run_loses_no_event():
    net, data, run = _run(epochs=10_000, delay_s=0.0005)
    t = threading.Thread(target=run.run)
    t.start()
    while run.batches_done < 30:
        threading.Event().wait(0.001)
    run.request_stop()
    t.join(10)
    events = run.drain()
    ended = events[-1]
    assert isinstance(ended, RunEnded) and ended.end is RunEnd.STOPPED
    applied = sum(p.batch_costs.size for p in events if isinstance(p, Progress))
    assert applied == ended.batches_done >= 30
    # the network returned has exactly those mini-batches applied: replay them
    ref = Network((2, 3, 2), rng=0)
    n = 0
    for ev in sgd(ref, data.train, epochs=10_000, batch_size=10, eta=3.0, rng=np.random.default_rng(1),
                  test=data.test):
        if isinstance(ev, BatchDone):
            n += 1
            if n == applied:
                break
    assert ended.network.same_parameters(ref)


def test_a_failing_run_reports_the_exception():
    net, data, run = _run()
    run.train = (np.zeros((5, 3), dtype=np.float32), np.zeros(5, dtype=np.int64))  # wrong input size
    ended = run.run()
    assert ended.end is RunEnd.FAILED and isinstance(ended.error, ValueError)
    assert run.drain()[-1] is ended


def test_world_commit_keeps_trained_networks_for_undo():
    data = xor_dataset()
    cfg = TrainConfig(sizes=(2, 3, 2), dataset="xor")
    model = WorldModel(World.fresh(cfg, data))
    seen = []
    model.changed.connect(lambda old, new: seen.append((old, new)))
    fresh = model.world
    assert not model.commit(World.fresh(cfg, data), "Reset")   # untrained: nothing to keep
    assert not model.can_undo
    model.world.trained = True
    trained = model.world
    assert model.commit(World.fresh(cfg, data), "switching")
    assert model.can_undo and "switching" in model.undo_text
    assert model.undo() is trained and model.world is trained
    assert [n for _, n in seen][-1] is trained and fresh is not trained


def test_a_world_refuses_a_network_that_does_not_fit_its_data():
    data = xor_dataset()
    with pytest.raises(ValueError, match="does not fit"):
        World(data, Network((784, 30, 10), rng=0), TrainConfig(), np.random.default_rng(0))


@pytest.mark.parametrize("change, field, words", [
    (dict(sizes=(784, 100000, 10)), "sizes", "GB"),
    (dict(eta=0.0), "eta", "> 0"),
    (dict(batch_size=0), "batch_size", "≥ 1"),
    (dict(lmbda=-1.0), "lmbda", "≥ 0"),
    (dict(batch_size=100_000), "batch_size", "cannot be larger"),
])
def test_config_refuses_with_the_reason(change, field, words):
    cfg = TrainConfig(sizes=(2, 3, 2), dataset="xor")
    cfg = TrainConfig(**{**cfg.__dict__, **change}) if "sizes" not in change else TrainConfig(**change)
    with pytest.raises(ConfigError) as e:
        cfg.validate(xor_dataset() if "sizes" not in change else None)
    assert e.value.field == field and words in e.value.message
