"""The views of issue 11: nudge a weight, gradient check, why backprop is fast, the code pane."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from bpviz.core.gradcheck import Parameter, check_parameter, gradient_check
from bpviz.core.nudge import chain, nudge, nudge_curve
from bpviz.explain.why import book_name
from bpviz.gui.explore.why import dw_from_slider, eps_from_slider
from bpviz.scene.code import BATCH, SAMPLE, listing, step_notes
from bpviz.scene.notation import number
from tests.gui.conftest import activate


def _bright_pixel(window) -> int:
    return int(np.argmax(window.session.sample[0]))


def _core_inputs(window):
    s = window.session
    x, label = s.sample
    return s.snapshot_network(), np.asarray(x, dtype=np.float64), int(label)


def test_nudge_tab_shows_the_core_numbers_and_owns_the_lens(qtbot, make_window):
    w = make_window()
    s, panel = w.session, w.views.widget("why.nudge")
    w.tabs.setCurrentWidget(panel)
    assert panel.prompt.isVisibleTo(panel) and s.lens is None        # nothing selected yet: a prompt
    k = _bright_pixel(w)
    s.select((2, 4))
    s.select_edge((2, 4, k))
    qtbot.waitUntil(lambda: panel.result is not None and s.lens is not None, timeout=3000)
    net, x, y = _core_inputs(w)
    p = Parameter.weight(2, 4, k)
    expect = nudge(net, x, y, p, panel.dw)
    assert panel.result.parameter == p
    assert panel.result.delta_cost == expect.delta_cost and panel.result.predicted == expect.predicted
    assert number(expect.delta_cost, 6) in panel.numbers.text() and number(expect.predicted, 6) in panel.numbers.text()
    c = chain(net, x, y, p)
    assert number(c.total, 8) in panel.chain_text.text() and f"{c.num_paths:,} paths" in panel.chain_text.text()
    # the lens draws Δa of every later layer and marks the nudged edge and the strongest path
    lens = s.lens
    assert lens is panel.lens
    assert lens.node_values[1][0] == "Δa" and np.array_equal(lens.node_values[1][1], expect.da(2))
    assert np.array_equal(lens.node_values[2][1], expect.da(3))
    assert (2, 4, k) in lens.marked_edges and (3, c.best_path[1], 4) in lens.marked_edges
    # the ΔC-vs-Δw plot holds the core's curve
    curve = w.views.widget("why.nudge_curve").curve
    ref = nudge_curve(net, x, y, p, curve.dws)
    assert np.array_equal(curve.measured, ref.measured) and curve.gradient == ref.gradient
    # another tab takes the lens away; coming back brings it again
    w.tabs.setCurrentWidget(w.train_panel)
    assert s.lens is None
    w.tabs.setCurrentWidget(panel)
    assert s.lens is panel.lens is not None


def test_nudge_keys_and_bias_and_no_selection(qtbot, make_window):
    w = make_window()
    s, panel = w.session, w.views.widget("why.nudge")
    activate(qtbot, w)
    w.views.action("why.nudge.show").trigger()
    assert w.tabs.currentWidget() is panel
    v = panel.slider.value()
    QTest.keyClick(w, Qt.Key.Key_BracketRight)
    assert panel.slider.value() == v + 1
    QTest.keyClick(w, Qt.Key.Key_BracketLeft)
    QTest.keyClick(w, Qt.Key.Key_BracketLeft)
    assert panel.slider.value() == v - 1
    assert panel.dw_label.text() == f"Δw = {number(dw_from_slider(v - 1), 3)}" == f"Δw = {number(panel.dw, 3)}"
    # a neuron (no edge) selects its bias
    s.select((3, 2))
    qtbot.waitUntil(lambda: panel.result is not None, timeout=3000)
    net, x, y = _core_inputs(w)
    assert panel.result.parameter == Parameter.bias(3, 2)
    assert panel.result.delta_cost == nudge(net, x, y, Parameter.bias(3, 2), panel.dw).delta_cost
    assert panel.dw_label.text().startswith("Δb = ")
    s.select(None)
    qtbot.waitUntil(lambda: panel.result is None, timeout=3000)
    assert panel.prompt.isVisibleTo(panel) and s.lens is None


def test_gradient_check_values_are_check_parameter(qtbot, make_window, toy_data):
    w = make_window(sizes=(2, 3, 2), data=toy_data)
    s, panel = w.session, w.views.widget("why.gradcheck")
    w.bottom_tabs.setCurrentWidget(panel)
    s.select((3, 1))
    s.select_edge((3, 1, 2))
    qtbot.waitUntil(lambda: "float64" in panel.checks, timeout=3000)
    net, x, y = _core_inputs(w)
    p = Parameter.weight(3, 1, 2)
    for value in (-24, -40, -4):
        panel.eps_slider.setValue(value)
        eps = eps_from_slider(value)
        for d in ("float64", "float32"):
            ref = check_parameter(net, x, y, p, eps=eps, dtype=d)
            got = panel.checks[d]
            assert (got.parameter, got.eps, got.backprop, got.numerical) == (p, eps, ref.backprop, ref.numerical)
        assert number(panel.checks["float64"].numerical, 5) in panel.values.text()
    # the sweep plots the core's errors; the marker follows ε
    assert np.isclose(10 ** panel.eps_line.value(), eps)
    err = panel.sweep.errors["float64"]
    assert np.array_equal(panel.curve64.yData, np.where(err > 0, err, np.nan), equal_nan=True)
    # every parameter, worst first
    assert panel.check_button.isEnabled()
    QTest.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    ref_rows = gradient_check(net, x[None, :], np.array([y]), eps=panel.eps, dtype="float64").rows()
    assert panel.table.rowCount() == 17 == len(ref_rows)
    for i in (0, 8, 16):
        assert panel.table.item(i, 0).text() == book_name(ref_rows[i].parameter)
        assert panel.table.item(i, 3).text() == f"{ref_rows[i].relative_error:.2e}"
    assert panel.pages.currentWidget() is panel.table
    # a row selects its parameter; the table of the whole net stays
    panel.table.cellClicked.emit(16, 0)
    last = ref_rows[16].parameter
    assert s.selection == (last.l, last.j)
    assert s.edge_selection == ((last.l, last.j, last.k) if last.kind == "w" else None)
    qtbot.waitUntil(lambda: panel.checks["float64"].parameter == last, timeout=3000)
    assert panel.table.rowCount() == 17


def test_check_every_parameter_is_refused_for_a_big_net_with_the_reason(qtbot, make_window):
    w = make_window()
    panel = w.views.widget("why.gradcheck")
    w.bottom_tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: not panel.check_button.isEnabled(), timeout=3000)
    assert "23,860" in panel.check_button.toolTip() and "23,860" in panel.check_note.text()


def test_why_fast_runs_in_a_thread_and_tables_the_core_counts(qtbot, make_window):
    w = make_window()
    panel = w.views.widget("why.fast")
    w.bottom_tabs.setCurrentWidget(panel)
    panel.nets = ((2, 3, 2), (4, 5, 3))
    panel.max_seconds = 0.2
    QTest.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert panel.running and not panel.run_button.isEnabled() and panel.stop_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.running, timeout=15000)
    assert panel.table.rowCount() == 2 and panel.progress.value() == 2
    for i, (sizes, P) in enumerate((((2, 3, 2), 17), ((4, 5, 3), 43))):
        r = panel.rows[i]
        assert r.sizes == sizes and r.parameters == P and r.numerical_passes == 2 * P and r.backprop_passes == 2
        assert panel.table.item(i, 1).text() == str(P)
        # backprop is one forward and one backward pass, not "2" beside 2P forward passes
        assert panel.table.item(i, 2).text() == f"{2 * P} forward vs 1 + 1"
        assert panel.table.item(i, 6).text() == "all parameters timed"
    assert "Measured 2 of 2" in panel.status.text() and panel.run_button.isEnabled()
    assert list(panel.bp_curve.xData) == [17, 43]     # the plot's data before its log axes
    assert list(panel.bp_curve.yData) == [r.backprop_seconds for r in panel.rows]


def test_closing_the_window_stops_the_why_fast_job(qtbot, make_window):
    w = make_window()
    panel = w.views.widget("why.fast")
    panel.nets = ((784, 30, 10),) * 40   # far more than can finish before the close, however loaded
    panel.max_seconds = 40.0
    panel.start()
    job = panel.job
    assert job in w.session.workers.jobs
    qtbot.waitUntil(lambda: job.is_running() and "of 40)" in panel.status.text(), timeout=20000)
    w.close()                             # the window's one shutdown path: cancelled, waited for, delivered
    assert panel.job is None and not job.is_running() and panel.stopped
    assert len(panel.rows) < 40 and "(stopped)" in panel.status.text()


def test_why_fast_stop_keeps_the_rows_measured(qtbot, make_window):
    w = make_window()
    panel = w.views.widget("why.fast")
    panel.nets = ((30, 30, 10),) * 200   # tens of ms each: seconds in all, so Stop comes first
    panel.max_seconds = 20.0
    panel.start()
    qtbot.waitUntil(lambda: len(panel.rows) >= 1, timeout=20000)
    panel.stop_button.click()
    qtbot.waitUntil(lambda: not panel.running, timeout=20000)
    assert 1 <= len(panel.rows) < 200 and panel.table.rowCount() == len(panel.rows)
    assert f"Measured {len(panel.rows)} of 200 networks (stopped)" in panel.status.text()


@pytest.mark.parametrize("sizes", [(784, 30, 10), (2, 3, 2)], ids=str)
def test_code_pane_highlights_the_step_notes_line(qtbot, make_window, toy_data, sizes):
    w = make_window(sizes=sizes, data=toy_data if sizes[0] == 2 else None)
    s, pane = w.session, w.views.widget("step.code")
    w.bottom_tabs.setCurrentWidget(pane)
    w.tabs.setCurrentWidget(w.step_panel)       # builds the step-through
    seq = s.steps
    assert seq is not None
    for mode in (SAMPLE, BATCH):
        if mode == BATCH:
            w.step_panel.batch.setChecked(True)   # a mini-batch: the core's matrix form
            seq = s.steps
            assert s.step_batch_mode and seq.m > 1
        for i in sorted({0, 1, 2, len(seq) // 2, len(seq) - 2, len(seq) - 1}):
            s.set_step(i)                       # as the → key does
            notes = step_notes(seq, s.current_step, mode)
            assert pane.highlighted() == [(n.listing, n.line) for n in notes]
            sels = pane.view.extraSelections()
            assert len(sels) == len(notes)
            for sel, n in zip(sels, notes):   # the highlighted text is that line of that listing
                text = sel.cursor.block().text()
                assert text.startswith(f"{n.lineno:4d}") and text.endswith(listing(n.listing, mode).lines[n.line])
            assert notes[0].shapes.replace("<", "&lt;").split(" ")[0] in pane.shapes.text()


def test_a_drawn_digit_is_checked_against_the_predicted_class(qtbot, make_window):
    w = make_window()
    s, curve = w.session, w.views.widget("why.nudge_curve")
    w.bottom_tabs.setCurrentWidget(curve)
    x = np.zeros(784, dtype=np.float32)
    x[300:320] = 1.0
    s.set_drawn(x)
    s.set_show_drawn(True)
    s.select((3, 1))
    qtbot.waitUntil(lambda: curve.curve is not None, timeout=3000)
    net = s.snapshot_network()
    predicted = int(np.argmax(net.feedforward(x)))
    assert "drawn digit" in curve.caption.text() and f"“{predicted}”" in curve.caption.text()
    ref = nudge_curve(net, x.astype(np.float64), predicted, Parameter.bias(3, 1), curve.curve.dws)
    assert np.array_equal(curve.curve.measured, ref.measured)


def test_zero_gradient_weight_gets_a_true_caption_and_no_nan_warning(qtbot, make_window, recwarn):
    """Issue 21, items 5 and 13: a weight from a black pixel (∂C/∂w = 0, every central difference 0). The
    caption says the error is 0 at every ε and why the plot is empty, and the curves get no all-NaN data
    (pyqtgraph printed "All-NaN slice encountered" 42 times)."""
    import warnings

    w = make_window()
    s = w.session
    x, _ = s.view_sample()
    k = int(np.flatnonzero(np.asarray(x) == 0)[0])
    w.tabs.setCurrentWidget(w.views.widget("why.nudge"))
    w.bottom_tabs.setCurrentWidget(w.views.widget("why.gradcheck"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")             # any RuntimeWarning (All-NaN slice) fails here
        s.select((2, 0))
        s.select_edge((2, 0, k))
        qtbot.wait(50)
        from bpviz.gui.explore.why.common import current_problem

        w.views.widget("why.gradcheck").update_from(current_problem(s))
        w.views.widget("why.nudge").update_from(current_problem(s))
        w.views.widget("why.gradcheck").eps_slider.setValue(w.views.widget("why.gradcheck").eps_slider.value() - 4)
        qtbot.wait(50)
    text = w.views.widget("why.gradcheck").plot_caption.text()
    assert "0 at every ε" in text and "no point to draw" in text and "smallest" not in text
    assert w.views.widget("why.gradcheck").curve64.xData is None or len(w.views.widget("why.gradcheck").curve64.xData) == 0
    assert "has no effect" in w.views.widget("why.nudge").verdict.text()
