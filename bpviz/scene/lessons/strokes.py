"""Drawn digits for lessons: the bundled stroke file, drawn without Qt into an MNIST-like input.

assets/lessons/strokes.json holds strokes in the Draw tab's canvas coordinates (280 × 280).
:func:`drawn_input` paints them with a round pen (a pixel is ink where it lies within half the
pen width of a stroke) and hands the canvas to the same MNIST preprocessing the Draw tab uses.
"""

from __future__ import annotations

import json
from functools import lru_cache

import numpy as np

from bpviz.data import assets_dir
from bpviz.data.preprocess import mnist_like

CANVAS = 280


@lru_cache(maxsize=1)
def _file() -> dict:
    return json.loads((assets_dir() / "lessons" / "strokes.json").read_text(encoding="utf-8"))


def stroke_names() -> tuple[str, ...]:
    return tuple(_file()["digits"])


def strokes(name: str) -> list[list[tuple[float, float]]]:
    return [[(float(x), float(y)) for x, y in s] for s in _file()["digits"][name]]


def paint(strokes_: list[list[tuple[float, float]]], width: float | None = None, size: int = CANVAS) -> np.ndarray:
    """(size, size) canvas in [0, 1]: 1 within width/2 of a stroke, a one-pixel soft edge."""
    r = (float(_file().get("pen_width", 22)) if width is None else width) / 2
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float64) + 0.5
    dist = np.full((size, size), np.inf)
    for s in strokes_:
        pts = np.asarray(s, dtype=np.float64)
        if len(pts) == 1:
            pts = np.vstack([pts, pts])
        for (x0, y0), (x1, y1) in zip(pts[:-1], pts[1:]):
            dx, dy = x1 - x0, y1 - y0
            den = dx * dx + dy * dy
            t = np.clip(((xs - x0) * dx + (ys - y0) * dy) / den, 0, 1) if den else 0.0
            d = np.hypot(xs - (x0 + t * dx), ys - (y0 + t * dy))
            np.minimum(dist, d, out=dist)
    return np.clip(r + 0.5 - dist, 0.0, 1.0)


def drawn_input(name: str) -> np.ndarray:
    """(784,) float32: the bundled digit ``name`` as the network's input."""
    x = mnist_like(paint(strokes(name)))
    return np.asarray(x, dtype=np.float32).ravel()
