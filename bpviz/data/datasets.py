"""Datasets: images as float32 rows in [0, 1], labels as ints.

``load_dataset(name_or_folder)`` returns a :class:`DataSplits` with ``train`` and ``test``
(and ``validation`` when the source has one). Names:

* ``mnist-bundled`` (default): the 10,000-image MNIST training subset and the official
  10,000-image test set shipped in ``assets/mnist`` (see ``assets/NOTICE``).
* ``mnist``: the full MNIST from the download cache (``bpviz data fetch mnist``), split like
  the book: 50,000 training, 10,000 validation, 10,000 test images.
* ``fashion-mnist``: Debian's ``dataset-fashion-mnist`` package folder when installed, else
  the download cache.
* ``xor``: a small synthetic two-input, two-class set for tiny networks such as [2, 3, 2].
* any folder holding the four standard IDX files (``train-images-idx3-ubyte[.gz]``, …).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bpviz.data.classes import DIGITS, FASHION_CLASSES
from bpviz.data.idx import IDXError, read_idx
from bpviz.i18n import translate

FASHION_SYSTEM_DIR = Path("/usr/share/datasets/fashion-mnist")
DEFAULT_DATASET = "mnist-bundled"
_FILES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}


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

    def __post_init__(self) -> None:
        if self.x.ndim != 2 or self.labels.shape != (self.x.shape[0],):
            raise ValueError(f"images {self.x.shape} and labels {self.labels.shape} do not match")

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
        return Dataset(self.x[:n], self.labels[:n], self.name, self.class_names)

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

    @property
    def input_size(self) -> int:
        return self.train.x.shape[1]

    @property
    def n_classes(self) -> int:
        return len(self.class_names)


def assets_dir() -> Path:
    """The bundled ``assets`` folder: inside the installed package (wheel) or the source tree."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "assets", here.parent / "assets"):
        if (candidate / "mnist").is_dir():
            return candidate
    raise DatasetError(
        f"bundled assets not found (looked in {here / 'assets'} and {here.parent / 'assets'}); "
        "reinstall bpviz"
    )


def _find(folder: Path, stem: str) -> Path:
    for name in (stem + ".gz", stem, stem.replace("-idx", ".idx")):
        p = folder / name
        if p.is_file():
            return p
    raise DatasetError(translate("Datasets", "{folder}: missing {stem}.gz (or {stem}); a dataset folder needs the four "
                                 "standard IDX files").format(folder=folder, stem=stem))


def images_to_rows(images: np.ndarray) -> np.ndarray:
    """(n, 28, 28) uint8 → (n, 784) float32 in [0, 1]."""
    n = images.shape[0]
    out = np.empty((n, int(np.prod(images.shape[1:]))), dtype=np.float32)
    np.multiply(images.reshape(n, -1), np.float32(1 / 255), out=out, casting="unsafe")
    return out


def _load_pair(images_path: Path, labels_path: Path, name: str, classes: tuple[str, ...]) -> Dataset:
    images, labels = read_idx(images_path), read_idx(labels_path)
    if images.ndim != 3 or images.dtype != np.uint8:
        raise DatasetError(translate("Datasets", "{path}: expected uint8 images of shape (n, rows, cols), got {dtype} "
                                     "{shape}").format(path=images_path, dtype=images.dtype, shape=images.shape))
    if labels.ndim != 1 or labels.dtype != np.uint8:
        raise DatasetError(translate("Datasets", "{path}: expected uint8 labels of shape (n,), got {dtype} {shape}")
                           .format(path=labels_path, dtype=labels.dtype, shape=labels.shape))
    if labels.shape[0] != images.shape[0]:
        raise DatasetError(translate("Datasets", "{path}: {n} images but {labels} has {m} labels").format(
            path=images_path, n=images.shape[0], labels=labels_path.name, m=labels.shape[0]))
    if labels.size and labels.max() >= len(classes):
        raise DatasetError(translate("Datasets", "{path}: label {label} outside 0..{last}").format(
            path=labels_path, label=int(labels.max()), last=len(classes) - 1))
    return Dataset(images_to_rows(images), labels.astype(np.int64), name, classes)


