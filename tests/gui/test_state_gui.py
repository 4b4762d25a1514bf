"""The failure list of issue 9, each as a test: atomic world changes, nothing lost, nothing
silently rewritten, shortcuts wherever the focus is."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from bpviz.core import BatchDone, Network, load_network, sgd
from bpviz.gui.session import IDLE, PAUSED

from .conftest import activate, type_into


def _fits(s) -> bool:
    return s.network.sizes[0] == s.data.input_size and s.network.sizes[-1] == s.data.n_classes


def _switch(w, key):
    tp = w.train_panel
    tp.dataset.setCurrentIndex(tp.dataset.findData(key))
    tp.dataset.activated.emit(tp.dataset.currentIndex())


def test_dataset_switches_are_atomic_and_keep_a_trained_network_for_undo(qtbot, make_window):
    w = make_window(epochs=1)
    s = w.session
    seen = []
    s.world_changed.connect(lambda: seen.append(_fits(s)))
    s.start()
    qtbot.waitUntil(lambda: s.state == IDLE, timeout=20000)
    trained = s.network.copy()
    for i in range(10):
        _switch(w, "xor" if i % 2 == 0 else "mnist-bundled")
        assert _fits(s)
    assert seen == [True] * 10
    assert s.can_undo
    # back on MNIST with fresh weights; Undo brings back the world of the trained network
    w.undo_action.trigger()
    assert s.network.same_parameters(trained)
    assert s.history.recorded == s.batches_done == 200 and s.epochs_done == 1


def test_the_step_tab_follows_a_switch_to_another_dataset(qtbot, make_window):
    w = make_window()
    s = w.session
    activate(qtbot, w)
    w.draw_panel.canvas.add_stroke([(80, 60), (200, 60), (120, 230)])
    w.tabs.setCurrentWidget(w.draw_panel)
    w.draw_panel.step_through()
    assert s.custom_input is not None and w.tabs.currentWidget() is w.step_panel
    w.tabs.setCurrentWidget(w.train_panel)
    _switch(w, "xor")
    assert s.custom_input is None and s.steps is None
    w.tabs.setCurrentWidget(w.step_panel)
    assert s.steps is not None and s.steps.sizes[0] == 2
    w.step_panel.next()
    w.step_panel.new_button.click()
    w.step_panel.batch.setChecked(True)
    assert s.step_batch_mode and s.steps.m == s.config.batch_size
    w.step_panel.single.setChecked(True)
    assert not s.step_batch_mode and s.steps.m == 1 and w.step_panel.single.isChecked()


def test_stop_applies_every_event_the_run_produced(qtbot, make_window):
    """The history holds exactly the mini-batches the network received, whatever moment Stop hits."""
    for k, wait in enumerate((15, 120, 260)):
        w = make_window(epochs=50, delay_ms=0)
        s = w.session
        s.start()
        qtbot.waitUntil(lambda s=s, wait=wait: s.batches_done >= wait, timeout=20000)
        s.stop()
        assert s.state == IDLE and s.job is None
        n = s.batches_done
        assert s.history.recorded == n == int(s.history.batch_index[-1]) + 1
        assert s.epochs_done == len(s.history.epochs) == n // 200
        ref = Network((784, 30, 10), rng=np.random.default_rng(0))
        done = 0
        for ev in sgd(ref, s.data.train, epochs=50, batch_size=10, eta=3.0, rng=np.random.default_rng([0, 1]),
                      test=s.data.test):
            if isinstance(ev, BatchDone):
                done += 1
                if done == n:
                    break
        assert ref.same_parameters(s.network), f"stop #{k}: the network is not the one the history describes"
        assert not s.is_untrained


def test_a_short_run_counts_as_training_so_the_draw_tab_keeps_it(qtbot, make_window):
    w = make_window()
    s = w.session
    s.step_batch()
    qtbot.waitUntil(lambda: s.state == PAUSED, timeout=5000)
    s.stop()
    assert s.batches_done == 1 and not s.is_untrained
    mine = s.network.copy()
    w.tabs.setCurrentWidget(w.draw_panel)
    assert s.model_path is None and s.network.same_parameters(mine)


@pytest.mark.parametrize("field, text, reason", [
    ("batch", "1e9", "not a whole number"),
    ("eta", "0", "> 0"),
    ("batch", "0", "≥ 1"),
    ("batch", "100000", "cannot be larger"),
    ("sizes", "784,100000,10", "GB"),
    ("sizes", "784,20000,10", "drawing"),      # the tour's: it fits training alone, not the app's drawing of it
    ("lmbda", "-1", "≥ 0"),
])
def test_fields_refuse_with_the_reason_and_keep_the_text(qtbot, make_window, field, text, reason):
    w = make_window()
    tp = w.train_panel
    before = w.session.network
    type_into(getattr(tp, field), text)
    tp.train_clicked()
    assert w.session.state == IDLE and w.session.network is before
    assert getattr(tp, field).text() == text
    key = {"batch": "batch_size"}.get(field, field)
    assert tp.errors[key].isVisibleTo(tp) and reason in tp.errors[key].text()


def test_space_never_edits_a_field_and_trains(qtbot, make_window):
    w = make_window(epochs=5)
    s = w.session
    activate(qtbot, w)
    eta = w.train_panel.eta
    eta.setFocus()
    qtbot.waitUntil(eta.hasFocus, timeout=2000)
    QTest.keyClick(eta, Qt.Key.Key_Space)
    assert eta.text() == "3"
    qtbot.waitUntil(lambda: s.state != IDLE, timeout=5000)
    s.stop()


@pytest.mark.parametrize("field, text", [("eta", "nan"), ("lmbda", "abc"), ("eta", "1e-3"), ("batch", "sbnf")])
def test_a_field_with_the_keyboard_takes_every_letter_then_enter_hands_the_keys_back(qtbot, make_window,
                                                                                     field, text):
    w = make_window(epochs=5)
    s = w.session
    activate(qtbot, w)
    f = getattr(w.train_panel, field)
    f.setFocus()
    qtbot.waitUntil(f.hasFocus, timeout=2000)
    f.selectAll()
    shown = s.sample_index
    QTest.keyClicks(f, text)
    assert f.text() == text                              # typed whole: no letter fired a shortcut
    assert s.state == IDLE and s.sample_index == shown and s.batches_done == 0
    QTest.keyClick(f, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not f.hasFocus(), timeout=2000)
    key = {"batch": "batch_size"}.get(field, field)
    if text == "1e-3":
        assert s.config.eta == 1e-3 and not w.train_panel.errors[key].isVisibleTo(w.train_panel)
    else:
        assert w.train_panel.errors[key].isVisibleTo(w.train_panel) and f.text() == text
        type_into(f, {"eta": "3", "lmbda": "0", "batch": "10"}[field])
    QTest.keyClick(w, Qt.Key.Key_N)                      # the window has the keys again
    assert s.sample_index != shown
    QTest.keyClick(w, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: s.batches_done == 1, timeout=5000)
    QTest.keyClick(w, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: s.state == IDLE, timeout=5000)


def test_enter_applies_eta_while_training_and_hands_the_keys_back(qtbot, make_window):
    w = make_window(epochs=50)
    s = w.session
    activate(qtbot, w)
    s.start()
    qtbot.waitUntil(lambda: s.batches_done > 3, timeout=10000)
    w.train_panel.eta.setFocus()
    type_into(w.train_panel.eta, "0.5")
    assert s.worker.control.eta == 0.5 and s.config.eta == 0.5
    qtbot.waitUntil(lambda: not w.train_panel.eta.hasFocus(), timeout=2000)
    qtbot.waitUntil(lambda: "η = 0.5" in w.rate_label.text(), timeout=3000)
    s.stop()


def test_a_model_file_carries_its_settings(qtbot, make_window, tmp_path):
    w = make_window(eta=0.75, lmbda=2.0, batch_size=20, cost="cross-entropy")
    s = w.session
    s.run_headless(1)
    path = tmp_path / "m.npz"
    s.save_model(path)
    _, meta = load_network(path)
    assert meta["config"]["eta"] == 0.75 and meta["epochs_trained"] == 1
    w2 = make_window(eta=3.0)
    assert w2.open_model_from(str(path))
    c = w2.session.config
    assert (c.eta, c.lmbda, c.batch_size, c.cost) == (0.75, 2.0, 20, "cross-entropy")
    assert w2.train_panel.eta.text() == "0.75" and w2.train_panel.lmbda.text() == "2"
    assert w2.session.epochs_done == 1


def test_a_text_file_is_not_a_model(qtbot, make_window, tmp_path):
    w = make_window()
    bad = tmp_path / "notes.npz"
    bad.write_text("hello\n")
    assert not w.open_model_from(str(bad))
    assert "not a bpviz model file" in w.message_bar.label.text()


def test_dialogs_start_in_the_users_folder_never_in_the_package(qtbot, make_window, tmp_path):
    from bpviz.data import assets_dir
    from bpviz.gui.settings import settings

    w = make_window()
    settings().setValue("files/last_dir", str(assets_dir() / "models"))
    assert not w.user_folder().startswith(str(assets_dir()))
    settings().setValue("files/last_dir", str(tmp_path))
    assert w.user_folder() == str(tmp_path)


def test_status_bar_counters_are_the_sessions(qtbot, make_window):
    w = make_window(epochs=2)
    s = w.session
    s.start()
    qtbot.waitUntil(lambda: s.state == IDLE, timeout=20000)
    w._status_poller.force()
    assert w.epoch_label.text() == "epochs done 2"
    assert "after epoch 2" in w.accuracy_label.text()
    assert "samples/s" not in w.rate_label.text()   # no rate when nothing runs
    assert "η = 3" in w.rate_label.text()


def test_stop_by_key_and_by_button_waits_for_the_run(qtbot, make_window):
    """QAction.triggered / QPushButton.clicked pass a bool: it must not become Stop's timeout."""
    w = make_window(epochs=50)
    s = w.session
    for stop in (w.stop_action.trigger, w.train_panel.stop_button.click):
        s.start()
        qtbot.waitUntil(lambda: s.batches_done > 5, timeout=10000)
        stop()
        assert s.state == IDLE and s.job is None
        assert "finishing" not in w.message_bar.label.text()


