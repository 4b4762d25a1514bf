"""The Draw panel: a canvas for a digit, the 28×28 image the network receives, the output
activations live, and the hand-off of the drawn digit to the step-through."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QMouseEvent, QPainter, QPainterPath, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from bpviz.data import DIGITS
from bpviz.gui.save_drawing import SaveDrawingBox
from bpviz.gui.session import Session
from bpviz.gui.theme import theme
from bpviz.gui.widgets import CompactPlot, scrolling_layout

CANVAS = 280  # logical pixels, ten times MNIST's 28


class DigitCanvas(QWidget):
    """White strokes on black, kept as a list of strokes so the last one can be undone."""

    changed = Signal()  # the drawing changed (a stroke grew, was undone, or the canvas cleared)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(CANVAS, CANVAS)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setToolTip(self.tr("Draw a digit with the mouse or a pen · Esc clears · Ctrl+Z undoes the last stroke"))
        self.pen_width = 22.0
        self.strokes: list[tuple[float, list[QPointF]]] = []
        self._drawing = False
        # the image is kept at the screen's resolution so strokes stay smooth on high-DPI screens
        self._ratio = max(1.0, self.devicePixelRatioF())
        self.image = QImage(int(CANVAS * self._ratio), int(CANVAS * self._ratio), QImage.Format.Format_Grayscale8)
        self.image.setDevicePixelRatio(self._ratio)
        self.image.fill(0)

    # -- model ---------------------------------------------------------------------------------
    @property
    def empty(self) -> bool:
        return not self.strokes

    def clear(self) -> None:
        self.strokes = []
        self._render()

    def undo(self) -> None:
        if self.strokes:
            self.strokes.pop()
            self._render()

    def add_stroke(self, points, width: float | None = None) -> None:
        """Add a whole stroke through ``points`` (canvas coordinates), as if drawn."""
        self.strokes.append((self.pen_width if width is None else float(width), [QPointF(*p) for p in points]))
        self._render()

    def to_array(self) -> np.ndarray:
        """The drawing as (CANVAS, CANVAS) float in [0, 1] (downsampled if high-DPI)."""
        img = self.image
        ptr = img.constBits()
        arr = np.frombuffer(ptr, dtype=np.uint8, count=img.sizeInBytes()).reshape(img.height(), img.bytesPerLine())
        arr = arr[:, : img.width()].astype(np.float32) / 255.0
        r = img.width() // CANVAS
        if r > 1:
            arr = arr[: CANVAS * r, : CANVAS * r].reshape(CANVAS, r, CANVAS, r).mean(axis=(1, 3))
        return arr

    # -- drawing -------------------------------------------------------------------------------
    def _pen(self, width: float) -> QPen:
        pen = QPen(QColor(theme().ink), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        return pen

    def _paint_stroke(self, painter: QPainter, width: float, pts: list[QPointF]) -> None:
        painter.setPen(self._pen(width))
        if len(pts) == 1:
            painter.drawPoint(pts[0])
        else:
            path = QPainterPath(pts[0])
            for p in pts[1:]:
                path.lineTo(p)
            painter.drawPath(path)

    def _render(self) -> None:
        self.image.fill(0)
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for width, pts in self.strokes:
            self._paint_stroke(painter, width, pts)
        painter.end()
        self.update()
        self.changed.emit()

    def _add_point(self, p: QPointF) -> None:
        width, pts = self.strokes[-1]
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._pen(width))
        if pts:
            painter.drawLine(pts[-1], p)
        else:
            painter.drawPoint(p)
        painter.end()
        pts.append(p)
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton:
            self._drawing = True
            self.strokes.append((self.pen_width, []))
            self._add_point(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drawing and event.buttons() & Qt.MouseButton.LeftButton:
            self._add_point(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._drawing = False

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.drawImage(QRectF(0, 0, CANVAS, CANVAS), self.image)
        painter.setPen(QPen(QColor(theme().canvas_frame), 1))
        painter.drawRect(0, 0, CANVAS - 1, CANVAS - 1)
        if self.empty:
            painter.setPen(QColor(theme().canvas_hint))
            painter.drawText(QRectF(0, 0, CANVAS, CANVAS), Qt.AlignmentFlag.AlignCenter, self.tr("draw a digit here"))
        painter.end()


class DrawPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.input: np.ndarray | None = None    # (784,) the image the network receives
        self.output: np.ndarray | None = None   # (n_L,) its output activations

        self.canvas = DigitCanvas()
        self.canvas.changed.connect(self.update_prediction)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear the canvas (Esc)"))
        self.clear_button.clicked.connect(self.canvas.clear)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Remove the last stroke (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.canvas.undo)
        self.width_slider = QSlider(Qt.Orientation.Horizontal, minimum=8, maximum=40, value=22)
        self.width_slider.setToolTip(self.tr("Pen width (MNIST strokes are about 22 px on this 280 px canvas)"))
        self.width_slider.valueChanged.connect(lambda v: setattr(self.canvas, "pen_width", float(v)))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.canvas.clear)
        tools = QHBoxLayout()
        tools.addWidget(self.clear_button)
        tools.addWidget(self.undo_button)
        tools.addWidget(QLabel(self.tr("Pen")))
        tools.addWidget(self.width_slider, 1)

        self.preview = QLabel()
        self.preview.setFixedSize(112, 112)
        self.preview.setToolTip(self.tr("Exactly the 28×28 image the network receives: cropped, scaled to fit "
                                        "20×20, centred by its centre of mass, as MNIST was made"))
        self.preview.setStyleSheet(f"border:1px solid {theme().border};")
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.answer.setTextFormat(Qt.TextFormat.RichText)
        self.answer.setStyleSheet("font-size:12pt;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color:{theme().muted};")
        side = QVBoxLayout()
        side.addWidget(self.answer)
        side.addWidget(self.note, 1)
        row = QHBoxLayout()
        row.addWidget(self.preview)
        row.addLayout(side, 1)

        self.bars_plot = CompactPlot(background=theme().plot_background)
        self.bars_plot.setMinimumHeight(150)
        self.bars_plot.setMenuEnabled(False)
        self.bars_plot.setMouseEnabled(False, False)
        self.bars_plot.setYRange(0, 1, padding=0.02)
        self.bars_plot.setLabel("left", self.tr("output activation aᴸ"))
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.75, brush=theme().blue)
        self.bars_plot.addItem(self.bars)

        hand = QGroupBox(self.tr("Step through this digit"))
        self.target = QComboBox()
        self.target.setMinimumContentsLength(3)   # a class name, not squeezed to "0" cut off
        self.target.setToolTip(self.tr("The label y to backpropagate against (default: what the network says)"))
        self.step_button = QPushButton(self.tr("Step through this digit"))
        self.step_button.setToolTip(self.tr("Open the step-through on this 28×28 image with the chosen target"))
        self.step_button.clicked.connect(self.step_through)
        hl = QHBoxLayout(hand)
        hl.addWidget(QLabel(self.tr("target")))
        hl.addWidget(self.target)
        hl.addWidget(self.step_button, 1)

        layout = scrolling_layout(self)
        layout.addWidget(self.canvas, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(tools)
        layout.addLayout(row)
        layout.addWidget(self.bars_plot, 1)
        layout.addWidget(hand)
        self.save_box = SaveDrawingBox(session, self.canvas.to_array)   # issue 19: your own image dataset
        layout.addWidget(self.save_box)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._target_user_set = False
        self.target.activated.connect(lambda _: setattr(self, "_target_user_set", True))
        session.world_changed.connect(self._on_network)
        session.parameters_changed.connect(self.update_prediction)
        self._on_network()

    hand_off = Signal()  # the user asked to step through the drawn digit

    # -- prediction ------------------------------------------------------------------------
    def _on_network(self) -> None:
        names = self.session.data.class_names
        self.target.clear()
        for j, n in enumerate(names[: self.session.network.sizes[-1]]):
            self.target.addItem(n, j)
        n_out = self.session.network.sizes[-1]
        self.bars_plot.getAxis("bottom").setTicks([[(j, names[j] if j < len(names) else str(j)) for j in range(n_out)]])
        self.update_prediction()

    def update_prediction(self) -> None:
        s = self.session
        digits = s.data.class_names == DIGITS
        usable = s.can_draw
        self.input, self.output = (None, None) if self.canvas.empty else s.predict_drawing(self.canvas.to_array())
        x28 = None if self.input is None else self.input.reshape(28, 28)
        self._show_preview(x28)
        n_out = s.network.sizes[-1]
        if self.input is None:
            self.bars.setOpts(x=np.arange(n_out), height=np.zeros(n_out), brushes=[theme().blue] * n_out)
            if not digits:
                self.answer.setText(self.tr("The canvas is for handwritten digits (MNIST); the dataset now is "
                                            "{name}. Choose an MNIST dataset in the Train tab to draw.").format(
                    name=s.data.name))
            else:
                self.answer.setText("" if usable else
                                    self.tr("The canvas needs a network with 784 inputs (28×28 images)."))
            self.step_button.setEnabled(False)
            self.note.setText(self._model_note())
            s.set_drawn(None)
            return
        j = int(np.argmax(self.output))
        names = s.data.class_names
        brushes = [theme().highlight if i == j else theme().blue for i in range(n_out)]
        self.bars.setOpts(x=np.arange(n_out), height=self.output, brushes=brushes)
        self.answer.setText(self.tr("The network says <b>{name}</b>").format(name=names[j])
                            + f" (a<sup>L</sup><sub>{j}</sub> = {self.output[j]:.3f})")
        if not self._target_user_set:
            self.target.setCurrentIndex(j)
        self.step_button.setEnabled(s.can_step)
        self.note.setText(self._model_note())
        s.set_drawn(self.input)

    def _model_note(self) -> str:
        s = self.session
        net = s.network
        what = (self.tr("Predicting with the loaded model {name} {sizes}.") if s.model_path else
                self.tr("Predicting with the network of the Train tab {sizes}.")).format(
            name=(s.model_path or "").rsplit("/", 1)[-1], sizes=list(net.sizes))
        kind = (self.tr("Softmax outputs: positive and adding up to 1, the network's probability for each "
                        "class.") if net.output == "softmax" else
                self.tr("Outputs are activations of independent sigmoid neurons, not probabilities: they need "
                        "not add up to 1.") if net.cost.name == "quadratic" else
                self.tr("Sigmoid outputs trained with cross-entropy: each is the network's score for its class, "
                        "not a probability distribution."))
        return f"{what} {kind}"

    def _show_preview(self, x28: np.ndarray | None) -> None:
        img = np.zeros((28, 28), dtype=np.uint8) if x28 is None else (x28 * 255).astype(np.uint8)
        qimg = QImage(img.data, 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
        self.preview.setPixmap(QPixmap.fromImage(qimg).scaled(112, 112, Qt.AspectRatioMode.KeepAspectRatio,
                                                             Qt.TransformationMode.FastTransformation))

    def step_through(self) -> None:
        if self.input is None:
            return
        try:
            self.session.build_steps(batch=False, x=self.input, label=int(self.target.currentData()))
        except RuntimeError as e:
            self.session.report("warning", str(e))
            return
        self.hand_off.emit()
