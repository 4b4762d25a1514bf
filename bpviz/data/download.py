"""Downloading the full MNIST and Fashion-MNIST files: mirrors, verification, cache.

Each file is fetched from a list of mirrors tried in order, streamed into a temporary file
in the cache folder while its MD5 is computed, checked against the published size and
checksum, and only then renamed into place — so a failed, cancelled, truncated or corrupted
download never leaves a file that later loads. A file already in the cache with the right
checksum is not fetched again. Stdlib only (urllib); the caller passes a progress callback
and a cancel flag (``threading.Event``-like: anything with ``is_set()``).
"""

from __future__ import annotations

import hashlib
import http.client
import os
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bpviz.data.classes import DIGITS, FASHION_CLASSES
from bpviz.fileutil import atomic_write

CHUNK = 1 << 16
#: Largest file accepted when the published size is unknown (the largest real file is 26 MB).
MAX_BYTES = 64 << 20


@dataclass(frozen=True)
class RemoteFile:
    name: str
    md5: str
    size: int | None = None   # published size in bytes, when known


@dataclass(frozen=True)
class RemoteDataset:
    name: str
    title: str
    files: tuple[RemoteFile, ...]
    mirrors: tuple[str, ...]   # base URLs ending in "/"
    class_names: tuple[str, ...] = DIGITS
    download_mb: float = 0.0


# Published sizes and MD5 checksums of the original files (as the publishers list them); the
# mirrors are the ones torchvision and TensorFlow use.
MNIST = RemoteDataset(
    "mnist", "MNIST, full (60,000 + 10,000 images)",
    (
        RemoteFile("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873", 9912422),
        RemoteFile("train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432", 28881),
        RemoteFile("t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3", 1648877),
        RemoteFile("t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c", 4542),
    ),
    (
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
        "http://yann.lecun.com/exdb/mnist/",
    ),
    DIGITS, 11.6,
)
FASHION_MNIST = RemoteDataset(
    "fashion-mnist", "Fashion-MNIST (60,000 + 10,000 images of clothing)",
    (
        RemoteFile("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
        RemoteFile("train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe"),
        RemoteFile("t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79"),
        RemoteFile("t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310"),
    ),
    (
        "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
        "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
    ),
    FASHION_CLASSES, 30.9,
)
REMOTE_NAMES = ("mnist", "fashion-mnist")


def remote(name: str) -> RemoteDataset:
    """The downloadable dataset called ``name`` (looked up when called, so tests can swap it)."""
    table = {"mnist": MNIST, "fashion-mnist": FASHION_MNIST}
    try:
        return table[name]
    except KeyError:
        raise ValueError(f"no downloadable dataset {name!r}; choose one of {', '.join(table)}") from None

#: progress(file name, bytes of this file so far, its size or None, files done, files in all)
Progress = Callable[[str, int, "int | None", int, int], None]


class DownloadError(RuntimeError):
    """No mirror delivered a verified file (the message lists what each one did)."""


class DownloadCancelled(RuntimeError):
    """The caller cancelled; nothing half-written was left behind."""


def data_dir() -> Path:
    """The per-user cache folder: $BPVIZ_DATA_DIR, else the platform's cache folder + bpviz."""
    env = os.environ.get("BPVIZ_DATA_DIR")
    if env:
        return Path(env).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return base / "bpviz" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "bpviz"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "bpviz"


def md5_of(path: Path) -> str:
    h = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def verified(path: Path, rf: RemoteFile) -> bool:
    """The cached file exists with the published size and checksum."""
    try:
        if rf.size is not None and path.stat().st_size != rf.size:
            return False
        return md5_of(path) == rf.md5
    except OSError:
        return False


def is_cached(ds: RemoteDataset, root: Path | None = None) -> bool:
    """All files present with the right sizes (cheap; checksums are checked when fetched)."""
    folder = (root or data_dir()) / ds.name
    for rf in ds.files:
        p = folder / rf.name
        if not p.is_file() or (rf.size is not None and p.stat().st_size != rf.size):
            return False
    return True


def _download_one(url: str, dest: Path, rf: RemoteFile, timeout: float, progress: Progress | None,
                  done: int, total: int, cancel) -> None:
    """Stream ``url`` into a temporary file beside ``dest``; rename only after it verifies."""
    with atomic_write(dest) as out, urllib.request.urlopen(url, timeout=timeout) as resp:
        length = resp.headers.get("Content-Length")
        expected = rf.size if rf.size is not None else (int(length) if length and length.isdigit() else None)
        if expected is not None and expected > MAX_BYTES:
            raise DownloadError(f"{url}: {expected:,} bytes is more than this file can be")
        h = hashlib.md5(usedforsecurity=False)
        got = 0
        while True:
            if cancel is not None and cancel.is_set():
                raise DownloadCancelled(f"download of {rf.name} cancelled")
            chunk = resp.read(CHUNK)
            if not chunk:
                break
            got += len(chunk)
            if got > MAX_BYTES or (rf.size is not None and got > rf.size):
                raise DownloadError(f"{url}: more data than the published {rf.size or MAX_BYTES:,} bytes")
            h.update(chunk)
            out.write(chunk)
            if progress is not None:
                progress(rf.name, got, expected, done, total)
        if rf.size is not None and got != rf.size:
            raise DownloadError(f"{url}: truncated, got {got:,} of {rf.size:,} bytes")
        if h.hexdigest() != rf.md5:
            raise DownloadError(f"{url}: checksum mismatch (md5 {h.hexdigest()}, expected {rf.md5})")


def fetch(ds: RemoteDataset | str, *, root: Path | str | None = None, progress: Progress | None = None,
          cancel=None, timeout: float = 15.0, mirrors: tuple[str, ...] | None = None) -> Path:
    """Make sure every file of ``ds`` is in the cache, verified; returns its folder.

    Raises DownloadError (no mirror worked: offline, all broken) or DownloadCancelled.
    Files that already verify are not requested again.
    """
    ds = remote(ds) if isinstance(ds, str) else ds
    folder = Path(root) if root is not None else data_dir()
    folder = folder / ds.name
    folder.mkdir(parents=True, exist_ok=True)
    mirrors = mirrors or ds.mirrors
    total = len(ds.files)
    for done, rf in enumerate(ds.files):
        dest = folder / rf.name
        if verified(dest, rf):
            continue
        if dest.exists():
            dest.unlink()  # a stale or damaged file must not load later
        errors = []
        for base in mirrors:
            url = base + rf.name
            try:
                _download_one(url, dest, rf, timeout, progress, done, total, cancel)
                break
            except DownloadCancelled:
                raise
            except urllib.error.HTTPError as e:
                errors.append(f"{url}: HTTP {e.code} {e.reason}")
            except urllib.error.URLError as e:
                errors.append(f"{url}: {e.reason}")
            except TimeoutError:
                errors.append(f"{url}: no answer within {timeout:g} s")
            except http.client.HTTPException as e:
                errors.append(f"{url}: connection broke off ({type(e).__name__})")
            except (DownloadError, OSError, ValueError) as e:
                errors.append(str(e))
        else:
            raise DownloadError(
                f"could not download {rf.name} of {ds.title} from any mirror — are you offline? "
                f"The bundled MNIST subset still works. Details: " + "; ".join(errors)
            )
    return folder
