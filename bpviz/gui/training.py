"""Training off the GUI thread: a :class:`~bpviz.state.TrainingRun` in a QThread.

The run is Qt-free and queues its events; the thread only runs it and, whenever events were
queued, emits ``wake`` so the session drains them on the GUI thread. ``finished`` (the
thread's own signal) triggers one last drain, which holds everything the run produced.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal

from bpviz.state import TrainingRun


class _RunThread(QThread):
    wake = Signal()   # events are waiting in the run's queue

    def __init__(self, run: TrainingRun) -> None:
        super().__init__()
        self.training_run = run
        self.setObjectName("bpviz-training")

    def run(self) -> None:  # noqa: D102 (QThread's entry point, in the new thread)
        self.training_run.run(notify=self.wake.emit)


class TrainingController(QObject):
    """Owns one run and its thread; keeps both referenced until the thread has finished
    (a QThread garbage-collected while running aborts the process)."""

    def __init__(self, run: TrainingRun, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.run = run
        self.thread = _RunThread(run)
        self.wake = self.thread.wake
        self.finished = self.thread.finished

    def start(self) -> None:
        self.thread.start()

    def stop_and_wait(self, timeout_ms: int = 10000) -> bool:
        """Ask the run to stop (directly: a flag, not a signal) and wait for its thread;
        False if it is still busy after ``timeout_ms`` (e.g. evaluating a huge network)."""
        self.run.request_stop()
        return self.thread.wait(timeout_ms)

    def dispose(self) -> None:
        """After the thread has finished: let Qt free it."""
        self.thread.wait()
        self.thread.deleteLater()
        self.deleteLater()
