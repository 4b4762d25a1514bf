import zipfile

import numpy as np
import pytest

from bpviz.core import ModelFileError, Network, load_network, save_network


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_save_load_round_trip(tmp_path, dtype):
    net = Network((5, 4, 3, 2), rng=1, cost="cross-entropy", init="scaled", dtype=dtype)
    path = save_network(net, tmp_path / "m.npz", {"note": "hi", "acc": 0.5})
    loaded, meta = load_network(path)
    assert loaded.same_parameters(net)
    assert (loaded.sizes, loaded.cost, loaded.init, loaded.dtype) == (net.sizes, net.cost, net.init, net.dtype)
    assert meta == {"note": "hi", "acc": 0.5}
    assert save_network(net, tmp_path / "noext").name == "noext.npz"


def _arrays(net):
    d = {"format": np.array(1), "sizes": np.array(net.sizes), "cost": np.array("quadratic"),
         "init": np.array("standard"), "metadata": np.array("{}")}
    for l in range(2, net.num_layers + 1):
        d[f"w{l}"], d[f"b{l}"] = net.w(l), net.b(l)
    return d


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(w2=np.zeros((4, 4))), "w2 has shape"),
    (lambda d: d.update(b3=np.zeros(5)), "b3 has shape"),
    (lambda d: d.pop("w3"), "missing arrays w3"),
    (lambda d: d.update(cost=np.array("hinge")), "unknown cost"),
    (lambda d: d.update(format=np.array(7)), "unsupported model format"),
    (lambda d: d.update(sizes=np.array([5])), "invalid layer sizes"),
    (lambda d: d.update(w2=np.full((4, 5), np.nan)), "NaN"),
    (lambda d: d.update(w2=np.zeros((4, 5), dtype=np.int32)), "dtype"),
    (lambda d: d.update(metadata=np.array("{not json")), "JSON"),
    (lambda d: d.update(extra=np.zeros(1)), "unexpected entries"),
    (lambda d: d.update(w2=np.array([object()] * 20, dtype=object).reshape(4, 5)), "readable"),
])
def test_invalid_model_files_raise_a_clear_error(tmp_path, change, message):
    net = Network((5, 4, 3), rng=0)
    arrays = _arrays(net)
    change(arrays)
    path = tmp_path / "bad.npz"
    np.savez(path, **arrays)
    with pytest.raises(ModelFileError, match=message) as info:
        load_network(path)
    assert str(path) in str(info.value)


def test_truncated_and_garbage_files(tmp_path):
    net = Network((5, 4, 3), rng=0)
    good = save_network(net, tmp_path / "good.npz")
    data = good.read_bytes()
    for name, content in [("trunc.npz", data[: len(data) // 2]), ("empty.npz", b""), ("text.npz", b"hello world")]:
        p = tmp_path / name
        p.write_bytes(content)
        with pytest.raises(ModelFileError, match="name|readable|bpviz model"):
            load_network(p)
    with pytest.raises(ModelFileError, match="no such file"):
        load_network(tmp_path / "missing.npz")
    with pytest.raises(ModelFileError, match="folder"):
        load_network(tmp_path)


def test_save_is_atomic_when_interrupted(tmp_path, monkeypatch):
    net = Network((5, 4, 3), rng=0)
    path = save_network(net, tmp_path / "m.npz")
    original = path.read_bytes()

    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(np, "savez", boom)
    with pytest.raises(KeyboardInterrupt):
        save_network(Network((5, 4, 3), rng=1), path)
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["m.npz"]
    assert zipfile.is_zipfile(path)


def test_saved_file_gets_ordinary_permissions(tmp_path):
    import os
    import stat

    path = save_network(Network((3, 2), rng=0), tmp_path / "m.npz")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


@pytest.mark.parametrize("content", [b"epoch,cost\n0,0.5\n", b"\x93NUMPY\x01\x00", b""])
def test_a_file_that_is_not_an_npz_is_named_for_what_it_is(tmp_path, content):
    path = tmp_path / "notes.npz"
    path.write_bytes(content)
    with pytest.raises(ModelFileError, match="not a bpviz model file") as e:
        load_network(path)
    assert "pickle" not in str(e.value)


# -- activations, outputs and what the inputs are (issue 19) -----------------------------------
@pytest.mark.parametrize("act,out", [("tanh", "softmax"), ("relu", "sigmoid"), ("sigmoid", "softmax")])
def test_activation_output_features_and_standardisation_round_trip(tmp_path, act, out):
    from bpviz.core import ModelInputs, load_model

    net = Network((3, 4, 2), rng=5, activation=act, output=out, dtype=np.float64)
    inputs = ModelInputs(("sepal", "petal", "x1x2"), np.array([1.5, -2.0, 0.25]), np.array([0.5, 3.0, 1.0]))
    path = save_network(net, tmp_path / "m.npz", {"note": "x"}, inputs)
    back, meta, got = load_model(path)
    assert back.activation is net.activation and back.output == out and back.cost is net.cost
    assert back.same_parameters(net) and meta == {"note": "x"}
    assert got.features == inputs.features
    np.testing.assert_array_equal(got.mean, inputs.mean)
    np.testing.assert_array_equal(got.std, inputs.std)
    X = np.random.default_rng(0).random((5, 3))
    np.testing.assert_array_equal(back.feedforward(X), net.feedforward(X))
    np.testing.assert_array_equal(got.standardise([[2.0, 1.0, 0.25]]), [[1.0, 1.0, 0.0]])


def test_a_format_1_file_is_a_sigmoid_network(tmp_path):
    net = Network((2, 3, 2), rng=0)
    d = {"format": np.array(1), "sizes": np.array(net.sizes), "cost": np.array("quadratic"),
         "init": np.array("standard"), "metadata": np.array("{}"), "w2": net.w(2), "b2": net.b(2),
         "w3": net.w(3), "b3": net.b(3)}
    np.savez(tmp_path / "old.npz", **d)
    back, _ = load_network(tmp_path / "old.npz")
    assert back.activation.name == "sigmoid" and back.output == "sigmoid"
    # a format-1 file may not carry format-2 entries
    np.savez(tmp_path / "odd.npz", **(d | {"activation": np.array("tanh")}))
    with pytest.raises(ModelFileError, match="unexpected entries activation"):
        load_network(tmp_path / "odd.npz")


@pytest.mark.parametrize("change,reason", [
    ({"activation": np.array("gelu")}, "unknown activation"),
    ({"output": np.array("linear")}, "unknown output layer"),
    ({"output": np.array("softmax")}, "goes with"),                     # softmax with a quadratic cost
    ({"features": np.array(["a"])}, "'features' must be 2 names"),
    ({"mean": np.zeros(2)}, "needs both"),
    ({"mean": np.zeros(2), "std": np.array([1.0, 0.0])}, "'std' must be positive"),
    ({"mean": np.array([np.nan, 0]), "std": np.ones(2)}, "finite"),
])
def test_bad_format_2_entries_are_refused(tmp_path, change, reason):
    net = Network((2, 3, 2), rng=0)
    path = save_network(net, tmp_path / "m.npz")
    with np.load(path) as f:
        d = {k: f[k] for k in f.files}
    np.savez(tmp_path / "bad.npz", **(d | change))
    with pytest.raises(ModelFileError, match=reason):
        load_network(tmp_path / "bad.npz")
