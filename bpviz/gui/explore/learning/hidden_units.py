"""Bottom tab "Hidden units": every first-hidden-layer neuron's 784 incoming weights as one 28×28 tile
of a single image mosaic (:mod:`bpviz.scene.hidden_units`)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from bpviz.gui.explore.learning.common import BG
from bpviz.gui.theme import diverging_cmap, theme, wrap_label
from bpviz.gui.throttle import Throttle
from bpviz.i18n import join_sentences, translate
from bpviz.scene.colors import symmetric_range
from bpviz.scene.hidden_units import grid_shape, tile_at, weight_mosaic


# =========================================================================================
# 5. Hidden units as images
# =========================================================================================
class HiddenUnits(QWidget):
    """Every first-hidden-layer neuron's incoming weights as a 28×28 tile, one image."""

    SIDE, GAP = 28, 2
    POLL_MS = 330

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.glw = pg.GraphicsLayoutWidget()
        self.glw.setBackground(BG)
        self.view = self.glw.addViewBox(row=0, col=0, lockAspect=True, invertY=True, enableMouse=False)
        self.view.setMenuEnabled(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.view.addItem(self.image)
        self.cmap = diverging_cmap()
        self.colorbar = pg.ColorBarItem(values=(-1, 1), colorMap=self.cmap, interactive=False, width=12,
                                        label=translate("Learning", "w²_jk (incoming weight)"))
        self.colorbar.setImageItem(self.image)
        self.glw.addItem(self.colorbar, row=0, col=1)
        self.mark = pg.QtWidgets.QGraphicsRectItem()
        self.mark.setPen(pg.mkPen(theme().highlight, width=2, cosmetic=True))
        self.mark.setZValue(10)
        self.mark.hide()
        self.view.addItem(self.mark)
        self.caption = wrap_label(tip=translate("Learning", "Hover a tile to name its neuron; click it to select that neuron"))
        self.caption.setStyleSheet(f"font-size: 9pt; color: {theme().title};")
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 2, 4, 2)
        v.addWidget(self.glw, 1)
        v.addWidget(self.caption)
        # rich text: Qt wraps it (a plain-text tooltip was one 1,200-px line)
        self.glw.setToolTip("<p>" + translate("Learning", "Each tile: one neuron of layer 2; its 784 incoming weights w^2_jk laid out as the "
                            "28×28 input image. Red pushes the neuron up where the pixel is ink, blue pushes it "
                            "down. Click a tile to select the neuron.") + "</p>")
        self.cols = 1
        self.n = 0
        self.mosaic: np.ndarray | None = None
        self.hovered: int | None = None
        self._key = None
        self.glw.scene().sigMouseMoved.connect(self._on_move)
        self.glw.scene().sigMouseClicked.connect(self._on_click)
        session.world_changed.connect(lambda: self.refresh(force=True))
        session.selection_changed.connect(lambda _s: self._show_selection())
        # redrawn when the weights change (≤ 3×/s while training) and when shown or resized
        self._throttle = Throttle(self.POLL_MS, self._refresh_if_changed, self)
        session.progress.connect(self._throttle.request)
        session.parameters_changed.connect(self._throttle.request)

    def _refresh_if_changed(self) -> None:
        if self._state_key() != self._key:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._throttle.request()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._throttle.request()

    @property
    def applies(self) -> bool:
        return self.session.network.sizes[0] == self.SIDE * self.SIDE and len(self.session.network.sizes) >= 3

    def _state_key(self):
        s = self.session
        # Only redraw what can be seen; the key includes the grid so a resize re-lays it out.
        return (s.params_version, id(s.world), self._grid()) if self.isVisible() else self._key

    def _grid(self) -> tuple[int, int]:
        n = self.session.network.sizes[1]
        return grid_shape(n, max(self.glw.width() - 80, 50), max(self.glw.height(), 50), self.SIDE, self.GAP)

    def refresh(self, force: bool = False) -> None:
        s = self.session
        if not self.applies:
            self.image.clear()
            self.mosaic, self.n = None, 0
            self.mark.hide()
            self.caption.setText(
                (translate("Learning", "The input has {n} values, not 784 = 28×28 and the net has no hidden layer: "
                           "the first hidden layer's weights cannot be shown as 28×28 images.")
                 if len(s.network.sizes) < 3 else
                 translate("Learning", "The input has {n} values, not 784 = 28×28: the first hidden layer's weights "
                           "cannot be shown as 28×28 images.")).format(n=s.network.sizes[0]))
            return
        self._key = (s.params_version, id(s.world), self._grid())
        w2 = np.asarray(s.parameters[0][0])
        self.n = w2.shape[0]
        _, self.cols = self._grid()
        self.mosaic = weight_mosaic(w2, self.cols, self.SIDE, self.GAP)
        vmax = symmetric_range([w2]) or 1.0
        self.image.setImage(self.mosaic, levels=(-vmax, vmax), autoLevels=False)
        self.colorbar.setLevels((-vmax, vmax))
        self.view.autoRange(padding=0.01)
        self.vmax = vmax
        self._show_selection()
        self._describe()

    def tile_pixels(self) -> float:
        """On-screen size of one tile in pixels (for the readability check)."""
        if self.mosaic is None:
            return 0.0
        px = self.view.mapViewToDevice(pg.QtCore.QRectF(0, 0, self.SIDE, self.SIDE))
        return float(px.boundingRect().width()) if px is not None else 0.0

    def _describe(self) -> None:
        s = self.session
        txt = translate("Learning", "{n} neurons of layer 2, each tile its 784 incoming weights w²<sub>jk</sub> as "
                        "the 28×28 image (tile j at row j // {cols}, column j % {cols}); colours symmetric about 0, "
                        "scale ±{vmax} (99 % of the |w| are within it; larger ones at full colour).").format(
            n=self.n, cols=self.cols, vmax=f"{self.vmax:.3g}")
        if self.hovered is not None:
            j = self.hovered
            w = np.asarray(s.parameters[0][0][j])
            txt = join_sentences(translate("Learning", "<b>Neuron {j} of layer 2</b>: incoming weights from {lo} to {hi}, "
                            "bias b = {b}. Click to select it.").format(
                j=j, lo=f"{w.min():.3g}", hi=f"{w.max():.3g}", b=f"{float(s.parameters[1][0][j]):.3g}"), txt)
        self.caption.setText(txt)

    def _tile_at_scene(self, pos) -> int | None:
        if self.mosaic is None or not self.view.sceneBoundingRect().contains(pos):
            return None
        p = self.view.mapSceneToView(pos)
        return tile_at(p.x(), p.y(), self.n, self.cols, self.SIDE, self.GAP)

    def _on_move(self, pos) -> None:
        j = self._tile_at_scene(pos)
        if j != self.hovered:
            self.hovered = j
            self._describe()

    def _on_click(self, ev) -> None:
        j = self._tile_at_scene(ev.scenePos())
        if j is not None:
            self.select(j)

    def select(self, j: int) -> None:
        self.session.select((2, j))

    def _show_selection(self) -> None:
        sel = self.session.selection
        if self.mosaic is None or sel is None or sel[0] != 2 or sel[1] >= self.n:
            self.mark.hide()
            return
        r, c = divmod(sel[1], self.cols)
        step = self.SIDE + self.GAP
        self.mark.setRect(c * step - 1, r * step - 1, self.SIDE + 2, self.SIDE + 2)
        self.mark.show()
