"""Issue 21 in the window: what the app says is what the numbers show."""

import pytest

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


def test_with_l2_the_cost_plot_says_the_epoch_cost_has_the_l2_term(qtbot, make_window):
    """λ > 0: the epoch point (mean C_x + (λ/2n)Σw²) sits above the mini-batch curve (mean C_x only)."""
    w = make_window(eta=0.5, epochs=1, lmbda=5.0, cost="cross-entropy")
    _train(qtbot, w)
    s, cp = w.session, w.cost_plot
    cp.refresh(force=True)
    epoch_cost = s.history.epochs[-1].training_cost
    net, train = s.network, s.data.train
    plain = net.total_cost(train.x, train.labels)
    assert epoch_cost == pytest.approx(net.total_cost(train.x, train.labels, 5.0, len(train)), rel=1e-6)
    assert epoch_cost > plain                       # the L2 term is in the epoch cost …
    assert not cp.l2_note.isHidden() and "Σw²" in cp.l2_note.text() and "λ = 5" in cp.l2_note.text()
    assert "L2" in cp.l2_note.toolTip() and "mini-batch cost does not" in cp.l2_note.toolTip()
    w2 = make_window(eta=0.5, epochs=1)
    w2.cost_plot.refresh(force=True)
    assert w2.cost_plot.l2_note.isHidden()          # … and without λ there is nothing to say


def test_keep_this_update_says_why_it_is_disabled(qtbot, make_window):
    """B after Stop leaves a paused run: "Keep this update" is disabled, and its tooltip says why."""
    from bpviz.gui.session import PAUSED

    w = make_window(epochs=1)
    s = w.session
    s.step_batch()
    qtbot.waitUntil(lambda: s.state == PAUSED, timeout=10000)
    s.stop()
    assert s.state == IDLE
    s.step_batch()                                  # B after Stop: one mini-batch, then paused again
    qtbot.waitUntil(lambda: s.state == PAUSED, timeout=10000)
    # the step-through may be built while paused; walk to the update
    seq = s.build_steps()
    s.set_step(len(seq) - 2)
    w.step_panel.refresh()
    keep = w.step_panel.keep_button
    assert not keep.isEnabled() and "Stop it (S)" in keep.toolTip()
    s.stop()
    w.step_panel.refresh()
    assert keep.isEnabled() and "Not now" not in keep.toolTip()


def test_the_result_step_shows_the_network_after_the_update(qtbot, make_window, toy_data):
    """Issue item 10: at "the result" the tooltips, node labels and caption read the same side (after the
    update): the XOR-like net's labels showed the old biases while step 8 had set the new ones."""
    import numpy as np

    w = make_window(sizes=(2, 3, 2), data=toy_data, eta=3.0)
    s = w.session
    seq = s.build_steps()
    w.tabs.setCurrentWidget(w.step_panel)
    s.set_step(len(seq) - 1)
    w.network_view.refresh()
    qtbot.wait(50)
    result = seq.steps[len(seq) - 1]
    assert w.network_view.step_mode and result.kind == "result"
    after = seq.after
    weights, biases = w.network_view.shown_parameters()
    assert all(np.array_equal(a, b) for a, b in zip(biases, after.biases))
    tip = w.network_view.describe_node(3, int(seq.trace(result).label))
    a_after = seq.shown_activations(result)[-1][int(seq.trace(result).label)]
    from bpviz.scene.notation import fmt
    assert f"= {fmt(float(a_after))}" in tip and fmt(float(after.b(3)[int(seq.trace(result).label)])) in tip
    labels = [t.toPlainText() for t in w.network_view.node_labels]
    assert any(f"b={fmt(float(after.b(2)[0]), 2)}" in t for t in labels)


def test_teach_panel_names_a_sample_as_the_data_has_it_and_uses_the_clis_eta(qtbot, make_window, toy_data):
    """On XOR-like data the Teach panel said "test image #0" for a point; its default η is the CLI's."""
    from bpviz.explain.mistakes import teaching_eta

    w = make_window(sizes=(2, 3, 2), data=toy_data, eta=3.0, batch_size=10)
    panel = w.views.widget("mistakes.teach")
    _x, _label, text = panel.current_input()
    assert "test sample #" in text and "image" not in text
    assert panel.default_eta() == teaching_eta(3.0, 10) == 0.3
    w2 = make_window()
    assert "test image #" in w2.views.widget("mistakes.teach").current_input()[2]


def test_speed_caption_names_the_dataset_and_both_differences_from_the_book(qtbot, make_window, small_mnist):
    from bpviz.data import DataSplits
    from bpviz.data.datasets import DEFAULT_DATASET, dataset_title

    data = DataSplits(DEFAULT_DATASET, small_mnist.train, small_mnist.test, class_names=small_mnist.class_names)
    w = make_window(sizes=(784, 30, 30, 10), data=data, cost="cross-entropy", init="scaled")
    sp = w.views.widget("learning.speed")
    sp.poll(force=True)
    text = sp.caption.text()
    assert dataset_title(DEFAULT_DATASET) in text and DEFAULT_DATASET not in text
    assert "1/256" in text and "1/255" in text and "random weights" in text


def test_layer_titles_fit_the_room_above_the_network(qtbot, make_window):
    """At 1000 × 650 a two-line title was cut by the view's top edge, leaving glyph bits above "784"
    in a real window: every title shown fits inside the view."""
    from PySide6.QtGui import QFontMetrics

    for size in ((1000, 650), (1920, 1080)):
        w = make_window()
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        qtbot.wait(100)
        view = w.network_view
        view.fit()
        top = view.vb.viewRange()[1][0]
        py = view.vb.viewPixelSize()[1]
        fm = QFontMetrics(view.font())
        for t, _texts in view.layer_labels:
            lines = t.toPlainText().count("\n") + 1
            assert t.pos().y() - lines * fm.lineSpacing() * py >= top - 2 * py, (size, t.toPlainText())
        if size == (1920, 1080):
            assert view.layer_labels[0][0].toPlainText().count("\n") >= 1   # a big window keeps long titles


def test_the_cost_plots_hint_is_not_covered_by_its_legend(qtbot, make_window):
    """At 1000 × 650 the legend covered "Press Train (Space) and watch the cost fall": before any
    mini-batch there is only the hint; after one, only the legend."""
    w = make_window(epochs=1)
    w.resize(1000, 650)
    w.show()
    qtbot.waitExposed(w)
    cp = w.cost_plot
    cp.refresh(force=True)
    assert cp.hint.isVisible() and not cp.cost_plot.legend.isVisible()
    _train(qtbot, w)
    cp.refresh(force=True)
    assert not cp.hint.isVisible() and cp.cost_plot.legend.isVisible()


def test_a_tiny_colour_scale_has_ticks_at_its_ends(qtbot, make_window):
    """A ±0.0008 colour bar showed only a "0" tick: the bar is labelled at ±vmax, ±vmax/2 and 0."""
    w = make_window()
    view = w.network_view
    view._set_legend("Δw", 0.0008)
    ticks = view.colorbar.getAxis("left")._tickLevels[0]
    labels = [t for _v, t in ticks]
    assert labels == ["−0.0008", "−0.0004", "0", "0.0004", "0.0008"]
