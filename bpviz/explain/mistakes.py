"""``bpviz explain confusion | teach | pixels``: learning from a trained network's mistakes.

* ``confusion``: the confusion matrix of a model on a split, the most confused pairs and
  the accuracy.
* ``teach``: gradient-descent steps on one test image with a chosen label; the outputs and
  C_x before and after each step, the weights that moved most, and what the steps did to
  the rest of the test set.
* ``pixels``: nudge a test image along −∂C/∂x towards a label until the network changes
  its answer, counting the pixels that had to change.

All numbers come from :mod:`bpviz.core.mistakes`; this module only loads files and prints.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np

from bpviz.cliutil import CLIError, finite_float, positive_int

DEFAULT_MODEL = "mnist-784-100-10-ce.npz"
DEFAULT_ETA = 0.5


def default_model_path() -> Path:
    """The shipped 95 % model in the bundled assets."""
    from bpviz.data import assets_dir

    return assets_dir() / "models" / DEFAULT_MODEL


def add_parsers(sub: argparse._SubParsersAction) -> None:
    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--model", help=f"model file (.npz; default the shipped {DEFAULT_MODEL})")
        p.add_argument("--data", help="dataset (default: the one recorded in the model, else mnist-bundled)")
        p.add_argument("--data-dir", help="download cache folder (default: $BPVIZ_DATA_DIR or the user cache)")

    c = sub.add_parser("confusion", help="confusion matrix and the most confused pairs of a model")
    common(c)
    c.add_argument("--split", choices=("test", "validation"), default="test", help="which split (default test)")
    c.add_argument("--top", type=positive_int, default=10, help="most confused pairs to list (default 10)")
    c.set_defaults(explain_run=cmd_confusion)

    t = sub.add_parser("teach", help="gradient-descent steps on one test image with a chosen label")
    common(t)
    t.add_argument("--test-index", type=int, required=True, help="the test image (0-based)")
    t.add_argument("--label", type=int, required=True, help="the label to teach (0-based class)")
    t.add_argument("--eta", type=finite_float,
                   help=f"learning rate η (default: the model's recorded η/m, as in the app's Teach tab; else "
                        f"{DEFAULT_ETA})")
    t.add_argument("--lmbda", type=finite_float, default=0.0,
                   help="L2 regularisation λ, with n the model's training-set size (default 0)")
    t.add_argument("--steps", type=positive_int, default=1, help="steps to take (default 1)")
    t.add_argument("--top", type=int, default=5, help="largest weight changes to print per step (default 5)")
    t.set_defaults(explain_run=cmd_teach)

    p = sub.add_parser("pixels", help="nudge a test image along −∂C/∂x until the prediction changes")
    common(p)
    p.add_argument("--test-index", type=int, required=True, help="the test image (0-based)")
    p.add_argument("--towards", type=int, required=True, help="the label to push the prediction towards")
    p.add_argument("--step", type=finite_float, default=0.02,
                   help="brightness change of the most influential pixel per nudge (default 0.02)")
    p.add_argument("--max-steps", type=positive_int, default=100, help="give up after this many nudges (default 100)")
    p.add_argument("--threshold", type=finite_float, default=0.05,
                   help="a pixel counts as changed when it moved more than this (default 0.05)")
    p.set_defaults(explain_run=cmd_pixels)


# -- loading ---------------------------------------------------------------------------------
def _load(args: argparse.Namespace):
    """(network, metadata, model path, DataSplits) with the network checked against the data."""
    from bpviz.core import ModelFileError, load_network
    from bpviz.data import DatasetError, load_dataset

    path = Path(args.model).expanduser() if args.model else default_model_path()
    try:
        net, meta = load_network(path)
    except ModelFileError as e:
        raise CLIError(str(e)) from None
    name = args.data or (meta.get("dataset") if isinstance(meta.get("dataset"), str) else None) or "mnist-bundled"
    try:
        data = load_dataset(name, root=args.data_dir)
    except DatasetError as e:
        raise CLIError(str(e)) from None
    if net.sizes[0] != data.input_size:
        raise CLIError(f"{path.name} has {net.sizes[0]} inputs but {data.name} images have {data.input_size} pixels")
    if net.sizes[-1] != data.n_classes:
        raise CLIError(f"{path.name} has {net.sizes[-1]} outputs but {data.name} has {data.n_classes} classes")
    return net, meta, path, data


def _check_index(i: int, n: int, what: str = "test image") -> int:
    if not 0 <= i < n:
        raise CLIError(f"{what} index {i} is out of range (the test set has {n} images: 0..{n - 1})")
    return i


def _check_label(k: int, names: tuple[str, ...], option: str) -> int:
    if not 0 <= k < len(names):
        raise CLIError(f"{option} {k} is out of range (classes 0..{len(names) - 1})")
    return k


def _class(names: tuple[str, ...], k: int) -> str:
    """'7' for digits, '6 (Shirt)' for named classes."""
    return str(k) if names[k] == str(k) else f"{k} ({names[k]})"


def _vector(v: np.ndarray) -> str:
    return " ".join(f"{x:.4f}" for x in v)


# -- confusion -------------------------------------------------------------------------------
def format_matrix(matrix: np.ndarray, names: tuple[str, ...]) -> list[str]:
    """Rows of the confusion matrix as aligned text: true labels down, predictions across."""
    n = matrix.shape[0]
    width = max(len(str(int(matrix.max(initial=0)))), len(str(n - 1))) + 2
    digits = all(names[k] == str(k) for k in range(n))
    row_names = [str(k) if digits else f"{k} {names[k]}" for k in range(n)]
    head = "true \\ predicted"
    left = max(len(head), max(len(r) for r in row_names))
    lines = [f"{head:<{left}}" + "".join(f"{k:>{width}}" for k in range(n))]
    for k in range(n):
        lines.append(f"{row_names[k]:<{left}}" + "".join(f"{int(v):>{width}}" for v in matrix[k]))
    return lines


def cmd_confusion(args: argparse.Namespace) -> int:
    from bpviz.core.mistakes import confusion

    net, _, path, data = _load(args)
    split = data.test if args.split == "test" else data.validation
    if split is None:
        raise CLIError(f"{data.name} has no validation split (only the full 'mnist' has one)")
    names = data.class_names
    c = confusion(net, split.x, split.labels)
    print(f"{path.name}: {net} on {data.name} {args.split} ({c.total} images)")
    print("Confusion matrix (rows: true label, columns: prediction)")
    for line in format_matrix(c.matrix, names):
        print(line)
    print(f"Accuracy: {c.correct} / {c.total} = {100 * c.accuracy:.2f}%")
    pairs = c.most_confused(args.top)
    if pairs:
        print(f"Most confused pairs ({c.total - c.correct} mistakes in all):")
        for q in pairs:
            print(f"  {q.count:5d}  true {_class(names, q.true_label)} predicted as {_class(names, q.predicted)}")
    return 0


# -- teach -----------------------------------------------------------------------------------
def recorded_eta(meta: dict) -> float | None:
    """The η the model was trained with, if its metadata records a usable one."""
    eta = meta.get("eta")
    if isinstance(eta, (int, float)) and not isinstance(eta, bool) and math.isfinite(eta) and eta > 0:
        return float(eta)
    return None


def recorded_batch_size(meta: dict) -> int | None:
    """The mini-batch size m the model was trained with, if its metadata records a usable one."""
    m = meta.get("batch_size")
    return m if isinstance(m, int) and not isinstance(m, bool) and m >= 1 else None


def teaching_eta(eta: float, batch_size: int) -> float:
    """The default η of one teaching step: η/m, what each example of a training mini-batch moved the
    weights by (one example given the whole η would wreck a trained network). The GUI's Teach panel
    and ``bpviz explain teach`` both use it."""
    return eta / batch_size


def cmd_teach(args: argparse.Namespace) -> int:
    from bpviz.core.mistakes import Teacher
    from bpviz.scene.notation import fmt, weight_name

    net, meta, path, data = _load(args)
    test, names = data.test, data.class_names
    i = _check_index(args.test_index, len(test))
    k = _check_label(args.label, names, "--label")
    trained_eta, m = recorded_eta(meta), recorded_batch_size(meta)
    if args.eta is not None:
        eta, source = args.eta, "--eta"
    elif trained_eta is not None and m is not None:
        eta = teaching_eta(trained_eta, m)
        source = f"default: the model's training η/m = {trained_eta:g}/{m}"
    elif trained_eta is not None:
        eta, source = trained_eta, "default: the model's training η; it records no mini-batch size"
    else:
        eta, source = DEFAULT_ETA, "default; the model records no η"
    if not eta > 0:
        raise CLIError(f"learning rate eta must be a finite number > 0 (got {eta})")
    if args.lmbda < 0:
        raise CLIError(f"regularisation lambda must be a finite number ≥ 0 (got {args.lmbda})")
    n_train = meta.get("train_size") if isinstance(meta.get("train_size"), int) else len(data.train)
    x = test.x[i]
    teacher = Teacher(net, eta=eta, lmbda=args.lmbda, n_train=n_train, test=(test.x, test.labels),
                      top=max(args.top, 0), max_undo=None)
    before = net.predict(test.x)
    print(f"{path.name}: {net}")
    print(f"Test image {i} of {data.name}: true label {_class(names, int(test.labels[i]))}, "
          f"predicted {_class(names, int(before[i]))}. Teaching label {_class(names, k)} "
          f"with η = {eta:g} ({source}), λ = {args.lmbda:g}, {args.steps} step(s) on this one example.")
    if trained_eta is not None and m is not None and eta > teaching_eta(trained_eta, m):
        # Why one step here moves the network so much more than one training mini-batch did.
        print(f"(In training, mini-batches of m = {m} gave each example a step of η/m = "
              f"{teaching_eta(trained_eta, m):g}; here η = {eta:g} goes to one example, "
              f"{eta / teaching_eta(trained_eta, m):.3g}× that.)")
    for step in range(1, args.steps + 1):
        try:
            s = teacher.step(x, k)
        except ValueError as e:
            raise CLIError(str(e)) from None
        pb, pa = s.prediction_before, s.prediction_after
        print(f"Step {step}: a^L_{k} {s.outputs_before[k]:.4f} → {s.outputs_after[k]:.4f}   "
              f"argmax {pb} ({s.outputs_before[pb]:.4f}) → {pa} ({s.outputs_after[pa]:.4f})   "
              f"C_x {s.cost_before:.4g} → {s.cost_after:.4g}")
        print(f"  a^L before: {_vector(s.outputs_before)}")
        print(f"  a^L after:  {_vector(s.outputs_after)}")
        if s.top_changes:
            moved = ", ".join(f"{weight_name(c.l, c.j, c.k)} {fmt(c.dw, 4)}" for c in s.top_changes)
            print(f"  largest Δw: {moved}")
        t = s.test
        print(f"  test: {t.correct_before} → {t.correct_after} / {t.total} correct, "
              f"{len(t.changed)} predictions changed")
    after = net.predict(test.x)
    n = len(test)
    c0, c1 = int(np.sum(before == test.labels)), int(np.sum(after == test.labels))
    print(f"Test accuracy {100 * c0 / n:.2f}% → {100 * c1 / n:.2f}% ({c0} → {c1} / {n}); "
          f"{int(np.sum(before != after))} test predictions differ from before the first step.")
    return 0


# -- pixels ----------------------------------------------------------------------------------
def change_map(x0: np.ndarray, x: np.ndarray, threshold: float) -> list[str]:
    """A square image as text: '+' brightened and '-' darkened by more than threshold, '#' ink, '.' paper."""
    side = int(round(x0.shape[0] ** 0.5))
    if side * side != x0.shape[0]:
        return []
    d = x.astype(np.float64) - x0.astype(np.float64)
    chars = np.where(d > threshold, "+", np.where(d < -threshold, "-", np.where(x0 > 0.5, "#", ".")))
    return ["".join(row) for row in chars.reshape(side, side)]


def cmd_pixels(args: argparse.Namespace) -> int:
    from bpviz.core.mistakes import nudge_until

    net, _, path, data = _load(args)
    test, names = data.test, data.class_names
    i = _check_index(args.test_index, len(test))
    k = _check_label(args.towards, names, "--towards")
    if not 0 < args.step <= 1:
        raise CLIError(f"--step must lie in (0, 1] (got {args.step})")
    if not 0 <= args.threshold < 1:
        raise CLIError(f"--threshold must lie in [0, 1) (got {args.threshold})")
    run = nudge_until(net, test.x[i], k, step=args.step, max_steps=args.max_steps, threshold=args.threshold)
    p0 = int(np.argmax(run.outputs0))
    print(f"{path.name}: {net}")
    print(f"Test image {i} of {data.name}: true label {_class(names, int(test.labels[i]))}, "
          f"predicted {_class(names, p0)} (a^L = {run.outputs0[p0]:.4f}); a^L_{k} = {run.outputs0[k]:.4f}, "
          f"C_x = {run.cost0:.4g} for target {k}.")
    if not run.steps:
        print(f"The network already predicts {_class(names, k)}: nothing to nudge." if run.reached
              else "No pixel can move: every useful pixel is at its bound.")
        return 0
    print(f"Each nudge: x ← clip(x − {args.step:g}·g/max|g|, 0, 1), g = ∂C/∂x for target {k} "
          f"(pixels at a bound they are pushed against excluded).")
    for n, s in enumerate(run.steps, 1):
        p = s.prediction
        print(f"Nudge {n:3d}: predicted {p} (a^L = {s.outputs[p]:.4f}), a^L_{k} = {s.outputs[k]:.4f}, "
              f"C_x = {s.cost:.4g}, {s.changed_pixels} pixels changed by > {args.threshold:g}, "
              f"largest change {s.max_change:.3f}")
    f = run.final
    n_px = run.x0.shape[0]
    if run.reached:
        print(f"The prediction became {_class(names, k)} after {len(run.steps)} nudge(s): "
              f"{f.changed_pixels} of {n_px} pixels changed by more than {args.threshold:g}, "
              f"none by more than {f.max_change:.3f}.")
    else:
        print(f"Still predicted {_class(names, f.prediction)} after {len(run.steps)} nudge(s) "
              f"(limit {args.max_steps}); {f.changed_pixels} of {n_px} pixels changed by more than {args.threshold:g}.")
    lines = change_map(run.x0, f.x, args.threshold)
    if lines:
        print("Changed pixels ('+' brighter, '-' darker, '#' ink, '.' paper):")
        for line in lines:
            print("  " + line)
    return 0
