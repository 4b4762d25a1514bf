"""Every tab laid out at 1000 × 650 and 1920 × 1080, in English and Chinese (issue 21).

Fails on clipped text — a label or button whose text is wider than the widget (and neither wraps
nor elides), a wrapped label shorter than its text needs, tab bars that hide tabs behind scroll
arrows — and on visible siblings of one layout that overlap.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTableWidget,
    QWidget,
)

SIZES = [(1000, 650), (1920, 1080)]
SLACK = 2   # pixels of rounding between a font's advance and a widget's width


def _showing(w: QWidget) -> bool:
    return w.isVisibleTo(QWidget.window(w)) and w.width() > 0 and w.height() > 0 and not w.visibleRegion().isEmpty()


def _visible_width(w: QWidget) -> int:
    """The width of w left visible by the viewports of the scroll areas around it (a label in a
    scrolling panel is as wide as its text, but the panel may show only part of it)."""
    window = QWidget.window(w)
    rect = QRect(w.mapTo(window, w.rect().topLeft()), w.size())
    p = w.parentWidget()
    while p is not None and p is not window:
        if isinstance(p.parentWidget(), QAbstractScrollArea) and p is p.parentWidget().viewport():
            rect = rect.intersected(QRect(p.mapTo(window, p.rect().topLeft()), p.size()))
        p = p.parentWidget()
    return max(rect.width(), 0)


def _plain(text: str) -> str:
    return re.sub(r"&(?!&)", "", text)


def _text_width(label: QLabel) -> int:
    text = label.text()
    fm = QFontMetrics(label.font())
    if label.textFormat() != 0 and ("<" in text or label.textFormat() == 1):   # rich text
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        return int(doc.idealWidth())
    return max((fm.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _may_scroll(bar: QTabBar) -> bool:
    """The bottom area's ten view tabs cannot fit 1000 px beside the side panels (914 px of English
    tab text for about 480 px): there, and only there, its scroll arrows are accepted (issue 17's
    view protocol may group them by the left tab). Every other tab bar must show all its tabs."""
    window = QWidget.window(bar)
    return window.width() < 1400 and bar.parent() is getattr(window, "bottom_tabs", None)


def clipped_texts(window) -> list[str]:
    """Every visible text the window cuts off, as 'class "text": need × have'."""
    out = []
    for w in window.findChildren(QWidget):
        if not _showing(w):
            continue
        if isinstance(w, QLabel) and w.text() and w.pixmap().isNull():
            have = w.contentsRect().width() - 2 * w.margin() - (w.indent() if w.indent() > 0 else 0)
            cut = w.width() - _visible_width(w)     # hidden by a scroll area's viewport
            if cut > SLACK and not isinstance(w.parentWidget(), QAbstractScrollArea):
                out.append(f'QLabel "{w.text()[:50]}": {cut} px of it hidden beyond its scrolling panel')
                continue
            if w.wordWrap():
                need_h = w.heightForWidth(w.width())
                if need_h > w.height() + SLACK:
                    out.append(f'wrapped QLabel "{w.text()[:50]}": needs height {need_h}, has {w.height()}')
            else:
                need = _text_width(w)
                if need > have + SLACK:
                    out.append(f'QLabel "{w.text()[:50]}": needs {need} px, has {have}')
        elif isinstance(w, (QPushButton, QCheckBox, QRadioButton)) and w.text():
            hint = w.sizeHint().width()
            if hint > w.width() + SLACK and not isinstance(w.parent(), QTabBar):
                out.append(f'{type(w).__name__} "{_plain(w.text())[:40]}": needs {hint} px, has {w.width()}')
        elif isinstance(w, QListWidget):
            fm, room = QFontMetrics(w.font()), w.viewport().width()
            for i in range(w.count()):
                item = w.item(i)
                extra = w.iconSize().width() + 8 if not item.icon().isNull() else 8
                if not item.isHidden() and fm.horizontalAdvance(item.text()) + extra > room + SLACK:
                    out.append(f'QListWidget item "{item.text()[:40]}": needs '
                               f'{fm.horizontalAdvance(item.text()) + extra} px, has {room}')
        elif isinstance(w, QTableWidget):
            fm = QFontMetrics(w.font())
            for r in range(w.rowCount()):
                for c in range(w.columnCount()):
                    item = w.item(r, c)
                    if item is None or not item.text() or w.isColumnHidden(c):
                        continue
                    need = fm.horizontalAdvance(item.text()) + 6
                    if need > w.columnWidth(c) + SLACK:
                        out.append(f'QTableWidget cell "{item.text()[:30]}": needs {need} px, has {w.columnWidth(c)}')
        elif isinstance(w, QComboBox) and w.currentText():
            opt = QStyleOptionComboBox()
            w.initStyleOption(opt)
            room = w.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                            QStyle.SubControl.SC_ComboBoxEditField, w).width()
            need = QFontMetrics(w.font()).horizontalAdvance(w.currentText())
            if need > room + SLACK:
                out.append(f'QComboBox "{w.currentText()[:40]}": needs {need} px, has {room}')
        elif isinstance(w, QTabBar) and w.count() > 1 and not _may_scroll(w):
            need = sum(w.tabSizeHint(i).width() for i in range(w.count()))
            if need > w.width() + SLACK:
                names = ", ".join(_plain(w.tabText(i)) for i in range(w.count()))
                out.append(f"QTabBar [{names}]: tabs need {need} px, the bar has {w.width()} (scroll arrows)")
    return out


def overlapping_siblings(window) -> list[str]:
    """Visible children of one widget whose rectangles overlap (by more than a pixel each way)."""
    out = []
    for parent in window.findChildren(QWidget):
        if not _showing(parent) or isinstance(parent, (QStackedWidget, QAbstractScrollArea, QTabBar)):
            continue
        layout = parent.layout()
        kids = [c for c in parent.children() if isinstance(c, QWidget) and not c.isWindow() and _showing(c)
                and layout is not None and layout.indexOf(c) >= 0]
        for i, a in enumerate(kids):
            for b in kids[i + 1:]:
                r: QRect = a.geometry().intersected(b.geometry())
                if r.width() > 1 and r.height() > 1:
                    out.append(f"{type(a).__name__} and {type(b).__name__} overlap in {type(parent).__name__} by "
                               f"{r.width()}×{r.height()}")
    return out


def every_tab(window):
    """(name, set-up) for each tab of the left panel and of the bottom area."""
    for tabs in (window.tabs, window.bottom_tabs):
        for i in range(tabs.count()):
            yield f"{tabs.tabText(i)}", tabs, i


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    from bpviz.gui.app import install_language

    assert install_language(qapp, request.param)
    yield request.param
    install_language(qapp, "en")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_tab_fits_its_texts(qtbot, make_window, language, size):
    w = make_window()
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(50)
    # the window really is that size: a panel whose minimum width exceeds it would keep it wider
    assert (w.width(), w.height()) == size, f"the window cannot be {size}: it stays {w.width()}×{w.height()}"
    w.session.select((2, 3))
    w.session.select_edge((2, 3, 300))
    problems = []
    for name, tabs, i in list(every_tab(w)):
        tabs.setCurrentIndex(i)
        page = tabs.widget(i)
        if page is getattr(w, "mistakes_panel", None):    # the confusion matrix and a cell's images
            page.recompute()
            page.open_cell(4, 9)
        qtbot.wait(30)
        QApplication.processEvents()   # a text set by a timer gets its layout before it is measured
        qtbot.wait(30)
        problems += [f"[{name}] {p}" for p in clipped_texts(w) + overlapping_siblings(w)]
    problems = list(dict.fromkeys(problems))
    assert not problems, f"{language} {size}: {len(problems)} problems\n" + "\n".join(sorted({p.split("] ", 1)[1] for p in problems}))


@pytest.mark.xfail(strict=True, reason="found by this test after lessons merged (16:45): the Lessons dock (min width "
                                       "340 px, open at first launch) keeps the window at least 1290 px wide; the "
                                       "side panels need a narrow-window arrangement — left for the lead/lessons")
def test_the_window_reaches_1000_px_with_the_lessons_dock_open(qtbot, make_window):
    w = make_window()
    w.lessons.show()
    w.resize(1000, 650)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(50)
    assert (w.width(), w.height()) == (1000, 650), f"{w.width()}×{w.height()}"
