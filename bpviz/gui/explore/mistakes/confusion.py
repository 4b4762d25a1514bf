"""The bottom tab "Mistakes": the test set's confusion matrix and a gallery of its cells
(:func:`bpviz.core.mistakes.confusion`)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpviz.core.mistakes import SORT_KEYS, Confusion, confusion
from bpviz.gui.explore.mistakes.common import BAR_H, GALLERY_MAX, SORT_NAMES, THUMB, thumbnail
from bpviz.gui.session import IDLE, Session
from bpviz.gui.theme import theme
from bpviz.gui.views import ViewRegistry
from bpviz.gui.widgets import signals_blocked
from bpviz.i18n import translate
from bpviz.scene.mistakes_text import cell_caption, class_text
from bpviz.scene.notation import fmt


# -- 1. confusion matrix and gallery ---------------------------------------------------------------
class ConfusionPanel(QWidget):
    """The confusion matrix of a split (rows: true label, columns: prediction) and a gallery."""

    def __init__(self, session: Session, places: ViewRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.places = places
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
        self.table.setStyleSheet(f"QTableWidget {{ gridline-color: {theme().border}; font-size: 10px; }} "
                                 "QTableWidget::item { padding: 0; } QHeaderView::section { "
                                 f"background: {theme().tab}; color: {theme().title}; padding: 0 2px; border: 0; font-size: 11px; }}")
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        for h in (self.table.horizontalHeader(), self.table.verticalHeader()):
            h.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            h.setMinimumSectionSize(14)
            h.setDefaultSectionSize(16)
        self.table.cellClicked.connect(self.open_cell)
        self.axes_note = QLabel(translate("Mistakes", "rows: true label · columns: predicted"))
        self.axes_note.setStyleSheet(f"color: {theme().muted};")
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(2)
        left.addLayout(top)
        left.addWidget(self.table, 1)
        left.addWidget(self.status)        # under the matrix it counts (beside Sort by it was cut at 1000 px)
        left.addWidget(self.axes_note)

        self.pairs = QLabel()
        self.pairs.setWordWrap(True)
        self.pairs.setTextFormat(Qt.TextFormat.RichText)
        # gallery
        self.gallery_caption = QLabel(translate("Mistakes", "Click a cell of the matrix to see its images."))
        self.gallery_caption.setWordWrap(True)
        self.gallery_caption.setStyleSheet(f"color: {theme().highlight};")
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
        grow.addStretch(1)
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
        self.table_side = lw
        self.table.viewport().installEventFilter(self)   # the cells' font follows the columns' width
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
                    it.setForeground(QColor(theme().ok_pale))
                else:
                    f = (c / off_max) ** 0.6 if c else 0.0
                    bg = QColor(int(31 + 160 * f), int(34 + 10 * f), int(41 + 10 * f))
                    it.setForeground(QColor(theme().text_bright if c else theme().disabled))
                it.setBackground(bg)
                what = (translate("Mistakes", "correctly classified") if t == p else
                        translate("Mistakes", "predicted as {label}").format(label=class_text(names, p)))
                tip = (translate("Mistakes", "{n} image of {label} {what} — click to see it") if c == 1 else
                       translate("Mistakes", "{n} images of {label} {what} — click to see them"))
                it.setToolTip(tip.format(n=c, label=class_text(names, t), what=what))
                self.table.setItem(t, p, it)
        self._fit_cells()
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

    # Cell font sizes in pixels, largest first: counts of 10,000 test images have up to 4 digits, which
    # at 10 px did not fit a column at 1000 px and showed as "2…", "9…" (issue 21).
    CELL_PX = (10, 9, 8)

    def _cell_need(self, px: int) -> int:
        """Pixels a column needs for the widest count at font size ``px``: the item's text margins
        (the focus frame's + 1 each side), the grid line and the style sheet's item box (4 px, measured:
        with 3 px less a 9-px "504" was elided in a 23-px column)."""
        font = QFont(self.table.font())
        font.setPixelSize(px)
        fm = QFontMetrics(font)
        texts = [self.table.item(r, c).text() for r in range(self.table.rowCount())
                 for c in range(self.table.columnCount()) if self.table.item(r, c) is not None]
        margin = 2 * (self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1)
        return max((fm.horizontalAdvance(t) for t in texts), default=0) + margin + 4

    def _fit_cells(self) -> None:
        """The largest cell font at which every count fits its column; the table's side asks for the
        room the smallest needs, so no count is ever cut."""
        n = self.table.columnCount()
        if not n:
            return
        frame = 2 * self.table.frameWidth() + self.table.verticalHeader().width() + 4
        self.table_side.setMinimumWidth(max(250, frame + n * self._cell_need(self.CELL_PX[-1])))
        room = min(self.table.columnWidth(c) for c in range(n))
        px = next((px for px in self.CELL_PX if self._cell_need(px) <= room), self.CELL_PX[-1])
        if px != getattr(self, "cell_px", None):
            self.cell_px = px
            font = QFont(self.table.font())
            font.setPixelSize(px)
            for r in range(self.table.rowCount()):
                for c in range(n):
                    if self.table.item(r, c) is not None:
                        self.table.item(r, c).setFont(font)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if obj is self.table.viewport() and event.type() == QEvent.Type.Resize and self.result is not None:
            self.cell_px = None
            self._fit_cells()
        return False

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
        self.places.show("step")

    def show_changed_by(self, changed) -> None:
        """Show exactly the test images (indices ``changed``) whose prediction a teaching step changed."""
        n = len(changed)
        self.cell_shown = None
        self.show_images(changed, "test",
                         (translate("Mistakes", "{n} test image whose prediction the last teaching step changed.") if n == 1 else
                          translate("Mistakes", "{n} test images whose prediction the last teaching step changed.")).format(n=n))
