"""The input space of a 2-D dataset as pure data (Qt-free): the plane, the network's decision
regions and every neuron's own output over it.

A square grid of points covers the plane; each grid point goes through the chosen input features
and one feedforward of the network (the core's :meth:`Network.forward_unchecked`, one matrix
product per layer for the whole grid). :class:`PlaneMaps` keeps, on that grid, every input
feature, every neuron's activation a^l_j, the predicted class and the output layer's values, so
each heatmap is exactly the network's output at those points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bpviz.core import Network
from bpviz.data.plane import EXTENT, feature_matrix

#: The plane shown: a little beyond where the points lie.
VIEW_EXTENT = 1.15 * EXTENT
GRID = 64
#: Class colours (RGB 0–255), in the order of the 2-D sets' class names: blue, orange, green, purple.
CLASS_COLOURS = np.array([[59, 130, 246], [249, 115, 22], [34, 197, 94], [168, 85, 247]], dtype=np.float64)


def grid_points(n: int = GRID, extent: float = VIEW_EXTENT) -> tuple[np.ndarray, np.ndarray]:
    """(centres (n,), points (n·n, 2)): the centres of n × n cells over [−extent, extent]²; row r
    of the image is x₂ = centres[r], column c is x₁ = centres[c] (points in row-major order)."""
    step = 2 * extent / n
    centres = -extent + step * (np.arange(n) + 0.5)
    x1, x2 = np.meshgrid(centres, centres)
    return centres, np.stack([x1.ravel(), x2.ravel()], axis=1)


@dataclass(frozen=True, eq=False)
class PlaneMaps:
    """Heatmaps on an n × n grid (row = x₂ from bottom to top, column = x₁ from left to right).

    ``inputs[i]`` is feature i, ``layers[l − 2][j]`` the activation a^l_j, all (n, n);
    ``outputs`` (n, n, n_L) the output layer, ``predicted`` (n, n) its argmax.
    """

    centres: np.ndarray
    features: tuple[str, ...]
    inputs: np.ndarray              # (n_1, n, n)
    layers: list[np.ndarray]        # [l − 2]: (n_l, n, n)
    outputs: np.ndarray             # (n, n, n_L)
    predicted: np.ndarray           # (n, n) int

    @property
    def n(self) -> int:
        return len(self.centres)

    def neuron(self, l: int, j: int) -> np.ndarray:
        """The map of neuron j of layer l (1 = an input feature), (n, n)."""
        return self.inputs[j] if l == 1 else self.layers[l - 2][j]

    def decision_image(self) -> np.ndarray:
        """(n, n, 4) uint8 RGBA: each cell the colour of the predicted class, more opaque where the
        network is surer (the predicted output's share of the output layer's sum)."""
        out = np.clip(self.outputs.astype(np.float64), 0, None)
        total = out.sum(axis=-1)
        share = np.where(total > 0, out.max(axis=-1) / np.where(total > 0, total, 1), 1.0)
        k = out.shape[-1]
        # 1/k: a tie; 1: certain. Opacity from 40 (tie) to 200 (certain).
        sure = np.clip((share - 1 / k) / (1 - 1 / k), 0, 1) if k > 1 else np.ones_like(share)
        rgba = np.empty(self.predicted.shape + (4,), dtype=np.uint8)
        rgba[..., :3] = CLASS_COLOURS[self.predicted % len(CLASS_COLOURS)].astype(np.uint8)
        rgba[..., 3] = (40 + 160 * sure).astype(np.uint8)
        return rgba


def plane_maps(network: Network, features: Sequence[str], n: int = GRID, extent: float = VIEW_EXTENT) -> PlaneMaps:
    """Every input feature's and every neuron's map over the plane, from one feedforward of the grid."""
    centres, P = grid_points(n, extent)
    X = feature_matrix(P, features, network.dtype)
    _, acts = network.forward_unchecked(network.check_inputs(X))
    maps = [a.T.reshape(a.shape[1], n, n) for a in acts]
    out = acts[-1].reshape(n, n, -1)
    return PlaneMaps(centres, tuple(features), maps[0], maps[1:], out, np.argmax(out, axis=-1))


def neuron_levels(activation: str, values: np.ndarray) -> tuple[float, float]:
    """The colour scale of a neuron's map: σ and softmax 0…1, tanh −1…1, ReLU and inputs their range."""
    if activation in ("sigmoid", "softmax"):
        return 0.0, 1.0
    if activation == "tanh":
        return -1.0, 1.0
    lo, hi = float(np.min(values)), float(np.max(values))
    if activation == "relu":
        lo = 0.0
    return (lo, hi) if hi > lo else (lo - 1.0, lo + 1.0)
