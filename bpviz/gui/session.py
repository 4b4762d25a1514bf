"""The app's state for the views: a thin QObject over the Qt-free models of ``bpviz.state``.

The Session composes a :class:`~bpviz.state.WorldModel` (data + network + sample, changed
only whole), the training run, the selection, the step-through and the drawing, and turns
their changes into Qt signals. Views call its methods and redraw from what it exposes; they
never assign its attributes. Training runs in a :class:`~bpviz.state.TrainingRun` on a copy
of the network; the run's events are applied here, in order, and the trained network is
adopted when the run has ended — so what the views count is what the network received.
"""

from __future__ import annotations

import os
import weakref
from dataclasses import replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from bpviz.core import Diverged as DivergedEvent
from bpviz.core import EpochDone, ModelFileError, Network, load_model, save_network, validate_hyperparameters
from bpviz.core.learning import output_saturation
from bpviz.data import DIGITS, DatasetError, DataSplits, assets_dir, data_key, load_dataset
from bpviz.data.datasets import dataset_title
from bpviz.data.preprocess import mnist_like
from bpviz.data.table import restandardise
from bpviz.gui.memory import give_back
from bpviz.gui.worker import Job, Workers
from bpviz.scene.lens import Lens
from bpviz.scene.names import Level, RunState, cost_label
from bpviz.scene.saturation import train_warning
from bpviz.scene.steps import StepSequence
from bpviz.state import (
    ConfigError,
    HandKind,
    HandUpdate,
    Paused,
    Progress,
    RunEnd,
    RunEnded,
    TrainConfig,
    TrainingRun,
    World,
    WorldModel,
    config_from_dict,
    config_to_dict,
)
from bpviz.state.inputs import model_inputs
from bpviz.state.models import CustomInput, Drawing, Selection, StepThrough
from bpviz.state.world import UNDO_DEPTH

#: The trained model the Draw tab loads when the network was never trained.
SHIPPED_MODEL = "mnist-784-100-10-ce.npz"


IDLE, RUNNING, PAUSED, STOPPING = RunState.IDLE, RunState.RUNNING, RunState.PAUSED, RunState.STOPPING


def stored_data_key(stored: dict, config: TrainConfig) -> str:
    """The dataset key a model file's settings name (its dataset with features, label, test share)."""
    return data_key(stored.get("dataset") or config.dataset, stored.get("features") or None,
                    stored.get("label") or None, float(stored.get("test_fraction", 0.2)))


def settings_from_model_metadata(meta: dict, base: TrainConfig) -> dict:
    """The training settings a model file records: its "config" block (the app and
    ``bpviz train --save`` write one), or the top-level keys older files have. Unknown keys
    are ignored."""
    found = dict(meta.get("config") or {})
    for key in ("eta", "lmbda", "batch_size", "epochs", "seed", "dataset"):
        if key in meta and key not in found:
            found[key] = meta[key]
    return found


