"""The containers every loader fills: :class:`Dataset` (inputs and labels), :class:`DataSplits`
(training, test and maybe validation sets with what describes them) and :class:`DatasetError`;
plus the seeded split every own-data loader uses. NumPy only."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.data.classes import DIGITS


class DatasetError(ValueError):
    """A dataset could not be found or read (the message says which and why)."""


@dataclass(frozen=True, eq=False)
class Dataset:
    """Images as rows and their labels.

    x: (n, 784) float32 in [0, 1] (row-major 28×28 images); labels: (n,) int64.
    """

    x: np.ndarray
    labels: np.ndarray
    name: str = ""
    class_names: tuple[str, ...] = DIGITS
    points: np.ndarray | None = None   # 2-D sets: the points (n, 2) float64 whose features x holds

    def __post_init__(self) -> None:
        if self.x.ndim != 2 or self.labels.shape != (self.x.shape[0],):
            raise ValueError(f"images {self.x.shape} and labels {self.labels.shape} do not match")
        if self.points is not None and self.points.shape != (self.x.shape[0], 2):
            raise ValueError(f"points {self.points.shape} and inputs {self.x.shape} do not match")

    def __len__(self) -> int:
        return self.x.shape[0]

    @property
    def image_shape(self) -> tuple[int, int]:
        side = int(round(self.x.shape[1] ** 0.5))
        return (side, side) if side * side == self.x.shape[1] else (1, self.x.shape[1])

    def image(self, i: int) -> np.ndarray:
        """Sample i as a 2-D image (28, 28)."""
        return self.x[i].reshape(self.image_shape)

    def subset(self, n: int) -> Dataset:
        return Dataset(self.x[:n], self.labels[:n], self.name, self.class_names,
                       None if self.points is None else self.points[:n])

    def __repr__(self) -> str:
        return f"Dataset({self.name!r}, {len(self)} samples of {self.x.shape[1]})"


@dataclass(frozen=True, eq=False)
class DataSplits:
    name: str
    train: Dataset
    test: Dataset
    validation: Dataset | None = None
    class_names: tuple[str, ...] = DIGITS
    source: str = ""
    #: "images" (28×28 rows), "plane" (2-D points and their features) or "table" (a CSV's columns)
    kind: str = "images"
    #: the input features: a 2-D set's feature names (x1, x1x2, …) or a table's column names
    features: tuple[str, ...] = ()
    #: a table's standardisation, x = (raw − mean) / std with the training split's mean and std (n_1,)
    mean: np.ndarray | None = None
    std: np.ndarray | None = None

    @property
    def is_plane(self) -> bool:
        return self.kind == "plane"

    @property
    def input_size(self) -> int:
        return self.train.x.shape[1]

    @property
    def n_classes(self) -> int:
        return len(self.class_names)


def split_indices(n: int, test_fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """A seeded split of range(n) into (train, test) index arrays, at least one in each (n ≥ 2)."""
    rng = np.random.default_rng([seed, 7])
    order = rng.permutation(n)
    n_test = min(max(1, int(round(n * test_fraction))), n - 1)
    return np.sort(order[n_test:]), np.sort(order[:n_test])
