"""Redraw when something changed, at most so often: views subscribe to the session's typed events
(parameters, world, sample, selection, step, drawing, lens, config, run state, progress) and hand
them to a :class:`Throttle`, which calls the redraw at once when the last one is old enough and
otherwise once at the end of the interval. While nothing changes no timer runs (no polling)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Throttle(QObject):
    """Calls ``callback()`` for a burst of :meth:`request` at most once per ``interval_ms``.

    ``now()`` (optional) says when a request must be answered at once whatever the interval (a
    watchable pace: every update is drawn on its own)."""

    def __init__(self, interval_ms: int | Callable[[], int], callback: Callable[[], None],
                 parent: QObject | None = None, now: Callable[[], bool] | None = None) -> None:
        super().__init__(parent)
        self._callback = callback
        self._interval = interval_ms    # ms, or a function giving it (it may depend on the pace)
        self._now = now
        self._last = -1e9
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._fire)

    @property
    def pending(self) -> bool:
        """A call is scheduled (the only time this object has a timer running)."""
        return self._timer.isActive()

    def request(self, *_args) -> None:
        """Something changed: call back now if allowed, else once when the interval has passed."""
        interval = self._interval() if callable(self._interval) else self._interval
        wait = self._last + interval / 1000 - time.perf_counter()
        if wait <= 0 or (self._now is not None and self._now()):
            self._timer.stop()
            self._fire()
        elif not self._timer.isActive():
            self._timer.start(max(1, int(wait * 1000)))

    def force(self, *_args) -> None:
        """Call back now (a change that must be shown at once: a new network, a tab shown)."""
        self._timer.stop()
        self._fire()

    def _fire(self) -> None:
        self._last = time.perf_counter()
        self._callback()
