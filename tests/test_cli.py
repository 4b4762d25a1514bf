import re
import subprocess
import sys

import pytest

from bpviz.cli import main
from bpviz.core import load_network


def test_train_prints_epoch_lines_and_saves(tmp_path, capsys):
    out = tmp_path / "model.npz"
    rc = main(["train", "--sizes", "784,20,10", "--epochs", "2", "--train-size", "2000", "--save", str(out)])
    text = capsys.readouterr().out
    assert rc == 0
    lines = re.findall(r"^Epoch (\d+) : (\d+) / 10000 .*training cost [0-9.]+\)$", text, re.M)
    assert [int(e) for e, _ in lines] == [0, 1]
    net, meta = load_network(out)
    assert net.sizes == (784, 20, 10)
    data_acc = int(lines[-1][1])
    assert meta["test_correct"] == data_acc
    assert "bpviz train --sizes 784,20,10 --epochs 2" in meta["command"]


@pytest.mark.parametrize("args, message", [
    (["--sizes", "700,30,10"], "input layer has 700 neurons"),
    (["--sizes", "784,30,7"], "output layer has 7 neurons"),
    (["--eta", "0"], "learning rate"),
    (["--eta", "nan"], "finite"),
    (["--batch-size", "0"], "must be ≥ 1"),
    (["--cost", "hinge"], "unknown cost"),
    (["--init", "zeros"], "initialisation"),
    (["--data", "/nonexistent/folder"], "unknown dataset"),
    (["--sizes", "784"], "at least two layers"),
])
def test_train_rejects_bad_arguments_with_one_line(args, message, capsys):
    try:
        rc = main(["train", *args])
    except SystemExit as e:  # argparse's own checks exit from inside parse_args
        rc = e.code
    assert rc == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_python_dash_m_entry_point_and_exit_code():
    r = subprocess.run([sys.executable, "-m", "bpviz", "train", "--eta", "-3"], capture_output=True, text=True)
    assert r.returncode == 2
    assert r.stderr.strip() == "bpviz: error: learning rate eta must be a finite number > 0 (got -3.0)"


def test_diverging_run_does_not_overwrite_a_saved_model(tmp_path, capsys):
    out = tmp_path / "model.npz"
    assert main(["train", "--epochs", "1", "--train-size", "500", "--save", str(out)]) == 0
    before = out.read_bytes()
    rc = main(["train", "--epochs", "2", "--eta", "1000", "--cost", "cross-entropy", "--save", str(out)])
    assert rc == 1
    assert "diverged" in capsys.readouterr().err
    assert out.read_bytes() == before


def test_data_list_and_the_app_data_dir_option(tmp_path, capsys, monkeypatch):
    import os

    assert main(["data", "list", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "mnist-bundled" in out and "MNIST, full (download 11.6 MB)" in out and str(tmp_path) in out
    monkeypatch.setattr("bpviz.cli.cmd_train", lambda args: 0)
    assert main(["--data-dir", str(tmp_path / "d"), "train"]) == 0
    assert os.environ["BPVIZ_DATA_DIR"] == str(tmp_path / "d")


def test_fetch_offline_fails_with_one_clear_message(tmp_path, capsys, monkeypatch, server):
    from dataclasses import replace

    import bpviz.data.download as dl

    monkeypatch.setattr(dl, "MNIST", replace(dl.MNIST, mirrors=(server.url("missing"),)))
    assert main(["data", "fetch", "mnist", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "could not download" in err and "bundled MNIST subset still works" in err
    assert list((tmp_path / "mnist").iterdir()) == []
