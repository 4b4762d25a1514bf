"""Redraw on a timer only when something changed: views poll a cheap version key instead of
reacting to every progress signal (a redraw per signal starves the GUI and the worker)."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, QTimer


class Poller(QObject):
    """Every ``interval_ms``, call ``callback()`` if ``key()`` differs from the last call's."""

    def __init__(self, interval_ms: int, key: Callable[[], Hashable], callback: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key, self._callback = key, callback
        self._last: Hashable = object()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def poll(self) -> None:
        k = self._key()
        if k != self._last:
            self._last = k
            self._callback()

    def force(self) -> None:
        """Call the callback now and remember the current key."""
        self._last = self._key()
        self._callback()
