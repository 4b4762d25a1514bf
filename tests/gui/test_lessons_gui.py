"""The Lessons panel: every shipped lesson walked in the window, answered right, then wrong
(try again, reveal); one undoable setup; bad files refused; progress remembered."""

from __future__ import annotations

import pytest

from bpviz.scene.lessons import find, shipped, shipped_paths
from bpviz.scene.lessons import quantities as q
from bpviz.scene.lessons.verdicts import SIGNS, expected


@pytest.fixture
def window(make_window):
    w = make_window()
    w.show()
    return w


def wrong_answer(qn, exp, sizes):
    """An answer the network's numbers say is wrong."""
    c = exp.correct
    if qn.kind == "choice":
        return (c + 1) % len(qn.options)
    if qn.kind == "sign":
        return next(s for s in SIGNS if s != c)
    if qn.kind == "number":
        return float(c) + 10 * max(qn.tolerance or 0.0, (qn.rel_tolerance or 0.0) * abs(float(c))) + 1.0
    if qn.kind == "order":
        return tuple(reversed(c))
    if c.k is None:
        return q.Where(c.l, (c.j + 1) % sizes[c.l - 1])
    return q.Where(c.l, c.j, (c.k + 1) % sizes[c.l - 2])


def answer(panel, given):
    panel.set_answer(given)
    panel.check()
    return panel.verdict


@pytest.mark.parametrize("path", shipped_paths(), ids=lambda p: p.stem)
def test_walk_every_lesson_right_then_wrong(window, path):
    from bpviz.scene.lessons import load_lesson

    lesson = load_lesson(path)
    lessons = window.lessons
    panel = lessons.panel
    s = window.session
    lessons.open_lesson(lesson)
    assert lessons.dock.isVisibleTo(window)
    for rightly in (True, False):
        panel.open_lesson(lesson, 0)     # a new visit: nothing revealed yet, the progress kept
        for i, page in enumerate(lesson.pages):
            assert panel.player.index == i
            assert not panel.status.text().startswith("This page could not"), panel.status.text()
            qn = page.question
            if qn is not None:
                exp = expected(qn, panel.stage.context())
                if rightly:
                    v = answer(panel, exp.correct)
                    assert v.right, (lesson.id, i, panel.verdict_label.text())
                    assert panel.verdict_label.text().startswith("<b>Right.</b>")
                    assert panel.reveal_label.text()          # the reveal with live numbers
                    if exp.where is not None:                 # the answer is marked in the view
                        marked = s.edge_selection if exp.where.k is not None else s.selection
                        assert marked == ((exp.where.l, exp.where.j, exp.where.k) if exp.where.k is not None
                                          else (exp.where.l, exp.where.j))
                else:
                    v = answer(panel, wrong_answer(qn, exp, s.network.sizes))
                    assert not v.right, (lesson.id, i)
                    assert "Not this time" in panel.verdict_label.text()
                    assert panel.retry_button.isVisibleTo(panel) and panel.reveal_button.isVisibleTo(panel)
                    assert not panel.reveal_label.text()      # nothing given away yet
                    if i % 2:
                        panel.try_again()
                        assert answer(panel, exp.correct).right
                    else:
                        panel.reveal()
                        assert panel.reveal_label.text()
                        assert panel.verdict_label.text()
            if i < len(lesson.pages) - 1:
                panel.next()
    prog = panel.player.progress
    assert prog.seen == set(range(len(lesson.pages)))
    assert all(prog.first_try.values()) and len(prog.first_try) == lesson.questions  # the first pass counted


def test_setup_is_one_undoable_change(window):
    s = window.session
    w, b = s.parameters
    s.set_parameters([x * 1.0 for x in w], [x * 1.0 for x in b], "a test")   # the learner's trained net
    mine = s.world
    window.lessons.open_lesson(find("notation"))
    assert s.network.sizes == (2, 3, 2) and s.world is not mine
    assert s.can_undo
    s.undo()
    assert s.world is mine


def test_setup_keeps_even_an_untrained_network_for_undo(window):
    s = window.session
    mine = s.world
    window.lessons.open_lesson(find("hadamard"))
    assert s.world is not mine
    s.undo()
    assert s.world is mine


