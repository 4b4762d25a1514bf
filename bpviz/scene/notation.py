"""The book's notation as plain Unicode text for tooltips and labels (Qt-free).

Layers are numbered from 1 (the input) as in the book; neurons from 0, like the arrays and
like the digits the output neurons stand for.
"""

from __future__ import annotations

import math

from bpviz.i18n import translate

_SUP = str.maketrans("0123456789-+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺")
_SUB = str.maketrans("0123456789-+", "₀₁₂₃₄₅₆₇₈₉₋₊")


def sup(x: int | str) -> str:
    return str(x).translate(_SUP)


def sub(*idx: int) -> str:
    """Subscripts: "₂₅" for (2, 5); "₁₂,₅" when an index has several digits."""
    parts = [str(i) for i in idx]
    sep = "," if any(len(p) > 1 for p in parts) else ""
    return sep.join(parts).translate(_SUB)


def number(v: float | None, digits: int = 3, *, decimals: bool = False,
           decimals_between: tuple[float, float] | None = None) -> str:
    """bpviz's one number formatter: a true minus sign (−0.418), never "−0", ∞ and "undefined" said.

    ``digits`` significant digits (``f"{v:.3g}"``), or with ``decimals`` ``digits`` decimal places
    (−0.418) for |v| in ``decimals_between`` (default [10^−digits, ∞): smaller values get significant
    digits, so a small gradient never shows as 0.000)."""
    if v is None or math.isnan(v):
        return translate("Number", "undefined")
    v = float(v)
    if math.isinf(v):
        return "∞" if v > 0 else "−∞"
    if v == 0:
        v = 0.0                                    # no "−0"
    if decimals:
        lo, hi = decimals_between if decimals_between is not None else (10.0 ** -digits, math.inf)
        if lo <= abs(v) < hi or (v == 0 and decimals_between is None):
            return f"{v:.{digits}f}".replace("-", "−")
    return f"{v:.{digits}g}".replace("-", "−")


def fmt(v: float, digits: int = 3) -> str:
    """``digits`` decimals (−0.418; tiny values in significant digits): :func:`number`'s decimal style."""
    return number(v, digits, decimals=True)


def num(v: float, digits: int = 3) -> str:
    """``digits`` decimals for 0.1 ≤ |v| < 10⁵, else ``digits`` significant digits (the step-through's
    equations): :func:`number`'s decimal style with a narrower range."""
    return number(v, digits, decimals=True, decimals_between=(0.1, 1e5))


def weight_name(l: int, j: int, k: int) -> str:
    return f"w{sup(l)}{sub(j, k)}"


def symbol(name: str, l: int, j: int | None = None) -> str:
    """e.g. symbol("a", 2, 7) → "a²₇"; symbol("δ", 3) → "δ³"."""
    return f"{name}{sup(l)}" + ("" if j is None else sub(j))


def seconds(s: float, aligned: bool = False) -> str:
    """A duration in s, ms or µs with 2–3 significant decimals; ``aligned`` pads it to a fixed
    width for columns of text (the CLI's tables)."""
    if s >= 1:
        return f"{s:7.2f} s " if aligned else f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:7.2f} ms" if aligned else f"{s * 1e3:.2f} ms"
    return f"{s * 1e6:7.1f} µs" if aligned else f"{s * 1e6:.1f} µs"
