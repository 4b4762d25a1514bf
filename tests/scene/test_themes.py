"""The light theme's contrast (WCAG AA, computed) and the projector's sizes (Qt-free)."""

from __future__ import annotations

import pytest

from bpviz.scene.colour_vision import contrast_ratio, hex_to_rgb, relative_luminance
from bpviz.scene.themes import DARK, LIGHT, LIGHT_BACKGROUNDS, LIGHT_MAP, NOT_TEXT, PROJECTOR, get_theme

AA = 4.5


def _c(a, b):
    return contrast_ratio(hex_to_rgb(a), hex_to_rgb(b))


@pytest.mark.parametrize("theme", [DARK, LIGHT], ids=["dark", "light"])
def test_text_of_each_theme_reads_on_its_backgrounds(theme):
    for text in (theme.text, theme.muted, theme.axis):
        for bg in (theme.window, theme.field, theme.plot, theme.button):
            assert _c(text, bg) >= AA, (theme.name, text, bg, _c(text, bg))


def test_every_light_text_and_accent_reads_on_every_light_background():
    low = []
    for dark, light in LIGHT_MAP.items():
        if dark in NOT_TEXT or light in LIGHT_BACKGROUNDS:
            continue
        for bg in LIGHT_BACKGROUNDS:
            if _c(light, bg) < AA:
                low.append((dark, light, bg, round(_c(light, bg), 2)))
    assert not low, low


def test_the_check_can_fail_the_dark_accents_on_white_do_not_pass():
    # the reason for the map: the dark theme's yellow and blue on white are unreadable
    assert _c("#facc15", "#ffffff") < 2 and _c("#60a5fa", "#ffffff") < 3


def test_light_map_turns_every_background_light_and_every_text_dark():
    for dark, light in LIGHT_MAP.items():
        if dark in NOT_TEXT:   # fills and borders: lighter than they were
            assert relative_luminance(hex_to_rgb(light)) > relative_luminance(hex_to_rgb(dark)), (dark, light)
        else:
            assert _c(light, "#ffffff") >= AA, (dark, light)


def test_projector_is_at_least_one_and_a_half_times_larger():
    assert PROJECTOR.font >= 1.5 and PROJECTOR.line >= 1.5 and PROJECTOR.marker >= 1.5


def test_unknown_theme_is_refused():
    with pytest.raises(ValueError, match="light"):
        get_theme("sepia")
