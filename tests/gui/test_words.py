"""Issue 21 in the window: what the app says is what the numbers show."""

from bpviz.core.learning import output_saturation
from bpviz.gui.session import IDLE


def _train(qtbot, w):
    s = w.session
    messages = []
    s.message.connect(lambda level, text: messages.append((level, text)))
    s.start()
    qtbot.waitUntil(lambda: s.state == IDLE and s.epochs_done == s.config.epochs, timeout=30000)
    return messages


def test_a_run_stuck_in_saturation_says_so(qtbot, make_window):
    """η = 100 ends near chance with no divergence; `bpviz train` warns, and so must the app."""
    w = make_window(eta=100.0, epochs=1)
    messages = _train(qtbot, w)
    s = w.session
    sat = output_saturation(s.network, s.data.test.x, s.data.test.labels)
    assert sat.mostly_stuck
    warnings = [t for level, t in messages if level == "warning"]
    assert len(warnings) == 1 and "saturated and wrong" in warnings[0] and "η = 100" in warnings[0]


def test_a_healthy_run_gets_no_saturation_warning(qtbot, make_window):
    w = make_window(eta=3.0, epochs=1)
    messages = _train(qtbot, w)
    assert not output_saturation(w.session.network, w.session.data.test.x, w.session.data.test.labels).mostly_stuck
    assert not [t for level, t in messages if level == "warning"]
