"""The training settings: one frozen value, validated field by field, persisted as a dict."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import Any

from bpviz.core import get_cost, parse_sizes, validate_hyperparameters
from bpviz.core.activations import ACTIVATIONS, OUTPUTS
from bpviz.core.costs import COST_OUTPUT
from bpviz.core.network import INITS, MAX_TRAINING_BYTES, num_parameters
from bpviz.data import DEFAULT_DATASET, DataSplits, data_key, load_dataset
from bpviz.data.plane import is_plane_name, parse_features
from bpviz.i18n import translate


class ConfigError(ValueError):
    """A setting that cannot be used; ``field`` names it (``str()`` is "field: message")."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


#: What the app holds for a network, in bytes per weight, measured with the window open
#: ([784, 4000, 10], 3.2 M weights, offscreen, RSS): each part is there at the same time.
APP_BYTES_PER_WEIGHT = {
    "network": 4 + 8,        # the float32 weights, and the float64 draw that made them (kept by the allocator)
    "drawing": 51,           # the view's edge end points (float64), values, order and colours
    "training": 31,          # the run's own copy, one update's gradient and new weights, published snapshots
    "step-through": 12,      # its weights before and after the update, and the mini-batch's gradient
}
#: Each network kept for Undo: its weights (and its history, counted as it is).
UNDO_BYTES_PER_WEIGHT = 4


def app_bytes(sizes: tuple[int, ...], held: int = 0) -> dict[str, int]:
    """What the app would hold with a network of these sizes, part by part (bytes): the
    network, its drawing, a training run, a step-through, and ``held`` bytes already kept
    (the undo list)."""
    weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    biases = sum(sizes[1:])
    out = {k: v * weights for k, v in APP_BYTES_PER_WEIGHT.items()}
    out["network"] += 12 * biases
    out["undo list"] = int(held)
    return out


def training_memory(sizes: tuple[int, ...], held: int = 0) -> None:
    """ConfigError("sizes", …) naming each part if the app could not hold a network of these
    sizes with everything that comes with it (drawing, training, step-through, the undo list)."""
    parts = app_bytes(sizes, held)
    need = sum(parts.values())
    if need <= MAX_TRAINING_BYTES:
        return
    names = {"network": translate("Config", "network {gb}"), "drawing": translate("Config", "drawing {gb}"),
             "training": translate("Config", "training {gb}"), "step-through": translate("Config", "step-through {gb}"),
             "undo list": translate("Config", "undo list {gb}")}
    shown = translate("Config", ", ").join(names[k].format(gb=f"{v / 1e9:.2f}") for k, v in parts.items() if v)
    raise ConfigError("sizes", translate(
        "Config", "a {sizes} network has {n} parameters: with everything the app keeps for it it would need about "
                  "{need} GB ({parts} GB), above the limit of about {limit} GB; use fewer neurons").format(
        sizes=",".join(map(str, sizes)), n=f"{num_parameters(sizes):,}", need=f"{need / 1e9:.1f}", parts=shown,
        limit=f"{MAX_TRAINING_BYTES / 1e9:.0f}"))


