"""Small pieces every command line module shares (no Qt, no heavy imports).

Kept apart from :mod:`bpviz.cli` so that command modules (``bpviz.explain``) and the GUI's
``run_app`` can raise :class:`CLIError` without importing the entry point back (no cycle).
"""

from __future__ import annotations

import argparse
import math

EXIT_USAGE = 2


class CLIError(Exception):
    """A user error: printed as one line, exit code 2."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one clear line (exit 2) instead of usage + traceback."""

    def error(self, message: str) -> None:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def positive_int(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be ≥ 1 (got {v})")
    return v


def finite_float(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(v):
        raise argparse.ArgumentTypeError(f"must be a finite number (got {text})")
    return v


def load_data_fitting(sizes: tuple[int, ...] | None, name: str, root: str | None = None, **options):
    """The dataset ``name`` (with :func:`bpviz.data.load_dataset`'s ``options``: features, label,
    test_fraction), checked against a network's input and output layers (CLIError if not)."""
    from bpviz.data import DatasetError, load_dataset

    try:
        data = load_dataset(name, root=root, **options)
    except DatasetError as e:
        raise CLIError(str(e)) from None
    if sizes is None:
        return data
    what = {"plane": "input features", "table": "feature columns"}.get(data.kind, "pixels")
    if sizes[0] != data.input_size:
        raise CLIError(f"the input layer has {sizes[0]} neurons but {data.name} has {data.input_size} {what}"
                       + (" (its images have that many pixels)" if what == "pixels" else "")
                       + f": use --sizes {data.input_size},…,{data.n_classes}")
    if sizes[-1] != data.n_classes:
        raise CLIError(f"the output layer has {sizes[-1]} neurons but {data.name} has {data.n_classes} classes: "
                       f"use --sizes {data.input_size},…,{data.n_classes}")
    return data


def add_activation_args(p: argparse.ArgumentParser) -> None:
    """--activation and --output (chapter 3's neurons) for commands that build a network."""
    p.add_argument("--activation", choices=("sigmoid", "tanh", "relu"), default="sigmoid",
                   help="the hidden layers' neurons: sigmoid (the seed's, default), tanh or relu")
    p.add_argument("--output", choices=("sigmoid", "softmax"), default="sigmoid",
                   help="the output layer: sigmoid (default) or softmax, which goes with the log-likelihood cost")
