"""The diverging palettes that colour signed values (weights, δ, ∂C/∂w …), as Qt-free data.

A palette is a few colour stops over [0, 1] (0 is −vmax, ½ is 0, 1 is +vmax); the GUI's theme
builds its colour map from them. ``default`` is the CET-D1 map bpviz has always used
(blue − grey − red, sampled at nine points; the GUI uses the full map ``cmap_name`` names).
``colorblind`` is a blue − grey − orange pair chosen so that its ends stay far apart for
protanopes, deuteranopes and tritanopes (simulated in tests/scene/test_palettes.py) *and* in
lightness, so a greyscale print still tells the signs apart; with it, negative edges are also
drawn dashed, so the sign never rests on colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.i18n import translate
from bpviz.scene.colour_vision import hex_to_rgb


@dataclass(frozen=True)
class DivergingPalette:
    """Colour stops of a diverging map symmetric about 0."""

    name: str
    stops: tuple[tuple[float, str], ...]   # (position in [0, 1], "#rrggbb"), increasing, 0 and 1 included
    dashed_negative: bool = False          # draw negative lines dashed (the sign not by colour alone)
    cmap_name: str | None = None           # a named map the GUI may use instead (same look)

    def __post_init__(self) -> None:
        pos = [p for p, _ in self.stops]
        if pos[0] != 0.0 or pos[-1] != 1.0 or any(b <= a for a, b in zip(pos, pos[1:])):
            raise ValueError(f"palette {self.name}: stops must rise from 0 to 1 (got {pos})")

    @property
    def positions(self) -> np.ndarray:
        return np.array([p for p, _ in self.stops])

    @property
    def colours(self) -> np.ndarray:
        """(n_stops, 3) floats in [0, 1]."""
        return np.array([hex_to_rgb(c) for _, c in self.stops])

    def colour_at(self, t) -> np.ndarray:
        """Colours (..., 3) at positions t in [0, 1] (linear between stops in sRGB)."""
        t = np.clip(np.asarray(t, dtype=np.float64), 0.0, 1.0)
        cols = self.colours
        return np.stack([np.interp(t, self.positions, cols[:, i]) for i in range(3)], axis=-1)

    def colour_of(self, value, vmax: float) -> np.ndarray:
        """The colour of ``value`` on a scale of ±vmax."""
        return self.colour_at((np.asarray(value, dtype=np.float64) / vmax + 1.0) / 2.0)

    @property
    def negative(self) -> np.ndarray:
        return self.colour_at(0.0)

    @property
    def zero(self) -> np.ndarray:
        return self.colour_at(0.5)

    @property
    def positive(self) -> np.ndarray:
        return self.colour_at(1.0)

    def lookup_table(self, n: int = 256) -> np.ndarray:
        """(n, 4) uint8 RGBA, opaque."""
        rgb = np.round(self.colour_at(np.linspace(0.0, 1.0, n)) * 255).astype(np.uint8)
        return np.column_stack([rgb, np.full(n, 255, dtype=np.uint8)])


PALETTES: dict[str, DivergingPalette] = {
    "default": DivergingPalette(
        "default",
        tuple(zip(np.linspace(0, 1, 9).tolist(),
                  ("#2151db", "#6f74e1", "#9f9be7", "#c9c4ec", "#ede7e9", "#f0bdb1", "#e78b76", "#d6573e", "#c00206"))),
        cmap_name="CET-D1"),
    "colorblind": DivergingPalette(
        "colorblind",
        ((0.0, "#2166ac"), (0.25, "#7fa9d6"), (0.5, "#e6e6e6"), (0.75, "#f2c46e"), (1.0, "#e69f00")),
        dashed_negative=True),
}
DEFAULT_PALETTE = "default"


def palette_names() -> tuple[str, ...]:
    return tuple(PALETTES)


def palette_title(name: str) -> str:
    """The palette's name as the View → Colours menu shows it."""
    return {"default": translate("Palette", "Blue – red (default)"),
            "colorblind": translate("Palette", "Blue – orange, negative dashed (colour-blind safe)")}.get(name, name)


def get_palette(name: str) -> DivergingPalette:
    """The palette called ``name``; ValueError naming the ones there are."""
    try:
        return PALETTES[name]
    except KeyError:
        raise ValueError(translate("Palette", "unknown palette {name}; choose one of {names}").format(
            name=repr(name), names=", ".join(PALETTES))) from None
