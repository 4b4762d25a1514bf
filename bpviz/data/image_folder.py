"""Your own images: a folder with one sub-folder per class of PNG/JPEG files.

Each image is read with Pillow, made greyscale in [0, 1] and put through the same MNIST
preprocessing as the Draw tab (:func:`bpviz.data.preprocess.mnist_like`: crop to the ink, fit
20×20, centre of mass at the centre of 28×28), so drawings saved from the Draw tab
(:func:`save_drawing`) train exactly as they were seen. MNIST's ink is white on black: an image
whose border is mostly light (median border value above 0.5, i.e. dark ink on paper) is
inverted first, and only such an image.

Classes are the sub-folders' names in sorted order. Files whose names do not end in .png,
.jpg or .jpeg are not images and are skipped (a README may sit beside the drawings). A file
that has such a name but cannot be read, a blank image, a class folder without images, a folder
without classes and a single class are refused with the file and the reason; nothing is
returned half-loaded. The split into training and test images is seeded.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np

from bpviz.data.preprocess import FIELD, mnist_like
from bpviz.data.splits import Dataset, DatasetError, DataSplits, split_indices
from bpviz.i18n import translate

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
#: Refuse folders with more images than this (the app holds them all in memory, 3 kB each).
MAX_IMAGES = 200_000


def _images(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)


def class_folders(folder: str | os.PathLike) -> list[Path]:
    """The sub-folders of ``folder`` (sorted by name), hidden ones left out."""
    folder = Path(folder)
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def is_image_folder(folder: str | os.PathLike) -> bool:
    """True when ``folder`` has at least one sub-folder holding a .png/.jpg/.jpeg file."""
    try:
        return any(_images(c) for c in class_folders(folder))
    except OSError:
        return False


def read_image(path: Path) -> np.ndarray:
    """One image file as a 28×28 float32 MNIST-like array (white ink on black); DatasetError if unusable."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as im:
            im.load()
            grey = np.asarray(im.convert("L"), dtype=np.float64) / 255.0
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as e:
        raise DatasetError(translate("Datasets", "{path}: not a readable PNG or JPEG image ({why})").format(
            path=path, why=type(e).__name__)) from None
    if grey.ndim != 2 or min(grey.shape) < 1:
        raise DatasetError(translate("Datasets", "{path}: the image has no pixels").format(path=path))
    border = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
    if np.median(border) > 0.5:      # dark ink on a light background: MNIST has white ink on black
        grey = 1.0 - grey
    out = mnist_like(grey)
    if out is None:
        raise DatasetError(translate("Datasets", "{path}: the image is blank (no ink after preprocessing)").format(
            path=path))
    return out


def load_image_folder(folder: str | os.PathLike, *, test_fraction: float = 0.2, seed: int = 0) -> DataSplits:
    """Read every class sub-folder's images (see the module docstring) into training and test sets."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise DatasetError(translate("Datasets", "{folder}: no such folder").format(folder=folder))
    if not 0 < test_fraction < 1:
        raise DatasetError(translate("Datasets", "the test fraction must lie between 0 and 1 (got {got})").format(
            got=test_fraction))
    classes = class_folders(folder)
    if not classes:
        raise DatasetError(translate("Datasets", "{folder}: no class folders (put each class's images in a sub-folder "
                                     "named after the class)").format(folder=folder))
    files = [(c, _images(c)) for c in classes]
    if not any(f for _, f in files):
        raise DatasetError(translate("Datasets", "{folder}: no images (.png, .jpg or .jpeg) in its class folders")
                           .format(folder=folder))
    for c, f in files:
        if not f:
            raise DatasetError(translate("Datasets", "{folder}: class folder {name} has no images (.png, .jpg or .jpeg)")
                               .format(folder=folder, name=repr(c.name)))
    if len(classes) < 2:
        raise DatasetError(translate("Datasets", "{folder}: only one class ({name}); a classifier needs at least two "
                                     "class folders").format(folder=folder, name=repr(classes[0].name)))
    total = sum(len(f) for _, f in files)
    if total > MAX_IMAGES:
        raise DatasetError(translate("Datasets", "{folder}: {n} images, more than the {limit} a folder may have").format(
            folder=folder, n=f"{total:,}", limit=f"{MAX_IMAGES:,}"))
    x = np.empty((total, FIELD * FIELD), dtype=np.float32)
    labels = np.empty(total, dtype=np.int64)
    i = 0
    for k, (_, paths) in enumerate(files):
        for p in paths:
            x[i] = read_image(p).ravel()
            labels[i] = k
            i += 1
    names = tuple(c.name for c in classes)
    tr, te = split_indices(total, test_fraction, seed)
    name = folder.name
    return DataSplits(name, Dataset(x[tr], labels[tr], f"{name} train", names),
                      Dataset(x[te], labels[te], f"{name} test", names), None, names, str(folder), "images")


_SAFE = re.compile(r"^[^/\\:*?\"<>|\x00-\x1f]+$")


def save_drawing(canvas: np.ndarray, folder: str | os.PathLike, class_name: str) -> Path:
    """Save a drawing (H, W) in [0, 1], white ink on black, as the next ``drawing-NNNN.png`` in
    ``folder/class_name`` (created if needed); returns the file written. Nothing is overwritten."""
    from PIL import Image

    name = str(class_name).strip()
    if not name or name in (".", "..") or not _SAFE.match(name):
        raise ValueError(translate("Datasets", "{name} cannot be a class folder's name").format(name=repr(class_name)))
    img = np.asarray(canvas, dtype=np.float64)
    if img.ndim != 2 or not np.isfinite(img).all():
        raise ValueError("a drawing is a 2-D array of finite values")
    if not (img > 0.05).any():
        raise ValueError(translate("Datasets", "the canvas is blank: draw something first"))
    target = Path(folder).expanduser() / name
    target.mkdir(parents=True, exist_ok=True)
    n = 1 + max((int(m.group(1)) for p in target.glob("drawing-*.png")
                 if (m := re.fullmatch(r"drawing-(\d+)\.png", p.name))), default=0)
    path = target / f"drawing-{n:04d}.png"
    data = (np.clip(img, 0, 1) * 255 + 0.5).astype(np.uint8)
    with open(path, "xb") as f:                    # "x": never overwrite a drawing saved meanwhile
        Image.fromarray(data).save(f, format="PNG")
    return path
