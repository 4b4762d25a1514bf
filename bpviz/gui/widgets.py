"""Small helpers shared by the panels."""

from __future__ import annotations

from contextlib import contextmanager

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from bpviz.gui.ticks import no_overlapping_tick_labels


def scrolling_layout(panel: QWidget) -> QVBoxLayout:
    """A vertical layout for ``panel``'s content inside a scroll area, so that on a small
    screen the content scrolls instead of being squeezed until text overlaps."""
    inner = QWidget()
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # content follows the width
    scroll.setWidget(inner)
    outer = QVBoxLayout(panel)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return QVBoxLayout(inner)


class CompactPlot(pg.PlotWidget):
    """A PlotWidget that asks for little room (a GraphicsView's default size hint is 640×480,
    which would make a scrolling panel scroll even on a large screen); it still grows. Its tick
    labels never overlap (gui/ticks.py)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        no_overlapping_tick_labels(self.getPlotItem())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(300, 160)


#: Keys no field ever takes: they keep their window shortcut while a field has the keyboard.
FIELD_NEVER_TYPES = (Qt.Key.Key_Space,)


class _ShortcutKeysFirst(QObject):
    """A field with the keyboard takes every printable key but Space; Enter hands it back.

    A focused QLineEdit or spin box accepts Qt's ShortcutOverride for printable keys, so what
    is typed goes into it whole ("nan", "abc", "1e-3"; S, B, N and F included) and is then
    accepted or refused with its reason. Space is never part of a value: its override is
    refused (the window's Space shortcut trains or pauses) and the key press is dropped.
    Enter applies the field (its own editingFinished/returnPressed) and hands the keyboard
    back to the window, after which the single-key shortcuts (S, B, N, F) work again.
    """

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        t = event.type()
        if t in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            if event.key() in FIELD_NEVER_TYPES and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
                return True
            if t == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                QTimer.singleShot(0, obj.clearFocus)  # after the field has handled Enter itself
        return False


_FILTER: _ShortcutKeysFirst | None = None


def number_field(widget: QWidget) -> QWidget:
    """Mark ``widget`` (a QLineEdit or spin box holding a number) as one that leaves Space to
    the window and gives the keyboard back on Enter; returns it."""
    global _FILTER
    if _FILTER is None:
        _FILTER = _ShortcutKeysFirst()
    widget.installEventFilter(_FILTER)
    return widget


@contextmanager
def signals_blocked(*objects: QObject):
    """Block the objects' signals inside the block, always unblocking after (even on error)."""
    previous = [o.blockSignals(True) for o in objects]
    try:
        yield
    finally:
        for o, p in zip(objects, previous):
            o.blockSignals(p)


class _WheelOnlyWhenFocused(QObject):
    """A wheel over a combo box, spin box or slider that does not have the keyboard focus
    scrolls the panel instead of silently changing the value (scrolling a long panel used to
    change settings under the pointer)."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Wheel and not obj.hasFocus():
            event.ignore()
            return True
        return False


_WHEEL_FILTER: _WheelOnlyWhenFocused | None = None


def wheel_only_when_focused(root: QWidget) -> None:
    """Apply :class:`_WheelOnlyWhenFocused` to every combo box, spin box and slider under ``root``."""
    from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QComboBox

    global _WHEEL_FILTER
    if _WHEEL_FILTER is None:
        _WHEEL_FILTER = _WheelOnlyWhenFocused()
    for w in root.findChildren(QWidget):
        if isinstance(w, (QComboBox, QAbstractSpinBox, QAbstractSlider)) and not w.property("bpviz_wheel"):
            w.setProperty("bpviz_wheel", True)
            w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            w.installEventFilter(_WHEEL_FILTER)