class Session(QObject):
    # Data, network, sample, history and config were replaced together (load, Reset, new sizes or
    # dataset, Undo); step-through, selection and lens were cleared. The only signal of such a
    # change: every view redraws everything it shows from the session.
    world_changed = Signal()
    # Weights/biases replaced by load, reset, undo or the end of a run. While training runs the
    # parameters change ~20×/s: views poll ``params_version`` on their own timers instead.
    parameters_changed = Signal()
    config_changed = Signal()       # a training setting (η, m, epochs, λ, delay) changed
    state_changed = Signal(object)  # RunState
    progress = Signal(object)       # bpviz.state.Progress
    epoch_finished = Signal(object)  # core.EpochDone
    history_changed = Signal()      # history arrays grew or were cleared
    message = Signal(object, str)   # Level, text
    sample_changed = Signal(int)    # index into the test set of the sample shown
    selection_changed = Signal(object)  # (l, j) or None
    edge_selection_changed = Signal(object)  # (l, j, k) or None
    step_changed = Signal()         # the step-through sequence, step, mode or input changed
    drawing_changed = Signal()      # the drawn digit or whether it is shown changed
    undo_changed = Signal(bool)     # whether Undo can bring a replaced network back
    lens_changed = Signal()         # a panel set or cleared what the network view colours
    points_changed = Signal()       # a 2-D dataset's points were added, removed or cleared (same network)
    saved = Signal(str)             # the network was saved to this file

    def __init__(self, config: TrainConfig | None = None, data: DataSplits | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        config = config or TrainConfig()
        # Datasets by key while any world (the current one, or one kept for Undo) uses them:
        # switching back and forth shares one copy instead of loading another each time.
        self._datasets: weakref.WeakValueDictionary[str, DataSplits] = weakref.WeakValueDictionary()
        data = data if data is not None else self._load_dataset(config.data_key)
        self._datasets[config.data_key] = data
        config.validate(data)
        self.worlds = WorldModel(World.fresh(config, data))
        self.selection_model = Selection()
        self.steps_model = StepThrough()
        self.drawing = Drawing()
        self.state = IDLE
        #: Every background job of the app (training, twins, why-fast, downloads): one shutdown.
        self.workers = Workers(self)
        self.job: Job | None = None          # the training run's job while one runs
        self._run: TrainingRun | None = None
        self.params_version = 0
        self.lens: Lens | None = None
        self.epochs_target = 0
        self.last_progress: Progress | None = None
        self._step_rng = np.random.default_rng()
        self._history_source = None
        self.worlds.changed.connect(self._on_world)
        self.worlds.undo_changed.connect(self.undo_changed.emit)
        self.worlds.dropped.connect(self._on_undo_dropped)
        self.selection_model.neuron_changed.connect(self.selection_changed.emit)
        self.selection_model.edge_changed.connect(self.edge_selection_changed.emit)
        self.steps_model.changed.connect(self.step_changed.emit)
        self.drawing.changed.connect(self.drawing_changed.emit)
        self._watch_history()
        self._publish_parameters(notify=False)

    # -- the world (read-only views of it) ----------------------------------------------------
    @property
    def world(self) -> World:
        return self.worlds.world

    @property
    def data(self) -> DataSplits:
        return self.world.data

    @property
    def network(self) -> Network:
        """The network the views show. While a run trains its own copy, this is the one it
        started from; the run's latest parameters are :attr:`parameters`."""
        return self.world.network

    @property
    def config(self) -> TrainConfig:
        return self.world.config

    @property
    def history(self):
        return self.world.history

    @property
    def sample_index(self) -> int:
        return self.world.sample_index

    @property
    def model_path(self) -> str | None:
        return self.world.model_path

    @property
    def epochs_done(self) -> int:
        return self.world.epochs_done

    @property
    def batches_done(self) -> int:
        return self.world.batches_done

    @property
    def kept_update(self) -> bool:
        return self.world.kept_update

    @property
    def is_untrained(self) -> bool:
        return self.world.is_untrained

    @property
    def worker(self) -> TrainingRun | None:
        """The run in progress (its ``control.eta`` is what the next mini-batch uses)."""
        return self._run

    def _watch_history(self) -> None:
        if self._history_source is not None:
            self._history_source.changed.disconnect(self._on_history)
        self._history_source = self.world.history
        self._history_source.changed.connect(self._on_history)

    def _on_history(self) -> None:
        self.history_changed.emit()

    def _on_world(self, old: World, new: World) -> None:
        """A new world is announced once, after everything derived from the old one (step-through,
        selection, lens, last report) was dropped: views redraw all they show on ``world_changed``,
        so none can draw the new network with the old data, sample or step."""
        self.steps_model.reset(notify=False)
        self.selection_model.clear(notify=False)
        self.lens = None
        self.last_progress = None
        self.epochs_target = 0
        self._watch_history()
        self._publish_parameters(notify=False)
        self.world_changed.emit()
        # once the old world's last holders (the views' caches of it) have let go of it
        QTimer.singleShot(0, give_back)

    def _on_undo_dropped(self, dropped: list[str]) -> None:
        held = self.worlds.undo_bytes()
        self.report("info", self.tr("Undo keeps the last {n} replaced networks ({mb} MB, at most {limit}); it let go "
                                    "of the oldest: {what}.").format(
            n=len(self.worlds.kept), mb=f"{held / 1e6:.0f}", limit=UNDO_DEPTH, what="; ".join(dropped)))

    def _commit(self, world: World, what: str, keep: bool = False) -> None:
        if self.worlds.commit(world, what, keep):
            text = self.worlds.undo_text
            self.report("info", self.tr("{what} is kept: Edit → Undo (Ctrl+Z) brings it back.").format(
                what=text[0].upper() + text[1:]))

    def _publish_parameters(self, weights: list[np.ndarray] | None = None, biases: list[np.ndarray] | None = None,
                            notify: bool = True) -> None:
        """Make (weights, biases) — by default the network's own — what the views show."""
        self._weights = list(self.network.weights) if weights is None else list(weights)
        self._biases = list(self.network.biases) if biases is None else list(biases)
        self.params_version += 1
        if notify:
            self.parameters_changed.emit()

    @property
    def parameters(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """The latest consistent (weights, biases); safe to read while training runs."""
        return self._weights, self._biases

    def snapshot_network(self) -> Network:
        """A Network over the latest parameters (for evaluating while training runs)."""
        return self.network.with_parameters(*self.parameters)

    def set_lens(self, lens: Lens | None) -> None:
        """What the network view colours (None: the weights on the shown sample)."""
        if lens is not self.lens:
            self.lens = lens
            self.lens_changed.emit()

    def set_parameters(self, weights: list[np.ndarray], biases: list[np.ndarray], what: str,
                       kind: HandKind = HandKind.BY_HAND, cost: float | None = None) -> None:
        """Give the network these parameters (same shapes and dtype: the values are taken
        exactly, so restoring saved arrays is bit-identical). Only while no run trains.
        ``what`` names the change for the message bar (e.g. "one step on test image #8"); the
        change is recorded in the history as ``kind`` (with ``cost``, the cost it learned from)."""
        if self.state != IDLE:
            raise RuntimeError(self.tr("Stop training before changing the weights by hand."))
        net = self.network.copy()
        net.set_parameters(weights, biases)
        self._changed_by_hand(net, kind, cost, what)
        self.report("info", self.tr("The network's weights changed: {what}.").format(what=what))

    def _changed_by_hand(self, net: Network, kind: HandKind, cost: float | None, what: str) -> None:
        """Adopt ``net``, record the change in the history (the curve marks it) and measure the
        test accuracy again: the last epoch's result is from before this change."""
        w = self.world
        w.network = net
        w.trained = w.unsaved = True
        w.kept_update = w.kept_update or kind is HandKind.KEPT_UPDATE
        w.hand_correct = net.evaluate(w.data.test.x, w.data.test.labels) if len(w.data.test) else None
        w.hand_what = kind.label()
        w.history.add_hand_update(HandUpdate(w.batches_done, kind, None if cost is None else float(cost), what))
        self._publish_parameters()

    def report(self, level: Level | str, text: str) -> None:
        """Show a message in the window's message bar (a Level, or its value "info", "warning", "error")."""
        self.message.emit(Level(level), text)

    # -- changing the world ------------------------------------------------------------------
    def _load_dataset(self, key: str) -> DataSplits:
        data = self._datasets.get(key) if hasattr(self, "_datasets") else None
        if data is None:
            data = load_dataset(key)
            self._datasets[key] = data
        return data

    def dataset(self, key: str) -> DataSplits:
        """The dataset ``key``, shared with the worlds that use it (loaded once)."""
        return self._load_dataset(key)

    def _require_idle(self, doing: str) -> None:
        if self.state != IDLE and not self.stop():
            raise RuntimeError(self.tr("Training is still finishing its current step; try {doing} again in a "
                                       "moment.").format(doing=doing))

    def apply_config(self, config: TrainConfig) -> None:
        """Validate and adopt new settings. A new dataset, sizes, cost, init or seed means a new
        world (data, network and sample together); the replaced network can be brought back
        with :meth:`undo` if it had training behind it. Raises ConfigError naming the field."""
        if self.state != IDLE:
            raise RuntimeError(self.tr("stop training before changing these settings"))
        data = self.data
        if config.data_key != self.config.data_key:
            try:
                data = self._load_dataset(config.data_key)
            except DatasetError as e:
                raise ConfigError("dataset", str(e)) from None
            fitted = (data.input_size, *config.sizes[1:-1], data.n_classes)
            if fitted != config.sizes:
                # A new dataset fixes the input and output layers; keep the hidden ones.
                config = replace(config, sizes=fitted)
                self.report("info", self.tr("Layer sizes set to {sizes} to fit {data}: {inputs} inputs, {classes} "
                                            "classes.").format(sizes=",".join(map(str, fitted)), data=dataset_title(data.name),
                                                               inputs=data.input_size, classes=data.n_classes))
        new_network = data is not self.data or config.architecture != self.config.architecture
        config.validate(data, self.worlds.held_bytes() if new_network else 0)
        if new_network:
            sample = 0 if data is not self.data else self.sample_index
            what = (self.tr("switching to {data}").format(data=data.name) if data is not self.data else
                    self.tr("the new settings"))
            self._commit(World.fresh(config, data, sample), what)
        elif config != self.config:
            self.world.config = config
            self.config_changed.emit()

    def commit_world(self, world: World, what: str) -> None:
        """Replace the world whole by one built elsewhere (a lesson's setup, a session file), in one
        step that Undo reverts even when the replaced network was never trained; ``what`` names
        the change for Undo. Only while no run trains."""
        self._require_idle(what)
        self._commit(world, what, keep=True)

    def reset_network(self) -> None:
        """Stop any training and draw fresh initial weights from the configured seed."""
        self._require_idle(self.tr("Reset"))
        self._commit(World.fresh(self.config, self.data, self.sample_index), self.tr("Reset"))
        self.report("info", self.tr("New network {sizes} drawn with seed {seed}.").format(
            sizes=list(self.network.sizes), seed=self.config.seed))

    def undo(self) -> bool:
        """Bring back the trained network the last change replaced (with its data and history)."""
        if not self.worlds.can_undo:
            return False
        self._require_idle(self.tr("Undo"))
        text = self.worlds.undo_text
        self.worlds.undo()
        self.report("info", self.tr("Brought back {what}.").format(what=text))
        return True

    @property
    def can_undo(self) -> bool:
        return self.worlds.can_undo

    def load_model(self, path: str | os.PathLike) -> None:
        """Open a model file with the settings it records (η, λ, m, epochs, dataset …)."""
        try:
            self._require_idle(self.tr("opening the model"))
            net, meta, inputs = load_model(path)
            stored = settings_from_model_metadata(meta, self.config)
            data = self.data
            key = stored_data_key(stored, self.config)
            if stored.get("dataset") and key != self.config.data_key:
                try:
                    other = self._load_dataset(key)
                except (DatasetError, ValueError):
                    stored.pop("dataset")   # e.g. a download that is not here: keep the current data
                else:
                    if other.input_size == net.sizes[0] and other.n_classes == net.sizes[-1]:
                        data = other
                    else:
                        stored.pop("dataset")
            if data is self.data:
                stored.update(dataset=self.config.dataset, features=self.config.features, label=self.config.label,
                              test_fraction=self.config.test_fraction)
            if inputs.mean is not None and data.mean is not None:
                data = restandardise(data, inputs.mean, inputs.std)   # rows as the network was trained on them
            if net.sizes[0] != data.input_size or net.sizes[-1] != data.n_classes:
                raise ModelFileError(self.tr("{path}: a {sizes} network does not fit {data} ({n} inputs, {k} "
                                             "classes)").format(path=path, sizes=list(net.sizes), data=data.name,
                                                                n=data.input_size, k=data.n_classes))
            try:
                config = config_from_dict(stored, self.config)
            except ConfigError:
                config = self.config   # settings from an older or edited file: keep the app's
            config = replace(config, sizes=net.sizes, cost=net.cost.name, init=net.init,
                             activation=net.activation.name, output=net.output)
            epochs = int(meta.get("epochs_trained", meta.get("epochs", 0)) or 0)
            world = World(data, net, config, np.random.default_rng([config.seed, 1]),
                          sample_index=self.sample_index if data is self.data else 0,
                          model_path=str(path), opened_path=str(path), epochs_done=epochs, epochs_loaded=epochs)
        except (ModelFileError, RuntimeError) as e:
            self.report("error", str(e))
            raise ModelFileError(str(e)) from None
        world.loaded_correct = acc = net.evaluate(data.test.x, data.test.labels)
        self._commit(world, self.tr("opening {name}").format(name=Path(path).name))
        cost = cost_label(net.cost.name)
        self.report("info", self.tr("Loaded {name}: {sizes}, {cost}, {params}; {right} / {total} test images "
                                    "right.").format(
            name=Path(path).name, sizes=list(net.sizes), cost=cost, right=acc, total=len(self.data.test),
            params=f"η = {config.eta:g}, λ = {config.lmbda:g}, m = {config.batch_size}"))

    def save_model(self, path: str | os.PathLike) -> Path:
        if self.state != IDLE:
            net = self.snapshot_network()
        else:
            net = self.network
        meta = {"config": config_to_dict(self.config), "epochs_trained": self.epochs_done,
                "dataset": self.data.name}
        if self.world.hand_correct is not None and self.state == IDLE:   # measured after the last change by hand
            meta["test_correct"], meta["test_total"] = self.world.hand_correct, len(self.data.test)
        elif self.history.epochs and self.history.epochs[-1].test_total:
            meta["test_correct"] = self.history.epochs[-1].test_correct
            meta["test_total"] = self.history.epochs[-1].test_total
        out = save_network(net, path, meta, model_inputs(self.data))
        self.world.model_path = str(out)
        self.world.saved = True
        self.world.unsaved = False
        self.saved.emit(str(out))
        self.report("info", self.tr("Saved {path}.").format(path=out))
        return out

    def load_shipped_model(self, name: str = SHIPPED_MODEL) -> None:
        self.load_model(assets_dir() / "models" / name)

    # -- training ------------------------------------------------------------------------------
    def _set_state(self, state: RunState) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    def _new_run(self, epochs: int, steps: int | None = None) -> TrainingRun:
        c, w = self.config, self.world
        # Stopped inside an epoch: the run finishes that epoch in its order, so the status bar's
        # "mini-batch k of n" and the curve's count go on together (with another m the epoch is
        # cut into other mini-batches and starts again).
        resume = w.stopped_at if w.stopped_at is not None and w.stopped_at.batch_size == c.batch_size else None
        batches_done = w.batches_done
        return TrainingRun(w.network.copy(), w.data.train, w.data.test, validation=w.data.validation,
                           epochs=epochs, batch_size=c.batch_size, eta=c.eta, lmbda=c.lmbda, rng=w.rng,
                           start_epoch=w.epochs_done, batches_done=batches_done, delay_s=c.delay_ms / 1000,
                           steps=steps, resume=resume)

    def start(self, *, steps: int | None = None) -> None:
        """Train for config.epochs more epochs from the current weights (or only ``steps``
        mini-batches, then pause)."""
        if self.state != IDLE:
            return
        self.config.validate(self.data)
        self.epochs_target = self.epochs_done + self.config.epochs
        run = self._run = self._new_run(self.config.epochs, steps)

        def work(feed):
            feed.token.on_cancel(run.request_stop)
            return run.run(notify=lambda: feed.extend(run.drain()))

        self._set_state(RUNNING)
        self.job = self.workers.start(work, "training", connect={"yielded": self._apply, "failed": self._on_run_failed})

    def _on_run_failed(self, error: BaseException) -> None:
        # TrainingRun reports its own errors in RunEnded; this is only reached by a bug in
        # the harness itself: the run is over all the same.
        self.job = self._run = None
        self._publish_parameters()
        self._set_state(IDLE)
        self.report("error", self.tr("Training stopped by an internal error: {error}").format(
            error=f"{type(error).__name__}: {error}"))

    def run_headless(self, epochs: int) -> None:
        """Train ``epochs`` epochs in the calling thread, recorded exactly as a run in the
        worker thread is (the same run object and the same event handling).

        For ``bpviz screenshot`` and scripts only: it blocks, so the interactive app never
        calls it (there, training always runs in the worker thread).
        """
        if self.state != IDLE:
            raise RuntimeError("training is already running")
        run = self._new_run(epochs)
        self.epochs_target = self.epochs_done + epochs
        run.run()
        self._apply(run.drain())

    def _apply(self, events: list) -> None:
        """Apply a run's events in order (GUI thread)."""
        w = self.world
        for ev in events:
            if isinstance(ev, Progress):
                w.history.add_batches(ev.batch_index, ev.batch_costs, ev.n_batches)
                w.batches_done = ev.batches_done
                w.epoch_position = (ev.batch % ev.n_batches, ev.n_batches)   # a finished epoch: 0 of n
                w.trained = w.unsaved = True
                self.last_progress = ev
                self._publish_parameters(ev.weights, ev.biases, notify=False)
                self.progress.emit(ev)
            elif isinstance(ev, EpochDone):
                w.epochs_done = ev.epoch + 1
                w.hand_correct = None      # this epoch's result is newer than any change by hand
                w.history.add_epoch(ev)
                self.epoch_finished.emit(ev)
            elif isinstance(ev, DivergedEvent):
                self.report("error", self.tr(
                    "Training diverged in epoch {epoch}, mini-batch {batch}: {reason}. It was stopped before the "
                    "numbers became meaningless; the network keeps its last finite weights. Try a smaller "
                    "learning rate than η = {eta}.").format(epoch=ev.epoch + 1, batch=ev.batch + 1, reason=ev.reason,
                                                             eta=f"{self.config.eta:g}"))
            elif isinstance(ev, Paused):
                if self.state in (RUNNING, PAUSED):
                    self._set_state(PAUSED if ev.paused else RUNNING)
            elif isinstance(ev, RunEnded):
                self._end_run(ev)

    def _end_run(self, ev: RunEnded) -> None:
        w = self.world
        w.network = ev.network                       # the run hands its network back
        w.epochs_done, w.batches_done = ev.epochs_done, ev.batches_done
        w.stopped_at = ev.position
        self.job = self._run = None
        self._publish_parameters()
        self._set_state(IDLE)
        if ev.end is RunEnd.FAILED:
            self.report("error", self.tr("Training stopped by an internal error: {error}").format(
                error=f"{type(ev.error).__name__}: {ev.error}"))
        elif ev.end is RunEnd.DONE:
            last = w.history.epochs[-1] if w.history.epochs else None
            if last is None or last.test_accuracy is None:
                self.report("info", self.tr("Training finished after {n} epochs.").format(n=w.epochs_done))
            else:
                self.report("info", self.tr("Training finished after {n} epochs, test accuracy {percent}%.").format(
                    n=w.epochs_done, percent=f"{100 * last.test_accuracy:.2f}"))
            self._warn_if_saturated()

    def _warn_if_saturated(self) -> None:
        """Say in the app what `bpviz train` warns of: a run can end at chance accuracy, without
        diverging, because its output layer is saturated on the wrong side (η = 100: 9.22 %)."""
        test = self.data.test
        if not len(test):
            return
        n = min(len(test), 2000)   # enough to tell "most": a few ms on the GUI thread
        warning = train_warning(output_saturation(self.network, test.x[:n], test.labels[:n]), self.network.cost.name,
                                self.config.eta)
        if warning:
            self.report("warning", warning)

    def pause(self) -> None:
        if self._run is not None and self.state == RUNNING:
            self._run.set_paused(True)

    def pause_and_settle(self, timeout_s: float = 5.0) -> bool:
        """Pause a running run and wait until it has stopped between two mini-batches, with every
        report it made applied: the counters then stay as they are (e.g. while a question about
        them is open). True if it was running and is now paused (:meth:`resume` continues)."""
        run, job = self._run, self.job
        if run is None or job is None or self.state != RUNNING:
            return False
        run.set_paused(True)
        if not run.waiting.wait(timeout_s):
            return False
        job.deliver()
        return self.state == PAUSED

    def resume(self) -> None:
        if self._run is not None and self.state == PAUSED:
            self._run.set_paused(False)

    def toggle(self) -> None:
        """Train / Pause / Resume (the Space key)."""
        if self.state == IDLE:
            self.start()
        elif self.state == RUNNING:
            self.pause()
        elif self.state == PAUSED:
            self.resume()

    def step_batch(self) -> None:
        """Apply exactly one more mini-batch, then pause."""
        if self.state == IDLE:
            self.start(steps=1)
        elif self._run is not None and self.state in (RUNNING, PAUSED):
            self._run.step(1)

    def stop(self, *, timeout_ms: int = 10000) -> bool:
        """Stop training within one mini-batch, wait for the thread and apply every event the
        run produced. False (state STOPPING) if the run is still busy after ``timeout_ms``:
        it ends, and is applied, as soon as it finishes that piece of work."""
        job = self.job
        if job is None:
            return True
        job.cancel()
        if not job.wait(timeout_ms):
            self._set_state(STOPPING)
            self.report("warning", self.tr("Training is finishing its current step (an evaluation of a large "
                                           "network); it stops as soon as that is done."))
            return False
        return self.job is None

    def set_eta(self, eta: float) -> None:
        validate_hyperparameters(epochs=1, batch_size=1, eta=eta)
        self.world.config = replace(self.config, eta=float(eta))
        if self._run is not None:
            self._run.set_eta(eta)
        self.config_changed.emit()

    def set_delay_ms(self, ms: int) -> None:
        self.world.config = replace(self.config, delay_ms=int(ms))
        if self._run is not None:
            self._run.delay_s = ms / 1000
        self.config_changed.emit()

    def shutdown(self) -> None:
        """Cancel every background job (training included) and wait for each however long its
        last step takes. The one shutdown path: called when the window closes, only after the
        user confirmed quitting."""
        self.workers.shutdown()

    # -- sample and selection ----------------------------------------------------------------
    def set_sample(self, index: int) -> None:
        n = len(self.data.test)
        index = int(index) % n
        if index != self.sample_index:
            self.world.sample_index = index
            self.sample_changed.emit(index)

    @property
    def sample(self) -> tuple[np.ndarray, int]:
        return self.data.test.x[self.sample_index], int(self.data.test.labels[self.sample_index])

    # drawing
    @property
    def drawn(self) -> np.ndarray | None:
        return self.drawing.x

    @property
    def show_drawn(self) -> bool:
        return self.drawing.shown

    @property
    def drawn_version(self) -> int:
        return self.drawing.version

    def set_drawn(self, x: np.ndarray | None) -> None:
        self.drawing.set_input(x)

    def set_show_drawn(self, shown: bool) -> None:
        self.drawing.set_shown(shown)

    def view_sample(self) -> tuple[np.ndarray, int | None]:
        """What the network view feeds forward: the drawn digit in the Draw tab, else the test image."""
        x = self.drawing.x
        if self.drawing.shown and x is not None and x.shape[0] == self.network.sizes[0]:
            return x, None
        return self.sample

    @property
    def can_draw(self) -> bool:
        """The canvas makes 28×28 handwritten digits: it needs digit data and 784 inputs."""
        return self.data.class_names == DIGITS and self.network.sizes[0] == 784

    def predict_drawing(self, canvas: np.ndarray) -> tuple[np.ndarray | None, np.ndarray | None]:
        """A drawn canvas (H, W) in [0, 1] → (the 28×28 input as (784,), output activations),
        or (None, None) for a blank canvas or data that are not handwritten digits."""
        if not self.can_draw:
            return None, None
        x28 = mnist_like(canvas)
        if x28 is None:
            return None, None
        x = x28.ravel()
        return x, self.snapshot_network().feedforward(x)

    def next_misclassified(self) -> int | None:
        """The next test image after the shown one that the network gets wrong (wrapping), or None."""
        pred = self.snapshot_network().predict(self.data.test.x)
        wrong = np.flatnonzero(pred != self.data.test.labels)
        if wrong.size == 0:
            return None
        later = wrong[wrong > self.sample_index]
        return int(later[0] if later.size else wrong[0])

    @property
    def selection(self) -> tuple[int, int] | None:
        return self.selection_model.neuron

    @property
    def edge_selection(self) -> tuple[int, int, int] | None:
        return self.selection_model.edge

    def select(self, sel: tuple[int, int] | None) -> None:
        self.selection_model.select(sel, self.network.sizes)

    def select_edge(self, edge: tuple[int, int, int] | None) -> None:
        self.selection_model.select_edge(edge, self.network.sizes)

    # -- stepping through backpropagation -----------------------------------------------------
    @property
    def can_step(self) -> bool:
        """Stepping needs the weights to stand still: not while training runs."""
        return self.state in (IDLE, PAUSED)

    @property
    def steps(self) -> StepSequence | None:
        return self.steps_model.sequence

    @property
    def step_index(self) -> int:
        return self.steps_model.index

    @property
    def step_batch_mode(self) -> bool:
        return self.steps_model.batch_mode

    @property
    def custom_input(self) -> tuple[np.ndarray, int] | None:
        c = self.steps_model.custom
        return None if c is None else (c.x, c.label)

    def build_steps(self, *, batch: bool | None = None, x: np.ndarray | None = None,
                    label: int | None = None) -> StepSequence:
        """A new step-through on the current weights: the shown test image (or ``x`` with
        ``label``), or in batch mode a random mini-batch of m training images."""
        if not self.can_step:
            raise RuntimeError(self.tr("Pause or stop training first: the step-through needs weights that stand "
                                       "still."))
        model = self.steps_model
        batch_mode = model.batch_mode if batch is None else bool(batch)
        custom = model.custom
        if x is not None:
            x = np.asarray(x, dtype=np.float32)
            if x.shape != (self.network.sizes[0],):
                raise RuntimeError(self.tr("This input has shape {shape}; the network takes {n} inputs.").format(
                    shape=x.shape, n=self.network.sizes[0]))
            custom = CustomInput(x, int(label if label is not None else 0))
        c = self.config
        net = self.snapshot_network()
        if batch_mode:
            m = min(c.batch_size, len(self.data.train))
            idx = self._step_rng.choice(len(self.data.train), size=m, replace=False)
            X, labels = self.data.train.x[idx], self.data.train.labels[idx]
        elif custom is not None:
            X, labels = custom.x[None, :], np.array([custom.label])
        else:
            x0, y0 = self.sample
            X, labels = x0[None, :], np.array([y0])
        seq = StepSequence(net, X, labels, c.eta, self.data.class_names, c.lmbda, len(self.data.train))
        model.set_sequence(None, batch_mode, custom)   # drop the old sequence before anyone sees the new one
        model.set_sequence(seq, batch_mode, custom)
        return seq

    def use_test_sample(self) -> None:
        """Step through the shown test image again (forget a drawn digit)."""
        m = self.steps_model
        if m.custom is not None:
            m.set_sequence(m.sequence, m.batch_mode, None)

    def set_step(self, index: int) -> None:
        self.steps_model.set_index(index)

    @property
    def current_step(self):
        return self.steps_model.current

    def keep_update(self) -> None:
        """Give the network the weights after the step-through's gradient-descent update."""
        seq = self.steps
        if seq is None or self.state != IDLE:
            raise RuntimeError(self.tr("Stop training before changing the weights by hand."))
        if not seq.update_ok:
            raise RuntimeError(self.tr("This update would make the weights non-finite; it was not kept."))
        net = self.network.copy()
        net.set_parameters(seq.after.weights, seq.after.biases)
        m = seq.m
        what = (self.tr("the update of the step-through on a mini-batch of {m}").format(m=m) if m > 1 else
                self.tr("the update of the step-through on one sample"))
        self._changed_by_hand(net, HandKind.KEPT_UPDATE, seq.update_cost, what)
        self.report("info", self.tr("Kept the update: the network now has the weights after this gradient-descent "
                                    "step."))

    # -- settings ----------------------------------------------------------------------------
    # -- the points of a 2-D dataset (issue 19) --------------------------------------------------
    def set_points(self, data: DataSplits) -> None:
        """Use ``data`` (the same 2-D set with points clicked in, removed or cleared) with the same
        network and its training. A run under way stops and goes on with the new points; with fewer
        training points than the mini-batch size m it cannot, and says so."""
        if not (data.is_plane and self.data.is_plane and data.input_size == self.data.input_size
                and data.n_classes == self.data.n_classes):
            raise ValueError("set_points takes the current 2-D dataset with other points")
        if len(data.test) == 0:
            raise ValueError(self.tr("the test set needs at least one point"))
        was = self.state
        if was != IDLE and not self.stop():
            raise RuntimeError(self.tr("Training is still finishing its current step; try again in a moment."))
        self.steps_model.reset(notify=True)
        w = self.world
        w.data = data
        w.sample_index = min(w.sample_index, len(data.test) - 1)
        self.points_changed.emit()
        if was in (RUNNING, PAUSED):
            if len(data.train) < self.config.batch_size:
                self.report("info", self.tr("Training stopped: {n} training points, fewer than the mini-batch size "
                                            "m = {m}. Add points or choose a smaller m.").format(
                    n=len(data.train), m=self.config.batch_size))
            else:
                self.start()
