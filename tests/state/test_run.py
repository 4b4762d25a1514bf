"""A run stopped inside an epoch hands back where it stood; the next run finishes that epoch,
so stopping and training again gives exactly the network of one uninterrupted run."""

import threading

import numpy as np

from bpviz.core import Network
from bpviz.data import Dataset
from bpviz.state import RunEnd, RunEnded, TrainingRun


def _data(n=120, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.random((n, 4)).astype(np.float32)
    labels = (x[:, 0] + x[:, 1] > x[:, 2] + x[:, 3]).astype(np.int64)
    return Dataset(x, labels, "toy", ("0", "1"))


def _run(net, train, *, epochs, start_epoch=0, batches_done=0, rng, steps=None, resume=None):
    return TrainingRun(net, train, None, epochs=epochs, batch_size=10, eta=1.0, lmbda=0.0, rng=rng,
                       start_epoch=start_epoch, batches_done=batches_done, steps=steps, resume=resume)


def _stop_after(run: TrainingRun, k: int) -> RunEnded:
    """Run in a thread until it has paused after k mini-batches, then Stop it."""
    out = []
    t = threading.Thread(target=lambda: out.append(run.run()))
    t.start()
    assert run.waiting.wait(10)
    run.request_stop()
    t.join(10)
    return out[0]


def test_stop_inside_an_epoch_then_train_again_equals_one_run():
    train = _data()
    start = Network((4, 5, 2), rng=np.random.default_rng(3))
    whole = _run(start.copy(), train, epochs=2, rng=np.random.default_rng([0, 1])).run()
    assert whole.end is RunEnd.DONE and whole.position is None and whole.batches_done == 24

    rng = np.random.default_rng([0, 1])      # the world's rng, shared by its runs
    first = _stop_after(_run(start.copy(), train, epochs=2, rng=rng, steps=7), 7)
    assert first.end is RunEnd.STOPPED and first.batches_done == 7 and first.epochs_done == 0
    pos = first.position
    assert pos is not None and (pos.epoch, pos.next_batch, pos.batch_size) == (0, 7, 10)
    assert sorted(pos.order.tolist()) == list(range(120))
    second = _run(first.network, train, epochs=2, start_epoch=first.epochs_done, batches_done=first.batches_done,
                  rng=rng, resume=pos)
    end = second.run()
    assert end.end is RunEnd.DONE and end.batches_done == 24 and end.epochs_done == 2
    assert end.network.same_parameters(whole.network)
    costs = [c for ev in second.drain() if hasattr(ev, "batch_costs") for c in ev.batch_costs]
    assert len(costs) == 24 - 7


def test_a_position_for_another_mini_batch_size_is_not_used():
    train = _data()
    start = Network((4, 5, 2), rng=np.random.default_rng(3))
    rng = np.random.default_rng([0, 1])
    first = _stop_after(_run(start.copy(), train, epochs=1, rng=rng, steps=4), 4)
    from dataclasses import replace
    other_m = replace(first.position, batch_size=20)
    run = _run(first.network, train, epochs=1, start_epoch=0, batches_done=4, rng=rng, resume=other_m)
    end = run.run()
    assert end.end is RunEnd.DONE and end.batches_done == 4 + 12   # a whole epoch again


def test_stop_during_an_epochs_evaluation_ends_it_unmeasured_at_once():
    """Stop between the last mini-batch and the end of the evaluation: the evaluation gives up
    between two batches of samples; the epoch counts (all its mini-batches were applied)."""
    import math

    from bpviz.core import BatchDone, EpochDone, SGDControl, sgd

    train = _data(n=9000)
    net = Network((4, 5, 2), rng=np.random.default_rng(3))
    control = SGDControl(eta=1.0)
    asked = []
    events = []
    for ev in sgd(net, (train.x, train.labels), epochs=3, batch_size=100, eta=1.0, rng=0, control=control,
                  test=(train.x, train.labels)):
        events.append(ev)
        if isinstance(ev, BatchDone) and ev.batch == ev.n_batches - 1:
            control.request_stop()          # the evaluation of epoch 0 starts next
            asked.append(ev)
    assert len(asked) == 1
    last = events[-1]
    assert isinstance(last, EpochDone) and last.epoch == 0 and math.isnan(last.training_cost)
    assert last.test_correct is None and last.test_total is None
    assert sum(isinstance(e, BatchDone) for e in events) == 90
