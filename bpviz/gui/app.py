"""Starting the app, and rendering it offscreen to a PNG (``bpviz screenshot``)."""

from __future__ import annotations

import os
import sys
from dataclasses import replace

#: Strokes (canvas coordinates) of hand-drawn digits for screenshots and demos.
DEMO_STROKES = {
    "7": [[(70, 62), (120, 58), (170, 56), (205, 60), (180, 110), (150, 160), (128, 215), (118, 236)],
          [(112, 146), (150, 144), (182, 142)]],
    "3": [[(80, 70), (120, 50), (170, 55), (190, 90), (160, 125), (120, 135), (165, 145), (195, 180),
           (180, 220), (130, 235), (85, 215)]],
    "2": [[(80, 90), (110, 55), (160, 50), (190, 85), (175, 130), (120, 185), (80, 228), (140, 226), (205, 224)]],
}

#: The translators install_language put on the application (removed on the next call).
_TRANSLATORS: list = []

_QUIET = ("This plugin does not support propagateSizeHints", "This plugin does not support raise")


def _qt_message_handler(mode, context, message: str) -> None:
    if not message.startswith(_QUIET):
        sys.stderr.write(message + "\n")


def qt_app():
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(_qt_message_handler)
    app = QApplication.instance()
    if app is None:
        from PySide6.QtGui import QIcon

        from bpviz.data import assets_dir

        app = QApplication(sys.argv[:1])
        app.setApplicationName("bpviz")
        app.setOrganizationName("bpviz")
        icon = assets_dir() / "bpviz.svg"
        if icon.is_file():
            app.setWindowIcon(QIcon(str(icon)))
    return app


def install_language(app, lang: str) -> bool:
    """Install the translators for ``lang`` ('en' removes them): bpviz's own .qm, Qt's
    qtbase (standard buttons and file dialogs), and the hook of :mod:`bpviz.i18n` for the
    Qt-free texts. True if bpviz's .qm loaded (always True for English)."""
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    from bpviz import i18n

    for old in _TRANSLATORS:
        app.removeTranslator(old)
    _TRANSLATORS.clear()
    i18n.set_hook(None)
    i18n.set_language("en")
    if lang == "en":
        return True
    ours = QTranslator(app)
    if not ours.load(str(i18n.qm_path(lang))):
        return False
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _TRANSLATORS.append(qt_own)
    app.installTranslator(ours)
    _TRANSLATORS.append(ours)
    i18n.set_hook(QCoreApplication.translate)
    i18n.set_language(lang)
    return True


def chosen_language(cli: str | None = None) -> str:
    """--lang, else the choice remembered from View → Language, else the system locale."""
    from PySide6.QtCore import QLocale

    from bpviz import i18n
    from bpviz.gui.session import settings

    remembered = settings().value("view/language", "")
    return i18n.choose_language(cli, str(remembered or ""), i18n.system_language(QLocale.system().name()))


def make_window(config=None, model: str | None = None):
    """Session + main window on the remembered (or given) settings; falls back to defaults."""
    import pyqtgraph as pg

    from bpviz.data import DatasetError
    from bpviz.gui.main_window import MainWindow
    from bpviz.gui.session import Session, TrainConfig, config_from_settings

    pg.setConfigOptions(antialias=False, imageAxisOrder="row-major")
    note = None
    cfg = config or config_from_settings()
    try:
        session = Session(cfg)
    except (DatasetError, ValueError) as e:
        from bpviz.i18n import translate

        note = translate("App", "The remembered settings could not be used ({error}); starting with the "
                                "defaults.").format(error=e)
        session = Session(TrainConfig())
    window = MainWindow(session, explore_after_paint=True)
    if model:
        window.open_model_from(model)
    if note:
        session.report("warning", note)
    return window


def _no_display() -> bool:
    """On Linux/BSD, Qt aborts (exit 134) when there is no display and no platform is chosen."""
    if sys.platform.startswith(("win", "darwin")) or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_app(args) -> int:
    if _no_display():
        from bpviz.cliutil import CLIError

        raise CLIError("no display found (DISPLAY is not set): run bpviz in a desktop session; "
                       "'bpviz train' works headless and 'bpviz screenshot OUT.png' renders the window offscreen")
    app = qt_app()
    lang = chosen_language(getattr(args, "lang", None))
    if not install_language(app, lang):
        sys.stderr.write(f"bpviz: the {lang} translation could not be loaded; the interface stays English\n")
        lang = "en"
    window = make_window(model=getattr(args, "model", None))
    window.confirm_close = True   # the interactive app asks before discarding unsaved training
    window.language = lang
    lesson = getattr(args, "lesson", None)
    if lesson is not None:
        window.lessons.open_lesson(lesson)   # bpviz lesson FILE|ID
    else:
        window.lessons.offer_once()          # "Start here", once
    window.check_cjk_font()                  # after the lesson's message: a missing font is the warning that stays
    if not window.restore_geometry():
        window.resize(1500, 920)
    window.show()
    app.aboutToQuit.connect(window.session.shutdown)
    return app.exec()


def screenshot_main(args) -> int:
    """Render the main window offscreen to args.out after optionally training headless."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bpviz.cliutil import CLIError
    from bpviz.core import parse_sizes
    from bpviz.gui.session import TrainConfig

    try:
        w, h = (int(v) for v in args.size.lower().split("x"))
        sizes = parse_sizes(args.sizes) if args.sizes else TrainConfig().sizes
    except ValueError:
        raise CLIError(f"--size must look like 1400x900 (got {args.size!r})") from None
    app = qt_app()
    install_language(app, chosen_language(getattr(args, "lang", None)) if getattr(args, "lang", None) else "en")
    window = make_window(config=replace(TrainConfig(), sizes=sizes, dataset=args.data))
    s = window.session
    if args.train_epochs > 0:
        s.run_headless(args.train_epochs)  # the same core, in this thread: a screenshot is not interactive
    if args.select:
        l, j = (int(v) for v in args.select.split(","))
        s.select((l, j))
    if args.draw:
        window.tabs.setCurrentWidget(window.draw_panel)
        for stroke in DEMO_STROKES[args.draw]:
            window.draw_panel.canvas.add_stroke(stroke)
    if args.step is not None:
        window.tabs.setCurrentWidget(window.step_panel)
        if args.batch:
            window.step_panel.batch.setChecked(True)
        s.set_step(args.step)
    window.resize(w, h)
    window.show()
    from bpviz.gui.eventloop import run_event_loop

    run_event_loop(0.6)  # let every view's redraw timer fire once
    window.network_view.refresh(force=True)
    window.cost_plot.refresh(force=True)
    run_event_loop(0.5)  # let the step's short highlight animation finish
    ok = window.grab().save(args.out)
    window.close()
    if not ok:
        raise CLIError(f"could not write {args.out}")
    print(f"wrote {args.out} ({w}×{h})")
    return 0
