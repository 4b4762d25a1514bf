"""Recording the step-through (one frame per step) and training (a frame every N mini-batches)."""

from __future__ import annotations

import math

import pytest
from PIL import Image

from bpviz.gui import record
from bpviz.gui.eventloop import run_event_loop


def _wait(rec, qtbot, timeout=60_000):
    done = {}
    rec.finished.connect(lambda p: done.setdefault("path", p))
    rec.failed.connect(lambda m: done.setdefault("error", m))
    qtbot.waitUntil(lambda: bool(done), timeout=timeout)
    return done


def test_step_through_gif_has_one_frame_per_step(make_window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(record, "SETTLE_MS", 30)
    w = make_window(sizes=(784, 16, 10))
    w.show()
    w.tabs.setCurrentWidget(w.step_panel)
    s = w.session
    s.set_step(3)
    n = len(s.steps)
    rec = record.Recorder(w, str(tmp_path / "steps.gif"), widget=w.network_view)
    rec.record_steps()
    done = _wait(rec, qtbot)
    assert "path" in done, done
    with Image.open(done["path"]) as im:
        assert im.n_frames == n == rec.captured
        assert im.size == (w.network_view.width(), w.network_view.height())
        assert im.info["duration"] == record.STEP_FRAME_MS
    assert s.step_index == 3   # back where it was


def test_training_gif_has_a_frame_every_n_mini_batches(make_window, qtbot, tmp_path, toy_data):
    w = make_window(sizes=(2, 3, 2), data=toy_data, epochs=2, batch_size=10, delay_ms=0)
    w.show()
    rec = record.Recorder(w, str(tmp_path / "train.gif"), widget=w.cost_plot)
    rec.record_training(every=7)
    done = _wait(rec, qtbot)
    assert "path" in done, done
    per_epoch = math.ceil(300 / 10)
    expected = 1 + math.ceil(2 * per_epoch / 7)   # the start, after every 7th mini-batch, and the end (60 = 8·7 + 4)
    with Image.open(done["path"]) as im:
        assert im.n_frames == expected
    assert w.session.epochs_done == 2 and w.session.batches_done == 2 * per_epoch


def test_cancel_stops_training_and_writes_nothing(make_window, qtbot, tmp_path, toy_data):
    w = make_window(sizes=(2, 3, 2), data=toy_data, epochs=50, batch_size=10, delay_ms=0)
    w.show()
    target = tmp_path / "never.gif"
    rec = record.Recorder(w, str(target), widget=w.cost_plot)
    failed = []
    rec.failed.connect(failed.append)
    rec.record_training(every=5)
    qtbot.waitUntil(lambda: rec.captured >= 3, timeout=30_000)
    rec.cancel()
    qtbot.waitUntil(lambda: w.session.state == "idle", timeout=10_000)
    run_event_loop(0.1)
    assert failed and "cancelled" in failed[0]
    assert not target.exists() and not list(tmp_path.glob("*.part*"))
    assert w.session.epochs_done < 50


def test_a_recording_that_cannot_start_says_why(make_window, tmp_path):
    w = make_window(sizes=(784, 16, 10))
    messages = []
    w.session.message.connect(lambda level, text: messages.append(text))
    assert record.start_recording(w, str(tmp_path / "x.webm"), "steps") is None
    assert ".gif or an .mp4" in messages[-1]


@pytest.mark.parametrize("what", ["steps"])
def test_start_recording_shows_progress_and_reports(make_window, qtbot, tmp_path, monkeypatch, what):
    monkeypatch.setattr(record, "SETTLE_MS", 10)
    w = make_window(sizes=(784, 16, 10))
    w.show()
    messages = []
    w.session.message.connect(lambda level, text: messages.append(text))
    rec = record.start_recording(w, str(tmp_path / "p.gif"), what)
    assert rec is not None
    qtbot.waitUntil(lambda: any("Saved the recording" in m for m in messages), timeout=30_000)
    assert (tmp_path / "p.gif").is_file()
