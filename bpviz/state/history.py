"""The costs and accuracies of the current network's training, in bounded memory.

Every mini-batch cost is kept in full for the most recent ``recent`` mini-batches; older
ones are folded into blocks of ``block`` mini-batches that keep their minimum, maximum and
mean. The cost plot draws a min/max envelope anyway, so a run of millions of mini-batches
looks the same and costs a few hundred kilobytes instead of growing without bound.
"""

from __future__ import annotations

import csv
import enum
import os
from dataclasses import dataclass

import numpy as np

from bpviz.core import EpochDone
from bpviz.i18n import translate
from bpviz.state.events import Event

RECENT = 100_000   # mini-batches kept in full detail
BLOCK = 100        # mini-batches per summary block of the older ones
FOLD = 10_000      # fold this many at once (a multiple of BLOCK): few, cheap copies


class HandKind(str, enum.Enum):
    """A change of the weights that training did not make."""

    KEPT_UPDATE = "kept update"          # the step-through's gradient-descent update, kept
    TEACHING_STEP = "teaching step"      # one step on one sample with a chosen label
    BY_HAND = "by hand"                  # weights set some other way (e.g. restored)

    def label(self) -> str:
        return {HandKind.KEPT_UPDATE: translate("History", "kept update of the step-through"),
                HandKind.TEACHING_STEP: translate("History", "teaching step"),
                HandKind.BY_HAND: translate("History", "weights changed by hand")}[self]


@dataclass(frozen=True)
class HandUpdate:
    """A change of the weights between two training mini-batches, recorded where it happened."""

    after_batches: int        # mini-batches trained before it: on the curve at after_batches / n per epoch
    kind: HandKind
    cost: float | None        # the cost of what it learned from, before it (like a mini-batch's cost)
    what: str                 # what it was, as shown ("one teaching step on test image #8 …")


