"""Export for slides: any view to PNG at 1×–4× or SVG, to the clipboard; the step's equation as
LaTeX or plain text; the tables as CSV.

PNG: the widget is rendered into a QImage of ``scale`` × its size whose device pixel ratio is
``scale``, so text, nodes and lines are drawn at that resolution (not a bitmap blown up). Items
that cache their drawing as a pixmap (the network view's edges) are drawn uncached meanwhile,
or the cache would be scaled up instead. SVG: the same rendering on a QSvgGenerator: edges,
curves and text stay vectors (images such as the 28×28 weight tiles are embedded).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QRegion
from PySide6.QtWidgets import QFileDialog, QGraphicsItem, QGraphicsView, QMenu, QWidget

from bpviz.i18n import translate
from bpviz.scene.equation_text import step_equation
from bpviz.scene.tables import Table, anatomy_table, confusion_table, gradcheck_table, write_csv

SCALES = (1, 2, 3, 4)
_FLAGS = QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren


@contextmanager
def uncached(widget: QWidget) -> Iterator[None]:
    """Every graphics item inside ``widget`` drawn without its pixmap cache while the block runs."""
    saved = []
    for view in widget.findChildren(QGraphicsView) + ([widget] if isinstance(widget, QGraphicsView) else []):
        scene = view.scene()
        if scene is None:
            continue
        for item in scene.items():
            mode = item.cacheMode()
            if mode != QGraphicsItem.CacheMode.NoCache:
                saved.append((item, mode))
                item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        yield
    finally:
        for item, mode in saved:
            item.setCacheMode(mode)


def _background(widget: QWidget) -> QColor:
    return widget.palette().color(widget.backgroundRole())


def render_image(widget: QWidget, scale: float = 1.0) -> QImage:
    """``widget`` drawn at ``scale`` × its size in pixels (device pixel ratio ``scale``)."""
    if not 0.5 <= scale <= 8:
        raise ValueError(f"scale must lie in 0.5…8 (got {scale})")
    size = widget.size()
    img = QImage(QSize(round(size.width() * scale), round(size.height() * scale)),
                 QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(scale)
    img.fill(_background(widget))
    with uncached(widget):
        painter = QPainter(img)
        try:
            QWidget.render(widget, painter, QPoint(), QRegion(), _FLAGS)
        finally:
            painter.end()
    return img


def save_png(widget: QWidget, path: str | Path, scale: float = 1.0) -> tuple[int, int]:
    """Write ``widget`` at ``scale`` to a PNG; returns its size in pixels. OSError if it cannot."""
    img = render_image(widget, scale)
    if not img.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return img.width(), img.height()


def save_svg(widget: QWidget, path: str | Path, title: str = "bpviz") -> None:
    """Write ``widget`` as SVG (vectors; pixmaps embedded). OSError if it cannot."""
    from PySide6.QtSvg import QSvgGenerator

    gen = QSvgGenerator()
    gen.setFileName(str(path))
    gen.setSize(widget.size())
    gen.setViewBox(QRect(QPoint(0, 0), widget.size()))
    gen.setTitle(title)
    gen.setDescription(translate("Export", "Exported from bpviz"))
    with uncached(widget):
        painter = QPainter()
        if not painter.begin(gen):
            raise OSError(f"could not write {path}")
        try:
            painter.fillRect(QRect(QPoint(0, 0), widget.size()), _background(widget))
            QWidget.render(widget, painter, QPoint(), QRegion(), _FLAGS)
        finally:
            painter.end()
    if not Path(path).is_file():
        raise OSError(f"could not write {path}")


def copy_image(widget: QWidget, scale: float = 2.0) -> QImage:
    img = render_image(widget, scale)
    QGuiApplication.clipboard().setImage(img)
    return img


# -- what can be exported ---------------------------------------------------------------------------
def views(window) -> list[tuple[str, str, QWidget]]:
    """(id, title, widget) of every view that can be exported now."""
    tab, bottom = window.tabs.currentWidget(), window.bottom_tabs.currentWidget()
    out = [("network", translate("Export", "Network view"), window.network_view),
           ("cost", translate("Export", "Cost plot"), window.cost_plot),
           ("equations", translate("Export", "Step-through: equations"), window.step_panel.equations.parentWidget()),
           ("side", translate("Export", "Side panel: {name}").format(
               name=window.tabs.tabText(window.tabs.currentIndex()).replace("&", "")), tab),
           ("bottom", translate("Export", "Bottom panel: {name}").format(
               name=window.bottom_tabs.tabText(window.bottom_tabs.currentIndex()).replace("&", "")), bottom),
           ("window", translate("Export", "Whole window"), window)]
    return [(i, t, w) for i, t, w in out if w is not None]


def tables(window) -> list[tuple[str, str, Callable[[], Table] | None]]:
    """(id, title, maker or None when there is nothing to export yet) for the app's tables."""
    s = window.session
    confusion = grad = anatomy = None
    for w in window.findChildren(QWidget):
        result = getattr(w, "result", None)
        if confusion is None and result is not None and getattr(result, "matrix", None) is not None:
            confusion = partial(confusion_table, result.matrix, s.data.class_names)
        rows = getattr(w, "check_rows", None)
        if grad is None and rows:
            grad = partial(gradcheck_table, rows)
    model = getattr(getattr(window, "anatomy_panel", None), "model", None)
    if model is not None and getattr(model, "anatomy", None) is not None:
        anatomy = partial(anatomy_table, model.anatomy)
    return [("confusion", translate("Export", "Confusion matrix"), confusion),
            ("gradcheck", translate("Export", "Gradient check"), grad),
            ("anatomy", translate("Export", "Mini-batch anatomy"), anatomy)]


