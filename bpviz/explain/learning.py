"""``bpviz explain speed | twin | presets``: why a network learns — or does not (issue 12).

* ``speed``: the speed of learning ‖∂C/∂b^l‖ of each hidden layer at initialisation, mean
  over seeds, beside the book's chapter 5 figures (:mod:`bpviz.core.learning`).
* ``twin``: two runs from one seed and one mini-batch order that differ in one setting, their
  epoch lines side by side (:mod:`bpviz.core.twin`); ``--slowdown`` is chapter 3's quadratic
  vs cross-entropy comparison from a saturated start.
* ``presets``: the book's experiments with their figures (:mod:`bpviz.scene.presets`).

Every number printed is one the core computed; this module only formats.
"""

from __future__ import annotations

import argparse
import dataclasses

from bpviz.cliutil import CLIError, add_activation_args, finite_float, load_data_fitting, positive_int

TRAIN_DEFAULTS = {"sizes": "784,30,10", "eta": 3.0, "epochs": 30, "batch_size": 10, "cost": "quadratic",
                  "init": "standard", "lmbda": 0.0, "init_scale": 1.0, "seed": 0, "train_size": None}


def add_parsers(sub: argparse._SubParsersAction) -> None:
    s = sub.add_parser("speed", help="speed of learning ‖∂C/∂b^l‖ per hidden layer at initialisation (chapter 5)")
    s.add_argument("--sizes", default="784,30,30,30,10", help="neurons per layer (default 784,30,30,30,10)")
    s.add_argument("--images", type=positive_int, default=1000,
                   help="measure on the first N training images (default 1000, as the book)")
    s.add_argument("--seeds", type=positive_int, default=1, help="average over K seeds (default 1)")
    s.add_argument("--seed", type=int, default=0, help="first seed (default 0): seeds are SEED..SEED+K-1")
    s.add_argument("--cost", default=None, help="cost (default cross-entropy, as the book; log-likelihood with "
                                                "--output softmax)")
    s.add_argument("--init", default="scaled", help="initialisation (default scaled: N(0, 1/n_in), as the book)")
    add_activation_args(s)
    _data_args(s)
    s.set_defaults(explain_run=run_speed)

    t = sub.add_parser("twin", help="two runs that differ in one setting, epoch lines side by side (chapter 3)")
    t.add_argument("--vary", help="the setting run b changes: cost=…, eta=…, init=…, lmbda=…, sizes=… or init_scale=…")
    t.add_argument("--slowdown", action="store_true",
                   help="chapter 3's learning slowdown: cross-entropy vs quadratic from a saturated start "
                        "(other options override its settings)")
    t.add_argument("--sizes", help=f"neurons per layer (default {TRAIN_DEFAULTS['sizes']})")
    t.add_argument("--epochs", type=positive_int, help="training epochs (default 30)")
    t.add_argument("--batch-size", "-m", type=positive_int, help="mini-batch size m (default 10)")
    t.add_argument("--eta", type=finite_float, help="learning rate η (default 3.0)")
    t.add_argument("--lmbda", type=finite_float, help="L2 regularisation λ (default 0)")
    t.add_argument("--cost", help="quadratic (default) or cross-entropy")
    t.add_argument("--init", help="standard (default) or scaled")
    t.add_argument("--init-scale", type=finite_float,
                   help="multiply every initial weight and bias by this (default 1; >1 starts saturated)")
    t.add_argument("--seed", type=int, help="seed of the initial weights and the shuffling (default 0)")
    t.add_argument("--train-size", type=positive_int, help="use only the first N training images")
    _data_args(t)
    t.set_defaults(explain_run=run_twin)

    p = sub.add_parser("presets", help="the book's experiments, their settings and figures")
    p.set_defaults(explain_run=run_presets)


def _data_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", default="mnist-bundled", help="dataset (default mnist-bundled)")
    p.add_argument("--data-dir", help="download cache folder")
    p.add_argument("--dtype", choices=("float32", "float64"), default="float32")


def _load(args: argparse.Namespace, sizes: tuple[int, ...]):
    return load_data_fitting(sizes, args.data, args.data_dir)


def _sizes(text: str) -> tuple[int, ...]:
    from bpviz.core import parse_sizes

    try:
        return parse_sizes(text)
    except ValueError as e:
        raise CLIError(str(e)) from None


# -- speed ---------------------------------------------------------------------------------
def run_speed(args: argparse.Namespace) -> int:
    from bpviz.core.learning import book_speeds, speeds_at_init

    sizes = _sizes(args.sizes)
    if len(sizes) < 3:
        raise CLIError(f"the speed of hidden layers needs a hidden layer (got {args.sizes})")
    data = _load(args, sizes)
    if args.images > len(data.train):
        raise CLIError(f"--images {args.images}: {data.name} has only {len(data.train)} training images")
    X, y = data.train.x[: args.images], data.train.labels[: args.images]
    seeds = range(args.seed, args.seed + args.seeds)
    try:
        cost = args.cost or ("log-likelihood" if args.output == "softmax" else "cross-entropy")
        summary = speeds_at_init(sizes, X, y, seeds, cost=cost, init=args.init, dtype=args.dtype,
                                 activation=args.activation, output=args.output)
    except ValueError as e:
        raise CLIError(str(e)) from None
    over = f"seed {args.seed}" if args.seeds == 1 else f"mean over {args.seeds} seeds ({seeds[0]}..{seeds[-1]})"
    neurons = "" if (args.activation, args.output) == ("sigmoid", "sigmoid") else \
        f"{args.activation} hidden neurons, {args.output} output, "
    print(f"Speed of learning ‖∂C/∂b^l‖ at initialisation: [{','.join(map(str, sizes))}], {neurons}{summary.cost_name} "
          f"cost, {args.init} init, first {args.images} training images of {data.name}, {over}")
    mean = summary.mean
    for i, l in enumerate(range(2, len(sizes))):
        spread = ""
        if args.seeds > 1:
            spread = f"   (seeds: {summary.per_seed[:, i].min():.4g} to {summary.per_seed[:, i].max():.4g})"
        print(f"layer {l}: ‖δ‖ = {mean[i]:.4g}{spread}")
    print(f"output layer {len(sizes)}: ‖δ‖ = {mean[-1]:.4g} (for reference)")
    book = book_speeds(sizes)
    if book is not None:
        vals = ", ".join(f"layer {l}: {v:g}" for l, v in zip(range(2, len(sizes)), book.hidden))
        ratio = summary.ratio_first_last.mean()
        print(f"book (chapter 5): {vals}; first/last hidden {book.ratio_first_last:.3g}, bpviz {ratio:.3g}")
        differs = summary.cost_name != "cross-entropy" or args.init != "scaled" or neurons
        print(f"  {book.note}" + (" The book used sigmoid neurons, cross-entropy and scaled init; this run did not."
                                  if differs else ""))
    return 0