def test_enter_commits_and_every_refused_field_says_why(qtbot, make_window):
    w = make_window()
    tp = w.train_panel
    before = w.session.network
    tp.batch.setText("1e9")
    type_into(tp.sizes, "784,100000,10")
    assert w.session.network is before
    assert "not a whole number" in tp.errors["batch_size"].text() and tp.errors["batch_size"].isVisibleTo(tp)
    assert "GB" in tp.errors["sizes"].text() and tp.errors["sizes"].isVisibleTo(tp)
    tp.batch.setText("10")
    type_into(tp.sizes, "784,16,10")
    assert w.session.network.sizes == (784, 16, 10)
    assert not any(e.isVisibleTo(tp) for e in tp.errors.values())


def test_status_shows_an_opened_models_accuracy_until_it_changes(qtbot, make_window):
    w = make_window()
    s = w.session
    assert w.open_model_from(str(__import__("bpviz.data", fromlist=["assets_dir"]).assets_dir()
                                 / "models" / "mnist-784-30-10-seed.npz"))
    w._status_poller.force()
    right = s.network.evaluate(s.data.test.x, s.data.test.labels)
    assert f"({right} / {len(s.data.test)}) as opened from mnist-784-30-10-seed.npz" in w.accuracy_label.text()
    s.step_batch()
    qtbot.waitUntil(lambda: s.state == PAUSED, timeout=5000)
    s.stop()
    w._status_poller.force()
    assert "as opened" not in w.accuracy_label.text()


