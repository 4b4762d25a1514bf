"""Downloading a dataset as background work (see :mod:`bpviz.gui.worker`), with progress and Cancel."""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from bpviz.data.download import DownloadCancelled, DownloadError, fetch
from bpviz.gui.worker import Cancelled, Feed


def _tr(text: str) -> str:
    return QCoreApplication.translate("DownloadWorker", text)


@dataclass(frozen=True)
class DownloadProgress:
    percent: int      # of all files, 0–100
    text: str         # e.g. "train-images-idx3-ubyte.gz (1/4): 3.1 of 9.9 MB"


def download_work(name: str, root=None, interval: float = 0.05):
    """The work of downloading dataset ``name`` (for :meth:`Workers.start`): puts
    :class:`DownloadProgress` items, returns the folder; cancelled (nothing kept) by the token;
    a failed download raises its :class:`DownloadError` with the reason."""

    def work(feed: Feed):
        last = 0.0

        def progress(file: str, got: int, size: int | None, done: int, total: int) -> None:
            nonlocal last
            now = time.perf_counter()
            if now - last < interval and (size is None or got < size):
                return
            last = now
            part = got / size if size else 0.0
            got_mb = f"{got / 1e6:.1f}"
            text = (_tr("{got} of {size} MB").format(got=got_mb, size=f"{size / 1e6:.1f}") if size else
                    _tr("{got} MB").format(got=got_mb))
            feed.put(DownloadProgress(int(100 * (done + part) / total), f"{file} ({done + 1}/{total}): {text}"))

        try:
            return fetch(name, root=root, progress=progress, cancel=feed.token.event)
        except DownloadCancelled:
            raise Cancelled from None

    return work


def cancelled_text() -> str:
    return _tr("Download cancelled; nothing was kept.")


def failed_text(error: BaseException) -> str:
    if isinstance(error, DownloadError):
        return str(error)
    return _tr("Download failed: {error}").format(error=f"{type(error).__name__}: {error}")


def done_text(name: str, folder) -> str:
    return _tr("Downloaded and verified {name} in {folder}.").format(name=name, folder=folder)
