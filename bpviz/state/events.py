"""A minimal Qt-free event: the models announce changes with it, the Session relays them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Event:
    """Callbacks connected in order and called with what :meth:`emit` is given.

    Like a Qt signal on one thread, without Qt: models stay importable and testable headless.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._callbacks: list[Callable[..., Any]] = []

    def connect(self, callback: Callable[..., Any]) -> Callable[..., Any]:
        self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callable[..., Any]) -> None:
        self._callbacks.remove(callback)

    def emit(self, *args: Any) -> None:
        for cb in list(self._callbacks):
            cb(*args)

    def __repr__(self) -> str:
        return f"Event({self.name!r}, {len(self._callbacks)} connected)"
