"""The one background worker: items in order, exactly one outcome, cancel, one shutdown."""

import threading

import pytest

from bpviz.gui.worker import Cancelled, Workers


@pytest.fixture
def workers(qtbot):
    w = Workers()
    yield w
    w.shutdown()


def _record(job_signals):
    seen = []
    job_signals.update({
        "yielded": lambda items: seen.append(("yielded", list(items))),
        "finished": lambda value: seen.append(("finished", value)),
        "failed": lambda e: seen.append(("failed", e)),
        "cancelled": lambda: seen.append(("cancelled", None)),
        "ended": lambda: seen.append(("ended", None)),
    })
    return seen


def test_a_generator_delivers_every_item_in_order_then_its_result(qtbot, workers):
    def work(feed):
        yield from range(500)
        return "done"

    connect = {}
    seen = _record(connect)
    job = workers.start(work, "count", connect=connect)
    qtbot.waitUntil(lambda: bool(seen) and seen[-1][0] == "ended", timeout=5000)
    items = [x for kind, batch in seen if kind == "yielded" for x in batch]
    assert items == list(range(500))
    kinds = [k for k, _ in seen]
    assert kinds[-2:] == ["finished", "ended"] and set(kinds[:-2]) == {"yielded"}
    assert seen[-2] == ("finished", "done")
    assert len(kinds) - 2 < 500          # delivered in batches, not one signal per item
    assert not job.is_running() and workers.jobs == []


def test_an_exception_is_reported_with_the_items_before_it(qtbot, workers):
    boom = ValueError("boom")

    def work(feed):
        feed.put("first")
        raise boom

    connect = {}
    seen = _record(connect)
    workers.start(work, "fails", connect=connect)
    qtbot.waitUntil(lambda: bool(seen) and seen[-1][0] == "ended", timeout=5000)
    assert seen == [("yielded", ["first"]), ("failed", boom), ("ended", None)]


def test_cancel_stops_a_generator_between_two_items(qtbot, workers):
    gate = threading.Event()
    closed = []

    def work(feed):
        try:
            i = 0
            while True:
                gate.wait(1)
                yield i
                i += 1
        finally:
            closed.append(True)

    connect = {}
    seen = _record(connect)
    job = workers.start(work, "endless", connect=connect)
    gate.set()
    qtbot.waitUntil(lambda: any(k == "yielded" for k, _ in seen), timeout=5000)
    job.cancel()
    assert job.wait(5000)
    assert [k for k, _ in seen][-2:] == ["cancelled", "ended"]
    assert closed == [True]          # the generator was closed (its finally ran)
    items = [x for kind, batch in seen if kind == "yielded" for x in batch]
    assert items == list(range(len(items)))


def test_work_that_raises_cancelled_is_cancelled_not_failed(qtbot, workers):
    def work(feed):
        while not feed.token.wait(0.01):
            pass
        raise Cancelled

    connect = {}
    seen = _record(connect)
    job = workers.start(work, "waits", connect=connect)
    stopped = []
    job.token.on_cancel(lambda: stopped.append(True))
    job.cancel()
    qtbot.waitUntil(lambda: bool(seen) and seen[-1][0] == "ended", timeout=5000)
    assert [k for k, _ in seen] == ["cancelled", "ended"] and stopped == [True]


def test_shutdown_cancels_and_waits_for_every_job_and_takes_no_new_one(qtbot):
    workers = Workers()

    def work(feed):
        while not feed.token.cancelled:
            feed.token.wait(0.01)
        return "stopped"

    ended = []
    jobs = [workers.start(work, f"job{i}", connect={"finished": ended.append}) for i in range(3)]
    assert all(j.is_running() for j in jobs)
    assert workers.shutdown(5000)
    assert not any(j.is_running() for j in jobs)
    assert ended == ["stopped"] * 3      # every outcome delivered before shutdown returned
    with pytest.raises(RuntimeError):
        workers.start(work, "late")


def _twin(epochs=2):
    from bpviz.core.twin import TwinRun, TwinSettings
    from bpviz.data.datasets import xor_dataset

    data = xor_dataset(n_train=200, n_test=50)
    a = TwinSettings(sizes=(2, 4, 2), eta=3.0, epochs=epochs, batch_size=10)
    b = TwinSettings(sizes=(2, 4, 2), eta=0.5, epochs=epochs, batch_size=10)
    return TwinRun(a, b, data.train, data.test)


