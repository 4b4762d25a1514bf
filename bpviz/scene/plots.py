"""The cost plot's axes and hover text, from the history's numbers (Qt-free)."""

from __future__ import annotations

import math

import numpy as np

from bpviz.i18n import translate
from bpviz.scene.colors import nice_ceiling
from bpviz.scene.notation import fmt

#: The "show" choices of the cost plot: None = all epochs, else the last N epochs.
WINDOWS = (None, 1, 5, 20)


def x_window(x_end: float, last_epochs: float | None, x_target: float | None = None) -> tuple[float, float]:
    """(x0, x1) in epochs: everything (up to the run's target) or the last ``last_epochs``."""
    if last_epochs is None:
        x1 = max(1.0, nice_ceiling(x_end * 1.05)) if x_end > 0 else 1.0
        if x_target:
            x1 = min(x1, float(max(x_target, x_end)))
        return 0.0, x1
    step = last_epochs / 10   # the window moves in tenths: the axis re-ticks rarely
    x1 = max(math.ceil(x_end / step - 1e-9) * step, float(last_epochs))
    return max(0.0, x1 - last_epochs), x1


def y_window(x: np.ndarray, y: np.ndarray, x0: float, x1: float, log: bool) -> tuple[float, float]:
    """(lo, hi) in cost units covering the finite values with x in [x0, x1]; linear axes start at
    0 and end at a nice ceiling, log axes span whole decades around the values (> 0)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    sel = (x >= x0) & (x <= x1) & np.isfinite(y)
    v = y[sel]
    if log:
        v = v[v > 0]
        if not v.size:
            return 0.01, 10.0
        lo, hi = math.floor(math.log10(float(v.min()))), math.ceil(math.log10(float(v.max())))
        return 10.0 ** lo, 10.0 ** max(hi, lo + 1)
    if not v.size:
        return 0.0, 1.0
    return 0.0, nice_ceiling(float(v.max()))


def describe_epoch(history, x: float, tolerance: float) -> str | None:
    """"epoch e: test accuracy …" for the epoch point (x = e) nearest to x within ``tolerance``."""
    best = None
    for ev in history.epochs:
        d = abs(ev.epoch + 1 - x)
        if d <= tolerance and (best is None or d < best[0]):
            best = (d, ev)
    if best is None:
        return None
    ev = best[1]
    if not math.isfinite(ev.training_cost) and ev.test_total is None:
        return translate("Plots", "epoch {e}: not evaluated (Stop came during its evaluation)").format(e=ev.epoch + 1)
    parts = [translate("Plots", "epoch {e}: training cost {c}").format(e=ev.epoch + 1, c=fmt(float(ev.training_cost), 4))]
    if ev.test_accuracy is not None:
        parts.append(translate("Plots", "test accuracy {p} % ({right} / {total})").format(
            p=f"{100 * ev.test_accuracy:.2f}", right=ev.test_correct, total=ev.test_total))
    if ev.validation_accuracy is not None:
        parts.append(translate("Plots", "validation {p} %").format(p=f"{100 * ev.validation_accuracy:.2f}"))
    return translate("Plots", ", ").join(parts)


def hand_points(history) -> tuple[np.ndarray, np.ndarray]:
    """(x in epochs, cost) of each change by hand that has a cost, where the curve marks it."""
    ups = [u for u in history.hand_updates if u.cost is not None]
    bpe = history.batches_per_epoch
    return (np.array([u.after_batches / bpe for u in ups], dtype=float),
            np.array([u.cost for u in ups], dtype=float))


def describe_hand(history, x: float, tolerance: float) -> str | None:
    """"after mini-batch k of epoch e: kept update … (cost c)" for the change by hand nearest to x."""
    bpe = history.batches_per_epoch
    best = None
    for u in history.hand_updates:
        d = abs(u.after_batches / bpe - x)
        if d <= tolerance and (best is None or d < best[0]):
            best = (d, u)
    if best is None:
        return None
    u = best[1]
    e, k = divmod(u.after_batches, bpe)
    where = (translate("Plots", "after mini-batch {k} of epoch {e}").format(k=k, e=e + 1) if k else
             translate("Plots", "after epoch {e}").format(e=e) if e else translate("Plots", "before any training"))
    text = translate("Plots", "{where}: {kind} ({what})").format(where=where, kind=u.kind.label(), what=u.what)
    if u.cost is not None:
        text += translate("Plots", ", cost {c}").format(c=fmt(u.cost, 4))
    return text


def describe_point(history, x: float, tolerance: float) -> str | None:
    """"epoch e, mini-batch k of n: cost c" for the recorded mini-batch nearest to x (epochs)
    within ``tolerance``; older mini-batches kept as min/max blocks say their range."""
    bpe = history.batches_per_epoch
    best, best_d = None, tolerance
    bx = history.batch_epoch
    if bx.size:
        i = int(np.clip(np.searchsorted(bx, x), 0, bx.size - 1))
        for c in (i - 1, i):
            if 0 <= c < bx.size and abs(bx[c] - x) <= best_d:
                best, best_d = ("batch", c), abs(bx[c] - x)
    if history.summary_start.size:
        sx = (history.summary_start + history.block / 2) / bpe
        i = int(np.argmin(np.abs(sx - x)))
        if abs(sx[i] - x) <= best_d:
            best = ("block", i)
    if best is None:
        return None
    if best[0] == "batch":
        g = int(history.batch_index[best[1]])
        # The axis counts epochs done: mini-batch i of epoch e sits at e − 1 + i/n (say both, or "epoch 59"
        # reads wrong at axis position 58.4).
        return translate("Plots", "epoch {e}, mini-batch {i} of {n} (at {x} epochs done): cost {c}").format(
            e=g // bpe + 1, i=g % bpe + 1, n=bpe, x=f"{(g + 1) / bpe:.2f}", c=fmt(float(history.batch_cost[best[1]]), 4))
    i = best[1]
    g = int(history.summary_start[i])
    return translate("Plots", "epoch {e}, mini-batches {i}–{j} of {n} (at {x} epochs done): cost {lo} … {hi} "
                              "(mean {mean})").format(
        e=g // bpe + 1, i=g % bpe + 1, j=g % bpe + history.block, n=bpe, x=f"{(g + history.block / 2) / bpe:.2f}", lo=fmt(float(history.summary_min[i]), 4),
        hi=fmt(float(history.summary_max[i]), 4), mean=fmt(float(history.summary_mean[i]), 4))
