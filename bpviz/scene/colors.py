"""Colour binning for a diverging map symmetric about 0 (Qt-free).

Values are put into ``n`` buckets over [−vmax, vmax]; the GUI draws every bucket with one
pen (one draw call per bucket instead of one per edge). A bucket's opacity grows with
|value|, so weights near zero fade out.
"""

from __future__ import annotations

import math

import numpy as np

N_BUCKETS = 16  # colour levels; one draw call each (fewer items repaint faster)


def nice_ceiling(x: float) -> float:
    """The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k that is ≥ x (a stable legend range)."""
    if not math.isfinite(x) or x <= 0:
        return 1.0
    exp = math.floor(math.log10(x))
    for m in (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        v = m * 10.0**exp
        if v >= x * (1 - 1e-12):
            return v
    return 10.0 ** (exp + 1)


def symmetric_range(arrays: list[np.ndarray], percentile: float = 99.0) -> float:
    """A nice vmax covering ``percentile`` % of |values| across the arrays."""
    vals = [np.abs(np.asarray(a, dtype=np.float64)).ravel() for a in arrays if np.size(a)]
    if not vals:
        return 1.0
    v = np.concatenate(vals)
    v = v[np.isfinite(v)]
    return nice_ceiling(float(np.percentile(v, percentile))) if v.size else 1.0


def bucketize(values: np.ndarray, vmax: float, n: int = N_BUCKETS) -> np.ndarray:
    """Bucket index in 0..n−1 for each value: bucket b covers [−vmax + 2b·vmax/n, …).

    Values beyond ±vmax go to the end buckets; n is even so 0 sits on a bucket border.
    """
    v = np.asarray(values, dtype=np.float64)
    idx = np.floor((v / vmax + 1.0) * (n / 2)).astype(np.int64)
    return np.clip(idx, 0, n - 1)


def bucket_centres(vmax: float, n: int = N_BUCKETS) -> np.ndarray:
    """The value at the centre of each bucket, shape (n,)."""
    return ((np.arange(n) + 0.5) / n * 2 - 1) * vmax


def bucket_alpha(n: int = N_BUCKETS, floor: float = 0.12) -> np.ndarray:
    """Opacity per bucket in [floor, 1], growing with |centre|."""
    c = np.abs((np.arange(n) + 0.5) / n * 2 - 1)
    return floor + (1 - floor) * c


def strongest(values: np.ndarray, fraction: float) -> np.ndarray:
    """Sorted flat indices of the ``fraction`` (0..1] of values with the largest |value|."""
    v = np.abs(np.asarray(values)).ravel()
    if fraction >= 1:
        return np.arange(v.size)
    k = max(1, int(round(v.size * fraction)))
    idx = np.argpartition(v, v.size - k)[v.size - k :]
    return np.sort(idx)


def tile_mosaic(w: np.ndarray, side: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Stack the rows of w (n, side²) as side × side tiles, ``rows`` image rows apart.

    Returns (image (n·rows − (rows − side), side) float, mask of the pixels that belong to a
    tile); gap pixels are 0 and not in the mask.
    """
    n = w.shape[0]
    img = np.zeros((n, rows, side))
    img[:, :side, :] = w.reshape(n, side, side)
    mask = np.zeros((n, rows, side), dtype=bool)
    mask[:, :side, :] = True
    h = n * rows - (rows - side)
    return img.reshape(n * rows, side)[:h], mask.reshape(n * rows, side)[:h]


#: Layers with at most this many edges always show all of them; larger ones at least this many.
ALL_EDGES_UP_TO = 400


def edges_to_draw(values: np.ndarray, fraction: float) -> np.ndarray:
    """Flat indices of the edges a layer shows for the display setting ``fraction``.

    0 shows none; a small layer (≤ ALL_EDGES_UP_TO edges) shows every edge; a larger one its
    strongest ``fraction`` but never fewer than ALL_EDGES_UP_TO, so a 1,000-edge layer is not
    thinned to 20 lines while a 23,520-edge fan is.
    """
    n = np.size(values)
    if fraction <= 0:
        return np.zeros(0, dtype=np.int64)
    if n <= ALL_EDGES_UP_TO:
        return np.arange(n)
    return strongest(values, max(fraction, ALL_EDGES_UP_TO / n))


def envelope(x: np.ndarray, y: np.ndarray, max_points: int = 4000) -> tuple[np.ndarray, np.ndarray]:
    """At most ``max_points`` points that keep the look of a long noisy curve: each block of
    samples becomes its minimum and its maximum (in that order), at the block's centre."""
    n = len(y)
    if n <= max_points:
        return np.asarray(x), np.asarray(y)
    blocks = max_points // 2
    size = -(-n // blocks)
    pad = blocks * size - n
    yy = np.concatenate([y, np.full(pad, y[-1])]).reshape(blocks, size)
    xx = np.concatenate([x, np.full(pad, x[-1])]).reshape(blocks, size)
    xc = xx.mean(axis=1)
    return np.repeat(xc, 2), np.column_stack([yy.min(axis=1), yy.max(axis=1)]).ravel()
