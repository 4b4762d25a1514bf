"""The network view: layers as columns, edges coloured by weight, nodes by activation.

Drawing follows measured costs (the README's GUI figures): all edges are one cached item that issues
one ``QPainter.drawLines`` per colour bucket and layer, clipped to one rectangle, without
antialiasing (never one item or pen per edge); the 784-input fan is shown as its strongest
k % plus per-neuron weight tiles drawn as one image (all 23,520 input edges are an
unreadable fog); the view uses FullViewportUpdate. Edges are recoloured only when what they
show changed, on a timer; hover and selection repaint from the cache.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEasingCurve, QEvent, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QFontMetrics, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsRectItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from bpviz.gui import appearance
from bpviz.gui.edge_layer import EdgeLayer
from bpviz.gui.session import Session
from bpviz.gui.theme import diverging_cmap, diverging_rgba, theme
from bpviz.gui.throttle import Throttle
from bpviz.scene import hover, pace
from bpviz.scene.anatomy import explained
from bpviz.scene.colors import (
    N_BUCKETS,
    bucket_alpha,
    bucketize,
    edges_to_draw,
    strongest,
    symmetric_range,
    tile_mosaic,
)
from bpviz.scene.frame import Frame, lens_frame, step_frame, training_frame
from bpviz.scene.hidden_units import weight_mosaic
from bpviz.scene.layout import (
    TILE_GAP_PX,
    edge_endpoints,
    intervals_overlap,
    label_rects,
    layer_label_texts,
    layout_network,
    place_edge_labels,
)
from bpviz.scene.legend import edge_name, flash_edges, node_legend, node_scales
from bpviz.scene.lens import Lens
from bpviz.scene.notation import fmt
from bpviz.scene.palettes import get_palette

BACKGROUND = theme().plot_background
LABEL_EDGES = 40              # nets with at most this many edges label every edge
EDGE_MODES = [("Strongest 1 %", 0.01), ("Strongest 2 %", 0.02), ("Strongest 5 %", 0.05),
              ("Strongest 10 %", 0.10), ("Strongest 25 %", 0.25), ("All edges", 1.0), ("No edges", 0.0)]
DEFAULT_EDGE_MODE = 1
REFRESH_MS = 300              # edges and nodes redraw at most ~3× a second while training
PROJECTOR_ALPHA = 0.25        # projector mode: added to every edge bucket's opacity
FLASH_MS = 700                # how long the edges that changed most stay lit after an update


_STRENGTH = np.abs(np.arange(N_BUCKETS) + 0.5 - N_BUCKETS / 2)  # distance of a bucket from 0


def bucket_colors(n: int = N_BUCKETS) -> list[QColor]:
    cmap = diverging_cmap()
    pos = (np.arange(n) + 0.5) / n
    alpha = bucket_alpha(n)
    out = []
    for p, a in zip(pos, alpha):
        c = cmap.map(float(p), mode="qcolor")
        c.setAlphaF(float(a))
        out.append(c)
    return out


# The rings' diameters in node diameters: the selected neuron's, a lens's marked neurons' (the wider).
# A small net's value labels sit below the wider, and weight labels keep out of it (issue 21).
RING = 1.6
MARK_RING = 1.9


class NetworkView(QWidget):
    """Shows ``session``'s network; hover for values, click a node to select it."""


    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._drawn_key = None
        self._fitted_once = False
        self._band_anim: QVariantAnimation | None = None
        self.step_mode = False
        self.edge_shown: dict[int, tuple[str, np.ndarray]] = {}  # l → (kind, values) the edges show
        self.node_shown: list = []
        self.edge_fraction = EDGE_MODES[DEFAULT_EDGE_MODE][1]
        self.edge_data: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # l → (edge indices, buckets)
        self.vmax = 1.0
        self.activations: list[np.ndarray] = []

        # toolbar
        self.edge_combo = QComboBox()
        for _name, fraction in EDGE_MODES:
            self.edge_combo.addItem(self._edge_mode_name(fraction))
        self.edge_combo.setCurrentIndex(DEFAULT_EDGE_MODE)
        self.edge_combo.setToolTip(self.tr("Which edges to draw for layers with many inputs (smaller layers "
                                           "always show every edge). All 23,520 input edges are slow and "
                                           "unreadable."))
        self.edge_combo.currentIndexChanged.connect(self._on_edge_mode)
        self.fit_button = QPushButton(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show the whole network (F). Scroll to zoom, drag to pan."))
        self.fit_button.clicked.connect(self.fit)
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.node_legend = QLabel()
        self.node_legend.setTextFormat(Qt.TextFormat.RichText)
        self.node_legend.setStyleSheet(f"color:{theme().title};")
        self.node_legend.setToolTip(self.tr("What the nodes' colours show, and their range (the colour bar on "
                                            "the right is the edges' scale)"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Edges:")))
        bar.addWidget(self.edge_combo)
        bar.addWidget(self.fit_button)
        bar.addStretch(1)
        # caption and node legend on lines of their own: they wrap instead of widening the window
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.caption.setWordWrap(True)
        self.node_legend.setWordWrap(True)
        self.node_legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        # scene
        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setBackground(BACKGROUND)
        self.glw.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.glw.setAntialiasing(False)
        self.vb = self.glw.addViewBox(row=0, col=0)
        self.vb.setAspectLocked(True)
        self.vb.invertY(True)
        self.vb.setMenuEnabled(False)
        self.colorbar = pg.ColorBarItem(values=(-1, 1), colorMap=diverging_cmap(), interactive=False,
                                        width=14, label=self.tr("weight w"), colorMapMenu=False, rounding=0.01)
        self.glw.addItem(self.colorbar, row=0, col=1)
        self.glw.ci.layout.setColumnStretchFactor(0, 10)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.caption)
        layout.addWidget(self.node_legend)
        layout.addWidget(self.glw, 1)

        self._make_pens()
        self._items: list = []
        # Tooltips answer Qt's ToolTip (help) event of the viewport, which a real window sends
        # after the pointer rests: showing them on mouse moves instead let the scene's own help
        # event hide them again at once (no item has a tooltip there) — seen only under X11.
        self.glw.viewport().installEventFilter(self)
        self.glw.scene().sigMouseClicked.connect(self._on_click)
        self.vb.sigResized.connect(lambda *_: self.fit_labels())
        self.vb.sigRangeChanged.connect(lambda *_: self.fit_labels())

        session.world_changed.connect(self._build)
        session.parameters_changed.connect(self.refresh)
        session.sample_changed.connect(lambda _: self.refresh(force=True))
        session.selection_changed.connect(lambda _: self._draw_selection())
        session.step_changed.connect(lambda: self.refresh(force=True))
        session.lens_changed.connect(lambda: self.refresh(force=True))
        # While training, redraw on the run's progress: at most every REFRESH_MS at full speed, at
        # once at a watchable pace so each update is seen on its own. No timer runs while idle.
        self._throttle = Throttle(REFRESH_MS, self.refresh, self, now=self._watchable)
        session.progress.connect(self._throttle.request)
        session.drawing_changed.connect(self._throttle.force)
        self._last_draw = 0.0
        self._prev_weights: list[np.ndarray] | None = None
        self.flashed: dict[int, np.ndarray] = {}     # l → flat indices of the edges flashing now
        self._flash_anim: QVariantAnimation | None = None
        self._build()

    # -- construction ------------------------------------------------------------------------
    def _make_pens(self) -> None:
        """Edge pens per colour bucket from the current palette: wider in projector mode, and
        dashed below 0 when the palette shows the sign by line style too."""
        a = appearance.current
        width = a.scale.line
        dashed = get_palette(a.palette).dashed_negative

        def pen(c: QColor, b: int) -> QPen:
            p = pg.mkPen(c, width=width)
            if dashed and b < N_BUCKETS // 2:
                p.setStyle(Qt.PenStyle.DashLine)
            return p

        colours = bucket_colors()
        if a.projector:   # stronger contrast: the faint edges near 0 stay visible on a projector
            for c in colours:
                c.setAlphaF(min(1.0, c.alphaF() + PROJECTOR_ALPHA))
        self._pens = [pen(c, b) for b, c in enumerate(colours)]
        self._lut = diverging_cmap().getLookupTable(0.0, 1.0, 256, alpha=True)  # (256, 4) uint8
        dim = bucket_colors()
        for c in dim:
            c.setAlphaF(c.alphaF() * 0.22)
        self._dim_pens = [pen(c, b) for b, c in enumerate(dim)]

    def _highlight_pen(self, positive: bool) -> QPen:
        """The selected node's edges: the palette's end colours (negative dashed where it says so)."""
        p = get_palette(appearance.current.palette)
        rgb = (p.positive if positive else p.negative) * 255
        pen = pg.mkPen(QColor(*(int(round(v)) for v in rgb)), width=2 * appearance.current.scale.line)
        if p.dashed_negative and not positive:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    def restyle(self, _appearance=None) -> None:
        """Palette or projector mode changed (View menu): new pens and colour map, drawn again."""
        self._make_pens()
        self.colorbar.setColorMap(diverging_cmap())
        self._build()

    def _add(self, item, z: float = 0):
        item.setZValue(z)
        self.vb.addItem(item)
        self._items.append(item)
        return item

    def _build(self) -> None:
        for it in self._items:
            self.vb.removeItem(it)
        self._items = []
        sizes = self.session.network.sizes
        self.net_layout = lay = layout_network(sizes)
        self._built_shapes = tuple((n, m) for m, n in zip(sizes[:-1], sizes[1:]))
        self.segments = {l: edge_endpoints(lay, l) for l in range(2, len(sizes) + 1)}
        self.small_net = sum(a * b for a, b in zip(sizes[:-1], sizes[1:])) <= LABEL_EDGES

        # All edges are one cached item: hovering, selecting or moving the selection ring
        # repaints the view but blits the edges instead of drawing 23,820 lines again.
        self.edge_layer = self._add(EdgeLayer(), 0)
        self.edge_paths: dict[int, list[tuple[np.ndarray, QPen, int]]] = {}
        # Selected node's edges: above the other edges, below the input image and the tiles.
        self.highlight_pos = self._add(pg.PlotCurveItem(pen=self._highlight_pen(True), connect="pairs"), 0.5)
        self.highlight_neg = self._add(pg.PlotCurveItem(pen=self._highlight_pen(False), connect="pairs"), 0.5)

        self.input_image = None
        if lay.grid_rect is not None:
            self.input_image = self._add(pg.ImageItem(axisOrder="row-major"), 1)
            frame = QRectF(*lay.grid_rect)
            border = pg.PlotCurveItem(
                [frame.left(), frame.right(), frame.right(), frame.left(), frame.left()],
                [frame.top(), frame.top(), frame.bottom(), frame.bottom(), frame.top()],
                pen=pg.mkPen(theme().disabled, width=1))
            self._add(border, 1)

        # The first hidden layer's incoming weights, one side × side tile per neuron, drawn as a
        # single RGBA image (one draw call instead of one per neuron).
        self.tiles_item = None
        if lay.tiles is not None:
            self.tiles_item = self._add(pg.ImageItem(axisOrder="row-major"), 2)
            x, y, t, _ = lay.tiles[0]
            side = lay.layer(1).grid_shape[0]
            if lay.tile_grid is not None:   # a wrapped layer: the tiles fill its grid cells
                rows, cols = lay.tile_grid
                px = t / side                # scene units per image pixel
                self._tiles_rect = QRectF(x, y, (cols * (side + TILE_GAP_PX) - TILE_GAP_PX) * px,
                                          (rows * (side + TILE_GAP_PX) - TILE_GAP_PX) * px)
            else:
                rows_total = lay.tiles.shape[0] * lay.tile_rows - (lay.tile_rows - side)
                self._tiles_rect = QRectF(x, y, t, t * rows_total / side)

        self.node_items = {}
        for ly in lay.layers:
            if ly.grid_shape is not None:
                continue
            # a framed layer's node is the square frame around its weight tile
            item = pg.ScatterPlotItem(pxMode=False, size=ly.diameter * (1.06 if ly.framed else 1),
                                      symbol="s" if ly.framed else "o", pen=pg.mkPen(theme().muted, width=1))
            item.setData(pos=ly.positions)
            self.node_items[ly.l] = self._add(item, 4)
        self.selection_ring = self._add(pg.ScatterPlotItem(pxMode=False, brush=None,
                                                           pen=pg.mkPen(theme().highlight, width=3)), 5)
        self.mark_ring = self._add(pg.ScatterPlotItem(pxMode=False, brush=None,
                                                      pen=pg.mkPen(theme().cyan, width=2)), 5)
        self.mark_edges = self._add(pg.PlotCurveItem(pen=pg.mkPen(theme().cyan, width=3), connect="pairs"), 3)
        # The edges that changed most in the last update (a watchable pace): lit, then fading.
        self.flash_item = self._add(pg.PlotCurveItem(pen=pg.mkPen(theme().highlight_light, width=3), connect="pairs"), 3.5)
        self.flash_item.hide()
        self._prev_weights = None

        # titles and labels
        self.class_labels = []
        out = lay.layers[-1]
        names = self.session.data.class_names
        for j, (x, y) in enumerate(out.positions):
            t = pg.TextItem(names[j] if j < len(names) else str(j), color=theme().text, anchor=(0, 0.5))
            t.setPos(x + out.diameter, y)
            self.class_labels.append(self._add(t, 6))
        L = len(sizes)
        _, y0, _, _ = lay.bounds()
        self.layer_labels: list[tuple[pg.TextItem, tuple[str, ...]]] = []
        self._label_level = 0
        for ly in lay.layers:
            x = (lay.grid_rect[0] + lay.grid_rect[2] / 2) if ly.grid_shape else ly.x
            t = pg.TextItem("", color=theme().title, anchor=(0.5, 1))
            texts = layer_label_texts(ly.l, L, ly.n, ly.grid_shape)
            t.setText(texts[0])
            t.setPos(x, y0 - 1)
            self.layer_labels.append((self._add(t, 6), texts))
        self.edge_labels, self.node_labels = [], []
        if self.small_net:
            for seg in self.segments.values():
                for s in seg:
                    p = s[0] + 0.35 * (s[1] - s[0])
                    t = pg.TextItem("", color=theme().text_bright, anchor=(0.5, 0.5), fill=pg.mkBrush(theme().translucent(theme().plot_background, 200)))
                    t.setPos(*p)
                    self.edge_labels.append(self._add(t, 6))
            for ly in lay.layers:
                for x, y in ly.positions:
                    t = pg.TextItem("", color=theme().text_bright, anchor=(0.5, 0))
                    t.setPos(x, y + ly.diameter * MARK_RING / 2 + 0.3)   # below any ring around the node
                    self.node_labels.append(self._add(t, 6))
        self.active_band = QGraphicsRectItem()
        self.active_band.setBrush(pg.mkBrush(theme().translucent(theme().highlight, 28)))
        self.active_band.setPen(pg.mkPen(theme().translucent(theme().highlight, 90), width=1))
        self._add(self.active_band, -1)
        self.active_band.hide()
        self.edge_data, self.edge_shown = {}, {}
        self.edge_scale: dict[int, tuple[float, bool]] = {}
        self._legend = None
        self.refresh(force=True)
        self.fit()

    # -- drawing -----------------------------------------------------------------------------
    def fit(self) -> None:
        """Show the whole network, with room above for the layer titles and on the right for
        the class names (text has a fixed size in pixels, so its share of the range is found
        from the resulting scale, twice to settle)."""
        x0, y0, x1, y1 = self.net_layout.bounds()
        metrics = QFontMetrics(self.font())
        label_px = max((metrics.horizontalAdvance(t.toPlainText()) for t in self.class_labels), default=0) + 12
        extra, top = 0.0, 14.0
        for _ in range(3):
            self.vb.setRange(QRectF(x0 - 4, y0 - top, x1 - x0 + 8 + extra, y1 - y0 + top + 4), padding=0.02)
            self.fit_labels()
            px_x, px_y = self.vb.viewPixelSize()
            extra = label_px * px_x
            # room for the longest titles that fit side by side (fit_labels then shows them)
            lines = self._title_lines(self._title_level(room=None))
            top = max(6.0, (lines * metrics.lineSpacing() + 12) * px_y + 1)   # + 1: the titles sit at y0 − 1

    def _title_lines(self, level: int) -> int:
        return max(texts[level].count("\n") + 1 for _, texts in self.layer_labels)

    def _title_level(self, room: float | None) -> int:
        """The longest titles that do not overlap side by side and, when ``room`` (pixels above the
        network) is given, whose lines fit in it."""
        metrics = QFontMetrics(self.font())
        px = self.vb.viewPixelSize()[0]
        levels = len(self.layer_labels[0][1])
        if not np.isfinite(px) or px <= 0:
            return self._label_level
        centres = [t.pos().x() / px for t, _ in self.layer_labels]
        for lv in range(levels):
            widths = [max(metrics.horizontalAdvance(line) for line in texts[lv].split("\n")) + 8
                      for _, texts in self.layer_labels]
            fits = room is None or self._title_lines(lv) * metrics.lineSpacing() <= room + 2
            if fits and not intervals_overlap(centres, widths):
                return lv
        return levels - 1

    def fit_labels(self) -> None:
        """The longest layer titles that do not overlap at the current scale (fixed-size text:
        a narrow view gets shorter ones)."""
        px = self.vb.viewPixelSize()[0]
        if not np.isfinite(px) or px <= 0:
            return
        # the room above the network (the view is y-inverted: its top is the smallest y): a title with
        # more lines than fit there was cut at the view's edge, leaving glyph bits ("78́4") in view
        py = self.vb.viewPixelSize()[1]
        room = (self.layer_labels[0][0].pos().y() - self.vb.viewRange()[1][0]) / py if py > 0 else None
        level = self._title_level(room)
        if level != self._label_level:
            self._label_level = level
            for t, texts in self.layer_labels:
                t.setText(texts[level])
            # a shorter title leaves the taller one's glyphs behind in a real window ("inṕut"): repaint all
            self.glw.scene().update()
        if self.edge_labels:
            self.place_edge_labels()

    def place_edge_labels(self) -> None:
        """Move each weight's label along its edge so that no two labels overlap and none covers
        a node or its value (pixels at the current scale)."""
        px_x, px_y = self.vb.viewPixelSize()
        if not (np.isfinite(px_x) and px_x > 0 and np.isfinite(px_y) and px_y > 0):
            return
        metrics = QFontMetrics(self.font())
        scale = np.array([1 / px_x, 1 / px_y])
        segs = np.concatenate([self.segments[l] for l in sorted(self.segments)]) * scale
        texts = [t.toPlainText() or "−0.00" for t in self.edge_labels]
        sizes = np.array([[metrics.horizontalAdvance(x) + 6, metrics.height() + 2] for x in texts], dtype=float)
        obstacles = []
        for ly in self.net_layout.layers:
            d = ly.diameter * MARK_RING * scale     # the node with the widest ring it may get
            obstacles.append(label_rects(ly.positions * scale, np.tile(d, (ly.n, 1))))
        for t in self.node_labels:   # below each node, anchored at its top centre
            lines = t.toPlainText().split("\n")
            w = max(metrics.horizontalAdvance(x) for x in lines) + 4
            h = metrics.lineSpacing() * len(lines) + 4
            p = np.array([t.pos().x(), t.pos().y()]) * scale
            obstacles.append(np.array([[p[0] - w / 2, p[1], p[0] + w / 2, p[1] + h]]))
        fr = place_edge_labels(segs, sizes, np.concatenate(obstacles))
        self.edge_label_fractions = fr
        raw = np.concatenate([self.segments[l] for l in sorted(self.segments)])
        for t, f, sg in zip(self.edge_labels, fr, raw):
            t.setPos(*(sg[0] + f * (sg[1] - sg[0])))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._fitted_once:  # the first real size is only known now
            self._fitted_once = True
            self.fit()

    def _on_edge_mode(self, i: int) -> None:
        self.edge_fraction = EDGE_MODES[i][1]
        self.refresh(force=True)

    def set_step_mode(self, on: bool) -> None:
        """Show the session's current backprop step (True) or the weights and the sample (False)."""
        self.step_mode = on
        self.refresh(force=True)

    def _watchable(self) -> bool:
        rate = pace.rate_of_delay_ms(self.session.config.delay_ms)
        return rate is not None and rate <= pace.WATCHABLE_RATE

    def _state_key(self):
        s = self.session
        step = (id(s.steps), s.step_index) if self.step_mode and s.steps is not None else None
        drawn = s.drawn_version if s.show_drawn else None
        return s.params_version, s.sample_index, step, drawn, id(s.lens)

    def refresh(self, force: bool = False) -> None:
        """Redraw from the session's latest state if it changed (called on a timer)."""
        s = self.session
        key = self._state_key()
        if not force and key == self._drawn_key:
            return
        if tuple(w.shape for w in s.parameters[0]) != self._built_shapes:
            return  # a new network is being built (drawn by _build on world_changed)
        self._drawn_key = key
        self._last_draw = time.perf_counter()
        self.paint(self.frame())
        self._draw_selection()
        self._draw_marks(self._step_marks() if self.step_mode and s.steps is not None else s.lens)
        self._flash_changes(None if self.step_mode and s.steps is not None else s.parameters[0])

    def _step_marks(self):
        """In step mode: the neuron the step's equation explains (the user's, or the sequence's
        own choice when none is selected in the active layer), ringed in the view."""
        s = self.session
        seq, step = s.steps, s.current_step
        if step is None:
            return None
        l = step.layer
        j, k, _user = explained(seq, step, s.selection, s.edge_selection)
        edges = ((l, j, k),) if k is not None and l >= 2 else ()
        return Lens("", [], marked_nodes=((l, j),), marked_edges=edges)

    def _flash_changes(self, weights: list[np.ndarray] | None) -> None:
        """At a watchable pace, light the edges whose weights changed most since the last drawing
        and let them fade: each update can be seen."""
        prev, self._prev_weights = self._prev_weights, (list(weights) if weights is not None else None)
        if weights is None or prev is None or not self._watchable() or len(prev) != len(weights):
            return
        if all(a is b for a, b in zip(prev, weights)):
            return
        if any(a.shape != b.shape for a, b in zip(prev, weights)):
            return
        deltas = {l: np.asarray(weights[l - 2]) - np.asarray(prev[l - 2]) for l in self.segments}
        self.flashed = flash_edges(deltas)
        segs = [self.segments[l][idx] for l, idx in self.flashed.items() if idx.size]
        if not segs:
            return
        pts = np.concatenate(segs).reshape(-1, 2)
        self.flash_item.setData(pts[:, 0], pts[:, 1], connect="pairs")
        self.flash_item.show()
        if self._flash_anim is None:
            self._flash_anim = QVariantAnimation(self)
            self._flash_anim.setDuration(FLASH_MS)
            self._flash_anim.setStartValue(1.0)
            self._flash_anim.setEndValue(0.0)
            self._flash_anim.setEasingCurve(QEasingCurve.Type.InQuad)
            self._flash_anim.valueChanged.connect(lambda a: self.flash_item.setOpacity(float(a)))
            self._flash_anim.finished.connect(self.flash_item.hide)
        # each update's flash fades before the next one (at 1/s it lasts FLASH_MS)
        interval = self.session.config.delay_ms
        self._flash_anim.setDuration(int(min(FLASH_MS, max(150, 0.85 * interval))))
        self._flash_anim.stop()
        self._flash_anim.start()

    def _draw_marks(self, lens) -> None:
        """Rings around the lens's marked neurons and its marked edges drawn thick on top."""
        empty = np.zeros(0)
        if lens is None or not (lens.marked_nodes or lens.marked_edges):
            self.mark_ring.setData(pos=np.zeros((0, 2)))
            self.mark_edges.setData(empty, empty)
            return
        pos, size = [], []
        for l, j in lens.marked_nodes:
            ly = self.net_layout.layer(l)
            if ly.grid_shape is None and 0 <= j < ly.n:
                pos.append(ly.positions[j])
                size.append(ly.diameter * MARK_RING)
        self.mark_ring.setData(pos=np.array(pos).reshape(-1, 2), size=size or 1)
        segs = [self.segments[l][j * self.net_layout.layer(l - 1).n + k] for l, j, k in lens.marked_edges
                if l in self.segments]
        pts = np.array(segs).reshape(-1, 2)
        self.mark_edges.setData(pts[:, 0] if pts.size else empty, pts[:, 1] if pts.size else empty,
                                connect="pairs")

    def frame(self) -> Frame:
        """What to paint now, from whatever drives the view: the step-through's current step (in step
        mode), else the session's lens, else the latest weights on the shown sample."""
        s = self.session
        if self.step_mode and s.steps is not None:
            return step_frame(s.steps, s.step_index)
        weights, biases = s.parameters
        x, label = s.view_sample()
        if s.lens is not None:
            return lens_frame(s.network, weights, biases, x, s.lens)
        return training_frame(s.network, weights, biases, x, label, s.sample_index, s.data.class_names,
                              self.net_layout.grid_rect is not None)

    def render(self, weights: list[np.ndarray], biases: list[np.ndarray]) -> None:
        """Draw these parameters (the session's latest while training) on the shown sample."""
        s = self.session
        x, label = s.view_sample()
        self.paint(training_frame(s.network, weights, biases, x, label, s.sample_index, s.data.class_names,
                                  self.net_layout.grid_rect is not None))

    def paint(self, frame: Frame) -> None:
        """Paint one frame: edges, tiles, nodes, legend, caption and the active layer's band."""
        self.activations = frame.activations
        self.vmax = frame.vmax
        self._set_legend(frame.legend, frame.vmax)
        for l in self.segments:
            e = frame.edges[l]
            self._draw_edge_layer(l, e.values, e.kind, e.vmax, self._pens if e.full else self._dim_pens)
        self._draw_tiles(frame.tiles[1], frame.tiles[0])
        self._draw_nodes(list(frame.nodes))
        self.caption.setText(frame.caption)
        if frame.active_layer is None:
            self.active_band.hide()
            return
        ly = self.net_layout.layer(frame.active_layer)
        x0, y0, x1, y1 = self.net_layout.bounds()
        if ly.grid_shape is not None:
            gx, gy, gw, gh = self.net_layout.grid_rect
            self.active_band.setRect(QRectF(gx - 2, gy - 2, gw + 4, gh + 4))
        else:
            half = max(ly.diameter, 3.0)
            lx0, lx1 = ly.extent()
            self.active_band.setRect(QRectF(lx0 - half * 0.6, y0, lx1 - lx0 + half * 1.2, y1 - y0))
        self.active_band.show()
        self._pulse_band()

    def _pulse_band(self) -> None:
        """A short flash of the active layer's band when the step changes, so the eye follows
        the computation from layer to layer (cheap: the edges are cached)."""
        if self._band_anim is None:
            self._band_anim = QVariantAnimation(self)
            self._band_anim.setDuration(350)
            self._band_anim.setStartValue(110)
            self._band_anim.setEndValue(28)
            self._band_anim.setEasingCurve(QEasingCurve.Type.OutCubic)
            self._band_anim.valueChanged.connect(
                lambda a: self.active_band.setBrush(pg.mkBrush(theme().translucent(theme().highlight, int(a)))))
        self._band_anim.stop()
        self._band_anim.start()

    def _set_legend(self, label: str, vmax: float) -> None:
        if (label, vmax) == self._legend:
            return  # re-laying out the colour bar's axes on every redraw is a measurable cost
        self._legend = (label, vmax)
        self.colorbar.setLevels((-vmax, vmax))
        axis = self.colorbar.getAxis("left")
        axis.setLabel(label)  # where ColorBarItem(label=…) puts it
        # ticks at ±vmax, ±vmax/2 and 0 with the digits they need: pyqtgraph's own ticks left a
        # ±0.0008 bar with only "0"
        ticks = [(v, "0" if v == 0 else f"{v:.2g}".replace("-", "−")) for v in (-vmax, -vmax / 2, 0.0, vmax / 2, vmax)]
        axis.setTicks([ticks, []])

    def _draw_edge_layer(self, l: int, values: np.ndarray, kind: str, vmax: float, pens) -> None:
        flat = np.asarray(values).ravel()
        idx = edges_to_draw(flat, self.edge_fraction)
        buckets = bucketize(flat[idx], vmax)
        self.edge_data[l] = (idx, buckets)
        self.edge_scale[l] = (vmax, pens is self._pens)  # colour scale, and whether emphasised
        self.edge_shown[l] = (kind, np.asarray(values))
        order = np.argsort(buckets, kind="stable")
        counts = np.bincount(buckets, minlength=N_BUCKETS)
        seg = self.segments[l][idx[order]].reshape(-1, 2)
        paths, start = [], 0
        for b in range(N_BUCKETS):
            n = int(counts[b])
            if n:
                pts = seg[2 * start : 2 * (start + n)]
                paths.append((pts, pens[b], b))
                start += n
        self.edge_paths[l] = paths
        self.edge_layer.set_paths(
            # weaker buckets first so the strongest edges of either sign end up on top
            sorted((p for ps in self.edge_paths.values() for p in ps), key=lambda t: _STRENGTH[t[2]]))
        if self.edge_labels:
            offset = sum(self.segments[q].shape[0] for q in self.segments if q < l)
            for i, v in enumerate(flat):
                self.edge_labels[offset + i].setText(fmt(float(v), 2 if kind == "w" else 3))

    def _draw_tiles(self, w2: np.ndarray, kind: str) -> None:
        if self.tiles_item is None:
            return
        w2 = np.asarray(w2)
        vt = symmetric_range([w2])
        side = self.net_layout.layer(1).grid_shape[0]
        if self.net_layout.tile_grid is not None:
            img = weight_mosaic(w2, self.net_layout.tile_grid[1], side, TILE_GAP_PX)
            mask = ~np.isnan(img)
            img = np.nan_to_num(img)
        else:
            img, mask = tile_mosaic(w2, side, self.net_layout.tile_rows)
        rgba = diverging_rgba(img, vt, self._lut)
        rgba[..., 3] = np.where(mask, 255, 0)
        self.tiles_item.setImage(rgba)
        self.tiles_item.setRect(self._tiles_rect)  # after setImage: the rect maps the image's pixels
        self.tiles_item.setToolTip(self.tr("incoming {kind} of each neuron of layer 2 as a 28×28 image (scale "
                                           "±{v})").format(kind=edge_name(kind), v=f"{vt:g}"))

    def _draw_nodes(self, values: list[tuple[str, np.ndarray] | None]) -> None:
        """values[l − 1]: ("a", activations) grey, ("δ", errors) diverging, or None (not computed)."""
        self.node_shown = values
        # one scale per signed kind, shared by the layers showing it (and said in the legend)
        self.node_scales = scales = node_scales(values)
        self.node_legend.setText(node_legend(values, scales))
        if self.input_image is not None:
            side = self.net_layout.layer(1).grid_shape[0]
            v = values[0]
            if v is not None and v[0] != "a":   # a signed map over the pixels: diverging colours
                vals = np.nan_to_num(np.asarray(v[1], dtype=float)).reshape(side, side)
                top = scales.get(v[0], 1.0)
                self.input_image.setImage(diverging_rgba(vals, top, self._lut),
                                          levels=(0, 255))
            else:
                img = np.zeros((side, side)) if v is None else v[1].reshape(side, side)
                self.input_image.setImage(img, levels=(0, 1))
            self.input_image.setRect(QRectF(*self.net_layout.grid_rect))
        for l, item in self.node_items.items():
            v = values[l - 1]
            if v is None:  # not computed yet at this step
                framed = self.net_layout.layer(l).framed   # its tiles (weights) stay visible
                item.setBrush(None if framed else [pg.mkBrush(theme().panel)] * len(self.net_layout.layer(l).positions))
                item.setPen(pg.mkPen(theme().border_strong, width=1))
                continue
            item.setPen(pg.mkPen(theme().muted, width=1))
            kind, vals = v
            vals = np.nan_to_num(np.asarray(vals, dtype=float))
            if self.net_layout.layer(l).framed:   # the frame's colour is the node's value
                item.setBrush(None)
                if kind == "a":
                    grey = (40 + 215 * np.clip(vals, 0, 1)).astype(int)
                    item.setPen([pg.mkPen(int(g), int(g), int(g), width=2) for g in grey])
                else:
                    rgba = diverging_rgba(vals, scales.get(kind, 1.0), self._lut)
                    item.setPen([pg.mkPen(*map(int, c[:3]), width=2) for c in rgba])
                continue
            if kind == "a":
                grey = (40 + 215 * np.clip(vals, 0, 1)).astype(int)
                item.setBrush([pg.mkBrush(int(g), int(g), int(g)) for g in grey])
            else:
                rgba = diverging_rgba(vals, scales.get(kind, 1.0), self._lut)
                item.setBrush([pg.mkBrush(*map(int, c)) for c in rgba])
        if self.class_labels:
            pred = int(np.argmax(self.activations[-1])) if values[-1] is not None else -1
            for j, t in enumerate(self.class_labels):
                t.setColor(appearance.colour(theme().highlight if j == pred else theme().text))
        if self.node_labels:
            k = 0
            biases = self.shown_parameters()[1]
            for v, ly in zip(values, self.net_layout.layers):
                for j in range(ly.n):
                    b = f"b={fmt(float(biases[ly.l - 2][j]), 2)}\n" if ly.l >= 2 else ""
                    self.node_labels[k].setText(b + ("" if v is None else f"{v[0]}={fmt(float(v[1][j]), 2)}"))
                    k += 1

    def _draw_selection(self) -> None:
        sel = self.session.selection
        empty = np.zeros(0)
        if sel is None:
            self.selection_ring.setData(pos=np.zeros((0, 2)))
            self.highlight_pos.setData(empty, empty)
            self.highlight_neg.setData(empty, empty)
            return
        l, j = sel
        ly = self.net_layout.layer(l)
        self.selection_ring.setData(pos=ly.positions[j : j + 1], size=ly.diameter * RING)
        weights, _ = self.session.parameters
        def shown(layer: int) -> np.ndarray:  # what the edges into ``layer`` show now (w, ∂C/∂w or Δw)
            return np.asarray(self.edge_shown.get(layer, (None, weights[layer - 2]))[1])

        def emphasised(layer: int) -> bool:  # stepping dims the layers the step is not about
            return self.edge_scale.get(layer, (1.0, True))[1]

        segs, vals, scales = [], [], []
        if l >= 2 and emphasised(l):  # incoming edges w^l_{j·}
            n_in = self.net_layout.layer(l - 1).n
            segs.append(self.segments[l][j * n_in : (j + 1) * n_in])
            vals.append(shown(l)[j])
            scales.append(self.edge_scale.get(l, (self.vmax, True))[0])
        if l < len(self.net_layout.layers) and emphasised(l + 1):  # outgoing edges w^{l+1}_{·j}
            segs.append(self.segments[l + 1][j :: ly.n])
            vals.append(shown(l + 1)[:, j])
            scales.append(self.edge_scale.get(l + 1, (self.vmax, True))[0])
        for i, (sg, vv, scale) in enumerate(zip(segs, vals, scales)):
            # Edges that are ~0 on their colour scale are not highlighted (a neuron with no
            # gradient shows none), and a 784-edge fan keeps only its strongest 10 %.
            visible = np.abs(vv) >= 0.05 * scale
            sg, vv = sg[visible], vv[visible]
            if sg.shape[0] > 300:
                keep = strongest(vv, 0.10)
                sg, vv = sg[keep], vv[keep]
            segs[i], vals[i] = sg, vv
        seg = np.concatenate(segs) if segs else np.zeros((0, 2, 2))
        v = np.concatenate(vals) if vals else empty
        for item, mask in ((self.highlight_pos, v >= 0), (self.highlight_neg, v < 0)):
            pts = seg[mask].reshape(-1, 2)
            item.setData(pts[:, 0], pts[:, 1], connect="pairs")

    # -- hover and click ---------------------------------------------------------------------
    def node_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The node (l, j) under scene point (x, y), including input-grid cells."""
        return hover.node_at(self.net_layout, x, y)

    def edge_at(self, x: float, y: float, tolerance: float) -> tuple[int, int, int] | None:
        """The drawn edge (l, j, k) nearest to (x, y) within ``tolerance`` scene units."""
        return hover.edge_at(self.net_layout, self.segments, {l: d[0] for l, d in self.edge_data.items()},
                             x, y, tolerance)

    def shown_parameters(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """The weights and biases drawn now: the step's side of the update while stepping (after it at
        the result), else the network's."""
        s = self.session
        if self.step_mode and s.steps is not None:
            net = s.steps.shown_network(s.steps.steps[s.step_index])
            return net.weights, net.biases
        return s.parameters

    def shown(self) -> hover.Shown:
        """The numbers on screen now (for the tooltips)."""
        s = self.session
        weights, biases = self.shown_parameters()
        return hover.Shown(weights, biases, self.activations, self.node_shown, self.edge_shown,
                           s.data.class_names, self.net_layout.grid_rect is not None, self.step_mode,
                           (s.network.activation.name, s.network.output))

    def describe_node(self, l: int, j: int) -> str:
        return hover.describe_node(self.shown(), self.net_layout, l, j)

    def describe_edge(self, l: int, j: int, k: int) -> str:
        return hover.describe_edge(self.shown(), l, j, k)

    def _edge_mode_name(self, fraction: float) -> str:
        """An edge mode, made from its fraction of edges, in the interface language."""
        if fraction >= 1:
            return self.tr("All edges")
        if fraction <= 0:
            return self.tr("No edges")
        return self.tr("Strongest {p} %").format(p=f"{100 * fraction:g}")

    def describe_at(self, x: float, y: float, tolerance: float = 0.5) -> str | None:
        node = self.node_at(x, y)
        if node is not None:
            return self.describe_node(*node)
        edge = self.edge_at(x, y, tolerance)
        return self.describe_edge(*edge) if edge is not None else None

    def tooltip_at(self, viewport_pos) -> str | None:
        """The tooltip for a point of the view's viewport (pixels), or None."""
        pos = self.glw.mapToScene(viewport_pos)
        if not self.vb.sceneBoundingRect().contains(pos):
            return None
        p = self.vb.mapSceneToView(pos)
        return self.describe_at(p.x(), p.y(), tolerance=4 * max(self.vb.viewPixelSize()))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if obj is self.glw.viewport() and event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.glw.viewport())
                return True
            return False  # items with their own tooltip (the weight tiles) still get theirs
        return super().eventFilter(obj, event)

    def _on_click(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        p = self.vb.mapSceneToView(ev.scenePos())
        node = self.node_at(p.x(), p.y())
        edge = None
        if node is None:
            edge = self.edge_at(p.x(), p.y(), tolerance=4 * max(self.vb.viewPixelSize()))
            if edge is not None:
                node = edge[:2]
        self.session.select(node)
        self.session.select_edge(edge)

    def grab_png(self, path: str) -> bool:
        return self.glw.grab().save(path)

