"""One picture of the network view, built Qt-free from whatever drives it (issue 17, item 7).

Training, a panel's lens and a step of the step-through all come down to the same :class:`Frame`:
what every edge layer shows (kind, values, colour scale, full or dimmed colours), the 28×28 tiles
of the first layer's incoming edges, the nodes' values, the activations the hover texts use, the
colour bar's legend, the caption, and the layer a step is about. The network view paints a frame
in one way whatever built it.

Layers are numbered from 1 (the input) as in the book; edge values of layer l have the shape of
w^l, (n_l, n_{l−1}).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.i18n import translate
from bpviz.scene.colors import symmetric_range
from bpviz.scene.legend import edge_legend
from bpviz.scene.lens import Lens
from bpviz.scene.steps import RESULT


@dataclass(frozen=True)
class EdgeLayer:
    """What the edges into layer l show: ``values`` (n_l, n_{l−1}) of ``kind`` ("w", "∂C/∂w", "Δw", …) on
    the colour scale ±``vmax``; ``full`` colours, or dimmed behind the layers a lens or step is about."""

    kind: str
    values: np.ndarray
    vmax: float
    full: bool = True


@dataclass(frozen=True, eq=False)
class Frame:
    edges: dict[int, EdgeLayer]                      # l = 2..L
    tiles: tuple[str, np.ndarray]                    # (kind, values (n_2, n_1)): layer 2's incoming edges as images
    nodes: list[tuple[str, np.ndarray] | None]       # per layer 1..L: (kind, values (n_l,)), None = not computed
    activations: list[np.ndarray]                    # a^l (n_l,) per layer 1..L, for hover texts
    legend: str                                      # the colour bar's label
    vmax: float                                      # the colour bar's scale ±vmax
    caption: str
    active_layer: int | None = None                  # the layer a step of the step-through is about


def _forward(network, weights, biases, x) -> list[np.ndarray]:
    _, acts = network.with_parameters(weights, biases).forward(np.asarray(x)[None, :])
    return [a[0] for a in acts]


def training_frame(network, weights: list[np.ndarray], biases: list[np.ndarray], x: np.ndarray,
                   label: int | None, sample_index: int, class_names, image_input: bool) -> Frame:
    """The weights (the session's latest while training) on the shown sample ``x`` (n_1,): the
    prediction in the caption (``label`` None: a drawing)."""
    acts = _forward(network, weights, biases, x)
    vmax = symmetric_range(weights)
    pred = int(np.argmax(acts[-1]))
    if label is None:
        caption = translate("NetworkView", "your drawing: the network says <b>{pred}</b>").format(
            pred=class_names[pred])
    else:
        ok = "✓" if pred == label else "✗"
        text = (translate("NetworkView", "test image #{i}: label <b>{label}</b>, network says <b>{pred}</b> {ok}")
                if image_input else
                translate("NetworkView", "test sample #{i}: label <b>{label}</b>, network says <b>{pred}</b> {ok}"))
        caption = text.format(i=sample_index, label=class_names[label], pred=class_names[pred], ok=ok)
    return Frame(edges={l: EdgeLayer("w", weights[l - 2], vmax) for l in range(2, len(weights) + 2)},
                 tiles=("w", weights[0]), nodes=[("a", a) for a in acts], activations=acts,
                 legend=edge_legend("w", vmax), vmax=vmax, caption=caption)


def lens_frame(network, weights: list[np.ndarray], biases: list[np.ndarray], x: np.ndarray, lens: Lens) -> Frame:
    """A panel's lens: its node values and emphasised edges over the dimmed weights."""
    acts = _forward(network, weights, biases, x)
    base_vmax = symmetric_range(weights)
    em = lens.edge_values
    vmax = symmetric_range(list(em.values())) if em else base_vmax
    legend = (edge_legend(lens.edge_kind, vmax) if lens.legend is None
              else translate("NetworkView", "edges: {name}  (±{v})").format(name=lens.legend, v=f"{vmax:g}"))
    edges = {l: (EdgeLayer(lens.edge_kind, em[l], vmax) if l in em
                 else EdgeLayer("w", weights[l - 2], base_vmax, full=not em))
             for l in range(2, len(weights) + 2)}
    return Frame(edges=edges, tiles=(lens.edge_kind, em[2]) if 2 in em else ("w", weights[0]),
                 nodes=list(lens.node_values), activations=acts, legend=legend, vmax=vmax, caption=lens.title)


def step_frame(seq, index: int) -> Frame:
    """Step ``index`` of a step-through (:class:`bpviz.scene.steps.StepSequence`): the step's values
    emphasised over the weights it starts from (after the update at the result), dimmed."""
    step = seq.steps[index]
    kind, emphasised = seq.edge_values(step)
    base = [seq.after.w(l) if step.kind == RESULT else seq.before.w(l) for l in range(2, seq.L + 1)]
    base_vmax = symmetric_range(base)
    vmax = symmetric_range(list(emphasised.values())) if emphasised else base_vmax
    edges = {l: (EdgeLayer(kind, emphasised[l], vmax) if l in emphasised
                 else EdgeLayer("w", base[l - 2], base_vmax, full=False))
             for l in range(2, seq.L + 1)}
    caption = translate("NetworkView", "step {i} / {n}: <b>{title}</b> · label <b>{label}</b>").format(
        i=step.index + 1, n=len(seq), title=step.title, label=seq.class_names[seq.trace(step).label])
    return Frame(edges=edges, tiles=(kind, emphasised[2]) if 2 in emphasised else ("w", base[0]),
                 nodes=[seq.node_values(step, l) for l in range(1, seq.L + 1)],
                 activations=seq.shown_activations(step),   # after the update at the result: one side only
                 legend=edge_legend(kind, vmax), vmax=vmax, caption=caption, active_layer=step.layer)
