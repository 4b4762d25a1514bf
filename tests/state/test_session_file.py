"""Session files (.bpviz): every field round-trips; damaged or newer files are refused with the reason."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest

from bpviz.core import EpochDone
from bpviz.core.sgd import EpochPosition
from bpviz.data.datasets import xor_dataset
from bpviz.scene.lens import Lens
from bpviz.state import History, TrainConfig, World
from bpviz.state.session_file import (
    FORMAT_VERSION,
    LessonPosition,
    SessionFileError,
    StepState,
    load_session,
    save_session,
    state_from_world,
    world_from_state,
)


@pytest.fixture(scope="module")
def data():
    return xor_dataset()


def _full_state(data):
    cfg = TrainConfig(sizes=(2, 3, 2), eta=0.7, batch_size=5, epochs=3, cost="cross-entropy", init="scaled",
                      seed=11, dataset="xor", lmbda=0.1, delay_ms=250)
    w = World.fresh(cfg, data, sample_index=17)
    w.rng.random(5)   # the shuffling generator moved on
    h = History(recent=50, block=5, fold=10)
    rng = np.random.default_rng(1)
    h.add_batches(np.arange(0, 75), rng.random(75), 400)
    h.add_epoch(EpochDone(0, 3, 0.25, 380, 500, None, None))
    h.add_epoch(EpochDone(1, 3, 0.125, 410, 500, 40, 50))
    w.history = h
    w.epochs_done, w.batches_done, w.epochs_loaded = 2, 800, 1
    w.epoch_position, w.loaded_correct, w.kept_update, w.trained = (3, 400), 377, True, True
    w.model_path = "/tmp/somewhere/model.npz"
    w.opened_path, w.saved, w.hand_correct, w.hand_what = "/tmp/opened.npz", True, 401, "one kept update"
    w.stopped_at = EpochPosition(2, np.random.default_rng(5).permutation(len(data.train)), 17, 5)
    lens = Lens("ripple of w³₁,₂", [None, ("Δa", np.array([0.5, -0.25, 0.0])), ("δ", np.array([1.0, -2.0]))],
                edge_kind="Δw", edge_values={3: np.arange(6, dtype=float).reshape(2, 3) - 2.5},
                marked_nodes=((3, 1),), marked_edges=((3, 1, 2),), legend="change Δw")
    X = data.train.x[:5]
    steps = StepState(index=7, batch_mode=True, X=X, labels=data.train.labels[:5], custom=False)
    return state_from_world(w, selection=(2, 1), edge=(3, 1, 2), tab="step", bottom_tab="anatomy", steps=steps,
                            lens=lens, lesson=LessonPosition("bp1-sign", 3),
                            drawing=np.linspace(0, 1, 2, dtype=np.float32), view={"edges": 0.05, "palette": "colorblind"})


def test_every_field_round_trips(tmp_path, data):
    s = _full_state(data)
    path = save_session(s, tmp_path / "lesson-start")
    assert path.name == "lesson-start.bpviz"
    t = load_session(path)
    assert t.network.sizes == s.network.sizes and t.network.cost.name == "cross-entropy" and t.network.init == "scaled"
    assert t.network.dtype == s.network.dtype
    for a, b in zip(t.network.weights + t.network.biases, s.network.weights + s.network.biases):
        assert a.dtype == b.dtype and np.array_equal(a, b)   # bit for bit
    assert t.config == s.config and t.config.delay_ms == 250   # the pace
    for k, v in s.history.to_arrays().items():
        assert np.array_equal(t.history.to_arrays()[k], v), k
    assert t.history.epochs == s.history.epochs and t.history.recorded == 75
    assert t.history.summarised == s.history.summarised > 0
    assert t.rng_state == s.rng_state
    for f in ("sample_index", "epochs_done", "batches_done", "epochs_loaded", "epoch_position", "loaded_correct",
              "kept_update", "trained", "model_path", "opened_path", "saved", "hand_correct", "hand_what",
              "selection", "edge", "tab", "bottom_tab", "lesson", "view"):
        assert getattr(t, f) == getattr(s, f), f
    a, b = t.stopped_at, s.stopped_at
    assert (a.epoch, a.next_batch, a.batch_size) == (2, 17, 5) and np.array_equal(a.order, b.order)
    assert (t.steps.index, t.steps.batch_mode, t.steps.custom) == (7, True, False)
    assert np.array_equal(t.steps.X, s.steps.X) and np.array_equal(t.steps.labels, s.steps.labels)
    assert t.lens.title == s.lens.title and t.lens.edge_kind == "Δw" and t.lens.legend == "change Δw"
    assert t.lens.node_values[0] is None
    for (k1, v1), (k2, v2) in zip(t.lens.node_values[1:], s.lens.node_values[1:]):
        assert k1 == k2 and np.array_equal(v1, v2)
    assert set(t.lens.edge_values) == {3} and np.array_equal(t.lens.edge_values[3], s.lens.edge_values[3])
    assert t.lens.marked_nodes == ((3, 1),) and t.lens.marked_edges == ((3, 1, 2),)
    assert np.array_equal(t.drawing, s.drawing)


def test_world_comes_back_with_the_same_next_shuffle(tmp_path, data):
    s = _full_state(data)
    expected = np.random.Generator(np.random.PCG64())
    expected.bit_generator.state = s.rng_state
    w = world_from_state(load_session(save_session(s, tmp_path / "a.bpviz")), data)
    assert np.array_equal(w.rng.permutation(100), expected.permutation(100))
    assert w.sample_index == 17 and w.epochs_done == 2 and w.trained and not w.unsaved
    assert w.network.same_parameters(s.network)


def test_the_neurons_round_trip(tmp_path, data):
    cfg = TrainConfig(sizes=(2, 4, 2), dataset="xor", activation="tanh", output="softmax", cost="log-likelihood")
    w = World.fresh(cfg, data)
    t = load_session(save_session(state_from_world(w), tmp_path / "n.bpviz"))
    assert t.network.activation.name == "tanh" and t.network.output == "softmax" and t.config == cfg
    assert t.network.same_parameters(w.network)


def test_a_minimal_session_round_trips(tmp_path, data):
    w = World.fresh(TrainConfig(sizes=(2, 4, 2), dataset="xor"), data)
    t = load_session(save_session(state_from_world(w), tmp_path / "m.bpviz"))
    assert t.steps is None and t.lens is None and t.lesson is None and t.drawing is None and t.selection is None
    assert t.history.recorded == 0 and t.history.epochs == []


# -- refusals -----------------------------------------------------------------------------------------
def _rewrite(src, dst, *, manifest=None, arrays=None, drop=()):
    """A copy of session ``src`` with the manifest edited by ``manifest(m)`` and arrays replaced."""
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w") as out:
        for name in z.namelist():
            if name in drop:
                continue
            data = z.read(name)
            if name == "manifest.json" and manifest is not None:
                m = json.loads(data)
                manifest(m)
                data = json.dumps(m).encode()
            key = name[len("arrays/"):-len(".npy")] if name.startswith("arrays/") else None
            if arrays and key in arrays:
                buf = io.BytesIO()
                np.lib.format.write_array(buf, arrays[key], allow_pickle=True)
                data = buf.getvalue()
            out.writestr(name, data)
    return dst


@pytest.fixture()
def saved(tmp_path, data):
    return save_session(_full_state(data), tmp_path / "good.bpviz")


def _refused(path, *words):
    with pytest.raises(SessionFileError) as e:
        load_session(path)
    for w in words:
        assert w in str(e.value), str(e.value)
    return str(e.value)


def test_a_newer_version_is_refused_with_the_reason(saved, tmp_path):
    p = _rewrite(saved, tmp_path / "new.bpviz", manifest=lambda m: m.update(version=FORMAT_VERSION + 1))
    _refused(p, "newer bpviz", f"format {FORMAT_VERSION + 1}")


def test_truncated_and_bit_flipped_files_are_refused(saved, tmp_path):
    raw = saved.read_bytes()
    (tmp_path / "cut.bpviz").write_bytes(raw[: len(raw) // 2])
    _refused(tmp_path / "cut.bpviz", "damaged")
    flipped = bytearray(raw)
    with zipfile.ZipFile(saved) as z:
        info = z.getinfo("arrays/w2.npy")
    flipped[info.header_offset + 30 + len(info.filename) + 5] ^= 0xFF   # inside w2's compressed data
    (tmp_path / "flip.bpviz").write_bytes(bytes(flipped))
    _refused(tmp_path / "flip.bpviz", "damaged")


def test_other_files_are_named_for_what_they_are(tmp_path, saved):
    (tmp_path / "text.bpviz").write_text("hello")
    _refused(tmp_path / "text.bpviz", "not a bpviz session")
    p = _rewrite(saved, tmp_path / "nomani.bpviz", drop=("manifest.json",))
    _refused(p, "no manifest.json")
    p = _rewrite(saved, tmp_path / "fmt.bpviz", manifest=lambda m: m.update(format="something-else"))
    _refused(p, "not a bpviz session")
    _refused(tmp_path / "absent.bpviz", "no such file")


def test_bad_contents_are_refused(saved, tmp_path):
    bad_w = np.full((3, 2), np.nan, dtype=np.float32)
    _refused(_rewrite(saved, tmp_path / "nan.bpviz", arrays={"w2": bad_w}), "w2", "NaN")
    _refused(_rewrite(saved, tmp_path / "shape.bpviz", arrays={"w2": np.zeros((2, 2), np.float32)}), "w2", "shape")
    _refused(_rewrite(saved, tmp_path / "obj.bpviz", arrays={"b2": np.array([object()] * 3)}), "damaged")
    _refused(_rewrite(saved, tmp_path / "miss.bpviz", drop=("arrays/b3.npy",)), "b3", "missing")
    _refused(_rewrite(saved, tmp_path / "eta.bpviz", manifest=lambda m: m["config"].update(eta=-1)), "settings")
    _refused(_rewrite(saved, tmp_path / "sel.bpviz", manifest=lambda m: m.update(selection=[3, 9])), "selected neuron")
    _refused(_rewrite(saved, tmp_path / "rng.bpviz", manifest=lambda m: m["rng"].update(bit_generator="Nope")),
             "random generator")
    _refused(_rewrite(saved, tmp_path / "steps.bpviz", arrays={"steps_labels": np.array([0, 1, 2, 0, 1])}), "step")
    _refused(_rewrite(saved, tmp_path / "perm.bpviz", arrays={"stopped_order": np.zeros(2000, dtype=np.int64)}),
             "permutation")
    _refused(_rewrite(saved, tmp_path / "sizes.bpviz", manifest=lambda m: m["config"].update(sizes=[2, 5, 2])),
             "do not describe")


def test_an_interrupted_save_leaves_the_old_file(saved, data, monkeypatch):
    before = saved.read_bytes()
    s = _full_state(data)

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(np.lib.format, "write_array", boom)
    with pytest.raises(OSError):
        save_session(s, saved)
    assert saved.read_bytes() == before
