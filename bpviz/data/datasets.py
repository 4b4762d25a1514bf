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
* the 2-D sets ``circles``, ``quadrants``, ``spiral``, ``blobs``, ``moons`` with their settings
  (``"blobs?classes=3&noise=0.4"``, see :mod:`bpviz.data.plane`); their inputs are the chosen
  features of the points (``features=``, default x₁, x₂).
* any folder holding the four standard IDX files (``train-images-idx3-ubyte[.gz]``, …).
* your own data: a ``.csv`` file (:mod:`bpviz.data.table`) or a folder with one sub-folder of
  PNG/JPEG images per class (:mod:`bpviz.data.image_folder`).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from bpviz.data import plane
from bpviz.data.classes import DIGITS, FASHION_CLASSES
from bpviz.data.idx import IDXError, read_idx
from bpviz.data.image_folder import load_image_folder
from bpviz.data.splits import Dataset, DatasetError, DataSplits
from bpviz.data.table import load_csv
from bpviz.i18n import translate

__all__ = ["DEFAULT_DATASET", "Dataset", "DataSplits", "DatasetError", "available_datasets", "load_dataset",
           "load_folder", "needs_download", "xor_dataset"]

FASHION_SYSTEM_DIR = Path("/usr/share/datasets/fashion-mnist")
DEFAULT_DATASET = "mnist-bundled"
_FILES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}


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
    out.update(plane.plane_descriptions())
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


def data_key(name: str, features: str | tuple[str, ...] | None = None, label: str | None = None,
             test_fraction: float = 0.2) -> str:
    """One string naming a dataset with its loading options: ``name|features=x1,x2|label=y|test=0.3``
    (only options that differ from the defaults). :func:`load_dataset` reads it back."""
    parts = [str(name)]
    if features:
        parts.append("features=" + (features if isinstance(features, str) else ",".join(features)))
    if label:
        parts.append(f"label={label}")
    if test_fraction != 0.2:
        parts.append(f"test={test_fraction:g}")
    return "|".join(parts)


def parse_data_key(key: str) -> tuple[str, dict[str, str]]:
    """(name, options) from :func:`data_key`'s string; a name without options gives {}."""
    name, *rest = str(key).split("|")
    opts = {}
    for item in rest:
        k, sep, v = item.partition("=")
        if not sep or k not in ("features", "label", "test"):
            raise DatasetError(translate("Datasets", "{key}: unknown option {item} (use features=, label=, test=)")
                               .format(key=key, item=repr(item)))
        opts[k] = v
    return name, opts


def load_dataset(name: str | os.PathLike = DEFAULT_DATASET, root: str | os.PathLike | None = None, *,
                 features: str | tuple[str, ...] | None = None, label: str | None = None,
                 test_fraction: float = 0.2, seed: int = 0) -> DataSplits:
    """Load a dataset by name (see the module docstring), a folder or a CSV file.

    ``root`` overrides the download cache folder (default: ``download.data_dir()``).
    ``features``: a 2-D set's input features (default x1, x2). ``label``, ``test_fraction``,
    ``seed``: a CSV file's label column (default the last) and a CSV's or image folder's split.
    """
    from bpviz.data.download import data_dir, is_cached, remote

    MNIST, FASHION_MNIST = remote("mnist"), remote("fashion-mnist")  # noqa: N806
    key, opts = parse_data_key(str(name))
    features = opts.get("features", features)
    label = opts.get("label", label)
    test_fraction = float(opts.get("test", test_fraction))
    cache = Path(root).expanduser() if root is not None else data_dir()
    if not 0 < test_fraction < 1:
        raise DatasetError(translate("Datasets", "the test fraction must lie between 0 and 1 (got {got})").format(
            got=test_fraction))
    is_plane = plane.is_plane_name(key)
    path = Path(key).expanduser()
    is_csv = not is_plane and (path.is_file() or path.suffix.lower() in (".csv", ".txt", ".tsv"))
    # Options that do not apply to this kind of data are refused, not ignored.
    if features and not is_plane:
        raise DatasetError(translate("Datasets", "{key}: input features apply to the 2-D datasets only").format(key=key))
    if label and not is_csv:
        raise DatasetError(translate("Datasets", "{key}: a label column applies to CSV files only").format(key=key))
    fixed_split = key in (DEFAULT_DATASET, "bundled", "mnist-subset", "xor", "mnist", "fashion-mnist") or (
        path.is_dir() and any((path / stem).exists() or (path / (stem + ".gz")).exists() for stem in _FILES.values()))
    if test_fraction != 0.2 and fixed_split:
        raise DatasetError(translate("Datasets", "{key} has a fixed test set: a test fraction applies to CSV files, "
                                     "image folders and the 2-D datasets").format(key=key))
    if key in (DEFAULT_DATASET, "bundled", "mnist-subset"):
        return load_folder(assets_dir() / "mnist", DEFAULT_DATASET, DIGITS)
    if key == "xor":
        return xor_dataset()
    if is_plane:
        try:
            spec = plane.PlaneSpec.parse(key)
            if test_fraction != 0.2:   # given apart from the spec (--test-fraction, test= in a data key)
                spec = spec.with_(test_fraction=test_fraction)
            return plane.plane_dataset(spec, features)
        except ValueError as e:
            raise DatasetError(str(e)) from None

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
    if is_csv:
        return load_csv(path, label=label, test_fraction=test_fraction, seed=seed)
    if path.is_dir() and not any((path / stem).exists() or (path / (stem + ".gz")).exists() for stem in _FILES.values()):
        # no IDX file: a folder of class folders of images (its loader says what is missing)
        return load_image_folder(path, test_fraction=test_fraction, seed=seed)
    if path.is_dir():
        return load_folder(path)
    raise DatasetError(translate("Datasets", "unknown dataset {key}: use {names}, a CSV file, a folder of IDX files "
                                 "or a folder of class folders of images").format(
        key=repr(key), names=", ".join(available_datasets())))
