"""``bpviz explain confusion | teach | pixels``: the printed numbers are the core's numbers."""

import re

import numpy as np
import pytest

from bpviz.cli import main
from bpviz.core import Network, load_network, save_network
from bpviz.core.mistakes import Teacher, confusion, nudge_until
from bpviz.data import FASHION_CLASSES, load_dataset
from bpviz.explain import TOPICS
from bpviz.explain.mistakes import default_model_path, format_matrix, recorded_eta


@pytest.fixture(scope="module")
def test_set():
    return load_dataset("mnist-bundled").test


def _run(capsys, *argv):
    rc = main(["explain", *argv])
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_the_topic_is_registered_and_the_default_model_is_the_shipped_95_percent_one():
    assert "mistakes" in TOPICS
    assert default_model_path().is_file()
    _, meta = load_network(default_model_path())
    assert meta["test_accuracy"] >= 0.95


def test_confusion_prints_the_cores_matrix_pairs_and_accuracy(capsys, test_set):
    rc, out, _ = _run(capsys, "confusion")
    assert rc == 0
    net, _ = load_network(default_model_path())
    c = confusion(net, test_set.x, test_set.labels)
    lines = out.splitlines()
    head = lines.index("Confusion matrix (rows: true label, columns: prediction)")
    assert lines[head + 1].split()[-10:] == [str(k) for k in range(10)]
    printed = np.array([[int(v) for v in line.split()[1:]] for line in lines[head + 2 : head + 12]])
    assert np.array_equal(printed, c.matrix)
    assert [int(line.split()[0]) for line in lines[head + 2 : head + 12]] == list(range(10))
    # aligned: every matrix line has the same length and the columns end at the same place
    assert len({len(line) for line in lines[head + 1 : head + 12]}) == 1
    assert f"Accuracy: {c.correct} / 10000 = {100 * c.correct / 10000:.2f}%" in out
    pairs = re.findall(r"^\s+(\d+)  true (\d) predicted as (\d)$", out, re.M)
    assert [(int(n), int(t), int(p)) for n, t, p in pairs] == [
        (q.count, q.true_label, q.predicted) for q in c.most_confused(10)]


def test_format_matrix_names_fashion_classes_and_keeps_columns_aligned():
    m = np.arange(100).reshape(10, 10) * 13
    lines = format_matrix(m, FASHION_CLASSES)
    assert lines[1].startswith("0 T-shirt/top") and lines[10].startswith("9 Ankle boot")
    assert len({len(line) for line in lines}) == 1
    assert lines[10].split()[-1] == str(m[9, 9])


def test_teach_prints_the_cores_outputs_costs_and_test_effect(capsys, test_set):
    i, k = 740, 4  # a 4 the shipped model calls 9 (its most confident 4→9 mistake)
    rc, out, _ = _run(capsys, "teach", "--test-index", str(i), "--label", str(k), "--steps", "2", "--eta", "0.1")
    assert rc == 0
    net, _ = load_network(default_model_path())
    teacher = Teacher(net, eta=0.1, test=(test_set.x, test_set.labels))
    steps = [teacher.step(test_set.x[i], k) for _ in range(2)]
    assert "η = 0.1 (--eta)" in out
    lines = re.findall(r"^Step (\d): a\^L_4 ([0-9.]+) → ([0-9.]+) .*C_x (\S+) → (\S+)$", out, re.M)
    assert len(lines) == 2
    for (_, a0, a1, c0, c1), s in zip(lines, steps):
        assert (a0, a1) == (f"{s.outputs_before[k]:.4f}", f"{s.outputs_after[k]:.4f}")
        assert (c0, c1) == (f"{s.cost_before:.4g}", f"{s.cost_after:.4g}")
    after = re.findall(r"^  a\^L after:  (.*)$", out, re.M)
    assert after[-1] == " ".join(f"{v:.4f}" for v in steps[-1].outputs_after)
    tests = re.findall(r"^  test: (\d+) → (\d+) / 10000 correct, (\d+) predictions changed$", out, re.M)
    assert [tuple(map(int, t)) for t in tests] == [
        (s.test.correct_before, s.test.correct_after, len(s.test.changed)) for s in steps]
    final = net.predict(test_set.x)
    changed = int(np.sum(final != steps[0].test.predictions_before))
    assert f"{steps[0].test.correct_before} → {steps[-1].test.correct_after} / 10000); {changed} test predictions" in out


