"""Tick labels that never overlap (issue 21: the log axes of the Speed of learning, gradient-check
and why-fast plots printed "0.07 0.08 0.09" and "7·10⁻⁷ 8·10⁻⁷ 9·10⁻⁷" on top of each other).

pyqtgraph labels a log axis's minor ticks (2…9 × a decade) whenever a few fit in the axis' length
on average, but they crowd toward the decade's top end. Each axis here keeps its labels level by
level (the decades and major ticks come first) and leaves out a label that would touch one kept.
"""

from __future__ import annotations

import types

import pyqtgraph as pg

GAP = 3   # pixels kept free between two tick labels


def spaced_labels(text_specs: list, gap: float = GAP) -> list:
    """The labels of ``text_specs`` ((rect, flags, text) in pyqtgraph's order: coarser levels first)
    that do not come within ``gap`` pixels of a label kept before them."""
    kept = []
    for spec in text_specs:
        grown = spec[0].adjusted(-gap / 2, -gap / 2, gap / 2, gap / 2)
        if not any(grown.intersects(k[0]) for k in kept):
            kept.append(spec)
    return kept


def _generate(self, painter):
    specs = pg.AxisItem.generateDrawSpecs(self, painter)
    if specs is None:
        return None
    axis, ticks, texts = specs
    return axis, ticks, spaced_labels(texts)


def no_overlapping_tick_labels(plot: pg.PlotItem) -> pg.PlotItem:
    """Make every axis of ``plot`` leave out tick labels that would overlap (returns ``plot``)."""
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        axis.generateDrawSpecs = types.MethodType(_generate, axis)
    return plot
