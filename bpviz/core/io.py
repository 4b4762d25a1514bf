"""Save and load networks as ``.npz`` files (no pickle).

Layout (format 2): ``format`` (int), ``sizes`` (int64 (L,)), ``cost``, ``init``,
``activation`` and ``output`` (unicode scalars), ``metadata`` (a JSON object as a unicode
scalar) and ``w2, b2, …, wL, bL``, with w^l of shape (n_l, n_{l-1}) and b^l of shape (n_l,),
float32 or float64. Optionally what the input neurons are (:class:`ModelInputs`):
``features`` (unicode (n_1,), e.g. x1, x1x2 or a table's column names) and the table's
standardisation ``mean`` and ``std`` (float64 (n_1,)): x = (raw − mean) / std.
Format 1 (before activations) has no ``activation``/``output``: its networks are sigmoid.

Loading uses ``allow_pickle=False`` and checks every array before building the network,
so a wrong, corrupt or truncated file raises :class:`ModelFileError` naming the file.
Saving writes a temporary file beside the target and renames it into place, so an
interrupted save never destroys the previous file.
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bpviz.core.activations import ACTIVATIONS, OUTPUTS
from bpviz.core.costs import COSTS
from bpviz.core.network import DTYPES, INITS, Network
from bpviz.fileutil import atomic_write

FORMAT = 2
READABLE = (1, 2)
_REQUIRED = ("format", "sizes", "cost", "init", "metadata")
_OPTIONAL = ("activation", "output", "features", "mean", "std")


class ModelFileError(ValueError):
    """A model file could not be read or is not a valid bpviz model."""


@dataclass(frozen=True, eq=False)
class ModelInputs:
    """What a network's input neurons are: feature names (n_1,) and, for a table, the training
    split's standardisation x = (raw − mean) / std (mean, std: float64 (n_1,) or None)."""

    features: tuple[str, ...] = ()
    mean: np.ndarray | None = None
    std: np.ndarray | None = None

    def standardise(self, raw: np.ndarray) -> np.ndarray:
        """(raw − mean) / std for rows raw (n, n_1); raw itself without a standardisation."""
        raw = np.asarray(raw, dtype=np.float64)
        return raw if self.mean is None else (raw - self.mean) / self.std


def save_network(network: Network, path: str | os.PathLike, metadata: dict | None = None,
                 inputs: ModelInputs | None = None) -> Path:
    """Write ``network`` (and what its inputs are) to ``path`` (``.npz`` appended if missing) atomically."""
    path = Path(path)
    if path.suffix != ".npz":
        path = path.with_name(path.name + ".npz")
    arrays: dict[str, np.ndarray] = {
        "format": np.array(FORMAT, dtype=np.int64),
        "sizes": np.array(network.sizes, dtype=np.int64),
        "cost": np.array(network.cost.name),
        "init": np.array(network.init),
        "activation": np.array(network.activation.name),
        "output": np.array(network.output),
        "metadata": np.array(json.dumps(metadata or {}, sort_keys=True)),
    }
    if inputs is not None:
        n_in = network.sizes[0]
        if inputs.features:
            if len(inputs.features) != n_in:
                raise ValueError(f"{len(inputs.features)} feature names for {n_in} inputs")
            arrays["features"] = np.array([str(f) for f in inputs.features])
        if (inputs.mean is None) != (inputs.std is None):
            raise ValueError("a standardisation needs both mean and std")
        if inputs.mean is not None:
            mean, std = np.asarray(inputs.mean, np.float64), np.asarray(inputs.std, np.float64)
            if mean.shape != (n_in,) or std.shape != (n_in,) or not (np.isfinite(mean).all() and (std > 0).all()):
                raise ValueError(f"mean and std must be finite of shape ({n_in},), std > 0")
            arrays["mean"], arrays["std"] = mean, std
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
    net, metadata, _ = load_model(path)
    return net, metadata


def load_model(path: str | os.PathLike) -> tuple[Network, dict, ModelInputs]:
    """Read a model file: (network, metadata, what its inputs are)."""
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


def _read(path: Path, data) -> tuple[Network, dict, ModelInputs]:
    """Check every entry of an opened .npz and build the network (errors name the file)."""
    with data:
        keys = set(data.files)
        for key in _REQUIRED:
            if key not in keys:
                raise ModelFileError(f"{path}: not a bpviz model (no '{key}' entry)")
        fmt = data["format"]
        if fmt.shape != () or fmt.dtype.kind not in "iu" or int(fmt) not in READABLE:
            raise ModelFileError(f"{path}: unsupported model format {fmt!r} (this bpviz reads formats "
                                 f"{', '.join(map(str, READABLE))})")
        fmt = int(fmt)
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
        allowed = set(_REQUIRED) | (set(_OPTIONAL) if fmt >= 2 else set())
        extra = sorted(keys - expected - allowed)
        if extra:
            raise ModelFileError(f"{path}: unexpected entries {', '.join(extra)}")
        activation = _scalar_str(data, "activation", path) if "activation" in keys else "sigmoid"
        if activation not in ACTIVATIONS:
            raise ModelFileError(f"{path}: unknown activation {activation!r}")
        output = _scalar_str(data, "output", path) if "output" in keys else "sigmoid"
        if output not in OUTPUTS:
            raise ModelFileError(f"{path}: unknown output layer {output!r}")
        inputs = _read_inputs(path, data, keys, sizes[0])
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
    try:
        net = Network(sizes, rng=0, cost=cost, init=init, dtype=dtype, activation=activation, output=output)
    except ValueError as e:   # e.g. a softmax output saved with the quadratic cost
        raise ModelFileError(f"{path}: {e}") from None
    net.set_parameters(weights, biases)
    return net, metadata, inputs


def _read_inputs(path: Path, data, keys: set[str], n_in: int) -> ModelInputs:
    features: tuple[str, ...] = ()
    if "features" in keys:
        f = data["features"]
        if f.dtype.kind != "U" or f.shape != (n_in,):
            raise ModelFileError(f"{path}: 'features' must be {n_in} names, one per input")
        features = tuple(str(x) for x in f)
    if ("mean" in keys) != ("std" in keys):
        raise ModelFileError(f"{path}: a standardisation needs both 'mean' and 'std'")
    mean = std = None
    if "mean" in keys:
        mean, std = data["mean"], data["std"]
        for name, arr in (("mean", mean), ("std", std)):
            if arr.dtype != np.float64 or arr.shape != (n_in,) or not np.isfinite(arr).all():
                raise ModelFileError(f"{path}: '{name}' must be {n_in} finite float64 numbers")
        if not (std > 0).all():
            raise ModelFileError(f"{path}: 'std' must be positive")
    return ModelInputs(features, mean, std)
