"""Each neuron's output over the input plane drawn inside its node of the network view (2-D data).

An overlay on :class:`~bpviz.gui.network_view.NetworkView`: one small image per node, placed at the
node's centre from the view's layout (``net_layout``) in its view box (``vb``), filled from the
input space's :class:`~bpviz.scene.input_space.PlaneMaps` each time those are computed. The view's
y axis points down, so each map is flipped to keep x₂ pointing up as in the plane.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF

from bpviz.scene.input_space import neuron_levels

#: The map's side as a share of the node's diameter (a square inside the round marker).
INSIDE = 0.72
#: Above the nodes (z 4) and below the selection rings.
Z = 4.5


class NodeMaps:
    """The per-node images of one network view; :meth:`update` draws, :meth:`clear` removes them."""

    def __init__(self, network_view) -> None:
        self.view = network_view
        self.items: dict[tuple[int, int], pg.ImageItem] = {}
        self.rects: dict[tuple[int, int], QRectF] = {}   # where each node's map goes (view coordinates)
        self._layout = None
        self.enabled = True

    def clear(self) -> None:
        for item in self.items.values():
            self.view.vb.removeItem(item)
        self.items, self.rects = {}, {}
        self._layout = None

    def _place(self, lut) -> None:
        self.clear()
        lay = self.view.net_layout
        self._layout = lay
        for ly in lay.layers:
            if ly.grid_shape is not None or ly.framed:   # an image grid or weight tiles: no room inside
                continue
            side = ly.diameter * INSIDE
            for j, (x, y) in enumerate(ly.positions):
                item = pg.ImageItem(axisOrder="row-major")
                item.setLookupTable(lut)
                item.setZValue(Z)
                item.setAcceptHoverEvents(False)   # hovering a node still shows the node's values
                self.view.vb.addItem(item)
                self.rects[(ly.l, j)] = QRectF(float(x) - side / 2, float(y) - side / 2, side, side)
                self.items[(ly.l, j)] = item

    def show(self, shown: bool) -> None:
        """Hide the maps while the nodes' colours say something else (a step, a lens), show them after."""
        for item in self.items.values():
            if item.isVisible() != shown:
                item.setVisible(shown)

    def update(self, maps, network, lut) -> None:
        """Draw ``maps`` (the input space's PlaneMaps of ``network``) into the nodes."""
        if not self.enabled:
            self.clear()
            return
        if self.view.net_layout is not self._layout or tuple(self.view.net_layout.sizes) != tuple(network.sizes):
            self._place(lut)
        act, out, L = network.activation.name, network.output, network.num_layers
        for (l, j), item in self.items.items():
            values = maps.neuron(l, j)
            kind = "input" if l == 1 else (out if l == L else act)
            item.setImage(values[::-1], autoLevels=False, levels=neuron_levels(kind, values))
            item.setRect(self.rects[(l, j)])   # after setImage: the rect maps the image's pixels
