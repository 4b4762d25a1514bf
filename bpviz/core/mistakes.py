"""Learning from mistakes: the confusion matrix, teaching one example, which pixels matter.

Three questions a learner asks of a trained network, each answered with the core's own
feedforward and backpropagation (pure NumPy: no Qt, no clock, no printing, no files):

1. **Where does it go wrong?** :func:`confusion` runs the network over a split in batches
   and counts (true label t, prediction p) pairs; :meth:`Confusion.cell` lists the images of
   one cell with their output activations a^L, sortable by confidence a^L_p or by the
   margin a^L_p − a^L_t.
2. **What would it take to fix this one?** :class:`Teacher` applies the seed's
   ``update_mini_batch`` to a batch of exactly one example (x, k) — one gradient-descent
   step w^l → w^l − η δ^l (a^{l−1})^T, b^l → b^l − η δ^l — and keeps a snapshot of the
   previous parameters on an undo stack, so any number of steps can be undone bit for bit.
   Each :class:`TeachStep` reports the outputs and C_x before and after, the weights that
   moved most, and (given a test set) what the step did to the other images.
3. **Which pixels matter?** BP2 does not have to stop at layer 2: one more product gives
   ∂C/∂x = (w^2)^T δ^2, the sensitivity of C_x to every input pixel (:func:`input_gradient`).
   :func:`nudge` moves the input a small step against it, :func:`nudge_until` repeats
   until the prediction becomes the target — the same equations, applied to the input
   instead of the weights.

Labels and neurons are numbered from 0, layers from 1 (the input) as in the book.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from bpviz.core.network import Network
from bpviz.core.sgd import update_mini_batch

SORT_KEYS = ("confidence", "margin", "index")


# -- 1. confusion matrix and the images of one cell -------------------------------------------
@dataclass(frozen=True)
class ConfusedPair:
    """One off-diagonal cell: ``count`` images of class ``true_label`` were predicted ``predicted``."""

    true_label: int
    predicted: int
    count: int


@dataclass(frozen=True, eq=False)
class CellImages:
    """The images of one confusion-matrix cell (true label t, prediction p), in display order.

    ``indices`` index the split the confusion was computed on. For the diagonal (t = p) the
    margin is 0 for every image.
    """

    true_label: int
    predicted: int
    indices: np.ndarray     # (k,) int64, positions in the split
    outputs: np.ndarray     # (k, n_L) output activations a^L of those images
    order: str              # how the rows are sorted (one of SORT_KEYS)

    @property
    def confidence(self) -> np.ndarray:
        """a^L_p of each image, shape (k,): how strongly the network chose p."""
        return self.outputs[:, self.predicted]

    @property
    def margin(self) -> np.ndarray:
        """a^L_p − a^L_t of each image, shape (k,): how far the true class is behind."""
        return self.outputs[:, self.predicted] - self.outputs[:, self.true_label]

    def __len__(self) -> int:
        return int(self.indices.shape[0])

    def __repr__(self) -> str:
        return f"CellImages(true={self.true_label}, predicted={self.predicted}, n={len(self)}, order={self.order!r})"


@dataclass(frozen=True, eq=False)
class Confusion:
    """Predictions of a network on a split and their confusion matrix.

    ``matrix[t, p]`` counts the images with true label t predicted as p (rows: true label,
    columns: prediction), shape (n_L, n_L), int64. ``outputs`` keeps every image's a^L
    (n, n_L) so the gallery of any cell needs no second pass over the data.
    """

    matrix: np.ndarray       # (n_L, n_L) int64
    labels: np.ndarray       # (n,) true labels
    predictions: np.ndarray  # (n,) argmax of a^L, as Network.predict
    outputs: np.ndarray      # (n, n_L) a^L

    @property
    def total(self) -> int:
        return int(self.labels.shape[0])

    @property
    def correct(self) -> int:
        """The diagonal's sum: equals ``Network.evaluate`` on the same split."""
        return int(np.trace(self.matrix))

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else float("nan")

    def most_confused(self, n: int | None = 10) -> list[ConfusedPair]:
        """Off-diagonal cells with a non-zero count, largest first (ties: by t, then p); at most n."""
        m = self.matrix.copy()
        np.fill_diagonal(m, 0)
        t, p = np.nonzero(m)
        counts = m[t, p]
        # lexsort's last key is the primary one: count descending, then t, then p ascending.
        order = np.lexsort((p, t, -counts))
        pairs = [ConfusedPair(int(t[i]), int(p[i]), int(counts[i])) for i in order]
        return pairs if n is None else pairs[:n]

    def cell(self, true_label: int, predicted: int, order: str = "confidence") -> CellImages:
        """The images with this true label and this prediction, sorted by ``order``.

        ``"confidence"``: a^L_p descending (the most confident mistakes first);
        ``"margin"``: a^L_p − a^L_t descending; ``"index"``: dataset order. Ties keep
        dataset order (stable sort).
        """
        n_out = self.matrix.shape[0]
        for name, v in (("true label", true_label), ("prediction", predicted)):
            if not 0 <= int(v) < n_out:
                raise ValueError(f"{name} {v} is outside 0..{n_out - 1}")
        if order not in SORT_KEYS:
            raise ValueError(f"unknown order {order!r}; choose one of {', '.join(SORT_KEYS)}")
        t, p = int(true_label), int(predicted)
        idx = np.flatnonzero((self.labels == t) & (self.predictions == p))
        out = self.outputs[idx]
        if order == "confidence":
            key = out[:, p]
        elif order == "margin":
            key = out[:, p] - out[:, t]
        else:
            key = None
        if key is not None:
            perm = np.argsort(-key.astype(np.float64), kind="stable")
            idx, out = idx[perm], out[perm]
        return CellImages(t, p, idx, out, order)

    def __repr__(self) -> str:
        return f"Confusion({self.correct} / {self.total} correct, {self.matrix.shape[0]} classes)"