# -- twin ----------------------------------------------------------------------------------
def _twin_settings(args: argparse.Namespace):
    from bpviz.core.twin import SLOWDOWN, SLOWDOWN_TRAIN_SIZE, SLOWDOWN_VARY, TwinSettings

    given = {k: getattr(args, k) for k in TRAIN_DEFAULTS if getattr(args, k) is not None}
    if args.slowdown:
        base = {f.name: getattr(SLOWDOWN, f.name) for f in dataclasses.fields(SLOWDOWN)}
        base["train_size"] = SLOWDOWN_TRAIN_SIZE
        vary = args.vary or SLOWDOWN_VARY
    else:
        if not args.vary:
            raise CLIError("say what run b changes with --vary SETTING=VALUE (like --vary cost=cross-entropy), "
                           "or use --slowdown")
        base, vary = dict(TRAIN_DEFAULTS), args.vary
    base.update(given)
    train_size = base.pop("train_size")
    try:
        a = TwinSettings(**base)
        b = a.varied(vary)
    except (ValueError, TypeError) as e:
        raise CLIError(str(e)) from None
    return a, b, train_size


def _side(record) -> str:
    """One run's epoch line: the seed's ``Epoch j : k / n`` then cost and speeds (``Start`` before training)."""
    if record is None:
        return ""
    speeds = ", ".join(f"{v:.3g}" for v in record.speeds.hidden)
    head = "Start" if record.epoch < 0 else f"Epoch {record.epoch}"
    return f"{head} : {record.test_correct} / {record.test_total}  cost {record.training_cost:.4f}  ‖δ‖ {speeds}"


def run_twin(args: argparse.Namespace) -> int:
    from bpviz.core import Diverged
    from bpviz.core.twin import TwinRun

    a, b, train_size = _twin_settings(args)
    data = _load(args, a.sizes)
    _load_check_sizes(data, b.sizes)
    train = data.train.subset(train_size) if train_size else data.train
    twin = TwinRun(a, b, train, data.test, dtype=args.dtype)
    print(f"Twin runs on {data.name}: {len(train)} training, {len(data.test)} test images, seed {a.seed}, "
          f"m = {a.batch_size}; {twin.note}")
    print(f"  a: {a.label}")
    print(f"  b: {b.label}")
    print(f"  (‖δ‖: ‖∂C/∂b^l‖ of each hidden layer l = 2, 3, … on the first {len(twin.speed_images[1])} "
          "training images; cost: the training cost)")
    width = max(52, len(_side(twin.history[0][0])) + 2)
    print(f"{'a':<{width}} | b")
    print(f"{_side(twin.history[0][0]):<{width}} | {_side(twin.history[1][0])}")
    for ev in twin.events():
        for name, e in (("a", ev.a), ("b", ev.b)):
            if isinstance(e, Diverged):
                print(f"{name}: diverged at epoch {e.epoch}, mini-batch {e.batch}: {e.reason}")
        if ev.record_a is not None or ev.record_b is not None:
            print(f"{_side(ev.record_a):<{width}} | {_side(ev.record_b)}".rstrip())
    for name, hist in zip("ab", twin.history):
        best = max(hist[1:], key=lambda r: r.test_correct, default=None)
        if best is not None:
            print(f"Best {name}: epoch {best.epoch} with {best.test_correct} / {best.test_total} "
                  f"({100 * best.test_accuracy:.2f}%)")
    return 0


def _load_check_sizes(data, sizes: tuple[int, ...]) -> None:
    if sizes[0] != data.input_size or sizes[-1] != data.n_classes:
        raise CLIError(f"run b's sizes {','.join(map(str, sizes))} do not fit {data.name} "
                       f"({data.input_size} inputs, {data.n_classes} classes)")


# -- presets -------------------------------------------------------------------------------
def run_presets(args: argparse.Namespace) -> int:
    from bpviz.scene.presets import PRESETS, SPEED

    for p in PRESETS:
        print(f"{p.key}: {p.title} (chapter {p.chapter})")
        print(f"  settings: {p.settings}")
        if p.view == SPEED:
            for b in p.book_speeds:
                vals = ", ".join(f"{v:g}" for v in b.hidden)
                print(f"  book: [{','.join(map(str, b.sizes))}] hidden-layer speeds {vals}")
            print(f"  run:  bpviz explain speed --sizes {','.join(map(str, p.sizes))} --seeds 5")
        else:
            print(f"  book: {p.target_caption() if p.book_accuracy is not None else 'no figure for this setting'}")
            print(f"  run:  bpviz train {' '.join(p.train_args())}")
        print(f"  measured: {p.measured}")
    return 0

