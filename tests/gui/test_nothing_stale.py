"""Nothing stale, everything counted (issue 17, item 11): after every kind of world change each
number on screen is the model's at that moment, and every change of the weights is in the history."""

from pathlib import Path

import numpy as np
import pytest

from bpviz.data import assets_dir
from bpviz.gui.session import IDLE, PAUSED
from bpviz.state import HandKind


def _settle(w) -> None:
    """What the timers would show next: the status bar and the curve from the session now."""
    w._status_poller.force()
    w.cost_plot.refresh(force=True)


def _shown_equals_model(w) -> None:
    s, world = w.session, w.session.world
    _settle(w)
    # status bar
    assert w.state_label.text() == s.state.label()
    assert w.epoch_label.text().startswith(f"epochs done {world.epochs_done}")
    assert f"{world.batches_done:,} mini-batches" in w.epoch_label.toolTip()
    done, n = world.epoch_position
    assert w.epoch_progress.value() == done
    assert w.rate_label.text().endswith(f"η = {s.config.eta:g}")
    acc = w.accuracy_label.text()
    n_test = len(s.data.test)
    if world.hand_correct is not None:
        assert world.hand_correct == s.network.evaluate(s.data.test.x, s.data.test.labels)
        assert f"({world.hand_correct} / {n_test})" in acc and "after the last" in acc
    elif any(e.test_total for e in s.history.epochs):
        ev = [e for e in s.history.epochs if e.test_total][-1]
        assert f"({ev.test_correct} / {ev.test_total})" in acc and f"after epoch {ev.epoch + 1}" in acc
    elif world.loaded_correct is not None and not world.trained:
        assert f"({world.loaded_correct} / {n_test})" in acc and Path(world.opened_path).name in acc
    else:
        assert acc == "test accuracy –"
    # title: the file, and [*] while unsaved
    assert w.isWindowModified() == world.unsaved
    if world.model_path:
        assert Path(world.model_path).name in w.windowTitle()
    # the curve: every recorded mini-batch, every change by hand
    h = s.history
    bx = w.cost_plot.batch_curve.xData
    assert (0 if bx is None else len(bx)) == (h.batch_cost.size if h.batch_cost.size <= 8000 else len(bx))
    marks = w.cost_plot.hand_marks.data
    assert len(marks) == sum(u.cost is not None for u in h.hand_updates)
    # the Train panel's form is the config; its summary names the network
    tp, c = w.train_panel, s.config
    assert tp.sizes.text() == ",".join(map(str, s.network.sizes)) and tp.eta.text() == f"{c.eta:g}"
    assert str(list(s.network.sizes)) in tp.network_label.text()
    # the Sample panel shows the session's sample; the Step tab nothing from another network
    assert w.sample_panel.index.value() == s.sample_index
    if s.steps is None:
        assert w.step_panel.plot_title.text() == ""
    else:
        assert f"({s.steps.sizes[s.current_step.layer - 1]} values)" in w.step_panel.plot_title.text()


def _hover(w) -> None:
    """Put the cost plot's hover label up, as resting the pointer on the curve does."""
    cp = w.cost_plot
    cp.hover_text.setText("epoch 1, mini-batch 49 of 200: cost 0.5")
    cp.hover_text.show()


def test_after_each_kind_of_world_change_every_number_shown_is_the_models(qtbot, make_window, tmp_path):
    w = make_window(epochs=1)
    w.show()
    s = w.session
    _shown_equals_model(w)
    changes = []

    def change(name, act):
        """``act`` changes the world or the network; a hover label of the old curve never stays."""
        _hover(w)
        world = s.world
        act()
        changes.append(name)
        _shown_equals_model(w)
        if s.world is not world:
            assert not w.cost_plot.hover_text.isVisible(), name

    change("train one epoch", lambda: s.run_headless(1))
    change("keep a step-through update", lambda: (s.build_steps(), s.keep_update()))
    w.show_step_tab()
    w.step_panel.ensure_sequence()
    s.set_step(len(s.steps) - 1)
    _shown_equals_model(w)
    change("save", lambda: w.save_model_to(str(tmp_path / "one.npz")))
    change("reset", s.reset_network)
    change("undo", s.undo)
    change("new sizes", lambda: (w.train_panel.sizes.setText("784,20,10"), w.train_panel.apply()))
    change("dataset switch", lambda: (w.train_panel.dataset.setCurrentIndex(w.train_panel.dataset.findData("xor")),
                                      w.train_panel.apply()))
    change("undo again", s.undo)
    change("open", lambda: w.open_model_from(str(tmp_path / "one.npz")))
    change("a change by hand", lambda: s.set_parameters([x * 0.5 for x in s.network.weights], list(s.network.biases),
                                                        "halved weights"))
    change("save as", lambda: w.save_model_to(str(tmp_path / "two.npz")))
    assert len(changes) == 11


