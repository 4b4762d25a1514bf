"""Session files in the window: save, open in another window, refuse a bad file without changing anything,
open by dropping, Open Recent."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from bpviz.gui import session_files
from bpviz.scene.lens import Lens

SIZES = (784, 16, 10)


def _teacher_window(make_window):
    w = make_window(sizes=SIZES, delay_ms=120)
    s = w.session
    s.run_headless(1)
    s.set_sample(42)
    w.tabs.setCurrentWidget(w.step_panel)
    w.bottom_tabs.setCurrentWidget(w.anatomy_panel)
    s.build_steps(batch=True)
    s.set_step(7)
    s.select((2, 3))
    s.select_edge((3, 4, 3))
    s.set_lens(Lens("a lens", [None, ("δ", np.linspace(-1, 1, 16)), None], edge_values={3: np.ones((10, 16))},
                    marked_nodes=((2, 3),)))
    w.network_view.edge_combo.setCurrentIndex(2)
    s.set_drawn(np.linspace(0, 1, 784, dtype=np.float32))
    return w


def test_a_session_opens_exactly_in_another_window(make_window, tmp_path):
    a = _teacher_window(make_window)
    path = session_files.save_session_to(a, str(tmp_path / "class"))
    assert path is not None and path.suffix == ".bpviz"
    b = make_window(sizes=(784, 30, 10))
    assert session_files.open_session(b, str(path))
    sa, sb = a.session, b.session
    assert sb.network.same_parameters(sa.network) and sb.network.sizes == SIZES
    assert sb.config == sa.config and sb.config.delay_ms > 0   # the pace (its slider snaps 120 ms to a step)
    for k, v in sa.history.to_arrays().items():
        assert np.array_equal(sb.history.to_arrays()[k], v), k
    assert sb.epochs_done == 1 and sb.batches_done == sa.batches_done and sb.sample_index == 42
    assert b.tabs.currentWidget() is b.step_panel and b.bottom_tabs.currentWidget() is b.anatomy_panel
    assert sb.step_batch_mode and sb.step_index == 7 and b.step_panel.batch.isChecked()
    assert np.array_equal(sb.steps.batch.activations[0], sa.steps.batch.activations[0])
    assert np.array_equal(sb.steps.labels, sa.steps.labels)
    assert sb.current_step == sa.current_step   # the same step, title and caption
    assert sb.selection == (2, 3) and sb.edge_selection == (3, 4, 3)
    assert sb.lens.title == "a lens" and np.array_equal(sb.lens.node_values[1][1], sa.lens.node_values[1][1])
    assert b.network_view.edge_combo.currentIndex() == 2
    assert np.array_equal(sb.drawn, sa.drawn)
    assert not sb.world.unsaved
    # the shuffling continues as it would have: the next epoch's order is the same
    assert np.array_equal(sb.world.rng.permutation(50), sa.world.rng.permutation(50))


def test_a_damaged_or_newer_session_changes_nothing(make_window, tmp_path):
    w = make_window(sizes=SIZES)
    s = w.session
    s.run_headless(1)
    s.set_sample(5)
    good = session_files.save_session_to(w, str(tmp_path / "good.bpviz"))
    world, params = s.world, [p.copy() for p in s.network.weights]
    bad = tmp_path / "bad.bpviz"
    bad.write_bytes(good.read_bytes()[:300])
    messages = []
    s.message.connect(lambda level, text: messages.append((level, text)))
    assert not session_files.open_session(w, str(bad))
    assert s.world is world and all(np.array_equal(a, b) for a, b in zip(s.network.weights, params))
    assert messages[-1][0] == "error" and "damaged" in messages[-1][1]

    import json
    import zipfile

    newer = tmp_path / "newer.bpviz"
    with zipfile.ZipFile(good) as z, zipfile.ZipFile(newer, "w") as out:
        for name in z.namelist():
            data = z.read(name)
            if name == "manifest.json":
                m = json.loads(data)
                m["version"] += 1
                data = json.dumps(m).encode()
            out.writestr(name, data)
    assert not session_files.open_session(w, str(newer))
    assert s.world is world and "newer bpviz" in messages[-1][1]


def test_dropping_a_session_or_model_opens_it(make_window, tmp_path, qtbot):
    a = make_window(sizes=SIZES)
    a.session.run_headless(1)
    path = session_files.save_session_to(a, str(tmp_path / "drop.bpviz"))
    b = make_window(sizes=SIZES)
    b.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(b, enter)
    assert enter.isAccepted()   # the window takes a .bpviz file
    ev = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier)
    # Qt delivers a Drop only during a real drag (sendEvent does not reach filters): hand it to the filter
    assert b.file_drop.eventFilter(b, ev)
    assert b.session.network.same_parameters(a.session.network) and b.session.epochs_done == 1
    model = a.session.save_model(tmp_path / "m.npz")
    c = make_window(sizes=SIZES)
    text = QMimeData()
    text.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    refused = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, text, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier)
    refused.ignore()
    QApplication.sendEvent(c, refused)
    assert not refused.isAccepted()
    mime2 = QMimeData()
    mime2.setUrls([QUrl.fromLocalFile(str(model))])
    c.file_drop.eventFilter(c, QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime2, Qt.MouseButton.LeftButton,
                                          Qt.KeyboardModifier.NoModifier))
    assert c.session.network.same_parameters(a.session.network) and c.session.model_path == str(model)


@pytest.mark.parametrize("name, words", [("notes.txt", "none of these"), ("data.csv", "Could not use data.csv"),
                                         ("lesson.toml", "Lesson refused")])
def test_other_dropped_files_say_what_happened(make_window, tmp_path, name, words):
    w = make_window(sizes=SIZES)
    p = tmp_path / name
    p.write_text("a,b\n1,2\n")
    messages = []
    w.session.message.connect(lambda level, text: messages.append(text))
    before = w.session.world
    assert not session_files.open_path(w, str(p))
    assert any(words in m for m in messages), messages
    assert w.session.world is before


def test_a_dropped_lesson_opens_in_the_lessons_panel_and_its_page_is_kept(make_window, tmp_path):
    from bpviz.scene.lessons import shipped_paths

    w = make_window(sizes=(784, 30, 10))
    path = shipped_paths()[0]
    assert session_files.open_path(w, str(path))
    panel = w.lessons.panel
    assert panel.lesson is not None and w.lessons.dock.isVisibleTo(w)
    w.show()
    panel.next()
    page = panel.player.index
    assert page >= 1
    saved = session_files.save_session_to(w, str(tmp_path / "lesson.bpviz"))
    other = make_window(sizes=(784, 30, 10))
    other.show()
    assert session_files.open_session(other, str(saved))
    assert other.lessons.panel.lesson.id == panel.lesson.id and other.lessons.panel.player.index == page


def test_open_recent_lists_saved_and_opened_files(make_window, tmp_path):
    w = make_window(sizes=SIZES)
    p1 = session_files.save_session_to(w, str(tmp_path / "one.bpviz"))
    p2 = session_files.save_session_to(w, str(tmp_path / "two.bpviz"))
    assert session_files.recent_files()[:2] == [str(p2.resolve()), str(p1.resolve())]
    session_files.fill_recent_menu(w, w.recent_menu)
    assert [a.text() for a in w.recent_menu.actions()][:2] == ["two.bpviz", "one.bpviz"]
    assert w.save_session_action.text() and w.open_session_action.text()


def test_a_dropped_csv_table_becomes_the_data(make_window):
    from bpviz.data import assets_dir

    w = make_window(sizes=SIZES)
    iris = assets_dir() / "tables" / "iris.csv"
    assert session_files.open_path(w, str(iris))
    s = w.session
    assert s.data.input_size == 4 and s.data.n_classes == 3 and s.network.sizes[0] == 4 and s.network.sizes[-1] == 3
    assert session_files.recent_files()[0] == str(iris.resolve())
