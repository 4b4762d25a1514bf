"""Captions and highlights for the "learning from mistakes" views, computed from core results (Qt-free).

The panels of issue 13 show a confusion-matrix cell's gallery, a teaching step and a run of
nudges; the sentences under them and the weights to highlight are derived here from the
dataclasses of :mod:`bpviz.core.mistakes`, so they can be tested without a window.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bpviz.core.mistakes import CellImages, NudgeRun, TeachStep
from bpviz.i18n import translate
from bpviz.scene.layout import square_side
from bpviz.scene.notation import fmt, sub


def class_text(names: Sequence[str], k: int) -> str:
    """'7' for digits, '6 (Shirt)' for named classes."""
    return str(k) if names[k] == str(k) else f"{k} ({names[k]})"


def sample_text(n_inputs: int, index: int, label: str) -> str:
    """"test image #i, true label …" — or "test sample #i" when the inputs are not an image (XOR's points)."""
    text = (translate("Mistakes", "test image #{i}, true label {label}") if square_side(n_inputs)
            else translate("Mistakes", "test sample #{i}, true label {label}"))
    return text.format(i=index, label=label)


def example_name(drawn: bool, index: int) -> str:
    """The example a teaching step learned from, named short for the history and the message bar."""
    return (translate("MistakesText", "the drawn digit") if drawn else
            translate("MistakesText", "test image #{i}").format(i=index))


def output_symbol(k: int) -> str:
    """aᴸ_k, the output activation of neuron k."""
    return f"aᴸ{sub(k)}"


def cell_caption(cell: CellImages, names: Sequence[str]) -> str:
    """e.g. '41 images of 4 predicted as 9, most confident first'."""
    order = {"confidence": translate("MistakesText", "most confident first"),
             "margin": translate("MistakesText", "largest margin first"),
             "index": translate("MistakesText", "in test-set order")}[cell.order]
    n = len(cell)
    what = (translate("MistakesText", "correctly classified") if cell.true_label == cell.predicted else
            translate("MistakesText", "predicted as {label}").format(label=class_text(names, cell.predicted)))
    text = (translate("MistakesText", "{n} image of {label} {what}, {order}") if n == 1 else
            translate("MistakesText", "{n} images of {label} {what}, {order}"))
    return text.format(n=n, label=class_text(names, cell.true_label), what=what, order=order)


def teach_caption(step: TeachStep, names: Sequence[str]) -> str:
    """One line: what a teaching step did to the example, and (if known) to the test set."""
    k = step.label
    text = translate("MistakesText", "Taught {label} with η = {eta}: {a} {a0} → {a1}, prediction {p0} → {p1}, "
                                     "C_x {c0} → {c1}.").format(
        label=class_text(names, k), eta=f"{step.eta:g}", a=output_symbol(k), a0=fmt(step.outputs_before[k]),
        a1=fmt(step.outputs_after[k]), p0=class_text(names, step.prediction_before),
        p1=class_text(names, step.prediction_after), c0=f"{step.cost_before:.4g}", c1=f"{step.cost_after:.4g}")
    t = step.test
    if t is not None:
        n = len(t.changed)
        more = (translate("MistakesText", " Test set: {p0}% → {p1}%, {n} prediction changed.") if n == 1 else
                translate("MistakesText", " Test set: {p0}% → {p1}%, {n} predictions changed."))
        text += more.format(p0=f"{100 * t.accuracy_before:.2f}", p1=f"{100 * t.accuracy_after:.2f}", n=n)
    return text


def nudge_caption(run: NudgeRun, names: Sequence[str]) -> str:
    """One line summing up a run of nudges towards a label."""
    k = run.target
    f = run.final
    if f is None:
        return (translate("MistakesText", "Already predicted as {label}.").format(label=class_text(names, k))
                if run.reached else translate("MistakesText", "No pixel can move towards the target."))
    n = len(run.steps)
    px = translate("MistakesText", "{n} of {total} pixels changed by more than {threshold}").format(
        n=f.changed_pixels, total=run.x0.shape[0], threshold=f"{f.threshold:g}")
    if run.reached:
        text = (translate("MistakesText", "Predicted as {label} after {n} nudge: {pixels}.") if n == 1 else
                translate("MistakesText", "Predicted as {label} after {n} nudges: {pixels}."))
        return text.format(label=class_text(names, k), n=n, pixels=px)
    return translate("MistakesText", "Still predicted as {label} after {n} nudges: {pixels}.").format(
        label=class_text(names, f.prediction), n=n, pixels=px)


def highlighted_weights(step: TeachStep) -> dict[int, np.ndarray]:
    """The weights a teaching step moved most, per layer: {l: (n, 2) int array of (j, k)}.

    What the network view needs to highlight edges: layer numbers as in the book (2..L),
    only layers with at least one highlighted weight.
    """
    out: dict[int, list[tuple[int, int]]] = {}
    for c in step.top_changes:
        out.setdefault(c.l, []).append((c.j, c.k))
    return {l: np.array(pairs, dtype=np.int64).reshape(-1, 2) for l, pairs in sorted(out.items())}
