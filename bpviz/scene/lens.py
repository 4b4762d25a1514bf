"""A lens: what a panel asks the network view to colour instead of the plain weights (Qt-free).

Panels that explain something on the network itself — the ripple of a nudged weight, the
saturated neurons, the weights one taught example changed most, which pixels matter — build
a :class:`Lens` from their numbers and hand it to the session; the network view draws it
while it is set. Every value drawn comes from the lens, so the colours say what the panel's
numbers say.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True, eq=False)
class Lens:
    """What to draw.

    node_values[l − 1]: (kind, values (n_l,)) for layer l, or None to draw it as not
    involved. Kind "a" is drawn grey (0 black … 1 white); any other kind ("δ", "Δa",
    "∂C/∂x", "σ′ < 0.01" …) on the diverging colour map, symmetric about 0.
    edge_values: {l: (n_l, n_{l−1}) values} for the emphasised edges (kind ``edge_kind``);
    other layers show their weights dimmed.
    """

    title: str                                   # a few words: shown as the view's caption
    node_values: list[tuple[str, np.ndarray] | None]
    edge_kind: str = "w"
    edge_values: dict[int, np.ndarray] = field(default_factory=dict)
    marked_nodes: tuple[tuple[int, int], ...] = ()        # (l, j) rings
    marked_edges: tuple[tuple[int, int, int], ...] = ()   # (l, j, k) drawn thick on top
    legend: str | None = None                    # colour-bar label; default: edge_kind
