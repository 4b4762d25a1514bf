"""Image folders: one sub-folder per class, the Draw tab's MNIST preprocessing, bad folders refused."""

import numpy as np
import pytest
from PIL import Image

from bpviz.data import DatasetError, load_dataset
from bpviz.data.image_folder import load_image_folder, read_image, save_drawing
from bpviz.data.preprocess import mnist_like


def _stroke(kind: str, size=120) -> np.ndarray:
    img = np.zeros((size, size))
    if kind == "bar":
        img[20:100, 55:65] = 1.0
    else:
        img[55:65, 20:100] = 1.0
    return img


def _save(path, arr, invert=False):
    path.parent.mkdir(parents=True, exist_ok=True)
    a = 1 - arr if invert else arr
    Image.fromarray((a * 255).astype(np.uint8)).save(path)


def test_a_folder_of_drawings(tmp_path):
    for i in range(5):
        _save(tmp_path / "bar" / f"{i}.png", _stroke("bar"))
        # PNG and JPEG, light ink on dark and (1.png) dark ink on paper
        _save(tmp_path / "dash" / f"{i}.{'png' if i < 2 else 'jpg'}", _stroke("dash"), invert=i == 1)
    (tmp_path / "bar" / "README.txt").write_text("not an image: skipped")
    d = load_dataset(str(tmp_path), test_fraction=0.2, seed=1)
    assert d.class_names == ("bar", "dash") and d.input_size == 784
    assert len(d.train) == 8 and len(d.test) == 2
    # each image is exactly the Draw tab's preprocessing of it
    expect = mnist_like(np.asarray(Image.open(tmp_path / "bar" / "0.png").convert("L"), dtype=np.float64) / 255)
    np.testing.assert_array_equal(read_image(tmp_path / "bar" / "0.png"), expect)
    # the dark-on-light one was inverted: it reads exactly like the light-on-dark one
    a, b = read_image(tmp_path / "dash" / "0.png"), read_image(tmp_path / "dash" / "1.png")
    np.testing.assert_array_equal(a, b)
    assert a.sum() > 10
    assert read_image(tmp_path / "dash" / "2.jpg").sum() > 10


def test_save_drawing_then_train_on_it(tmp_path):
    canvas = np.zeros((280, 280), dtype=np.float32)
    canvas[40:240, 130:150] = 1
    p1 = save_drawing(canvas, tmp_path, "one")
    p2 = save_drawing(canvas, tmp_path, "one")
    assert p1.name == "drawing-0001.png" and p2.name == "drawing-0002.png"
    np.testing.assert_array_equal(read_image(p1), mnist_like(canvas))
    with pytest.raises(ValueError, match="blank"):
        save_drawing(np.zeros((280, 280)), tmp_path, "one")
    with pytest.raises(ValueError):
        save_drawing(canvas, tmp_path, "../escape")


def _refused(folder, reason):
    with pytest.raises(DatasetError) as err:
        load_image_folder(folder)
    assert reason in str(err.value), str(err.value)
    return str(err.value)


def test_bad_folders_are_refused_with_the_file_and_reason(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    _refused(empty, "no class folders")
    _refused(tmp_path / "missing", "no such folder")
    noimg = tmp_path / "noimg"
    (noimg / "a").mkdir(parents=True)
    (noimg / "b").mkdir()
    (noimg / "a" / "notes.txt").write_text("x")
    _refused(noimg, "no images")
    one = tmp_path / "one"
    _save(one / "a" / "1.png", _stroke("bar"))
    _refused(one, "only one class ('a')")
    half = tmp_path / "half"
    _save(half / "a" / "1.png", _stroke("bar"))
    (half / "b").mkdir()
    _refused(half, "class folder 'b' has no images")
    junk = tmp_path / "junk"
    _save(junk / "a" / "1.png", _stroke("bar"))
    _save(junk / "b" / "1.png", _stroke("dash"))
    (junk / "b" / "2.png").write_bytes(bytes(range(256)) * 8)
    msg = _refused(junk, "not a readable PNG or JPEG image")
    assert str(junk / "b" / "2.png") in msg
    blank = tmp_path / "blank"
    _save(blank / "a" / "1.png", _stroke("bar"))
    _save(blank / "b" / "1.png", np.zeros((50, 50)))
    _refused(blank, "blank")
    # through load_dataset a folder without IDX files is read as an image folder
    with pytest.raises(DatasetError, match="no class folders"):
        load_dataset(str(empty))
