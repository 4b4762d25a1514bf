"""First-hidden-layer neurons as images: a grid mosaic of their incoming weights (Qt-free).

Neuron j of layer 2 has 784 incoming weights w^2_{j,k}; reshaped to 28×28 (row-major, the
way the input images are stored) they show which pixels push it up (positive) or down. The
mosaic is one array so a view draws it as one image, not one item per neuron.
"""

from __future__ import annotations

import math

import numpy as np


def grid_shape(n: int, width: float, height: float, side: int = 28, gap: int = 2) -> tuple[int, int]:
    """(rows, cols) for n tiles that makes each tile largest in a width × height area."""
    best, best_px = (1, n), -1.0
    for cols in range(1, n + 1):
        rows = math.ceil(n / cols)
        px = min(width / (cols * (side + gap)), height / (rows * (side + gap)))
        if px > best_px + 1e-9:
            best, best_px = (rows, cols), px
    return best


def weight_mosaic(w: np.ndarray, cols: int, side: int = 28, gap: int = 2) -> np.ndarray:
    """Rows of w (n, side²) as side × side tiles in a grid of ``cols`` columns, tile j at
    row j // cols, column j % cols; gaps and unused cells are NaN. Shape
    (rows·(side + gap) − gap, cols·(side + gap) − gap), float64."""
    n = w.shape[0]
    if w.shape[1] != side * side:
        raise ValueError(f"each row must have {side * side} weights (got {w.shape[1]})")
    rows = math.ceil(n / cols)
    step = side + gap
    out = np.full((rows * step - gap, cols * step - gap), np.nan)
    tiles = np.asarray(w, dtype=np.float64).reshape(n, side, side)
    for j in range(n):
        r, c = divmod(j, cols)
        out[r * step : r * step + side, c * step : c * step + side] = tiles[j]
    return out


def tile_at(x: float, y: float, n: int, cols: int, side: int = 28, gap: int = 2) -> int | None:
    """The neuron whose tile holds image point (x = column, y = row), or None (gap / outside)."""
    if x < 0 or y < 0:
        return None
    step = side + gap
    c, r = int(x // step), int(y // step)
    if c >= cols or x - c * step >= side or y - r * step >= side:
        return None
    j = r * cols + c
    return j if j < n else None
