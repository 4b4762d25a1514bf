"""Reader for the IDX format of MNIST and Fashion-MNIST, raw or gzip-compressed.

An IDX file is: two zero bytes, a type code, the number of dimensions d, d big-endian
uint32 sizes, then the data in C order, big-endian. Everything in the header is checked
before any data is read, and the data is read in bounded chunks, so a corrupt header can
neither allocate gigabytes nor hang; every failure is an :class:`IDXError` naming the file.
"""

from __future__ import annotations

import gzip
import os
import struct
import zlib
from pathlib import Path

import numpy as np

#: type code → NumPy dtype (big-endian, as the format stores it)
IDX_TYPES = {
    0x08: np.dtype(np.uint8),
    0x09: np.dtype(np.int8),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
MAX_DIMS = 4
#: Largest data section accepted: far above full MNIST (47 MB) and guards memory.
MAX_BYTES = 1 << 30
_CHUNK = 1 << 20


class IDXError(ValueError):
    """A file is not a valid IDX file (the message names the file and the problem)."""


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(2) == b"\x1f\x8b"


def _read_exact(f, n: int, path: Path, what: str) -> bytes:
    parts, got = [], 0
    while got < n:
        chunk = f.read(min(_CHUNK, n - got))
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    if got < n:
        raise IDXError(f"{path}: truncated {what}: expected {n} bytes, found {got}")
    return b"".join(parts)


def parse_magic(head: bytes, path: Path | str = "<bytes>") -> tuple[np.dtype, int]:
    """Decode the 4-byte magic number; returns (dtype, number of dimensions)."""
    if len(head) < 4:
        raise IDXError(f"{path}: too short to be an IDX file ({len(head)} bytes)")
    if head[0] != 0 or head[1] != 0:
        raise IDXError(f"{path}: not an IDX file (bad magic number {head[:4].hex()})")
    code, ndim = head[2], head[3]
    if code not in IDX_TYPES:
        raise IDXError(f"{path}: unknown IDX type code 0x{code:02x}")
    if not 1 <= ndim <= MAX_DIMS:
        raise IDXError(f"{path}: unsupported number of dimensions {ndim} (1..{MAX_DIMS})")
    return IDX_TYPES[code], ndim


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Read an IDX file (``.gz`` or raw) into an array of its native shape and type.

    Returns a native-endian array (uint8 for MNIST). Raises :class:`IDXError` for a
    missing, corrupt, truncated or oversized file.
    """
    path = Path(path)
    try:
        opener = gzip.open if _is_gzip(path) else open
        with opener(path, "rb") as f:
            head = _read_exact(f, 4, path, "header")
            dtype, ndim = parse_magic(head, path)
            dims = struct.unpack(f">{ndim}I", _read_exact(f, 4 * ndim, path, "header"))
            count = 1
            for d in dims:
                count *= d
            nbytes = count * dtype.itemsize
            if nbytes > MAX_BYTES:
                raise IDXError(
                    f"{path}: header claims {nbytes:,} bytes of data ({' × '.join(map(str, dims))}), "
                    f"more than the {MAX_BYTES:,} accepted"
                )
            if opener is open:
                remaining = path.stat().st_size - 4 - 4 * ndim
                if remaining != nbytes:
                    kind = "truncated" if remaining < nbytes else "has trailing bytes"
                    raise IDXError(f"{path}: {kind}: header says {nbytes:,} data bytes, file has {remaining:,}")
            data = _read_exact(f, nbytes, path, "data")
            if f.read(1):
                raise IDXError(f"{path}: has trailing bytes after the {nbytes:,} data bytes its header describes")
    except IDXError:
        raise
    except FileNotFoundError:
        raise IDXError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise IDXError(f"{path}: is a folder, not an IDX file") from None
    except (gzip.BadGzipFile, EOFError, zlib.error, OSError) as e:
        raise IDXError(f"{path}: corrupt or unreadable ({type(e).__name__}: {e})") from None
    arr = np.frombuffer(data, dtype=dtype).reshape(dims)
    return arr.astype(dtype.newbyteorder("="), copy=False) if dtype.byteorder == ">" else arr
