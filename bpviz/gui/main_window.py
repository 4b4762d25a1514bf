"""The main window: Train panel, network view, cost plot, sample/neuron panels, status bar."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bpviz import __version__
from bpviz.core import ModelFileError
from bpviz.data import assets_dir
from bpviz.gui import explore, input_space
from bpviz.gui.anatomy_panel import AnatomyPanel, jump_to_update, move_sample
from bpviz.gui.code_panel import CodePanel, CodeView
from bpviz.gui.cost_plot import CostPlot
from bpviz.gui.draw_panel import DrawPanel
from bpviz.gui.network_view import NetworkView
from bpviz.gui.session import IDLE, RUNNING, Session
from bpviz.gui.settings import save_config, settings
from bpviz.gui.side_panels import NeuronPanel, SamplePanel
from bpviz.gui.step_panel import StepPanel
from bpviz.gui.theme import level_background, window_stylesheet
from bpviz.gui.throttle import Throttle
from bpviz.gui.train_panel import TrainPanel
from bpviz.gui.views import Area, LensOwner, Tab, ViewContext, ViewRegistry
from bpviz.gui.widgets import wheel_only_when_focused
from bpviz.scene.names import Level, RunState


def cjk_font_families(sample: str = "反向传播") -> list[str]:
    """Installed font families that have a glyph for every character of ``sample``."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    out = []
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        metrics = QFontMetrics(QFont(family))
        if all(metrics.inFontUcs4(ord(ch)) for ch in sample):
            out.append(family)
    return out


class MessageBar(QWidget):
    """A one-line message above the network view; errors stay until closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.close_button = QToolButton(text="✕")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.level = ""
        self._timer = QTimer(self, singleShot=True, interval=8000)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, level: Level | str, text: str) -> None:
        level = Level(level)
        self.level = level
        self.label.setText(text)
        self.label.setAccessibleName(level.label())
        self.setStyleSheet(f"background: {level_background(level)}; border-radius: 4px;")
        self.show()
        if level is Level.INFO:
            self._timer.start()
        else:
            self._timer.stop()


class _FirstPaint(QObject):
    """Calls ``then`` once, on the event loop's next pass after the watched widget first painted."""

    def __init__(self, then) -> None:
        super().__init__()
        self._then = then

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            obj.removeEventFilter(self)
            QTimer.singleShot(0, then)
        return False


