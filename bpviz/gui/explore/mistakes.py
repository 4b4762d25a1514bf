"""Learning from mistakes (issue 13): confusion matrix and gallery, teach one example, which pixels matter.

Two panels built on :mod:`bpviz.core.mistakes` (every number shown comes from there):

* **Mistakes** (bottom tab): the confusion matrix of the test set (or the validation set) on
  the network's latest parameters, recomputed after each epoch and on demand, the most
  confused pairs, and a gallery of the images of a clicked cell. Clicking an image makes it
  the shown sample and opens the step-through on it with its true label as the target.
* **Teach** (left tab): one gradient-descent step on the shown example with a chosen label
  (the seed's ``update_mini_batch`` on a batch of one, through a core ``Teacher``), with an
  exact undo; and ∂C/∂x — BP2 carried one layer further to the input — as a map beside the
  image, with nudges of the input along −∂C/∂x.

All of it is fast enough for the GUI thread (a confusion matrix of 10,000 images ≈ 30 ms, a
teaching step with its two passes over the test set ≈ 60 ms): no worker thread is started.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpviz.core.mistakes import SORT_KEYS, Confusion, Teacher, confusion, input_gradient, nudge, nudge_until
from bpviz.explain.mistakes import teaching_eta
from bpviz.gui.network_view import diverging_cmap
from bpviz.gui.session import IDLE, Session
from bpviz.gui.widgets import CompactPlot, number_field, scrolling_layout, signals_blocked
from bpviz.i18n import translate
from bpviz.scene.layout import square_side
from bpviz.scene.lens import Lens
from bpviz.scene.mistakes_text import cell_caption, class_text, nudge_caption, teach_caption
from bpviz.scene.notation import fmt

BACKGROUND = "#16181d"
GALLERY_MAX = 400          # thumbnails drawn at most (a diagonal cell can hold a thousand images)
THUMB = 56                 # thumbnail image side in pixels
BAR_H = 16                 # height of the output-activation strip under a thumbnail
SORT_NAMES = {"confidence": "confidence", "margin": "margin", "index": "index"}
OK_COLOUR, WRONG_COLOUR, OTHER_COLOUR = "#34d399", "#f87171", "#94a3b8"


# -- small image helpers --------------------------------------------------------------------------
def _lut() -> np.ndarray:
    return diverging_cmap().getLookupTable(0.0, 1.0, 256, alpha=True)  # (256, 4) uint8


def grey_image(x: np.ndarray) -> QImage:
    """A square image in [0, 1] (side²,) as an 8-bit grey QImage (white = 1)."""
    side = int(round(np.sqrt(x.shape[0])))
    a = np.ascontiguousarray((np.clip(x.reshape(side, side), 0, 1) * 255).astype(np.uint8))
    return QImage(a.data, side, side, side, QImage.Format.Format_Grayscale8).copy()


def diverging_image(v: np.ndarray, vmax: float, lut: np.ndarray) -> QImage:
    """Signed values (side²,) on the diverging map, symmetric about 0: −vmax blue, 0 grey, +vmax red."""
    side = int(round(np.sqrt(v.shape[0])))
    vmax = vmax or 1.0
    level = np.clip((np.asarray(v, dtype=np.float64).reshape(side, side) / vmax + 1) * 127.5, 0, 255)
    rgba = np.ascontiguousarray(lut[level.astype(np.uint8)])
    return QImage(rgba.data, side, side, 4 * side, QImage.Format.Format_RGBA8888).copy()


def colour_scale_image(lut: np.ndarray, width: int = 120, height: int = 10) -> QImage:
    row = np.ascontiguousarray(np.repeat(lut[np.linspace(0, 255, width).astype(int)][None], height, axis=0))
    return QImage(row.data, width, height, 4 * width, QImage.Format.Format_RGBA8888).copy()


def image_label(tip: str, side: int = 112) -> QLabel:
    lab = QLabel()
    lab.setFixedSize(side, side)
    lab.setStyleSheet("background: #000; border: 1px solid #4b5563;")
    lab.setToolTip(tip)
    lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return lab


def show_image(label: QLabel, img: QImage | None) -> None:
    if img is None:
        label.clear()
        return
    label.setPixmap(QPixmap.fromImage(img).scaled(label.width() - 2, label.height() - 2,
                                                  Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.FastTransformation))


def thumbnail(x: np.ndarray, outputs: np.ndarray, true_label: int) -> QIcon:
    """The image with a strip of its output activations below: the true label's bar green,
    the prediction's red when it is wrong, the others grey."""
    pred = int(np.argmax(outputs))
    pm = QPixmap(THUMB, THUMB + BAR_H + 2)
    pm.fill(QColor(BACKGROUND))
    p = QPainter(pm)
    p.drawImage(0, 0, grey_image(x).scaled(THUMB, THUMB))
    n = outputs.shape[0]
    w = THUMB / n
    for j, a in enumerate(outputs):
        colour = OK_COLOUR if j == true_label else WRONG_COLOUR if j == pred else OTHER_COLOUR
        h = max(1, int(round(float(np.clip(a, 0, 1)) * BAR_H)))
        p.fillRect(int(j * w) + 1, THUMB + 2 + BAR_H - h, max(1, int(w) - 1), h, QColor(colour))
    p.end()
    return QIcon(pm)


def output_plot(title: str, legend: str) -> tuple[CompactPlot, pg.BarGraphItem, pg.BarGraphItem]:
    """A small bar plot of output activations: 'before' grey bars and 'after' blue ones."""
    plot = CompactPlot(background=BACKGROUND)
    plot.setTitle(legend, size="8pt", color="#9ca3af")
    plot.setMinimumHeight(130)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    plot.setYRange(0, 1, padding=0.02)
    plot.setLabel("left", title)
    before = pg.BarGraphItem(x=np.arange(1), height=np.zeros(1), width=0.38, brush="#6b7280")
    after = pg.BarGraphItem(x=np.arange(1), height=np.zeros(1), width=0.38, brush="#60a5fa")
    plot.addItem(before)
    plot.addItem(after)
    return plot, before, after


