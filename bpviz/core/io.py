"""Save and load networks as ``.npz`` files (no pickle).

Layout (format 1): ``format`` (int), ``sizes`` (int64 (L,)), ``cost`` and ``init``
(unicode scalars), ``metadata`` (a JSON object as a unicode scalar) and ``w2, b2, …,
wL, bL``, with w^l of shape (n_l, n_{l-1}) and b^l of shape (n_l,), float32 or float64.

Loading uses ``allow_pickle=False`` and checks every array before building the network,
so a wrong, corrupt or truncated file raises :class:`ModelFileError` naming the file.
Saving writes a temporary file beside the target and renames it into place, so an
interrupted save never destroys the previous file.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import numpy as np

from bpviz.core.costs import COSTS
from bpviz.core.network import DTYPES, INITS, Network
from bpviz.fileutil import atomic_write

FORMAT = 1



class ModelFileError(ValueError):
    """A model file could not be read or is not a valid bpviz model."""


def save_network(network: Network, path: str | os.PathLike, metadata: dict | None = None) -> Path:
    """Write ``network`` to ``path`` (``.npz`` is appended if missing) atomically."""
    path = Path(path)
    if path.suffix != ".npz":
        path = path.with_name(path.name + ".npz")
    arrays: dict[str, np.ndarray] = {
        "format": np.array(FORMAT, dtype=np.int64),
        "sizes": np.array(network.sizes, dtype=np.int64),
        "cost": np.array(network.cost.name),
        "init": np.array(network.init),
        "metadata": np.array(json.dumps(metadata or {}, sort_keys=True)),
    }
    for l in range(2, network.num_layers + 1):
        arrays[f"w{l}"] = network.w(l)
        arrays[f"b{l}"] = network.b(l)
    with atomic_write(path) as f:
        np.savez(f, **arrays)
    return path


def _scalar_str(data, key: str, path) -> str:
    arr = data[key]
    if arr.shape != () or arr.dtype.kind != "U":
        raise ModelFileError(f"{path}: '{key}' must be a text value")
    return str(arr[()])


def load_network(path: str | os.PathLike) -> tuple[Network, dict]:
    """Read a network saved by :func:`save_network`; returns (network, metadata)."""
    path = Path(path)
    try:
        # Opened here so the handle is closed even when np.load fails on a corrupt file.
        with open(path, "rb") as f:
            # A bpviz model is an .npz, i.e. a zip archive: anything else (a text file, a bare
            # .npy) is named for what it is, not by what np.load would try to read it as.
            if f.read(4) != b"PK\x03\x04":
                raise ModelFileError(f"{path}: not a bpviz model file (a model is an .npz archive saved by bpviz)")
            f.seek(0)
            data = np.load(f, allow_pickle=False)
            return _read(path, data)
    except ModelFileError:
        raise
    except FileNotFoundError:
        raise ModelFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ModelFileError(f"{path}: is a folder, not a model file") from None
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, KeyError) as e:
        raise ModelFileError(f"{path}: not a readable bpviz model file ({type(e).__name__}: {e})") from None


def _read(path: Path, data) -> tuple[Network, dict]:
    """Check every entry of an opened .npz and build the network (errors name the file)."""
    with data:
        keys = set(data.files)
        for key in ("format", "sizes", "cost", "init", "metadata"):
            if key not in keys:
                raise ModelFileError(f"{path}: not a bpviz model (no '{key}' entry)")
        fmt = data["format"]
        if fmt.shape != () or fmt.dtype.kind not in "iu" or int(fmt) != FORMAT:
            raise ModelFileError(f"{path}: unsupported model format {fmt!r} (this bpviz reads format {FORMAT})")
        sizes_arr = data["sizes"]
        if sizes_arr.ndim != 1 or sizes_arr.dtype.kind not in "iu" or len(sizes_arr) < 2 or np.any(sizes_arr < 1):
            raise ModelFileError(f"{path}: invalid layer sizes {sizes_arr.tolist()!r}")
        sizes = tuple(int(s) for s in sizes_arr)
        cost = _scalar_str(data, "cost", path)
        if cost not in COSTS:
            raise ModelFileError(f"{path}: unknown cost {cost!r}")
        init = _scalar_str(data, "init", path)
        if init not in INITS:
            raise ModelFileError(f"{path}: unknown initialisation {init!r}")
        try:
            metadata = json.loads(_scalar_str(data, "metadata", path))
        except json.JSONDecodeError as e:
            raise ModelFileError(f"{path}: metadata is not valid JSON ({e})") from None
        if not isinstance(metadata, dict):
            raise ModelFileError(f"{path}: metadata must be a JSON object")
        expected = {f"w{l}" for l in range(2, len(sizes) + 1)} | {f"b{l}" for l in range(2, len(sizes) + 1)}
        missing = sorted(expected - keys)
        if missing:
            raise ModelFileError(f"{path}: missing arrays {', '.join(missing)} for sizes {list(sizes)}")
        extra = sorted(keys - expected - {"format", "sizes", "cost", "init", "metadata"})
        if extra:
            raise ModelFileError(f"{path}: unexpected entries {', '.join(extra)}")
        weights, biases, dtype = [], [], None
        for l in range(2, len(sizes) + 1):
            w, b = data[f"w{l}"], data[f"b{l}"]
            if w.shape != (sizes[l - 1], sizes[l - 2]):
                raise ModelFileError(
                    f"{path}: w{l} has shape {w.shape}, expected {(sizes[l - 1], sizes[l - 2])}"
                )
            if b.shape != (sizes[l - 1],):
                raise ModelFileError(f"{path}: b{l} has shape {b.shape}, expected {(sizes[l - 1],)}")
            for name, arr in ((f"w{l}", w), (f"b{l}", b)):
                if arr.dtype not in DTYPES or (dtype is not None and arr.dtype != dtype):
                    raise ModelFileError(f"{path}: {name} has dtype {arr.dtype}; expected one float32 or float64 type")
                dtype = arr.dtype
                if not np.isfinite(arr).all():
                    raise ModelFileError(f"{path}: {name} contains NaN or infinite values")
            weights.append(w)
            biases.append(b)
    net = Network(sizes, rng=0, cost=cost, init=init, dtype=dtype)
    net.set_parameters(weights, biases)
    return net, metadata