def test_next_page_of_the_same_network_does_not_replace_it(window):
    s = window.session
    window.lessons.open_lesson(find("bp1"))
    world = s.world
    window.lessons.panel.next()
    assert s.world is world and s.selection == (3, 9)   # the page's own setup: a selection


def test_bad_file_is_refused_and_changes_nothing(window, qtbot, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\ntitle = { en = "X", zh_CN = "X" }\n[setup]\nview = "nudgee"\n[[page]]\n'
                   'text = { en = "a", zh_CN = "一" }\n', encoding="utf-8")
    s = window.session
    before = s.world
    with qtbot.waitSignal(s.message) as sig:
        assert not window.lessons.open_file(str(bad))
    level, text = sig.args
    assert level == "error" and f"{bad}:4" in text and "did you mean 'nudge'" in text
    assert s.world is before


def test_a_click_question_takes_the_neuron_clicked(window):
    lesson = find("bp1")
    panel = window.lessons.panel
    window.lessons.open_lesson(lesson, )
    panel.player.go(2)
    panel._show_page()
    exp = expected(lesson.pages[2].question, panel.stage.context())
    window.session.select((3, (exp.correct.j + 1) % 10))     # as a click on the network does
    assert "neuron" in panel.answers.pick_label.text()
    panel.check()
    assert not panel.verdict.right


def test_progress_is_remembered_and_listed(window, make_window):
    lesson = find("cost")
    panel = window.lessons.panel
    window.lessons.open_lesson(lesson)
    exp = expected(lesson.pages[0].question, panel.stage.context())
    answer(panel, exp.correct)
    panel.next()
    panel.show_list()
    other = make_window()
    row = [le.id for le in shipped()].index("cost")
    text = other.lessons.panel.list.item(row).text()
    assert "2 of 3 pages seen · 1 of 3 right at the first try" in text


def test_start_here_is_offered_once(window):
    assert window.lessons.offer_once()
    assert window.lessons.panel.start_here.isVisibleTo(window.lessons.panel)
    window.lessons.dismiss_start_here()
    assert not window.lessons.dock.isVisibleTo(window)
    assert not window.lessons.offer_once()
    window.lessons.show_action.trigger()                       # Help → Lessons, always
    assert window.lessons.dock.isVisibleTo(window)
    assert window.lessons.open_action in window.file_menu.actions()


def test_rest_of_the_window_stays_usable(window):
    """A lesson sets the stage; the learner still changes the sample, the tab, the step."""
    s = window.session
    window.lessons.open_lesson(find("bp1"))
    s.set_sample(3)
    window.tabs.setCurrentWidget(window.train_panel)
    assert s.sample_index == 3
    panel = window.lessons.panel
    ctx = panel.stage.context()
    assert ctx.label == int(s.data.test.labels[3])              # answers follow the live sample


def test_train_first_runs_off_the_gui_thread(window, qtbot, tmp_path):
    path = tmp_path / "train.toml"
    path.write_text('id = "t"\ntitle = { en = "T", zh_CN = "训练" }\n[setup]\ndataset = "xor"\nsizes = [2, 3, 2]\n'
                    'train_epochs = 1\nbatch_size = 50\n[[page]]\ntext = { en = "Trained: {{accuracy}}", '
                    'zh_CN = "训练后：{{accuracy}}" }\n', encoding="utf-8")
    stage = window.lessons.panel.stage
    with qtbot.waitSignal(stage.ready, timeout=20000):
        assert window.lessons.open_file(str(path))
        assert stage.busy                               # the build runs in its own thread
    s = window.session
    assert s.network.sizes == (2, 3, 2) and s.epochs_done == 1 and len(s.history.epochs) == 1


def test_page_numbers_follow_the_live_sample(window):
    lesson = find("bp1")
    window.lessons.open_lesson(lesson)
    panel = window.lessons.panel
    s = window.session
    before = panel.text.text()
    s.set_sample(1)                                         # the learner explores: another image
    label = int(s.data.test.labels[1])
    assert panel.text.text() != before
    assert f"This image is a {label};" in panel.text.text()
