"""Writing files so that an interruption never leaves a broken one (stdlib only)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def _default_file_mode() -> int:
    # mkstemp creates 0600 files; a finished file should get the usual rw-r--r-- (umask applied).
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


DEFAULT_MODE = _default_file_mode()


@contextmanager
def atomic_write(dest: str | os.PathLike) -> Iterator[BinaryIO]:
    """Yield a binary file in ``dest``'s folder; if the block finishes, flush, fsync and rename
    it to ``dest`` (keeping an existing file's permissions); if anything is raised — an error,
    a failed check, Ctrl+C — remove it, so ``dest`` is either the old file or the new one."""
    dest = Path(dest)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent if str(dest.parent) else ".")
    try:
        os.chmod(tmp, dest.stat().st_mode & 0o777 if dest.exists() else DEFAULT_MODE)
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, dest)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
