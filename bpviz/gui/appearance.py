"""View → Theme, View → Projector, View → Colours: the light theme, the projector mode and the
colour-blind palette applied to a window.

The colours and factors are Qt-free data (:mod:`bpviz.scene.themes`, :mod:`bpviz.scene.palettes`).
Until every view takes its colours from one theme module, the window is restyled from the
outside: style sheets and rich texts have each colour of the dark interface replaced by its
light counterpart and each font size scaled; pyqtgraph items (axes, curves, markers, texts,
backgrounds, colour maps) are restyled the same way. The originals are remembered, so every
change can be undone exactly, and the pass runs again after each change of world (new items).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from bpviz.scene.palettes import DEFAULT_PALETTE, get_palette
from bpviz.scene.themes import NORMAL, PROJECTOR, PROJECTOR_TEXT, get_theme, light_colour

HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
FONT_SIZE = re.compile(r"font-size:\s*([0-9.]+)(pt|px)")


@dataclass(frozen=True)
class Appearance:
    theme: str = "dark"
    palette: str = DEFAULT_PALETTE
    projector: bool = False

    def check(self) -> Appearance:
        get_theme(self.theme)
        get_palette(self.palette)
        return self

    @property
    def scale(self):
        return PROJECTOR if self.projector else NORMAL


#: What new views are drawn with (the network view reads the palette from here).
current = Appearance()


def diverging_cmap(palette: str | None = None) -> pg.ColorMap:
    """The colour map of signed values for ``palette`` (default: the current one)."""
    p = get_palette(palette or current.palette)
    if p.cmap_name:
        return pg.colormap.get(p.cmap_name)
    return pg.ColorMap(p.positions, (p.colours * 255).round().astype(np.uint8))


def map_colours(text: str, light: bool, projector: bool = False) -> str:
    """Colours of the dark interface in ``text`` as the theme shows them; in projector mode muted text
    is drawn as main text first (stronger contrast)."""
    if not (light or projector):
        return text

    def one(m: re.Match) -> str:
        c = m.group(0).lower()
        if projector:
            c = PROJECTOR_TEXT.get(c, c)
        return light_colour(c) if light else c

    return HEX.sub(one, text)


def scale_fonts(text: str, factor: float) -> str:
    if factor == 1:
        return text
    return FONT_SIZE.sub(lambda m: f"font-size:{float(m.group(1)) * factor:.3g}{m.group(2)}", text)


def _colour(c, light: bool) -> QColor:
    """``c`` in the light theme: its mapped colour, and a light grey not in the map (pyqtgraph's own
    default axis grey, say) as the theme's muted text colour."""
    q = QColor(c)
    if light and q.isValid():
        name = light_colour(q.name())
        if name == q.name() and q.hsvSaturationF() < 0.15 and q.valueF() > 0.45:
            name = get_theme("light").muted
        mapped = QColor(name)
        mapped.setAlpha(q.alpha())
        return mapped
    return q


def colour(hex_colour: str) -> str:
    """A colour of the dark interface as the current theme shows it (for colours set while drawing)."""
    return _colour(hex_colour, current.theme == "light").name()


