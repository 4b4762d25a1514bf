"""Lessons in the window: a dock with the Lessons panel, Help → Lessons, File → Open lesson…,
and the one-time "Start here" offer on first launch (remembered in the settings)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog

from bpviz.gui.lessons.arrange import DockArrangement
from bpviz.gui.lessons.panel import LessonPanel
from bpviz.gui.settings import settings

OFFERED_KEY = "lessons/offered"


class SettingsStore:
    """Progress per lesson, as JSON under lessons/progress/<id> in the app's settings."""

    def load(self, lesson_id: str) -> str | None:
        v = settings().value(f"lessons/progress/{lesson_id}", None)
        return None if v is None else str(v)

    def save(self, lesson_id: str, text: str) -> None:
        s = settings()
        s.setValue(f"lessons/progress/{lesson_id}", text)
        s.sync()


class Lessons:
    """What install() adds to a window (kept as ``window.lessons``)."""

    def __init__(self, window) -> None:
        self.window = window
        self.panel = LessonPanel(window, SettingsStore())
        dock = QDockWidget(QCoreApplication.translate("Lessons", "Lessons"), window)
        dock.setObjectName("lessons_dock")
        dock.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea)
        # narrow enough for the window to reach 1000 px with it open; its texts wrap
        dock.setMinimumWidth(260)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.dock = dock
        self.arrangement = DockArrangement(window, dock, self.panel)   # sets the dock's widget
        dock.hide()
        self.panel.start_here_close.clicked.connect(self.dismiss_start_here)
        self.show_action = window.add_action(window.help_menu, QCoreApplication.translate("Lessons", "Lessons"), self.show, "F2",
                                             QCoreApplication.translate("Lessons", "Guided lessons through chapter 2: predict, then check against the "
                                                "network"))
        window.file_menu.insertAction(window.save_action, self._open_action())

    def _open_action(self):
        act = self.window.add_action(self.window.file_menu, QCoreApplication.translate("Lessons", "Open &lesson…"), self.open_dialog)
        self.window.file_menu.removeAction(act)   # placed next to Open model by the caller
        self.open_action = act
        return act

    def arrange(self) -> None:
        """The window was resized: move the Sample and neuron column into the dock or back."""
        self.arrangement.arrange()

    def show(self) -> None:
        self.dock.show()
        self.dock.raise_()

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, QCoreApplication.translate("Lessons", "Open lesson"), self.window.user_folder(),
                                              QCoreApplication.translate("Lessons", "bpviz lessons (*.toml)"))
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> bool:
        self.show()
        return self.panel.open_file(path)

    def open_lesson(self, lesson) -> None:
        self.show()
        self.panel.open_lesson(lesson, 0)

    def offer_once(self) -> bool:
        """On the first launch, show the Lessons panel with "Start here" (True if shown)."""
        s = settings()
        if str(s.value(OFFERED_KEY, "")).lower() in ("true", "1"):
            return False
        self.panel.start_here.show()
        self.show()
        s.setValue(OFFERED_KEY, True)
        s.sync()
        return True

    def dismiss_start_here(self) -> None:
        self.panel.start_here.hide()
        self.dock.hide()


def install(window) -> Lessons:
    window.lessons = Lessons(window)
    return window.lessons
