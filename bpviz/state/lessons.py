"""A lesson page's setup made real: a new World built whole, or settings changed in place
(Qt-free), and the lesson played headlessly for ``bpviz lesson check``.

Keys that make a new network (dataset, sizes, cost, init, seed, a shipped model, "train N
epochs first") build one complete :class:`~bpviz.state.World` before anything changes; the
caller commits it in one step, kept for Undo, so the learner's own network is never lost.
The other keys (η, m, λ, epochs, pace, sample, selection, view, step, lens) are what a learner
changes by hand and are applied the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import numpy as np

from bpviz.core import EpochDone, Network, load_network, sgd
from bpviz.data import DatasetError, DataSplits, assets_dir, load_dataset
from bpviz.scene.lessons import quantities as q
from bpviz.scene.lessons.format import WORLD_KEYS, Lesson, LessonError, parse_step
from bpviz.scene.lessons.strokes import drawn_input
from bpviz.scene.lessons.verdicts import expected, plain, render
from bpviz.scene.pace import delay_ms_of_rate
from bpviz.scene.steps import StepSequence
from bpviz.state.config import ConfigError, TrainConfig
from bpviz.state.world import World

CONFIG_KEYS = ("eta", "batch_size", "lmbda", "epochs")


def world_key(setup: dict) -> tuple:
    """What identifies the network a setup asks for (equal keys: the same network)."""
    return tuple((k, setup.get(k)) for k in WORLD_KEYS)


def asks_for_world(setup: dict) -> bool:
    return any(k in setup for k in WORLD_KEYS)


def config_for(setup: dict, base: TrainConfig) -> TrainConfig:
    """The training settings a setup asks for, over ``base``."""
    values = {k: setup[k] for k in ("dataset", "sizes", "cost", "init", "seed") + CONFIG_KEYS if k in setup}
    for k in ("eta", "lmbda"):
        if k in values:
            values[k] = float(values[k])
    if "pace" in setup:
        values["delay_ms"] = delay_ms_of_rate(None if setup["pace"] == "full" else float(setup["pace"]))
    return replace(base, **values)


def build_world(setup: dict, base: TrainConfig, path: str = "<lesson>",
                load: Callable[[str], DataSplits] = load_dataset) -> World:
    """The World a setup asks for, built whole (LessonError if it cannot be: nothing changed).

    A lesson's network does not depend on the learner's settings: what the setup does not
    name comes from the defaults (the dataset from the model file, else the bundled MNIST);
    only the pace of ``base`` is kept."""
    config = config_for(setup, replace(TrainConfig(), delay_ms=base.delay_ms))
    if "model" in setup and "dataset" not in setup:
        meta = load_network(assets_dir() / "models" / setup["model"])[1]
        stored = (meta.get("config") or {}).get("dataset") or meta.get("dataset")
        if isinstance(stored, str):
            config = replace(config, dataset=stored)
    try:
        data = load(config.dataset)
    except DatasetError as e:
        raise LessonError(path, f"dataset {config.dataset!r} cannot be used: {e}", key="dataset") from None
    model_path = None
    if "model" in setup:
        model_path = str(assets_dir() / "models" / setup["model"])
        net, _meta = load_network(model_path)
        config = replace(config, sizes=net.sizes, cost=net.cost.name, init=net.init)
    elif "sizes" not in setup and (config.sizes[0] != data.input_size or config.sizes[-1] != data.n_classes):
        config = replace(config, sizes=(data.input_size, *config.sizes[1:-1], data.n_classes))
    try:
        config.validate(data)
    except ConfigError as e:
        raise LessonError(path, e.message, key=e.field) from None
    if model_path is None:
        net = Network(config.sizes, rng=np.random.default_rng(config.seed), cost=config.cost, init=config.init)
    sample = int(setup.get("sample", 0))
    if not 0 <= sample < len(data.test):
        raise LessonError(path, f"sample {sample} is outside the {len(data.test)} test samples of {data.name}",
                          key="sample")
    world = World(data, net, config, np.random.default_rng([config.seed, 1]), sample_index=sample,
                  model_path=model_path)
    epochs = int(setup.get("train_epochs", 0))
    if epochs:
        for ev in sgd(net, data.train, epochs=epochs, batch_size=config.batch_size, eta=config.eta,
                      lmbda=config.lmbda, rng=world.rng, test=data.test):
            if isinstance(ev, EpochDone):
                world.history.add_epoch(ev)
        world.epochs_done = epochs
        world.batches_done = epochs * -(-len(data.train) // config.batch_size)
        world.trained = True
    return world


def focus(setup: dict, data: DataSplits, sample_index: int) -> tuple[np.ndarray, int, bool]:
    """(x, label, drawn): the bundled drawn digit the setup names, else the test sample shown."""
    name = setup.get("drawn")
    if name is not None and data.input_size == 784:
        label = data.class_names.index(name) if name in data.class_names else int(name)
        return drawn_input(name), label, True
    return data.test.x[sample_index], int(data.test.labels[sample_index]), False


def context(world: World, setup: dict, network: Network | None = None) -> q.Context:
    """The quantities' context on ``world`` (or ``network`` over its data): the focus sample
    and the world's settings."""
    x, label, _ = focus(setup, world.data, world.sample_index)
    c = world.config
    return q.Context(network or world.network, world.data, x, label, c.eta, c.batch_size, c.lmbda, c.seed)