class Styler(QObject):
    """Applies an :class:`Appearance` to ``window`` and keeps it applied (new items, new texts)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.appearance = Appearance()
        self._sheets: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()   # widget → its own style sheet
        self._texts: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()    # label → (original, shown)
        self._items: dict[int, tuple[object, dict]] = {}                        # id → (item, originals)
        self._font = QFont(window.font())
        self._luts = {n: diverging_cmap(n).getLookupTable(0.0, 1.0, 256) for n in ("default", "colorblind")}
        self._timer = QTimer(self, interval=400)
        self._timer.timeout.connect(self._relabel)
        window.session.world_changed.connect(lambda: QTimer.singleShot(0, self.reapply))

    def apply(self, appearance: Appearance) -> None:
        global current
        appearance.check()
        old, self.appearance = self.appearance, appearance
        current = appearance
        if old.palette != appearance.palette or old.projector != appearance.projector:
            self.window.network_view.restyle(appearance)
        self.reapply()
        if appearance.theme == "light" or appearance.projector:
            self._timer.start()
        else:
            self._timer.stop()

    def reapply(self) -> None:
        a = self.appearance
        light, f = a.theme == "light", a.scale.font
        win = self.window
        font = QFont(self._font)
        font.setPointSizeF(self._font.pointSizeF() * f)
        win.setFont(font)
        self._relabel(force=True)
        self._widths(f)
        for view in win.findChildren(pg.GraphicsView):
            self._restyle_view(view, light, a)

    def _widths(self, f: float) -> None:
        """Fixed widths that hold text (the side columns, the status bar's progress) grow with it —
        by less than the text, so the network view keeps most of its room."""
        win = self.window
        grow = 1 + (f - 1) * 0.55
        for w in (win.tabs, getattr(win, "epoch_progress", None)):   # (the right column wraps its text)
            if w is None:
                continue
            o = self._remember(w, low=w.minimumWidth(), high=w.maximumWidth())
            if o["high"] < 10_000:
                w.setMaximumWidth(round(o["high"] * grow))
            w.setMinimumWidth(round(o["low"] * grow))
        # a one-line label wider than the side column would push the panel out of view: let them wrap
        for label in win.tabs.findChildren(QLabel):
            o = self._remember(label, wrap=label.wordWrap())
            label.setWordWrap(o["wrap"] or f != 1)

    def _restyle_sheets(self, force: bool = False) -> None:
        """Each widget's own style sheet in the current theme and size; a sheet the code replaced
        since (a message bar's colour, say) is taken as the widget's new own sheet."""
        a, win = self.appearance, self.window
        light, f = a.theme == "light", a.scale.font
        for w in [win, *win.findChildren(QWidget)]:
            current_sheet = w.styleSheet()
            known = self._sheets.get(w)
            if known is not None and current_sheet == known[1] and not force:
                continue
            own = known[0] if known is not None and current_sheet == known[1] else current_sheet
            if not own:
                continue
            sheet = scale_fonts(map_colours(own, light, a.projector), f)
            if w is win and f != 1:   # every text without a size of its own
                sheet += f"\n* {{ font-size: {self._font.pointSizeF() * f:.3g}pt; }}"
            self._sheets[w] = (own, sheet)
            if current_sheet != sheet:
                w.setStyleSheet(sheet)

    def _relabel(self, force: bool = False) -> None:
        self._restyle_sheets(force)
        light = self.appearance.theme == "light"
        for label in self.window.findChildren(QLabel):
            text = label.text()
            known = self._texts.get(label)
            if known is not None and text == known[1] and not force:
                continue   # shown as mapped already
            original = known[0] if known is not None and text == known[1] else text
            shown = map_colours(original, light, self.appearance.projector)
            self._texts[label] = (original, shown)
            if shown != text:
                label.setText(shown)

    # -- pyqtgraph ----------------------------------------------------------------------------------
    def _remember(self, item, **values) -> dict:
        entry = self._items.get(id(item))
        if entry is None or entry[0] is not item:
            entry = self._items[id(item)] = (item, values)
        return entry[1]

    def _restyle_view(self, view, light: bool, a: Appearance) -> None:
        bg = self._remember(view, background=view.backgroundBrush().color())
        back = _colour(bg["background"], light)
        if light and back.name() == "#000000":   # pyqtgraph's default black behind a plot
            back = QColor(get_theme("light").plot)
        view.setBackground(back)
        scene = view.scene()
        if scene is None:
            return
        s = a.scale
        lut_from, lut_to = (self._luts[n] for n in (("colorblind", "default") if a.palette == "default"
                                                    else ("default", "colorblind")))
        for item in scene.items():
            if isinstance(item, pg.AxisItem):
                self._axis(item, light, s.font)
            elif isinstance(item, pg.PlotDataItem):
                o = self._remember(item, pen=QPen(pg.mkPen(item.opts["pen"])), size=item.opts.get("symbolSize"))
                item.setPen(self._pen(o["pen"], light, s.line))
                if o["size"]:
                    item.setSymbolSize(o["size"] * s.marker)
            elif isinstance(item, pg.PlotCurveItem) and not isinstance(item.parentItem(), pg.PlotDataItem):
                o = self._remember(item, pen=QPen(pg.mkPen(item.opts["pen"])))
                item.setPen(self._pen(o["pen"], light, s.line))
            elif isinstance(item, pg.ScatterPlotItem) and not isinstance(item.parentItem(), pg.PlotDataItem):
                sizes = item.data["size"].copy() if len(item.data) else None
                o = self._remember(item, sizes=sizes)
                if o["sizes"] is not None and len(o["sizes"]) == len(item.data):
                    item.setSize(o["sizes"] * s.marker)
            elif isinstance(item, pg.TextItem):
                o = self._remember(item, font=QFont(item.textItem.font()), color=QColor(item.color))
                font = QFont(o["font"])
                font.setPointSizeF(o["font"].pointSizeF() * s.font)
                item.setFont(font)
                item.setColor(_colour(o["color"], light))
            elif isinstance(item, pg.LabelItem):
                o = self._remember(item, opts=dict(item.opts), text=item.text)
                size = o["opts"].get("size")
                pt = float(size[:-2]) if isinstance(size, str) and size.endswith("pt") else QApplication.font().pointSizeF()
                item.setText(item.text, size=f"{pt * s.font:.3g}pt",
                             color=_colour(o["opts"].get("color") or "#e5e7eb", light).name())
            elif isinstance(item, pg.ImageItem) and item.lut is not None and np.shape(item.lut)[0] == 256:
                lut = np.asarray(item.lut)
                if lut.shape[1] >= 3 and np.array_equal(lut[:, :3], lut_from[:, :3]):
                    item.setLookupTable(lut_to if lut.shape[1] == 3 else np.column_stack([lut_to, lut[:, 3]]))

    @staticmethod
    def _pen(pen: QPen, light: bool, line: float) -> QPen:
        out = QPen(pen)
        out.setColor(_colour(pen.color(), light))
        out.setWidthF(max(pen.widthF(), 1.0) * line if line != 1 else pen.widthF())
        return out

    def _axis(self, axis, light: bool, f: float) -> None:
        o = self._remember(axis, pen=QPen(axis.pen()), text=QPen(axis.textPen()), font=QFont(axis.style.get("tickFont")
                           or QApplication.font()), label=dict(axis.labelStyle), width=axis.fixedWidth,
                           height=axis.fixedHeight)
        if o["width"]:
            axis.setWidth(o["width"] * f)
        if o["height"]:
            axis.setHeight(o["height"] * f)
        axis.setPen(self._pen(o["pen"], light, 1.0))
        axis.setTextPen(self._pen(o["text"], light, 1.0))
        font = QFont(o["font"])
        font.setPointSizeF(o["font"].pointSizeF() * f)
        axis.setStyle(tickFont=font)
        style = dict(o["label"])
        size = style.get("font-size")
        pt = float(size[:-2]) if isinstance(size, str) and size.endswith("pt") else QApplication.font().pointSizeF()
        style["font-size"] = f"{pt * f:.3g}pt"
        style["color"] = _colour(style.get("color") or o["text"].color().name(), light).name()
        axis.setLabel(axis.labelText, units=axis.labelUnits, unitPrefix=axis.labelUnitPrefix, **style)


def remember(a: Appearance) -> None:
    from bpviz.gui.settings import settings

    s = settings()
    s.setValue("view/theme", a.theme)
    s.setValue("view/palette", a.palette)
    s.setValue("view/projector", "1" if a.projector else "0")


def remembered() -> dict:
    """The appearance chosen last time (View menu or a flag), as view options; unusable values are left out."""
    from bpviz.gui.settings import settings

    s = settings()
    out: dict = {}
    theme, palette = str(s.value("view/theme", "dark")), str(s.value("view/palette", DEFAULT_PALETTE))
    if theme in ("dark", "light"):
        out["theme"] = theme
    try:
        get_palette(palette)
        out["palette"] = palette
    except ValueError:
        pass
    out["projector"] = str(s.value("view/projector", "0")) == "1"
    return out


def install(window) -> Styler:
    """View → Theme, Projector, Colours, and ``window.view_options`` / ``apply_view_options``."""
    from PySide6.QtGui import QAction, QActionGroup

    from bpviz.i18n import translate
    from bpviz.scene.palettes import palette_names, palette_title
    from bpviz.scene.themes import theme_names, theme_title

    styler = Styler(window)
    window.styler = styler
    view_menu = window.view_menu
    actions = {}

    def choose(**change) -> None:
        styler.apply(replace(styler.appearance, **change))
        remember(styler.appearance)
        for key, act in actions.items():
            act.setChecked(key in ((("theme", styler.appearance.theme), ("palette", styler.appearance.palette)))
                           or (key == ("projector", True) and styler.appearance.projector))

    for title, key, names, label in ((translate("Appearance", "Theme"), "theme", theme_names(), theme_title),
                                     (translate("Appearance", "Colours"), "palette", palette_names(), palette_title)):
        menu = view_menu.addMenu(title)
        group = QActionGroup(window)
        for name in names:
            act = QAction(label(name), window, checkable=True)
            act.setChecked(getattr(styler.appearance, key) == name)
            act.triggered.connect(lambda _=False, k=key, n=name: choose(**{k: n}))
            group.addAction(act)
            menu.addAction(act)
            actions[(key, name)] = act
    proj = QAction(translate("Appearance", "Projector (larger text, thicker lines)"), window, checkable=True)
    proj.setShortcut("Ctrl+Shift+P")
    proj.triggered.connect(lambda on: choose(projector=bool(on)))
    view_menu.addAction(proj)
    window.addAction(proj)
    actions[("projector", True)] = proj
    window.projector_action = proj

    def options() -> dict:
        a = styler.appearance
        return {"theme": a.theme, "palette": a.palette, "projector": a.projector}

    def apply_options(values: dict) -> None:
        change = {k: values[k] for k in ("theme", "palette", "projector") if k in values}
        if "projector" in change:
            change["projector"] = bool(change["projector"])
        choose(**change)

    window.view_options = options
    window.apply_view_options = apply_options
    return styler