def confusion(network: Network, X: np.ndarray, labels: np.ndarray, batch: int = 2048) -> Confusion:
    """The confusion matrix of ``network`` on images X (n, n_1) with int labels (n,).

    Feedforward runs in batches of ``batch`` rows (the same batching as ``Network.predict``,
    so the predictions are the core's exactly); memory stays O(batch × widest layer).
    """
    X = np.asarray(X)
    labels = np.asarray(labels)
    if X.ndim != 2 or labels.shape != (X.shape[0],):
        raise ValueError(f"images {X.shape} and labels {labels.shape} do not match")
    n_out = network.sizes[-1]
    if labels.size and (labels.min() < 0 or labels.max() >= n_out):
        raise ValueError(f"labels must lie in 0..{n_out - 1} for a network with {n_out} outputs")
    parts = [network.feedforward(X[i : i + batch]) for i in range(0, X.shape[0], batch)]
    outputs = np.concatenate(parts) if parts else np.zeros((0, n_out), dtype=network.dtype)
    predictions = np.argmax(outputs, axis=1) if parts else np.zeros(0, dtype=np.int64)
    labels = labels.astype(np.int64, copy=False)
    # One bincount over the flattened (t, p) index counts every cell at once.
    matrix = np.bincount(labels * n_out + predictions, minlength=n_out * n_out).reshape(n_out, n_out)
    return Confusion(matrix.astype(np.int64), labels, predictions.astype(np.int64), outputs)


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


def _example(network: Network, x: np.ndarray, label: int) -> tuple[np.ndarray, np.ndarray]:
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
    X, Y = _example(network, x, label)
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
    X, Y = _example(network, x, label)
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


# -- 3. which pixels matter -------------------------------------------------------------------
def input_gradient(network: Network, x: np.ndarray, label: int) -> np.ndarray:
    """∂C_x/∂x, shape (n_1,): BP2 carried one layer further, (w^2)^T δ^2.

    z^2 = w^2 x + b^2, so ∂C/∂x_k = Σ_j w^2_jk ∂C/∂z^2_j = ((w^2)^T δ^2)_k. Unlike δ^l for
    l ≥ 2 there is no σ′ factor: the input is not the output of a sigmoid. Computed in the
    network's dtype; target is the one-hot vector of ``label``.
    """
    X, Y = _example(network, x, label)
    zs, activations = network.forward_unchecked(X)
    deltas = network.backward(zs, activations, Y)
    return (deltas[0] @ network.weights[0])[0]  # row form of (w^2)^T δ^2


def as_image(v: np.ndarray) -> np.ndarray:
    """A per-pixel vector (n_1,) as a square image (side, side), e.g. 784 → 28×28 (a view)."""
    v = np.asarray(v)
    side = int(round(v.shape[0] ** 0.5))
    if side * side != v.shape[0]:
        raise ValueError(f"{v.shape[0]} pixels do not form a square image")
    return v.reshape(side, side)


