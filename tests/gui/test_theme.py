"""One theme: no colour is written outside bpviz/gui/theme.py, and a theme made current is what the window uses."""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

import numpy as np

import bpviz.gui
from bpviz.gui import theme as theme_module
from bpviz.gui.theme import Theme, set_theme, theme

GUI = Path(bpviz.gui.__file__).parent
HEX = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\b")
#: Calls that take a colour: a literal number among their arguments is a colour written in place.
COLOUR_CALLS = {"mkBrush", "mkPen", "mkColor", "QColor"}
#: pyqtgraph's one-letter colour names.
LETTERS = {"w", "k", "r", "g", "b", "c", "m", "y", "d", "l", "s"}


def colour_literals(source: str, filename: str = "<test>") -> list[str]:
    """Every colour written in ``source``: hex strings, Qt's named colours, numbers or one-letter names
    handed to a colour call."""
    found = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and HEX.search(node.value):
            found.append(f"{node.lineno}: {HEX.search(node.value).group()}")
        elif isinstance(node, ast.Attribute) and node.attr == "GlobalColor":
            found.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in COLOUR_CALLS:
                for a in node.args:
                    if isinstance(a, ast.Constant) and (isinstance(a.value, int | float) or a.value in LETTERS):
                        found.append(f"{node.lineno}: {ast.unparse(node)}")
                        break
    return found


def test_no_colour_literal_outside_the_theme_module():
    bad = []
    for path in sorted(GUI.rglob("*.py")):
        if path == Path(theme_module.__file__) or path.name == "appearance.py":
            continue   # appearance.py is the theme's runtime side: it maps the dark colours to the light theme's
        bad += [f"{path.relative_to(GUI)}:{x}" for x in colour_literals(path.read_text(), str(path))]
    assert not bad, "\n".join(bad)


def test_the_scan_sees_each_kind_of_colour_literal():
    src = ('a = "#16181d"\nb = f"color:#9ca3af;"\nc = pg.mkBrush(22, 24, 29, 220)\nd = pg.mkPen("w")\n'
           'e = QPen(Qt.GlobalColor.white)\nf = QColor(255, 0, 0)\ng = pg.mkPen(theme().blue, width=2)\n')
    found = colour_literals(src)
    assert sorted(int(x.split(":")[0]) for x in found) == [1, 2, 3, 4, 5, 6]


def test_a_theme_made_current_is_the_one_the_window_uses(make_window):
    old = theme()
    set_theme(replace(Theme(), name="test", plot_background="#203040", window="#102030"))
    try:
        w = make_window()
        assert w.cost_plot.glw.backgroundBrush().color().name() == "#203040"
        assert "background: #102030" in w.styleSheet()
        nudge_plot = w.views.widget("why.gradcheck").plot
        assert nudge_plot.backgroundBrush().color().name() == "#203040"
    finally:
        set_theme(old)
    assert theme() is old


def test_projector_mode_scales_font_sizes():
    assert Theme().pt(9) == "9pt"
    assert replace(Theme(), font_scale=1.5).pt(9) == "13.5pt"
    assert Theme().series[:2] == (Theme().blue, Theme().amber)


def test_a_palette_written_out_is_the_diverging_map():
    from bpviz.gui.theme import diverging_lut, diverging_rgba

    old = theme()
    set_theme(replace(Theme(), diverging_stops=((0.0, 0.5, 1.0), ((0.0, 0.0, 1.0), (1.0, 1.0, 1.0), (1.0, 0.5, 0.0)))))
    try:
        lut = diverging_lut()
        assert tuple(lut[0][:3]) == (0, 0, 255) and tuple(lut[-1][:3]) == (255, 128, 0)
        assert tuple(diverging_rgba(np.array([-2.0, 0.0, 2.0]), 2.0, lut)[1][:3]) in ((255, 255, 255), (254, 254, 255))
    finally:
        set_theme(old)
    assert tuple(diverging_lut()[0][:3]) != (0, 0, 255)
