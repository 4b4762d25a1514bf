"""What is under the pointer in the network view, and what its tooltip says (Qt-free).

Hit-testing works in scene units on a :class:`~bpviz.scene.layout.NetworkLayout`; the
descriptions use the book's notation and the values the view shows at that moment.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.i18n import translate
from bpviz.scene.layout import NetworkLayout
from bpviz.scene.notation import fmt, sub, symbol, weight_name


def node_at(lay: NetworkLayout, x: float, y: float) -> tuple[int, int] | None:
    """The node (l, j) under scene point (x, y), including input-grid cells."""
    if lay.grid_rect is not None:
        gx, gy, gw, gh = lay.grid_rect
        if gx <= x < gx + gw and gy <= y < gy + gh:
            side = lay.layer(1).grid_shape[0]
            r, c = int((y - gy) / gh * side), int((x - gx) / gw * side)
            return 1, r * side + c
    for ly in lay.layers:
        if ly.grid_shape is not None:
            continue
        d = np.hypot(ly.positions[:, 0] - x, ly.positions[:, 1] - y)
        j = int(np.argmin(d))
        if d[j] <= ly.diameter / 2 * 1.15:
            return ly.l, j
    return None


def edge_at(lay: NetworkLayout, segments: dict[int, np.ndarray], drawn: dict[int, np.ndarray],
            x: float, y: float, tolerance: float) -> tuple[int, int, int] | None:
    """The drawn edge (l, j, k) nearest to (x, y) within ``tolerance`` scene units.

    segments[l]: (n_l·n_{l−1}, 2, 2) end points of every edge into layer l; drawn[l]: the
    flat indices of the edges drawn (only those can be pointed at).
    """
    best, best_d = None, tolerance
    p = np.array([x, y])
    for l, idx in drawn.items():
        if idx.size == 0:
            continue
        seg = segments[l][idx]
        a, b = seg[:, 0], seg[:, 1]
        ab = b - a
        t = np.clip(np.einsum("ij,ij->i", p - a, ab) / np.maximum(np.einsum("ij,ij->i", ab, ab), 1e-12), 0, 1)
        d = np.hypot(*(a + t[:, None] * ab - p).T)
        i = int(np.argmin(d))
        if d[i] < best_d:
            n_in = lay.layer(l - 1).n
            best, best_d = (l, int(idx[i]) // n_in, int(idx[i]) % n_in), d[i]
    return best


@dataclass(frozen=True)
class Shown:
    """The numbers the view shows now, for describing what is under the pointer."""

    weights: list[np.ndarray]            # w^l for l = 2..L (the parameters drawn)
    biases: list[np.ndarray]
    activations: list[np.ndarray]        # a^l for l = 1..L on the shown sample (may be empty)
    node_values: list                    # per layer: ("a" | "δ", values) or None (not computed)
    edge_values: dict[int, tuple[str, np.ndarray]]  # l → (kind: "w" | "∂C/∂w" | "Δw", values)
    class_names: tuple[str, ...]
    input_is_image: bool                 # "pixel" for images, "input" otherwise
    step_mode: bool = False
    neurons: tuple[str, str] = ("sigmoid", "sigmoid")   # (hidden activation, output layer), issue 19


def describe_node(shown: Shown, lay: NetworkLayout, l: int, j: int) -> str:
    acts = shown.activations
    a = float(acts[l - 1][j]) if acts else float("nan")
    if l == 1:
        side = lay.layer(1).grid_shape[0] if lay.grid_rect else None
        head = (translate("Hover", "input neuron {j} (pixel row {r}, column {c})").format(j=j, r=j // side, c=j % side)
                if side else translate("Hover", "input neuron {j}").format(j=j))
        return f"{head}\n{symbol('a', 1, j)} = x{sub(j)} = {fmt(a)}"
    b = float(np.asarray(shown.biases[l - 2])[j])
    z = float(np.asarray(shown.weights[l - 2])[j] @ acts[l - 2] + b) if acts else float("nan")
    if l == len(lay.layers):
        head = translate("Hover", "output neuron {j} of layer {l}").format(j=j, l=l)
        if j < len(shown.class_names):
            head += translate("Hover", "  (class {name})").format(name=shown.class_names[j])
    else:
        head = translate("Hover", "hidden neuron {j} of layer {l}").format(j=j, l=l)
    f = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "softmax": "softmax"}[
        shown.neurons[1] if l == len(lay.layers) else shown.neurons[0]]
    arg = f"{symbol('z', l)}){sub(j)}" if f == "softmax" else f"{symbol('z', l, j)})"   # softmax(zᴸ)ⱼ
    text = (f"{head}\n{symbol('b', l, j)} = {fmt(b)},  "
            f"{symbol('z', l, j)} = {fmt(z)},  {symbol('a', l, j)} = {f}({arg} = {fmt(a)}")
    node = shown.node_values[l - 1] if len(shown.node_values) >= l else None
    if node is not None and node[0] == "δ":
        text += f"\n{symbol('δ', l, j)} = {fmt(float(node[1][j]), 4)}"
    return text


def describe_edge(shown: Shown, l: int, j: int, k: int) -> str:
    w = float(np.asarray(shown.weights[l - 2])[j, k])
    kind, values = shown.edge_values.get(l, ("w", None))
    head = f"{weight_name(l, j, k)} = {fmt(w)}"
    if kind == "∂C/∂w":
        head = f"∂C/∂{weight_name(l, j, k)} = {fmt(float(values[j, k]), 4)}  ({head})"
    elif kind == "Δw":
        head = f"Δ{weight_name(l, j, k)} = {fmt(float(values[j, k]), 4)}  " + translate(
            "Hover", "({w} before)").format(w=head)
    elif values is not None and shown.step_mode:
        head = f"{weight_name(l, j, k)} = {fmt(float(values[j, k]))}"
    return head + "\n" + translate("Hover", "from neuron {k} of layer {lk} to neuron {j} of layer {l}").format(
        k=k, lk=l - 1, j=j, l=l)
