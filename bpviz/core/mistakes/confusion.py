"""Where does the network go wrong? The confusion matrix of a split and the images of one cell.

:func:`confusion` runs the network over a split in batches and counts (true label t, prediction p)
pairs; :meth:`Confusion.cell` lists the images of one cell with their output activations a^L,
sortable by confidence a^L_p or by the margin a^L_p − a^L_t. Labels are numbered from 0."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.core.network import Network

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
