"""The Step tab: keyboard, panel text and network colours against the core's Trace."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from bpviz.core import update_mini_batch
from bpviz.scene.steps import BP1, GRADIENT, num

from .conftest import activate


def _open_step_tab(qtbot, w):
    activate(qtbot, w)
    w.step_tab_action.trigger()
    assert w.tabs.currentWidget() is w.step_panel
    assert w.session.steps is not None


def test_keys_move_through_a_whole_pass(qtbot, make_window):
    w = make_window()
    s = w.session
    _open_step_tab(qtbot, w)
    seq = s.steps
    assert len(seq) == 9 and s.step_index == 0
    for i in range(1, len(seq)):
        QTest.keyClick(w, Qt.Key.Key_Right)
        assert s.step_index == i
    QTest.keyClick(w, Qt.Key.Key_Right)  # stays on the last step
    assert s.step_index == len(seq) - 1
    QTest.keyClick(w, Qt.Key.Key_Left)
    assert s.step_index == len(seq) - 2
    QTest.keyClick(w, Qt.Key.Key_Home)
    assert s.step_index == 0
    assert w.step_panel.title.text().startswith("Step 1 / 9")


def test_panel_and_view_show_the_traces_numbers(qtbot, make_window):
    w = make_window()
    s = w.session
    _open_step_tab(qtbot, w)
    x, label = s.sample
    t = s.network.trace(x, label)
    bp1 = next(st.index for st in s.steps.steps if st.kind == BP1)
    s.set_step(bp1)
    j = label  # BP1 shows the target neuron by default
    assert f"<b>{num(t.delta(3)[j])}</b>" in w.step_panel.numbers.text()
    kind, values = w.network_view.node_shown[2]
    assert kind == "δ"
    np.testing.assert_array_equal(values, t.delta(3))
    np.testing.assert_array_equal(w.step_panel.bars.opts["height"], t.delta(3))
    # select another output neuron: the equation follows it
    s.select((3, 4))
    assert f"<b>{num(t.delta(3)[4])}</b>" in w.step_panel.numbers.text()
    # the gradient step of layer 2 colours its incoming edges by ∂C/∂w and says so in the legend
    g = next(st.index for st in s.steps.steps if st.kind == GRADIENT and st.layer == 2)
    s.set_step(g)
    kind, values = w.network_view.edge_shown[2]
    assert kind == "∂C/∂w"
    np.testing.assert_array_equal(values, t.dC_dw(2))
    # clicking an edge (here: selecting it) puts its numbers into BP4
    s.select((2, 7))
    s.select_edge((2, 7, 300))
    assert f"<b>{num(t.dC_dw(2)[7, 300])}</b>" in w.step_panel.numbers.text()


def test_keep_update_gives_the_network_the_cores_step(qtbot, make_window):
    w = make_window()
    s = w.session
    _open_step_tab(qtbot, w)
    before = s.network.copy()
    x, label = s.sample
    s.set_step(len(s.steps) - 1)
    assert w.step_panel.keep_button.isEnabled()
    w.step_panel.keep_button.click()
    ref = before.copy()
    update_mini_batch(ref, x[None, :].astype(np.float32), ref.targets(np.array([label])), s.config.eta)
    assert s.network.same_parameters(ref)


def test_mini_batch_mode_uses_m_from_the_train_panel(qtbot, make_window):
    w = make_window(batch_size=4)
    s = w.session
    _open_step_tab(qtbot, w)
    w.step_panel.batch.setChecked(True)
    assert s.steps.m == 4 and len(s.steps) == 4 * 7 + 2
    last = s.steps.steps[-3]
    assert last.sample == 3
    assert "sums over the first 4 of 4 samples" in s.steps.equation(last)


def test_stepping_is_refused_while_training_runs(qtbot, make_window):
    w = make_window(epochs=50)
    s = w.session
    _open_step_tab(qtbot, w)
    s.start()
    qtbot.waitUntil(lambda: s.history.batch_cost.size > 3, timeout=10000)
    panel = w.step_panel
    assert not panel.next_button.isEnabled()
    assert "Pause or stop training" in panel.next_button.toolTip()
    assert panel.blocked.isVisibleTo(panel)
    index = s.step_index
    QTest.keyClick(w, Qt.Key.Key_Right)
    assert s.step_index == index
    s.pause()
    qtbot.waitUntil(lambda: panel.next_button.isEnabled(), timeout=5000)
    s.stop()


def test_play_advances_on_its_own(qtbot, make_window):
    w = make_window()
    s = w.session
    _open_step_tab(qtbot, w)
    w.step_panel.speed.setValue(20)  # 10 steps a second
    QTest.keyClick(w, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: s.step_index >= 3, timeout=5000)
    QTest.keyClick(w, Qt.Key.Key_Space)
    i = s.step_index
    qtbot.wait(300)
    assert s.step_index == i
