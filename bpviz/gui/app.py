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
    from bpviz.gui.settings import settings

    remembered = settings().value("view/language", "")
    return i18n.choose_language(cli, str(remembered or ""), i18n.system_language(QLocale.system().name()))


def make_window(config=None, model: str | None = None):
    """Session + main window on the remembered (or given) settings; falls back to defaults."""
    import pyqtgraph as pg

    from bpviz.data import DatasetError
    from bpviz.gui.main_window import MainWindow
    from bpviz.gui.session import Session, TrainConfig
    from bpviz.gui.settings import config_from_settings

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
    from bpviz.gui.appearance import remembered

    window.apply_view_options(remembered())      # View → Theme, Colours, Projector of the last session
    apply_view_args(window, args)                # --theme, --palette, --projector win
    window.show()
    if getattr(args, "command", None) == "open":
        from bpviz.gui.session_files import open_path

        open_path(window, args.file)
    app.aboutToQuit.connect(window.session.shutdown)
    return app.exec()


def _window_and_sizes(args) -> tuple[int, int, tuple[int, ...]]:
    """``--size WxH`` and ``--sizes`` of bpviz screenshot / record (CLIError when malformed)."""
    from bpviz.cliutil import CLIError
    from bpviz.core import parse_sizes
    from bpviz.gui.session import TrainConfig

    try:
        w, h = (int(v) for v in args.size.lower().split("x"))
        sizes = parse_sizes(args.sizes) if args.sizes else TrainConfig().sizes
    except ValueError:
        raise CLIError(f"--size must look like 1400x900 (got {args.size!r})") from None
    return w, h, tuple(sizes)


def screenshot_main(args) -> int:
    """Render the main window offscreen to args.out after optionally training headless."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bpviz.cliutil import CLIError
    from bpviz.gui.session import TrainConfig

    w, h, sizes = _window_and_sizes(args)
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
    apply_view_args(window, args)
    window.show()
    from bpviz.gui.eventloop import run_event_loop

    run_event_loop(0.6)  # let every view's redraw timer fire once
    window.network_view.refresh(force=True)
    window.cost_plot.refresh(force=True)
    run_event_loop(0.5)  # let the step's short highlight animation finish
    from bpviz.gui.export import save_png

    try:
        pw, ph = save_png(window, args.out, _scale(args.scale))
    except OSError:
        raise CLIError(f"could not write {args.out}") from None
    finally:
        window.close()
    print(f"wrote {args.out} ({pw}×{ph})")
    return 0


def _scale(v: float) -> float:
    from bpviz.cliutil import CLIError

    if not 1 <= v <= 4:
        raise CLIError(f"--scale must lie in 1…4 (got {v:g})")
    return v


def apply_view_args(window, args) -> None:
    """--theme, --palette and --projector on a window (CLIError when this build cannot)."""
    from bpviz.cliutil import CLIError

    options = {k: getattr(args, k, None) for k in ("theme", "palette", "projector")}
    options = {k: v for k, v in options.items() if v}
    if not options:
        return
    apply = getattr(window, "apply_view_options", None)
    if apply is None:
        raise CLIError("--theme, --palette and --projector need the theme module, which this build does not have")
    try:
        apply(options)
    except ValueError as e:
        raise CLIError(str(e)) from None


def record_main(args) -> int:
    """bpviz record step|train: the window offscreen, the same recorder as File → Export."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bpviz.cliutil import CLIError
    from bpviz.gui.eventloop import run_event_loop
    from bpviz.gui.session import TrainConfig
    from bpviz.scene.animation import RecordingError

    w, h, sizes = _window_and_sizes(args)
    scale = _scale(args.scale)
    app = qt_app()
    install_language(app, chosen_language(getattr(args, "lang", None)) if getattr(args, "lang", None) else "en")
    config = replace(TrainConfig(), sizes=sizes, dataset=args.data, delay_ms=0)
    if args.record_command == "train":
        config = replace(config, epochs=args.epochs, eta=args.eta)
    window = make_window(config=config)
    s = window.session
    window.resize(w, h)
    apply_view_args(window, args)
    window.show()
    run_event_loop(0.6)
    from bpviz.gui.record import Recorder

    widget = window.network_view if args.view == "network" else window
    try:
        rec = Recorder(window, args.out, widget=widget, scale=scale)
    except RecordingError as e:
        window.close()
        raise CLIError(str(e)) from None
    result: dict = {}
    rec.finished.connect(lambda p: result.setdefault("path", p))
    rec.failed.connect(lambda m: result.setdefault("error", m))

    def show(done: int, total: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\rframe {done} / {total}   ")
            sys.stderr.flush()

    rec.progress.connect(show)
    if args.record_command == "step":
        if not 0 <= args.sample < len(s.data.test):
            window.close()
            rec.writer.cancel()
            raise CLIError(f"--sample must lie in 0…{len(s.data.test) - 1}")
        s.set_sample(args.sample)
        window.tabs.setCurrentWidget(window.step_panel)
        if args.batch:
            window.step_panel.batch.setChecked(True)
        s.build_steps(batch=args.batch)
        rec.record_steps()
    else:
        rec.record_training(args.every)
    while "path" not in result and "error" not in result:
        run_event_loop(0.1)
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    s.shutdown()
    window.close()
    if "error" in result:
        print(f"bpviz: {result['error']}", file=sys.stderr)
        return 1
    fw, fh = rec.writer.size
    print(f"wrote {result['path']} ({rec.writer.frames_written} frames, {fw}×{fh})")
    return 0
