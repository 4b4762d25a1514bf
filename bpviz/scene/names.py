"""Typed names the interface shows: run state, message level, cost, initialisation.

Each is an enum whose value is the name the core, the settings and model files use, with a
``label()`` in the interface language: the one place that translates it. Code compares and
passes the enum; nothing displayed is ever read back.
"""

from __future__ import annotations

import enum

from bpviz.i18n import translate


class RunState(str, enum.Enum):
    """Where training stands (the Session's ``state``)."""

    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPING = "stopping"   # Stop was asked; the run is finishing its current piece of work

    def label(self) -> str:
        return {RunState.IDLE: translate("Names", "idle"), RunState.RUNNING: translate("Names", "running"),
                RunState.PAUSED: translate("Names", "paused"),
                RunState.STOPPING: translate("Names", "stopping")}[self]


class Level(str, enum.Enum):
    """How much a message matters: info goes away by itself, a warning or error stays."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    def label(self) -> str:
        return {Level.INFO: translate("Names", "Note"), Level.WARNING: translate("Names", "Warning"),
                Level.ERROR: translate("Names", "Error")}[self]


class CostName(str, enum.Enum):
    """The cost functions of ``bpviz.core.costs`` by their names."""

    QUADRATIC = "quadratic"
    CROSS_ENTROPY = "cross-entropy"
    LOG_LIKELIHOOD = "log-likelihood"   # with a softmax output layer (issue 19)

    def label(self) -> str:
        """As in a sentence: "quadratic cost"."""
        return {CostName.QUADRATIC: translate("Names", "quadratic cost"),
                CostName.CROSS_ENTROPY: translate("Names", "cross-entropy cost"),
                CostName.LOG_LIKELIHOOD: translate("Names", "log-likelihood cost")}[self]

    def choice(self) -> str:
        """As an item of a list to choose from."""
        return {CostName.QUADRATIC: translate("Names", "Quadratic (the seed's)"),
                CostName.CROSS_ENTROPY: translate("Names", "Cross-entropy"),
                CostName.LOG_LIKELIHOOD: translate("Names", "Log-likelihood (softmax output)")}[self]


class InitName(str, enum.Enum):
    """How initial weights are drawn (``bpviz.core.network.INITS``)."""

    STANDARD = "standard"
    SCALED = "scaled"

    def label(self) -> str:
        """As in a sentence: "standard initial weights N(0, 1)"."""
        return {InitName.STANDARD: translate("Names", "standard initial weights N(0, 1)"),
                InitName.SCALED: translate("Names", "scaled initial weights N(0, 1/n_in)")}[self]

    def choice(self) -> str:
        # short: the field fits the side panel at 1000 px (tests/gui/test_window_sizes.py)
        return {InitName.STANDARD: translate("Names", "N(0, 1) (the seed's)"),
                InitName.SCALED: translate("Names", "N(0, 1/n_in) (scaled)")}[self]


def cost_label(name: str) -> str:
    """A cost's name as shown ("quadratic cost"); a name not listed here is shown as it is."""
    try:
        return CostName(name).label()
    except ValueError:
        return translate("Names", "{name} cost").format(name=name)


def init_label(name: str) -> str:
    """An initialisation's name as shown ("scaled initial weights N(0, 1/n_in)")."""
    try:
        return InitName(name).label()
    except ValueError:
        return translate("Names", "{name} initial weights").format(name=name)
