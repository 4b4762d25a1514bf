"""Where the network view puts nodes, edges and weight tiles (scene units, Qt-free).

Layers are columns from left to right. A square input layer (784 = 28²) is drawn as an
image grid whose cells are the input nodes. When the input is such a grid, each neuron of
the first hidden layer can carry a small tile showing its incoming weights as an image.
Scene y grows downwards in the view (the view inverts y), so node 0 is at the top.

A layer of more than WRAP neurons is not a line of dots but a grid (row-major, node 0 top
left). When it is the first hidden layer of an image input, each cell is the neuron's 28×28
weight tile and the node marker is the tile's frame.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from bpviz.i18n import translate

HEIGHT = 100.0          # total height the tallest layer may use
GRID_SIDE = 60.0        # side of the input grid
COLUMN_GAP = 42.0       # horizontal distance between columns
MAX_SPACING = 20.0      # node spacing in a short column
TILE_GAP = 1.5          # between a tile and its neuron
WRAP = 40               # layers with more neurons are drawn as a grid
TILE_CELL = 8.0         # a wrapped layer's tile cell (tile + gap), scene units
GRID_CELL_MAX = 8.0     # a wrapped layer's dot cell at most
TILE_GAP_PX = 3         # image pixels between two tiles of a wrapped layer


@dataclass(frozen=True)
class LayerLayout:
    """Layer l (1-based): node centres (n, 2) and the diameter of its node markers."""

    l: int
    positions: np.ndarray     # (n, 2) x, y
    diameter: float
    grid_shape: tuple[int, int] | None = None   # (rows, cols) when drawn as an image grid
    wrap: tuple[int, int] | None = None         # (rows, cols) of a layer wrapped into a grid of nodes
    framed: bool = False                        # nodes are frames around weight tiles (square markers)

    @property
    def n(self) -> int:
        return self.positions.shape[0]

    @property
    def x(self) -> float:
        return float(self.positions[:, 0].mean())

    def extent(self) -> tuple[float, float]:
        """x0, x1 of the layer's markers."""
        xs = self.positions[:, 0]
        return float(xs.min()) - self.diameter / 2, float(xs.max()) + self.diameter / 2


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
    #: (rows, cols) when the tiles form a grid (a wrapped layer 2); the mosaic's gap is TILE_GAP_PX.
    tile_grid: tuple[int, int] | None = None

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
        # a wrapped layer 2 carries its tiles inside its cells: no room needed for tiles beside it
        x = GRID_SIDE + COLUMN_GAP * (0.6 if len(sizes) > 2 and sizes[1] > WRAP else 1.4)
    elif sizes[0] > WRAP:
        ly, width = _wrapped(1, sizes[0], 0.0, None)
        layers.append(ly)
        x = width + COLUMN_GAP * 0.75
    else:
        pos, d = _column(sizes[0], 0.0)
        layers.append(LayerLayout(1, pos, d))
        x = COLUMN_GAP
    tile_grid = None
    tile_rects = None
    tile_rows = 0
    for l, n in enumerate(sizes[1:], start=2):
        if n > WRAP:
            framed = l == 2 and tiles and side is not None and len(sizes) > 2
            ly, width = _wrapped(l, n, x, side if framed else None)
            layers.append(ly)
            if framed:
                tile_grid = ly.wrap
                t = ly.diameter
                tile_rects = np.column_stack([ly.positions - t / 2, np.full((n, 2), t)])
            x += width + COLUMN_GAP * 0.75
        else:
            pos, d = _column(n, x)
            layers.append(LayerLayout(l, pos, d))
            x += COLUMN_GAP
    if tiles and side is not None and len(sizes) > 2 and tile_grid is None:
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
    return NetworkLayout(sizes, layers, tile_rects, grid_rect, tile_rows, tile_grid)