class History:
    """Mini-batch costs (recent: full; older: min/max/mean per block) and per-epoch results.

    Events: ``changed()`` after anything was added or cleared.
    """

    def __init__(self, recent: int = RECENT, block: int = BLOCK, fold: int = FOLD) -> None:
        if fold % block:
            raise ValueError("fold must be a multiple of block")
        self.recent_limit, self.block, self.fold = recent, block, fold
        self.changed = Event("history.changed")
        self.clear(notify=False)

    def clear(self, notify: bool = True) -> None:
        self._index = np.zeros(1024, dtype=np.int64)
        self._cost = np.zeros(1024)
        self._n = 0
        self.summary_start = np.zeros(0, dtype=np.int64)   # (k,) first mini-batch number of each block
        self.summary_min = np.zeros(0)
        self.summary_max = np.zeros(0)
        self.summary_mean = np.zeros(0)
        self.batches_per_epoch = 1
        self.recorded = 0             # mini-batches recorded in all (detail + summary)
        self.epochs: list[EpochDone] = []
        self.hand_updates: list[HandUpdate] = []   # kept updates, teaching steps … in order
        if notify:
            self.changed.emit()

    # -- adding ------------------------------------------------------------------------------
    def add_batches(self, index: np.ndarray, costs: np.ndarray, n_batches: int) -> None:
        """Record mini-batches ``index`` (global numbers, increasing) with their costs."""
        index, costs = np.asarray(index, dtype=np.int64), np.asarray(costs, dtype=float)
        k = index.size
        if k == 0:
            return
        self.batches_per_epoch = max(1, int(n_batches))
        if self._n + k > self._index.size:
            cap = max(2 * self._index.size, self._n + k)
            self._index = np.resize(self._index, cap)
            self._cost = np.resize(self._cost, cap)
        self._index[self._n : self._n + k] = index
        self._cost[self._n : self._n + k] = costs
        self._n += k
        self.recorded += k
        if self._n >= self.recent_limit + self.fold:
            self._fold_oldest(self.fold)
        self.changed.emit()

    def add_epoch(self, ev: EpochDone) -> None:
        self.epochs.append(ev)
        self.changed.emit()

    def add_hand_update(self, update: HandUpdate) -> None:
        """Record a change of the weights that training did not make (kept update, teaching step)."""
        self.hand_updates.append(update)
        self.changed.emit()

    def _fold_oldest(self, count: int) -> None:
        idx, cost = self._index[:count], self._cost[:count]
        blocks = cost.reshape(-1, self.block)
        self.summary_start = np.concatenate([self.summary_start, idx[:: self.block]])
        self.summary_min = np.concatenate([self.summary_min, blocks.min(axis=1)])
        self.summary_max = np.concatenate([self.summary_max, blocks.max(axis=1)])
        self.summary_mean = np.concatenate([self.summary_mean, blocks.mean(axis=1)])
        rest = self._n - count
        self._index[:rest] = self._index[count : self._n]
        self._cost[:rest] = self._cost[count : self._n]
        self._n = rest
        if self._index.size > 2 * (self.recent_limit + self.fold):  # give back what a burst grew
            self._index = self._index[: self.recent_limit + self.fold].copy()
            self._cost = self._cost[: self.recent_limit + self.fold].copy()

    # -- as arrays (session files) --------------------------------------------------------------
    def to_arrays(self) -> dict[str, np.ndarray]:
        """Everything recorded, as named copies: the detailed mini-batches, the summary blocks
        and the per-epoch results (one row per epoch; −1 where a count is absent)."""
        ep = self.epochs
        ints = lambda name: np.array([-1 if getattr(e, name) is None else int(getattr(e, name)) for e in ep],  # noqa: E731
                                     dtype=np.int64)
        return {
            "batch_index": self.batch_index.copy(), "batch_cost": self.batch_cost.copy(),
            "summary_start": self.summary_start.copy(), "summary_min": self.summary_min.copy(),
            "summary_max": self.summary_max.copy(), "summary_mean": self.summary_mean.copy(),
            "meta": np.array([self.batches_per_epoch, self.recorded, self.block], dtype=np.int64),
            "epoch": np.array([e.epoch for e in ep], dtype=np.int64),
            "epoch_n": np.array([e.n_epochs for e in ep], dtype=np.int64),
            "epoch_cost": np.array([e.training_cost for e in ep], dtype=np.float64),
            "epoch_test_correct": ints("test_correct"), "epoch_test_total": ints("test_total"),
            "epoch_validation_correct": ints("validation_correct"),
            "epoch_validation_total": ints("validation_total"),
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> History:
        """The history :meth:`to_arrays` described; ValueError naming what does not fit."""
        need = ("batch_index", "batch_cost", "summary_start", "summary_min", "summary_max", "summary_mean", "meta",
                "epoch", "epoch_n", "epoch_cost", "epoch_test_correct", "epoch_test_total",
                "epoch_validation_correct", "epoch_validation_total")
        missing = [k for k in need if k not in arrays]
        if missing:
            raise ValueError(f"history: missing {', '.join(missing)}")
        a = {k: np.asarray(arrays[k]) for k in need}
        if a["meta"].shape != (3,) or a["meta"].dtype.kind not in "iu":
            raise ValueError("history: 'meta' must hold 3 integers")
        bpe, recorded, block = (int(v) for v in a["meta"])
        if bpe < 1 or block < 1 or recorded < 0:
            raise ValueError(f"history: impossible counts (batches per epoch {bpe}, recorded {recorded}, block {block})")
        if a["batch_index"].ndim != 1 or a["batch_cost"].shape != a["batch_index"].shape:
            raise ValueError("history: mini-batch numbers and costs differ in length")
        k = a["summary_start"].shape
        if len(k) != 1 or any(a[n].shape != k for n in ("summary_min", "summary_max", "summary_mean")):
            raise ValueError("history: summary blocks differ in length")
        e = a["epoch"].shape
        if len(e) != 1 or any(a[n].shape != e for n in need[8:]):
            raise ValueError("history: per-epoch results differ in length")
        if a["batch_index"].size + k[0] * block > recorded:
            raise ValueError("history: more mini-batches stored than recorded")
        h = cls(block=block, fold=max(block, (FOLD // block) * block))
        h.summary_start = a["summary_start"].astype(np.int64)
        h.summary_min, h.summary_max, h.summary_mean = (a[n].astype(np.float64) for n in
                                                        ("summary_min", "summary_max", "summary_mean"))
        h.add_batches(a["batch_index"], a["batch_cost"], bpe)   # (folds onto the summary if it must)
        h.batches_per_epoch = bpe
        h.recorded = recorded

        def opt(v: int) -> int | None:
            return None if v < 0 else int(v)

        h.epochs = [EpochDone(int(a["epoch"][i]), int(a["epoch_n"][i]), float(a["epoch_cost"][i]),
                              opt(a["epoch_test_correct"][i]), opt(a["epoch_test_total"][i]),
                              opt(a["epoch_validation_correct"][i]), opt(a["epoch_validation_total"][i]))
                    for i in range(e[0])]
        return h

    # -- reading -----------------------------------------------------------------------------
    @property
    def batch_index(self) -> np.ndarray:
        """(n,) global numbers of the mini-batches kept in full detail (a view: do not modify)."""
        return self._index[: self._n]

    @property
    def batch_cost(self) -> np.ndarray:
        """(n,) their costs (the most recent ``recent_limit``… mini-batches)."""
        return self._cost[: self._n]

    @property
    def batch_epoch(self) -> np.ndarray:
        """x position of each detailed mini-batch in epochs (batch k of epoch e → e + (k+1)/n)."""
        return (self.batch_index + 1) / self.batches_per_epoch

    @property
    def summarised(self) -> int:
        return self.summary_start.size * self.block

    def nbytes(self) -> int:
        return (self._index.nbytes + self._cost.nbytes + self.summary_start.nbytes + self.summary_min.nbytes
                + self.summary_max.nbytes + self.summary_mean.nbytes)

    def write_csv(self, path: str | os.PathLike) -> None:
        """Epochs counted from 1, as on screen; summarised blocks as one row each (min, max, mean)."""
        bpe = self.batches_per_epoch
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["kind", "epoch", "mini_batch", "cost", "cost_min", "cost_max", "mini_batches",
                        "test_correct", "test_total", "test_accuracy", "validation_correct", "validation_total"])
            for s, lo, hi, mean in zip(self.summary_start.tolist(), self.summary_min.tolist(),
                                       self.summary_max.tolist(), self.summary_mean.tolist()):
                w.writerow(["mini-batch block", s // bpe + 1, s % bpe + 1, repr(mean), repr(lo), repr(hi),
                            self.block] + [""] * 5)
            for i, c in zip(self.batch_index.tolist(), self.batch_cost.tolist()):
                w.writerow(["mini-batch", i // bpe + 1, i % bpe + 1, repr(c), "", "", 1] + [""] * 5)

            def blank(v):
                return "" if v is None else v

            for u in self.hand_updates:
                e, k = divmod(u.after_batches, bpe)
                w.writerow([u.kind.value, e + 1, k, "" if u.cost is None else repr(u.cost), "", "", ""] + [""] * 5)
            for e in self.epochs:
                acc = "" if e.test_accuracy is None else repr(e.test_accuracy)
                w.writerow(["epoch", e.epoch + 1, "", repr(e.training_cost), "", "", "", blank(e.test_correct),
                            blank(e.test_total), acc, blank(e.validation_correct), blank(e.validation_total)])
