"""What the network view's colours mean, in words with their range (Qt-free).

Edges and nodes have separate scales: the colour bar is the edges'; the nodes get their own
legend line (activations on a fixed 0…1 grey scale, signed node values — δ, Δa, ∂C/∂x … — on
a diverging scale shared by every layer that shows that kind, so layers can be compared).
"""

from __future__ import annotations

import numpy as np

from bpviz.i18n import translate
from bpviz.scene.colors import nice_ceiling
from bpviz.scene.notation import number

EDGE_NAMES = {"w": "weight w", "∂C/∂w": "gradient ∂C/∂w", "Δw": "change Δw"}
NODE_NAMES = {"a": "activation a", "δ": "error δ", "z": "weighted input z", "Δa": "change Δa",
              "∂C/∂x": "∂C/∂x", "a (after)": "activation a after the update"}


def edge_name(kind: str) -> str:
    """EDGE_NAMES[kind] in the interface language."""
    return {"w": translate("Legend", "weight w"), "∂C/∂w": translate("Legend", "gradient ∂C/∂w"),
            "Δw": translate("Legend", "change Δw")}.get(kind, kind)


def node_name(kind: str) -> str:
    """NODE_NAMES[kind] in the interface language."""
    return {"a": translate("Legend", "activation a"), "δ": translate("Legend", "error δ"),
            "z": translate("Legend", "weighted input z"), "Δa": translate("Legend", "change Δa"),
            "a (after)": translate("Legend", "activation a after the update"),
            "share σ′ < 0.01": translate("Legend", "share σ′ < 0.01"),
            "share off (z ≤ 0)": translate("Legend", "share off (z ≤ 0)"),
            "off (z ≤ 0)": translate("Legend", "off (z ≤ 0)"),
            "share tanh′ < 0.04": translate("Legend", "share tanh′ < 0.04")}.get(kind, kind)
#: Node kinds drawn on the fixed grey scale 0…1 (everything else is signed, blue − / red +).
GREY_KINDS = ("a",)
FLASH_PER_LAYER = 20      # edges lit per layer after an update at a watchable pace




def edge_legend(kind: str, vmax: float) -> str:
    """The colour bar's label: what the edges show and their range."""
    return translate("Legend", "edges: {name}  (±{v})").format(name=edge_name(kind), v=number(vmax, 6))


def node_scales(values: list) -> dict[str, float]:
    """One nice symmetric range per signed node kind over all layers showing it (input grid
    included)."""
    peaks: dict[str, float] = {}
    for v in values:
        if v is None or v[0] in GREY_KINDS:
            continue
        arr = np.asarray(v[1], dtype=float)
        arr = arr[np.isfinite(arr)]
        peak = float(np.max(np.abs(arr))) if arr.size else 0.0
        peaks[v[0]] = max(peaks.get(v[0], 0.0), peak)
    return {k: nice_ceiling(p) if p > 0 else 1.0 for k, p in peaks.items()}


def node_legend(values: list, scales: dict[str, float] | None = None) -> str:
    """Plain text: what each kind of node colour shows, which layers, and its range."""
    scales = node_scales(values) if scales is None else scales
    layers: dict[str, list[int]] = {}
    for l, v in enumerate(values, start=1):
        if v is not None:
            layers.setdefault(v[0], []).append(l)
    parts = []
    for kind, ls in layers.items():
        where = (translate("Legend", "layer {l}").format(l=ls[0]) if len(ls) == 1 else
                 translate("Legend", "layers {a}–{b}").format(a=ls[0], b=ls[-1]) if ls == list(range(ls[0], ls[-1] + 1))
                 else translate("Legend", "layers {list}").format(list=", ".join(map(str, ls))))
        name = node_name(kind)
        if kind in GREY_KINDS:
            parts.append(translate("Legend", "{name} ({where}): 0 dark … 1 white").format(name=name, where=where))
        else:
            s = scales.get(kind, 1.0)
            parts.append(translate("Legend", "{name} ({where}): blue −{s} … red +{s}").format(
                name=name, where=where, s=number(s, 6)))
    missing = [l for l, v in enumerate(values, start=1) if v is None]
    if missing:
        parts.append((translate("Legend", "not computed yet: layers {list}") if len(missing) > 1 else
                       translate("Legend", "not computed yet: layer {list}")).format(list=", ".join(map(str, missing))))
    return translate("Legend", "nodes: {parts}").format(parts=" · ".join(parts)) if parts else ""


def flash_edges(deltas: dict[int, np.ndarray], per_layer: int = FLASH_PER_LAYER) -> dict[int, np.ndarray]:
    """{l: flat indices} of the edges with the largest |Δw| of each layer (changed ones only)."""
    out = {}
    for l, d in deltas.items():
        a = np.abs(np.asarray(d, dtype=float)).ravel()
        a[~np.isfinite(a)] = 0
        k = min(per_layer, int(np.count_nonzero(a)))
        out[l] = np.sort(np.argpartition(a, a.size - k)[a.size - k:]) if k else np.zeros(0, dtype=np.int64)
    return out