def set_bars(plot: CompactPlot, before_item, after_item, names, before: np.ndarray | None,
             after: np.ndarray | None) -> None:
    n = len(names)
    plot.getAxis("bottom").setTicks([[(j, names[j]) for j in range(n)]])
    plot.setXRange(-0.6, n - 0.4, padding=0)
    x = np.arange(n)
    if before is None:
        before_item.setOpts(x=x, height=np.zeros(n))
        after_item.setOpts(x=x, height=np.zeros(n) if after is None else after, width=0.7)
        return
    before_item.setOpts(x=x - 0.2, height=before, width=0.38)
    after_item.setOpts(x=x + 0.2, height=np.zeros(n) if after is None else after, width=0.38)


# -- 1. confusion matrix and gallery ---------------------------------------------------------------
class ConfusionPanel(QWidget):
    """The confusion matrix of a split (rows: true label, columns: prediction) and a gallery."""

    def __init__(self, session: Session, window, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.window = window
        self.result: Confusion | None = None
        self.split_name = "test"
        self.cell_shown: tuple[int, int] | None = None
        self.gallery_indices = np.zeros(0, dtype=np.int64)
        self.gallery_split = "test"
        self._dirty = True

        self.split = QComboBox()
        # "test (10,000 images)" whole, in either language
        widest = translate("Mistakes", "validation ({n} images)").format(n="10,000")
        self.split.setMinimumWidth(self.split.fontMetrics().horizontalAdvance(widest) + 40)
        self.split.setToolTip(translate("Mistakes", "Which set the matrix counts: the test set, or the validation set when the data "
                              "have one"))
        self.split.currentIndexChanged.connect(self._on_split)
        self.recompute_button = QPushButton(translate("Mistakes", "Recompute"))
        self.recompute_button.setToolTip(translate("Mistakes", "Run the network's latest weights over the set again (Ctrl+M). It is also "
                                         "recomputed after every epoch."))
        self.recompute_button.clicked.connect(self.recompute)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setToolTip(translate("Mistakes", "Images of the set the network classifies right, on the weights the matrix was "
                               "computed on"))
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("Mistakes", "Set:")))
        top.addWidget(self.split, 1)
        top.addWidget(self.recompute_button)

        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setToolTip(translate("Mistakes", "Rows: the true label; columns: what the network predicted. Click a cell to see "
                              "its images."))
        self.table.setStyleSheet("QTableWidget { gridline-color: #374151; font-size: 10px; } "
                                 "QTableWidget::item { padding: 0; } QHeaderView::section { "
                                 "background: #2a2e37; color: #cbd5e1; padding: 0 2px; border: 0; font-size: 11px; }")
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        for h in (self.table.horizontalHeader(), self.table.verticalHeader()):
            h.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            h.setMinimumSectionSize(14)
            h.setDefaultSectionSize(16)
        self.table.cellClicked.connect(self.open_cell)
        self.axes_note = QLabel(translate("Mistakes", "rows: true label · columns: predicted"))
        self.axes_note.setStyleSheet("color: #9ca3af;")
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(2)
        left.addLayout(top)
        left.addWidget(self.table, 1)
        left.addWidget(self.axes_note)

        self.pairs = QLabel()
        self.pairs.setWordWrap(True)
        self.pairs.setTextFormat(Qt.TextFormat.RichText)
        # gallery
        self.gallery_caption = QLabel(translate("Mistakes", "Click a cell of the matrix to see its images."))
        self.gallery_caption.setWordWrap(True)
        self.gallery_caption.setStyleSheet("color: #facc15;")
        self.sort = QComboBox()
        for key in SORT_KEYS:
            names = {"confidence": translate("Mistakes", "confidence"), "margin": translate("Mistakes", "margin"),
                     "index": translate("Mistakes", "index")}
            self.sort.addItem(names.get(key, SORT_NAMES.get(key, key)), key)
        self.sort.setToolTip(translate("Mistakes", "Order of the images. confidence: aᴸ_p, how sure the network was of its prediction "
                             "p (highest first); margin: aᴸ_p − aᴸ_t, how far the true class t is behind "
                             "(largest first); index: their position in the set"))
        self.sort.currentIndexChanged.connect(self._resort)
        self.gallery = QListWidget()
        self.gallery.setViewMode(QListWidget.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(THUMB, THUMB + BAR_H + 2))
        self.gallery.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.gallery.setMovement(QListWidget.Movement.Static)
        self.gallery.setUniformItemSizes(True)
        self.gallery.setGridSize(QSize(THUMB + 34, THUMB + BAR_H + 40))
        self.gallery.setStyleSheet("QListWidget { font-size: 11px; }")
        self.gallery.setToolTip(translate("Mistakes", "Each image with its output activations aᴸ as bars (green: the true label, red: "
                                "a wrong prediction). Click an image to step through backpropagation on it."))
        self.gallery.itemClicked.connect(self._on_item)
        self.gallery.setMinimumHeight(THUMB + BAR_H + 44)
        self.status.setWordWrap(True)
        grow = QHBoxLayout()
        grow.addWidget(self.status, 1)
        grow.addWidget(QLabel(translate("Mistakes", "Sort by")))
        grow.addWidget(self.sort)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(2)
        right.addLayout(grow)
        right.addWidget(self.pairs)
        right.addWidget(self.gallery_caption)
        for lab in (self.status, self.pairs, self.gallery_caption):
            lab.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        right.addWidget(self.gallery, 1)

        h = QHBoxLayout(self)
        h.setContentsMargins(4, 4, 4, 4)
        lw, rw = QWidget(), QWidget()
        lw.setLayout(left)
        rw.setLayout(right)
        lw.setMinimumWidth(250)
        lw.setMaximumWidth(440)
        rw.setMinimumWidth(150)
        h.addWidget(lw, 5)
        h.addWidget(rw, 4)

        session.epoch_finished.connect(lambda _ev: self._changed())
        session.parameters_changed.connect(self._changed)
        session.world_changed.connect(self._on_world)
        self._on_world()

    # -- computing ---------------------------------------------------------------------------
    def _split_data(self, name: str | None = None):
        d = self.session.data
        return d.validation if (name or self.split_name) == "validation" else d.test

    def _on_world(self) -> None:
        d = self.session.data
        with signals_blocked(self.split):
            self.split.clear()
            self.split.addItem(translate("Mistakes", "test ({n} images)").format(n=f"{len(d.test):,}"), "test")
            if d.validation is not None and len(d.validation):
                self.split.addItem(translate("Mistakes", "validation ({n} images)").format(n=f"{len(d.validation):,}"),
                                   "validation")
        self.split.setEnabled(self.split.count() > 1)
        self.split_name = "test"
        self.cell_shown = None
        self.show_images(np.zeros(0, dtype=np.int64), "test",
                         translate("Mistakes", "Click a cell of the matrix to see its images."))
        self._changed()

    def _on_split(self, _i: int) -> None:
        self.split_name = self.split.currentData() or "test"
        self.cell_shown = None
        self.recompute()

    def _changed(self) -> None:
        """New weights: recompute now if the matrix is on screen, else when it is shown."""
        self._dirty = True
        if self.isVisible():
            self.recompute()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._dirty:
            self.recompute()

    def recompute(self) -> None:
        s = self.session
        ds = self._split_data()
        net = s.snapshot_network()
        self.result = confusion(net, ds.x, ds.labels)
        self._dirty = False
        when = translate("Mistakes", " (the run's latest weights)") if s.state != IDLE else ""
        self.status.setText(translate("Mistakes", "<b>{right} / {total}</b> right ({percent}%)").format(
            right=f"{self.result.correct:,}", total=f"{self.result.total:,}", percent=f"{100 * self.result.accuracy:.2f}"))
        tip = (translate("Mistakes", "Images of the {split} set the network classifies right, computed on the weights after {n} "
                 "epoch{when}") if s.epochs_done == 1 else
               translate("Mistakes", "Images of the {split} set the network classifies right, computed on the weights after {n} "
                 "epochs{when}"))
        self.status.setToolTip(tip.format(split=self.split_text(self.split_name), n=s.epochs_done, when=when))
        self._fill_table()
        if self.cell_shown is not None:
            self.open_cell(*self.cell_shown)

    def _fill_table(self) -> None:
        m = self.result.matrix
        n = m.shape[0]
        names = self.session.data.class_names
        self.table.setRowCount(n)
        self.table.setColumnCount(n)
        self.table.setHorizontalHeaderLabels([str(names[j]) for j in range(n)])
        self.table.setVerticalHeaderLabels([str(names[j]) for j in range(n)])
        off = m.copy()
        np.fill_diagonal(off, 0)
        off_max = max(int(off.max()), 1)
        row_tot = np.maximum(m.sum(axis=1), 1)
        for t in range(n):
            for p in range(n):
                c = int(m[t, p])
                it = QTableWidgetItem(str(c) if c else "·")
                it.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if t == p:
                    f = c / row_tot[t]    # share of the class it gets right
                    bg = QColor(int(22 + 20 * f), int(60 + 100 * f), int(45 + 50 * f))
                    it.setForeground(QColor("#ecfdf5"))
                else:
                    f = (c / off_max) ** 0.6 if c else 0.0
                    bg = QColor(int(31 + 160 * f), int(34 + 10 * f), int(41 + 10 * f))
                    it.setForeground(QColor("#f3f4f6" if c else "#6b7280"))
                it.setBackground(bg)
                what = (translate("Mistakes", "correctly classified") if t == p else
                        translate("Mistakes", "predicted as {label}").format(label=class_text(names, p)))
                tip = (translate("Mistakes", "{n} image of {label} {what} — click to see it") if c == 1 else
                       translate("Mistakes", "{n} images of {label} {what} — click to see them"))
                it.setToolTip(tip.format(n=c, label=class_text(names, t), what=what))
                self.table.setItem(t, p, it)
        pairs = self.result.most_confused(10)
        if pairs:
            def line(q) -> str:
                return translate("Mistakes", "<b>{true}</b> taken for <b>{predicted}</b> {n}×").format(
                    true=class_text(names, q.true_label), predicted=class_text(names, q.predicted), n=q.count)
            self.pairs.setText(translate("Mistakes", "Most confused: ") + " · ".join(line(q) for q in pairs[:3]))
            self.pairs.setToolTip(translate("Mistakes", "The off-diagonal cells with the most images (click a cell to see them):")
                                  + "<br>" + "<br>".join(line(q) for q in pairs))
        else:
            self.pairs.setText(translate("Mistakes", "No mistakes on this set."))

    @staticmethod
    def split_text(name: str) -> str:
        return {"test": translate("Mistakes", "test"), "validation": translate("Mistakes", "validation")}.get(name, name)

    # -- the gallery -------------------------------------------------------------------------
    def open_cell(self, t: int, p: int) -> None:
        """Show the images of cell (true t, predicted p) in the gallery, in the chosen order."""
        if self.result is None or self._dirty:
            self.recompute()
        self.cell_shown = (t, p)
        with signals_blocked(self.table):
            self.table.setCurrentCell(t, p)
        cell = self.result.cell(t, p, self.sort.currentData())
        names = self.session.data.class_names
        self.show_images(cell.indices, self.split_name,
                         translate("Mistakes", "{caption} ({split} set).").format(caption=cell_caption(cell, names),
                                                               split=self.split_text(self.split_name)), cell.outputs)

    def _resort(self) -> None:
        if self.cell_shown is not None:
            self.open_cell(*self.cell_shown)
        elif self.gallery_indices.size:
            self.show_images(self.gallery_indices, self.gallery_split, self._caption_base, None)

    def show_images(self, indices: np.ndarray, split: str, caption: str, outputs: np.ndarray | None = None) -> None:
        """Fill the gallery with these images of ``split`` ("test" or "validation").

        Without ``outputs`` they are computed on the latest weights, and sorted by the chosen
        order (images from a teaching step's changed predictions, for instance).
        """
        self.gallery.clear()
        self._caption_base = caption
        indices = np.asarray(indices, dtype=np.int64)
        ds = self._split_data(split)
        if outputs is None and indices.size:
            outputs = self.session.snapshot_network().feedforward(ds.x[indices])
            pred = np.argmax(outputs, axis=1)
            order = self.sort.currentData()
            rows = np.arange(indices.size)
            if order == "confidence":
                key = outputs[rows, pred]
            elif order == "margin":
                key = outputs[rows, pred] - outputs[rows, ds.labels[indices]]
            else:
                key = -indices.astype(np.float64)
            perm = np.argsort(-np.asarray(key, dtype=np.float64), kind="stable")
            indices, outputs = indices[perm], outputs[perm]
        self.gallery_indices = indices
        self.gallery_split = split
        names = self.session.data.class_names
        shown = min(indices.size, GALLERY_MAX)
        for r in range(shown):
            i = int(indices[r])
            t = int(ds.labels[i])
            out = outputs[r]
            pred = int(np.argmax(out))
            item = QListWidgetItem(thumbnail(ds.x[i], out, t), f"#{i} {names[t]}→{names[pred]}\n{fmt(float(out[pred]), 2)}")
            item.setData(Qt.ItemDataRole.UserRole, i)
            bars = translate("Mistakes", ", ").join(translate("Mistakes", "{name}: {a}").format(
                name=names[j], a=fmt(float(a), 3)) for j, a in enumerate(out))
            item.setToolTip(translate("Mistakes", "{split} image #{i}: true label {true}, predicted {predicted} (aᴸ = {a})\naᴸ: "
                              "{bars}\nClick: step through backpropagation on it with target {target}").format(
                split=self.split_text(split), i=i, true=class_text(names, t), predicted=class_text(names, pred),
                a=fmt(float(out[pred])), bars=bars, target=names[t]))
            self.gallery.addItem(item)
        more = translate("Mistakes", " Showing the first {n}.").format(n=f"{shown:,}") if shown < indices.size else ""
        self.gallery_caption.setText(caption + more)

    def _on_item(self, item: QListWidgetItem) -> None:
        self.open_image(int(item.data(Qt.ItemDataRole.UserRole)))

    def open_image(self, i: int) -> None:
        """Make image i the current sample and open the step-through on it, target = its true label."""
        s = self.session
        if not s.can_step:
            s.report("warning", translate("Mistakes", "Pause or stop training first: the step-through needs weights that stand still."))
            return
        ds = self._split_data(self.gallery_split)
        try:
            if self.gallery_split == "test":
                s.set_sample(i)
                s.use_test_sample()     # step through the test image, not a drawn digit
                s.build_steps(batch=False)
            else:   # a validation image is not a test sample: step through it as a custom input
                s.build_steps(batch=False, x=ds.x[i], label=int(ds.labels[i]))
        except RuntimeError as e:
            s.report("warning", str(e))
            return
        self.window.show_step_tab()


