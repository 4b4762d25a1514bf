"""Cost functions as small strategy objects, as in Nielsen's ``network2.py``.

A cost has

* ``fn(a, y)``: the cost C_x of each sample, shape (n,), for output activations ``a``
  and targets ``y`` of shape (n, n_L). ``z`` (the output weighted input) may be passed
  too; costs that can be computed more accurately from z than from a = σ(z) use it.
* ``delta(z, a, y)``: the output error δ^L = ∂C_x/∂z^L of each sample, shape (n, n_L).
* ``total(a, y, z)``: Σ_x C_x over a batch as a float (the SGD loop's fast path).

Adding a cost is adding one class and registering it in ``COSTS``.
"""

from __future__ import annotations

import numpy as np

from bpviz.core.activations import log_softmax, softplus


class QuadraticCost:
    """C_x = ½‖y − a^L‖², the seed's cost. BP1: δ^L = (a^L − y) ⊙ σ′(z^L)."""

    name = "quadratic"
    label = "Quadratic"

    @staticmethod
    def fn(a: np.ndarray, y: np.ndarray, z: np.ndarray | None = None) -> np.ndarray:
        diff = a - y
        return 0.5 * np.sum(diff * diff, axis=-1)

    @staticmethod
    def total(a: np.ndarray, y: np.ndarray, z: np.ndarray | None = None) -> float:
        """Σ_x C_x over a batch (the sum of ``fn``), as one float."""
        diff = (a - y).ravel()
        return 0.5 * float(diff @ diff)

    @staticmethod
    def delta(z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        # σ′(z) = a(1 − a) since a = σ(z): the same bits as sigmoid_prime(z), one exp fewer.
        return (a - y) * (a * (1 - a))

    def __repr__(self) -> str:
        return "QuadraticCost()"


class _SummedCost:
    """``total`` as the sum of the subclass's ``fn`` (the costs whose C_x has no shortcut)."""

    @classmethod
    def total(cls, a: np.ndarray, y: np.ndarray, z: np.ndarray | None = None) -> float:
        """Σ_x C_x over a batch (the sum of ``fn``), as one float."""
        return float(cls.fn(a, y, z).sum())


class CrossEntropyCost(_SummedCost):
    """C_x = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)]. BP1 becomes δ^L = a^L − y.

    With z given, ln a = −softplus(−z) and ln(1 − a) = −softplus(z) keep the cost finite
    even where a^L has rounded to exactly 0 or 1.
    """

    name = "cross-entropy"
    label = "Cross-entropy"

    @staticmethod
    def fn(a: np.ndarray, y: np.ndarray, z: np.ndarray | None = None) -> np.ndarray:
        if z is not None:
            return np.sum(y * softplus(-z) + (1 - y) * softplus(z), axis=-1)
        with np.errstate(divide="ignore", invalid="ignore"):
            terms = np.where(y > 0, y * np.log(a), 0) + np.where(y < 1, (1 - y) * np.log1p(-a), 0)
        return -np.sum(terms, axis=-1)

    @staticmethod
    def delta(z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        return a - y

    def __repr__(self) -> str:
        return "CrossEntropyCost()"


class LogLikelihoodCost(_SummedCost):
    """C_x = −ln a^L_y, the log-likelihood of the right class under a softmax output layer
    (chapter 3); with a target vector y (summing to 1), C_x = −Σ_j y_j ln a^L_j. BP1 becomes
    δ^L = a^L − y. Only meaningful with softmax outputs, so a network pairs them.

    With z given, ln a = z − ln Σ_k e^{z_k} keeps the cost finite where a^L_y rounds to 0.
    """

    name = "log-likelihood"
    label = "Log-likelihood"

    @staticmethod
    def fn(a: np.ndarray, y: np.ndarray, z: np.ndarray | None = None) -> np.ndarray:
        if z is not None:
            return -np.sum(y * log_softmax(z), axis=-1)
        with np.errstate(divide="ignore", invalid="ignore"):
            terms = np.where(y > 0, y * np.log(a), 0)
        return -np.sum(terms, axis=-1)

    @staticmethod
    def delta(z: np.ndarray, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        return a - y

    def __repr__(self) -> str:
        return "LogLikelihoodCost()"


COSTS: dict[str, type] = {c.name: c for c in (QuadraticCost, CrossEntropyCost, LogLikelihoodCost)}
#: The output layer each cost belongs with.
COST_OUTPUT = {"quadratic": "sigmoid", "cross-entropy": "sigmoid", "log-likelihood": "softmax"}


def default_cost(output: str) -> str:
    """The cost a network with this output layer uses unless told otherwise."""
    return "log-likelihood" if output == "softmax" else "quadratic"


def get_cost(cost: str | type | object) -> type:
    """The cost class for a name ("quadratic", "cross-entropy"), class or instance."""
    if isinstance(cost, str):
        key = cost.strip().lower().replace("_", "-")
        if key in ("crossentropy", "ce", "xent"):
            key = "cross-entropy"
        if key in ("loglikelihood", "log-likelihood", "ll", "nll"):
            key = "log-likelihood"
        try:
            return COSTS[key]
        except KeyError:
            raise ValueError(
                f"unknown cost {cost!r}; choose one of {', '.join(COSTS)}"
            ) from None
    if isinstance(cost, type) and cost in COSTS.values():
        return cost
    if type(cost) in COSTS.values():
        return type(cost)
    raise ValueError(f"unknown cost {cost!r}; choose one of {', '.join(COSTS)}")
