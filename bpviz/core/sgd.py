"""Mini-batch stochastic gradient descent as a generator of progress events.

Exactly the seed's algorithm: each epoch shuffles the training data, splits it into
mini-batches of m samples and for each batch sets

    w^l → (1 − ηλ/n) w^l − (η/m) Σ_x δ^{x,l} (a^{x,l−1})^T,    b^l → b^l − (η/m) Σ_x δ^{x,l}

(λ = 0 is the seed; λ > 0 is chapter 3's L2 regularisation, n the training set size).
The sum over x is one matrix product per layer (:meth:`Network.gradient`).

The core prints nothing and reads no clock. The caller iterates the generator and decides
what to show; it can stop between any two mini-batches by closing the generator or by
calling :meth:`SGDControl.request_stop`, and can change ``control.eta`` at any time (the
next mini-batch uses it).
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from bpviz.core.network import Interrupted, Network, as_generator
from bpviz.i18n import translate


@dataclass
class SGDControl:
    """Settings a caller may change while :func:`sgd` runs (read before each mini-batch)."""

    eta: float
    _stop: threading.Event = field(default_factory=threading.Event, repr=False)
    #: (n,) the order of the training samples in the epoch under way (set by sgd at each epoch's start)
    order: np.ndarray | None = field(default=None, repr=False)

    def request_stop(self) -> None:
        self._stop.set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    def sleep(self, seconds: float) -> bool:
        """Sleep up to ``seconds``, waking early when a stop is requested; True if stopped."""
        return self._stop.wait(seconds)


@dataclass(frozen=True)
class EpochPosition:
    """Where an interrupted epoch stands, so that the next run finishes it instead of starting
    it again: its order of the training samples and the next mini-batch."""

    epoch: int            # 0-based
    order: np.ndarray     # (n,) the permutation of the training samples drawn for this epoch
    next_batch: int       # 0-based index of the first mini-batch not yet applied
    batch_size: int       # the m the epoch was cut with (another m cuts other mini-batches)


class BatchDone(NamedTuple):
    """One mini-batch was applied. ``cost`` is the batch's mean C_x before the update.

    (A NamedTuple rather than a dataclass: one is made per mini-batch and this is cheaper.)
    """

    epoch: int        # 0-based
    batch: int        # 0-based index within the epoch
    n_batches: int
    batch_size: int   # samples in this batch (the last one may be smaller)
    cost: float
    eta: float


@dataclass(frozen=True)
class EpochDone:
    """An epoch finished: training cost on the whole training set and test accuracy."""

    epoch: int
    n_epochs: int
    training_cost: float
    test_correct: int | None
    test_total: int | None
    validation_correct: int | None = None
    validation_total: int | None = None

    @property
    def test_accuracy(self) -> float | None:
        if not self.test_total:
            return None
        return self.test_correct / self.test_total

    @property
    def validation_accuracy(self) -> float | None:
        if not self.validation_total:
            return None
        return self.validation_correct / self.validation_total


@dataclass(frozen=True)
class Diverged:
    """The next update would make the network non-finite; it was not applied and SGD ended.

    The network keeps its last finite parameters.
    """

    epoch: int
    batch: int
    cost: float
    reason: str


def update_mini_batch(network: Network, X: np.ndarray, Y: np.ndarray, eta: float, lmbda: float = 0.0,
                      n: int | None = None, x_max: float | None = None) -> float | None:
    """One gradient-descent step on a mini-batch, the seed's ``update_mini_batch``.

    X: (m, n_1) finite inputs; Y: (m, n_L) targets (both in the network's dtype, unchecked);
    n: the training set size for the L2 term; x_max: max |X| if known (else computed).
    Returns the batch's mean cost before the update, or None (and changes nothing) when the
    cost is not finite or the update could overflow. Parameters are replaced by new arrays,
    never written in place.
    """
    m = X.shape[0]
    # Feedforward, BP1, BP2 for the whole mini-batch (one matmul per layer).
    zs, activations = network.forward_unchecked(X)
    deltas = network.backward(zs, activations, Y)
    cost = network.cost.total(activations[-1], Y, zs[-1]) / m
    if not math.isfinite(cost):
        return None
    decay = 1.0 - eta * lmbda / (n or m) if lmbda else 1.0
    if not abs(decay) <= 1e6:
        return None
    new_w, new_b = [], []
    bounded = network.activation.name != "relu"
    for i, (w, b, delta, a) in enumerate(zip(network.weights, network.biases, deltas, activations)):
        # |Δw_jk| = |(η/m) Σ_x δ_xj a_xk| ≤ η · max|δ| · max|a|, and |a| ≤ 1 past the input layer
        # for σ and tanh (ReLU's a is unbounded: measured): bounding it keeps the update finite
        # without scanning the large weight matrix for overflow afterwards (NaN fails the test too).
        if i == 0:
            a_max = float(np.abs(X).max()) if x_max is None else x_max
        else:
            a_max = 1.0 if bounded else float(np.maximum.reduce(a, axis=None))
        # (ufunc.reduce directly: ndarray.max/sum add a Python-level wrapper per call)
        if not float(np.maximum.reduce(np.abs(delta), axis=None)) * eta * max(a_max, 1.0) < 1e30:
            return None
        # BP3/BP4 summed over the batch and the step in one go: (η/m) Σ_x δ^{x,l} (a^{x,l−1})^T
        # is (δ·η/m)^T A^{l−1}; scaling the small δ matrix first saves a pass over w.
        step = delta * (eta / m)
        dw = step.T @ a
        new_w.append(decay * w - dw if lmbda else np.subtract(w, dw, out=dw))
        new_b.append(b - np.add.reduce(step, axis=0))
    # Rebind instead of writing in place: an array the network has handed out is never
    # changed afterwards, so a list of references is a consistent snapshot.
    network.weights[:] = new_w
    network.biases[:] = new_b
    return cost


def validate_hyperparameters(*, epochs: int, batch_size: int, eta: float, lmbda: float = 0.0) -> None:
    """Raise ValueError with a clear message for values SGD cannot run with."""
    if not isinstance(epochs, (int, np.integer)) or epochs < 1:
        raise ValueError(translate("Core", "epochs must be a whole number ≥ 1 (got {value})").format(value=epochs))
    if not isinstance(batch_size, (int, np.integer)) or batch_size < 1:
        raise ValueError(translate("Core", "mini-batch size must be a whole number ≥ 1 (got {value})").format(
            value=batch_size))
    if not (isinstance(eta, (int, float, np.floating)) and math.isfinite(eta) and eta > 0):
        raise ValueError(translate("Core", "learning rate eta must be a finite number > 0 (got {value})").format(
            value=eta))
    if not (math.isfinite(lmbda) and lmbda >= 0):
        raise ValueError(translate("Core", "regularisation lambda must be a finite number ≥ 0 (got {value})").format(
            value=lmbda))


def _xy(data) -> tuple[np.ndarray, np.ndarray]:
    """(X, labels) from a pair or from an object with ``x`` and ``labels`` attributes."""
    if hasattr(data, "x") and hasattr(data, "labels"):
        return np.asarray(data.x), np.asarray(data.labels)
    X, y = data
    return np.asarray(X), np.asarray(y)


def sgd(
    network: Network,
    train,
    *,
    epochs: int,
    batch_size: int,
    eta: float,
    lmbda: float = 0.0,
    rng: np.random.Generator | int | None = None,
    test=None,
    control: SGDControl | None = None,
    start_epoch: int = 0,
    divergence_factor: float | None = 4.0,
    divergence_window: int = 50,
    monitor: bool = True,
    validation=None,
    resume: EpochPosition | None = None,
) -> Iterator[BatchDone | EpochDone | Diverged]:
    """Train ``network`` in place, yielding a :class:`BatchDone` after each mini-batch and an
    :class:`EpochDone` after each epoch (a :class:`Diverged` ends the run early).

    ``train`` and ``test`` are ``(X, labels)`` pairs (or Datasets) with X of shape
    (n, n_1) and int labels (n,). ``control`` lets another thread change eta or stop.

    Divergence: the run ends with :class:`Diverged` when the cost or an update is not
    finite (that update is not applied), or when the mean cost of the last
    ``divergence_window`` mini-batches exceeds ``divergence_factor`` × C₀ + 1, C₀ being the
    cost on (up to 1,000 of) the training samples before this run (None disables this).

    ``validation`` (optional, like ``test``) is evaluated after each epoch too.
    ``resume``: the position of epoch ``start_epoch`` when an earlier run stopped inside it; its
    remaining mini-batches are trained first, in the same order (ignored unless it is that
    epoch, with this m and this many training samples).
    ``monitor=False`` skips the end-of-epoch training cost and test evaluation (the
    :class:`EpochDone` then carries NaN and None); benchmarks use it.
    """
    validate_hyperparameters(epochs=epochs, batch_size=batch_size, eta=eta, lmbda=lmbda)
    control = control if control is not None else SGDControl(eta=eta)
    control.eta = eta
    gen = as_generator(rng)
    X, labels = _xy(train)
    X = network.check_inputs(X)
    n = X.shape[0]
    if n == 0:
        raise ValueError("the training set is empty")
    Y = network.targets(labels, n)
    x_max = max(float(X.max()), -float(X.min()))  # max |X| without a temporary |X|; NaN stays NaN
    if not math.isfinite(x_max):
        raise ValueError("the training inputs contain NaN or infinite values")
    X_test = y_test = None
    if test is not None:
        X_test, y_test = _xy(test)
        network.check_inputs(X_test)
    n_batches = -(-n // batch_size)
    limit = math.inf
    if divergence_factor is not None:
        limit = divergence_factor * network.total_cost(X[:1000], Y[:1000]) + 1.0
    recent: deque[float] = deque(maxlen=divergence_window)
    if resume is not None and not (resume.epoch == start_epoch and resume.batch_size == batch_size
                                   and resume.order.shape == (n,) and 0 <= resume.next_batch < n_batches):
        resume = None
    for epoch in range(start_epoch, start_epoch + epochs):
        if resume is not None and epoch == start_epoch:
            perm, first = resume.order, resume.next_batch
        else:
            perm, first = gen.permutation(n), 0
        control.order = perm
        for k in range(first, n_batches):
            if control.stop_requested:
                return
            idx = perm[k * batch_size : (k + 1) * batch_size]
            Xb, Yb = X[idx], Y[idx]
            m = idx.shape[0]
            eta_now = float(control.eta)
            cost = update_mini_batch(network, Xb, Yb, eta_now, lmbda, n, x_max)
            if cost is None:
                yield Diverged(epoch, k, math.nan, translate("Core", "the cost is not a finite number or the "
                                                                     "update would overflow"))
                return
            yield BatchDone(epoch, k, n_batches, m, cost, eta_now)
            recent.append(cost)
            if len(recent) == recent.maxlen and sum(recent) / len(recent) > limit:
                yield Diverged(
                    epoch, k, cost,
                    translate("Core", "the mean cost of the last {n} mini-batches ({mean}) is far above the "
                                      "starting cost (limit {limit})").format(
                        n=len(recent), mean=f"{sum(recent) / len(recent):.3g}", limit=f"{limit:.3g}"),
                )
                return
        if monitor:
            # A large network takes seconds to evaluate: Stop is asked between batches, and a
            # stopped evaluation ends the epoch unmeasured (its mini-batches were all applied).
            stop = lambda: control.stop_requested  # noqa: E731
            try:
                training_cost = network.total_cost(X, Y, lmbda, n, stop=stop)
                correct = total = v_correct = v_total = None
                if X_test is not None:
                    correct, total = network.evaluate(X_test, y_test, stop=stop), len(y_test)
                if validation is not None and len(_xy(validation)[1]):
                    X_val, y_val = _xy(validation)
                    v_correct, v_total = network.evaluate(X_val, y_val, stop=stop), len(y_val)
            except Interrupted:
                yield EpochDone(epoch, start_epoch + epochs, math.nan, None, None)
                return
            yield EpochDone(epoch, start_epoch + epochs, training_cost, correct, total, v_correct, v_total)
        else:
            yield EpochDone(epoch, start_epoch + epochs, math.nan, None, None)