def current_equation(window) -> tuple[str, str] | None:
    """(plain text, LaTeX) of the step shown in the Step tab, for the neuron its numbers show."""
    s = window.session
    seq, step = s.steps, s.current_step
    if seq is None or step is None:
        return None
    j, k, _ = window.step_panel.selected()
    return step_equation(seq, step, j, k)


# -- menus ------------------------------------------------------------------------------------------
def _ask(window, title: str, name: str, filt: str) -> str | None:
    from bpviz.gui.settings import settings

    path, _ = QFileDialog.getSaveFileName(window, title, str(Path(window.user_folder()) / name), filt)
    if path:
        settings().setValue("files/last_dir", str(Path(path).parent))
    return path or None


def export_png_to(window, widget: QWidget, path: str, scale: float) -> bool:
    try:
        w, h = save_png(widget, path, scale)
    except OSError as e:
        window.session.report("error", translate("Export", "Could not write {path}: {reason}").format(path=path, reason=e))
        return False
    window.session.report("info", translate("Export", "Saved {name} ({w} × {h} pixels).").format(
        name=Path(path).name, w=w, h=h))
    return True


def export_svg_to(window, widget: QWidget, path: str) -> bool:
    try:
        save_svg(widget, path)
    except OSError as e:
        window.session.report("error", translate("Export", "Could not write {path}: {reason}").format(path=path, reason=e))
        return False
    window.session.report("info", translate("Export", "Saved {name} (SVG).").format(name=Path(path).name))
    return True


def fill_view_menu(window, menu: QMenu, key: str, widget: QWidget) -> None:
    """PNG at 1×–4×, SVG and Copy for one view."""
    for scale in SCALES:
        size = widget.size() * scale
        menu.addAction(translate("Export", "PNG at {scale}× ({w} × {h})…").format(scale=scale, w=size.width(),
                                                                                 h=size.height()),
                       lambda _=False, s=scale: _png(window, key, widget, s))
    menu.addAction(translate("Export", "SVG (vector)…"), lambda: _svg(window, key, widget))
    menu.addAction(translate("Export", "Copy image (2×)"), lambda: _copy(window, widget))


def _png(window, key, widget, scale) -> None:
    path = _ask(window, translate("Export", "Export as PNG"), f"bpviz-{key}@{scale}x.png", "PNG (*.png)")
    if path:
        export_png_to(window, widget, path, scale)


def _svg(window, key, widget) -> None:
    path = _ask(window, translate("Export", "Export as SVG"), f"bpviz-{key}.svg", "SVG (*.svg)")
    if path:
        export_svg_to(window, widget, path)


