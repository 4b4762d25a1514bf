"""The input space of a 2-D dataset: the plane with its points and the network's decision regions,
and beside it every neuron's own output over the plane, layer by layer, updated while training runs.

Click the plane to add a point of the chosen class; shift-click or right-click removes the point
nearest to the click; Clear removes the training points. The numbers come from
:mod:`bpviz.scene.input_space` (one feedforward of a grid through the current parameters).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bpviz.data import plane as plane_data
from bpviz.gui.node_maps import NodeMaps
from bpviz.gui.session import Session
from bpviz.gui.theme import theme
from bpviz.gui.throttle import Throttle
from bpviz.scene.input_space import CLASS_COLOURS, GRID, VIEW_EXTENT, neuron_levels, plane_maps
from bpviz.scene.notation import symbol

#: Redraw at most this often while training runs (ms): the maps follow the weights live.
REFRESH_MS = 100
#: Neurons shown per layer in the maps beside the plane (wider layers show their first ones), and
#: the most tiles in one column (a layer with more takes several columns).
MAX_PER_LAYER = 64
TILE_ROWS = 8
#: A shift-click or right-click removes the nearest point within this distance (plane units).
REMOVE_RADIUS = 0.4
_MAP_LUT = pg.colormap.get("CET-D1").getLookupTable(nPts=256)


class InputSpaceView(QWidget):
    """The plane (left) and the neurons' maps (right) of a 2-D dataset."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.note = QLabel(self.tr("The input space is drawn for the 2-D datasets (circles, moons, spiral, blobs, "
                                   "quadrants): choose one in the Train tab."))
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color:{theme().muted};")
        self.point_class = QComboBox()
        self.point_class.setToolTip(self.tr("The class of the points you click in"))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove every training point (the test points stay, to measure the "
                                             "network on); then click new ones in"))
        self.clear_button.clicked.connect(self.clear_points)
        self.noise = QDoubleSpinBox(minimum=0.0, maximum=plane_data.EXTENT, singleStep=0.05, decimals=2)
        self.noise.setToolTip(self.tr("Noise: the standard deviation of the jitter added to each point"))
        self.points = QSpinBox(minimum=20, maximum=5000, singleStep=50)
        self.points.setToolTip(self.tr("How many points the dataset has (training and test)"))
        self.classes = QSpinBox(minimum=2, maximum=4)
        self.classes.setToolTip(self.tr("Classes (blobs only)"))
        self.regenerate = QPushButton(self.tr("New data"))
        self.regenerate.setToolTip(self.tr("Make the dataset again with this noise and number of points (a new "
                                           "network fits it)"))
        self.regenerate.clicked.connect(self.apply_settings)
        self.in_nodes = QCheckBox(self.tr("In the nodes"))
        self.in_nodes.setChecked(True)
        self.in_nodes.setToolTip(self.tr("Draw each neuron's output over the plane inside its node of the network "
                                         "too"))
        self.in_nodes.toggled.connect(self._on_in_nodes)
        #: the maps drawn into the network view's nodes (set by install())
        self.node_maps: NodeMaps | None = None
        self.hint = QLabel(self.tr("Click: add a point · Shift-click or right-click: remove the nearest · "
                                   "filled: training, hollow: test"))
        self.hint.setStyleSheet(f"color:{theme().muted};")
        self.hint.setWordWrap(True)

        self.plot = pg.PlotWidget(background=theme().plot_background)
        self.plot.setAspectLocked(True)
        self.plot.setXRange(-VIEW_EXTENT, VIEW_EXTENT, padding=0)
        self.plot.setYRange(-VIEW_EXTENT, VIEW_EXTENT, padding=0)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.getPlotItem().setMenuEnabled(False)   # right-click removes a point, it opens no menu
        self.plot.setLabel("bottom", "x₁")
        self.plot.setLabel("left", "x₂")
        self.plot.setMinimumSize(220, 220)
        self.decision = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.decision)
        self.train_points = pg.ScatterPlotItem(size=7, pen=pg.mkPen(theme().translucent(theme().white, 160), width=0.8))
        self.test_points = pg.ScatterPlotItem(size=8, brush=pg.mkBrush(theme().translucent(theme().black, 0)))
        self.plot.addItem(self.train_points)
        self.plot.addItem(self.test_points)
        self.plot.scene().sigMouseClicked.connect(self._on_click)

        self.maps = pg.GraphicsLayoutWidget()
        self.maps.setBackground(theme().plot_background)
        self.maps.setMinimumWidth(160)
        self._tiles: list[tuple[int, int, pg.ImageItem]] = []
        self._layout_key = None

        controls = QHBoxLayout()
        self.labels = [QLabel(self.tr("Class")), QLabel(self.tr("Noise")), QLabel(self.tr("Points"))]
        controls.addWidget(self.labels[0])
        controls.addWidget(self.point_class)
        controls.addWidget(self.clear_button)
        controls.addSpacing(8)
        controls.addWidget(self.labels[1])
        controls.addWidget(self.noise)
        controls.addWidget(self.labels[2])
        controls.addWidget(self.points)
        self.classes_label = QLabel(self.tr("Classes"))
        controls.addWidget(self.classes_label)
        controls.addWidget(self.classes)
        controls.addWidget(self.regenerate)
        controls.addWidget(self.in_nodes)
        controls.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.plot, 3)
        body.addWidget(self.maps, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.note)
        layout.addLayout(controls)
        layout.addLayout(body, 1)
        layout.addWidget(self.hint)

        self.last_maps = None
        self._drawn = None
        # redrawn on the session's events (≤ 10×/s while training); no timer runs while nothing changes
        self._timer = Throttle(REFRESH_MS, self.refresh, self)
        for signal in (session.progress, session.lens_changed, session.step_changed):
            signal.connect(self._timer.request)
        session.world_changed.connect(self._on_world)
        session.points_changed.connect(self._on_points)
        session.parameters_changed.connect(self.refresh)
        self._on_world()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._timer.request()     # maps skipped while hidden are drawn when the tab is shown

    # -- model → view -----------------------------------------------------------------------------
    def _on_world(self) -> None:
        data = self.session.data
        plane = data.is_plane
        for w in (self.plot, self.maps, self.point_class, self.clear_button, self.noise, self.points,
                  self.regenerate, self.hint, self.classes, self.classes_label, self.in_nodes, *self.labels):
            w.setVisible(plane)
        self.note.setVisible(not plane)
        if not plane:
            if self.node_maps is not None:
                self.node_maps.clear()
            return
        spec = plane_data.PlaneSpec.parse(data.name)
        self.point_class.clear()
        for k, name in enumerate(data.class_names):
            self.point_class.addItem(name, k)
        self.noise.setValue(spec.noise_level)
        self.points.setValue(spec.points)
        self.classes.setValue(spec.classes)
        self.classes.setVisible(spec.kind == "blobs")
        self.classes_label.setVisible(spec.kind == "blobs")
        self._draw_points()
        self._drawn = None
        self.refresh()

    def _on_points(self) -> None:
        self._draw_points()
        self._drawn = None
        self.refresh()

    def _draw_points(self) -> None:
        data = self.session.data
        for item, part, filled in ((self.train_points, data.train, True), (self.test_points, data.test, False)):
            if part.points is None or not len(part):
                item.setData([], [])
                continue
            colours = CLASS_COLOURS[part.labels % len(CLASS_COLOURS)]
            if filled:
                item.setData(part.points[:, 0], part.points[:, 1], brush=[pg.mkBrush(*c) for c in colours])
            else:
                item.setData(part.points[:, 0], part.points[:, 1], pen=[pg.mkPen(*c, width=2) for c in colours])

    def refresh(self) -> None:
        """Recompute and redraw the maps when the parameters changed since the last drawing."""
        s = self.session
        in_nodes = self.node_maps is not None and self.in_nodes.isChecked()
        if self.node_maps is not None:   # a step or a lens colours the nodes with other values: theirs show
            self.node_maps.show(not (self.node_maps.view.step_mode or s.lens is not None))
        if not s.data.is_plane or not (self.isVisible() or in_nodes) and self._drawn is not None:
            return
        key = (id(s.world), s.params_version)
        if key == self._drawn:
            return
        self._drawn = key
        self.redraw(s.snapshot_network())

    def redraw(self, network) -> None:
        """Draw the decision regions and every neuron's map for ``network`` (the bench times this)."""
        data = self.session.data
        maps = plane_maps(network, data.features, GRID)
        self.last_maps = maps
        self.decision.setImage(maps.decision_image(), autoLevels=False)
        # (setRect scales by the image's size in pixels: it must follow setImage, not precede it)
        self.decision.setRect(QRectF(-VIEW_EXTENT, -VIEW_EXTENT, 2 * VIEW_EXTENT, 2 * VIEW_EXTENT))
        self._ensure_tiles(network.sizes, data.features)
        act, out = network.activation.name, network.output
        L = network.num_layers
        for l, j, item in self._tiles:
            values = maps.neuron(l, j)
            kind = "input" if l == 1 else (out if l == L else act)
            item.setImage(values, autoLevels=False, levels=neuron_levels(kind, values))
        if self.node_maps is not None:
            self.node_maps.enabled = self.in_nodes.isChecked()
            self.node_maps.update(maps, network, _MAP_LUT)

    def set_node_maps(self, node_maps: NodeMaps) -> None:
        """Draw the maps into the network view's nodes too (``node_maps`` places them)."""
        self.node_maps = node_maps
        self._drawn = None
        self.refresh()

    def _on_in_nodes(self, on: bool) -> None:
        if self.node_maps is not None:
            self.node_maps.enabled = on
            self._drawn = None
            self.refresh()

    def _ensure_tiles(self, sizes, features) -> None:
        key = (tuple(sizes), tuple(features))
        if key == self._layout_key:
            return
        self._layout_key = key
        self.maps.clear()
        self._tiles = []
        shown = [min(n, MAX_PER_LAYER) for n in sizes]
        rows = min(max(shown), TILE_ROWS)
        col = 0
        for i, n in enumerate(shown):
            l = i + 1
            span = -(-n // rows)          # a wide layer takes several columns of tiles
            title = self.tr("inputs") if l == 1 else (self.tr("output") if l == len(sizes) else
                                                      self.tr("layer {l}").format(l=l))
            self.maps.addLabel(title, row=0, col=col, colspan=span, size="8pt")
            for j in range(n):
                vb = self.maps.addViewBox(row=1 + j % rows, col=col + j // rows, lockAspect=True, enableMouse=False)
                vb.setMenuEnabled(False)
                item = pg.ImageItem(axisOrder="row-major")
                item.setLookupTable(_MAP_LUT)
                vb.addItem(item)
                name = plane_data.FEATURE_LABELS.get(features[j], features[j]) if l == 1 else symbol("a", l, j)
                item.setToolTip(name)
                self._tiles.append((l, j, item))
            col += span

    # -- clicks -----------------------------------------------------------------------------------
    def _on_click(self, event) -> None:
        vb = self.plot.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        p = vb.mapSceneToView(event.scenePos())
        remove = (event.button() == Qt.MouseButton.RightButton
                  or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        if event.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            return
        event.accept()
        if remove:
            self.remove_point_near((p.x(), p.y()))
        else:
            self.add_point((p.x(), p.y()), int(self.point_class.currentData() or 0))

    def add_point(self, xy, label: int) -> None:
        self._set(plane_data.add_point(self.session.data, xy, label))

    def remove_point_near(self, xy) -> bool:
        part, i, dist = plane_data.nearest_point(self.session.data, xy)
        if i < 0 or dist > REMOVE_RADIUS:
            return False
        if part == "test" and len(self.session.data.test) <= 1:
            self.session.report("info", self.tr("The last test point stays: the network is measured on it."))
            return False
        self._set(plane_data.remove_point(self.session.data, part, i))
        return True

    def clear_points(self) -> None:
        self._set(plane_data.clear_points(self.session.data))

    def _set(self, data) -> None:
        try:
            self.session.set_points(data)
        except (ValueError, RuntimeError) as e:
            self.session.report("error", str(e))

    def apply_settings(self) -> None:
        """Make the 2-D set again with the noise, number of points (and classes) shown."""
        s = self.session
        spec = plane_data.PlaneSpec.parse(s.data.name)
        try:
            new = spec.with_(noise=round(self.noise.value(), 2), points=self.points.value(),
                             classes=self.classes.value() if spec.kind == "blobs" else 2)
        except ValueError as e:
            s.report("error", str(e))
            return
        from dataclasses import replace

        from bpviz.state import ConfigError

        try:
            s.apply_config(replace(s.config, dataset=new.to_string()))
        except (ConfigError, RuntimeError) as e:
            s.report("error", str(e))


def install(window) -> InputSpaceView:
    """Add the input space as a tab of the window's bottom area; it comes forward with 2-D data."""
    view = InputSpaceView(window.session)
    window.input_space = view
    view.set_node_maps(NodeMaps(window.network_view))
    index = window.bottom_tabs.addTab(view, QCoreApplication.translate("InputSpaceView", "Input space"))
    window.bottom_tabs.setTabToolTip(index, QCoreApplication.translate(
        "InputSpaceView", "2-D data: the points, the decision regions and every neuron's output over the plane"))

    def bring_forward() -> None:
        if window.session.data.is_plane:
            window.bottom_tabs.setCurrentWidget(view)
        elif window.bottom_tabs.currentWidget() is view:   # nothing to draw: back to the cost plot
            window.bottom_tabs.setCurrentIndex(0)

    window.session.world_changed.connect(bring_forward)
    bring_forward()
    return view
