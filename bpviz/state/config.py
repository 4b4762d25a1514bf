"""The training settings: one frozen value, validated field by field, persisted as a dict."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import Any

from bpviz.core import check_memory, get_cost, parse_sizes, validate_hyperparameters
from bpviz.core.network import INITS
from bpviz.data import DEFAULT_DATASET, DataSplits

#: Bytes per weight the GUI needs to draw a network besides training it: the view keeps the
#: end points of every edge as float64 (2 points × 2 coordinates × 8 bytes).
VIEW_BYTES_PER_WEIGHT = 32


class ConfigError(ValueError):
    """A setting that cannot be used; ``field`` names it (``str()`` is "field: message")."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def training_memory(sizes: tuple[int, ...]) -> None:
    """ConfigError("sizes", …) with the estimate if the app could not create, train and draw these sizes."""
    try:
        check_memory(sizes, extra_per_weight=VIEW_BYTES_PER_WEIGHT, what="create, train and draw")
    except ValueError as e:
        raise ConfigError("sizes", str(e)) from None


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

    @property
    def architecture(self) -> tuple:
        """The settings that define the initial network: a change means new weights."""
        return (self.sizes, self.cost, self.init, self.seed)

    def validate(self, data: DataSplits | None = None) -> None:
        """Raise :class:`ConfigError` naming the first unusable field."""
        try:
            parse_sizes(self.sizes)
        except ValueError as e:
            raise ConfigError("sizes", str(e)) from None
        training_memory(self.sizes)
        for name, kwargs in (("eta", dict(eta=self.eta)), ("batch_size", dict(batch_size=self.batch_size)),
                             ("epochs", dict(epochs=self.epochs)), ("lmbda", dict(lmbda=self.lmbda))):
            try:
                validate_hyperparameters(**({"epochs": 1, "batch_size": 1, "eta": 1.0, "lmbda": 0.0} | kwargs))
            except ValueError as e:
                raise ConfigError(name, str(e)) from None
        try:
            get_cost(self.cost)
        except ValueError as e:
            raise ConfigError("cost", str(e)) from None
        if self.init not in INITS:
            raise ConfigError("init", f"unknown initialisation {self.init!r}; choose one of {', '.join(INITS)}")
        if not 0 <= self.delay_ms <= 60_000:
            raise ConfigError("delay_ms", f"the pace (ms per mini-batch) must lie in 0…60000 ms (got {self.delay_ms})")
        if data is not None:
            if self.sizes[0] != data.input_size:
                raise ConfigError("sizes", f"the input layer must have {data.input_size} neurons, one per input "
                                           f"of {data.name} (got {self.sizes[0]})")
            if self.sizes[-1] != data.n_classes:
                raise ConfigError("sizes", f"the output layer must have {data.n_classes} neurons, one per class "
                                           f"of {data.name} (got {self.sizes[-1]})")
            if self.batch_size > len(data.train):
                raise ConfigError("batch_size", f"a mini-batch cannot be larger than the {len(data.train):,} "
                                                f"training samples of {data.name} (got {self.batch_size:,})")


def config_to_dict(config: TrainConfig) -> dict[str, Any]:
    """Plain JSON-able values (sizes as a list)."""
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(config).items()}


def config_from_dict(values: dict[str, Any], base: TrainConfig | None = None) -> TrainConfig:
    """A config from stored values over ``base`` (defaults); raises ConfigError for a value
    that is present but unusable (callers decide whether to fall back)."""
    base = base or TrainConfig()
    conv = {"sizes": parse_sizes, "eta": float, "batch_size": int, "epochs": int, "cost": str, "init": str,
            "seed": int, "dataset": str, "lmbda": float, "delay_ms": int}
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