def _copy(window, widget) -> None:
    img = copy_image(widget, 2.0)
    window.session.report("info", translate("Export", "Copied the picture ({w} × {h} pixels).").format(
        w=img.width(), h=img.height()))


def copy_equation(window, latex: bool) -> bool:
    eq = current_equation(window)
    if eq is None:
        window.session.report("warning", translate("Export", "Open the Step tab first: there is no step to copy."))
        return False
    QGuiApplication.clipboard().setText(eq[1] if latex else eq[0])
    window.session.report("info", translate("Export", "Copied the equation as LaTeX.") if latex
                          else translate("Export", "Copied the equation as text."))
    return True


def export_table_to(window, make: Callable[[], Table], path: str) -> bool:
    try:
        write_csv(path, make())
    except OSError as e:
        window.session.report("error", translate("Export", "Could not write {path}: {reason}").format(
            path=path, reason=e.strerror or e))
        return False
    window.session.report("info", translate("Export", "Saved {name}.").format(name=Path(path).name))
    return True


def fill_export_menu(window, menu: QMenu, extras: tuple[Callable, ...] = ()) -> None:
    """File → Export: every view, the equation, the tables; then ``extras(window, menu)`` (recordings)."""
    menu.clear()
    for key, title, widget in views(window):
        fill_view_menu(window, menu.addMenu(title), key, widget)
    menu.addSeparator()
    eq = current_equation(window) is not None
    a = menu.addAction(translate("Export", "Copy the step's equation as LaTeX"), lambda: copy_equation(window, True))
    a.setEnabled(eq)
    a = menu.addAction(translate("Export", "Copy the step's equation as text"), lambda: copy_equation(window, False))
    a.setEnabled(eq)
    menu.addSeparator()
    for key, title, make in tables(window):
        a = menu.addAction(translate("Export", "{table} as CSV…").format(table=title),
                           lambda _=False, k=key, m=make: _table(window, k, m))
        a.setEnabled(make is not None)
    for extra in extras:
        menu.addSeparator()
        extra(window, menu)


def _table(window, key: str, make) -> None:
    path = _ask(window, translate("Export", "Export table as CSV"), f"bpviz-{key}.csv", "CSV (*.csv)")
    if path:
        export_table_to(window, make, path)


def _context_menu(window, widget_of, key_of) -> Callable:
    def show(pos, source=None):
        widget = widget_of(pos)
        if widget is None:
            return
        menu = QMenu(window)
        menu.addSection(translate("Export", "Export this view"))
        fill_view_menu(window, menu, key_of(pos), widget)
        menu.exec((source or widget).mapToGlobal(pos))
    return show


def install(window, file_menu: QMenu, before, extras: tuple[Callable, ...] = ()) -> QMenu:
    """File → Export submenu (with ``extras``' entries), and a right-click Export menu on the
    network view, the equations and every tab of the side and bottom panels."""
    menu = QMenu(translate("Export", "E&xport"), window)
    file_menu.insertMenu(before, menu)
    menu.aboutToShow.connect(lambda: fill_export_menu(window, menu, extras))
    window.export_menu = menu
    for key, widget in (("network", window.network_view), ("equations", window.step_panel.equations.parentWidget())):
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        widget.customContextMenuRequested.connect(
            lambda pos, w=widget, k=key: _context_menu(window, lambda _p: w, lambda _p: k)(pos))
    for key, tabs in (("side", window.tabs), ("bottom", window.bottom_tabs)):
        bar = tabs.tabBar()
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        def at(pos, tabs=tabs, bar=bar):
            i = bar.tabAt(pos)
            if i < 0:
                return None
            tabs.setCurrentIndex(i)   # a tab never shown has no size of its own yet: show the one exported
            return tabs.widget(i)

        bar.customContextMenuRequested.connect(
            lambda pos, at=at, bar=bar, tabs=tabs, key=key: _context_menu(
                window, at, lambda p: f"{key}-{bar.tabText(bar.tabAt(p)).replace('&', '').replace(' ', '-').lower()}")(
                pos, bar))
    return menu
