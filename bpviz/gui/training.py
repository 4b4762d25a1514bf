"""Training off the GUI thread: a QObject worker driving the core's SGD generator in a QThread.

The worker checks its stop and pause flags between mini-batches, so Stop, Reset and closing
the window take effect within one mini-batch. It emits progress at most every
``EMIT_INTERVAL`` seconds (a signal per mini-batch starves the GUI), carrying copies: the
costs accumulated since the last emit and references to parameter arrays that the core never
mutates after handing them out (see ``bpviz.core.sgd``).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from bpviz.core import BatchDone, Diverged, EpochDone, Network, SGDControl, sgd

EMIT_INTERVAL = 0.05  # seconds: at most ~20 progress signals a second


@dataclass(frozen=True)
class Progress:
    """What the worker reports; every array is a copy or never mutated again."""

    epoch: int                  # 0-based, absolute (continues across runs)
    batch: int                  # mini-batches done in this epoch
    n_batches: int
    batch_index: np.ndarray     # (k,) global mini-batch numbers of the costs below
    batch_costs: np.ndarray     # (k,) costs since the last Progress
    weights: list[np.ndarray]
    biases: list[np.ndarray]
    samples_per_s: float
    eta: float


class TrainingWorker(QObject):
    progress = Signal(object)     # Progress
    epoch_done = Signal(object)   # bpviz.core.EpochDone
    diverged = Signal(object)     # bpviz.core.Diverged
    paused = Signal(bool)         # True when the worker waits, False when it runs again
    finished = Signal(str)        # "done" | "stopped" | "diverged" | "error: <message>"

    def __init__(self, network: Network, train, test, *, validation=None, epochs: int, batch_size: int, eta: float,
                 lmbda: float, rng: np.random.Generator, start_epoch: int, batches_done: int,
                 delay_s: float = 0.0, steps: int | None = None) -> None:
        super().__init__()
        self.network = network
        self.train, self.test, self.validation = train, test, validation
        self.epochs, self.batch_size, self.lmbda = epochs, batch_size, lmbda
        self.rng = rng
        self.start_epoch = start_epoch
        self.batches_done = batches_done
        self.control = SGDControl(eta=eta)
        self.delay_s = delay_s
        self._run = threading.Event()  # set: running; cleared: paused between mini-batches
        self._run.set()
        self._steps_left = steps      # None: unlimited; k: pause after k more mini-batches
        self._lock = threading.Lock()

    # -- called directly from the GUI thread (a queued signal would never arrive: run() blocks)
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

    # -- worker thread ---------------------------------------------------------------------
    def _wait_while_paused(self) -> None:
        if self._run.is_set():
            return
        self.paused.emit(True)
        while not self._run.wait(0.05):
            pass
        if not self.control.stop_requested:
            self.paused.emit(False)

    @Slot()
    def run(self) -> None:
        reason = "done"
        costs: list[float] = []
        first = self.batches_done   # global number of the first cost in ``costs``
        last_emit = time.perf_counter()
        t_rate, n_rate = last_emit, 0
        rate = 0.0
        last_batch: BatchDone | None = None
        run_event, control = self._run, self.control

        def emit() -> None:
            nonlocal last_emit, costs, first
            if last_batch is None:
                return
            self.progress.emit(Progress(
                last_batch.epoch, last_batch.batch + 1, last_batch.n_batches,
                np.arange(first, first + len(costs), dtype=np.int64), np.array(costs, dtype=np.float64),
                list(self.network.weights), list(self.network.biases), rate, last_batch.eta,
            ))
            first += len(costs)
            costs = []
            last_emit = time.perf_counter()

        gen = sgd(self.network, self.train, epochs=self.epochs, batch_size=self.batch_size,
                  eta=control.eta, lmbda=self.lmbda, rng=self.rng, test=self.test,
                  control=control, start_epoch=self.start_epoch, validation=self.validation)
        try:
            self._wait_while_paused()
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
                    if now - last_emit >= EMIT_INTERVAL or self.delay_s > 0 or not run_event.is_set():
                        emit()
                    if self.delay_s > 0 and run_event.is_set():
                        control.sleep(self.delay_s)
                    self._wait_while_paused()
                elif type(ev) is EpochDone:
                    emit()
                    self.epoch_done.emit(ev)
                elif type(ev) is Diverged:
                    emit()
                    self.diverged.emit(ev)
                    reason = "diverged"
            if control.stop_requested and reason == "done":
                reason = "stopped"
        except Exception as e:  # a bug must not kill the thread silently
            reason = f"error: {type(e).__name__}: {e}"
        finally:
            gen.close()
            emit()
            self.finished.emit(reason)


class TrainingController(QObject):
    """Owns one worker and its thread; keeps both referenced until the thread has finished."""

    finished = Signal(str)

    def __init__(self, worker: TrainingWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.thread = QThread()
        self.thread.setObjectName("bpviz-training")
        worker.moveToThread(self.thread)
        worker.finished.connect(self._on_worker_finished)
        # Observers first, then run(): receivers of started are called in connection order.
        self.thread.started.connect(worker.run)

    def start(self) -> None:
        self.thread.start()

    @property
    def running(self) -> bool:
        return self.thread.isRunning()

    def _on_worker_finished(self, reason: str) -> None:
        self.thread.quit()
        self.thread.wait()
        self.finished.emit(reason)

    def stop_and_wait(self, timeout_ms: int = 10000) -> bool:
        """Ask the worker to stop (directly, not by signal) and wait for its thread."""
        self.worker.request_stop()
        self.thread.quit()
        return self.thread.wait(timeout_ms)