def test_teach_defaults_to_the_models_recorded_eta_or_half(capsys, tmp_path):
    """The CLI's default is the GUI's: the recorded η/m (README: "η defaults to η/m"); the "whole η"
    warning only when the η used is larger than that."""
    from bpviz.core.io import load_network
    from bpviz.data.datasets import assets_dir
    from bpviz.explain.mistakes import teaching_eta

    _, out, _ = _run(capsys, "teach", "--test-index", "0", "--label", "7")
    model = next(p for p in sorted((assets_dir() / "models").glob("*.npz")) if p.name in out)
    meta = load_network(model)[1]
    default = teaching_eta(meta["eta"], meta["batch_size"])
    assert f"η = {default:g} (default: the model's training η/m = {meta['eta']:g}/{meta['batch_size']})" in out
    assert "goes to one example" not in out
    _, out, _ = _run(capsys, "teach", "--test-index", "0", "--label", "7", "--eta", f"{default:g}")
    assert "goes to one example" not in out
    _, out, _ = _run(capsys, "teach", "--test-index", "0", "--label", "7", "--eta", f"{meta['eta']:g}")
    assert f"here η = {meta['eta']:g} goes to one example" in out
    net = Network((784, 5, 10), rng=0)
    path = save_network(net, tmp_path / "plain.npz")
    rc, out, _ = _run(capsys, "teach", "--model", str(path), "--test-index", "0", "--label", "7")
    assert rc == 0 and "η = 0.5 (default; the model records no η)" in out
    assert recorded_eta({"eta": 3.0}) == 3.0
    assert recorded_eta({"eta": "fast"}) is None and recorded_eta({"eta": -1}) is None


def test_pixels_prints_the_nudges_the_core_takes(capsys, test_set):
    i, k = 740, 4
    rc, out, _ = _run(capsys, "pixels", "--test-index", str(i), "--towards", str(k))
    assert rc == 0
    net, _ = load_network(default_model_path())
    run = nudge_until(net, test_set.x[i], k, step=0.02, max_steps=100, threshold=0.05)
    assert run.reached
    nudges = re.findall(r"^Nudge +(\d+): predicted (\d) .*C_x = (\S+), (\d+) pixels changed", out, re.M)
    assert [(int(n), int(p), c, int(px)) for n, p, c, px in nudges] == [
        (n, s.prediction, f"{s.cost:.4g}", s.changed_pixels) for n, s in enumerate(run.steps, 1)]
    assert (f"The prediction became 4 after {len(run.steps)} nudge(s): "
            f"{run.final.changed_pixels} of 784 pixels") in out
    grid = re.findall(r"^  ([.#+-]{28})$", out, re.M)
    assert len(grid) == 28
    assert sum(row.count("+") + row.count("-") for row in grid) == run.final.changed_pixels


def test_pixels_on_an_image_already_predicted_as_the_target(capsys, test_set):
    rc, out, _ = _run(capsys, "pixels", "--test-index", "0", "--towards", str(int(test_set.labels[0])))
    assert rc == 0 and "already predicts 7: nothing to nudge" in out


@pytest.mark.parametrize("argv, message", [
    (["confusion", "--model", "/nonexistent/model.npz"], "no such file"),
    (["confusion", "--model", "CORRUPT"], "not a readable bpviz model file"),
    (["confusion", "--split", "validation"], "no validation split"),
    (["teach", "--test-index", "10000", "--label", "1"], "index 10000 is out of range"),
    (["teach", "--test-index", "-1", "--label", "1"], "index -1 is out of range"),
    (["teach", "--test-index", "0", "--label", "10"], "--label 10 is out of range"),
    (["teach", "--test-index", "0", "--label", "1", "--eta", "0"], "learning rate"),
    (["teach", "--test-index", "0", "--label", "1", "--eta", "nan"], "finite"),
    (["pixels", "--test-index", "0", "--towards", "-1"], "--towards -1 is out of range"),
    (["pixels", "--test-index", "0", "--towards", "1", "--step", "0"], "--step"),
    (["teach", "--test-index", "0", "--label", "1", "--data", "xor"], "784 inputs but xor"),
])
def test_errors_are_one_line_with_exit_code_2(argv, message, capsys, tmp_path):
    corrupt = tmp_path / "corrupt.npz"
    corrupt.write_bytes(b"PK\x03\x04 truncated")
    argv = [str(corrupt) if a == "CORRUPT" else a for a in argv]
    try:
        rc, _, err = _run(capsys, *argv)
    except SystemExit as e:  # argparse's own type checks exit from parse_args
        rc, err = e.code, capsys.readouterr().err
    assert rc == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_the_mistakes_modules_do_not_import_qt():
    import subprocess
    import sys

    code = ("import sys, bpviz.core.mistakes, bpviz.explain.mistakes\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
