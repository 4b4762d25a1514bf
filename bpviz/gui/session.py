"""The application's state as one QObject: network, data, training, history, selection.

Views never change the core directly: they call Session methods and redraw from Session
state when its signals say something changed (on their own timers for fast-changing state).
"""

from __future__ import annotations

import csv
import math
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QSettings, Signal

from bpviz.core import (
    BatchDone,
    Diverged,
    EpochDone,
    ModelFileError,
    Network,
    get_cost,
    load_network,
    parse_sizes,
    save_network,
    sgd,
    validate_hyperparameters,
)
from bpviz.data import DEFAULT_DATASET, DIGITS, DatasetError, DataSplits, assets_dir, load_dataset
from bpviz.data.preprocess import mnist_like
from bpviz.gui.training import Progress, TrainingController, TrainingWorker
from bpviz.scene.steps import StepSequence

IDLE, RUNNING, PAUSED = "idle", "running", "paused"
#: The trained model the Draw tab loads when the network has never been trained.
SHIPPED_MODEL = "mnist-784-100-10-ce.npz"


@dataclass(frozen=True)
class TrainConfig:
    sizes: tuple[int, ...] = (784, 30, 10)
    eta: float = 3.0
    batch_size: int = 10
    epochs: int = 30
    cost: str = "quadratic"
    init: str = "standard"
    seed: int = 0
    dataset: str = DEFAULT_DATASET
    lmbda: float = 0.0
    delay_ms: int = 0

    def validate(self, data: DataSplits | None = None) -> None:
        """Raise ValueError naming the field ("sizes: …") for anything unusable."""
        try:
            parse_sizes(self.sizes)
        except ValueError as e:
            raise ValueError(f"sizes: {e}") from None
        for name, kwargs in (("eta", dict(eta=self.eta)), ("batch_size", dict(batch_size=self.batch_size)),
                             ("epochs", dict(epochs=self.epochs)), ("lmbda", dict(lmbda=self.lmbda))):
            try:
                validate_hyperparameters(**({"epochs": 1, "batch_size": 1, "eta": 1.0, "lmbda": 0.0} | kwargs))
            except ValueError as e:
                raise ValueError(f"{name}: {e}") from None
        try:
            get_cost(self.cost)
        except ValueError as e:
            raise ValueError(f"cost: {e}") from None
        if data is not None:
            if self.sizes[0] != data.input_size:
                raise ValueError(f"sizes: the input layer must have {data.input_size} neurons, one per pixel "
                                 f"of the {data.name} images (got {self.sizes[0]})")
            if self.sizes[-1] != data.n_classes:
                raise ValueError(f"sizes: the output layer must have {data.n_classes} neurons, one per class "
                                 f"of {data.name} (got {self.sizes[-1]})")


