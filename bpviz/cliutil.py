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
