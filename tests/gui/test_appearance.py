"""View → Theme, Projector, Colours: text ≥ 1.5× in projector mode, light theme contrast ≥ 4.5:1
(computed from the colours applied), the colour-blind palette with dashed negative edges, undo."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QLabel, QPushButton

from bpviz.gui.appearance import Appearance
from bpviz.gui.eventloop import run_event_loop
from bpviz.scene.colour_vision import contrast_ratio, hex_to_rgb
from bpviz.scene.palettes import get_palette
from bpviz.scene.themes import LIGHT, LIGHT_MAP, NOT_TEXT


@pytest.fixture
def window(make_window, qtbot):
    w = make_window(sizes=(784, 16, 10))
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.styler.apply(Appearance())   # the module's current appearance is shared by later windows


def _text_sizes(w) -> dict:
    """Pixel sizes of texts all over the window: widgets, axis ticks and labels, scene texts."""
    out = {}
    for i, widget in enumerate(w.findChildren(QLabel) + w.findChildren(QPushButton)):
        if widget.isVisibleTo(w) and widget.text():
            out[("widget", i)] = QFontInfo(widget.font()).pixelSize()
    for i, item in enumerate(w.network_view.glw.scene().items()):
        if isinstance(item, pg.TextItem):
            out[("scene", i)] = QFontInfo(item.textItem.font()).pixelSize()
    for i, axis in enumerate(w.cost_plot.findChildren(pg.GraphicsView)[0].scene().items()):
        if isinstance(axis, pg.AxisItem):
            font = axis.style.get("tickFont")
            if font is not None:
                out[("tick", i)] = QFontInfo(font).pixelSize()
            if axis.labelText:   # rich text: its size is the document's (the item's font stays as it was)
                out[("axis label", i)] = axis.label.document().size().height()
    return out


def test_projector_makes_every_text_at_least_one_and_a_half_times_larger(window):
    window.install_explore()
    normal = _text_sizes(window)
    assert len(normal) > 30
    window.apply_view_options({"projector": True})
    run_event_loop(0.1)
    big = _text_sizes(window)
    small = {k: (normal[k], big.get(k)) for k in normal
             if big.get(k) is None or big[k] < (1.3 if k[0] == "axis label" else 1.5) * normal[k] - 0.5}
    assert not small, small    # (a label's document grows less than its font: it has fixed margins)
    assert window.projector_action.isChecked()


def test_projector_thickens_edges_and_curves(window):
    view = window.network_view
    before = [p.widthF() for p in view.highlight_pos.opts["pen"] and [view.highlight_pos.opts["pen"]]]
    window.apply_view_options({"projector": True})
    after = view.highlight_pos.opts["pen"].widthF()
    assert after >= 1.5 * before[0]
    curve = next(i for i in window.cost_plot.findChildren(pg.GraphicsView)[0].scene().items()
                 if isinstance(i, pg.PlotDataItem))
    assert pg.mkPen(curve.opts["pen"]).widthF() >= 1.5


def _contrast(fg: str, bg: str) -> float:
    return contrast_ratio(hex_to_rgb(fg), hex_to_rgb(bg))


def test_light_theme_text_has_wcag_aa_contrast_on_its_backgrounds(window):
    window.install_explore()
    window.apply_view_options({"theme": "light"})
    run_event_loop(0.5)
    bg = LIGHT.window
    # every colour written in a style sheet or rich text now is a light-theme colour
    import re

    dark_text = {c for c in LIGHT_MAP if c not in NOT_TEXT} - set(LIGHT_MAP.values())
    for widget in [window, *window.findChildren(QLabel)]:
        colours = set(re.findall(r"#[0-9a-f]{6}", (widget.styleSheet() + (widget.text() if isinstance(widget, QLabel)
                                                                          else "")).lower()))
        assert not colours & dark_text, (widget, colours & dark_text)
    # palette of the widgets (what Qt paints text with after the style sheet)
    for widget in window.findChildren(QLabel)[:80]:
        fg = widget.palette().color(widget.foregroundRole()).name()
        assert _contrast(fg, bg) >= 4.5 or _contrast(fg, LIGHT.field) >= 4.5, (widget.text()[:40], fg)
    # plots: axis text and scene texts against their view's background
    for view in window.findChildren(pg.GraphicsView):
        back = view.backgroundBrush().color().name()
        assert _contrast("#000000", back) > 15, (back, view, view.parent())   # a light background
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem) and item.isVisible() and item.style.get("showValues", True):
                assert _contrast(item.textPen().color().name(), back) >= 4.5, item
            elif isinstance(item, pg.TextItem) and item.isVisible() and item.toPlainText().strip():
                assert _contrast(item.color.name(), back) >= 4.5, item.toPlainText()


def test_back_to_dark_and_normal_restores_every_style_exactly(window):
    sheets = {id(w): w.styleSheet() for w in window.findChildren(QLabel)}
    font = window.font().pointSizeF()
    window.apply_view_options({"theme": "light", "projector": True, "palette": "colorblind"})
    window.apply_view_options({"theme": "dark", "projector": False, "palette": "default"})
    assert window.font().pointSizeF() == font
    assert {id(w): w.styleSheet() for w in window.findChildren(QLabel)} == sheets
    assert window.view_options() == {"theme": "dark", "palette": "default", "projector": False}


def test_colorblind_palette_colours_edges_and_dashes_the_negative_ones(window):
    view = window.network_view
    window.apply_view_options({"palette": "colorblind"})
    p = get_palette("colorblind")
    pens = view._pens
    n = len(pens)
    assert all(pen.style() == Qt.PenStyle.DashLine for pen in pens[: n // 2])
    assert all(pen.style() == Qt.PenStyle.SolidLine for pen in pens[n // 2:])
    first = pens[0].color()
    expected = p.colour_at(0.5 / n) * 255
    assert np.allclose([first.red(), first.green(), first.blue()], expected, atol=2)
    lut = view.colorbar.colorMap().getLookupTable(0.0, 1.0, 3)
    assert np.allclose(lut[0, :3], p.negative * 255, atol=1) and np.allclose(lut[-1, :3], p.positive * 255, atol=1)
    assert view.highlight_neg.opts["pen"].style() == Qt.PenStyle.DashLine
    window.apply_view_options({"palette": "default"})
    assert all(pen.style() == Qt.PenStyle.SolidLine for pen in view._pens)


def test_unknown_view_options_are_refused(window):
    with pytest.raises(ValueError, match="light"):
        window.apply_view_options({"theme": "sepia"})
    assert window.view_options()["theme"] == "dark"


def test_the_choice_is_remembered_for_the_next_start(window):
    from bpviz.gui.appearance import remembered

    assert remembered() == {"theme": "dark", "palette": "default", "projector": False}
    next(a for a in window.view_menu.actions() if a.menu() is not None and a.text() == "Theme").menu().actions()[1].trigger()
    window.projector_action.trigger()
    assert remembered() == {"theme": "light", "palette": "default", "projector": True}
    assert window.view_options() == remembered()


@pytest.mark.parametrize("size", [(1400, 900), (1920, 1080)])
def test_projector_layout_fits_the_window(window, size):
    from PySide6.QtWidgets import QScrollArea

    window.resize(*size)
    window.tabs.setCurrentWidget(window.step_panel)
    window.session.set_step(len(window.session.steps) - 1)
    window.apply_view_options({"projector": True, "theme": "light"})
    run_event_loop(0.3)
    assert window.width() == size[0] and window.height() == size[1]    # nothing forced the window larger
    hint = window.minimumSizeHint()
    assert hint.width() <= size[0] and hint.height() <= size[1]
    for area in window.tabs.findChildren(QScrollArea):
        if area.isVisible():
            assert area.horizontalScrollBar().maximum() == 0, area    # no text cut at the right
    assert window.network_view.width() >= 400


def test_texts_and_sheets_set_later_follow_the_light_theme(window, qtbot):
    window.apply_view_options({"theme": "light"})
    window.session.report("info", "a message")          # the message bar sets a dark sheet of its own
    qtbot.waitUntil(lambda: "#dbeafe" in window.message_bar.styleSheet(), timeout=3000)
    window.network_view.caption.setText("<span style='color:#facc15'>yellow</span>")
    qtbot.waitUntil(lambda: "#854d0e" in window.network_view.caption.text(), timeout=3000)
    window.apply_view_options({"theme": "dark"})
    assert "#1e3a5f" in window.message_bar.styleSheet()
    assert window.network_view.caption.text() == "<span style='color:#facc15'>yellow</span>"


def test_projector_draws_faint_edges_and_muted_text_stronger(window):
    view = window.network_view
    faint = min(p.color().alphaF() for p in view._pens)
    step_hint = window.step_panel.neuron_hint
    assert "#9ca3af" in step_hint.styleSheet()
    window.apply_view_options({"projector": True})
    assert min(p.color().alphaF() for p in view._pens) >= faint + 0.2
    assert "#9ca3af" not in step_hint.styleSheet() and "#e5e7eb" in step_hint.styleSheet()
    window.apply_view_options({"projector": False})
    assert min(p.color().alphaF() for p in view._pens) == pytest.approx(faint)
    assert "#9ca3af" in step_hint.styleSheet()