class History:
    """Costs and accuracies of the current network's training, in growing arrays."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.batch_index = np.zeros(0, dtype=np.int64)
        self.batch_cost = np.zeros(0)
        self.batches_per_epoch = 1
        self.epochs: list[EpochDone] = []

    def add_batches(self, index: np.ndarray, costs: np.ndarray, n_batches: int) -> None:
        self.batches_per_epoch = max(1, n_batches)
        self.batch_index = np.concatenate([self.batch_index, index])
        self.batch_cost = np.concatenate([self.batch_cost, costs])

    @property
    def batch_epoch(self) -> np.ndarray:
        """x position of each mini-batch in epochs (batch k of an epoch → e + (k+1)/n)."""
        return (self.batch_index + 1) / self.batches_per_epoch

    def write_csv(self, path: str | os.PathLike) -> None:
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["kind", "epoch", "mini_batch", "cost", "test_correct", "test_total", "test_accuracy",
                        "validation_correct", "validation_total"])
            for i, c in zip(self.batch_index.tolist(), self.batch_cost.tolist()):
                w.writerow(["mini-batch", i // self.batches_per_epoch, i % self.batches_per_epoch, repr(c)] + [""] * 5)

            def blank(v):
                return "" if v is None else v

            for e in self.epochs:
                acc = "" if e.test_accuracy is None else repr(e.test_accuracy)
                w.writerow(["epoch", e.epoch, "", repr(e.training_cost), blank(e.test_correct), blank(e.test_total),
                            acc, blank(e.validation_correct), blank(e.validation_total)])


def settings() -> QSettings:
    """Settings file: $BPVIZ_SETTINGS (tests, portable use) or the platform's usual place."""
    path = os.environ.get("BPVIZ_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings("bpviz", "bpviz")


class Session(QObject):
    network_replaced = Signal()     # a different Network object (maybe other sizes)
    # Weights/biases replaced by load, reset or the end of a run. While training runs the
    # parameters change ~20×/s: views poll ``params_version`` on their own timers instead.
    parameters_changed = Signal()
    state_changed = Signal(str)     # IDLE | RUNNING | PAUSED
    progress = Signal(object)       # gui.training.Progress
    epoch_finished = Signal(object)  # core.EpochDone
    history_changed = Signal()      # history arrays grew or were cleared
    message = Signal(str, str)      # level ("info" | "warning" | "error"), text
    dataset_changed = Signal()      # self.data replaced
    sample_changed = Signal(int)    # index into the test set of the sample shown
    selection_changed = Signal(object)  # (l, j) or None
    edge_selection_changed = Signal(object)  # (l, j, k) or None
    step_changed = Signal()         # the step-through sequence or its current step changed

    def __init__(self, config: TrainConfig | None = None, data: DataSplits | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config or TrainConfig()
        self.data = data if data is not None else load_dataset(self.config.dataset)
        self.config.validate(self.data)
        self.history = History()
        self.state = IDLE
        self.controller: TrainingController | None = None
        self.worker: TrainingWorker | None = None
        self.sample_index = 0
        self.selection: tuple[int, int] | None = None
        self.params_version = 0
        self.epochs_done = 0
        self.epochs_target = 0
        self.batches_done = 0
        self.last_progress: Progress | None = None
        self.model_path: str | None = None
        self.steps: StepSequence | None = None
        self.step_index = 0
        self.step_batch_mode = False
        self.edge_selection: tuple[int, int, int] | None = None
        self.custom_input: tuple[np.ndarray, int] | None = None  # a drawn digit and its target
        self.drawn: np.ndarray | None = None   # (784,) the canvas's digit, shown while show_drawn
        self.show_drawn = False
        self.drawn_version = 0
        self.kept_update = False
        self._step_rng = np.random.default_rng()
        self._new_network()

    # -- network -------------------------------------------------------------------------
    def _new_network(self) -> None:
        c = self.config
        self.rng = np.random.default_rng([c.seed, 1])
        self._adopt_network(Network(c.sizes, rng=np.random.default_rng(c.seed), cost=c.cost, init=c.init), None)

    def _adopt_network(self, net: Network, model_path: str | None) -> None:
        """Make ``net`` the session's network: history, selection and step-through start afresh."""
        self.network = net
        self.model_path = model_path
        self.history.clear()
        self.epochs_done = self.batches_done = 0
        self.kept_update = False
        self.last_progress = None
        self.selection = None
        self.edge_selection = None
        self.steps = None
        self._publish_parameters(notify=False)
        self.network_replaced.emit()
        self.parameters_changed.emit()
        self.history_changed.emit()

    def _publish_parameters(self, weights: list[np.ndarray] | None = None, biases: list[np.ndarray] | None = None,
                            notify: bool = True) -> None:
        """Make (weights, biases) — by default the network's own — what the views show.

        While training runs the worker's snapshots are published without ``notify``: the
        views poll ``params_version`` on their timers instead of redrawing per signal.
        """
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

    def apply_config(self, config: TrainConfig) -> None:
        """Validate and adopt new settings; a new architecture/cost/init/seed means a new network."""
        if self.state != IDLE:
            raise RuntimeError("stop training before changing these settings")
        data = self.data
        if config.dataset != self.config.dataset:
            try:
                data = load_dataset(config.dataset)
            except DatasetError as e:
                raise ValueError(f"dataset: {e}") from None
            fitted = (data.input_size, *config.sizes[1:-1], data.n_classes)
            if fitted != config.sizes:
                # A new dataset fixes the input and output layers; keep the hidden ones.
                config = replace(config, sizes=fitted)
                self.message.emit("info", f"Layer sizes set to {','.join(map(str, fitted))} to fit {data.name}: "
                                          f"{data.input_size} inputs, {data.n_classes} classes.")
        config.validate(data)
        old = self.config
        self.config = config
        if data is not self.data:
            self.data = data
            self.sample_index = 0
            self.dataset_changed.emit()
            self.sample_changed.emit(0)
        if (old.sizes, old.cost, old.init, old.seed) != (config.sizes, config.cost, config.init, config.seed) \
                or data.input_size != self.network.sizes[0] or data.n_classes != self.network.sizes[-1]:
            self._new_network()

    def reset_network(self) -> None:
        """Stop any training and draw fresh initial weights from the configured seed."""
        self.stop()
        self._new_network()
        self.message.emit("info", f"New network {list(self.network.sizes)} drawn with seed {self.config.seed}.")

    def load_model(self, path: str | os.PathLike) -> None:
        self.stop()
        try:
            net, meta = load_network(path)
        except ModelFileError as e:
            self.message.emit("error", str(e))
            raise
        if net.sizes[0] != self.data.input_size or net.sizes[-1] != self.data.n_classes:
            msg = (f"{path}: a {list(net.sizes)} network does not fit {self.data.name} "
                   f"({self.data.input_size} inputs, {self.data.n_classes} classes)")
            self.message.emit("error", msg)
            raise ModelFileError(msg)
        self.config = replace(self.config, sizes=net.sizes, cost=net.cost.name, init=net.init)
        self._adopt_network(net, str(path))
        acc = self.network.evaluate(self.data.test.x, self.data.test.labels)
        self.message.emit("info", f"Loaded {Path(path).name}: {list(net.sizes)}, {net.cost.label.lower()} cost; "
                                  f"{acc} / {len(self.data.test)} test images right.")

    def save_model(self, path: str | os.PathLike) -> Path:
        weights, biases = self.parameters
        net = self.network.with_parameters(weights, biases)
        meta = {"config": {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(self.config).items()},
                "epochs_trained": self.epochs_done, "dataset": self.data.name}
        if self.history.epochs and self.history.epochs[-1].test_total:
            meta["test_correct"] = self.history.epochs[-1].test_correct
            meta["test_total"] = self.history.epochs[-1].test_total
        out = save_network(net, path, meta)
        self.model_path = str(out)
        self.message.emit("info", f"Saved {out}.")
        return out

    # -- training ------------------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    def start(self, *, steps: int | None = None) -> None:
        """Train for config.epochs more epochs from the current weights (or only ``steps``
        mini-batches, then pause)."""
        if self.state != IDLE:
            return
        c = self.config
        self.config.validate(self.data)
        self.epochs_target = self.epochs_done + c.epochs
        worker = TrainingWorker(
            self.network, self.data.train, self.data.test, validation=self.data.validation, epochs=c.epochs, batch_size=c.batch_size,
            eta=c.eta, lmbda=c.lmbda, rng=self.rng, start_epoch=self.epochs_done,
            batches_done=self.batches_done, delay_s=c.delay_ms / 1000, steps=steps,
        )
        worker.progress.connect(self._on_progress)
        worker.epoch_done.connect(self._on_epoch_done)
        worker.diverged.connect(self._on_diverged)
        worker.paused.connect(self._on_paused)
        self.worker = worker
        self.controller = TrainingController(worker, self)
        self.controller.finished.connect(self._on_finished)
        self._set_state(RUNNING)
        self.controller.start()

    def run_headless(self, epochs: int) -> None:
        """Train ``epochs`` epochs in the calling thread and record them as a run would.

        For ``bpviz screenshot`` and scripts only: it blocks, so the interactive app never
        calls it (there, training always runs in the worker thread).
        """
        if self.state != IDLE:
            raise RuntimeError("training is already running")
        c = self.config
        index = self.batches_done
        for ev in sgd(self.network, self.data.train, epochs=epochs, batch_size=c.batch_size, eta=c.eta,
                      lmbda=c.lmbda, rng=self.rng, test=self.data.test, validation=self.data.validation,
                      start_epoch=self.epochs_done):
            if isinstance(ev, BatchDone):
                self.history.add_batches(np.array([index]), np.array([ev.cost]), ev.n_batches)
                index += 1
            elif isinstance(ev, EpochDone):
                self.history.epochs.append(ev)
                self.epochs_done = ev.epoch + 1
                self.epoch_finished.emit(ev)
        self.batches_done = index
        self._publish_parameters()
        self.history_changed.emit()

    def pause(self) -> None:
        if self.worker is not None and self.state == RUNNING:
            self.worker.set_paused(True)
            self._set_state(PAUSED)

    def resume(self) -> None:
        if self.worker is not None and self.state == PAUSED:
            self.worker.set_paused(False)
            self._set_state(RUNNING)

    def toggle(self) -> None:
        """Train / Pause / Resume (the Space key)."""
        {IDLE: self.start, RUNNING: self.pause, PAUSED: self.resume}[self.state]()

    def step_batch(self) -> None:
        """Apply exactly one more mini-batch, then pause."""
        if self.state == IDLE:
            self.start(steps=1)
        elif self.worker is not None:
            self.worker.step(1)
            self._set_state(RUNNING)

    def stop(self) -> None:
        """Stop training now (within one mini-batch) and wait for the thread."""
        if self.controller is not None:
            self.controller.stop_and_wait()
            self._finish_run()

    def set_eta(self, eta: float) -> None:
        validate_hyperparameters(epochs=1, batch_size=1, eta=eta)
        self.config = replace(self.config, eta=float(eta))
        if self.worker is not None:
            self.worker.set_eta(eta)

    def set_delay_ms(self, ms: int) -> None:
        self.config = replace(self.config, delay_ms=int(ms))
        if self.worker is not None:
            self.worker.delay_s = ms / 1000

    def shutdown(self) -> None:
        self.stop()

    def _finish_run(self) -> None:
        if self.controller is None:
            return
        controller, self.controller, self.worker = self.controller, None, None
        controller.finished.disconnect(self._on_finished)
        self._publish_parameters()  # the network's own, now that no thread writes them
        controller.deleteLater()
        self._set_state(IDLE)

    # -- worker signals (queued onto the GUI thread) ---------------------------------------
    def _on_progress(self, p: Progress) -> None:
        if self.worker is None:
            return
        self.last_progress = p
        self._publish_parameters(p.weights, p.biases, notify=False)
        self.batches_done = int(p.batch_index[-1]) + 1 if len(p.batch_index) else self.batches_done
        if len(p.batch_costs):
            self.history.add_batches(p.batch_index, p.batch_costs, p.n_batches)
            self.history_changed.emit()
        self.progress.emit(p)

    def _on_epoch_done(self, ev: EpochDone) -> None:
        if self.worker is None:
            return
        self.epochs_done = ev.epoch + 1
        self.history.epochs.append(ev)
        self.history_changed.emit()
        self.epoch_finished.emit(ev)

    def _on_diverged(self, ev: Diverged) -> None:
        self.message.emit(
            "error",
            f"Training diverged in epoch {ev.epoch + 1}, mini-batch {ev.batch + 1}: {ev.reason}. "
            f"It was stopped before the numbers became meaningless. Try a smaller learning rate "
            f"than η = {self.config.eta:g}, then Reset.",
        )

    def _on_paused(self, paused: bool) -> None:
        if self.worker is not None:
            self._set_state(PAUSED if paused else RUNNING)

    def _on_finished(self, reason: str) -> None:
        self._finish_run()
        if reason.startswith("error"):
            self.message.emit("error", f"Training stopped by an internal {reason[7:]}")
        elif reason == "done":
            last = self.history.epochs[-1] if self.history.epochs else None
            acc = "" if last is None or last.test_accuracy is None else f", test accuracy {100 * last.test_accuracy:.2f}%"
            self.message.emit("info", f"Training finished after {self.epochs_done} epochs{acc}.")

    # -- sample and selection ----------------------------------------------------------------
    def set_sample(self, index: int) -> None:
        n = len(self.data.test)
        index = int(index) % n
        if index != self.sample_index:
            self.sample_index = index
            self.sample_changed.emit(index)

    @property
    def sample(self) -> tuple[np.ndarray, int]:
        return self.data.test.x[self.sample_index], int(self.data.test.labels[self.sample_index])

    def view_sample(self) -> tuple[np.ndarray, int | None]:
        """What the network view feeds forward: the drawn digit in the Draw tab, else the test image."""
        if self.show_drawn and self.drawn is not None and self.drawn.shape[0] == self.network.sizes[0]:
            return self.drawn, None
        return self.sample

    def set_drawn(self, x: np.ndarray | None) -> None:
        self.drawn = None if x is None else np.asarray(x, dtype=np.float32)
        self.drawn_version += 1

    def predict_drawing(self, canvas: np.ndarray) -> tuple[np.ndarray | None, np.ndarray | None]:
        """A drawn canvas (H, W) in [0, 1] → (the 28×28 input as (784,), output activations),
        or (None, None) for a blank canvas or data that are not handwritten digits."""
        if self.data.class_names != DIGITS or self.network.sizes[0] != 784:
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
    def is_untrained(self) -> bool:
        """Fresh random weights: never trained, loaded or updated by hand."""
        return self.batches_done == 0 and self.model_path is None and not self.kept_update

    def load_shipped_model(self, name: str = SHIPPED_MODEL) -> None:
        self.load_model(assets_dir() / "models" / name)

    def select(self, sel: tuple[int, int] | None) -> None:
        if sel is not None:
            l, j = sel
            if not (1 <= l <= self.network.num_layers and 0 <= j < self.network.sizes[l - 1]):
                sel = None
        if sel != self.selection:
            self.selection = sel
            self.selection_changed.emit(sel)

    def select_edge(self, edge: tuple[int, int, int] | None) -> None:
        if edge != self.edge_selection:
            self.edge_selection = edge
            self.edge_selection_changed.emit(edge)

    # -- stepping through backpropagation -----------------------------------------------------
    @property
    def can_step(self) -> bool:
        """Stepping needs the weights to stand still: not while training runs."""
        return self.state != RUNNING

    def build_steps(self, *, batch: bool | None = None, x: np.ndarray | None = None,
                    label: int | None = None) -> StepSequence:
        """A new step-through on the current weights: the shown test image (or ``x`` with
        ``label``), or in batch mode a random mini-batch of m training images."""
        if not self.can_step:
            raise RuntimeError("Pause or stop training first: the step-through needs weights that stand still.")
        if batch is not None:
            self.step_batch_mode = batch
        if x is not None:
            self.custom_input = (np.asarray(x, dtype=np.float32), int(label if label is not None else 0))
        c = self.config
        net = self.snapshot_network()
        if self.step_batch_mode:
            m = min(c.batch_size, len(self.data.train))
            idx = self._step_rng.choice(len(self.data.train), size=m, replace=False)
            X, labels = self.data.train.x[idx], self.data.train.labels[idx]
        elif self.custom_input is not None:
            X, labels = self.custom_input[0][None, :], np.array([self.custom_input[1]])
        else:
            x0, y0 = self.sample
            X, labels = x0[None, :], np.array([y0])
        self.steps = StepSequence(net, X, labels, c.eta, self.data.class_names, c.lmbda, len(self.data.train))
        self.step_index = 0
        self.step_changed.emit()
        return self.steps

    def use_test_sample(self) -> None:
        """Step through the shown test image again (forget a drawn digit)."""
        self.custom_input = None

    def set_step(self, index: int) -> None:
        if self.steps is None:
            return
        index = max(0, min(int(index), len(self.steps) - 1))
        if index != self.step_index:
            self.step_index = index
            self.step_changed.emit()

    @property
    def current_step(self):
        return None if self.steps is None else self.steps.steps[self.step_index]

    def keep_update(self) -> None:
        """Give the network the weights after the step-through's gradient-descent update."""
        if self.steps is None or self.state != IDLE:
            raise RuntimeError("Stop training before changing the weights by hand.")
        if not self.steps.update_ok:
            raise RuntimeError("This update would make the weights non-finite; it was not kept.")
        self.network.set_parameters(self.steps.after.weights, self.steps.after.biases)
        self.kept_update = True
        self._publish_parameters()
        self.message.emit("info", "Kept the update: the network now has the weights after this gradient-descent step.")

    # -- settings ----------------------------------------------------------------------------
    def save_settings(self, s: QSettings | None = None) -> None:
        s = s or settings()
        c = self.config
        s.setValue("train/sizes", ",".join(map(str, c.sizes)))
        for key in ("eta", "batch_size", "epochs", "cost", "init", "seed", "dataset", "lmbda", "delay_ms"):
            s.setValue(f"train/{key}", getattr(c, key))
        s.sync()


def config_from_settings(s: QSettings | None = None) -> TrainConfig:
    """The remembered settings, falling back to defaults for anything missing or invalid."""
    s = s or settings()
    d = TrainConfig()
    def get(key, conv, default):
        try:
            v = s.value(f"train/{key}", None)
            return default if v is None else conv(v)
        except (TypeError, ValueError):
            return default
    cfg = TrainConfig(
        sizes=get("sizes", parse_sizes, d.sizes), eta=get("eta", float, d.eta),
        batch_size=get("batch_size", int, d.batch_size), epochs=get("epochs", int, d.epochs),
        cost=get("cost", str, d.cost), init=get("init", str, d.init), seed=get("seed", int, d.seed),
        dataset=get("dataset", str, d.dataset), lmbda=get("lmbda", float, d.lmbda),
        delay_ms=get("delay_ms", int, d.delay_ms),
    )
    try:
        cfg.validate()
        if not math.isfinite(cfg.eta):
            raise ValueError
    except ValueError:
        return d
    return cfg