# -- 2 and 3. teach it this example; which pixels matter --------------------------------------------
class TeachPanel(QWidget):
    """One gradient-descent step on the shown example, with exact undo; ∂C/∂x and nudges."""

    def __init__(self, session: Session, window, confusion_panel: ConfusionPanel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.window = window
        self.confusion_panel = confusion_panel
        self.teacher: Teacher | None = None
        self._synced: tuple[int, int] | None = None   # (world id, params_version) after our last change
        self._applying = False
        self.last_step = None
        self.gradient: np.ndarray | None = None
        self.nudged: np.ndarray | None = None
        self.nudge_result = None
        self.own_lens: Lens | None = None
        self._lut = _lut()
        layout = scrolling_layout(self)

        # input and label
        box = QGroupBox(translate("Mistakes", "Teach it this example"))
        g = QGridLayout(box)
        self.source = QComboBox()
        self.source.addItem(translate("Mistakes", "the test image shown"), "test")
        self.source.addItem(translate("Mistakes", "the digit drawn in the Draw tab"), "drawn")
        self.source.setToolTip(translate("Mistakes", "Which input to teach: the test image the window shows (pick one in the Sample "
                               "panel or the gallery) or the digit you drew in the Draw tab"))
        self.source.currentIndexChanged.connect(self._on_input)
        self.source_info = QLabel()
        self.source_info.setWordWrap(True)
        self.label = QComboBox()
        self.label.setToolTip(translate("Mistakes", "The label to teach: the target y is its one-hot vector"))
        self.label.currentIndexChanged.connect(self._on_label)
        self.eta = QLineEdit()
        number_field(self.eta)
        self.eta.setToolTip(translate("Mistakes", "Learning rate η of this one step"))
        self.eta.setMaximumWidth(90)
        self.eta_note = QLabel()
        self.eta_note.setWordWrap(True)
        self.eta_note.setStyleSheet("color: #9ca3af;")
        self.eta_error = QLabel()
        self.eta_error.setWordWrap(True)
        self.eta_error.setStyleSheet("color: #fca5a5;")
        self.teach_button = QPushButton(translate("Mistakes", "Teach (one step)"))
        self.teach_button.setToolTip(translate("Mistakes", "One gradient-descent step on this example alone: w → w − η δ (a)ᵀ, "
                                     "b → b − η δ (Ctrl+T). Repeat to watch it learn the example."))
        self.teach_button.clicked.connect(self.teach)
        self.undo_button = QPushButton(translate("Mistakes", "Undo step"))
        self.undo_button.setToolTip(translate("Mistakes", "Put back the weights from before the last teaching step, bit for bit "
                                    "(Ctrl+U; Ctrl+Z is the window's undo of replaced networks)"))
        self.undo_button.clicked.connect(self.undo)
        self.undo_all_button = QPushButton(translate("Mistakes", "Undo all"))
        self.undo_all_button.setToolTip(translate("Mistakes", "Put back the weights from before the first teaching step"))
        self.undo_all_button.clicked.connect(self.undo_all)
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #fcd34d;")
        g.addWidget(QLabel(translate("Mistakes", "Input:")), 0, 0)
        g.addWidget(self.source, 0, 1, 1, 2)
        g.addWidget(self.source_info, 1, 0, 1, 3)
        g.addWidget(QLabel(translate("Mistakes", "Label k:")), 2, 0)
        g.addWidget(self.label, 2, 1, 1, 2)
        g.addWidget(QLabel("η:"), 3, 0)
        g.addWidget(self.eta, 3, 1)
        g.addWidget(self.eta_error, 3, 2)
        g.addWidget(self.eta_note, 4, 0, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.teach_button, 2)
        buttons.addWidget(self.undo_button, 1)
        buttons.addWidget(self.undo_all_button, 1)
        g.addLayout(buttons, 5, 0, 1, 3)
        g.addWidget(self.refusal, 6, 0, 1, 3)
        g.setColumnStretch(2, 1)
        layout.addWidget(box)

        res = QGroupBox(translate("Mistakes", "What the step did"))
        rl = QVBoxLayout(res)
        self.caption = QLabel(translate("Mistakes", "No step yet."))
        self.caption.setWordWrap(True)
        self.bars, self.bars_before, self.bars_after = output_plot("aᴸ", translate("Mistakes", "grey: before the step · blue: after"))
        self.bars.setToolTip(translate("Mistakes", "Output activations of this input before the last step (grey) and after (blue)"))
        self.cost_label = QLabel()
        self.cost_label.setWordWrap(True)
        self.test_label = QLabel()
        self.test_label.setWordWrap(True)
        self.show_changed_button = QPushButton(translate("Mistakes", "Show the changed test images"))
        self.show_changed_button.setToolTip(translate("Mistakes", "Show in the Mistakes gallery exactly the test images whose prediction "
                                            "the last step changed"))
        self.show_changed_button.clicked.connect(self.show_changed)
        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        self.history_label.setStyleSheet("color: #9ca3af;")
        rl.addWidget(self.caption)
        rl.addWidget(self.bars)
        rl.addWidget(self.cost_label)
        rl.addWidget(self.test_label)
        rl.addWidget(self.show_changed_button)
        rl.addWidget(self.history_label)
        layout.addWidget(res)

        # which pixels matter
        px = QGroupBox(translate("Mistakes", "Which pixels matter: ∂C/∂x"))
        pl = QVBoxLayout(px)
        self.pixels_note = QLabel()
        self.pixels_note.setWordWrap(True)
        self.pixels_note.setStyleSheet("color: #9ca3af;")
        imgs = QGridLayout()
        # three 92-px images fit the side panel at 1000 px (104 px pushed it 31 px past its edge)
        self.input_image = image_label(translate("Mistakes", "The input x"), 92)
        self.grad_image = image_label(translate("Mistakes", "∂C/∂x for the chosen label: red pixels raise the cost when brightened, blue "
                                      "ones lower it"), 92)
        self.nudged_image = image_label(translate("Mistakes", "The input after the nudges (press Nudge)"), 92)
        for c, (w, t) in enumerate(((self.input_image, translate("Mistakes", "input x")), (self.grad_image, "∂C/∂x"),
                                    (self.nudged_image, translate("Mistakes", "nudged x")))):
            imgs.addWidget(w, 0, c, Qt.AlignmentFlag.AlignHCenter)
            cap = QLabel(t)
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            imgs.addWidget(cap, 1, c)
        self.scale_bar = QLabel()
        self.scale_bar.setPixmap(QPixmap.fromImage(colour_scale_image(self._lut)))
        self.scale_bar.setToolTip(translate("Mistakes", "Colour scale of ∂C/∂x, symmetric about 0"))
        self.scale_label = QLabel()
        scale_row = QHBoxLayout()
        scale_row.addWidget(self.scale_bar)
        scale_row.addWidget(self.scale_label, 1)
        self.nudge_target = QComboBox()
        self.nudge_target.setToolTip(translate("Mistakes", "The label to push the input towards: x moves along −∂C/∂x for this target"))
        self.nudge_target.currentIndexChanged.connect(self.reset_nudges)
        self.nudge_step = QLineEdit("0.02")
        number_field(self.nudge_step)
        self.nudge_step.setMaximumWidth(70)
        self.nudge_step.setToolTip(translate("Mistakes", "Brightness step ε: the most influential pixel changes by ε per nudge, the "
                                   "others in proportion to their ∂C/∂x"))
        self.nudge_error = QLabel()
        self.nudge_error.setStyleSheet("color: #fca5a5;")
        self.nudge_error.setWordWrap(True)
        self.nudge_button = QPushButton(translate("Mistakes", "Nudge once"))
        self.nudge_button.setToolTip(translate("Mistakes", "Move the input one step along −∂C/∂x and predict again (Ctrl+G)"))
        self.nudge_button.clicked.connect(self.nudge_once)
        self.until_button = QPushButton(translate("Mistakes", "Until it changes"))
        self.until_button.setToolTip(translate("Mistakes", "Nudge until the network predicts the target (at most 200 nudges)"))
        self.until_button.clicked.connect(self.nudge_until_changed)
        self.reset_button = QPushButton(translate("Mistakes", "Reset"))
        self.reset_button.setToolTip(translate("Mistakes", "Start the nudges again from the original input"))
        self.reset_button.clicked.connect(self.reset_nudges)
        nrow = QHBoxLayout()
        nrow.addWidget(QLabel(translate("Mistakes", "towards")))
        nrow.addWidget(self.nudge_target, 1)
        nrow.addWidget(QLabel("ε"))
        nrow.addWidget(self.nudge_step)
        nbuttons = QHBoxLayout()
        nbuttons.addWidget(self.nudge_button)
        nbuttons.addWidget(self.until_button)
        nbuttons.addWidget(self.reset_button)
        self.nudge_caption = QLabel()
        self.nudge_caption.setWordWrap(True)
        self.nudge_bars, self.nudge_before, self.nudge_after = output_plot("aᴸ", translate("Mistakes", "grey: original input · blue: nudged"))
        self.nudge_bars.setToolTip(translate("Mistakes", "Output activations of the original input (grey) and of the nudged input (blue)"))
        pl.addWidget(self.pixels_note)
        pl.addLayout(imgs)
        pl.addLayout(scale_row)
        pl.addLayout(nrow)
        pl.addLayout(nbuttons)
        pl.addWidget(self.nudge_error)
        pl.addWidget(self.nudge_caption)
        pl.addWidget(self.nudge_bars)
        self.pixels_box = px
        layout.addWidget(px)
        layout.addStretch(1)
        for w in (self.eta_note, self.source_info, self.caption, self.pixels_note):
            w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        session.world_changed.connect(self._on_world)
        session.parameters_changed.connect(self._on_parameters)
        session.sample_changed.connect(lambda _i: self._on_input())
        session.drawing_changed.connect(self._on_drawing)
        session.state_changed.connect(lambda _s: self._update_buttons())
        session.config_changed.connect(self._on_config)
        self._on_world()

    # -- what is taught ----------------------------------------------------------------------
    def current_input(self) -> tuple[np.ndarray | None, int | None, str]:
        """(x, true label or None, description) of the example the panel works on."""
        s = self.session
        if self.source.currentData() == "drawn":
            x = s.drawn
            if x is None or x.shape[0] != s.network.sizes[0]:
                return None, None, translate("Mistakes", "nothing drawn yet: draw a digit in the Draw tab")
            return x, None, translate("Mistakes", "the digit drawn in the Draw tab (no true label)")
        x, label = s.sample
        text = (translate("Mistakes", "test image #{i}, true label {label}") if square_side(s.network.sizes[0])
                else translate("Mistakes", "test sample #{i}, true label {label}"))   # XOR has points, not images
        return x, label, text.format(i=s.sample_index, label=class_text(s.data.class_names, label))

    def default_eta(self) -> float:
        """η/m, as `bpviz explain teach` (one default for both)."""
        c = self.session.config
        return teaching_eta(c.eta, c.batch_size)

    def _on_config(self) -> None:
        c = self.session.config
        self.eta_note.setText(
            translate("Mistakes", "Default η/m = {eta} / {m} = {value}: in training each of the m examples of a mini-batch moves the "
              "weights by η/m; one example alone with the whole η = {eta} would wreck a trained network.").format(
                eta=f"{c.eta:g}", m=c.batch_size, value=f"{self.default_eta():g}"))

    def _on_world(self) -> None:
        s = self.session
        names = s.data.class_names
        for combo in (self.label, self.nudge_target):
            with signals_blocked(combo):
                combo.clear()
                for k in range(s.network.sizes[-1]):
                    combo.addItem(class_text(names, k), k)
        self.eta.setText(f"{self.default_eta():g}")
        self._on_config()
        if self.teacher is not None and self.teacher.history:
            self._forget(self.CHANGED)
        else:
            self._forget(translate("Mistakes", "No step yet."))
            self.history_label.setText("")
        pixels_ok = s.network.sizes[0] == 784
        for w in (self.nudge_button, self.until_button, self.reset_button, self.nudge_target, self.nudge_step):
            w.setEnabled(pixels_ok)
        self._on_input()
        self._update_buttons()   # world_changed is the only signal of a new world

    def _names(self) -> list[str]:
        names = self.session.data.class_names
        return [str(names[j]) if j < len(names) else str(j) for j in range(self.session.network.sizes[-1])]

    def _on_drawing(self) -> None:
        if self.source.currentData() == "drawn":
            self._on_input()

    def _on_input(self) -> None:
        x, label, what = self.current_input()
        self.source_info.setText(translate("Mistakes", "Teaching {what}.").format(what=what))
        if label is not None:
            with signals_blocked(self.label):
                self.label.setCurrentIndex(label)
        if x is not None:
            # Nudge towards the true label when the network gets it wrong, else towards its second choice.
            out = self.session.snapshot_network().feedforward(np.asarray(x))
            pred = int(np.argmax(out))
            target = label if label is not None and label != pred else int(np.argsort(out)[-2])
            with signals_blocked(self.nudge_target):
                self.nudge_target.setCurrentIndex(target)
        self.reset_nudges()

    def _on_label(self) -> None:
        self.refresh_pixels()
        self.publish_lens()

    def _on_parameters(self) -> None:
        if self._applying:
            return
        if self.teacher is not None and not self._in_sync():
            self._forget(self.CHANGED)
        self._update_buttons()
        self.reset_nudges()

    def _in_sync(self) -> bool:
        s = self.session
        return self._synced == (id(s.world), s.params_version)

    def _update_buttons(self) -> None:
        s = self.session
        idle = s.state == IDLE
        self.teach_button.setEnabled(idle)
        can_undo = idle and self.teacher is not None and self.teacher.can_undo and self._in_sync()
        self.undo_button.setEnabled(can_undo)
        self.undo_all_button.setEnabled(can_undo)
        self.refusal.setText("" if idle else translate("Mistakes", "Training is running: stop it (S) before teaching. A teaching "
                                                "step changes the weights the run is training."))

    # -- teaching ----------------------------------------------------------------------------
    def parse_eta(self) -> float | None:
        text = self.eta.text().strip()
        try:
            eta = float(text)
        except ValueError:
            self.eta_error.setText(translate("Mistakes", "“{text}” is not a number").format(text=text))
            return None
        if not np.isfinite(eta) or eta <= 0:
            self.eta_error.setText(translate("Mistakes", "η must be a number > 0: a step of size ≤ 0 does not descend"))
            return None
        self.eta_error.setText("")
        return eta

    def teach(self) -> bool:
        """One step on the current example with the chosen label; False (with the reason) if refused."""
        s = self.session
        if s.state != IDLE:
            self._update_buttons()
            s.report("warning", translate("Mistakes", "Stop training before teaching: a teaching step changes the weights by hand."))
            return False
        eta = self.parse_eta()
        if eta is None:
            return False
        x, _label, what = self.current_input()
        if x is None:
            self.refusal.setText(translate("Mistakes", "Nothing to teach: {what}.").format(what=what))
            return False
        if self.teacher is None or not self._in_sync():
            if self.teacher is not None and self.teacher.can_undo:
                self.history_label.setText(translate("Mistakes", "The network changed since the last teaching step: the teaching "
                                           "history was reset."))
            c = s.config
            self.teacher = Teacher(s.network.copy(), eta=eta, lmbda=c.lmbda, n_train=len(s.data.train),
                                   test=(s.data.test.x, s.data.test.labels))
        k = int(self.label.currentData())
        try:
            step = self.teacher.step(x, k, eta)
        except ValueError as e:
            self.refusal.setText(str(e))
            return False
        names = s.data.class_names
        self._apply(translate("Mistakes", "one teaching step on {what} with label {label}, η = {eta}").format(
            what=what.split(",")[0].split("，")[0], label=class_text(names, k), eta=f"{eta:g}"))
        self.last_step = step
        self._show_step(step)
        self.reset_nudges()    # nudges were computed on the old weights; also redraws ∂C/∂x and the lens
        return True

    def _apply(self, what: str) -> None:
        net = self.teacher.network
        self._applying = True
        try:
            self.session.set_parameters(list(net.weights), list(net.biases), what)
        finally:
            self._applying = False
        self._synced = (id(self.session.world), self.session.params_version)
        self._update_buttons()

    def undo(self) -> bool:
        if self.session.state != IDLE or self.teacher is None or not self._in_sync():
            self._update_buttons()
            return False
        step = self.teacher.undo()
        if step is None:
            return False
        self._apply(translate("Mistakes", "undid the teaching step with label {label} (the weights from before it, bit for bit)").format(
            label=step.label))
        self._after_undo(translate("Mistakes", "Undone: the weights are again those from before the step with label {label}.").format(
            label=step.label))
        return True

    def undo_all(self) -> int:
        if self.session.state != IDLE or self.teacher is None or not self._in_sync():
            return 0
        n = self.teacher.undo_all()
        if n:
            self._apply((translate("Mistakes", "undid {n} teaching step") if n == 1 else translate("Mistakes", "undid {n} teaching steps")).format(n=n))
            self._after_undo((translate("Mistakes", "Undone {n} step: the weights are again those from before the first teaching step.")
                              if n == 1 else
                              translate("Mistakes", "Undone {n} steps: the weights are again those from before the first teaching "
                                "step.")).format(n=n))
        return n

    def _after_undo(self, text: str) -> None:
        """Show the step still applied (if any) — never the numbers of a step that was undone."""
        history = self.teacher.history if self.teacher is not None else ()
        self.last_step = history[-1] if history else None
        if self.last_step is not None:
            self._show_step(self.last_step)
            self.caption.setText(translate("Mistakes", "{text} The last step still applied: {caption}").format(
                text=text, caption=self.caption.text()))
        else:
            self._clear_result(text)
            self._show_history()
        self.reset_nudges()

    @property
    def CHANGED(self) -> str:  # noqa: N802 (was a class constant)
        return translate("Mistakes", "The network was changed elsewhere (training, Reset, Open, Undo of the window or another "
                 "panel): the teaching history was reset, so Undo step cannot throw that change away.")

    def _forget(self, text: str) -> None:
        """Drop the teaching history: the network is no longer the one the steps were taken on."""
        had = self.teacher is not None and bool(self.teacher.history)
        self.teacher = None
        self._synced = None
        self._clear_result(text)
        self.history_label.setText(self.tr("Teaching history reset.") if had else "")

    def _clear_result(self, text: str) -> None:
        self.last_step = None
        self.caption.setText(text)
        self.cost_label.setText("")
        self.test_label.setText("")
        self.show_changed_button.hide()
        set_bars(self.bars, self.bars_before, self.bars_after, self._names(), None, None)

    def _show_history(self) -> None:
        n = len(self.teacher.history) if self.teacher is not None else 0
        self.history_label.setText(((translate("Mistakes", "{n} step can be undone.") if n == 1 else
                                     translate("Mistakes", "{n} steps can be undone.")).format(n=n)) if n else
                                   translate("Mistakes", "No teaching step to undo."))

    def _show_step(self, step) -> None:
        names = self.session.data.class_names
        self.caption.setText(teach_caption(step, names))
        set_bars(self.bars, self.bars_before, self.bars_after, self._names(), step.outputs_before, step.outputs_after)
        text = (translate("Mistakes", "C_x before {before}, after {after}: the cost of this example fell.")
                if step.cost_after < step.cost_before else
                translate("Mistakes", "C_x before {before}, after {after}: the cost of this example rose.")
                if step.cost_after > step.cost_before else
                translate("Mistakes", "C_x before {before}, after {after}: the cost of this example stayed the same."))
        self.cost_label.setText(text.format(before=f"{step.cost_before:.4g}", after=f"{step.cost_after:.4g}"))
        t = step.test
        if t is not None:
            n = len(t.changed)
            text = (translate("Mistakes", "Test set: {r0} → {r1} / {total} right ({p0}% → {p1}%); {n} prediction changed.") if n == 1
                    else translate("Mistakes", "Test set: {r0} → {r1} / {total} right ({p0}% → {p1}%); {n} predictions changed."))
            self.test_label.setText(text.format(r0=t.correct_before, r1=t.correct_after, total=t.total,
                                                p0=f"{100 * t.accuracy_before:.2f}", p1=f"{100 * t.accuracy_after:.2f}",
                                                n=n))
            self.show_changed_button.setText((translate("Mistakes", "Show the {n} changed test image") if n == 1 else
                                              translate("Mistakes", "Show the {n} changed test images")).format(n=n))
            self.show_changed_button.setVisible(True)
            self.show_changed_button.setEnabled(n > 0)
        self._show_history()

    def show_changed(self) -> None:
        step = self.last_step
        if step is None or step.test is None:
            return
        n = len(step.test.changed)
        cp = self.confusion_panel
        cp.cell_shown = None
        cp.show_images(step.test.changed, "test",
                       (translate("Mistakes", "{n} test image whose prediction the last teaching step changed.") if n == 1 else
                        translate("Mistakes", "{n} test images whose prediction the last teaching step changed.")).format(n=n))
        self.window.bottom_tabs.setCurrentWidget(cp)

    # -- which pixels matter -----------------------------------------------------------------
    def refresh_pixels(self) -> None:
        s = self.session
        x, _label, what = self.current_input()
        if s.network.sizes[0] != 784:
            self.pixels_note.setText(translate("Mistakes", "∂C/∂x as a picture needs 28×28 = 784-pixel images; this network has "
                                       "{n} inputs.").format(n=s.network.sizes[0]))
            self.gradient = None
            for lab in (self.input_image, self.grad_image, self.nudged_image):
                show_image(lab, None)
            return
        if x is None:
            self.pixels_note.setText(translate("Mistakes", "No input: {what}.").format(what=what))
            self.gradient = None
            return
        k = int(self.label.currentData())
        net = s.snapshot_network()
        self.gradient = g = input_gradient(net, x, k)
        vmax = float(np.max(np.abs(g))) or 1.0
        self.gradient_scale = vmax
        show_image(self.input_image, grey_image(x))
        show_image(self.grad_image, diverging_image(g, vmax, self._lut))
        self.scale_label.setText(f"−{fmt(vmax, 3)}  …  0  …  +{fmt(vmax, 3)}")
        self.pixels_note.setText(
            translate("Mistakes", "∂C/∂x = (w²)ᵀ δ² for label {label}: BP2 carried one layer further, to the input. Red: brightening "
              "the pixel raises C_x; blue: it lowers C_x. Nudges move x along −∂C/∂x — the same equations applied "
              "to the input instead of the weights.").format(label=class_text(s.data.class_names, k)))

    def _nudge_eps(self) -> float | None:
        text = self.nudge_step.text().strip()
        try:
            eps = float(text)
        except ValueError:
            self.nudge_error.setText("ε: " + translate("Mistakes", "“{text}” is not a number").format(text=text))
            return None
        if not np.isfinite(eps) or eps <= 0 or eps > 1:
            self.nudge_error.setText(translate("Mistakes", "ε must lie in (0, 1]: it is a change of brightness"))
            return None
        self.nudge_error.setText("")
        return eps

    def reset_nudges(self, *_args) -> None:
        self.nudged = None
        self.nudge_result = None
        self.nudge_caption.setText("")
        show_image(self.nudged_image, None)
        set_bars(self.nudge_bars, self.nudge_before, self.nudge_after, self._names(), None, None)
        self.refresh_pixels()
        self.publish_lens()

    def _nudge_problem(self):
        """(x, ε, network, target k) for a nudge, or None (no input, ε refused, not 28×28 images)."""
        x, _label, _what = self.current_input()
        eps = self._nudge_eps()
        if x is None or eps is None or self.session.network.sizes[0] != 784:
            return None
        return x, eps, self.session.snapshot_network(), int(self.nudge_target.currentData())

    def nudge_once(self):
        """One nudge of the (already nudged) input towards the target; returns the core's NudgeStep."""
        problem = self._nudge_problem()
        if problem is None:
            return None
        x, eps, net, k = problem
        start = x if self.nudged is None else self.nudged
        step = nudge(net, start, k, eps, original=x)
        self.nudged = step.x
        self.nudge_result = step
        out0 = net.feedforward(np.asarray(x, dtype=net.dtype))
        names = self.session.data.class_names
        text = (translate("Mistakes", "After this nudge: now predicted as {label} (aᴸ{k} = {a}, was {a0}); {n} of {total} pixels "
                  "changed by more than {threshold} from the original (largest change {largest}).")
                if step.prediction == k else
                translate("Mistakes", "After this nudge: still predicted as {label} (aᴸ{k} = {a}, was {a0}); {n} of {total} pixels "
                  "changed by more than {threshold} from the original (largest change {largest})."))
        self.nudge_caption.setText(text.format(
            label=class_text(names, step.prediction), k=k, a=fmt(float(step.outputs[k])), a0=fmt(float(out0[k])),
            n=step.changed_pixels, total=x.shape[0], threshold=f"{step.threshold:g}",
            largest=fmt(step.max_change, 2)))
        self._show_nudged(out0, step.outputs)
        return step

    def nudge_until_changed(self):
        problem = self._nudge_problem()
        if problem is None:
            return None
        x, eps, net, k = problem
        run = nudge_until(net, x, k, eps, max_steps=200)
        self.nudge_result = run
        self.nudged = run.final.x if run.final is not None else np.asarray(x, dtype=net.dtype)
        self.nudge_caption.setText(nudge_caption(run, self.session.data.class_names))
        self._show_nudged(run.outputs0, run.final.outputs if run.final is not None else run.outputs0)
        return run

    def _show_nudged(self, before: np.ndarray, after: np.ndarray) -> None:
        show_image(self.nudged_image, grey_image(self.nudged))
        set_bars(self.nudge_bars, self.nudge_before, self.nudge_after, self._names(), before, after)

    # -- the network view --------------------------------------------------------------------
    def is_current(self) -> bool:
        return self.window.tabs.currentWidget() is self

    def build_lens(self) -> Lens | None:
        """∂C/∂x on the input grid, activations of the current input, and the last step's Δw."""
        s = self.session
        x, _label, _ = self.current_input()
        if x is None:
            return None
        net = s.snapshot_network()
        _, acts = net.forward(np.asarray(x)[None, :])
        nodes: list = [("a", a[0]) for a in acts]
        if self.gradient is not None:
            nodes[0] = ("∂C/∂x", self.gradient)
        step = self.last_step
        k = int(self.label.currentData())
        names = s.data.class_names
        if step is not None and self.teacher is not None and self._in_sync():
            after = self.teacher.network.weights
            dw = {l: (after[l - 2].astype(np.float64) - step.snapshot.weights[l - 2]) for l in range(2, len(after) + 2)}
            marked = tuple((c.l, c.j, c.k) for c in step.top_changes)
            title = translate("Mistakes", "Δw of the last teaching step (label {label}); its {n} largest changes marked · input: "
                      "∂C/∂x").format(label=class_text(names, step.label), n=len(marked))
            return Lens(title, nodes, edge_kind="Δw", edge_values=dw, marked_edges=marked,
                        legend=translate("Mistakes", "change Δw"))
        return Lens(translate("Mistakes", "input grid: ∂C/∂x for label {label} · nodes: activations").format(
            label=class_text(names, k)), nodes)

    def publish_lens(self) -> None:
        """Hand the network view this panel's lens (only while the Teach tab is the current one)."""
        if self.is_current():
            self.own_lens = self.build_lens()
            self.session.set_lens(self.own_lens)

    def release_lens(self) -> None:
        if self.own_lens is not None and self.session.lens is self.own_lens:
            self.session.set_lens(None)
        self.own_lens = None


def install(window) -> None:
    s = window.session
    cp = ConfusionPanel(s, window)
    window.mistakes_panel = cp
    window.bottom_tabs.addTab(cp, translate("Mistakes", "Mistakes"))
    i = window.bottom_tabs.indexOf(cp)
    window.bottom_tabs.setTabToolTip(i, translate("Mistakes", "Confusion matrix of the test set and a gallery of its cells"))
    tp = TeachPanel(s, window, cp)
    window.teach_panel = tp
    window.tabs.addTab(tp, translate("Mistakes", "Teach"))
    window.tabs.setTabToolTip(window.tabs.indexOf(tp), translate("Mistakes", "Teach the network one example and see which pixels matter"))

    def on_tab(_index: int) -> None:
        if window.tabs.currentWidget() is tp:
            tp.refresh_pixels()
            tp.publish_lens()
        else:
            tp.release_lens()

    window.tabs.currentChanged.connect(on_tab)
    s.world_changed.connect(lambda: on_tab(0))

    def show_confusion() -> None:
        window.bottom_tabs.setCurrentWidget(cp)
        cp.recompute()

    def in_teach(action):
        def run() -> None:
            window.tabs.setCurrentWidget(tp)
            action()
        return run

    m = window.explore_menu
    window.confusion_action = window.add_action(m, translate("Mistakes", "Confusion matrix (recompute)"), show_confusion, "Ctrl+M",
                                             translate("Mistakes", "Show the test set's confusion matrix on the latest weights"))
    window.teach_action = window.add_action(m, translate("Mistakes", "Teach it this example (one step)"), in_teach(tp.teach), "Ctrl+T",
                                         translate("Mistakes", "One gradient-descent step on the shown example with the chosen label"))
    window.teach_undo_action = window.add_action(m, translate("Mistakes", "Undo the last teaching step"), in_teach(tp.undo), "Ctrl+U",
                                              translate("Mistakes", "Put back the weights from before the last teaching step, exactly"))
    window.nudge_action = window.add_action(m, translate("Mistakes", "Nudge the input towards the label"), in_teach(tp.nudge_once), "Ctrl+G",
                                         translate("Mistakes", "Move the input one step along −∂C/∂x and predict again"))
