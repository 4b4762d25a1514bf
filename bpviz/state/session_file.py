"""Session files (``.bpviz``): an exact starting point a teacher hands a class (Qt-free).

A session file is a zip archive with

- ``manifest.json``: ``{"format": "bpviz-session", "version": 1, ...}`` — the configuration,
  the counters, the focus sample, the selection, the tabs, the step-through's position and
  mode, the lens's texts, the lesson position, the shuffling generator's state, and a list
  of the arrays;
- ``arrays/NAME.npy``: NumPy arrays written without pickle — the weights and biases, the
  history, the step-through's inputs, the lens's values, the drawn digit.

:func:`load_session` checks everything (format and version, every array's presence, shape,
dtype and finiteness, the configuration) before it returns, and raises
:class:`SessionFileError` with the reason otherwise; callers build the new state from the
returned :class:`SessionState` and swap it in only when that succeeded, so a damaged file or
one from a newer bpviz changes nothing. Writing goes to a temporary file that is renamed into
place.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from bpviz.core import Network
from bpviz.core.activations import ACTIVATIONS, OUTPUTS
from bpviz.core.costs import COSTS
from bpviz.core.network import DTYPES, INITS
from bpviz.core.sgd import EpochPosition
from bpviz.data import DataSplits
from bpviz.fileutil import atomic_write
from bpviz.i18n import translate
from bpviz.scene.lens import Lens
from bpviz.state.config import ConfigError, TrainConfig, config_from_dict, config_to_dict
from bpviz.state.history import History
from bpviz.state.world import World

FORMAT_NAME = "bpviz-session"
FORMAT_VERSION = 1
SUFFIX = ".bpviz"
MAX_ENTRY_BYTES = 2 << 30      # one array; larger is not a session this app wrote
MAX_MANIFEST_BYTES = 1 << 20
_GENERATORS = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")


class SessionFileError(ValueError):
    """A session file that cannot be opened; the message says why."""


@dataclass
class StepState:
    """The step-through: the inputs it walks, its mode and the step shown."""

    index: int
    batch_mode: bool
    X: np.ndarray            # (m, n_1) the mini-batch (m = 1: one sample)
    labels: np.ndarray       # (m,) int64
    custom: bool = False     # X is a drawn digit, not the focus test image


@dataclass
class LessonPosition:
    """Where a lesson stands (issue 18's lessons): its id and page."""

    lesson_id: str
    page: int = 0


@dataclass
class SessionState:
    """Everything a session file holds."""

    network: Network
    config: TrainConfig
    history: History
    rng_state: dict[str, Any]                       # the shuffling generator's bit_generator.state
    sample_index: int = 0
    epochs_done: int = 0
    batches_done: int = 0
    epochs_loaded: int = 0
    epoch_position: tuple[int, int] = (0, 0)
    loaded_correct: int | None = None
    kept_update: bool = False
    trained: bool = False
    model_path: str | None = None
    opened_path: str | None = None
    saved: bool = False
    hand_correct: int | None = None
    hand_what: str = ""
    stopped_at: EpochPosition | None = None          # an epoch stopped part-way: the next run finishes it
    selection: tuple[int, int] | None = None        # (l, j)
    edge: tuple[int, int, int] | None = None        # (l, j, k)
    tab: str | None = None                          # the side tab's id
    bottom_tab: str | None = None                   # the bottom tab's id
    steps: StepState | None = None
    lens: Lens | None = None
    lesson: LessonPosition | None = None
    drawing: np.ndarray | None = None               # (n_1,) the drawn digit
    view: dict[str, Any] = field(default_factory=dict)   # view settings (edges shown, theme, palette …)


# -- from and to the app's state -------------------------------------------------------------------
def state_from_world(world: World, **extra: Any) -> SessionState:
    """The world's part of a session (network, config, history, counters, sample); ``extra``
    fills the rest (selection, tab, steps, lens, lesson, drawing, view)."""
    return SessionState(
        network=world.network.copy(), config=world.config, history=world.history,
        rng_state=world.rng.bit_generator.state, sample_index=world.sample_index, epochs_done=world.epochs_done,
        batches_done=world.batches_done, epochs_loaded=world.epochs_loaded,
        epoch_position=tuple(world.epoch_position), loaded_correct=world.loaded_correct,
        kept_update=world.kept_update, trained=world.trained, model_path=world.model_path,
        opened_path=world.opened_path, saved=world.saved, hand_correct=world.hand_correct, hand_what=world.hand_what,
        stopped_at=world.stopped_at, **extra)


def world_from_state(state: SessionState, data: DataSplits) -> World:
    """A new World as the session had it, on ``data`` (the dataset its config names).
    ValueError (e.g. the network does not fit the data, the sample is out of range)."""
    w = World(data, state.network.copy(), state.config, _generator(state.rng_state), history=state.history,
              sample_index=state.sample_index, model_path=state.model_path, epochs_done=state.epochs_done,
              batches_done=state.batches_done, epochs_loaded=state.epochs_loaded,
              epoch_position=tuple(state.epoch_position), loaded_correct=state.loaded_correct,
              kept_update=state.kept_update, trained=state.trained, opened_path=state.opened_path, saved=state.saved,
              hand_correct=state.hand_correct, hand_what=state.hand_what, stopped_at=state.stopped_at)
    w.unsaved = False
    return w


def _generator(st: dict) -> np.random.Generator:
    name = st.get("bit_generator") if isinstance(st, dict) else None
    if name not in _GENERATORS:
        raise SessionFileError(translate("SessionFile", "unknown random generator {name}").format(name=repr(name)))
    bg = getattr(np.random, name)()
    try:
        bg.state = st
    except (TypeError, ValueError, KeyError) as e:
        raise SessionFileError(translate("SessionFile", "the random generator's state is not usable ({error})").format(
            error=e)) from None
    return np.random.Generator(bg)


# -- writing ------------------------------------------------------------------------------------------
def save_session(state: SessionState, path: str | os.PathLike) -> Path:
    """Write ``state`` to ``path`` (``.bpviz`` appended if missing), atomically."""
    path = Path(path)
    if path.suffix != SUFFIX:
        path = path.with_name(path.name + SUFFIX)
    net = state.network
    arrays: dict[str, np.ndarray] = {}
    for l in range(2, net.num_layers + 1):
        arrays[f"w{l}"], arrays[f"b{l}"] = net.w(l), net.b(l)
    for k, v in state.history.to_arrays().items():
        arrays[f"history_{k}"] = v
    manifest: dict[str, Any] = {
        "format": FORMAT_NAME, "version": FORMAT_VERSION,
        "network": {"sizes": list(net.sizes), "cost": net.cost.name, "init": net.init,
                    "dtype": str(np.dtype(net.dtype)), "activation": net.activation.name, "output": net.output},
        "config": config_to_dict(state.config),
        "counters": {"epochs_done": state.epochs_done, "batches_done": state.batches_done,
                     "epochs_loaded": state.epochs_loaded, "epoch_position": list(state.epoch_position),
                     "loaded_correct": state.loaded_correct, "kept_update": state.kept_update,
                     "trained": state.trained, "saved": state.saved, "hand_correct": state.hand_correct,
                     "hand_what": state.hand_what},
        "opened_path": state.opened_path,
        "stopped_at": None,
        "model_path": state.model_path,
        "rng": state.rng_state,
        "sample_index": state.sample_index,
        "selection": None if state.selection is None else list(state.selection),
        "edge": None if state.edge is None else list(state.edge),
        "tab": state.tab, "bottom_tab": state.bottom_tab,
        "steps": None, "lens": None, "lesson": None, "drawing": state.drawing is not None,
        "view": state.view,
    }
    if state.stopped_at is not None:
        p = state.stopped_at
        manifest["stopped_at"] = {"epoch": p.epoch, "next_batch": p.next_batch, "batch_size": p.batch_size}
        arrays["stopped_order"] = np.asarray(p.order, dtype=np.int64)
    if state.steps is not None:
        s = state.steps
        manifest["steps"] = {"index": s.index, "batch_mode": s.batch_mode, "custom": s.custom}
        arrays["steps_X"], arrays["steps_labels"] = np.asarray(s.X), np.asarray(s.labels, dtype=np.int64)
    if state.lens is not None:
        manifest["lens"] = _lens_manifest(state.lens, arrays)
    if state.lesson is not None:
        manifest["lesson"] = {"id": state.lesson.lesson_id, "page": state.lesson.page}
    if state.drawing is not None:
        arrays["drawing"] = np.asarray(state.drawing, dtype=np.float32)
    manifest["arrays"] = sorted(arrays)
    with atomic_write(path) as f, zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True))
        for name, arr in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arr), allow_pickle=False)
            z.writestr(f"arrays/{name}.npy", buf.getvalue())
    return path


