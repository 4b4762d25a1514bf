"""`bpviz explain speed|twin|presets` and the saturation warning of `bpviz train` (issue 12)."""

import re

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
