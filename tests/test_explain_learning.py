"""`bpviz explain speed|twin|presets` and the saturation warning of `bpviz train` (issue 12)."""

import re

import numpy as np
import pytest

from bpviz.cli import main


def test_train_warns_when_the_output_layer_ends_saturated(capsys):
    rc = main(["train", "--eta", "1e9", "--epochs", "1", "--train-size", "500", "--quiet"])
    out, err = capsys.readouterr()
    assert rc == 0  # not diverged: the exit code stays 0
    assert re.search(r"^Epoch 0 : \d+ / 10000 ", out, re.M)  # the seed-style line is unchanged
    lines = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(lines) == 1
    assert "saturated and wrong" in lines[0] and "η = 1e+09" in lines[0]


def test_train_does_not_warn_for_a_normal_run(capsys):
    rc = main(["train", "--epochs", "1", "--train-size", "2000", "--quiet"])
    out, err = capsys.readouterr()
    assert rc == 0
    assert "warning" not in err and "saturated" not in err


def _speed_lines(out: str) -> dict[int, float]:
    return {int(l): float(v) for l, v in re.findall(r"^layer (\d+): ‖δ‖ = ([0-9.e+-]+)", out, re.M)}


def test_explain_speed_prints_the_cores_numbers_and_the_books(capsys):
    from bpviz.core.learning import speeds_at_init
    from bpviz.data import load_dataset

    rc = main(["explain", "speed", "--sizes", "784,30,30,30,10", "--seeds", "3", "--images", "500"])
    out = capsys.readouterr().out
    assert rc == 0
    got = _speed_lines(out)
    assert sorted(got) == [2, 3, 4]  # one line per hidden layer, not the output layer
    d = load_dataset("mnist-bundled")
    core = speeds_at_init((784, 30, 30, 30, 10), d.train.x[:500], d.train.labels[:500], seeds=[0, 1, 2])
    for i, l in enumerate((2, 3, 4)):
        assert got[l] == pytest.approx(core.hidden_mean[i], rel=5e-4)
    assert "mean over 3 seeds" in out
    assert "book (chapter 5): layer 2: 0.012, layer 3: 0.06, layer 4: 0.283" in out
    assert "first 1,000 MNIST training images" in out


def test_explain_speed_without_a_book_figure_and_other_settings(capsys):
    from bpviz.core import Network
    from bpviz.core.learning import speed_of_learning
    from bpviz.data import load_dataset

    rc = main(["explain", "speed", "--sizes", "784,20,10", "--images", "300", "--seed", "4", "--cost", "quadratic",
               "--init", "standard"])
    out = capsys.readouterr().out
    assert rc == 0 and "book" not in out
    d = load_dataset("mnist-bundled")
    net = Network([784, 20, 10], rng=np.random.default_rng(4), cost="quadratic", init="standard")
    assert _speed_lines(out)[2] == pytest.approx(speed_of_learning(net, d.train.x[:300], d.train.labels[:300]).of(2),
                                                 rel=5e-4)


def test_explain_twin_side_by_side_equals_the_core(capsys):
    from bpviz.core.twin import TwinSettings, twin_run
    from bpviz.data import load_dataset

    rc = main(["explain", "twin", "--vary", "cost=cross-entropy", "--sizes", "784,20,10", "--epochs", "2",
               "--train-size", "500", "--eta", "1"])
    out = capsys.readouterr().out
    assert rc == 0
    rows = re.findall(r"^Epoch (\d+) : (\d+) / 10000 .*\| Epoch (\d+) : (\d+) / 10000 ", out, re.M)
    assert [(r[0], r[2]) for r in rows] == [("0", "0"), ("1", "1")]
    d = load_dataset("mnist-bundled")
    tw = twin_run(TwinSettings(sizes=(784, 20, 10), eta=1.0, epochs=2), "cost=cross-entropy", d.train.subset(500),
                  d.test)
    a, b = tw.run()
    assert [int(r[1]) for r in rows] == [r.test_correct for r in a[1:]]
    assert [int(r[3]) for r in rows] == [r.test_correct for r in b[1:]]
    assert "identical initial weights and mini-batch order" in out


def test_explain_twin_reports_a_diverged_run(capsys):
    rc = main(["explain", "twin", "--vary", "eta=1e9", "--cost", "cross-entropy", "--epochs", "2",
               "--train-size", "1000"])
    out = capsys.readouterr().out
    assert rc == 0
    assert re.search(r"^b: diverged at epoch 0, mini-batch \d+", out, re.M)
    assert re.search(r"^Epoch 1 : \d+ / 10000 .*\|$", out, re.M)  # run a goes on alone


def test_explain_presets_lists_every_preset(capsys):
    from bpviz.scene.presets import PRESETS

    assert main(["explain", "presets"]) == 0
    out = capsys.readouterr().out
    for p in PRESETS:
        assert f"{p.key}: {p.title}" in out
    assert "95.42 %" in out and "96.59 %" in out and "96.49 %" in out and "0.003, 0.017, 0.07, 0.285" in out


@pytest.mark.parametrize("args, message", [
    (["twin"], "--vary"),
    (["twin", "--vary", "seed=2"], "cannot vary"),
    (["twin", "--vary", "cost=quadratic"], "already have"),
    (["twin", "--vary", "sizes=784,30,9"], "do not fit"),
    (["twin", "--vary", "eta=0"], "learning rate"),
    (["twin", "--slowdown", "--sizes", "700,10"], "input layer has 700"),
    (["speed", "--sizes", "784,10"], "needs a hidden layer"),
    (["speed", "--images", "20000"], "only 10000 training images"),
    (["speed", "--cost", "hinge"], "unknown cost"),
    (["speed", "--data", "/nonexistent"], "unknown dataset"),
])
def test_explain_errors_are_one_line(args, message, capsys):
    rc = main(["explain", *args])
    err = capsys.readouterr().err
    assert rc == 2
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
