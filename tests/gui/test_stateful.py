"""A stateful property test: hypothesis drives the app through random sequences of user
actions and checks, after every one, that the state cannot contradict itself."""

import numpy as np
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from bpviz.gui.session import IDLE, PAUSED, RUNNING

from .conftest import activate, type_into

STROKES = [[(60, 60), (200, 70), (120, 230)], [(90, 150), (180, 150)], [(140, 40), (140, 240)]]


def test_random_action_sequences_keep_the_state_consistent(qtbot, make_window, tmp_path):
    made = []

    class App(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.w = make_window(epochs=20, delay_ms=0)   # a run lasts long enough to be stopped mid-way
            made.append(self.w)
            activate(qtbot, self.w)
            self.s = self.w.session
            self.saved = None
            self.run = None   # the last training run seen

        def teardown(self) -> None:
            self.s.shutdown()
            self.w.close()

        def settle(self, ms: int = 0) -> None:
            qtbot.wait(ms)

        # -- training ------------------------------------------------------------------------
        @rule(ms=st.integers(0, 120))
        def train(self, ms):
            self.w.train_panel.train_clicked()
            self.settle(ms)

        @rule()
        def pause(self):
            self.s.pause()
            self.settle(5)

        @rule()
        def resume(self):
            self.s.resume()
            self.settle(5)

        @rule()
        def stop(self):
            run = self.s.worker
            self.s.stop()
            assert self.s.state == IDLE and self.s.job is None
            if run is not None:   # the run's network was adopted with everything it applied
                assert run.ended.is_set() and self.s.network is run.network
                assert self.s.batches_done == run.batches_done

        @rule()
        def one_mini_batch(self):
            self.w.train_panel.step_clicked()
            self.settle(30)

        @rule()
        def reset(self):
            self.w.train_panel.reset_clicked()

        @rule()
        def undo(self):
            self.w.undo_action.trigger()

        # -- world changes -------------------------------------------------------------------------
        @rule(key=st.sampled_from(["xor", "mnist-bundled"]))
        def switch_dataset(self, key):
            tp = self.w.train_panel
            tp.dataset.setCurrentIndex(tp.dataset.findData(key))
            tp.dataset.activated.emit(tp.dataset.currentIndex())

        @rule(hidden=st.sampled_from(["30", "16", "20,12", "3"]))
        def change_sizes(self, hidden):
            d = self.s.data
            type_into(self.w.train_panel.sizes, f"{d.input_size},{hidden},{d.n_classes}")
            self.w.train_panel.apply()

        @rule()
        def save_model(self):
            if self.s.state == IDLE:
                self.saved = tmp_path / f"m{len(made)}.npz"
                self.w.save_model_to(str(self.saved))

        @rule()
        def open_model(self):
            if self.saved is not None:
                self.w.open_model_from(str(self.saved))

        # -- looking --------------------------------------------------------------------------------
        @rule(tab=st.integers(0, 2))
        def change_tab(self, tab):
            self.w.tabs.setCurrentIndex(tab)

        @rule(i=st.integers(0, 2))
        def draw(self, i):
            self.w.draw_panel.canvas.add_stroke(STROKES[i])

        @rule()
        def hand_off(self):
            self.w.draw_panel.step_through()

        @rule(forward=st.booleans())
        def step(self, forward):
            self.w.tabs.setCurrentWidget(self.w.step_panel)
            (self.w.step_panel.next if forward else self.w.step_panel.previous)()

        @rule()
        def step_mode(self):
            b = self.w.step_panel.batch
            b.setChecked(not b.isChecked())

        @rule(l=st.integers(1, 4), j=st.integers(0, 40))
        def select(self, l, j):
            self.s.select((l, j))

        @rule(i=st.integers(0, 10_000))
        def sample(self, i):
            self.s.set_sample(i)

        # -- what must always hold ------------------------------------------------------------------
        @invariant()
        def consistent(self):
            s, w = self.s, self.w
            if s.worker is not None:
                self.run = s.worker
            elif self.run is not None and s.network is self.run.network:
                assert s.batches_done == self.run.batches_done   # a run that ended by itself too
            net, data = s.network, s.data
            assert net.sizes[0] == data.input_size and net.sizes[-1] == data.n_classes
            assert s.history.recorded == s.batches_done          # recorded = applied
            assert s.epochs_done == s.world.epochs_loaded + len(s.history.epochs)
            if s.steps is not None:
                assert s.steps.sizes == net.sizes
            if s.selection is not None:
                l, j = s.selection
                assert l <= len(net.sizes) and j < net.sizes[l - 1]
            assert 0 <= s.sample_index < len(data.test)
            assert w.step_panel.batch.isChecked() == s.step_batch_mode
            if s.state == IDLE:
                assert s.job is None
                assert all(p is q for p, q in zip(s.parameters[0], net.weights))
                assert all(np.isfinite(p).all() for p in net.weights + net.biases)
            assert s.state in (IDLE, RUNNING, PAUSED)
            w._status_poller.force()
            assert w.epoch_label.text().startswith(f"epochs done {s.epochs_done}")
            assert w.state_label.text() == s.state.value
            assert w.epoch_progress.value() == s.world.epoch_position[0]

    run_state_machine_as_test(App, settings=settings(max_examples=6, stateful_step_count=30, deadline=None,
                                                     suppress_health_check=list(HealthCheck), derandomize=True))
    assert made