@dataclass(frozen=True, eq=False)
class NudgeStep:
    """The input after one or more nudges towards ``target``.

    ``changed_pixels`` counts pixels that differ from the original input by more than
    ``threshold``; ``max_change`` is the largest such difference (L∞ distance).
    """

    x: np.ndarray         # (n_1,) the nudged input, in [0, 1]
    outputs: np.ndarray   # (n_L,) a^L of the nudged input
    cost: float           # C_x of the nudged input for the target
    target: int
    changed_pixels: int
    max_change: float
    threshold: float

    @property
    def prediction(self) -> int:
        return int(np.argmax(self.outputs))


def nudge(network: Network, x: np.ndarray, target: int, step: float = 0.02, *,
          original: np.ndarray | None = None, threshold: float = 0.05) -> NudgeStep:
    """Move x one step against ∂C_x/∂x for ``target``, clip to [0, 1], re-predict.

    The step rule is x ← clip(x − ε g / max|g|, 0, 1), where g is ∂C/∂x with the pixels
    that cannot move (at 0 and pushed down, at 1 and pushed up) set to 0:

    * dividing by max|g| makes ε a brightness: the most influential movable pixel changes
      by exactly ε, others in proportion to their gradient. A plain step η·g would need a
      different η for every image and every network, because |g| spans orders of magnitude
      (and shrinks as the output saturates, where a plain step stalls);
    * keeping the gradient's shape (unlike a sign step) leaves unimportant pixels almost
      untouched, which is what lets the learner see *few* pixels change the answer;
    * ignoring stuck pixels in the maximum keeps a pixel that clipping would block from
      shrinking everybody else's step.

    For small ε the first-order change of C is −ε Σ g²/max|g| ≤ 0: a small step never
    increases the cost. ``original`` (default x) is what ``changed_pixels`` is measured
    against, so a run of nudges counts pixels changed since the start.
    """
    if not (np.isfinite(step) and step > 0):
        raise ValueError(f"the nudge step must be a finite number > 0 (got {step})")
    x = np.asarray(x)
    g = input_gradient(network, x, target)
    xd = x.astype(network.dtype)
    # Moving along −g: a pixel at 0 with g > 0 would go below 0, one at 1 with g < 0 above 1.
    stuck = ((xd <= 0) & (g > 0)) | ((xd >= 1) & (g < 0))
    g = np.where(stuck, 0, g)
    gmax = float(np.max(np.abs(g))) if g.size else 0.0
    new = xd if gmax == 0 else np.clip(xd - (step / gmax) * g, 0, 1).astype(network.dtype)
    outputs, cost = example_cost(network, new, target)
    ref = xd if original is None else np.asarray(original, dtype=network.dtype)
    diff = np.abs(new.astype(np.float64) - ref.astype(np.float64))
    return NudgeStep(new, outputs, cost, int(target), int(np.sum(diff > threshold)),
                     float(diff.max(initial=0.0)), float(threshold))


@dataclass(frozen=True, eq=False)
class NudgeRun:
    """Successive nudges of one input towards ``target`` (``steps[i]`` is after i + 1 nudges)."""

    x0: np.ndarray             # (n_1,) the original input
    outputs0: np.ndarray       # (n_L,) its a^L
    cost0: float               # its C_x for the target
    target: int
    steps: tuple[NudgeStep, ...]

    @property
    def reached(self) -> bool:
        """True if the last step predicts the target."""
        outputs = self.steps[-1].outputs if self.steps else self.outputs0
        return int(np.argmax(outputs)) == self.target

    @property
    def final(self) -> NudgeStep | None:
        return self.steps[-1] if self.steps else None


def nudge_until(network: Network, x: np.ndarray, target: int, step: float = 0.02, max_steps: int = 100,
                threshold: float = 0.05) -> NudgeRun:
    """Nudge x towards ``target`` until the prediction is ``target`` or ``max_steps`` nudges.

    Stops early (with no step) if x is already predicted as ``target``, and when a nudge
    no longer changes x (every useful pixel is at its bound).
    """
    if not (isinstance(max_steps, (int, np.integer)) and max_steps >= 0):
        raise ValueError(f"max_steps must be a whole number ≥ 0 (got {max_steps})")
    x0 = np.asarray(x).astype(network.dtype)
    outputs0, cost0 = example_cost(network, x0, target)
    steps: list[NudgeStep] = []
    current, prediction = x0, int(np.argmax(outputs0))
    while prediction != target and len(steps) < max_steps:
        s = nudge(network, current, target, step, original=x0, threshold=threshold)
        if np.array_equal(s.x, current):
            break
        steps.append(s)
        current, prediction = s.x, s.prediction
    return NudgeRun(x0, outputs0, cost0, int(target), tuple(steps))
