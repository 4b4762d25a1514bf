"""Running Qt's event loop for a while (screenshots, benchmarks)."""

from __future__ import annotations


def run_event_loop(seconds: float) -> None:
    """Run Qt's event loop as the app does (app.exec()), for ``seconds``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