def resolve_step(seq: StepSequence, spec) -> int:
    """The index of a step position ("bp2:2", "update", 5) in ``seq`` (its first sample)."""
    parsed = parse_step(spec)
    if isinstance(parsed, int):
        return min(parsed, len(seq) - 1)
    kind, layer = parsed
    for i in range(len(seq)):
        s = seq.steps[i]
        if s.kind == kind and (layer is None or s.layer == layer):
            return i
    raise LessonError("<lesson>", f"no step {spec!r} in this network's step-through", key="step")


@dataclass(frozen=True)
class CheckedQuestion:
    page: int
    prompt: str
    answer: str          # the expected answer in words
    value: str           # the quantity's number(s)


def play(lesson: Lesson, lang: str = "en", base: TrainConfig | None = None) -> Iterator[CheckedQuestion]:
    """Walk every page headlessly: build each setup's world, render every text with live
    numbers, resolve step positions and compute every answer (LessonError on the first failure)."""
    base = base or TrainConfig()
    world, key = None, None
    datasets: dict[str, DataSplits] = {}

    def load(name: str) -> DataSplits:
        if name not in datasets:
            datasets[name] = load_dataset(name)
        return datasets[name]

    for i, page in enumerate(lesson.pages):
        setup = lesson.setup_at(i)
        if world is None or world_key(setup) != key:
            world = build_world(setup, base if world is None else world.config, lesson.path, load)
            key = world_key(setup)
        else:
            world.config = config_for(setup, world.config)
            if "sample" in setup:
                world.sample_index = int(setup["sample"])
        ctx = context(world, setup)
        where = f"page {i + 1}"
        for t in (page.text, page.reveal, page.question and page.question.prompt):
            if t is not None:
                try:
                    render(t, ctx, lang, strict=True)
                except q.QuantityError as e:
                    raise LessonError(lesson.path, f"{where}: a number in the text cannot be computed: {e}") from None
        if "step" in setup:
            x, label, _ = focus(setup, world.data, world.sample_index)
            m = setup.get("step_mode", "sample")
            if m == "batch":
                n = min(world.config.batch_size, len(world.data.train))
                X, labels = world.data.train.x[:n], world.data.train.labels[:n]
            else:
                X, labels = x[None, :], np.array([label])
            seq = StepSequence(world.network, X, labels, world.config.eta, world.data.class_names,
                               world.config.lmbda, len(world.data.train))
            resolve_step(seq, setup["step"])
        if page.question is None:
            continue
        try:
            exp = expected(page.question, ctx)
        except q.QuantityError as e:
            raise LessonError(lesson.path, f"{where}: the answer cannot be computed: {e}", key="answer") from None
        if exp.values:
            value = ", ".join(f"{v:.6g}" for v in exp.values)
        elif exp.value is not None:
            value = f"{exp.value.symbol + ' = ' if exp.value.symbol else ''}{exp.value.value:.6g}"
        else:
            value = ""
        yield CheckedQuestion(i, plain(render(page.question.prompt, ctx, lang)), exp.describe(page.question, lang), value)
