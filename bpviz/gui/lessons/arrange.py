"""Room for the Lessons dock in a narrow window (issue 21: the window reaches 1000 × 650 with it open).

Beside the left tabs (≥ 320 px), the network view and its bottom tabs (≥ 320 px) and the Sample and
neuron column (210–270 px), a docked Lessons panel leaves no room below about 1250 px. There the
column moves into the dock as its second tab ("Sample and neuron"), so nothing is squeezed or cut;
when the window is wide enough again, or the dock is closed or floats, it goes back to its place.

While the dock is open, the window's minimum width is the one of the arrangement with the column in
the dock (set explicitly; Qt's layout then leaves that width alone): the minimum of the layout with
the column in its place would otherwise keep the window from ever reaching the width that moves it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize
from PySide6.QtWidgets import QTabWidget

_MARGINS = 6 + 6 + 2 * 6 + 6     # the central layout's margins and spacings, the dock's separator


class _DockTabs(QTabWidget):
    """The dock's tabs ask for the Lessons panel's width only: the column's wide plot would
    otherwise make the main window widen the dock (squeezing the network view) when its tab is
    chosen; in the dock the column takes the width the dock has."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        return QSize(min(hint.width(), self.widget(0).sizeHint().width() + 4), hint.height())


class DockArrangement(QObject):
    """Holds the dock's widget (tabs: the Lessons panel, and the column when it is moved in)."""

    def __init__(self, window, dock, panel) -> None:
        super().__init__(dock)
        self.window = window
        self.dock = dock
        self.tabs = _DockTabs()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabBarAutoHide(True)      # one tab (the usual case): no tab bar
        self.tabs.addTab(panel, QCoreApplication.translate("Lessons", "Lesson"))
        dock.setWidget(self.tabs)
        self.hosting = False
        dock.topLevelChanged.connect(lambda _f: self.arrange())
        dock.installEventFilter(self)   # shown or closed, also while the window is not yet shown

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if obj is self.dock and event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self.arrange()
        return False

    def _docked_open(self) -> bool:
        return not self.dock.isHidden() and not self.dock.isFloating()

    def room_needed(self) -> int:
        """The window width that shows the column in its place beside the open dock."""
        w = self.window
        return (w.tabs.minimumWidth() + w.bottom_tabs.minimumWidth() + w.right_width + _MARGINS
                + max(self.dock.minimumWidth(), self.dock.width()))

    def arrange(self) -> None:
        """Put the column where there is room for it (called on resizes and dock changes)."""
        w = self.window
        right = w.right_panel
        host = self._docked_open() and w.width() < self.room_needed()
        if host and not self.hosting:
            w.centralWidget().layout().removeWidget(right)
            self.tabs.addTab(right, QCoreApplication.translate("Lessons", "Sample and neuron"))
            self.hosting = True
        elif not host and self.hosting:
            self.tabs.removeTab(self.tabs.indexOf(right))
            w.centralWidget().layout().addWidget(right)
            right.show()
            self.hosting = False
        if self.hosting:       # as wide as the dock
            right.setMinimumWidth(0)
            right.setMaximumWidth(16777215)
        else:
            right.setFixedWidth(w.right_width)
        if self._docked_open():
            w.setMinimumSize(self.narrowest(), 0)     # the height's minimum stays the layout's
            self._explicit = True
        elif getattr(self, "_explicit", False):
            w.setMinimumSize(0, 0)                    # back to the layout's own minimum
            self._explicit = False

    def narrowest(self) -> int:
        """The window's minimum width with the column in the dock."""
        w = self.window
        dock = max(self.dock.minimumWidth(), self.dock.minimumSizeHint().width(), self.tabs.minimumSizeHint().width())
        return max(w.tabs.minimumWidth(), 330) + w.bottom_tabs.minimumWidth() + _MARGINS + dock