@dataclass(frozen=True)
class TrainConfig:
    """What Train uses. Changing sizes, cost, init or seed means a new network."""

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
    activation: str = "sigmoid"   # the hidden layers' neurons: sigmoid (the seed's), tanh, relu
    output: str = "sigmoid"       # the output layer: sigmoid, or softmax (with the log-likelihood cost)
    features: str = ""            # a 2-D set's input features, "x1,x2,x1x2" ("": x1, x2)
    label: str = ""               # a CSV file's label column ("": the last)
    test_fraction: float = 0.2    # a CSV file's or image folder's share of test rows

    @property
    def architecture(self) -> tuple:
        """The settings that define the initial network: a change means new weights."""
        return (self.sizes, self.cost, self.init, self.seed, self.activation, self.output)

    @property
    def data_key(self) -> str:
        """The dataset with its loading options as one string (:func:`bpviz.data.data_key`)."""
        return data_key(self.dataset, self.features or None, self.label or None, self.test_fraction)

    def load_data(self) -> DataSplits:
        """The data these settings name (DatasetError if they cannot be loaded)."""
        return load_dataset(self.data_key)

    def validate(self, data: DataSplits | None = None, held: int = 0) -> None:
        """Raise the first :class:`ConfigError` of :meth:`problems` (each names its field)."""
        found = self.problems(data, held)
        if found:
            raise found[0]

    def problems(self, data: DataSplits | None = None, held: int = 0) -> list[ConfigError]:
        """Every unusable field with its reason (empty: usable), in the order of the form.
        ``held``: bytes the app keeps besides this network (the undo list), counted in the size check."""
        out: list[ConfigError] = []
        try:
            parse_sizes(self.sizes)
            training_memory(self.sizes, held)
            if data is not None and self.sizes[0] != data.input_size:
                raise ConfigError("sizes", translate("Config", "the input layer must have {n} neurons, one per input "
                                                     "of {data} (got {got})").format(
                    n=data.input_size, data=data.name, got=self.sizes[0]))
            if data is not None and self.sizes[-1] != data.n_classes:
                raise ConfigError("sizes", translate("Config", "the output layer must have {n} neurons, one per class "
                                                     "of {data} (got {got})").format(
                    n=data.n_classes, data=data.name, got=self.sizes[-1]))
        except ConfigError as e:
            out.append(e)
        except ValueError as e:
            out.append(ConfigError("sizes", str(e)))
        for name, kwargs in (("eta", dict(eta=self.eta)), ("batch_size", dict(batch_size=self.batch_size)),
                             ("epochs", dict(epochs=self.epochs)), ("lmbda", dict(lmbda=self.lmbda))):
            try:
                validate_hyperparameters(**({"epochs": 1, "batch_size": 1, "eta": 1.0, "lmbda": 0.0} | kwargs))
            except ValueError as e:
                out.append(ConfigError(name, str(e)))
        if data is not None and isinstance(self.batch_size, int) and self.batch_size > len(data.train) \
                and not any(e.field == "batch_size" for e in out):
            out.append(ConfigError("batch_size", translate("Config", "a mini-batch cannot be larger than the {n} "
                                                                     "training samples of {data} (got {got})").format(
                n=f"{len(data.train):,}", data=data.name, got=f"{self.batch_size:,}")))
        try:
            cost = get_cost(self.cost).name
            if self.output in OUTPUTS and COST_OUTPUT[cost] != self.output:
                raise ValueError(translate("Config", "the {cost} cost goes with a {right} output layer, not {output} "
                                                     "(softmax with log-likelihood; sigmoid with quadratic or "
                                                     "cross-entropy)").format(cost=cost, right=COST_OUTPUT[cost],
                                                                              output=self.output))
        except ValueError as e:
            out.append(ConfigError("cost", str(e)))
        if self.activation not in ACTIVATIONS:
            out.append(ConfigError("activation", translate("Config", "unknown activation function {name}; choose one of {names}")
                                   .format(name=repr(self.activation), names=", ".join(ACTIVATIONS))))
        if self.output not in OUTPUTS:
            out.append(ConfigError("output", translate("Config", "unknown output layer {name}; choose one of {names}")
                                   .format(name=repr(self.output), names=", ".join(OUTPUTS))))
        if self.features:
            try:
                parse_features(self.features)
                if not is_plane_name(self.dataset):
                    raise ValueError(translate("Config", "input features apply to the 2-D datasets only"))
            except ValueError as e:
                out.append(ConfigError("features", str(e)))
        if not (isinstance(self.test_fraction, float) and 0 < self.test_fraction < 1):
            out.append(ConfigError("test_fraction", translate("Config", "the test fraction must lie between 0 and 1 "
                                                                        "(got {got})").format(got=self.test_fraction)))
        if self.init not in INITS:
            out.append(ConfigError("init", translate("Config", "unknown initialisation {name}; choose one of {names}")
                                   .format(name=repr(self.init), names=", ".join(INITS))))
        if not 0 <= self.delay_ms <= 60_000:
            out.append(ConfigError("delay_ms", translate("Config", "the pace (ms per mini-batch) must lie in 0…60000 ms "
                                                                   "(got {value})").format(value=self.delay_ms)))
        return out


def config_to_dict(config: TrainConfig) -> dict[str, Any]:
    """Plain JSON-able values (sizes as a list)."""
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(config).items()}


def config_from_dict(values: dict[str, Any], base: TrainConfig | None = None) -> TrainConfig:
    """A config from stored values over ``base`` (defaults); raises ConfigError for a value
    that is present but unusable (callers decide whether to fall back)."""
    base = base or TrainConfig()
    conv = {"sizes": parse_sizes, "eta": float, "batch_size": int, "epochs": int, "cost": str, "init": str,
            "seed": int, "dataset": str, "lmbda": float, "delay_ms": int, "activation": str, "output": str,
            # a settings file may hand back "x1,x2" as a list of its parts
            "features": lambda v: ",".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v),
            "label": str, "test_fraction": float}
    out = {}
    for f in fields(TrainConfig):
        if f.name not in values or values[f.name] is None:
            continue
        try:
            v = conv[f.name](values[f.name])
        except (TypeError, ValueError) as e:
            raise ConfigError(f.name, f"stored value {values[f.name]!r} is not usable ({e})") from None
        if isinstance(v, float) and not math.isfinite(v):
            raise ConfigError(f.name, f"stored value {values[f.name]!r} is not a finite number")
        out[f.name] = v
    cfg = TrainConfig(**(asdict(base) | out))
    cfg.validate()
    return cfg
