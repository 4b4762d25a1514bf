"""The bottom tab "Code": the code of the current step-through step, line by line, beside the Step tab
(:mod:`bpviz.scene.code`)."""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QFontDatabase, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from bpviz.gui.theme import rich_label, theme
from bpviz.gui.views import Action, Area, Contributions, Tab, ViewRegistry
from bpviz.i18n import translate
from bpviz.scene.code import BATCH, SAMPLE, listings, step_notes

MUTED = f"color:{theme().muted};"
HIGHLIGHT_BG = theme().highlight_background




class CodePanel(QWidget):
    """Bottom tab: the listings with the current step's lines highlighted and their shapes."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.mode: str | None = None
        self.blocks: dict[tuple[str, int], int] = {}   # (listing key, line index) → block number
        self.notes: tuple = ()
        self.header = rich_label()
        self.view = QPlainTextEdit()
        self.view.setReadOnly(True)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(9.5)
        self.view.setFont(font)
        self.view.setStyleSheet(f"QPlainTextEdit {{ background:{theme().field}; color:{theme().text}; border:1px solid {theme().border}; }}")
        self.view.setToolTip(translate("Why", "The code that runs at the current step of the step-through (Step tab, ← →)"))
        self.shapes = rich_label()
        self.shapes.setFont(font)
        self.shapes.setStyleSheet(f"background:{theme().field}; border:1px solid {theme().border}; border-radius:4px; padding:3px;")
        self.shapes.setToolTip(translate("Why", "The shapes of the arrays on the highlighted lines for the current network"))
        self.shapes.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        v.setSpacing(3)
        v.addWidget(self.header)
        v.addWidget(self.shapes)
        v.addWidget(self.view, 1)
        session.step_changed.connect(self.refresh)
        session.world_changed.connect(self.refresh)
        self.refresh()

    def _load(self, mode: str) -> None:
        if mode == self.mode:
            return
        self.mode = mode
        self.blocks = {}
        text = []
        for lst in listings(mode):
            text.append(f"# ── {lst.title}  ({lst.path.rsplit('/', 1)[-1]}, line {lst.first_line}) ──")
            for i, line in enumerate(lst.lines):
                self.blocks[(lst.key, i)] = len(text)
                text.append(f"{lst.first_line + i:4d}  {line}")
            text.append("")
        text += [""] * 6   # room to centre the last lines of the last listing
        self.view.setPlainText("\n".join(text))

    def _centre(self) -> None:
        """Scroll so that the step's first line is in the middle (and the code starts at column 0)."""
        if self.notes:
            first = self.view.document().findBlockByNumber(self.blocks[(self.notes[0].listing, self.notes[0].line)])
            self.view.setTextCursor(QTextCursor(first))
            self.view.centerCursor()
            self.view.horizontalScrollBar().setValue(0)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        # While hidden the view has no real height to centre in: centre again once laid out.
        QTimer.singleShot(0, self._centre)

    def highlighted(self) -> list[tuple[str, int]]:
        """(listing key, line index) of every highlighted line, in the order of the step's notes."""
        return [(n.listing, n.line) for n in self.notes]

    def refresh(self) -> None:
        s = self.session
        seq, step = s.steps, s.current_step
        mode = BATCH if s.step_batch_mode else SAMPLE
        self._load(mode)
        if seq is None or step is None:
            self.notes = ()
            self.view.setExtraSelections([])
            which = (translate("Why", "the core's matrix form (mini-batch mode)") if mode == BATCH
                     else translate("Why", "the per-sample reference code, bpviz/reference.py"))
            self.header.setText(translate("Why", "<b>The code, line by line</b> — {which}. Go to the Step tab and "
                                          "press → (next step): the lines of each step light up here with the "
                                          "shapes of their arrays for this network.").format(which=which))
            self.shapes.setText("")
            return
        self.notes = step_notes(seq, step, mode)
        sels = []
        doc = self.view.document()
        for n in self.notes:
            block = doc.findBlockByNumber(self.blocks[(n.listing, n.line)])
            sel = QTextEdit.ExtraSelection()
            sel.format.setBackground(QColor(HIGHLIGHT_BG))
            sel.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            sel.cursor = QTextCursor(block)
            sels.append(sel)
        self.view.setExtraSelections(sels)
        self._centre()
        form = (translate("Why", "the core's matrix form: one row per sample of the mini-batch (m = {m})").format(
                    m=seq.m) if mode == BATCH
                else translate("Why", "the per-sample reference code, column vectors (n, 1)"))
        self.header.setText(translate("Why", "<b>Step {i} / {n} · {title}</b>").format(
                                i=step.index + 1, n=len(seq), title=step.title)
                            + f" <span style='{MUTED}'>"
                            + translate("Why", "— {form}; network {sizes}").format(form=form, sizes=list(seq.sizes))
                            + "</span>")
        items = []
        for n in self.notes:
            where = (translate("Why", "line {line} (run {run}; {loop}): ") if n.loop else
                     translate("Why", "line {line} (run {run}): ")).format(line=n.lineno, run=n.run + 1, loop=n.loop)
            items.append(f"<span style='{MUTED}'>{where}</span>{html.escape(n.shapes, quote=False)}")
        self.shapes.setText("<br>".join(items))


class CodeView:
    """The Code tab (id ``step.code``, bottom) and the action that shows it."""

    def __init__(self, panel: CodePanel, places: ViewRegistry) -> None:
        self.panel, self.places = panel, places

    def contributions(self) -> Contributions:
        return Contributions(
            tabs=[Tab("step.code", Area.BOTTOM, self.panel, translate("Why", "Code"),
                      translate("Why", "The code of the current step-through step, line by line"))],
            actions=[Action("step.code.show", translate("Why", "The code, line by line"),
                            lambda: self.places.show("step.code"))])
