import gzip
import shutil

import numpy as np
import pytest

from bpviz.data import DatasetError, assets_dir, load_dataset


def test_bundled_dataset():
    data = load_dataset()
    assert data.name == "mnist-bundled"
    assert data.train.x.shape == (10000, 784) and data.test.x.shape == (10000, 784)
    assert data.train.x.dtype == np.float32 and data.train.labels.dtype == np.int64
    assert 0.0 == data.train.x.min() and data.train.x.max() == 1.0
    assert data.train.labels[:8].tolist() == [5, 0, 4, 1, 9, 2, 1, 3]
    assert np.bincount(data.test.labels).tolist()[:3] == [980, 1135, 1032]
    assert data.train.image(0).shape == (28, 28)


def test_folder_dataset_and_errors(tmp_path):
    src = assets_dir() / "mnist"
    for f in src.glob("*.gz"):
        # raw (uncompressed) files must load too
        (tmp_path / f.name[:-3]).write_bytes(gzip.decompress(f.read_bytes()))
    data = load_dataset(tmp_path)
    assert len(data.train) == 10000 and data.name == tmp_path.name
    (tmp_path / "t10k-labels-idx1-ubyte").unlink()
    with pytest.raises(DatasetError, match="missing t10k-labels-idx1-ubyte"):
        load_dataset(tmp_path)
    with pytest.raises(DatasetError, match="unknown dataset 'nonsense'"):
        load_dataset("nonsense")


def test_mismatched_counts_are_refused(tmp_path):
    src = assets_dir() / "mnist"
    for f in src.glob("*.gz"):
        shutil.copy(f, tmp_path / f.name)
    shutil.copy(src / "train-labels-idx1-ubyte.gz", tmp_path / "t10k-labels-idx1-ubyte.gz")
    data = load_dataset(tmp_path)  # same count (10,000) so it loads ...
    assert data.test.labels[0] == 5  # ... with the labels it was given
    # a labels file with a different count is refused
    raw = bytes([0, 0, 8, 1]) + (3).to_bytes(4, "big") + bytes([1, 2, 3])
    (tmp_path / "t10k-labels-idx1-ubyte.gz").write_bytes(gzip.compress(raw))
    with pytest.raises(DatasetError, match="10000 images but .* 3 labels"):
        load_dataset(tmp_path)


def test_fashion_mnist_missing_gives_install_hint(monkeypatch, tmp_path):
    import bpviz.data.datasets as ds

    monkeypatch.setattr(ds, "FASHION_SYSTEM_DIR", tmp_path / "absent")
    with pytest.raises(DatasetError, match="apt-get install dataset-fashion-mnist"):
        load_dataset("fashion-mnist")