def _lens_manifest(lens: Lens, arrays: dict[str, np.ndarray]) -> dict:
    kinds = []
    for i, nv in enumerate(lens.node_values):
        if nv is None:
            kinds.append(None)
        else:
            kinds.append(nv[0])
            arrays[f"lens_node{i + 1}"] = np.asarray(nv[1])
    for l, v in lens.edge_values.items():
        arrays[f"lens_edge{l}"] = np.asarray(v)
    return {"title": lens.title, "node_kinds": kinds, "edge_kind": lens.edge_kind,
            "edge_layers": sorted(int(l) for l in lens.edge_values), "legend": lens.legend,
            "marked_nodes": [list(m) for m in lens.marked_nodes], "marked_edges": [list(m) for m in lens.marked_edges]}


# -- reading ------------------------------------------------------------------------------------------
def load_session(path: str | os.PathLike) -> SessionState:
    """Read and check a session file; :class:`SessionFileError` with the reason if it cannot be used."""
    path = Path(path)
    try:
        with open(path, "rb") as f:
            if f.read(4) != b"PK\x03\x04":
                raise SessionFileError(translate("SessionFile", "{path}: not a bpviz session file (a session is a "
                                                                "zip archive saved by bpviz)").format(path=path))
            f.seek(0)
            with zipfile.ZipFile(f) as z:
                return _read(path, z)
    except SessionFileError:
        raise
    except FileNotFoundError:
        raise SessionFileError(translate("SessionFile", "{path}: no such file").format(path=path)) from None
    except IsADirectoryError:
        raise SessionFileError(translate("SessionFile", "{path}: is a folder, not a session file").format(
            path=path)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, KeyError, TypeError) as e:
        raise SessionFileError(translate("SessionFile", "{path}: the file is damaged ({error})").format(
            path=path, error=f"{type(e).__name__}: {e}")) from None


