"""Downloading a dataset off the GUI thread, with progress and Cancel."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QThread, Signal, Slot

from bpviz.data.download import DownloadCancelled, DownloadError, fetch


class DownloadWorker(QObject):
    progress = Signal(int, str)   # percent of all files (0–100), a line of text
    finished = Signal(bool, str)  # success, message

    def __init__(self, name: str, root=None) -> None:
        super().__init__()
        self.name, self.root = name, root
        self.cancel_event = threading.Event()
        self._last = 0.0

    def cancel(self) -> None:  # called directly from the GUI thread
        self.cancel_event.set()

    def _on_progress(self, file: str, got: int, size: int | None, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - self._last < 0.05 and (size is None or got < size):
            return
        self._last = now
        part = got / size if size else 0.0
        pct = int(100 * (done + part) / total)
        got_mb = f"{got / 1e6:.1f}"
        text = (self.tr("{got} of {size} MB").format(got=got_mb, size=f"{size / 1e6:.1f}") if size else
                self.tr("{got} MB").format(got=got_mb))
        self.progress.emit(pct, f"{file} ({done + 1}/{total}): {text}")

    @Slot()
    def run(self) -> None:
        try:
            folder = fetch(self.name, root=self.root, progress=self._on_progress, cancel=self.cancel_event)
        except DownloadCancelled:
            self.finished.emit(False, self.tr("Download cancelled; nothing was kept."))
        except DownloadError as e:
            self.finished.emit(False, str(e))
        except Exception as e:  # never leave the GUI waiting
            self.finished.emit(False, self.tr("Download failed: {error}").format(error=f"{type(e).__name__}: {e}"))
        else:
            self.finished.emit(True, self.tr("Downloaded and verified {name} in {folder}.").format(
                name=self.name, folder=folder))


class Download(QObject):
    """One download in its own thread; keeps worker and thread alive until the thread ends."""

    finished = Signal(bool, str)

    def __init__(self, name: str, root=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = DownloadWorker(name, root)
        self.thread = QThread()
        self.worker.moveToThread(self.thread)
        self.worker.finished.connect(self._on_finished)
        self.thread.started.connect(self.worker.run)

    def start(self) -> None:
        self.thread.start()

    def cancel_and_wait(self) -> None:
        self.worker.cancel()
        self.thread.quit()
        self.thread.wait()

    def _on_finished(self, ok: bool, message: str) -> None:
        self.thread.quit()
        self.thread.wait()
        self.finished.emit(ok, message)
