"""The one theme of the GUI: every colour, the diverging colour map, the window's style sheet, and the
factories of plots and labels that use them. No other GUI module writes a colour literal
(tests/gui/test_theme.py checks).

A :class:`Theme` is a frozen set of named colours and sizes; :func:`theme` returns the current one.
Other themes are made from the dark default with :func:`dataclasses.replace` (a light theme, a
projector mode with ``font_scale`` and ``line_scale`` above 1, a colour-blind palette with other
``series`` and ``diverging_map``) and made current with :func:`set_theme` before the window is built.

Colours are ``"#rrggbb"`` strings (what Qt style sheets, rich text and pyqtgraph all take).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from bpviz.gui.widgets import CompactPlot


@dataclass(frozen=True)
class Theme:
    name: str = "dark"
    # -- surfaces ---------------------------------------------------------------------------
    window: str = "#1f2229"          # the window and its panels
    panel: str = "#23262d"           # a raised area inside a panel
    plot_background: str = "#16181d"  # every plot and the network view
    field: str = "#111318"           # text fields, tooltips
    tab: str = "#2a2e37"
    button: str = "#2f3541"
    button_hover: str = "#3a4150"
    border: str = "#374151"          # group boxes, fields, the selected tab
    border_strong: str = "#4b5563"   # buttons, tooltips
    # -- text -------------------------------------------------------------------------------
    text: str = "#e5e7eb"
    text_bright: str = "#f3f4f6"
    title: str = "#cbd5e1"           # group titles, plot titles
    muted: str = "#9ca3af"           # notes, secondary figures
    subtle: str = "#94a3b8"          # "other" in a legend
    disabled: str = "#6b7280"
    # -- meaning ----------------------------------------------------------------------------
    ok: str = "#34d399"              # right, a good result
    ok_pale: str = "#ecfdf5"
    wrong: str = "#f87171"           # wrong, an error in a figure
    wrong_bright: str = "#ff5a4e"
    error_text: str = "#fca5a5"      # a refused input
    warn: str = "#fbbf24"
    warn_soft: str = "#fcd34d"
    highlight: str = "#facc15"       # the current row, a target line, saturated entries
    highlight_light: str = "#fde047"
    highlight_pale: str = "#fde68a"
    highlight_background: str = "#4b3f0f"   # the current line of code
    info_background: str = "#1e3a5f"        # the message bar: info
    warning_background: str = "#5c4410"     # the message bar: warning
    error_background: str = "#7f1d1d"       # the message bar: error
    # -- series (curves, bars, layers) ------------------------------------------------------
    blue: str = "#60a5fa"
    blue_bright: str = "#4ea8ff"
    blue_pale: str = "#bfdbfe"
    amber: str = "#f59e0b"
    green: str = "#34d399"
    pink: str = "#f472b6"
    violet: str = "#a78bfa"
    purple: str = "#c084fc"
    yellow: str = "#facc15"
    cyan: str = "#22d3ee"
    rose: str = "#fb7185"
    batch_cost: str = "#788caa"      # the mini-batch cost curve (drawn translucent)
    black: str = "#000000"           # behind a grey image (0 is black in MNIST)
    white: str = "#ffffff"           # marker outlines
    #: The drawn digit's ink: full intensity (the data's 1.0), in every theme.
    ink: str = "#ffffff"
    canvas_frame: str = "#808080"
    canvas_hint: str = "#a0a0a4"
    #: The diverging map of signed values (weights, δ, ∂C/∂x): blue − … light grey 0 … red +.
    diverging_map: str = "CET-D1"
    #: Or the map written out: (positions (k,) in 0…1, RGB colours (k, 3) in 0…1), for a palette that
    #: pyqtgraph does not ship (a colour-blind pair); used instead of ``diverging_map`` when given.
    diverging_stops: tuple[tuple[float, ...], tuple[tuple[float, float, float], ...]] | None = None
    # -- sizes (a projector mode scales them) -----------------------------------------------
    font_scale: float = 1.0
    line_scale: float = 1.0

    @property
    def series(self) -> tuple[str, ...]:
        """One colour per curve or layer (layer 2 first), readable on the plot background."""
        return (self.blue, self.amber, self.green, self.pink, self.violet, self.yellow, self.cyan, self.rose)

    def translucent(self, colour: str, alpha: int) -> str:
        """``colour`` with opacity ``alpha`` (0–255) as "#rrggbbaa"."""
        return f"{colour}{alpha:02x}"

    def pt(self, size: float) -> str:
        """A font size in points, scaled: "9pt"."""
        return f"{size * self.font_scale:g}pt"


_current = Theme()


def theme() -> Theme:
    """The current theme."""
    return _current


def set_theme(t: Theme) -> None:
    """Make ``t`` current (before the window is built: views read the theme when they are made)."""
    global _current
    _current = t


# -- the diverging colour map ----------------------------------------------------------------
def diverging_cmap() -> pg.ColorMap:
    """The map of signed values: blue (negative) — light grey (0) — red (positive) by default; the
    theme's own stops if it has them, else the palette chosen in View → Colours
    (:mod:`bpviz.gui.appearance`, :mod:`bpviz.scene.palettes`), else ``diverging_map``."""
    from bpviz.gui import appearance  # View → Colours (appearance imports nothing of the GUI)

    t = theme()
    if t.diverging_stops is not None:
        positions, colours = t.diverging_stops
        return pg.ColorMap(np.asarray(positions, dtype=float),
                           (np.asarray(colours, dtype=float) * 255).round().astype(np.uint8))
    if t.diverging_map == Theme.diverging_map:
        return appearance.diverging_cmap()
    return pg.colormap.get(t.diverging_map)


def diverging_lut(alpha: bool = True) -> np.ndarray:
    """The diverging map as a lookup table: (256, 4) uint8 RGBA (alpha) or (256, 3) RGB."""
    return diverging_cmap().getLookupTable(0.0, 1.0, 256, alpha=alpha)


def diverging_rgba(values: np.ndarray, vmax: float, lut: np.ndarray | None = None) -> np.ndarray:
    """Signed ``values`` (any shape S) on the diverging map, symmetric about 0: −vmax blue, 0 grey,
    +vmax red, beyond ±vmax the end colours. Returns S + (4,) uint8 RGBA (``lut``: a table of
    :func:`diverging_lut` to reuse)."""
    lut = diverging_lut() if lut is None else lut
    vmax = float(vmax) or 1.0
    level = np.clip((np.asarray(values, dtype=np.float64) / vmax + 1) * 127.5, 0, 255)
    return lut[level.astype(np.uint8)]


# -- factories ---------------------------------------------------------------------------------
def wrap_label(text: str = "", tip: str = "", *, style: str = "", rich: bool | None = None) -> QLabel:
    """A selectable, word-wrapped label; ``rich`` forces rich text (None: Qt decides)."""
    lab = QLabel(text)
    lab.setWordWrap(True)
    if rich:
        lab.setTextFormat(Qt.TextFormat.RichText)
    if style:
        lab.setStyleSheet(style)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if tip:
        lab.setToolTip(tip)
    return lab


def rich_label(text: str = "", style: str = "", rich: bool = True) -> QLabel:
    """A selectable, word-wrapped rich-text label with a style sheet (``style``)."""
    return wrap_label(text, style=style, rich=rich)


def themed_plot(title: str = "", left: str = "", bottom: str = "", *, log_y: bool = False, grid: str = "y",
                title_size: float = 9) -> CompactPlot:
    """A plot on the theme's background: axis labels without SI prefixes, no context menu, a grid on
    the y axis (``grid="xy"``: on both, fainter), a log y axis with ``log_y``."""
    w = CompactPlot(background=theme().plot_background)
    p = w.getPlotItem()
    if title:
        p.setTitle(title, size=theme().pt(title_size), color=theme().title)
    if left:
        p.setLabel("left", left)
    if bottom:
        p.setLabel("bottom", bottom)
    p.showGrid(x=grid == "xy", y=True, alpha=0.15 if grid == "xy" else 0.2)
    p.setMenuEnabled(False)
    p.getAxis("left").enableAutoSIPrefix(False)
    p.getAxis("bottom").enableAutoSIPrefix(False)
    if log_y:
        p.setLogMode(y=True)
    return w


class PairedBars:
    """Two bar series side by side per category on one plot (before/after, quadratic/cross-entropy).
    With only the second series given, its bars take the whole width."""

    def __init__(self, plot: CompactPlot, first_colour: str, second_colour: str) -> None:
        self.plot = plot
        self.first = pg.BarGraphItem(x=np.arange(1), height=np.zeros(1), width=0.38, brush=first_colour)
        self.second = pg.BarGraphItem(x=np.arange(1), height=np.zeros(1), width=0.38, brush=second_colour)
        plot.addItem(self.first)
        plot.addItem(self.second)

    def show(self, first: np.ndarray | None, second: np.ndarray | None, names=None, n: int | None = None) -> None:
        """Bars of ``first`` and ``second`` ((n,) each or None); ``names`` label the categories (and fix
        the x range)."""
        n = len(names) if names is not None else n if n is not None else len(first if first is not None else second)
        if names is not None:
            self.plot.getAxis("bottom").setTicks([[(j, names[j]) for j in range(n)]])
            self.plot.setXRange(-0.6, n - 0.4, padding=0)
        x = np.arange(n)
        zeros = np.zeros(n)
        if first is None:
            self.first.setOpts(x=x, height=zeros)
            self.second.setOpts(x=x, height=zeros if second is None else second, width=0.7)
            return
        self.first.setOpts(x=x - 0.2, height=first, width=0.38)
        self.second.setOpts(x=x + 0.2, height=zeros if second is None else second, width=0.38)


def output_bars(title: str, legend: str) -> PairedBars:
    """A small plot of output activations, 0…1: "before" grey bars and "after" blue ones."""
    plot = CompactPlot(background=theme().plot_background)
    plot.setTitle(legend, size=theme().pt(8), color=theme().muted)
    plot.setMinimumHeight(130)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    plot.setYRange(0, 1, padding=0.02)
    plot.setLabel("left", title)
    return PairedBars(plot, theme().disabled, theme().blue)


def window_stylesheet() -> str:
    """The Qt style sheet of the main window (every widget inherits it)."""
    t = theme()
    return f"""
