"""`bpviz train` on 2-D sets and your own data with tanh/ReLU/softmax; `explain gradcheck`; `data list`."""

import re

import numpy as np
import pytest

from bpviz.cli import main
from bpviz.core import load_model
from bpviz.data import assets_dir, load_dataset

IRIS = str(assets_dir() / "tables" / "iris.csv")


def _epochs(text, n):
    return [(int(e), int(k)) for e, k in re.findall(rf"^Epoch (\d+) : (\d+) / {n} ", text, re.M)]


def test_train_a_2d_set_with_features_and_save(tmp_path, capsys):
    out = tmp_path / "m.npz"
    rc = main(["train", "--data", "circles?points=200", "--sizes", "3,6,2", "--activation", "tanh", "--output",
               "softmax", "--features", "x1,x2,x1x2", "--epochs", "3", "--eta", "0.3", "--save", str(out)])
    text = capsys.readouterr().out
    assert rc == 0
    lines = _epochs(text, 40)
    assert [e for e, _ in lines] == [0, 1, 2]
    net, meta, inputs = load_model(out)
    assert net.activation.name == "tanh" and net.output == "softmax" and net.cost.name == "log-likelihood"
    assert inputs.features == ("x1", "x2", "x1x2") and inputs.mean is None
    assert meta["config"]["features"] == "x1,x2,x1x2" and meta["config"]["activation"] == "tanh"
    data = load_dataset("circles?points=200", features="x1,x2,x1x2")
    assert net.evaluate(data.test.x, data.test.labels) == lines[-1][1] == meta["test_correct"]


def test_train_a_csv_keeps_its_standardisation(tmp_path, capsys):
    out = tmp_path / "iris.npz"
    rc = main(["train", "--data", IRIS, "--sizes", "4,8,3", "--output", "softmax", "--epochs", "2", "--eta", "0.5",
               "--test-fraction", "0.3", "--save", str(out)])
    text = capsys.readouterr().out
    assert rc == 0 and len(_epochs(text, 45)) == 2
    assert "classes: setosa, versicolor, virginica" in text
    net, meta, inputs = load_model(out)
    data = load_dataset(IRIS, test_fraction=0.3)
    assert inputs.features == data.features
    np.testing.assert_array_equal(inputs.mean, data.mean)
    np.testing.assert_array_equal(inputs.std, data.std)
    assert meta["config"]["test_fraction"] == 0.3
    assert f"mean {data.mean[0]:.4g}" in text


def test_sizes_default_to_the_data(capsys):
    assert main(["train", "--data", "moons?points=100", "--epochs", "1"]) == 0
    assert "sizes=[2, 30, 2]" in capsys.readouterr().out


@pytest.mark.parametrize("args, message", [
    (["--data", "circles", "--sizes", "3,4,2"], "has 2 input features"),
    (["--data", "circles", "--features", "x1,cos"], "unknown input feature 'cos'"),
    (["--data", "circles", "--activation", "gelu"], "invalid choice"),
    (["--data", "circles", "--output", "softmax", "--cost", "quadratic"], "goes with a sigmoid output layer"),
    (["--data", "spiral?classes=3"], "only blobs"),
    (["--data", IRIS, "--label", "colour"], "no column named 'colour'"),
])
def test_bad_playground_arguments_are_one_line(args, message, capsys):
    try:
        rc = main(["train", *args, "--epochs", "1"])
    except SystemExit as e:
        rc = e.code
    err = capsys.readouterr().err
    assert rc == 2 and message in err and "Traceback" not in err


def test_a_bad_csv_is_refused_with_its_row(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,y\n1,2,x\n3,oops,z\n")
    assert main(["train", "--data", str(bad), "--sizes", "2,3,2"]) == 2
    assert f"{bad}: row 3, column 'b': 'oops' is not a number" in capsys.readouterr().err


@pytest.mark.parametrize("act", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("out", ["sigmoid", "softmax"])
def test_explain_gradcheck_follows_activation_and_output(act, out, capsys):
    assert main(["explain", "gradcheck", "--sizes", "2,4,3,2", "--activation", act, "--output", out]) == 0
    text = capsys.readouterr().out
    neurons = "sigmoid neurons" if (act, out) == ("sigmoid", "sigmoid") else f"{act} hidden neurons, {out} output"
    assert neurons in text
    worst = float(re.search(r"worst relative error (\S+)", text).group(1))
    assert worst < 1e-6


def test_data_list_lists_the_2d_sets(capsys):
    assert main(["data", "list"]) == 0
    text = capsys.readouterr().out
    for name in ("circles", "quadrants", "spiral", "blobs", "moons"):
        assert re.search(rf"^{name} +2-D: ", text, re.M)
    assert "x1x2" in text and "CSV" in text


def test_explain_speed_follows_the_activation(capsys):
    from bpviz.core.learning import speeds_at_init

    assert main(["explain", "speed", "--sizes", "784,10,10,10", "--images", "50", "--activation", "relu"]) == 0
    text = capsys.readouterr().out
    assert "relu hidden neurons, sigmoid output, cross-entropy cost" in text
    d = load_dataset()
    want = speeds_at_init((784, 10, 10, 10), d.train.x[:50], d.train.labels[:50], (0,), activation="relu")
    sig = speeds_at_init((784, 10, 10, 10), d.train.x[:50], d.train.labels[:50], (0,))
    assert not np.allclose(want.mean, sig.mean)
    for l, v in zip((2, 3), want.mean[:2]):
        assert f"layer {l}: ‖δ‖ = {v:.4g}" in text


@pytest.mark.parametrize("args, message", [
    (["--data", IRIS, "--features", "x1,x2"], "input features apply to the 2-D datasets only"),
    (["--data", "circles", "--label", "y"], "a label column applies to CSV files only"),
    (["--test-fraction", "0.3"], "mnist-bundled has a fixed test set"),
])
def test_options_that_do_not_apply_are_refused(args, message, capsys):
    assert main(["train", *args, "--epochs", "1"]) == 2
    assert message in capsys.readouterr().err


def test_test_fraction_splits_a_2d_set(capsys):
    assert main(["train", "--data", "moons?points=100", "--sizes", "2,4,2", "--test-fraction", "0.3",
                 "--epochs", "1"]) == 0
    assert re.search(r"^Epoch 0 : \d+ / 30 ", capsys.readouterr().out, re.M)
