"""What would it take to fix this one? Teaching the network one example.

:class:`Teacher` applies the seed's ``update_mini_batch`` to a batch of exactly one example (x, k) —
one gradient-descent step w^l → w^l − η δ^l (a^{l−1})^T, b^l → b^l − η δ^l — and keeps a snapshot of
the previous parameters on an undo stack, so any number of steps can be undone bit for bit. Each
:class:`TeachStep` reports the outputs and C_x before and after, the weights that moved most, and
(given a test set) what the step did to the other images."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from bpviz.core.network import Network
from bpviz.core.sgd import update_mini_batch


# -- 2. teach it this example -------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class ParameterSnapshot:
    """Copies of every w^l and b^l: :meth:`restore` puts them back bit for bit.

    Copies rather than references: the core never writes parameters in place, but a copy
    keeps the undo exact even if some other code does. (784-100-10: 318 KB per snapshot.)
    """

    weights: tuple[np.ndarray, ...]  # w^l for l = 2..L, (n_l, n_{l-1})
    biases: tuple[np.ndarray, ...]   # b^l for l = 2..L, (n_l,)

    @classmethod
    def take(cls, network: Network) -> ParameterSnapshot:
        return cls(tuple(w.copy() for w in network.weights), tuple(b.copy() for b in network.biases))

    def restore(self, network: Network) -> None:
        """Give ``network`` these parameters again (as fresh copies, so the snapshot stays valid)."""
        # set_parameters copies and casts to the network's dtype, which is the snapshot's own
        # dtype: the values come back unchanged.
        network.set_parameters(self.weights, self.biases)

    def matches(self, network: Network) -> bool:
        """True if ``network`` has exactly these parameters (bit for bit)."""
        return len(self.weights) == len(network.weights) and all(
            p.dtype == q.dtype and np.array_equal(p, q)
            for p, q in zip(self.weights + self.biases, tuple(network.weights) + tuple(network.biases))
        )


@dataclass(frozen=True)
class WeightChange:
    """One weight moved by a teaching step: w^l_jk went from ``before`` to ``before + dw``."""

    l: int        # layer of the weight's target neuron (2..L)
    j: int        # neuron in layer l
    k: int        # neuron in layer l-1
    dw: float     # Δw^l_jk = after − before
    before: float


@dataclass(frozen=True, eq=False)
class PredictionChanges:
    """What a change of parameters did to a labelled set (e.g. the test set)."""

    correct_before: int
    correct_after: int
    total: int
    changed: np.ndarray            # (c,) int64 indices whose prediction changed
    predictions_before: np.ndarray  # (n,)
    predictions_after: np.ndarray   # (n,)

    @property
    def accuracy_before(self) -> float:
        return self.correct_before / self.total if self.total else float("nan")

    @property
    def accuracy_after(self) -> float:
        return self.correct_after / self.total if self.total else float("nan")

    def __repr__(self) -> str:
        return (f"PredictionChanges({self.correct_before} → {self.correct_after} / {self.total}, "
                f"{self.changed.shape[0]} predictions changed)")


def prediction_changes(before: np.ndarray, after: np.ndarray, labels: np.ndarray) -> PredictionChanges:
    """Compare two prediction vectors (n,) on a set with int labels (n,)."""
    before, after, labels = np.asarray(before), np.asarray(after), np.asarray(labels)
    if not before.shape == after.shape == labels.shape:
        raise ValueError(f"shapes differ: {before.shape}, {after.shape}, {labels.shape}")
    return PredictionChanges(
        int(np.sum(before == labels)), int(np.sum(after == labels)), int(labels.shape[0]),
        np.flatnonzero(before != after), before, after,
    )


@dataclass(frozen=True, eq=False)
class TeachStep:
    """One gradient-descent step on the single example (x, label).

    ``snapshot`` holds the parameters from before the step (restore it to undo).
    ``cost_before``/``cost_after`` are C_x of this example alone (no L2 term).
    """

    label: int
    eta: float
    lmbda: float
    outputs_before: np.ndarray   # (n_L,) a^L before the step
    outputs_after: np.ndarray    # (n_L,) a^L after
    cost_before: float
    cost_after: float
    top_changes: tuple[WeightChange, ...]  # largest |Δw| first
    snapshot: ParameterSnapshot
    test: PredictionChanges | None = None

    @property
    def prediction_before(self) -> int:
        return int(np.argmax(self.outputs_before))

    @property
    def prediction_after(self) -> int:
        return int(np.argmax(self.outputs_after))

    def __repr__(self) -> str:
        return (f"TeachStep(label={self.label}, η={self.eta:g}, a^L_label {self.outputs_before[self.label]:.4f} → "
                f"{self.outputs_after[self.label]:.4f}, C_x {self.cost_before:.4g} → {self.cost_after:.4g})")


def example_arrays(network: Network, x: np.ndarray, label: int) -> tuple[np.ndarray, np.ndarray]:
    """(X, Y): x (n_1,) as a batch of one (1, n_1) and the one-hot target (1, n_L), both in dtype."""
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"expected one sample of shape ({network.sizes[0]},), got {x.shape}")
    X = network.check_inputs(x[None, :])
    if not np.isfinite(X).all():
        raise ValueError("the sample contains NaN or infinite values")
    n_out = network.sizes[-1]
    if not (isinstance(label, (int, np.integer)) and 0 <= label < n_out):
        raise ValueError(f"label {label} is outside 0..{n_out - 1}")
    return X, network.targets(np.array([int(label)]), 1)


def example_cost(network: Network, x: np.ndarray, label: int) -> tuple[np.ndarray, float]:
    """(a^L (n_L,), C_x) of one sample x (n_1,) for target label ``label``."""
    X, Y = example_arrays(network, x, label)
    zs, activations = network.forward_unchecked(X)
    return activations[-1][0].copy(), float(network.cost.fn(activations[-1], Y, zs[-1])[0])


def largest_changes(before: Sequence[np.ndarray], after: Sequence[np.ndarray], n: int = 20) -> tuple[WeightChange, ...]:
    """The n weights with the largest |Δw| over all layers, largest first (w^l lists, l = 2..L)."""
    # Differences in float64 so a float32 network's tiny steps are not rounded again here.
    flat = [(w1.astype(np.float64) - w0.astype(np.float64)).ravel() for w0, w1 in zip(before, after)]
    allw = np.concatenate(flat)
    n = min(n, allw.size)
    if n <= 0:
        return ()
    top = np.argpartition(-np.abs(allw), n - 1)[:n]
    top = top[np.argsort(-np.abs(allw[top]), kind="stable")]
    offsets = np.cumsum([0] + [d.size for d in flat])
    out = []
    for g in top:
        i = int(np.searchsorted(offsets, g, side="right") - 1)
        j, k = np.unravel_index(int(g - offsets[i]), before[i].shape)
        out.append(WeightChange(i + 2, int(j), int(k), float(allw[g]), float(before[i][j, k])))
    return tuple(out)


def teach_step(network: Network, x: np.ndarray, label: int, eta: float, lmbda: float = 0.0,
               n_train: int | None = None, top: int = 20) -> TeachStep:
    """Apply one gradient-descent step on the single example (x, label) to ``network`` in place.

    This *is* ``update_mini_batch(network, X, Y, eta, lmbda, n_train)`` with X = x[None, :]
    (1, n_1) and Y the one-hot target (1, n_L), i.e. m = 1: w^l → (1 − ηλ/n) w^l − η δ^l (a^{l−1})^T,
    b^l → b^l − η δ^l. ``n_train`` is the n of the L2 term (default 1, the batch itself; pass
    the training-set size to match a training run's decay). Raises ValueError (and leaves the
    network unchanged) if the step would overflow.
    """
    X, Y = example_arrays(network, x, label)
    if not (np.isfinite(eta) and eta > 0):
        raise ValueError(f"learning rate eta must be a finite number > 0 (got {eta})")
    if not (np.isfinite(lmbda) and lmbda >= 0):
        raise ValueError(f"regularisation lambda must be a finite number ≥ 0 (got {lmbda})")
    snapshot = ParameterSnapshot.take(network)
    zs, activations = network.forward_unchecked(X)
    outputs_before = activations[-1][0].copy()
    cost_before = float(network.cost.fn(activations[-1], Y, zs[-1])[0])
    if update_mini_batch(network, X, Y, float(eta), float(lmbda), n_train) is None:
        raise ValueError(f"the step with η = {eta} would make the network non-finite; nothing was changed")
    outputs_after, cost_after = example_cost(network, x, int(label))
    return TeachStep(
        int(label), float(eta), float(lmbda), outputs_before, outputs_after, cost_before, cost_after,
        largest_changes(snapshot.weights, network.weights, top), snapshot,
    )


class Teacher:
    """Teach a network single examples, one step at a time, with an exact undo stack.

    The GUI holds one Teacher per network it shows; each :meth:`step` changes
    ``network`` in place (as training does: the parameter arrays are replaced, never
    written into) and pushes the previous parameters; :meth:`undo` pops and restores them
    bit for bit. With a ``test`` set, each step also reports how many test predictions
    changed; the predictions of the current parameters are cached (and restored on undo)
    so a step costs one pass over the test set, not two.

    If something else gives the network new parameters (training, loading a model), the
    undo stack no longer describes it. The Teacher notices, because every core update
    replaces the parameter arrays: :attr:`in_sync` turns False, :attr:`can_undo` False,
    :meth:`undo` returns None instead of silently reverting the training, and the next
    :meth:`step` starts a fresh stack. (Code that writes into the arrays in place is not
    detected; call :meth:`reset` after it.)
    """

    def __init__(self, network: Network, *, eta: float, lmbda: float = 0.0, n_train: int | None = None,
                 test: tuple[np.ndarray, np.ndarray] | None = None, top: int = 20,
                 max_undo: int | None = 100) -> None:
        self.network = network
        self.eta = float(eta)
        self.lmbda = float(lmbda)
        self.n_train = n_train
        self.top = top
        self.max_undo = max_undo
        self._test: tuple[np.ndarray, np.ndarray] | None = None
        if test is not None:
            X_test, y_test = np.asarray(test[0]), np.asarray(test[1])
            network.check_inputs(X_test[:1])
            if y_test.shape != (X_test.shape[0],):
                raise ValueError(f"test images {X_test.shape} and labels {y_test.shape} do not match")
            self._test = (X_test, y_test)
        self._stack: list[TeachStep] = []
        self._predictions: np.ndarray | None = None
        # The parameter arrays the network held after our last step or undo (references, no copy).
        self._current: tuple[np.ndarray, ...] | None = None

    def _arrays(self) -> tuple[np.ndarray, ...]:
        return tuple(self.network.weights) + tuple(self.network.biases)

    @property
    def in_sync(self) -> bool:
        """False once the network holds parameters this Teacher did not put there."""
        return self._current is None or (
            len(self._current) == len(self._arrays())
            and all(a is b for a, b in zip(self._current, self._arrays()))
        )

    @property
    def history(self) -> tuple[TeachStep, ...]:
        """The steps that can still be undone, oldest first (empty when out of sync)."""
        return tuple(self._stack) if self.in_sync else ()

    @property
    def can_undo(self) -> bool:
        return bool(self._stack) and self.in_sync

    def _current_predictions(self) -> np.ndarray | None:
        if self._test is None:
            return None
        if self._predictions is None:
            self._predictions = self.network.predict(self._test[0])
        return self._predictions

    def step(self, x: np.ndarray, label: int, eta: float | None = None) -> TeachStep:
        """One step on (x, label) with ``eta`` (default the Teacher's); returns what it did.

        x: (n_1,) any input (a test image, a drawn digit); label: 0..n_L-1.
        """
        if not self.in_sync:
            self.reset()
        before = self._current_predictions()
        s = teach_step(self.network, x, label, self.eta if eta is None else eta, self.lmbda, self.n_train, self.top)
        if self._test is not None:
            after = self.network.predict(self._test[0])
            s = replace(s, test=prediction_changes(before, after, self._test[1]))
            self._predictions = after
        self._stack.append(s)
        if self.max_undo is not None and len(self._stack) > self.max_undo:
            del self._stack[0]  # the oldest snapshot falls off; undo reaches back max_undo steps
        self._current = self._arrays()
        return s

    def undo(self) -> TeachStep | None:
        """Restore the parameters from before the last step (bit for bit) and return that step.

        None if there is nothing to undo or the network changed elsewhere since (then the
        stack is dropped: its snapshots would throw that change away).
        """
        if not self.in_sync:
            self.reset()
        if not self._stack:
            return None
        s = self._stack.pop()
        self._restore(s)
        return s

    def undo_all(self) -> int:
        """Undo every step on the stack; returns how many were undone (0 when out of sync)."""
        if not self.in_sync:
            self.reset()
        n = len(self._stack)
        if n:
            self._restore(self._stack[0])
            self._stack.clear()
        return n

    def _restore(self, s: TeachStep) -> None:
        s.snapshot.restore(self.network)
        self._predictions = s.test.predictions_before if s.test is not None else None
        self._current = self._arrays()

    def reset(self) -> None:
        """Forget the undo stack and cached predictions (e.g. after the network was changed in place)."""
        self._stack.clear()
        self._predictions = None
        self._current = None

    def __repr__(self) -> str:
        return f"Teacher(η={self.eta:g}, λ={self.lmbda:g}, {len(self.history)} steps to undo)"
