"""A seeded random walk through the app's actions: nothing may raise (pytest-qt fails the test
on an exception in any slot), no thread may be left running, the weights stay finite."""

import numpy as np

from bpviz.gui.session import IDLE

from .conftest import activate, type_into


def test_random_walk_through_the_app(qtbot, make_window, toy_data):
    w = make_window(epochs=3)
    s = w.session
    activate(qtbot, w)
    rng = np.random.default_rng(7)
    strokes = [[(60, 60), (200, 70), (120, 230)], [(90, 150), (180, 150)]]
    actions = {
        "train": lambda: w.train_panel.train_clicked(),
        "stop": lambda: s.stop(),
        "step_batch": lambda: w.train_panel.step_clicked(),
        "reset": lambda: w.train_panel.reset_clicked(),
        "tab": lambda: w.tabs.setCurrentIndex(int(rng.integers(3))),
        "next": lambda: w.step_panel.next(),
        "prev": lambda: w.step_panel.previous(),
        "batch_mode": lambda: w.step_panel.batch.setChecked(not w.step_panel.batch.isChecked()),
        "select": lambda: s.select((int(rng.integers(1, 4)), int(rng.integers(10)))),
        "select_edge": lambda: s.select_edge((2, int(rng.integers(30)), int(rng.integers(784)))),
        "edges": lambda: w.network_view.edge_combo.setCurrentIndex(int(rng.integers(7))),
        "sample": lambda: w.sample_panel.random(),
        "wrong": lambda: w.sample_panel.next_wrong(),
        "draw": lambda: w.draw_panel.canvas.add_stroke(strokes[int(rng.integers(2))]),
        "clear": lambda: w.draw_panel.canvas.clear(),
        "undo": lambda: w.draw_panel.canvas.undo(),
        "hand_off": lambda: w.draw_panel.step_through(),
        "keep": lambda: w.step_panel.keep(),
        "eta": lambda: type_into(w.train_panel.eta, str(rng.choice(["0.5", "3", "10"]))),
        "sizes": lambda: w.train_panel.sizes.setText(str(rng.choice(["784,30,10", "784,16,10", "784,20,12,10"]))),
        "hover": lambda: w.network_view.describe_at(float(rng.uniform(0, 200)), float(rng.uniform(0, 100)), 1.0),
    }
    names = sorted(actions)
    for _ in range(150):
        name = names[int(rng.integers(len(names)))]
        actions[name]()
        qtbot.wait(int(rng.integers(0, 30)))
    s.stop()
    qtbot.waitUntil(lambda: s.state == IDLE, timeout=5000)
    assert s.job is None
    assert all(np.isfinite(p).all() for p in s.network.weights + s.network.biases)
