"""File → Save session / Open session / Open Recent, opening dropped files, and ``bpviz open FILE``.

The format is :mod:`bpviz.state.session_file` (Qt-free). Here the window's parts are
gathered into a :class:`SessionState` (tabs by their widget's class name, the edge display,
the theme …) and put back: the new world, its step-through and every check are made first,
then swapped in, so a file that cannot be used changes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFileDialog

from bpviz.data import DatasetError, load_dataset
from bpviz.gui.session import IDLE
from bpviz.gui.settings import settings
from bpviz.i18n import translate
from bpviz.scene.lessons import find as find_lesson
from bpviz.scene.steps import StepSequence
from bpviz.state import ConfigError
from bpviz.state.models import CustomInput
from bpviz.state.session_file import (
    SUFFIX,
    LessonPosition,
    SessionFileError,
    SessionState,
    StepState,
    load_session,
    save_session,
    state_from_world,
    world_from_state,
)

RECENT_KEY = "files/recent"
MAX_RECENT = 8
#: What a dropped or opened file is, by its ending.
KINDS = {SUFFIX: "session", ".npz": "model", ".csv": "table", ".toml": "lesson"}


def _tab_id(widget) -> str | None:
    return None if widget is None else type(widget).__name__


def _set_tab(tabs, tab_id: str | None) -> None:
    for i in range(tabs.count()):
        if _tab_id(tabs.widget(i)) == tab_id:
            tabs.setCurrentIndex(i)
            return


# -- gathering and restoring ------------------------------------------------------------------------
def collect(window) -> SessionState:
    """The window's state now (while training runs: the latest parameters)."""
    s = window.session
    steps = None
    seq = s.steps
    if seq is not None:
        steps = StepState(s.step_index, s.step_batch_mode, np.array(seq.batch.activations[0]), np.array(seq.labels),
                          custom=s.custom_input is not None)
    lesson = lesson_position(window)
    view = {"edges": window.network_view.edge_fraction}
    if hasattr(window, "view_options"):   # theme, palette, projector: recorded, not imposed on opening —
        view.update(window.view_options())   # they belong to the room and the viewer (a colour-blind student)
    state = state_from_world(s.world, selection=s.selection, edge=s.edge_selection, tab=_tab_id(window.tabs.currentWidget()),
                             bottom_tab=_tab_id(window.bottom_tabs.currentWidget()), steps=steps, lens=s.lens,
                             lesson=lesson if isinstance(lesson, LessonPosition) else None,
                             drawing=None if s.drawn is None else np.array(s.drawn), view=view)
    if s.state != IDLE:
        state.network = s.snapshot_network()
    return state


def restore(window, state: SessionState, what: str) -> None:
    """Make ``state`` the window's. Raises SessionFileError (nothing changed) when it cannot be used."""
    s = window.session
    if s.state != IDLE and not s.stop():
        raise SessionFileError(translate("SessionFiles", "Training is still finishing its current step; open the session again in a moment."))
    key = state.config.data_key   # the dataset with its options (features, label column, test share)
    try:
        data = s.data if key == s.config.data_key else load_dataset(key)
        world = world_from_state(state, data)
    except (DatasetError, ValueError) as e:
        raise SessionFileError(translate("SessionFiles", "The session needs the dataset {key}, which cannot be used here: {error}").format(
            key=key, error=e)) from None
    seq = None
    if state.steps is not None:
        st = state.steps
        c = world.config
        seq = StepSequence(world.network, st.X, st.labels, c.eta, data.class_names, c.lmbda, len(data.train))
        if not 0 <= st.index < len(seq):
            raise SessionFileError(translate("SessionFiles", "The session's step {i} is not one of the {n} steps of its step-through.").format(
                i=st.index + 1, n=len(seq)))
    if state.drawing is not None and state.drawing.shape != (world.network.sizes[0],):
        raise SessionFileError(translate("SessionFiles", "The session's drawing does not fit its network."))
    # Everything is checked. The lesson's page first (its stage may set up a network), then the tabs
    # (their side effects act on the old world), then the session's own world on top.
    if state.lesson is not None:
        _open_lesson_at(window, state.lesson)
    _set_tab(window.tabs, state.tab)
    _set_tab(window.bottom_tabs, state.bottom_tab)
    s.commit_world(world, what)
    if seq is not None:
        custom = CustomInput(np.asarray(state.steps.X[0]), int(state.steps.labels[0])) if state.steps.custom else None
        s.steps_model.set_sequence(seq, state.steps.batch_mode, custom)
        s.set_step(state.steps.index)
    if state.drawing is not None:
        s.set_drawn(state.drawing)
    s.select(state.selection)
    s.select_edge(state.edge)
    window.lenses.restore(state.lens)
    edges = state.view.get("edges")
    view = window.network_view
    if isinstance(edges, (int, float)):
        from bpviz.gui.network_view import EDGE_MODES

        for i, (_, fraction) in enumerate(EDGE_MODES):
            if fraction == edges:
                view.edge_combo.setCurrentIndex(i)


