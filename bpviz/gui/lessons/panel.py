"""The Lessons panel: choose a lesson, read a page, predict, check against the network, reveal.

It lives in a dock beside the network view, so the rest of the window stays usable: a lesson
sets the stage, the learner explores. Answers are judged by :mod:`bpviz.scene.lessons.verdicts`
on the live network; the panel only collects the answer and shows the verdict.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bpviz.gui.lessons.answers import AnswerBox
from bpviz.gui.lessons.answers import label as _label
from bpviz.gui.lessons.stage import Stage
from bpviz.gui.theme import theme
from bpviz.scene.lessons import Lesson, LessonError, load_lesson, shipped_paths
from bpviz.scene.lessons import quantities as q
from bpviz.scene.lessons.progress import Player, Progress
from bpviz.scene.lessons.verdicts import judge, render


class LessonPanel(QWidget):
    """Signals: ``page_shown(int)`` after a page's stage is set; ``answered(bool)`` after Check
    (True: right); ``closed()`` when the learner leaves the lesson for the list."""

    page_shown = Signal(int)    # page index
    answered = Signal(bool)     # right?
    closed = Signal()

    def __init__(self, window, store=None) -> None:
        super().__init__()
        self.window = window
        self.session = window.session
        self.stage = Stage(window)
        self.stage.ready.connect(self._on_ready)
        self.stage.failed.connect(self._on_failed)
        self.store = store          # load(id) -> str | None, save(id, json)
        self.player: Player | None = None
        self.lesson: Lesson | None = None
        self.verdict = None

        # The page's numbers follow the live network: another sample, new weights or a new world
        # (a lesson sets the stage, the learner explores) re-render the texts, never the answer.
        for sig in (self.session.sample_changed, self.session.parameters_changed, self.session.world_changed):
            sig.connect(self._refresh_numbers)
        self.stack = QStackedWidget()
        self._build_list()
        self._build_player()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.start_here = QWidget()
        sh = QHBoxLayout(self.start_here)
        sh.setContentsMargins(6, 4, 4, 4)
        self.start_here_label = _label(self.tr("<b>Start here:</b> short lessons that set up the network, ask you "
                                               "to predict a number and then check it against the network's own."))
        self.start_here_close = QPushButton(self.tr("Dismiss"))
        sh.addWidget(self.start_here_label, 1)
        sh.addWidget(self.start_here_close)
        self.start_here.setStyleSheet(f"background: {theme().info_background}; border-radius: 4px;")
        self.start_here.hide()
        lay.addWidget(self.start_here)
        lay.addWidget(self.stack, 1)
        self.refresh_list()

    # -- the list of lessons ---------------------------------------------------------------
    def _build_list(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(_label("<b>" + self.tr("Lessons") + "</b>"))
        v.addWidget(_label(self.tr("Each lesson follows a section of the book: it sets up the network, asks for "
                                   "your prediction, then shows the network's own numbers.")))
        self.list = QListWidget()
        # long titles wrap in a narrow dock (the window reaches 1000 px with it open), never cut
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(lambda _item: self.start_selected())
        v.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.clicked.connect(self.start_selected)
        row.addWidget(self.start_button)
        row.addStretch(1)
        v.addLayout(row)
        self.list_error = _label()
        v.addWidget(self.list_error)
        self.stack.addWidget(page)
        self.list_page = page

    def refresh_list(self) -> None:
        self.list.clear()
        lang = self.stage.lang
        self.shipped: list[Lesson] = []
        problems = []
        for path in shipped_paths():
            try:
                lesson = load_lesson(path)
            except LessonError as e:
                problems.append(str(e))
                continue
            self.shipped.append(lesson)
            prog = self._progress(lesson)
            seen, pages, right, questions = prog.summary(lesson)
            item = QListWidgetItem(self.tr("{title}\n{seen} of {pages} pages seen · {right} of {questions} right at "
                                           "the first try").format(title=lesson.title.get(lang), seen=seen,
                                                                   pages=pages, right=right, questions=questions))
            item.setData(Qt.ItemDataRole.UserRole, lesson.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list_error.setText("<br>".join(problems))

    def start_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.shipped):
            self.open_lesson(self.shipped[row])

    # -- the player ----------------------------------------------------------------------------
    def _build_player(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.lesson_title = _label()
        self.all_button = QPushButton(self.tr("All lessons"))
        self.all_button.clicked.connect(self.show_list)
        top.addWidget(self.lesson_title, 1)
        top.addWidget(self.all_button)
        v.addLayout(top)
        self.page_label = _label(rich=False)
        v.addWidget(self.page_label)
        body = QWidget()
        bv = QVBoxLayout(body)
        bv.setContentsMargins(0, 0, 0, 0)
        self.page_title = _label()
        self.text = _label()
        bv.addWidget(self.page_title)
        bv.addWidget(self.text)
        self.question_box = QGroupBox(self.tr("Your prediction"))
        qv = QVBoxLayout(self.question_box)
        self.prompt = _label()
        qv.addWidget(self.prompt)
        self.answers = AnswerBox(self.session)
        self.answers.submitted.connect(self.check)
        qv.addWidget(self.answers)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check)
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.clicked.connect(self.try_again)
        self.reveal_button = QPushButton(self.tr("Reveal"))
        self.reveal_button.clicked.connect(self.reveal)
        for b in (self.check_button, self.retry_button, self.reveal_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        qv.addLayout(buttons)
        self.verdict_label = _label()
        qv.addWidget(self.verdict_label)
        bv.addWidget(self.question_box)
        self.reveal_label = _label()
        bv.addWidget(self.reveal_label)
        bv.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)   # texts wrap instead
        v.addWidget(scroll, 1)
        self.status = _label()
        v.addWidget(self.status)
        nav = QHBoxLayout()
        self.back_button = QPushButton(self.tr("◀ Back"))
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.clicked.connect(self.next)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        v.addLayout(nav)
        self.stack.addWidget(page)
        self.player_page = page

    # -- progress -----------------------------------------------------------------------------
    def _progress(self, lesson: Lesson) -> Progress:
        text = self.store.load(lesson.id) if self.store is not None else None
        return Progress.from_json(lesson.id, text, len(lesson.pages))

    def _save(self) -> None:
        if self.store is not None and self.player is not None:
            self.store.save(self.lesson.id, self.player.progress.to_json())

    # -- lesson flow --------------------------------------------------------------------------
    def open_lesson(self, lesson: Lesson, page: int | None = None) -> None:
        """Start (or resume) a lesson; the stage of its page is set at once."""
        self.lesson = lesson
        self.start_here.hide()   # the offer is taken
        prog = self._progress(lesson)
        if page is not None:
            prog.page = page
        self.player = Player(lesson, prog)
        self.stack.setCurrentWidget(self.player_page)
        self.lesson_title.setText("<b>" + lesson.title.get(self.stage.lang) + "</b>")
        self._show_page()

    def open_file(self, path: str) -> bool:
        """Open a teacher's lesson file; a bad file is refused with its reason and changes nothing."""
        try:
            lesson = load_lesson(path)
        except LessonError as e:
            self.session.report("error", self.tr("Lesson refused: {reason}").format(reason=str(e)))
            return False
        self.open_lesson(lesson, 0)
        return True

    def show_list(self) -> None:
        self._save()
        self.refresh_list()
        self.stack.setCurrentWidget(self.list_page)
        self.closed.emit()

    def back(self) -> None:
        if self.player is not None and self.player.back():
            self._show_page()

    def next(self) -> None:
        if self.player is None:
            return
        if self.player.next():
            self._show_page()
        elif self.player.index == len(self.lesson.pages) - 1:
            self._save()
            seen, pages, right, questions = self.player.progress.summary(self.lesson)
            self.status.setText(self.tr("End of the lesson: {right} of {questions} questions right at the first "
                                        "try.").format(right=right, questions=questions))

    def _show_page(self) -> None:
        p, lesson = self.player, self.lesson
        self.page_label.setText(self.tr("Page {i} of {n}").format(i=p.index + 1, n=len(lesson.pages)))
        self.back_button.setEnabled(p.index > 0)
        self.next_button.setEnabled(p.index < len(lesson.pages) - 1)
        self.status.setText(self.tr("Setting up…"))
        self._save()
        self.stage.apply(lesson, p.index)

    def _on_failed(self, reason: str) -> None:
        self.status.setText(self.tr("This page could not be set up: {reason}").format(reason=reason))
        self.session.report("error", self.tr("Lesson page not set up (nothing changed): {reason}").format(
            reason=reason))
        self._render_page()

    def _on_ready(self) -> None:
        self.status.setText("")
        self._render_page()
        self.page_shown.emit(self.player.index)

    def _render_page(self) -> None:
        p, lang = self.player.page, self.stage.lang
        ctx = self._context()
        self.page_title.setText("<b>" + (render(p.title, None, lang) if p.title else "") + "</b>")
        self.page_title.setVisible(p.title is not None)
        self.text.setText(render(p.text, ctx, lang))
        self.verdict = None
        self.verdict_label.setText("")
        self.reveal_label.setText("")
        qn = p.question
        self.question_box.setVisible(qn is not None)
        if qn is None:
            self.answers.listening = False
            return
        self.prompt.setText(render(qn.prompt, ctx, lang))
        self.answers.build(qn, lang)
        if qn.kind == "click":
            self.stage.refresh_view()   # the selection was cleared for a fresh pick
        if self.player.is_revealed():
            self.reveal()
        else:
            self._set_buttons(answered=False, wrong=False)

    def _refresh_numbers(self, *_args) -> None:
        if self.player is None or self.stage.busy or self.stack.currentWidget() is not self.player_page:
            return
        p, lang = self.player.page, self.stage.lang
        ctx = self._context()
        self.text.setText(render(p.text, ctx, lang))
        if p.question is not None:
            self.prompt.setText(render(p.question.prompt, ctx, lang))
            if self.reveal_label.text() and p.reveal is not None:
                self.reveal_label.setText(render(p.reveal, ctx, lang))

    def _context(self):
        try:
            return self.stage.context()
        except (q.QuantityError, ValueError):
            return None

    # for tests and scripts: give an answer as the widgets would
    def set_answer(self, given) -> None:
        self.answers.set_answer(given)

    def given(self):
        return self.answers.given()

    def check(self) -> None:
        if self.player is None or self.player.page.question is None or self.verdict is not None:
            return
        given = self.given()
        if given is None:
            self.verdict_label.setText(self.tr("Give an answer first."))
            return
        qn = self.player.page.question
        try:
            v = judge(qn, given, self._context(), self.stage.lang)
        except (q.QuantityError, AttributeError) as e:
            self.verdict_label.setText(self.tr("The answer cannot be computed on this network: {reason}").format(
                reason=str(e)))
            return
        self.player.record(v.right)
        self._save()
        self.verdict = v
        self.answered.emit(v.right)
        if v.right:
            self._show_verdict(v)
        else:
            self.verdict_label.setText(v.short)
            self._set_buttons(answered=True, wrong=True)

    def try_again(self) -> None:
        self.verdict = None
        self.verdict_label.setText("")
        self._set_buttons(answered=False, wrong=False)

    def reveal(self) -> None:
        """Show the answer from the network, with the numbers, and mark it in the view."""
        qn = self.player.page.question
        if qn is None:
            return
        self.player.reveal()
        self._save()
        v = self.verdict
        if v is None or v.right is False:
            try:
                from bpviz.scene.lessons.verdicts import expected

                exp = expected(qn, self._context())
            except (q.QuantityError, AttributeError) as e:
                self.verdict_label.setText(str(e))
                return
            given = self.given() if v is not None else None
            text = judge(qn, given, self._context(), self.stage.lang).text if given is not None else None
            self._show_verdict(None, exp, text)
            return
        self._show_verdict(v)

    def _show_verdict(self, v, exp=None, text: str | None = None) -> None:
        exp = exp or v.expected
        if v is not None:
            text = v.text
        if text is None:
            text = self.tr("<b>The network's answer:</b> {answer}").format(
                answer=exp.describe(self.player.page.question, self.stage.lang))
        self.verdict_label.setText(text)
        self.reveal_label.setText(render(self.player.page.reveal, self._context(), self.stage.lang)
                                  if self.player.page.reveal else "")
        self.stage.highlight(exp.where if exp.where is not None else (
            exp.correct if isinstance(exp.correct, q.Where) else None))
        self._set_buttons(answered=True, wrong=False)
        self.verdict = v if v is not None else self.verdict

    def _set_buttons(self, answered: bool, wrong: bool) -> None:
        self.check_button.setEnabled(not answered)
        self.retry_button.setVisible(wrong)
        self.reveal_button.setVisible(not answered or wrong)
        self.answers.setEnabled(not answered)
        self.answers.listening = not answered and not self.player.is_revealed() and not self.stage.busy
