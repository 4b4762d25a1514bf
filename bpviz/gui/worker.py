"""One worker for every piece of background work: training, twin runs, why-fast, downloads.

A :class:`Job` runs a function in its own ``QThread``. The function gets a :class:`Feed`:
it checks ``feed.token`` (a :class:`CancelToken`) between pieces of work and hands results
to the GUI with ``feed.put(item)``. The GUI thread receives them in order, in batches, at
most every ``interval`` seconds (a signal per item would starve the GUI, see QT-NOTES), and
then exactly one of ``finished`` (the function's return value), ``failed`` (the exception)
or ``cancelled`` (the function raised :class:`Cancelled`, or a generator was closed because
the token was cancelled), always after the last ``yielded``; ``ended`` follows.

:class:`Workers` holds every running job (a QThread garbage-collected while it runs aborts
the process) and has the one shutdown path: :meth:`Workers.shutdown` cancels every job and
waits for it. Only the main window calls it, and only after the user has confirmed quitting:
a "Quit?" question answered Cancel leaves every job running.

Why not superqt's ``thread_worker``: it runs jobs on Qt's global thread pool, which has as
many threads as cores (two here), so a third job (twins + training + why-fast) would wait
unseen in the queue; it emits one signal per yielded value; pausing polls with sleeps; and it
adds qtpy and needs Python ≥ 3.11 while bpviz supports 3.10. The shape of its API (yielded /
finished / errored / aborted, a quit flag, one place that waits for all workers) is kept here.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal

#: Seconds between two deliveries of yielded items to the GUI thread (at most ~20 a second).
INTERVAL = 0.05


class Cancelled(Exception):
    """Raised by work that saw its token cancelled and gave up (the job then emits ``cancelled``)."""


class CancelToken:
    """A flag any thread may set once; work reads it between pieces. Callbacks registered with
    :meth:`on_cancel` run in the cancelling thread (e.g. to stop a run's own loop)."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._callbacks: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        with self._lock:
            if self._event.is_set():
                return
            self._event.set()
            callbacks = list(self._callbacks)
        for cb in callbacks:
            cb()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)
                return
        callback()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True at once if (or as soon as) the token is cancelled."""
        return self._event.wait(seconds)

    @property
    def event(self) -> threading.Event:
        """The underlying flag, for Qt-free code that takes a ``threading.Event``."""
        return self._event


class Feed:
    """What the work function sees: the token, and ``put`` to hand items to the GUI thread.

    At most one wake-up is pending at a time: items put while the GUI has not yet taken the
    previous ones ride along, so a fast producer costs one queued signal per delivery."""

    def __init__(self, token: CancelToken, wake: Callable[[], None]) -> None:
        self.token = token
        self._items: list[Any] = []
        self._lock = threading.Lock()
        self._wake = wake
        self._woken = False

    def put(self, item: Any) -> None:
        self.extend((item,))

    def extend(self, items) -> None:
        with self._lock:
            self._items.extend(items)
            wake = not self._woken and bool(self._items)
            self._woken = self._woken or wake
        if wake:
            self._wake()

    def take(self) -> list[Any]:
        """Everything put since the last take, in order (GUI thread)."""
        with self._lock:
            items, self._items = self._items, []
            self._woken = False
        return items


class _Thread(QThread):
    wake = Signal()   # items are waiting in the feed

    def __init__(self, target: Callable[[], None], name: str) -> None:
        super().__init__()
        self.target = target
        self.setObjectName(f"bpviz-{name}")

    def run(self) -> None:  # noqa: D102 (QThread's entry point, in the new thread)
        self.target()


class Job(QObject):
    """One piece of background work in its own thread.

    ``work(feed)`` runs in the thread; it may be a generator function, whose every yielded
    value is put into the feed (the token is checked between two values) and whose return
    value is the result. Signals, all received on the GUI thread, in this order:
    """

    yielded = Signal(list)       # the items put since the last delivery, in order
    finished = Signal(object)    # the work's return value (after the last ``yielded``)
    failed = Signal(object)      # the exception that ended the work (BaseException)
    cancelled = Signal()         # the work gave up because its token was cancelled
    ended = Signal()             # after finished, failed or cancelled: the job is over

    def __init__(self, work: Callable[[Feed], Any], name: str = "job", *, interval: float = INTERVAL,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.token = CancelToken()
        self._work = work
        self._thread = _Thread(self._work_in_thread, name)
        self.feed = Feed(self.token, self._thread.wake.emit)
        self.interval = interval
        self._last_delivery = 0.0
        self._later = QTimer(self, singleShot=True)   # a delivery held back to keep the interval
        self._later.timeout.connect(self._deliver)
        self._thread.wake.connect(self._on_wake)
        self._thread.finished.connect(self._end)
        self._outcome: tuple[str, Any] | None = None
        self.done = False

    @property
    def thread(self) -> QThread:
        return self._thread

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop (directly, from any thread: a queued signal would never reach a
        thread that is busy working)."""
        self.token.cancel()

    def wait(self, timeout_ms: int | None = None) -> bool:
        """Wait for the thread; then deliver what is left and the outcome now (not on the event
        loop's next pass). False if it is still working after ``timeout_ms``."""
        ok = self._thread.wait() if timeout_ms is None else self._thread.wait(timeout_ms)
        if ok:
            self._end()
        return ok

    # -- in the thread --------------------------------------------------------------------------
    def _work_in_thread(self) -> None:
        try:
            result = self._work(self.feed)
            if isinstance(result, Iterator) and hasattr(result, "send"):
                result = self._drive(result)
        except Cancelled:
            self._outcome = ("cancelled", None)
        except BaseException as e:  # noqa: BLE001 (reported, never lost with the thread)
            self._outcome = ("failed", e)
        else:
            self._outcome = ("finished", result)

    def _drive(self, gen) -> Any:
        token, put = self.token, self.feed.put
        try:
            while True:
                if token.cancelled:
                    gen.close()
                    raise Cancelled
                try:
                    item = next(gen)
                except StopIteration as stop:
                    return stop.value
                put(item)
        finally:
            gen.close()

    # -- on the GUI thread ----------------------------------------------------------------------
    def _on_wake(self) -> None:
        wait = self.interval - (time.perf_counter() - self._last_delivery)
        if wait > 0:
            if not self._later.isActive():
                self._later.start(max(1, int(1000 * wait)))
            return
        self._deliver()

    def deliver(self) -> None:
        """Hand over what the work has put so far, now (GUI thread), e.g. before asking a question."""
        self._deliver()

    def _deliver(self) -> None:
        self._later.stop()
        self._last_delivery = time.perf_counter()
        items = self.feed.take()
        if items:
            self.yielded.emit(items)

    def _end(self) -> None:
        if self.done or self._thread.isRunning():
            return
        self._thread.wait()
        self.done = True
        self._deliver()
        kind, value = self._outcome or ("failed", RuntimeError("the job's thread ended without an outcome"))
        # Done with the work: let go of it and of its result (a trained network, a dataset …)
        # whoever still holds this Job object.
        self._outcome = self._work = None
        self._thread.target = None
        if kind == "finished":
            self.finished.emit(value)
        elif kind == "failed":
            self.failed.emit(value)
        else:
            self.cancelled.emit()
        del value
        self.ended.emit()


