"""Views redraw from the session's events: no timer polls for changes while nothing changes."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QTimer


def _active_timers(w) -> list[str]:
    return [f"{t.parent().__class__.__name__}.{t.objectName()} every {t.interval()} ms"
            for t in w.findChildren(QTimer) if t.isActive()]


def test_an_idle_window_runs_no_timer(make_window, qtbot):
    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    for tab_id in ("learning", "learning.speed", "learning.hidden_units", "why.nudge", "mistakes.teach", "train"):
        w.views.show(tab_id)
    qtbot.wait(700)        # every throttle's last interval (≤ 330 ms) has passed
    w.message_bar.hide()
    assert _active_timers(w) == []


def test_a_training_run_redraws_the_views_from_its_progress(make_window, qtbot):
    """Status bar, network view, neuron panel and sample panel follow a run without polling."""
    w = make_window(epochs=1)
    s = w.session
    s.select((2, 0))
    w.show()
    qtbot.waitExposed(w)
    drawn = w.network_view._drawn_key
    with qtbot.waitSignal(s.state_changed, timeout=60000, check_params_cb=lambda st: getattr(st, "value", st) == "idle"):
        s.start()
    qtbot.wait(600)
    assert w.network_view._drawn_key != drawn and w.network_view._drawn_key[0] == s.params_version
    assert w.epoch_label.text().startswith(f"epochs done {s.epochs_done}")
    weights, _ = s.parameters
    np.testing.assert_array_equal(w.neuron_panel.image.image, np.asarray(weights[0][0]).reshape(28, 28))
