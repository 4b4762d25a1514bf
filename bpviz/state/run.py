"""A training run that owns its network: the core's SGD driven in any thread, Qt-free.

The run trains its own :class:`~bpviz.core.Network` (the caller hands it a copy) and puts
every event it produces into a queue, in order, ending with exactly one :class:`RunEnded`
that hands the trained network back. Whoever drains the queue applies the events; after the
thread has ended, one last drain is guaranteed to hold everything up to ``RunEnded`` — no
event is dropped, whether the run finished, was stopped, diverged or failed.

Between mini-batches the run checks its stop and pause flags (so Stop and closing the window
take effect within one mini-batch), and it reports at most every ``emit_interval`` seconds:
a report per mini-batch would starve the GUI. Parameter arrays in a :class:`Progress` are
read-only: the core never writes to an array after an update has replaced it.
"""

from __future__ import annotations

import enum
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from bpviz.core import BatchDone, Diverged, EpochDone, EpochPosition, Network, SGDControl, sgd

EMIT_INTERVAL = 0.05  # seconds: at most ~20 reports a second


class RunEnd(enum.Enum):
    DONE = "done"           # every epoch asked for was trained
    STOPPED = "stopped"     # Stop (or closing the window) ended it between two mini-batches
    DIVERGED = "diverged"   # the core refused an update that would make the weights non-finite
    FAILED = "failed"       # an exception (a bug): ``RunEnded.error`` holds it


@dataclass(frozen=True)
class Progress:
    """Mini-batches applied since the last report, and the parameters after them."""

    epoch: int                  # 0-based, absolute (continues across runs): the epoch in progress
    batch: int                  # mini-batches done in this epoch (1..n_batches)
    n_batches: int
    batch_index: np.ndarray     # (k,) global mini-batch numbers of the costs below
    batch_costs: np.ndarray     # (k,) their costs
    weights: list[np.ndarray]   # read-only arrays
    biases: list[np.ndarray]
    samples_per_s: float        # measured over running time only (pauses excluded); 0 until known
    eta: float

    @property
    def batches_done(self) -> int:
        """Mini-batches applied to the network in all, after this report."""
        return int(self.batch_index[-1]) + 1


@dataclass(frozen=True)
class Paused:
    paused: bool                # True: waiting between mini-batches; False: running again


@dataclass(frozen=True)
class RunEnded:
    end: RunEnd
    network: Network            # the run's network, handed back
    epochs_done: int            # completed epochs in all (absolute)
    batches_done: int           # mini-batches applied in all (absolute)
    error: BaseException | None = None
    diverged: Diverged | None = None
    position: EpochPosition | None = None   # where a run stopped inside an epoch: the next one goes on from there


Event = Progress | EpochDone | Diverged | Paused | RunEnded


def _frozen(arrays: list[np.ndarray]) -> list[np.ndarray]:
    for a in arrays:
        a.flags.writeable = False
    return list(arrays)