class Workers(QObject):
    """Every running job, kept referenced until it has ended; one shutdown for all."""

    started = Signal(object)   # a Job was started
    idle = Signal()            # the last running job ended

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs: list[Job] = []
        self.closed = False

    def start(self, work: Callable[[Feed], Any], name: str, *, interval: float = INTERVAL,
              connect: dict[str, Callable] | None = None) -> Job:
        """Make a Job of ``work``, connect ``connect``'s slots (before it starts: no signal is
        missed), start it and keep it until it ends."""
        if self.closed:
            raise RuntimeError("bpviz is closing: no new background work")
        job = Job(work, name, interval=interval)   # owned by Python: freed once unreferenced
        for signal, slot in (connect or {}).items():
            getattr(job, signal).connect(slot)
        # A weak reference: a lambda holding the job, connected to the job's own signal, would
        # keep the job (and the network its outcome holds) alive for ever.
        ref = weakref.ref(job)
        job.ended.connect(lambda: self._forget(ref()))
        self.jobs.append(job)
        job.start()
        self.started.emit(job)
        return job

    def _forget(self, job: Job | None) -> None:
        if job is not None and job in self.jobs:
            self.jobs.remove(job)
            if not self.jobs:
                self.idle.emit()

    def running(self, name: str | None = None) -> list[Job]:
        return [j for j in self.jobs if name is None or j.name == name]

    def shutdown(self, timeout_ms: int | None = None) -> bool:
        """Cancel every job and wait for each (the window is closing: the user confirmed).
        Each job still delivers its last items and its outcome. False if one is still busy
        after ``timeout_ms`` (None: wait however long)."""
        self.closed = True
        for job in list(self.jobs):
            job.cancel()
        ok = True
        for job in list(self.jobs):
            ok = job.wait(timeout_ms) and ok
        return ok