def load_folder(folder: str | os.PathLike, name: str | None = None,
                class_names: tuple[str, ...] | None = None) -> DataSplits:
    """Load a folder holding the four standard IDX files."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise DatasetError(translate("Datasets", "{folder}: no such folder").format(folder=folder))
    name = name or folder.name
    classes = class_names or (FASHION_CLASSES if "fashion" in str(folder).lower() else DIGITS)
    paths = {k: _find(folder, v) for k, v in _FILES.items()}
    try:
        train = _load_pair(paths["train_images"], paths["train_labels"], f"{name} train", classes)
        test = _load_pair(paths["test_images"], paths["test_labels"], f"{name} test", classes)
    except IDXError as e:
        raise DatasetError(str(e)) from None
    if train.x.shape[1] != test.x.shape[1]:
        raise DatasetError(translate("Datasets", "{folder}: training images have {n} pixels, test images {m}").format(
            folder=folder, n=train.x.shape[1], m=test.x.shape[1]))
    return DataSplits(name, train, test, None, classes, str(folder))


XOR_CLASSES = ("same", "different")


def xor_dataset(n_train: int = 2000, n_test: int = 500, seed: int = 0) -> DataSplits:
    """Points in the unit square labelled by whether they lie in the same half in x and y
    (XOR): two inputs, two classes, not linearly separable — made for tiny networks like
    [2, 3, 2] whose every weight the view can label."""
    rng = np.random.default_rng(seed)
    x = rng.random((n_train + n_test, 2)).astype(np.float32)
    labels = ((x[:, 0] > 0.5) ^ (x[:, 1] > 0.5)).astype(np.int64)
    train = Dataset(x[:n_train], labels[:n_train], "xor train", XOR_CLASSES)
    test = Dataset(x[n_train:], labels[n_train:], "xor test", XOR_CLASSES)
    return DataSplits("xor", train, test, None, XOR_CLASSES, "synthetic")


def available_datasets(root: Path | None = None) -> dict[str, str]:
    """Dataset names → a human description (saying when a download is needed)."""
    from bpviz.data.download import is_cached, remote

    MNIST, FASHION_MNIST = remote("mnist"), remote("fashion-mnist")  # noqa: N806
    out = {DEFAULT_DATASET: translate("Datasets", "MNIST, bundled subset (10,000 train / 10,000 test)")}
    out["mnist"] = (translate("Datasets", "MNIST, full (50,000 train / 10,000 validation / 10,000 test)")
                    if is_cached(MNIST, root) else
                    translate("Datasets", "MNIST, full (download {mb} MB)").format(mb=f"{MNIST.download_mb:g}"))
    if FASHION_SYSTEM_DIR.is_dir() or is_cached(FASHION_MNIST, root):
        out["fashion-mnist"] = translate("Datasets", "Fashion-MNIST (60,000 train / 10,000 test)")
    else:
        out["fashion-mnist"] = translate("Datasets", "Fashion-MNIST (download {mb} MB)").format(
            mb=f"{FASHION_MNIST.download_mb:g}")
    out["xor"] = translate("Datasets", "XOR of two inputs (synthetic; for tiny nets like 2,3,2)")
    return out


def dataset_title(name: str) -> str:
    """The name to show for a dataset id (translated): "mnist-bundled" → "MNIST (bundled subset)"; a
    folder's own name is shown as it is."""
    titles = {DEFAULT_DATASET: translate("Datasets", "MNIST (bundled subset)"),
              "mnist": translate("Datasets", "MNIST (full)"),
              "fashion-mnist": translate("Datasets", "Fashion-MNIST"),
              "xor": translate("Datasets", "XOR")}
    return titles.get(name, name)


def needs_download(name: str, root: Path | None = None) -> bool:
    """True when ``name`` is a downloadable dataset that is not on this machine yet."""
    from bpviz.data.download import REMOTE_NAMES, is_cached, remote

    if name not in REMOTE_NAMES:
        return False
    if name == "fashion-mnist" and FASHION_SYSTEM_DIR.is_dir():
        return False
    return not is_cached(remote(name), root)


def load_dataset(name: str | os.PathLike = DEFAULT_DATASET, root: str | os.PathLike | None = None) -> DataSplits:
    """Load a dataset by name (see the module docstring) or from a folder of IDX files.

    ``root`` overrides the download cache folder (default: ``download.data_dir()``).
    """
    from bpviz.data.download import data_dir, is_cached, remote

    MNIST, FASHION_MNIST = remote("mnist"), remote("fashion-mnist")  # noqa: N806
    key = str(name)
    cache = Path(root).expanduser() if root is not None else data_dir()
    if key in (DEFAULT_DATASET, "bundled", "mnist-subset"):
        return load_folder(assets_dir() / "mnist", DEFAULT_DATASET, DIGITS)
    if key == "xor":
        return xor_dataset()
    if key == "mnist":
        if not is_cached(MNIST, cache):
            raise DatasetError(translate(
                "Datasets", "full MNIST is not downloaded yet ({mb} MB): run '{command}' or pick it in the app's "
                "dataset list (cache folder {folder})").format(mb=f"{MNIST.download_mb:g}",
                                                               command="bpviz data fetch mnist", folder=cache / "mnist"))
        full = load_folder(cache / "mnist", "mnist", DIGITS)
        # The book's split: the first 50,000 training images train, the last 10,000 validate.
        tr = full.train
        train = Dataset(tr.x[:50000], tr.labels[:50000], "mnist train", DIGITS)
        validation = Dataset(tr.x[50000:], tr.labels[50000:], "mnist validation", DIGITS)
        return DataSplits("mnist", train, full.test, validation, DIGITS, full.source)
    if key == "fashion-mnist":
        if FASHION_SYSTEM_DIR.is_dir():
            return load_folder(FASHION_SYSTEM_DIR, "fashion-mnist", FASHION_CLASSES)
        if is_cached(FASHION_MNIST, cache):
            return load_folder(cache / "fashion-mnist", "fashion-mnist", FASHION_CLASSES)
        raise DatasetError(translate(
            "Datasets", "Fashion-MNIST is not on this machine: '{fetch}' downloads it, '{apt}' installs it in "
            "{folder}, or pass a folder holding its four IDX files").format(
            fetch="bpviz data fetch fashion-mnist", apt="apt-get install dataset-fashion-mnist",
            folder=FASHION_SYSTEM_DIR))
    path = Path(key).expanduser()
    if path.is_dir():
        return load_folder(path)
    raise DatasetError(translate("Datasets", "unknown dataset {key}: use {names} or a folder of IDX files").format(
        key=repr(key), names=", ".join(available_datasets())))
