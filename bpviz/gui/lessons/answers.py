"""The answer area of a lesson question: radio buttons, a number field, an order to drag, or a
pick on the network view — and the learner's answer read back from them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from bpviz.scene.lessons import quantities as q
from bpviz.scene.lessons.verdicts import SIGNS, where_name


def label(text: str = "", rich: bool = True) -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


def parse_number(text: str) -> float | None:
    """A typed number ("−0.25", "1e-3"; "1,5" is refused); None if it is not one."""
    t = text.strip().replace("−", "-").replace("–", "-")
    try:
        v = float(t)
    except ValueError:
        return None
    return v if v == v and abs(v) != float("inf") else None


class AnswerBox(QWidget):
    """The widgets for one question's answer. A click question listens to the session's
    selection: the neuron or edge the learner clicks in the network view is the pick.

    Signals: ``submitted()`` when Enter is pressed in a number field.
    """

    submitted = Signal()   # Enter in the number field

    def __init__(self, session) -> None:
        super().__init__()
        self.session = session
        self.question = None
        self.pick: q.Where | None = None
        self.listening = False
        self.pick_label: QLabel | None = None
        self.number_edit: QLineEdit | None = None
        self.order_list: QListWidget | None = None
        self.choice_buttons: list[QRadioButton] = []
        self.choice_group = QButtonGroup(self)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        session.selection_changed.connect(self._on_pick_neuron)
        session.edge_selection_changed.connect(self._on_pick_edge)

    def _clear(self) -> None:
        while self.lay.count():
            item = self.lay.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
            elif item.layout() is not None:
                sub = item.layout()
                while sub.count():
                    w = sub.takeAt(0).widget()
                    if w is not None:
                        w.deleteLater()

    def build(self, qn, lang: str) -> None:
        """The widgets for question ``qn`` (labels in ``lang``); a click question starts with no pick."""
        self._clear()
        self.question = qn
        self.pick = None
        self.choice_group = QButtonGroup(self)
        self.choice_buttons = []
        self.number_edit = self.order_list = self.pick_label = None
        if qn.kind in ("choice", "sign"):
            texts = [o.label.get(lang) for o in qn.options] if qn.kind == "choice" else [
                self.tr("+ (positive)"), self.tr("− (negative)"), self.tr("0 (zero)")]
            # many short options (the ten digits) in rows of five, so the panel keeps its width
            grid = QGridLayout() if len(texts) > 4 else None
            for i, text in enumerate(texts):
                b = QRadioButton(text)
                self.choice_group.addButton(b, i)
                self.choice_buttons.append(b)
                (grid.addWidget(b, i // 5, i % 5) if grid is not None else self.lay.addWidget(b))
            if grid is not None:
                self.lay.addLayout(grid)
        elif qn.kind == "number":
            self.number_edit = QLineEdit()
            self.number_edit.setPlaceholderText(self.tr("a number, e.g. −0.25 or 3e-4"))
            self.number_edit.returnPressed.connect(self.submitted.emit)
            self.lay.addWidget(self.number_edit)
        elif qn.kind == "order":
            self.lay.addWidget(label(self.tr("Drag the items into order, largest first:"), rich=False))
            self.order_list = QListWidget()
            self.order_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
            self._fill_order(range(len(qn.options)), lang)
            self.order_list.setMaximumHeight(24 * len(qn.options) + 12)
            self.lay.addWidget(self.order_list)
        else:
            # a fresh pick: clicking the neuron that happens to be selected would change nothing
            self.session.select(None)
            self.session.select_edge(None)
            what = self.tr("an edge") if qn.target == "weight" else self.tr("a neuron")
            self.lay.addWidget(label(self.tr("Click {what} in the network view, then Check.").format(what=what),
                                     rich=False))
            self.pick_label = label(self.tr("Your pick: none yet"), rich=False)
            self.lay.addWidget(self.pick_label)
        self.lang = lang

    def _fill_order(self, order, lang: str) -> None:
        self.order_list.clear()
        for i in order:
            item = QListWidgetItem(self.question.options[i].label.get(lang))
            item.setData(Qt.ItemDataRole.UserRole, i)
            self.order_list.addItem(item)

    def _on_pick_neuron(self, sel) -> None:
        if self._listening("neuron") and sel is not None:
            self._set_pick(q.Where(*sel))

    def _on_pick_edge(self, edge) -> None:
        if self._listening("weight") and edge is not None:
            self._set_pick(q.Where(*edge))

    def _listening(self, target: str) -> bool:
        qn = self.question
        return (self.listening and self.pick_label is not None and qn is not None and qn.kind == "click"
                and qn.target == target)

    def _set_pick(self, where: q.Where) -> None:
        self.pick = where
        self.pick_label.setText(self.tr("Your pick: {what}").format(what=where_name(where)))

    def set_answer(self, given) -> None:
        """Give an answer as the widgets would (tests and scripts)."""
        qn = self.question
        if qn.kind == "choice":
            self.choice_buttons[int(given)].setChecked(True)
        elif qn.kind == "sign":
            self.choice_buttons[SIGNS.index({"-": "−"}.get(given, given))].setChecked(True)
        elif qn.kind == "number":
            self.number_edit.setText(str(given))
        elif qn.kind == "order":
            self._fill_order(given, self.lang)
        elif given.k is None:
            self.session.select((given.l, given.j))
        else:
            self.session.select_edge((given.l, given.j, given.k))

    def given(self):
        """The learner's answer, or None if there is none yet (or the number does not parse)."""
        qn = self.question
        if qn.kind in ("choice", "sign"):
            i = self.choice_group.checkedId()
            if i < 0:
                return None
            return i if qn.kind == "choice" else SIGNS[i]
        if qn.kind == "number":
            return parse_number(self.number_edit.text())
        if qn.kind == "order":
            return tuple(self.order_list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.order_list.count()))
        return self.pick