def _fail(path: Path, what: str) -> SessionFileError:
    return SessionFileError(f"{path}: {what}")


def _read(path: Path, z: zipfile.ZipFile) -> SessionState:
    names = set(z.namelist())
    if "manifest.json" not in names:
        raise _fail(path, translate("SessionFile", "not a bpviz session file (no manifest.json)"))
    info = z.getinfo("manifest.json")
    if info.file_size > MAX_MANIFEST_BYTES:
        raise _fail(path, translate("SessionFile", "the manifest is implausibly large"))
    try:
        m = json.loads(z.read("manifest.json").decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise _fail(path, translate("SessionFile", "the manifest is not valid JSON ({error})").format(error=e)) from None
    if not isinstance(m, dict) or m.get("format") != FORMAT_NAME:
        raise _fail(path, translate("SessionFile", "not a bpviz session file (format {name})").format(
            name=repr(m.get("format") if isinstance(m, dict) else None)))
    version = m.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail(path, translate("SessionFile", "the format version {v} is not valid").format(v=repr(version)))
    if version > FORMAT_VERSION:
        raise _fail(path, translate("SessionFile", "made by a newer bpviz (session format {v}); this one reads "
                                                   "format {mine} and older: update bpviz to open it").format(
            v=version, mine=FORMAT_VERSION))

    listed = m.get("arrays")
    if not isinstance(listed, list) or not all(isinstance(a, str) for a in listed):
        raise _fail(path, translate("SessionFile", "the manifest lists no arrays"))

    def array(name: str) -> np.ndarray:
        entry = f"arrays/{name}.npy"
        if name not in listed or entry not in names:
            raise _fail(path, translate("SessionFile", "the array {name} is missing").format(name=name))
        if z.getinfo(entry).file_size > MAX_ENTRY_BYTES:
            raise _fail(path, translate("SessionFile", "the array {name} is implausibly large").format(name=name))
        arr = np.lib.format.read_array(io.BytesIO(z.read(entry)), allow_pickle=False)
        if arr.dtype.kind not in "biuf":
            raise _fail(path, translate("SessionFile", "the array {name} holds {dtype}, not numbers").format(
                name=name, dtype=arr.dtype))
        return arr

    net = _network(path, m.get("network"), array)
    try:
        config = config_from_dict(_dict(path, m, "config"))
    except ConfigError as e:
        raise _fail(path, translate("SessionFile", "its settings cannot be used ({error})").format(error=e)) from None
    if (config.sizes != net.sizes or config.cost != net.cost.name or config.init != net.init
            or config.activation != net.activation.name or config.output != net.output):
        raise _fail(path, translate("SessionFile", "its settings ({sizes}, {cost}, {init}) do not describe its "
                                                   "network").format(sizes=list(config.sizes), cost=config.cost,
                                                                     init=config.init))
    try:
        history = History.from_arrays({k[len("history_"):]: array(k) for k in listed if k.startswith("history_")})
    except ValueError as e:
        raise _fail(path, str(e)) from None
    c = _dict(path, m, "counters")
    counts = {k: _int(path, c.get(k), k, 0) for k in ("epochs_done", "batches_done", "epochs_loaded")}
    pos = c.get("epoch_position", [0, 0])
    if not (isinstance(pos, list) and len(pos) == 2):
        raise _fail(path, translate("SessionFile", "epoch_position must be two numbers"))
    loaded_correct = c.get("loaded_correct")
    hand_correct = c.get("hand_correct")
    hand_what = c.get("hand_what", "")
    if not isinstance(hand_what, str):
        raise _fail(path, translate("SessionFile", "'{what}' must be text").format(what="hand_what"))
    state = SessionState(
        network=net, config=config, history=history, rng_state=_dict(path, m, "rng"),
        sample_index=_int(path, m.get("sample_index"), "sample_index", 0), **counts,
        epoch_position=(_int(path, pos[0], "epoch_position", 0), _int(path, pos[1], "epoch_position", 0)),
        loaded_correct=None if loaded_correct is None else _int(path, loaded_correct, "loaded_correct", 0),
        kept_update=bool(c.get("kept_update", False)), trained=bool(c.get("trained", False)),
        model_path=_opt_str(path, m.get("model_path"), "model_path"),
        opened_path=_opt_str(path, m.get("opened_path"), "opened_path"), saved=bool(c.get("saved", False)),
        hand_correct=None if hand_correct is None else _int(path, hand_correct, "hand_correct", 0), hand_what=hand_what,
        selection=_tuple(path, m.get("selection"), 2, "selection"),
        edge=_tuple(path, m.get("edge"), 3, "edge"),
        tab=_opt_str(path, m.get("tab"), "tab"), bottom_tab=_opt_str(path, m.get("bottom_tab"), "bottom_tab"),
        view=m.get("view") if isinstance(m.get("view"), dict) else {})
    _generator(state.rng_state)   # refused here, not when the world is built
    sizes = net.sizes
    if state.selection is not None:
        l, j = state.selection
        if not (1 <= l <= len(sizes) and 0 <= j < sizes[l - 1]):
            raise _fail(path, translate("SessionFile", "the selected neuron {sel} is not in a {sizes} network").format(
                sel=state.selection, sizes=list(sizes)))
    if state.edge is not None:
        l, j, k = state.edge
        if not (2 <= l <= len(sizes) and 0 <= j < sizes[l - 1] and 0 <= k < sizes[l - 2]):
            raise _fail(path, translate("SessionFile", "the selected edge {edge} is not in a {sizes} network").format(
                edge=state.edge, sizes=list(sizes)))
    if m.get("stopped_at") is not None:
        sa = _dict(path, m, "stopped_at")
        order = array("stopped_order")
        n = order.size
        if order.ndim != 1 or order.dtype.kind not in "iu" or not np.array_equal(np.sort(order), np.arange(n)):
            raise _fail(path, translate("SessionFile", "the stopped epoch's order of samples is not a permutation"))
        state.stopped_at = EpochPosition(_int(path, sa.get("epoch"), "stopped_at.epoch", 0), order.astype(np.int64),
                                         _int(path, sa.get("next_batch"), "stopped_at.next_batch", 0),
                                         _int(path, sa.get("batch_size"), "stopped_at.batch_size", 1))
    st = m.get("steps")
    if st is not None:
        st = _dict(path, m, "steps")
        X, labels = array("steps_X"), array("steps_labels")
        if X.ndim != 2 or X.shape[1] != sizes[0] or labels.shape != (X.shape[0],) or X.shape[0] < 1:
            raise _fail(path, translate("SessionFile", "the step-through's inputs {x} and labels {y} do not fit the "
                                                       "network").format(x=X.shape, y=labels.shape))
        if labels.dtype.kind not in "iu" or labels.min() < 0 or labels.max() >= sizes[-1] or not np.isfinite(X).all():
            raise _fail(path, translate("SessionFile", "the step-through's inputs or labels are not valid"))
        state.steps = StepState(_int(path, st.get("index"), "steps.index", 0), bool(st.get("batch_mode", False)),
                                X, labels.astype(np.int64), bool(st.get("custom", False)))
    if m.get("lens") is not None:
        state.lens = _lens(path, _dict(path, m, "lens"), sizes, array)
    if m.get("lesson") is not None:
        le = _dict(path, m, "lesson")
        lid = le.get("id")
        if not isinstance(lid, str) or not lid:
            raise _fail(path, translate("SessionFile", "the lesson position has no lesson id"))
        state.lesson = LessonPosition(lid, _int(path, le.get("page", 0), "lesson.page", 0))
    if m.get("drawing"):
        d = array("drawing")
        if d.shape != (sizes[0],) or not np.isfinite(d).all():
            raise _fail(path, translate("SessionFile", "the drawn digit has shape {shape}, not ({n},)").format(
                shape=d.shape, n=sizes[0]))
        state.drawing = d.astype(np.float32)
    return state


def _network(path: Path, spec, array) -> Network:
    if not isinstance(spec, dict):
        raise _fail(path, translate("SessionFile", "the manifest describes no network"))
    sizes = spec.get("sizes")
    if not (isinstance(sizes, list) and len(sizes) >= 2 and all(isinstance(s, int) and s >= 1 for s in sizes)):
        raise _fail(path, translate("SessionFile", "invalid layer sizes {sizes}").format(sizes=repr(sizes)))
    cost, init, dtype = spec.get("cost"), spec.get("init"), spec.get("dtype")
    activation, output = spec.get("activation", "sigmoid"), spec.get("output", "sigmoid")
    if activation not in ACTIVATIONS or output not in OUTPUTS:
        raise _fail(path, translate("SessionFile", "unknown neurons ({hidden}, {last})").format(
            hidden=activation, last=output))
    if cost not in COSTS or init not in INITS or dtype not in {str(np.dtype(d)) for d in DTYPES}:
        raise _fail(path, translate("SessionFile", "unknown cost, initialisation or number type ({cost}, {init}, "
                                                   "{dtype})").format(cost=cost, init=init, dtype=dtype))
    weights, biases = [], []
    for l in range(2, len(sizes) + 1):
        for name, shape, out in ((f"w{l}", (sizes[l - 1], sizes[l - 2]), weights), (f"b{l}", (sizes[l - 1],), biases)):
            arr = array(name)
            if arr.shape != shape:
                raise _fail(path, translate("SessionFile", "{name} has shape {shape}, expected {expected}").format(
                    name=name, shape=arr.shape, expected=shape))
            if str(arr.dtype) != dtype:
                raise _fail(path, translate("SessionFile", "{name} has dtype {got}, expected {dtype}").format(
                    name=name, got=arr.dtype, dtype=dtype))
            if not np.isfinite(arr).all():
                raise _fail(path, translate("SessionFile", "{name} contains NaN or infinite values").format(name=name))
            out.append(arr)
    try:
        net = Network(tuple(sizes), rng=0, cost=cost, init=init, dtype=np.dtype(dtype), activation=activation,
                      output=output)
    except ValueError as e:   # e.g. a softmax output with the quadratic cost
        raise _fail(path, str(e)) from None
    net.set_parameters(weights, biases)
    return net


def _lens(path: Path, spec: dict, sizes: tuple[int, ...], array) -> Lens:
    kinds = spec.get("node_kinds")
    if not isinstance(kinds, list) or len(kinds) != len(sizes):
        raise _fail(path, translate("SessionFile", "the lens does not describe {n} layers").format(n=len(sizes)))
    node_values = []
    for i, kind in enumerate(kinds):
        if kind is None:
            node_values.append(None)
            continue
        v = array(f"lens_node{i + 1}")
        if not isinstance(kind, str) or v.shape != (sizes[i],):
            raise _fail(path, translate("SessionFile", "the lens's values of layer {l} do not fit").format(l=i + 1))
        node_values.append((kind, v))
    edge_values = {}
    for l in spec.get("edge_layers") or []:
        if not isinstance(l, int) or not 2 <= l <= len(sizes):
            raise _fail(path, translate("SessionFile", "the lens names a layer {l} the network does not have").format(
                l=repr(l)))
        v = array(f"lens_edge{l}")
        if v.shape != (sizes[l - 1], sizes[l - 2]):
            raise _fail(path, translate("SessionFile", "the lens's edge values of layer {l} do not fit").format(l=l))
        edge_values[l] = v
    title, legend, edge_kind = spec.get("title"), spec.get("legend"), spec.get("edge_kind", "w")
    if not isinstance(title, str) or not isinstance(edge_kind, str) or not (legend is None or isinstance(legend, str)):
        raise _fail(path, translate("SessionFile", "the lens's texts are not valid"))
    marked_nodes = tuple(_tuple(path, n, 2, "lens.marked_nodes") for n in spec.get("marked_nodes") or [])
    marked_edges = tuple(_tuple(path, e, 3, "lens.marked_edges") for e in spec.get("marked_edges") or [])
    return Lens(title, node_values, edge_kind, edge_values, marked_nodes, marked_edges, legend)


def _dict(path: Path, m: dict, key: str) -> dict:
    v = m.get(key)
    if not isinstance(v, dict):
        raise _fail(path, translate("SessionFile", "the manifest has no valid '{key}'").format(key=key))
    return v


def _int(path: Path, v, what: str, low: int) -> int:
    if not isinstance(v, int) or isinstance(v, bool) or v < low:
        raise _fail(path, translate("SessionFile", "'{what}' must be a whole number ≥ {low} (got {v})").format(
            what=what, low=low, v=repr(v)))
    return v


def _opt_str(path: Path, v, what: str) -> str | None:
    if v is not None and not isinstance(v, str):
        raise _fail(path, translate("SessionFile", "'{what}' must be text").format(what=what))
    return v


def _tuple(path: Path, v, n: int, what: str):
    if v is None:
        return None
    if not (isinstance(v, list) and len(v) == n and all(isinstance(i, int) and not isinstance(i, bool) for i in v)):
        raise _fail(path, translate("SessionFile", "'{what}' must be {n} whole numbers").format(what=what, n=n))
    return tuple(v)
