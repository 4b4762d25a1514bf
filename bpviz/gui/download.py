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
        of = f" of {size / 1e6:.1f} MB" if size else " MB"
        self.progress.emit(pct, f"{file} ({done + 1}/{total}): {got / 1e6:.1f}{of}")

    @Slot()
    def run(self) -> None:
        try:
            folder = fetch(self.name, root=self.root, progress=self._on_progress, cancel=self.cancel_event)
        except DownloadCancelled:
            self.finished.emit(False, "Download cancelled; nothing was kept.")
        except DownloadError as e:
            self.finished.emit(False, str(e))
        except Exception as e:  # never leave the GUI waiting
            self.finished.emit(False, f"Download failed: {type(e).__name__}: {e}")
        else:
            self.finished.emit(True, f"Downloaded and verified {self.name} in {folder}.")


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
