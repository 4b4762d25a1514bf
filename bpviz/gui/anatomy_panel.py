"""The mini-batch anatomy table (bottom area, beside "Cost"): one pinned weight followed through
every sample of the step-through's mini-batch, its running sum, and (η/m)·Σ = Δw at the end.

Rows are made on demand by a table model from O(m) arrays (a 10,000-sample mini-batch is a
10,000-row model, not 10,000 row objects). Keys (Step tab): End jumps to the update,
PgUp/PgDn move a whole sample.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from bpviz.gui.session import Session
from bpviz.gui.theme import theme
from bpviz.scene.anatomy import Anatomy, pin_of, pins_for
from bpviz.scene.notation import fmt, number
from bpviz.scene.steps import UPDATE


class AnatomyModel(QAbstractTableModel):
    HEADERS = ("sample", "label", "δ", "∂Cₓ/∂w", "running Σ")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.anatomy: Anatomy | None = None
        self.current = -1          # the sample the step-through is at (highlighted)
        self.done = -1             # samples up to here have been walked (their Σ is shown)

    def set_anatomy(self, anatomy: Anatomy | None) -> None:
        self.beginResetModel()
        self.anatomy = anatomy
        self.endResetModel()

    def rowCount(self, parent=None) -> int:  # noqa: N802 (Qt's name)
        return 0 if self.anatomy is None or (parent is not None and parent.isValid()) else len(self.anatomy)

    def columnCount(self, parent=None) -> int:  # noqa: N802 (Qt's name)
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt's name)
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if self.anatomy is None:
            return (self.tr("sample"), self.tr("label"), "δ", "∂Cₓ/∂w", self.tr("running Σ"))[section]
        n = self.anatomy.names()
        return (self.tr("sample x"), self.tr("label"), n["delta"], n["grad"],
                self.tr("Σ {grad} so far").format(grad=n["grad"]))[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if self.anatomy is None or not index.isValid():
            return None
        i, c = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.anatomy.row(i)
            return str(row[c]) if c < 2 else number(row[c], 5)
        if role == Qt.ItemDataRole.BackgroundRole and i == self.current:
            return QBrush(QColor(theme().highlight_background))
        if role == Qt.ItemDataRole.TextAlignmentRole and c >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def set_current(self, i: int) -> None:
        old, self.current = self.current, i
        for r in (old, i):
            if 0 <= r < self.rowCount():
                self.dataChanged.emit(self.index(r, 0), self.index(r, self.columnCount() - 1))


class AnatomyPanel(QWidget):
    """Follows session.steps (mini-batch mode) with the pinned weight."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.head = QLabel()
        self.head.setWordWrap(True)
        self.head.setStyleSheet(f"color:{theme().title};")
        self.model = AnatomyModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(self.tr("One row per sample of the mini-batch: its error δ at the pinned neuron, its "
                                      "gradient for the pinned weight (BP4: a·δ) and the sum so far. Click an edge in "
                                      "the network to pin another weight."))
        self.foot = QLabel()
        self.foot.setWordWrap(True)
        self.foot.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.foot.setStyleSheet(f"background:{theme().field}; border:1px solid {theme().border}; padding:4px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.head)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.foot)
        self._seq_id = None
        self.pins: dict[int, tuple[int, int]] = {}
        session.step_changed.connect(self.refresh)
        session.selection_changed.connect(lambda _: self.refresh(force=True))
        session.edge_selection_changed.connect(lambda _: self.refresh(force=True))
        session.world_changed.connect(lambda: self.refresh(force=True))
        self.anatomy: Anatomy | None = None
        self.refresh(force=True)

    def refresh(self, force: bool = False) -> None:
        s = self.session
        seq = s.steps
        if seq is None or seq.m < 2:
            self.anatomy = None
            self.model.set_anatomy(None)
            self._seq_id = None
            self.head.setText(self.tr("Step tab → “Mini-batch”: this table follows one weight through every sample "
                                      "of the mini-batch. Click an edge in the network to pin it."))
            self.foot.setText("")
            return
        if id(seq) != self._seq_id:
            self._seq_id = id(seq)
            self.pins = pins_for(seq)
            force = True
        pin = pin_of(seq, s.selection, s.edge_selection, self.pins)
        if force or self.anatomy is None or self.anatomy.pin != pin:
            self.anatomy = Anatomy(seq, pin)
            self.model.set_anatomy(self.anatomy)
        an, n = self.anatomy, self.anatomy.names()
        step = s.current_step
        self.model.set_current(step.sample if step is not None and step.kind not in (UPDATE,) else -1)
        if step is not None and 0 <= step.sample < seq.m:
            self.table.scrollTo(self.model.index(step.sample, 0))
        self.head.setText(self.tr("Pinned: weight {w} (from neuron {k} of layer {lk} to neuron {j} of layer {l}) "
                                  "over the {m} samples; η = {eta}, m = {m}. End: the update · PgUp/PgDown: a whole "
                                  "sample.").format(w=n["w"], k=pin.k, lk=pin.l - 1, j=pin.j, l=pin.l, m=seq.m,
                                                    eta=f"{seq.eta:g}"))
        at_end = step is not None and step.index >= len(seq) - 2
        self.foot.setText(an.summary() if at_end else
                          self.tr("Σ so far (samples 1…{i}): {s} · at the end (End): (η/m)·Σ = Δw").format(
                              i=step.sample + 1 if step else 0,
                              s=fmt(float(an.running[step.sample]) if step else 0.0, 6)))


def per_sample(seq) -> int:
    """Steps per sample of a sequence (the last two are the update and its result)."""
    return (len(seq) - 2) // seq.m


def jump_to_update(session: Session) -> None:
    seq = session.steps
    if seq is not None:
        session.set_step(len(seq) - 2)


def move_sample(session: Session, direction: int) -> None:
    """PgDn (+1) / PgUp (−1): the same step of the next / previous sample."""
    seq, i = session.steps, session.step_index
    if seq is None:
        return
    per = per_sample(seq)
    target = i + direction * per
    if i >= len(seq) - 2 and direction < 0:    # from the update back to the last sample's last step
        target = seq.m * per - 1
    session.set_step(max(0, min(target, len(seq) - 2 if direction > 0 else target)))