def test_first_launch_paces_training_for_a_newcomer_and_remembers_a_change(qtbot, make_window):
    from bpviz.gui.settings import config_from_settings, settings
    from bpviz.scene.pace import NEWCOMER_RATE, delay_ms_of_rate

    assert config_from_settings().delay_ms == delay_ms_of_rate(NEWCOMER_RATE)   # nothing remembered yet
    w = make_window(delay_ms=0)
    w.close()
    assert config_from_settings(settings()).delay_ms == 0


@pytest.mark.parametrize("answer", ["Cancel", "Discard", "Save"])
def test_quitting_with_unsaved_training_asks_first(qtbot, make_window, tmp_path, monkeypatch, answer):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    w = make_window()
    w.confirm_close = True
    w.show()
    s = w.session
    s.run_headless(1)
    assert s.world.unsaved
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or
                        getattr(QMessageBox.StandardButton, answer))
    out = tmp_path / "kept.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    w.close()
    assert asked and "not saved" in asked[0]
    assert w.isVisible() == (answer == "Cancel")
    assert out.exists() == (answer == "Save")
    if answer == "Cancel":
        assert s.world.unsaved     # nothing happened to it
        w.confirm_close = False    # let the fixture close it


def test_a_saved_network_quits_without_asking(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    w = make_window()
    w.confirm_close = True
    w.show()
    w.session.run_headless(1)
    w.save_model_to(str(tmp_path / "m.npz"))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail("asked although saved"))
    w.close()
    assert not w.isVisible()


