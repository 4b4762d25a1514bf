"""Where the network view puts nodes, edges and weight tiles (scene units, Qt-free).

Layers are columns from left to right. A square input layer (784 = 28²) is drawn as an
image grid whose cells are the input nodes. When the input is such a grid, each neuron of
the first hidden layer can carry a small tile showing its incoming weights as an image.
Scene y grows downwards in the view (the view inverts y), so node 0 is at the top.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

HEIGHT = 100.0          # total height the tallest layer may use
GRID_SIDE = 60.0        # side of the input grid
COLUMN_GAP = 42.0       # horizontal distance between columns
MAX_SPACING = 20.0      # node spacing in a short column
TILE_GAP = 1.5          # between a tile and its neuron


@dataclass(frozen=True)
class LayerLayout:
    """Layer l (1-based): node centres (n, 2) and the diameter of its node markers."""

    l: int
    positions: np.ndarray     # (n, 2) x, y
    diameter: float
    grid_shape: tuple[int, int] | None = None   # (rows, cols) when drawn as an image grid

    @property
    def n(self) -> int:
        return self.positions.shape[0]

    @property
    def x(self) -> float:
        return float(self.positions[:, 0].mean())


@dataclass(frozen=True)
class NetworkLayout:
    sizes: tuple[int, ...]
    layers: list[LayerLayout]
    #: For the first hidden layer when the input is a grid: (n_2, 4) rects x, y, w, h of the
    #: incoming-weight tiles, else None.
    tiles: np.ndarray | None
    grid_rect: tuple[float, float, float, float] | None   # x, y, w, h of the input grid
    #: Image rows from one tile's top to the next one's (tile side + transparent gap).
    tile_rows: int = 0

    def layer(self, l: int) -> LayerLayout:
        return self.layers[l - 1]

    def bounds(self) -> tuple[float, float, float, float]:
        """x0, y0, x1, y1 of everything drawn, with a margin."""
        pts = np.vstack([ly.positions for ly in self.layers])
        x0, y0 = pts.min(axis=0)
        x1, y1 = pts.max(axis=0)
        if self.tiles is not None:
            x0 = min(x0, float(self.tiles[:, 0].min()))
        m = max(ly.diameter for ly in self.layers)
        return float(x0 - m), float(y0 - m), float(x1 + m), float(y1 + m)


def square_side(n: int) -> int | None:
    """28 for 784, etc.: the side of n when n is a perfect square of at least 16."""
    side = math.isqrt(n)
    return side if side * side == n and side >= 4 else None


def _column(n: int, x: float) -> tuple[np.ndarray, float]:
    spacing = MAX_SPACING if n == 1 else min(HEIGHT * 0.95 / (n - 1), MAX_SPACING)
    ys = HEIGHT / 2 + (np.arange(n) - (n - 1) / 2) * spacing
    pos = np.column_stack([np.full(n, x), ys])
    return pos, min(0.6 * spacing, 6.0)


def layout_network(sizes: tuple[int, ...], tiles: bool = True) -> NetworkLayout:
    """Positions for a network of the given layer sizes."""
    sizes = tuple(int(s) for s in sizes)
    layers: list[LayerLayout] = []
    side = square_side(sizes[0])
    grid_rect = None
    if side is not None:
        cell = GRID_SIDE / side
        top = (HEIGHT - GRID_SIDE) / 2
        r, c = np.divmod(np.arange(sizes[0]), side)
        pos = np.column_stack([(c + 0.5) * cell, top + (r + 0.5) * cell])
        layers.append(LayerLayout(1, pos, cell, (side, side)))
        grid_rect = (0.0, top, GRID_SIDE, GRID_SIDE)
        x = GRID_SIDE + COLUMN_GAP * 1.4
    else:
        pos, d = _column(sizes[0], 0.0)
        layers.append(LayerLayout(1, pos, d))
        x = COLUMN_GAP
    for l, n in enumerate(sizes[1:], start=2):
        pos, d = _column(n, x)
        layers.append(LayerLayout(l, pos, d))
        x += COLUMN_GAP
    tile_rects = None
    tile_rows = 0
    if tiles and side is not None and len(sizes) > 2:
        hidden = layers[1]
        spacing = MAX_SPACING if hidden.n == 1 else float(hidden.positions[1, 1] - hidden.positions[0, 1])
        # Each tile is side × side image pixels inside a stride of tile_rows pixels, so the whole
        # column can be drawn as one image (one draw call) with transparent rows between tiles.
        tile_rows = max(side + 2, math.ceil(side * spacing / 9.0))
        t = side * spacing / tile_rows
        x_right = hidden.positions[0, 0] - hidden.diameter / 2 - TILE_GAP
        tile_rects = np.column_stack([
            np.full(hidden.n, x_right - t), hidden.positions[:, 1] - t / 2, np.full(hidden.n, t), np.full(hidden.n, t),
        ])
    return NetworkLayout(sizes, layers, tile_rects, grid_rect, tile_rows)


def edge_endpoints(layout: NetworkLayout, l: int) -> np.ndarray:
    """Segments of the edges into layer l, shape (n_l · n_{l−1}, 2, 2).

    Row j·n_{l−1} + k joins node k of layer l−1 to node j of layer l, i.e. the order of
    ``w[l].ravel()``, so edge i carries weight ``w[l].flat[i]``.
    """
    src = layout.layer(l - 1).positions
    dst = layout.layer(l).positions
    n_out, n_in = dst.shape[0], src.shape[0]
    seg = np.empty((n_out, n_in, 2, 2))
    seg[:, :, 0, :] = src[None, :, :]
    seg[:, :, 1, :] = dst[:, None, :]
    return seg.reshape(n_out * n_in, 2, 2)