def test_stop_then_train_again_the_status_bar_and_the_curve_count_alike(qtbot, make_window):
    w = make_window(epochs=50)
    s = w.session
    for _ in range(3):
        before = s.batches_done
        s.start()
        qtbot.waitUntil(lambda before=before: s.batches_done > before + 30, timeout=10000)
        assert s.pause_and_settle() and s.state == PAUSED
        _settle(w)
        h = s.history
        g = int(h.batch_index[-1])
        bpe = h.batches_per_epoch
        # the curve's last point and the status bar: the same epoch, the same mini-batch
        text = w.cost_plot.describe_at(float(h.batch_epoch[-1]), 1e-9)
        assert text.startswith(f"epoch {g // bpe + 1}, mini-batch {g % bpe + 1} of {bpe}")
        assert w.epoch_progress.maximum() == bpe and (w.epoch_progress.value() or bpe) == g % bpe + 1
        assert s.batches_done == g + 1 == h.recorded
        assert w.epoch_label.text().startswith(f"epochs done {(g + 1) // bpe}")
        s.stop()


def test_a_kept_update_is_in_the_history_and_the_accuracy_is_measured_again(qtbot, make_window):
    w = make_window()
    s = w.session
    s.run_headless(1)
    before = s.history.epochs[-1].test_correct
    seq = s.build_steps(batch=True)
    s.keep_update()
    (u,) = s.history.hand_updates
    assert u.kind is HandKind.KEPT_UPDATE and u.after_batches == s.batches_done and u.cost == seq.update_cost
    right = s.network.evaluate(s.data.test.x, s.data.test.labels)
    assert s.world.hand_correct == right
    _settle(w)
    assert f"({right} / 500)" in w.accuracy_label.text()
    assert right != before or "after the last" in w.accuracy_label.text()
    x, y = w.cost_plot.hand_marks.getData()
    assert list(x) == [s.batches_done / s.history.batches_per_epoch] and list(y) == [pytest.approx(seq.update_cost)]
    assert "kept update" in w.cost_plot.describe_at(float(x[0]), 1e-9)
    assert "changed once by hand" in s.world.describe()
    # a new epoch's result is newer than the change by hand
    s.run_headless(1)
    assert s.world.hand_correct is None
    _settle(w)
    assert "after epoch 2" in w.accuracy_label.text()


def test_save_makes_the_title_and_the_status_name_the_saved_file(qtbot, make_window, tmp_path):
    w = make_window()
    s = w.session
    assert w.open_model_from(str(assets_dir() / "models" / "mnist-784-30-10-seed.npz"))
    opened = Path(s.model_path).name
    _settle(w)
    assert opened in w.windowTitle() and f"as opened from {opened}" in w.accuracy_label.text()
    out = tmp_path / "my-copy.npz"
    w.save_model_to(str(out))
    _settle(w)
    assert "my-copy.npz" in w.windowTitle() and not w.isWindowModified()
    assert f"as opened from {opened}" in w.accuracy_label.text() and "saved to my-copy.npz" in w.accuracy_label.text()
    s.run_headless(1)
    _settle(w)
    assert w.isWindowModified()


def test_the_step_tabs_chart_goes_with_the_network_it_showed(qtbot, make_window, tmp_path):
    from bpviz.core import Network, save_network

    save_network(Network((784, 20, 10), rng=np.random.default_rng(1)), tmp_path / "other.npz", {})
    w = make_window(sizes=(784, 30, 10))
    s = w.session
    w.show_step_tab()
    w.step_panel.ensure_sequence()
    s.set_step(1)                                       # layer 2's activations: 30 values
    assert "of layer 2 (30 values)" in w.step_panel.plot_title.text()
    assert w.open_model_from(str(tmp_path / "other.npz"))
    assert s.steps is None and w.step_panel.plot_title.text() == ""
    assert w.step_panel.bars not in w.step_panel.plot.items() and w.step_panel.image not in w.step_panel.plot.items()
    w.step_panel.ensure_sequence()
    s.set_step(1)
    assert "of layer 2 (20 values)" in w.step_panel.plot_title.text()
    assert s.state == IDLE
