"""Command line: ``bpviz`` (the app), ``bpviz train``, ``bpviz bench``, ``bpviz screenshot``."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from bpviz.cliutil import EXIT_USAGE, CLIError, add_activation_args, load_data_fitting
from bpviz.cliutil import Parser as _Parser
from bpviz.cliutil import finite_float as _finite_float
from bpviz.cliutil import positive_int as _positive_int


def _add_training_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sizes", default=None,
                   help="neurons per layer, input first (default: the data's inputs, 30, its classes; "
                        "784,30,10 for MNIST)")
    p.add_argument("--epochs", type=_positive_int, default=30, help="training epochs (default 30)")
    p.add_argument("--batch-size", "-m", type=_positive_int, default=10, help="mini-batch size m (default 10)")
    p.add_argument("--eta", type=_finite_float, default=3.0, help="learning rate η (default 3.0)")
    p.add_argument("--lmbda", type=_finite_float, default=0.0, help="L2 regularisation λ (default 0)")
    p.add_argument("--cost", default=None,
                   help="quadratic (the seed's, default) or cross-entropy with sigmoid outputs; log-likelihood "
                        "(the default) with softmax")
    p.add_argument("--init", default="standard", help="standard (N(0,1), the seed's) or scaled (N(0,1/n_in))")
    p.add_argument("--seed", type=int, default=0, help="random seed for initial weights and shuffling")
    p.add_argument("--data", default="mnist-bundled",
                   help="dataset: mnist-bundled (the default, offline), mnist (full, after 'bpviz data fetch mnist'), "
                        "fashion-mnist, xor (two inputs, for tiny nets like 2,3,2), a 2-D set (circles, moons, "
                        "spiral, blobs, quadrants; settings like 'blobs?classes=3&noise=0.4&points=600'), a CSV "
                        "file, a folder with one sub-folder of PNG/JPEG images per class, or a folder of IDX files")
    add_activation_args(p)
    p.add_argument("--features", default=None,
                   help="2-D sets: input features, from x1,x2,x1^2,x2^2,x1x2,sin(x1),sin(x2) (default x1,x2)")
    p.add_argument("--label", default=None, help="CSV: the label column's name (default: the last column)")
    p.add_argument("--test-fraction", type=_finite_float, default=0.2,
                   help="CSV file or image folder: the share of rows held out for testing (default 0.2, seeded)")
    p.add_argument("--dtype", choices=("float32", "float64"), default="float32")
    p.add_argument("--data-dir", help="download cache folder (default: $BPVIZ_DATA_DIR or the user cache)")


def _add_view_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--theme", choices=("dark", "light"), default=None, help="colour theme (default: dark)")
    p.add_argument("--palette", choices=("default", "colorblind"), default=None,
                   help="colours of signed values: default (blue-red) or colorblind (blue-orange, negative dashed)")
    p.add_argument("--projector", action="store_true", help="projector mode: larger text, thicker lines")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bpviz", description="Watch backpropagation: with no command, opens the app.")
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument("--model", help="open the app with this model (.npz)")
    parser.add_argument("--data-dir", dest="app_data_dir",
                        help="download cache folder for the app (default: $BPVIZ_DATA_DIR or the user cache)")
    parser.add_argument("--lang", choices=("en", "zh_CN"),
                        help="interface language of the app: en or zh_CN (default: the one chosen in "
                             "View → Language, else the system's)")
    _add_view_args(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    t = sub.add_parser("train", help="train headless and print one line per epoch")
    _add_training_args(t)
    t.add_argument("--save", help="write the trained network to this .npz file")
    t.add_argument("--train-size", type=_positive_int, help="use only the first N training images")
    t.add_argument("--quiet", action="store_true", help="no progress bar")

    d = sub.add_parser("data", help="download and list datasets")
    dsub = d.add_subparsers(dest="data_command", parser_class=_Parser, required=True)
    f = dsub.add_parser("fetch", help="download and verify a dataset into the cache")
    f.add_argument("name", choices=("mnist", "fashion-mnist"))
    f.add_argument("--data-dir", help="cache folder (default: $BPVIZ_DATA_DIR or the user cache)")
    f.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for a mirror (default 15)")
    ls = dsub.add_parser("list", help="the datasets and whether they are here")
    ls.add_argument("--data-dir", help="cache folder")

    b = sub.add_parser("bench", help="benchmarks; they print ratios measured in one run")
    b.add_argument("what", choices=("core", "gui", "data", "soak"),
                   help="core: one epoch vs the per-sample loop and PyTorch; gui: drawing and threads; data: loading; "
                        "soak: memory over long use with the window open")
    b.add_argument("--sizes", help="bench soak: network sizes (default 784,100,10)")
    b.add_argument("--batches", type=_positive_int, default=300_000,
                   help="bench soak: mini-batches to train (default 300,000; at least 200,000)")
    b.add_argument("--epochs", type=_positive_int, default=1)
    b.add_argument("--repeats", type=_positive_int, default=7, help="rounds for bench core (default 7)")

    from bpviz import explain

    explain.add_parser(sub, _Parser)

    o = sub.add_parser("open", help="open the app with a session (.bpviz), model (.npz), lesson (.toml) or data "
                                    "table (.csv)")
    o.add_argument("file", help="the file to open")

    s = sub.add_parser("screenshot", help="render the main window offscreen to a PNG")
    s.add_argument("out", help="PNG file to write")
    s.add_argument("--train-epochs", type=int, default=0, help="train this many epochs first (headless)")
    s.add_argument("--size", default="1400x900", help="window size WxH (default 1400x900)")
    s.add_argument("--sizes", default=None, help="network layer sizes for the screenshot")
    s.add_argument("--data", default="mnist-bundled", help="dataset (mnist-bundled, xor, a folder …)")
    s.add_argument("--select", help="select neuron L,J (book layer number, 0-based neuron) before the shot")
    s.add_argument("--step", type=int, help="show the Step tab at this step (0-based)")
    s.add_argument("--batch", action="store_true", help="with --step: step through a mini-batch")
    s.add_argument("--draw", choices=("7", "3", "2"), help="show the Draw tab with this digit drawn")
    s.add_argument("--scale", type=float, default=1.0,
                   help="pixels per window pixel, 1-4 (default 1; 2 gives 2800x1800 for a 1400x900 window)")
    _add_view_args(s)

    r = sub.add_parser("record", help="record the step-through or training to an animated GIF or an MP4")
    rsub = r.add_subparsers(dest="record_command", parser_class=_Parser, required=True)
    rs = rsub.add_parser("step", help="one frame per step of the step-through, with its caption")
    rs.add_argument("--sample", type=int, default=0, help="test image to step through (default 0)")
    rs.add_argument("--batch", action="store_true", help="step through a mini-batch of m training images")
    rt = rsub.add_parser("train", help="a frame every N mini-batches while training")
    rt.add_argument("--epochs", type=_positive_int, default=1, help="epochs to train and record (default 1)")
    rt.add_argument("--every", type=_positive_int, default=100, help="mini-batches between frames (default 100)")
    rt.add_argument("--eta", type=_finite_float, default=3.0, help="learning rate η (default 3.0)")
    for q in (rs, rt):
        q.add_argument("--out", required=True, help="FILE.gif, or FILE.mp4 with the optional encoder (bpviz[video])")
        q.add_argument("--sizes", default=None, help="network layer sizes (default 784,30,10)")
        q.add_argument("--data", default="mnist-bundled", help="dataset (default mnist-bundled)")
        q.add_argument("--size", default="1400x900", help="window size WxH (default 1400x900)")
        q.add_argument("--scale", type=float, default=1.0, help="pixels per window pixel, 1-4 (default 1)")
        q.add_argument("--view", choices=("window", "network"), default="window",
                       help="what each frame shows: the whole window (with the caption) or the network view")
        _add_view_args(q)
    le = sub.add_parser("lesson", help="lessons: list, check a lesson file, or open the app on one",
                        description="bpviz lesson list | bpviz lesson check FILE|ID | bpviz lesson FILE|ID")
    le.add_argument("what", help="list, check, or a lesson file (.toml) or the id of a shipped lesson")
    le.add_argument("target", nargs="?", help="with check: the lesson file or id")
    le.add_argument("--lang", choices=("en", "zh_CN"), default=argparse.SUPPRESS,
                    help="language of the texts (list/check: default en; the app: as bpviz --lang)")
    i = sub.add_parser("i18n", help="maintainers: update the translations from the sources")
    isub = i.add_subparsers(dest="i18n_command", parser_class=_Parser, required=True)
    isub.add_parser("update", help="pyside6-lupdate the sources into assets/i18n/*.ts, then compile the .qm")
    return parser


def _version() -> str:
    from bpviz import __version__

    return f"bpviz {__version__}"


# -- train ---------------------------------------------------------------------------------
class _ProgressBar:
    """A one-line progress bar on a terminal (stderr); silent elsewhere."""

    def __init__(self, enabled: bool, width: int = 30) -> None:
        self.enabled = enabled
        self.width = width
        self._last = 0.0

    def due(self, final: bool = False) -> bool:
        """True (and the clock restarted) when a redraw is due: ≥ 0.1 s since the last, or ``final``."""
        now = time.perf_counter()
        if not self.enabled or (now - self._last < 0.1 and not final):
            return False
        self._last = now
        return True

    def update(self, epoch: int, done: int, total: int, cost: float) -> None:
        if not self.due(done >= total):
            return
        filled = int(self.width * done / total)
        bar = "█" * filled + "·" * (self.width - filled)
        sys.stderr.write(f"\rEpoch {epoch} [{bar}] {done}/{total} cost {cost:.4f}")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * (self.width + 60) + "\r")
            sys.stderr.flush()


def cmd_train(args: argparse.Namespace) -> int:
    import numpy as np

    from bpviz.core import BatchDone, Diverged, EpochDone, Network, save_network, sgd
    from bpviz.core.network import parse_sizes
    from bpviz.core.sgd import validate_hyperparameters

    try:
        sizes = parse_sizes(args.sizes) if args.sizes else None
        validate_hyperparameters(epochs=args.epochs, batch_size=args.batch_size, eta=args.eta, lmbda=args.lmbda)
    except ValueError as e:
        raise CLIError(str(e)) from None
    data = load_data_fitting(sizes, args.data, args.data_dir, features=args.features, label=args.label,
                             test_fraction=args.test_fraction)
    if sizes is None:
        sizes = (data.input_size, 30, data.n_classes)
    try:
        net = Network(sizes, rng=np.random.default_rng(args.seed), cost=args.cost, init=args.init, dtype=args.dtype,
                      activation=args.activation, output=args.output)
    except ValueError as e:
        raise CLIError(str(e)) from None
    train = data.train.subset(args.train_size) if args.train_size else data.train
    if args.save:
        save_path = Path(args.save)
        if save_path.parent and not save_path.parent.is_dir():
            raise CLIError(f"cannot save to {args.save}: folder {save_path.parent} does not exist")

    val = f", {len(data.validation)} validation" if data.validation is not None else ""
    unit = {"plane": "points", "table": "rows"}.get(data.kind, "images")
    print(f"Training {net} on {data.name}: {len(train)} training{val}, {len(data.test)} test {unit}; "
          f"η = {args.eta}, m = {args.batch_size}, λ = {args.lmbda}, seed {args.seed}", flush=True)
    if data.kind == "plane":
        print(f"Inputs: {', '.join(data.features)} of each point (x1, x2)", flush=True)
    elif data.kind == "table":
        print("Inputs: " + ", ".join(f"{f} (mean {m:.4g}, std {s:.4g})" for f, m, s in zip(data.features, data.mean,
                                                                                       data.std))
              + f", standardised with the {len(data.train)} training rows'; classes: {', '.join(data.class_names)}",
              flush=True)
    bar = _ProgressBar(sys.stderr.isatty() and not args.quiet)
    rng = np.random.default_rng([args.seed, 1])
    t0 = time.perf_counter()
    t_epoch = t0
    best = (-1, -1)
    diverged = None
    for ev in sgd(net, train, epochs=args.epochs, batch_size=args.batch_size, eta=args.eta,
                  lmbda=args.lmbda, rng=rng, test=data.test, validation=data.validation):
        if isinstance(ev, BatchDone):
            bar.update(ev.epoch, ev.batch + 1, ev.n_batches, ev.cost)
        elif isinstance(ev, EpochDone):
            bar.clear()
            now = time.perf_counter()
            extra = ""
            if ev.validation_total:
                extra = f", validation {ev.validation_correct} / {ev.validation_total}"
            print(f"Epoch {ev.epoch} : {ev.test_correct} / {ev.test_total}  "
                  f"({now - t_epoch:.2f} s, training cost {ev.training_cost:.4f}{extra})", flush=True)
            t_epoch = now
            if ev.test_correct > best[1]:
                best = (ev.epoch, ev.test_correct)
        elif isinstance(ev, Diverged):
            bar.clear()
            diverged = ev
            print(f"Training diverged at epoch {ev.epoch}, mini-batch {ev.batch}: {ev.reason}. "
                  f"Try a smaller learning rate than η = {args.eta}.", file=sys.stderr)
            break
    total = time.perf_counter() - t0
    if net.output == "sigmoid":   # a softmax output with log-likelihood has no f′ factor to saturate
        _warn_if_saturated(net, data.test, args.eta)
    if best[0] >= 0:
        print(f"Best: epoch {best[0]} with {best[1]} / {len(data.test)} "
              f"({100 * best[1] / len(data.test):.2f}%); total {total:.1f} s")
    if args.save:
        if diverged is not None:
            print(f"Not saving to {args.save}: the run diverged (an existing file is left as it was).", file=sys.stderr)
            return 1
        acc = net.evaluate(data.test.x, data.test.labels)
        meta = {
            "command": "bpviz train " + " ".join(_argv_for_record(args)),
            "dataset": data.name,
            "test_correct": acc,
            "test_total": len(data.test),
            "test_accuracy": acc / len(data.test),
            "epochs": args.epochs, "eta": args.eta, "batch_size": args.batch_size,
            "lmbda": args.lmbda, "seed": args.seed, "train_size": len(train),
            # the settings the app restores when it opens this file
            "config": {"sizes": list(net.sizes), "eta": args.eta, "batch_size": args.batch_size,
                       "epochs": args.epochs, "cost": net.cost.name, "init": net.init, "seed": args.seed,
                       "dataset": args.data, "lmbda": args.lmbda, "activation": net.activation.name,
                       "output": net.output, "features": ",".join(data.features) if data.kind == "plane" else "",
                       "label": args.label or "", "test_fraction": args.test_fraction},
            "epochs_trained": args.epochs,
        }
        from bpviz.state.inputs import model_inputs

        path = save_network(net, args.save, meta, model_inputs(data))
        print(f"Saved {path} (test accuracy {100 * acc / len(data.test):.2f}%)")
    return 1 if diverged is not None else 0


def _warn_if_saturated(net, test, eta: float) -> None:
    """One line on stderr when, for most test images, every output neuron ends saturated and one of
    them wrong (issue 12): such a run can end at chance accuracy without diverging."""
    from bpviz.core.learning import output_saturation
    from bpviz.scene.saturation import train_warning

    warning = train_warning(output_saturation(net, test.x, test.labels), net.cost.name, eta)
    if warning:
        print("warning: " + warning, file=sys.stderr)


def _argv_for_record(args: argparse.Namespace) -> list[str]:
    out = ([f"--sizes {args.sizes}"] if args.sizes else []) + [
        f"--epochs {args.epochs}", f"--batch-size {args.batch_size}", f"--eta {args.eta}"] + (
        [f"--cost {args.cost}"] if args.cost else []) + [f"--init {args.init}", f"--seed {args.seed}",
                                                         f"--data {args.data}"]
    for flag, value, default in (("--activation", args.activation, "sigmoid"), ("--output", args.output, "sigmoid"),
                                 ("--features", args.features, None), ("--label", args.label, None),
                                 ("--test-fraction", args.test_fraction, 0.2)):
        if value != default:
            out.append(f"{flag} {value}")
    if args.lmbda:
        out.append(f"--lmbda {args.lmbda}")
    if args.train_size:
        out.append(f"--train-size {args.train_size}")
    return out


# -- data ----------------------------------------------------------------------------------
def cmd_data(args: argparse.Namespace) -> int:
    from bpviz.data import available_datasets
    from bpviz.data.download import DownloadCancelled, DownloadError, data_dir, fetch, remote

    root = Path(args.data_dir).expanduser() if args.data_dir else data_dir()
    if args.data_command == "list":
        from bpviz.data.plane import DEFAULT_NOISE, FEATURES

        for name, desc in available_datasets(root).items():
            print(f"{name:15s} {desc}")
        print(f"cache folder: {root}")
        print("2-D sets take settings: NAME?points=400&noise=N&seed=0&test_fraction=0.2 (blobs also classes=2..4); "
              "default noise " + ", ".join(f"{k} {v:g}" for k, v in DEFAULT_NOISE.items()))
        print("their input features (--features): " + ",".join(FEATURES))
        print("your own data: a CSV file (header row, label column last or --label) or a folder with one "
              "sub-folder of PNG/JPEG images per class")
        return 0
    ds = remote(args.name)
    bar = _ProgressBar(sys.stderr.isatty())

    def progress(name: str, got: int, size: int | None, done: int, total: int) -> None:
        if bar.due(size is not None and got >= size):
            part = f"{got / 1e6:5.1f}" + (f" / {size / 1e6:.1f} MB" if size else " MB")
            sys.stderr.write(f"\r[{done + 1}/{total}] {name}: {part}   ")
            sys.stderr.flush()

    print(f"Fetching {ds.title} into {root / ds.name}", flush=True)
    try:
        folder = fetch(ds, root=root, progress=progress, timeout=args.timeout)
    except DownloadCancelled:
        bar.clear()
        return 130
    except DownloadError as e:
        bar.clear()
        print(f"bpviz: {e}", file=sys.stderr)
        return 1
    bar.clear()
    print(f"{ds.title}: all {len(ds.files)} files verified in {folder}")
    return 0


# -- lesson --------------------------------------------------------------------------------
def cmd_lesson(args: argparse.Namespace) -> int:
    from bpviz.scene.lessons import LessonError, find, load_lesson, shipped_paths

    lang = getattr(args, "lang", None) or "en"
    try:
        if args.what == "list":
            if args.target:
                raise CLIError("bpviz lesson list takes no argument")
            rows = [load_lesson(p) for p in shipped_paths()]
            w_id = max((len(le.id) for le in rows), default=2)
            w_en = max((len(le.title.en) for le in rows), default=2)
            w_zh = max((_width(le.title.zh_CN) for le in rows), default=2)
            for le in rows:
                zh = le.title.zh_CN + " " * (w_zh - _width(le.title.zh_CN))
                print(f"{le.id:{w_id}}  {le.title.en:{w_en}}  {zh}  {len(le.pages):2d} pages  "
                      f"{le.questions:2d} questions")
            return 0
        if args.what == "check":
            if not args.target:
                raise CLIError("bpviz lesson check needs a lesson file or the id of a shipped lesson")
            return _check_lesson(find(args.target), lang)
        if args.target:
            raise CLIError(f"unexpected {args.target!r}: use bpviz lesson check FILE|ID or bpviz lesson FILE|ID")
        lesson = find(args.what)
    except LessonError as e:
        print(f"bpviz: lesson refused: {e}", file=sys.stderr)
        return 1
    from bpviz.gui.app import run_app

    args.lesson = lesson
    args.model = None
    return run_app(args)


def _width(text: str) -> int:
    """Columns a string takes in a terminal (CJK characters take two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _check_lesson(lesson, lang: str) -> int:
    from bpviz.scene.lessons import LessonError
    from bpviz.state.lessons import play

    print(f"{lesson.id}: {lesson.title.get(lang)} — {len(lesson.pages)} pages, {lesson.questions} questions "
          f"({lesson.path})")
    n = 0
    try:
        for cq in play(lesson, lang):
            n += 1
            print(f"  page {cq.page + 1}: {cq.prompt}")
            print(f"    answer from the network: {cq.answer}" + (f"   [{cq.value}]" if cq.value else ""))
    except LessonError as e:
        print(f"bpviz: lesson refused: {e}", file=sys.stderr)
        return 1
    print(f"ok: every page set up and all {n} answers computed from the network")
    return 0


# -- entry point ---------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "app_data_dir", None):
        os.environ["BPVIZ_DATA_DIR"] = str(Path(args.app_data_dir).expanduser())
    try:
        if args.command == "train":
            return cmd_train(args)
        if args.command == "data":
            return cmd_data(args)
        if args.command == "bench":
            from bpviz import bench

            return bench.run(args)
        if args.command == "explain":
            from bpviz import explain

            return explain.run(args)
        if args.command == "i18n":
            from bpviz.i18n import update_translations

            try:
                for line in update_translations():
                    print(line)
            except (OSError, RuntimeError) as e:
                raise CLIError(str(e)) from None
            return 0
        if args.command == "lesson":
            return cmd_lesson(args)
        if args.command == "screenshot":
            from bpviz.gui.app import screenshot_main

            return screenshot_main(args)
        if args.command == "record":
            from bpviz.gui.app import record_main

            return record_main(args)
        if args.command == "open" and not Path(args.file).is_file():
            raise CLIError(f"{args.file}: no such file")
        from bpviz.gui.app import run_app

        return run_app(args)
    except CLIError as e:
        print(f"bpviz: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\nbpviz: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