QMainWindow, QWidget {{ background: {t.window}; color: {t.text}; }}
QGroupBox {{ border: 1px solid {t.border}; border-radius: 4px; margin-top: 14px; padding-top: 4px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; color: {t.title}; }}
QLineEdit, QSpinBox, QDoubleSpinBox, QComboBox {{ background: {t.field}; border: 1px solid {t.border};
  border-radius: 3px; padding: 2px 4px; color: {t.text_bright}; }}
QLineEdit:disabled, QSpinBox:disabled, QDoubleSpinBox:disabled, QComboBox:disabled {{ color: {t.disabled}; }}
QPushButton {{ background: {t.button}; border: 1px solid {t.border_strong}; border-radius: 4px; padding: 5px 10px; }}
QPushButton:hover {{ background: {t.button_hover}; }}
QPushButton:disabled {{ color: {t.disabled}; }}
QTabBar::tab {{ background: {t.tab}; padding: 6px 7px; border: 1px solid {t.border}; }}
QTabBar::tab:selected {{ background: {t.border}; }}
QStatusBar QLabel {{ padding: 0 8px; }}
QToolTip {{ background: {t.field}; color: {t.text_bright}; border: 1px solid {t.border_strong}; }}
QCheckBox::indicator {{ width: 12px; height: 12px; border: 1px solid {t.muted}; border-radius: 2px; background: {t.field}; }}
QCheckBox::indicator:checked {{ background: {t.blue}; border-color: {t.blue_pale}; }}
QCheckBox::indicator:disabled {{ border-color: {t.border_strong}; }}
"""


def level_background(level) -> str:
    """The message bar's background for a message level (a :class:`bpviz.scene.names.Level` or its value)."""
    t = theme()
    return {"info": t.info_background, "warning": t.warning_background, "error": t.error_background}.get(
        str(getattr(level, "value", level)), t.info_background)


__all__ = ["PairedBars", "Theme", "diverging_cmap", "diverging_lut", "diverging_rgba", "level_background",
           "output_bars", "rich_label", "set_theme", "theme", "themed_plot", "window_stylesheet", "wrap_label"]