def lesson_position(window) -> LessonPosition | None:
    """The lesson open in the Lessons panel and its page, or None."""
    lessons = getattr(window, "lessons", None)
    panel = getattr(lessons, "panel", None)
    if panel is None or panel.lesson is None or panel.player is None or not lessons.dock.isVisible():
        return None
    return LessonPosition(panel.lesson.id, int(panel.player.index))


def _open_lesson_at(window, pos: LessonPosition) -> None:
    lessons = getattr(window, "lessons", None)
    try:
        lesson = find_lesson(pos.lesson_id)
    except (LookupError, ValueError, OSError) as e:   # LessonError is a ValueError
        window.session.report("warning", translate("SessionFiles", "The session was saved at page {page} of the "
                                                                   "lesson {id}, which cannot be opened here: "
                                                                   "{reason}").format(
            page=pos.page + 1, id=pos.lesson_id, reason=e))
        return
    if lessons is None:
        return
    lessons.show()
    lessons.panel.open_lesson(lesson, min(pos.page, len(lesson.pages) - 1))


def open_session(window, path: str) -> bool:
    """Open a session file; on failure the message bar says why and nothing changed."""
    try:
        state = load_session(path)
        restore(window, state, translate("SessionFiles", "opening {name}").format(name=Path(path).name))
    except SessionFileError as e:
        window.session.report("error", translate("SessionFiles", "Could not open the session: {reason}").format(reason=e))
        return False
    remember_recent(path)
    window.session.report("info", translate("SessionFiles", "Opened the session {name}.").format(name=Path(path).name))
    return True


def save_session_to(window, path: str) -> Path | None:
    try:
        out = save_session(collect(window), path)
    except OSError as e:
        window.session.report("error", translate("SessionFiles", "Could not write {path}: {reason}").format(path=path, reason=e.strerror or e))
        return None
    remember_recent(str(out))
    window.session.report("info", translate("SessionFiles", "Saved the session to {path}.").format(path=out))
    return out


# -- any file: by its kind ------------------------------------------------------------------------------
def open_path(window, path: str) -> bool:
    """Open a session, model, lesson or CSV table (dropped, from Open Recent, or ``bpviz open``)."""
    p = Path(path)
    kind = KINDS.get(p.suffix.lower())
    if not p.is_file():
        window.session.report("error", translate("SessionFiles", "{path}: no such file").format(path=path))
        return False
    if kind == "session":
        return open_session(window, str(p))
    if kind == "model":
        ok = window.open_model_from(str(p))
        if ok:
            remember_recent(str(p))
        return ok
    if kind == "lesson":
        lessons = getattr(window, "lessons", None)
        if lessons is None:
            window.session.report("warning", translate("SessionFiles", "{name} looks like a lesson; this build of bpviz has no Lesson view to "
                                                "open it in.").format(name=p.name))
            return False
        ok = bool(lessons.open_file(str(p)))   # the Lessons panel refuses a bad file with its reason
        if ok:
            remember_recent(str(p))
        return ok
    if kind == "table":
        return _open_table(window, p)
    window.session.report("warning", translate("SessionFiles", "bpviz opens sessions (.bpviz), models (.npz), lessons (.toml) and data "
                                        "tables (.csv); {name} is none of these.").format(name=p.name))
    return False


