"""The colour-blind-safe palette, checked by simulating colour-vision deficiencies (Qt-free)."""

from __future__ import annotations

import numpy as np
import pytest

from bpviz.scene.colour_vision import (
    DEFICIENCIES,
    MACHADO,
    contrast_ratio,
    delta_e,
    grey_lightness,
    hex_to_rgb,
    simulate,
    to_lab,
)
from bpviz.scene.palettes import PALETTES, get_palette

METHODS = ("machado", "vienot")
#: ΔE*ab (CIE76) at which two line colours are told apart at a glance (2.3 is just noticeable).
APART = 40.0
#: Greyscale: L* difference of the two ends on a printed handout.
GREY_APART = 20.0


# -- the simulation itself --------------------------------------------------------------------------
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_greys_look_the_same_to_every_dichromat(deficiency, method):
    greys = np.linspace(0, 1, 11)[:, None].repeat(3, axis=1)
    assert np.allclose(simulate(greys, deficiency, method), greys, atol=2e-3)


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("deficiency", ("protanopia", "deuteranopia"))
def test_red_green_confusion_is_simulated(deficiency, method):
    # The classic confusion: far apart for normal vision, close for red–green dichromats.
    red, green = hex_to_rgb("#d62728"), hex_to_rgb("#2ca02c")
    assert delta_e(red, green) > 100
    assert delta_e(simulate(red, deficiency, method), simulate(green, deficiency, method)) < APART


@pytest.mark.parametrize("method", METHODS)
def test_tritanopia_confuses_blue_and_green_but_not_red_and_green(method):
    blue, teal = hex_to_rgb("#3060e0"), hex_to_rgb("#20a090")
    red, green = hex_to_rgb("#d62728"), hex_to_rgb("#2ca02c")
    sim = lambda c: simulate(c, "tritanopia", method)  # noqa: E731
    assert delta_e(sim(blue), sim(teal)) < delta_e(blue, teal) - 20
    assert delta_e(sim(red), sim(green)) > 100


def test_machado_matrices_keep_white():
    for m in MACHADO.values():
        assert np.allclose(m.sum(axis=1), 1.0, atol=1e-5)


def test_lab_of_white_black_and_a_known_colour():
    assert np.allclose(to_lab(np.ones(3)), [100, 0, 0], atol=0.01)
    assert np.allclose(to_lab(np.zeros(3)), [0, 0, 0], atol=0.01)
    # sRGB pure red is L* 53.24, a* 80.09, b* 67.20 (D65)
    assert np.allclose(to_lab(np.array([1.0, 0, 0])), [53.24, 80.09, 67.20], atol=0.05)


def test_contrast_ratio_matches_wcag_figures():
    assert contrast_ratio(np.zeros(3), np.ones(3)) == pytest.approx(21.0)
    assert contrast_ratio(hex_to_rgb("#777777"), np.ones(3)) == pytest.approx(4.48, abs=0.01)


# -- the palettes ------------------------------------------------------------------------------------
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_colorblind_ends_stay_apart_for_every_dichromat(deficiency, method):
    p = get_palette("colorblind")
    for t, apart in ((0.0, APART), (0.25, APART / 2)):   # the ends, and ±half the scale
        neg, pos = p.colour_at(t), p.colour_at(1 - t)
        assert delta_e(simulate(neg, deficiency, method), simulate(pos, deficiency, method)) >= apart, t
        # and neither side is confused with zero (a faint edge still has a sign)
        for c in (neg, pos):
            assert delta_e(simulate(c, deficiency, method), simulate(p.zero, deficiency, method)) >= apart / 2


def test_colorblind_ends_differ_in_greyscale_where_the_default_does_not():
    cb, default = get_palette("colorblind"), get_palette("default")
    assert abs(grey_lightness(cb.negative) - grey_lightness(cb.positive)) >= GREY_APART
    assert abs(grey_lightness(cb.colour_at(0.25)) - grey_lightness(cb.colour_at(0.75))) >= GREY_APART / 2
    # The check can fail: CET-D1's blue and red ends have the same lightness (a grey print loses the sign).
    assert abs(grey_lightness(default.negative) - grey_lightness(default.positive)) < 1.0


def test_colorblind_palette_also_shows_the_sign_by_line_style():
    assert PALETTES["colorblind"].dashed_negative
    assert not PALETTES["default"].dashed_negative


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_lookup_table_runs_from_negative_through_zero_to_positive(name):
    p = get_palette(name)
    lut = p.lookup_table(257)
    assert lut.shape == (257, 4) and lut.dtype == np.uint8 and (lut[:, 3] == 255).all()
    assert np.array_equal(lut[0, :3], np.round(p.negative * 255).astype(np.uint8))
    assert np.array_equal(lut[128, :3], np.round(p.zero * 255).astype(np.uint8))
    assert np.array_equal(lut[-1, :3], np.round(p.positive * 255).astype(np.uint8))
    assert np.allclose(p.colour_of(-2.0, 2.0), p.negative) and np.allclose(p.colour_of(0.0, 2.0), p.zero)


def test_unknown_palette_is_refused_with_the_names():
    with pytest.raises(ValueError, match="colorblind"):
        get_palette("rainbow")