def test_cancel_in_the_quit_question_leaves_every_background_job_running(qtbot, make_window, monkeypatch):
    """Training pauses while "Quit bpviz?" is open, its counts are the status bar's, and Cancel
    resumes it; no job (training or any other) is stopped until quitting is confirmed."""
    from PySide6.QtWidgets import QMessageBox

    from bpviz.gui.session import RUNNING

    w = make_window(epochs=50)
    w.confirm_close = True
    w.show()
    s = w.session
    other_stopped = []

    def other(feed):
        while not feed.token.wait(0.01):
            pass
        other_stopped.append(True)

    s.start()
    qtbot.waitUntil(lambda: s.batches_done > 20, timeout=10000)
    job = s.workers.start(other, "other")
    # the tour's bug: Cancel stopped the twin runs and the why-fast measurement (their close watchers)
    twins, fast = w.views.widget("learning"), w.views.widget("why.fast")
    fast.nets, fast.max_seconds = ((784, 30, 10),) * 40, 40.0
    twins.twin_epochs.setValue(50)
    assert twins.run_twins()
    fast.start()
    background = [job, twins.twin_job, fast.job]
    qtbot.waitUntil(lambda: all(j.is_running() for j in background), timeout=10000)
    asked = []

    def answer(box, button):
        asked.append((box.text(), s.state, s.batches_done, s.history.recorded, w.epoch_label.toolTip()))
        return button

    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, QMessageBox.StandardButton.Cancel))
    w.close()
    text, state, batches, recorded, tip = asked[0]
    assert state == PAUSED and batches == recorded          # nothing trains behind the question
    assert f"{batches:,} mini-batches" in text and f"{batches:,} mini-batches" in tip
    assert w.isVisible() and not other_stopped
    assert all(j.is_running() for j in background) and twins.twin_job is not None and fast.running
    qtbot.waitUntil(lambda: s.state == RUNNING, timeout=20000)   # slack for a loaded machine
    qtbot.waitUntil(lambda: s.batches_done > batches + 10, timeout=10000)   # training went on
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, QMessageBox.StandardButton.Discard))
    w.close()
    assert not w.isVisible() and s.job is None and other_stopped == [True]
    assert not any(j.is_running() for j in background) and twins.twin_job is None and not fast.running
    assert s.workers.jobs == []
