"""Captions and highlights for the "learning from mistakes" views, computed from core results (Qt-free).

The panels of issue 13 show a confusion-matrix cell's gallery, a teaching step and a run of
nudges; the sentences under them and the weights to highlight are derived here from the
dataclasses of :mod:`bpviz.core.mistakes`, so they can be tested without a window.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bpviz.core.mistakes import CellImages, NudgeRun, TeachStep
from bpviz.scene.notation import fmt, sub


def class_text(names: Sequence[str], k: int) -> str:
    """'7' for digits, '6 (Shirt)' for named classes."""
    return str(k) if names[k] == str(k) else f"{k} ({names[k]})"


def output_symbol(k: int) -> str:
    """aᴸ_k, the output activation of neuron k."""
    return f"aᴸ{sub(k)}"


def cell_caption(cell: CellImages, names: Sequence[str]) -> str:
    """e.g. '41 images of 4 predicted as 9, most confident first'."""
    order = {"confidence": "most confident first", "margin": "largest margin first",
             "index": "in test-set order"}[cell.order]
    n = len(cell)
    what = "correctly classified" if cell.true_label == cell.predicted else f"predicted as {class_text(names, cell.predicted)}"
    return f"{n} image{'s' if n != 1 else ''} of {class_text(names, cell.true_label)} {what}, {order}"


def teach_caption(step: TeachStep, names: Sequence[str]) -> str:
    """One line: what a teaching step did to the example, and (if known) to the test set."""
    k = step.label
    text = (f"Taught {class_text(names, k)} with η = {step.eta:g}: {output_symbol(k)} "
            f"{fmt(step.outputs_before[k])} → {fmt(step.outputs_after[k])}, prediction "
            f"{class_text(names, step.prediction_before)} → {class_text(names, step.prediction_after)}, "
            f"C_x {step.cost_before:.4g} → {step.cost_after:.4g}.")
    t = step.test
    if t is not None:
        n = len(t.changed)
        text += (f" Test set: {100 * t.accuracy_before:.2f}% → {100 * t.accuracy_after:.2f}%, "
                 f"{n} prediction{'s' if n != 1 else ''} changed.")
    return text


def nudge_caption(run: NudgeRun, names: Sequence[str]) -> str:
    """One line summing up a run of nudges towards a label."""
    k = run.target
    f = run.final
    if f is None:
        return (f"Already predicted as {class_text(names, k)}." if run.reached
                else "No pixel can move towards the target.")
    n = len(run.steps)
    px = f"{f.changed_pixels} of {run.x0.shape[0]} pixels changed by more than {f.threshold:g}"
    if run.reached:
        return f"Predicted as {class_text(names, k)} after {n} nudge{'s' if n != 1 else ''}: {px}."
    return f"Still predicted as {class_text(names, f.prediction)} after {n} nudges: {px}."


def highlighted_weights(step: TeachStep) -> dict[int, np.ndarray]:
    """The weights a teaching step moved most, per layer: {l: (n, 2) int array of (j, k)}.

    What the network view needs to highlight edges: layer numbers as in the book (2..L),
    only layers with at least one highlighted weight.
    """
    out: dict[int, list[tuple[int, int]]] = {}
    for c in step.top_changes:
        out.setdefault(c.l, []).append((c.j, c.k))
    return {l: np.array(pairs, dtype=np.int64).reshape(-1, 2) for l, pairs in sorted(out.items())}