def _open_table(window, p: Path) -> bool:
    """A CSV file as the dataset, through the dataset loader (which says why when it cannot)."""
    s = window.session
    try:
        s.apply_config(replace(s.config, dataset=str(p)))
    except (ConfigError, DatasetError, RuntimeError) as e:
        s.report("error", translate("SessionFiles", "Could not use {name} as data: {reason}").format(name=p.name, reason=e))
        return False
    remember_recent(str(p))
    return True


# -- recent files ---------------------------------------------------------------------------------------
def recent_files() -> list[str]:
    v = settings().value(RECENT_KEY, [])
    if isinstance(v, str):
        v = [v] if v else []
    return [str(x) for x in (v or []) if str(x)]


def remember_recent(path: str) -> None:
    p = str(Path(path).resolve())
    items = [p] + [x for x in recent_files() if x != p]
    s = settings()
    s.setValue(RECENT_KEY, items[:MAX_RECENT])
    s.sync()


def fill_recent_menu(window, menu) -> None:
    menu.clear()
    items = [x for x in recent_files() if Path(x).is_file()]
    if not items:
        act = menu.addAction(translate("SessionFiles", "(none yet)"))
        act.setEnabled(False)
        return
    for x in items:
        menu.addAction(Path(x).name, lambda p=x: open_path(window, p)).setToolTip(x)


# -- drag and drop ---------------------------------------------------------------------------------------
class FileDrop(QObject):
    """Accepts files of a known kind dropped onto the window and opens them."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    @staticmethod
    def paths(mime) -> list[str]:
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        t = event.type()
        if t in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if any(Path(p).suffix.lower() in KINDS for p in self.paths(event.mimeData())):
                event.acceptProposedAction()
                return True
        elif t == QEvent.Type.Drop:
            paths = self.paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                open_path(self.window, paths[0])
                return True
        return False


# -- the File menu -----------------------------------------------------------------------------------------
def install(window, file_menu, before) -> None:
    """File → Open session…, Save session…, Open Recent (inserted before ``before``); drops."""
    from PySide6.QtGui import QAction, QKeySequence

    def act(text, slot, shortcut=None):
        a = QAction(text, window)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        file_menu.insertAction(before, a)
        window.addAction(a)
        return a

    window.open_session_action = act(translate("SessionFiles", "Open &session…"), lambda: _ask_open(window), "Ctrl+Shift+O")
    window.save_session_action = act(translate("SessionFiles", "Save s&ession…"), lambda: _ask_save(window), "Ctrl+Shift+S")
    recent = file_menu.addMenu(translate("SessionFiles", "Open &Recent"))
    file_menu.insertMenu(before, recent)
    recent.aboutToShow.connect(lambda: fill_recent_menu(window, recent))
    window.recent_menu = recent
    file_menu.insertSeparator(before)
    window.file_drop = FileDrop(window)


def _ask_open(window) -> None:
    path, _ = QFileDialog.getOpenFileName(window, translate("SessionFiles", "Open session"), window.user_folder(),
                                          translate("SessionFiles", "bpviz sessions (*.bpviz);;Models, lessons and tables (*.npz *.toml *.csv)"))
    if path:
        settings().setValue("files/last_dir", str(Path(path).parent))
        open_path(window, path)


def _ask_save(window) -> None:
    name = f"bpviz-{'-'.join(map(str, window.session.network.sizes))}{SUFFIX}"
    path, _ = QFileDialog.getSaveFileName(window, translate("SessionFiles", "Save session"), str(Path(window.user_folder()) / name),
                                          translate("SessionFiles", "bpviz sessions (*.bpviz)"))
    if path:
        settings().setValue("files/last_dir", str(Path(path).parent))
        save_session_to(window, path)