class TrainingRun:
    """Train ``network`` (owned by the run from now on) for ``epochs`` epochs.

    Call :meth:`run` in the thread that should do the work; call the control methods
    (:meth:`request_stop`, :meth:`set_paused`, :meth:`step`, :meth:`set_eta`, ``delay_s``: the
    pace, one mini-batch per ``delay_s`` seconds at most, 0 for full speed)
    from any other; collect events with :meth:`drain`.
    """

    def __init__(self, network: Network, train, test, *, validation=None, epochs: int, batch_size: int,
                 eta: float, lmbda: float, rng: np.random.Generator, start_epoch: int, batches_done: int,
                 delay_s: float = 0.0, steps: int | None = None, emit_interval: float = EMIT_INTERVAL,
                 resume: EpochPosition | None = None) -> None:
        self.network = network
        self.train, self.test, self.validation = train, test, validation
        self.epochs, self.batch_size, self.lmbda = epochs, batch_size, lmbda
        self.rng = rng
        self.start_epoch = start_epoch
        self.batches_done = batches_done
        self.epochs_done = start_epoch
        self.control = SGDControl(eta=eta)
        self.resume = resume
        self.delay_s = delay_s
        self.emit_interval = emit_interval
        self.events: queue.SimpleQueue = queue.SimpleQueue()
        self.ended = threading.Event()   # set once RunEnded is in the queue
        self._run = threading.Event()    # set: running; cleared: paused between mini-batches
        self._run.set()
        self.waiting = threading.Event()  # set while the run waits between mini-batches, paused
        self._steps_left = steps         # None: unlimited; k: pause after k more mini-batches
        self._lock = threading.Lock()

    # -- control, from any thread ----------------------------------------------------------
    def request_stop(self) -> None:
        self.control.request_stop()
        self._run.set()

    def set_paused(self, paused: bool) -> None:
        with self._lock:
            self._steps_left = None
        if paused:
            self._run.clear()
        else:
            self._run.set()

    def step(self, batches: int = 1) -> None:
        """Run ``batches`` more mini-batches, then pause."""
        with self._lock:
            self._steps_left = batches
        self._run.set()

    def set_eta(self, eta: float) -> None:
        self.control.eta = float(eta)

    def drain(self) -> list[Event]:
        """Every event produced since the last drain, in order."""
        out = []
        while True:
            try:
                out.append(self.events.get_nowait())
            except queue.Empty:
                return out

    # -- the work ---------------------------------------------------------------------------
    def run(self, notify: Callable[[], None] | None = None) -> RunEnded:
        """Train; blocks until done, stopped, diverged or failed. ``notify()`` is called after
        events were queued (at most every ``emit_interval`` s, and at the end)."""
        notify = notify or (lambda: None)
        end, error, diverged = RunEnd.DONE, None, None
        costs: list[float] = []
        first = self.batches_done   # global number of the first cost in ``costs``
        last_emit = time.perf_counter()
        t_rate, n_rate, rate = last_emit, 0, 0.0
        t_paced = last_emit         # when the previous mini-batch (and its pause) ended
        last_batch: BatchDone | None = None
        run_event, control, put = self._run, self.control, self.events.put

        def emit() -> None:
            nonlocal last_emit, costs, first
            if last_batch is None or not costs:
                return
            put(Progress(last_batch.epoch, last_batch.batch + 1, last_batch.n_batches,
                         np.arange(first, first + len(costs), dtype=np.int64), np.array(costs, dtype=np.float64),
                         _frozen(self.network.weights), _frozen(self.network.biases), rate, last_batch.eta))
            first += len(costs)
            self.batches_done = first
            costs = []
            last_emit = time.perf_counter()
            notify()

        def wait_while_paused() -> None:
            nonlocal t_rate, n_rate
            if run_event.is_set():
                return
            emit()
            put(Paused(True))
            notify()
            self.waiting.set()          # after notify: whoever waits for it finds every event handed on
            while not run_event.wait(0.05):
                pass
            self.waiting.clear()
            t_rate, n_rate = time.perf_counter(), 0   # the rate counts running time only
            if not control.stop_requested:
                put(Paused(False))
                notify()

        gen = sgd(self.network, self.train, epochs=self.epochs, batch_size=self.batch_size,
                  eta=control.eta, lmbda=self.lmbda, rng=self.rng, test=self.test,
                  control=control, start_epoch=self.start_epoch, validation=self.validation, resume=self.resume)
        try:
            wait_while_paused()
            for ev in gen:
                if type(ev) is BatchDone:
                    # Kept short: this runs between every two mini-batches (~70 µs apart).
                    last_batch = ev
                    costs.append(ev.cost)
                    n_rate += ev.batch_size
                    if self._steps_left is not None:
                        with self._lock:
                            if self._steps_left is not None:
                                self._steps_left -= 1
                                if self._steps_left <= 0:
                                    self._steps_left = None
                                    run_event.clear()
                    if len(costs) % 8 and run_event.is_set() and not self.delay_s:
                        continue  # read the clock every 8 mini-batches only
                    now = time.perf_counter()
                    if now - t_rate >= 0.5:
                        rate, t_rate, n_rate = n_rate / (now - t_rate), now, 0
                    if now - last_emit >= self.emit_interval or self.delay_s > 0 or not run_event.is_set():
                        emit()
                    if self.delay_s > 0 and run_event.is_set():
                        # The pace is a rate: the sleep makes up the rest of delay_s after the
                        # mini-batch's own computing time (and the report) took their share.
                        wait = self.delay_s - (time.perf_counter() - t_paced)
                        if wait > 0:
                            control.sleep(wait)
                    t_paced = time.perf_counter()
                    wait_while_paused()
                elif type(ev) is EpochDone:
                    emit()
                    self.epochs_done = ev.epoch + 1
                    put(ev)
                    notify()
                elif type(ev) is Diverged:
                    emit()
                    put(ev)
                    end, diverged = RunEnd.DIVERGED, ev
            if control.stop_requested and end is RunEnd.DONE:
                end = RunEnd.STOPPED
        except Exception as e:  # a bug must not kill the thread silently: it is reported
            end, error = RunEnd.FAILED, e
        finally:
            gen.close()
            emit()
            position = None
            if end is RunEnd.STOPPED:
                if last_batch is None:
                    position = self.resume      # stopped before its first mini-batch: the same place
                elif last_batch.batch + 1 < last_batch.n_batches and control.order is not None:
                    position = EpochPosition(last_batch.epoch, control.order, last_batch.batch + 1, self.batch_size)
            result = RunEnded(end, self.network, self.epochs_done, self.batches_done, error, diverged, position)
            put(result)
            self.ended.set()
            notify()
        return result
