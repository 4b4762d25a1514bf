"""Export for slides: PNG at 1×–4× drawn at that resolution, SVG with the network's edges as vectors,
clipboard, the equation as LaTeX/text, tables as CSV, the File → Export menu."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication

from bpviz.gui import export
from bpviz.gui.eventloop import run_event_loop

SIZES = (784, 16, 10)


@pytest.fixture
def window(make_window, qtbot):
    w = make_window(sizes=SIZES)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    run_event_loop(0.4)
    w.network_view.refresh(force=True)
    return w


@pytest.mark.parametrize("scale", export.SCALES)
def test_png_has_scale_times_the_pixels_of_the_view(window, tmp_path, scale):
    view = window.network_view
    path = tmp_path / f"net@{scale}x.png"
    w, h = view.width(), view.height()   # (the message bar that says "Saved" then takes room)
    assert export.export_png_to(window, view, str(path), scale)
    with Image.open(path) as im:
        assert im.size == (w * scale, h * scale)


def test_whole_window_at_2x_is_2800_by_1800(window, tmp_path):
    assert window.size().width() == 1400 and window.size().height() == 900
    w, h = export.save_png(window, tmp_path / "w.png", 2)
    assert (w, h) == (2800, 1800)


def _non_uniform_blocks(a: np.ndarray) -> float:
    """Share of 2×2 pixel blocks that are not one colour (0 for a bitmap blown up 2×)."""
    h, w = a.shape[0] // 2 * 2, a.shape[1] // 2 * 2
    b = a[:h, :w].reshape(h // 2, 2, w // 2, 2, -1)
    return float(np.mean(np.any(b != b[:, :1, :, :1], axis=(1, 3, 4))))


def test_2x_is_drawn_at_that_resolution_not_blown_up(window):
    view = window.network_view
    one = export.render_image(view, 1)
    two = export.render_image(view, 2)
    a1 = np.array(Image.fromarray(_rgb(one)).resize((two.width(), two.height()), Image.NEAREST))
    a2 = _rgb(two)
    assert _non_uniform_blocks(a1) == 0.0                      # what an upscaled bitmap looks like
    assert _non_uniform_blocks(a2) > 0.01                      # edges, text and nodes drawn at 2×


def _rgb(img) -> np.ndarray:
    from PySide6.QtGui import QImage

    img = img.convertToFormat(QImage.Format.Format_RGBA8888)
    ptr = img.constBits()
    return np.frombuffer(ptr, np.uint8, img.sizeInBytes()).reshape(img.height(), img.bytesPerLine() // 4, 4)[
        :, :img.width(), :3].copy()


def _two_point_lines(path) -> int:
    root = ET.parse(path).getroot()
    n = 0
    for e in root.iter():
        tag = e.tag.rsplit("}", 1)[-1]
        if tag == "polyline" and len(e.get("points", "").split()) == 2:
            n += 1
        elif tag == "line":
            n += 1
    return n


def test_svg_parses_and_holds_the_network_edges_as_vectors(window, tmp_path):
    view = window.network_view
    drawn = sum(len(idx) for idx, _ in view.edge_data.values())
    assert drawn > 300
    assert export.export_svg_to(window, view, str(tmp_path / "net.svg"))
    with_edges = _two_point_lines(tmp_path / "net.svg")
    assert with_edges >= drawn
    view.edge_combo.setCurrentIndex(view.edge_combo.count() - 1)   # "No edges"
    run_event_loop(0.1)
    view.refresh(force=True)
    export.save_svg(view, tmp_path / "none.svg")
    assert with_edges - _two_point_lines(tmp_path / "none.svg") >= drawn - 300   # 16×10 output edges stay
    assert ET.parse(tmp_path / "none.svg").getroot().tag.endswith("svg")


def test_every_view_exports_and_copies(window, tmp_path):
    for key, _title, widget in export.views(window):
        size = export.save_png(widget, tmp_path / f"{key}.png", 1)
        assert size == (widget.width(), widget.height()), key
    img = export.copy_image(window.cost_plot, 2)
    assert QApplication.clipboard().image().size() == img.size()


def test_equation_copies_as_latex_and_text(window):
    s = window.session
    window.tabs.setCurrentWidget(window.step_panel)
    s.set_step(4)
    plain, latex = export.current_equation(window)
    assert export.copy_equation(window, latex=True)
    assert QApplication.clipboard().text() == latex and latex.startswith("\\[")
    assert export.copy_equation(window, latex=False)
    assert QApplication.clipboard().text() == plain
    from bpviz.scene.equation_text import to_plain

    assert plain == to_plain(window.step_panel.numbers.text())   # what the panel shows


def test_tables_export_when_they_exist(window, tmp_path):
    ids = {k: make for k, _t, make in export.tables(window)}
    assert set(ids) == {"confusion", "gradcheck", "anatomy"}
    window.tabs.setCurrentWidget(window.step_panel)
    window.step_panel.batch.setChecked(True)
    window.session.build_steps(batch=True)
    window.bottom_tabs.setCurrentWidget(window.anatomy_panel)
    run_event_loop(0.2)
    make = dict((k, m) for k, _t, m in export.tables(window))["anatomy"]
    assert make is not None
    assert export.export_table_to(window, make, str(tmp_path / "anatomy.csv"))
    lines = (tmp_path / "anatomy.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + window.session.steps.m


def test_file_export_menu_lists_views_equation_and_tables(window):
    menu = window.export_menu
    export.fill_export_menu(window, menu)
    texts = [a.text() for a in menu.actions()]
    assert "Network view" in texts and "Cost plot" in texts and "Whole window" in texts
    sub = next(a.menu() for a in menu.actions() if a.text() == "Network view")
    entries = [a.text() for a in sub.actions()]
    assert entries[1].startswith("PNG at 2×") and "SVG (vector)…" in entries
    assert any("Confusion matrix as CSV" in t for t in texts)


def test_confusion_and_gradient_check_tables_come_from_their_panels(window, tmp_path):
    from bpviz.gui.explore.mistakes.confusion import ConfusionPanel
    from bpviz.gui.explore.why.gradcheck import GradCheckPanel

    confusion = window.findChildren(ConfusionPanel)[0]
    confusion.recompute()
    run_event_loop(0.2)
    grad = window.findChildren(GradCheckPanel)[0]
    makers = {k: m for k, _t, m in export.tables(window)}
    assert makers["confusion"] is not None
    assert export.export_table_to(window, makers["confusion"], str(tmp_path / "c.csv"))
    rows = [r.split(",") for r in (tmp_path / "c.csv").read_text(encoding="utf-8").splitlines()[1:]]
    assert np.array_equal(np.array([[int(v) for v in r[1:-1]] for r in rows]), confusion.result.matrix)
    assert makers["gradcheck"] is None and not grad.check_rows   # [784,16,10]: too many parameters to check all


def test_gradient_check_table_of_a_small_network(make_window, toy_data):
    from bpviz.gui.explore.why.gradcheck import GradCheckPanel

    w = make_window(sizes=(2, 3, 2), data=toy_data)
    grad = w.findChildren(GradCheckPanel)[0]
    grad.check_all()
    make = {k: m for k, _t, m in export.tables(w)}["gradcheck"]
    assert make is not None and len(make()[1]) == len(grad.check_rows) == 17