def _wrapped(l: int, n: int, x_left: float, tile_side: int | None) -> tuple[LayerLayout, float]:
    """A grid of n nodes starting at x_left (centred vertically); (layout, width). With
    ``tile_side`` each cell holds a tile_side² weight tile framed by the node's marker."""
    framed = tile_side is not None
    cols = math.ceil(math.sqrt(n))
    rows = math.ceil(n / cols)
    if framed:
        cell = TILE_CELL
        d = cell * tile_side / (tile_side + TILE_GAP_PX)   # the tile's side: the mosaic's gap is transparent
    else:
        cell = min(HEIGHT * 0.95 / rows, GRID_CELL_MAX)
        d = 0.6 * cell
    r, c = np.divmod(np.arange(n), cols)
    top = HEIGHT / 2 - rows * cell / 2
    pos = np.column_stack([x_left + (c + 0.5) * cell, top + (r + 0.5) * cell])
    return LayerLayout(l, pos, d, None, (rows, cols), framed), cols * cell


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


def layer_label_texts(l: int, L: int, n: int, grid_shape: tuple[int, int] | None) -> tuple[str, ...]:
    """A layer's title from longest to shortest (a narrow view uses a shorter one)."""
    role = (translate("Layout", "input") if l == 1 else translate("Layout", "output") if l == L
            else translate("Layout", "hidden"))
    shape = f" = {grid_shape[0]}×{grid_shape[1]}" if grid_shape else ""
    layer = translate("Layout", "layer {l}").format(l=l)
    neurons = translate("Layout", "{n} neurons")
    return (f"{layer} · {role}\n" + neurons.format(n=f"{n}{shape}"), f"{layer}\n{role}\n" + neurons.format(n=n),
            f"{layer}\n{n}", f"{l}")


def intervals_overlap(centres: list[float], widths: list[float]) -> bool:
    """Whether any two intervals [c − w/2, c + w/2] overlap (pixels)."""
    spans = sorted((c - w / 2, c + w / 2) for c, w in zip(centres, widths))
    return any(b[0] < a[1] for a, b in zip(spans, spans[1:]))


#: Where along an edge (0 = source, 1 = target) its value label may sit, in order of preference.
LABEL_FRACTIONS = (0.3, 0.42, 0.2, 0.55, 0.66, 0.76, 0.12)


def place_edge_labels(segments: np.ndarray, sizes: np.ndarray, obstacles: np.ndarray,
                      fractions: tuple[float, ...] = LABEL_FRACTIONS) -> np.ndarray:
    """A fraction along each segment for its label so that no two label rectangles overlap and
    none covers an obstacle (all in pixels; segments (n, 2, 2), sizes (n, 2) w, h, obstacles
    (k, 4) x0, y0, x1, y1). Greedy; a label that cannot avoid every other takes the place with
    the least overlap."""
    placed: list[tuple[float, float, float, float]] = [tuple(o) for o in np.asarray(obstacles).reshape(-1, 4)]
    out = np.zeros(len(segments))

    def overlap(r, rects) -> float:
        total = 0.0
        for q in rects:
            w = min(r[2], q[2]) - max(r[0], q[0])
            h = min(r[3], q[3]) - max(r[1], q[1])
            if w > 0 and h > 0:
                total += w * h
        return total

    for i, (seg, (w, h)) in enumerate(zip(segments, sizes)):
        best, best_f = None, fractions[0]
        for f in fractions:
            cx, cy = seg[0] + f * (seg[1] - seg[0])
            r = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            o = overlap(r, placed)
            if best is None or o < best:
                best, best_f, best_r = o, f, r
            if o == 0:
                break
        out[i] = best_f
        placed.append(best_r)
    return out


def label_rects(centres: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """(n, 4) x0, y0, x1, y1 of rectangles of sizes (n, 2) centred on (n, 2) points."""
    c, s = np.asarray(centres, dtype=float), np.asarray(sizes, dtype=float)
    return np.column_stack([c - s / 2, c + s / 2])
