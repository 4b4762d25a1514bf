"""The book's notation as plain Unicode text for tooltips and labels (Qt-free).

Layers are numbered from 1 (the input) as in the book; neurons from 0, like the arrays and
like the digits the output neurons stand for.
"""

from __future__ import annotations

_SUP = str.maketrans("0123456789-+", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺")
_SUB = str.maketrans("0123456789-+", "₀₁₂₃₄₅₆₇₈₉₋₊")


def sup(x: int | str) -> str:
    return str(x).translate(_SUP)


def sub(*idx: int) -> str:
    """Subscripts: "₂₅" for (2, 5); "₁₂,₅" when an index has several digits."""
    parts = [str(i) for i in idx]
    sep = "," if any(len(p) > 1 for p in parts) else ""
    return sep.join(parts).translate(_SUB)


def fmt(v: float, digits: int = 3) -> str:
    """A number with a true minus sign: −0.418."""
    s = f"{v:.{digits}f}" if abs(v) >= 10 ** -digits or v == 0 else f"{v:.{digits}g}"
    return s.replace("-", "−")


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
