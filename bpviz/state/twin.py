"""Twin runs from the app's settings: run a is the Train tab's :class:`TrainConfig`, run b the
same with one :class:`TwinSetting` changed, given as a typed value (never "key=value" text).

The core's :class:`~bpviz.core.twin.TwinSettings` is made from the config in one place,
:func:`twin_settings`, so the twin runs cannot drift from what the Train tab shows.
"""

from __future__ import annotations

import dataclasses
import enum

from bpviz.core.network import parse_sizes
from bpviz.core.twin import TwinSettings
from bpviz.i18n import translate
from bpviz.scene.names import cost_label, init_label
from bpviz.state.config import TrainConfig


class TwinSetting(str, enum.Enum):
    """The settings run b may change (the others keep the two runs in lock-step)."""

    COST = "cost"
    ETA = "eta"
    INIT = "init"
    LMBDA = "lmbda"
    SIZES = "sizes"
    INIT_SCALE = "init_scale"

    def label(self) -> str:
        return {TwinSetting.COST: translate("Twin", "cost"), TwinSetting.ETA: "η",
                TwinSetting.INIT: translate("Twin", "initial weights"), TwinSetting.LMBDA: "λ",
                TwinSetting.SIZES: translate("Twin", "sizes"),
                TwinSetting.INIT_SCALE: translate("Twin", "initial weights × scale")}[self]

    def parse(self, text: str):
        """A value typed for this setting (ValueError with the reason if it cannot be one)."""
        text = text.strip()
        if self in (TwinSetting.COST, TwinSetting.INIT):
            return text
        if self is TwinSetting.SIZES:
            return parse_sizes(text)
        try:
            return float(text)
        except ValueError:
            raise ValueError(translate("Twin", "{setting} must be a number (got {text})").format(
                setting=self.label(), text=repr(text))) from None

    def value_label(self, value) -> str:
        """A value of this setting as shown ("cross-entropy cost", "0.5", "784,100,10")."""
        if self is TwinSetting.COST:
            return cost_label(value)
        if self is TwinSetting.INIT:
            return init_label(value)
        if self is TwinSetting.SIZES:
            return ",".join(map(str, value))
        return f"{float(value):g}"


def twin_settings(config: TrainConfig, epochs: int, init_scale: float = 1.0) -> TwinSettings:
    """Run a: the config's network, η, λ, m, cost, initialisation and seed, for ``epochs``."""
    c = config
    return TwinSettings(sizes=c.sizes, eta=c.eta, epochs=epochs, batch_size=c.batch_size, cost=c.cost, init=c.init,
                        lmbda=c.lmbda, seed=c.seed, init_scale=init_scale)


def vary(base: TwinSettings, setting: TwinSetting, value) -> TwinSettings:
    """Run b: ``base`` with ``setting`` set to ``value`` (ValueError, with the reason, for a value
    the core refuses or one both runs would share)."""
    other = dataclasses.replace(base, **{setting.value: value})
    if getattr(other, setting.value) == getattr(base, setting.value):
        raise ValueError(translate("Twin", "{setting} = {value} is what both runs already have: choose another "
                                           "value").format(setting=setting.label(), value=setting.value_label(value)))
    return other


def twin_options(config: TrainConfig, setting: TwinSetting) -> list:
    """Values to offer for ``setting`` that differ from run a's (the config's)."""
    c = config
    first, last = c.sizes[0], c.sizes[-1]
    options = {TwinSetting.COST: ["quadratic", "cross-entropy"], TwinSetting.INIT: ["standard", "scaled"],
               TwinSetting.ETA: [0.1, 0.5, 1.0, 3.0, 10.0, 30.0], TwinSetting.LMBDA: [0.0, 1.0, 5.0],
               TwinSetting.SIZES: [(first, 10, last), (first, 100, last), (first, 30, 30, last)],
               TwinSetting.INIT_SCALE: [0.5, 2.0, 3.0]}[setting]
    current = {TwinSetting.COST: c.cost, TwinSetting.INIT: c.init, TwinSetting.ETA: c.eta,
               TwinSetting.LMBDA: c.lmbda, TwinSetting.SIZES: tuple(c.sizes), TwinSetting.INIT_SCALE: 1.0}[setting]
    return [o for o in options if o != current]