def test_twin_runs_deliver_every_epoch_record_in_order_and_what_they_trained(qtbot, workers):
    from bpviz.gui.jobs import twin_work

    twin = _twin(epochs=3)
    items, results = [], []
    job = workers.start(twin_work(twin), "twins", connect={"yielded": items.extend, "finished": results.append})
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    records = [r for it in items for r in it.records if r is not None]
    # (the record at initialisation, epoch −1, is made before the job starts)
    assert [r.epoch for r in records[0::2]] == [r.epoch for r in records[1::2]] == [0, 1, 2]
    assert results == [items[-1].batches] == [3 * 20]
    assert records[0::2] == list(twin.history[0][1:]) and records[1::2] == list(twin.history[1][1:])
    assert not job.is_running()


def test_cancelling_twin_runs_stops_both_between_two_mini_batches(qtbot, workers):
    from bpviz.gui.jobs import twin_work

    twin = _twin(epochs=5000)
    items, ended = [], []
    job = workers.start(twin_work(twin, interval=0.0), "twins",
                        connect={"yielded": items.extend, "finished": ended.append})
    qtbot.waitUntil(lambda: len(items) > 3, timeout=10000)
    job.cancel()
    assert job.wait(5000)
    assert ended and ended[0] < 5000 * 20 and ended[0] == items[-1].batches


def test_why_fast_measures_each_network_and_cancel_keeps_the_rows_measured(qtbot, workers):
    from bpviz.gui.jobs import FastMeasured, FastStarting, why_fast_work

    items, outcome = [], []
    job = workers.start(why_fast_work([(2, 3, 2), (3, 4, 2)], max_seconds=0.2), "why-fast",
                        connect={"yielded": items.extend, "finished": outcome.append,
                                 "cancelled": lambda: outcome.append("cancelled")})
    qtbot.waitUntil(lambda: bool(outcome), timeout=20000)
    assert [type(i) for i in items] == [FastStarting, FastMeasured, FastStarting, FastMeasured]
    assert [i.row.sizes for i in items if isinstance(i, FastMeasured)] == [(2, 3, 2), (3, 4, 2)]
    assert outcome == [2] and not job.is_running()
    items.clear(), outcome.clear()
    job = workers.start(why_fast_work([(2, 3, 2)] * 50, max_seconds=5.0), "why-fast",
                        connect={"yielded": items.extend, "finished": outcome.append,
                                 "cancelled": lambda: outcome.append("cancelled")})
    qtbot.waitUntil(lambda: any(isinstance(i, FastMeasured) for i in items), timeout=20000)
    job.cancel()
    assert job.wait(10000)
    assert outcome == ["cancelled"]
    measured = [i for i in items if isinstance(i, FastMeasured)]
    assert 1 <= len(measured) < 50 and [m.index for m in measured] == list(range(len(measured)))


def test_a_finished_job_lets_go_of_its_work_and_result(qtbot, workers):
    """A job object may outlive its work (signal connections, views): what it computed must not."""
    import gc
    import weakref

    class Result:
        pass

    made = []

    def work(feed):
        r = Result()
        made.append(weakref.ref(r))
        feed.put("item")
        return r

    got = []
    job = workers.start(work, "result", connect={"finished": lambda r: got.append(weakref.ref(r))})
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    qtbot.waitUntil(lambda: not workers.jobs, timeout=5000)
    gc.collect()
    assert job is not None and made[0]() is None and got[0]() is None


def test_training_runs_do_not_keep_their_networks_once_the_world_moved_on(qtbot, make_window):
    import gc
    import weakref

    w = make_window(epochs=1)
    s = w.session
    s.start(steps=3)
    qtbot.waitUntil(lambda: s.state.value == "paused", timeout=10000)
    run = weakref.ref(s.worker)
    s.stop()
    trained = weakref.ref(s.network)
    s.apply_config(type(s.config)(sizes=(784, 20, 10), dataset=s.config.dataset))
    s.worlds._undo.clear()            # as when the undo list lets go of it
    gc.collect()
    assert run() is None and trained() is None