def without_mnemonic(text: str) -> str:
    """A menu text without its keyboard mnemonic: "&Open model…" → "Open model…", and the Chinese form
    "打开模型(&O)…" → "打开模型…" (the F1 list is read, not typed)."""
    return re.sub(r"\s*\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


class MainWindow(QMainWindow):
    def __init__(self, session: Session, parent: QWidget | None = None, *, explore_after_paint: bool = False) -> None:
        """``explore_after_paint``: build the "why" views (a third of the window's start-up
        time) only once the window has painted itself, so it appears sooner (the app does this)."""
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("bpviz — watch backpropagation"))
        self.language = "en"  # set by app.run_app after installing the translators
        # Hover values in the network view are the point of hovering: show them even when the
        # window is not the active one (Qt's default hides tooltips of inactive windows).
        self.setAttribute(Qt.WidgetAttribute.WA_AlwaysShowToolTips, True)
        self.setStyleSheet(window_stylesheet())

        self.train_panel = TrainPanel(session)
        self.step_panel = StepPanel(session)
        self.tabs = QTabWidget()
        # The bottom area holds the cost plot and the plots of the "why" views, one tab each.
        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.setDocumentMode(True)
        # Every tab and view action by id: how views are placed and how anyone drives them.
        self.views = ViewRegistry(session, self.tabs, self.bottom_tabs, self.add_action, self)
        self.views.ensure_steps = self.step_panel.ensure_sequence
        self.lenses = LensOwner(session, self.views, self)
        self.draw_panel = DrawPanel(session)
        self.draw_panel.hand_off.connect(self.show_step_tab)
        for tab in (Tab("train", Area.LEFT, self.train_panel, self.tr("Train"),
                        self.tr("Train the network with mini-batch SGD and watch it learn")),
                    Tab("step", Area.LEFT, self.step_panel, self.tr("Step"),
                        self.tr("Step through feedforward and backpropagation with the real numbers")),
                    Tab("draw", Area.LEFT, self.draw_panel, self.tr("Draw"),
                        self.tr("Draw a digit and watch the network answer"))):
            self.views.add_tab(tab)
        self.tabs.setMinimumWidth(330)
        self.tabs.setMaximumWidth(440)

        self.message_bar = MessageBar()
        self.network_view = NetworkView(session)
        self.cost_plot = CostPlot(session)
        centre_top = QWidget()
        v = QVBoxLayout(centre_top)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.message_bar)
        v.addWidget(self.network_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(centre_top)
        self.anatomy_panel = AnatomyPanel(session)
        self.code_panel = CodePanel(session)
        for tab in (Tab("cost", Area.BOTTOM, self.cost_plot, self.tr("Cost")),
                    Tab("minibatch", Area.BOTTOM, self.anatomy_panel, self.tr("Mini-batch"),
                        self.tr("One pinned weight followed through every sample of the Step tab's mini-batch, up "
                                "to the update"))):
            self.views.add_tab(tab)
        input_space.install(self)   # issue 19: the 2-D data's plane, a bottom tab (gui/input_space.py)
        splitter.addWidget(self.bottom_tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.sample_panel = SamplePanel(session)
        self.neuron_panel = NeuronPanel(session)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.sample_panel)
        rv.addWidget(self.neuron_panel, 1)
        self.right_width = 270          # the Sample and neuron column's width (210 in a narrow window)
        right.setFixedWidth(self.right_width)
        self.right_panel = right
        # The bottom tabs' widest panel must not set the window's minimum width (it scrolls or
        # squeezes instead): the window stays usable down to 1000 px wide.
        self.bottom_tabs.setMinimumWidth(320)

        central = QWidget()
        h = QHBoxLayout(central)
        h.setContentsMargins(6, 6, 6, 6)
        h.addWidget(self.tabs)
        h.addWidget(splitter, 1)
        h.addWidget(right)
        self.setCentralWidget(central)

        # status bar
        self.epoch_label = QLabel(self.tr("epoch –"))
        self.epoch_progress = QProgressBar(minimum=0, maximum=100, value=0)
        self.epoch_progress.setFixedWidth(180)
        self.epoch_progress.setFormat(self.tr("mini-batch %v / %m"))
        self.rate_label = QLabel("")
        self.accuracy_label = QLabel(self.tr("test accuracy –"))
        self.state_label = QLabel(self.tr("idle"))
        sb = self.statusBar()
        for w in (self.state_label, self.epoch_label, self.epoch_progress, self.rate_label):
            sb.addWidget(w)
        sb.addPermanentWidget(self.accuracy_label)

        self._make_actions()
        self.views.menu = self.explore_menu
        self.views.watch_close_of(self)
        self.views.place(CodeView(self.code_panel, self.views))
        self.explore_installed = False
        #: Ask before quitting discards unsaved training (set by the app; tests close freely).
        self.confirm_close = False
        if explore_after_paint:
            self._first_paint = _FirstPaint(self.install_explore)
            self.network_view.glw.viewport().installEventFilter(self._first_paint)
        else:
            self.install_explore()
        self.tabs.currentChanged.connect(self._on_tab)
        session.message.connect(self.message_bar.show_message)
        # the status bar follows the session's events: at once for a new state, setting, network or
        # epoch; at most 4× a second for the progress of a run (no timer while nothing changes)
        self._status_poller = Throttle(250, self._show_status, self)
        session.progress.connect(self._status_poller.request)
        session.parameters_changed.connect(self._status_poller.request)
        session.history_changed.connect(self._status_poller.request)   # changes by hand are recorded there
        session.state_changed.connect(lambda _state: self._status_poller.force())
        session.config_changed.connect(self._status_poller.force)
        session.world_changed.connect(self._status_poller.force)
        session.epoch_finished.connect(lambda _ev: self._status_poller.force())
        session.undo_changed.connect(self._on_undo_available)
        session.saved.connect(lambda _path: self._status_poller.force())
        self._status_poller.force()
        self._on_undo_available(session.can_undo)
        from bpviz.gui import appearance

        appearance.install(self)   # View → Theme, Colours, Projector

    # -- actions -------------------------------------------------------------------------------
    def add_action(self, menu, text: str, slot, shortcut: str | QKeySequence | None = None, tip: str = "") -> QAction:
        act = QAction(text, self)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(tip)
        act.triggered.connect(slot)
        menu.addAction(act)
        self.addAction(act)
        return act

    def _make_actions(self) -> None:
        m = self.menuBar()
        f = self.file_menu = m.addMenu(self.tr("&File"))
        self.open_action = self.add_action(f, self.tr("&Open model…"), self.open_model, QKeySequence.StandardKey.Open)
        shipped = f.addMenu(self.tr("Open a &shipped model"))
        for path in sorted((assets_dir() / "models").glob("*.npz")):
            self.add_action(shipped, path.stem, lambda _=False, p=str(path): self.open_model_from(p),
                         tip=self.tr("A model trained by bpviz train (see {name}.json)").format(name=path.stem))
        self.save_action = self.add_action(f, self.tr("&Save model…"), self.save_model, QKeySequence.StandardKey.Save)
        f.addSeparator()
        self.export_csv_action = self.add_action(f, self.tr("Export cost history as &CSV…"), self.export_csv)
        self.export_png_action = self.add_action(f, self.tr("Export network view as &PNG…"), self.export_png)
        from bpviz.gui import session_files

        session_files.install(self, f, self.export_csv_action)
        from bpviz.gui import export, record

        export.install(self, f, self.export_csv_action, extras=(record.fill_menu,))
        f.addSeparator()
        self.add_action(f, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        e = m.addMenu(self.tr("&Edit"))
        self.tip_undo = self.tr("Draw tab: remove the last stroke. Elsewhere: bring back the trained network that a "
                                "dataset switch, new sizes, Reset or Open replaced")
        self.undo_action = self.add_action(e, self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo, self.tip_undo)
        t = m.addMenu(self.tr("&Train"))
        tp = self.train_panel
        self.toggle_action = self.add_action(t, self.tr("Train / Pause / Resume (Step tab: play / pause)"), self._on_space,
                                          "Space")
        self.stop_action = self.add_action(t, self.tr("Stop"), lambda: self.session.stop(), "S")
        self.step_action = self.add_action(t, self.tr("One mini-batch"), tp.step_clicked, "B")
        self.reset_action = self.add_action(t, self.tr("Reset network"), tp.reset_clicked, "Ctrl+R")
        st = m.addMenu(self.tr("&Step"))
        sp = self.step_panel
        self.step_tab_action = self.add_action(st, self.tr("Step through backpropagation"), self.show_step_tab, "Ctrl+2")
        self.add_action(st, self.tr("Train panel"), lambda: self.tabs.setCurrentIndex(0), "Ctrl+1")
        self.draw_tab_action = self.add_action(st, self.tr("Draw a digit"), lambda: self.tabs.setCurrentWidget(self.draw_panel),
                                            "Ctrl+3")
        self.first_step_action = self.add_action(st, self.tr("First step"), lambda: self._in_step(sp.first), "Home")
        self.prev_step_action = self.add_action(st, self.tr("Previous step"), lambda: self._in_step(sp.previous), "Left")
        self.next_step_action = self.add_action(st, self.tr("Next step"), lambda: self._in_step(sp.next), "Right")
        self.update_step_action = self.add_action(st, self.tr("Jump to the update"), lambda: self._in_step(
            lambda: jump_to_update(self.session)), "End")
        self.prev_sample_action = self.add_action(st, self.tr("Previous sample of the mini-batch"), lambda: self._in_step(
            lambda: move_sample(self.session, -1)), "PgUp")
        self.next_sample_action = self.add_action(st, self.tr("Next sample of the mini-batch"), lambda: self._in_step(
            lambda: move_sample(self.session, +1)), "PgDown")
        v = m.addMenu(self.tr("&View"))
        self.view_menu = v
        self.add_action(v, self.tr("Fit network"), self.network_view.fit, "F")
        self.add_action(v, self.tr("Random test image"), self.sample_panel.random, "N")
        self._make_language_menu(v)
        self.explore_menu = m.addMenu(self.tr("E&xplore"))
        h = self.help_menu = m.addMenu(self.tr("&Help"))
        self.add_action(h, self.tr("Keyboard shortcuts"), self.show_shortcuts, "F1")
        esc = QAction(self.tr("Clear the canvas"), self)
        esc.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.draw_panel.clear_shortcut_help = esc  # listed in F1 (the canvas owns the Esc key)
        self.add_action(h, self.tr("About bpviz"), self.show_about)
        from bpviz.gui import lessons

        lessons.install(self)   # Help → Lessons, File → Open lesson…, the Lessons dock

    def _make_language_menu(self, view_menu) -> None:
        """View → Language: English / 中文, remembered in the settings, used from the next start."""
        from PySide6.QtGui import QActionGroup

        from bpviz.i18n import LANGUAGES

        menu = view_menu.addMenu(self.tr("Language (after a restart)"))
        group = QActionGroup(self)
        group.setExclusive(True)
        remembered = str(settings().value("view/language", "") or "")
        self.language_actions = {}
        system = QAction(self.tr("As the system"), self, checkable=True)
        system.setChecked(not remembered)
        system.triggered.connect(lambda: self.choose_language(""))
        for act in [system]:
            group.addAction(act)
            menu.addAction(act)
        self.language_actions[""] = system
        for code, name in LANGUAGES.items():
            act = QAction(name, self, checkable=True)  # each language's own name: not translated
            act.setChecked(remembered == code)
            act.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(act)
            menu.addAction(act)
            self.language_actions[code] = act
        self.language_menu = menu

    def choose_language(self, code: str) -> None:
        """Remember the language ('' = the system's); Qt's widgets are built translated, so the
        change shows at the next start (said in both languages: the reader may know only one)."""
        settings().setValue("view/language", code)
        text = self.tr("The language changes when bpviz starts again.")
        other = {"zh_CN": "下次启动 bpviz 时切换语言。", "en": "The language changes when bpviz starts again."}.get(code)
        if other and other != text:
            text += " / " + other
        self.message_bar.show_message("info", text)

    def check_cjk_font(self) -> bool:
        """With the Chinese interface, say once (in English too: without the font the Chinese
        is unreadable) when no installed font has the glyphs; False then."""
        if self.language != "zh_CN" or cjk_font_families():
            return True
        self.message_bar.show_message(
            "warning", "No Chinese (CJK) font is installed, so the Chinese interface cannot be shown: install "
                       "one, e.g. fonts-noto-cjk (Debian/Ubuntu: sudo apt install fonts-noto-cjk), or choose "
                       "View → Language → English.")
        return False

    def state_text(self, state: RunState) -> str:
        return RunState(state).label()

    def install_explore(self) -> None:
        """Add the "why" views (tabs, bottom tabs, Explore menu); once."""
        if not self.explore_installed:
            self.explore_installed = True
            ctx = ViewContext(self.session, self.views, self.lenses, self.cost_plot.acc_plot)
            for view in explore.VIEWS:
                self.views.place(view(ctx))
            wheel_only_when_focused(self)
            styler = getattr(self, "styler", None)
            if styler is not None:
                styler.reapply()   # the new views in the chosen theme and size

    def undo(self) -> None:
        """Ctrl+Z: the last stroke on the canvas in the Draw tab, else the last replaced network."""
        if self.tabs.currentWidget() is self.draw_panel and not self.draw_panel.canvas.empty:
            self.draw_panel.canvas.undo()
            return
        try:
            if not self.session.undo():
                self.message_bar.show_message("info", self.tr("Nothing to undo: no trained network was replaced."))
        except RuntimeError as e:
            self.message_bar.show_message("warning", str(e))

    def _on_undo_available(self, available: bool) -> None:
        worlds = self.session.worlds
        text = worlds.undo_text
        self.undo_action.setText(self.tr("&Undo") if not text else self.tr("&Undo: bring back {what}").format(what=text))
        kept = worlds.kept
        tip = self.tip_undo if not kept else self.tr("Undo keeps {n} replaced networks ({mb} MB), newest first:\n"
                                                     "{list}").format(n=len(kept), mb=f"{worlds.undo_bytes() / 1e6:.1f}",
                                                                      list="\n".join(kept))
        self.undo_action.setToolTip(tip)
        self.undo_action.setStatusTip(tip)

    def show_step_tab(self) -> None:
        self.tabs.setCurrentWidget(self.step_panel)

    def _in_step(self, action) -> None:
        if self.tabs.currentWidget() is self.step_panel and self.session.can_step:
            self.step_panel.ensure_sequence()
            action()

    def _on_space(self) -> None:
        if self.tabs.currentWidget() is self.step_panel:
            self.step_panel.toggle_play()
        else:
            self.train_panel.train_clicked()

    def _on_tab(self, _index: int) -> None:
        stepping = self.tabs.currentWidget() is self.step_panel
        drawing = self.tabs.currentWidget() is self.draw_panel
        s = self.session
        if drawing and s.is_untrained and s.state == IDLE and s.can_draw:
            # Drawing needs a trained network: use the shipped one rather than random weights
            # (nothing is lost: these weights were never trained).
            try:
                s.load_shipped_model()
            except ModelFileError:
                pass
            else:
                right = s.network.evaluate(s.data.test.x, s.data.test.labels)
                self.message_bar.show_message(
                    "info", self.tr("The canvas needs a trained network, so the shipped model {name} was "
                                    "loaded ({percent} % of the {n} test images right). Reset in the Train tab "
                                    "starts again from random weights.").format(
                        name=Path(s.model_path).stem, percent=f"{100 * right / len(s.data.test):.2f}",
                        n=f"{len(s.data.test):,}"))
        s.set_show_drawn(drawing)
        if stepping:
            self.step_panel.ensure_sequence()
        else:
            self.step_panel.stop_play()
        self.network_view.set_step_mode(stepping)

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(keys, what) for every action with a shortcut: the help is made from the actions."""
        out = []
        for act in self.actions() + [self.draw_panel.clear_shortcut_help]:
            keys = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                out.append((keys, without_mnemonic(act.text())))
        return out

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td style='padding:2px 12px 2px 0'><b>{k}</b></td><td>{t}</td></tr>"
                       for k, t in self.shortcut_list())
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Keyboard shortcuts"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<table>{rows}</table><p>"
                    + self.tr("Space works wherever the focus is: no field takes it. While a field has the "
                              "keyboard, every other key goes into it; Enter applies the field and hands the "
                              "keyboard back, and S, B, N and F work again.") + "</p>")
        box.open()
        self.shortcuts_box = box

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About bpviz"),
                          f"<b>bpviz {__version__}</b><p>"
                          + self.tr("Watch backpropagation work: the network of chapter 1–2 of Michael Nielsen's "
                                    "<i>Neural Networks and Deep Learning</i>, trained by mini-batch SGD on MNIST.")
                          + "</p><p>MNIST: Y. LeCun, C. Cortes, C. J. C. Burges (CC BY-SA 3.0).</p>")

    # -- file actions (dialogs here; the work is in the *_to/*_from methods, used by tests) ----
    def user_folder(self) -> str:
        """Where file dialogs start: the folder used last, else the home folder — never inside
        the installed package (its shipped models are opened from the File menu)."""
        last = settings().value("files/last_dir", "")
        folder = Path(str(last)) if last else Path.home()
        try:
            inside = folder.resolve().is_relative_to(assets_dir().resolve())
        except OSError:
            inside = True
        if inside or not folder.is_dir():
            folder = Path.home()
        return str(folder)

    def _remember_folder(self, path: str) -> None:
        settings().setValue("files/last_dir", str(Path(path).parent))

    def open_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"), self.user_folder(),
                                              self.tr("bpviz models (*.npz)"))
        if path:
            self._remember_folder(path)
            self.open_model_from(path)

    def open_model_from(self, path: str) -> bool:
        try:
            self.session.load_model(path)
        except ModelFileError:
            return False  # the session already showed the message
        return True

    def _ask_save_path(self, title: str, name: str, file_filter: str, then) -> None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path(self.user_folder()) / name), file_filter)
        if path:
            self._remember_folder(path)
            then(path)

    def save_model(self) -> None:
        s = self.session
        name = f"bpviz-{'-'.join(map(str, s.network.sizes))}.npz"
        self._ask_save_path(self.tr("Save model"), name, self.tr("bpviz models (*.npz)"), self.save_model_to)

    def _write(self, path: str, write, done: str | None = None) -> bool:
        """Run ``write(path)``; an OSError becomes a message, success an optional one."""
        try:
            write(path)
        except OSError as e:
            self.message_bar.show_message("error", self.tr("Could not write {path}: {reason}").format(
                path=path, reason=e.strerror or e))
            return False
        if done:
            self.message_bar.show_message("info", done)
        return True

    def save_model_to(self, path: str) -> bool:
        return self._write(path, self.session.save_model)  # the session reports success itself

    def export_csv(self) -> None:
        self._ask_save_path(self.tr("Export cost history"), "cost-history.csv", "CSV (*.csv)", self.export_csv_to)

    def export_csv_to(self, path: str) -> bool:
        return self._write(path, self.session.history.write_csv,
                           self.tr("Wrote the cost history to {path}.").format(path=path))

    def export_png(self) -> None:
        self._ask_save_path(self.tr("Export network view"), "network.png", "PNG (*.png)", self.export_png_to)

    def export_png_to(self, path: str) -> bool:
        if not self.network_view.grab_png(path):
            self.message_bar.show_message("error", self.tr("Could not write {path}.").format(path=path))
            return False
        self.message_bar.show_message("info", self.tr("Saved the network view to {name}.").format(name=Path(path).name))
        return True

    # -- status ----------------------------------------------------------------------------
    def _show_status(self) -> None:
        """Every figure from the session's one source of truth: the world's counters, the
        config, and the run's last report (rate, position in the epoch)."""
        s = self.session
        self.state_label.setText(self.state_text(s.state))
        done, n = s.world.epoch_position
        if not n:
            n = -(-len(s.data.train) // s.config.batch_size)
        self.epoch_progress.setMaximum(n)
        self.epoch_progress.setValue(done)
        p = s.last_progress
        target = f" / {s.epochs_target}" if s.state != IDLE and s.epochs_target else ""
        self.epoch_label.setText(self.tr("epochs done {done}").format(done=s.epochs_done) + target)
        self.epoch_label.setToolTip(self.tr("{n} mini-batches applied to this network in all").format(
            n=f"{s.batches_done:,}"))
        rate = self.tr("{rate} samples/s").format(rate=f"{p.samples_per_s:,.0f}") + " · " if s.state == RUNNING and p is not None and p.samples_per_s \
            else ""
        self.rate_label.setText(f"{rate}η = {s.config.eta:g}")
        self._show_title()
        # the last epoch that was measured (Stop may cut an epoch's evaluation short)
        ev = next((e for e in reversed(s.history.epochs) if e.test_total), None)
        n_test = len(s.data.test)
        w = s.world
        if w.hand_correct is not None:
            c = w.hand_correct
            self.accuracy_label.setText(
                self.tr("test accuracy {percent}% ({right} / {total}) after the last {what}").format(
                    percent=f"{100 * c / n_test:.2f}", right=c, total=n_test, what=w.hand_what))
        elif ev is None and w.loaded_correct is not None and not w.trained:
            c = w.loaded_correct
            text = self.tr("test accuracy {percent}% ({right} / {total}) as opened from {name}").format(
                percent=f"{100 * c / n_test:.2f}", right=c, total=n_test, name=Path(w.opened_path or "").name)
            if w.saved and w.model_path != w.opened_path:
                text += " · " + self.tr("saved to {name}").format(name=Path(w.model_path).name)
            self.accuracy_label.setText(text)
        elif ev is None or ev.test_accuracy is None:
            self.accuracy_label.setText(self.tr("test accuracy –"))
        else:
            val = "" if ev.validation_accuracy is None else " · " + self.tr("validation {percent}%").format(
                percent=f"{100 * ev.validation_accuracy:.2f}")
            self.accuracy_label.setText(
                self.tr("test accuracy {percent}% ({right} / {total}){validation} after epoch {epoch}").format(
                    percent=f"{100 * ev.test_accuracy:.2f}", right=ev.test_correct, total=ev.test_total,
                    validation=val, epoch=ev.epoch + 1))

    def _show_title(self) -> None:
        """The file the network was opened from or saved to, and [*] while it has unsaved changes."""
        w = self.session.world
        if w.model_path:
            self.setWindowTitle(self.tr("bpviz — {name}[*]").format(name=Path(w.model_path).name))
        else:
            self.setWindowTitle(self.tr("bpviz — watch backpropagation") + "[*]")
        self.setWindowModified(w.unsaved)

    NARROW = 1200   # below this width the side columns give the network view room

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        narrow = self.width() < self.NARROW
        if narrow != getattr(self, "_narrow", None):
            self._narrow = narrow
            # narrow: still wide enough for all six tab names (tests/gui/test_window_sizes.py)
            self.tabs.setMinimumWidth(320 if narrow else 330)
            self.tabs.setMaximumWidth(330 if narrow else 440)
            self.right_width = 210 if narrow else 270
            self.right_panel.setFixedWidth(self.right_width)
        if hasattr(self, "lessons"):
            self.lessons.arrange()      # with the Lessons dock open, the column may move into it

    def _may_close(self) -> bool:
        """Ask before a network with unsaved training is discarded by quitting: Save, Quit
        without saving, or Cancel. Only the app asks (``confirm_close``); tests and scripts close.
        Training pauses while the question is open (its counts are the ones asked about and the
        status bar's); Cancel resumes it and leaves every background job running."""
        s = self.session
        if not (self.confirm_close and s.world.unsaved):
            return True
        paused = s.pause_and_settle()
        self._status_poller.force()
        answer = self._ask_quit()
        if answer is QMessageBox.StandardButton.Discard:
            return True
        if answer is QMessageBox.StandardButton.Save:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save model"),
                str(Path(self.user_folder()) / f"bpviz-{'-'.join(map(str, s.network.sizes))}.npz"),
                self.tr("bpviz models (*.npz)"))
            if path:
                self._remember_folder(path)
                if self.save_model_to(path):
                    return True
        if paused:
            s.resume()
        return False

    def _ask_quit(self) -> QMessageBox.StandardButton:
        s = self.session
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Quit bpviz"),
                          self.tr("The {what} is not saved. Quitting discards it.").format(what=s.world.describe()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr("Save it to open it again later (File → Open), or quit without saving."))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if not self._may_close():
            event.ignore()
            return
        # The one shutdown path, reached only once quitting is confirmed: every background job
        # is cancelled and waited for (no "QThread: Destroyed while thread is still running").
        self.session.shutdown()
        try:
            s = settings()
            save_config(self.session.config, s)
            s.setValue("window/geometry", self.saveGeometry())
            s.setValue("view/edges", self.network_view.edge_combo.currentIndex())
            s.sync()
        except Exception:  # settings are a convenience; never block closing
            pass
        super().closeEvent(event)

    def restore_geometry(self) -> bool:
        """Window size and place and the edge display of the last session; False if none."""
        s = settings()
        try:
            edges = int(s.value("view/edges", -1))
            if 0 <= edges < self.network_view.edge_combo.count():
                self.network_view.edge_combo.setCurrentIndex(edges)
            geometry = s.value("window/geometry")
            return bool(geometry) and self.restoreGeometry(geometry)
        except (TypeError, ValueError):
            return False
