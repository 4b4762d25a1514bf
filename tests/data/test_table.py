"""CSV tables: labels, standardisation with the training split, the bundled iris, a corpus of bad files."""

import numpy as np
import pytest

from bpviz.data import DatasetError, assets_dir, load_dataset
from bpviz.data.table import load_csv

GOOD = "a,b,kind\n1,10,cat\n2,20,dog\n3,30,cat\n4,40,dog\n5,50,cat\n6,60,dog\n7,70,cat\n8,80,dog\n9,90,cat\n10,100,dog\n"


def _write(tmp_path, text, name="t.csv"):
    p = tmp_path / name
    p.write_bytes(text.encode() if isinstance(text, str) else text)
    return p


def test_a_good_table(tmp_path):
    d = load_csv(_write(tmp_path, GOOD), test_fraction=0.2, seed=3)
    assert d.kind == "table" and d.features == ("a", "b") and d.class_names == ("cat", "dog")
    assert len(d.train) == 8 and len(d.test) == 2
    raw = np.array([[i, 10 * i] for i in range(1, 11)], dtype=np.float64)
    labels = np.array([0, 1] * 5)
    # standardised with the training rows' mean and std; test rows with the same numbers
    train_raw = d.train.x * d.std + d.mean
    test_raw = d.test.x * d.std + d.mean
    for X, y in ((train_raw, d.train.labels), (test_raw, d.test.labels)):
        for row, lab in zip(X, y):
            i = int(round(row[0])) - 1
            np.testing.assert_allclose(row, raw[i], rtol=1e-6)
            assert lab == labels[i]
    np.testing.assert_allclose(d.mean, train_raw.mean(axis=0), rtol=1e-6)
    np.testing.assert_allclose(d.train.x.mean(axis=0), 0, atol=1e-6)
    np.testing.assert_allclose(d.train.x.std(axis=0), 1, atol=1e-6)
    # the seed decides the split
    assert not np.array_equal(load_csv(_write(tmp_path, GOOD), seed=4).test.x, d.test.x)


def test_named_label_column_and_integer_labels(tmp_path):
    d = load_csv(_write(tmp_path, "y,p,q\n3,1,2\n7,2,3\n3,3,4\n7,4,5\n3,5,5\n"), label="y")
    assert d.features == ("p", "q") and d.class_names == ("3", "7")
    with pytest.raises(DatasetError, match="no column named 'z'"):
        load_csv(_write(tmp_path, "y,p,q\n3,1,2\n7,2,3\n"), label="z")


def test_the_bundled_iris():
    d = load_dataset(str(assets_dir() / "tables" / "iris.csv"))
    assert d.class_names == ("setosa", "versicolor", "virginica")
    assert len(d.train) + len(d.test) == 150 and len(d.test) == 30 and d.input_size == 4
    raw = np.concatenate([d.train.x, d.test.x]) * d.std + d.mean
    # the published column totals of Fisher's data (sepal length 876.5, …, petal width 179.9)
    np.testing.assert_allclose(raw.sum(axis=0), [876.5, 458.6, 563.7, 179.9], rtol=1e-5)


BAD = {
    "empty": (b"", "empty"),
    "blank lines only": (b"\n\n  \n", "empty"),
    "header only": ("a,b,c\n", "no data rows"),
    "binary junk": (bytes(range(256)) * 4, "binary"),
    "latin-1": ("a,b,c\n1,2,caf\xe9\n".encode("latin-1"), "not UTF-8"),
    "ragged row": ("a,b,c\n1,2,x\n1,2\n", "row 3: 2 fields, but the header has 3"),
    "text in a feature": ("a,b,c\n1,2,x\n1,two,y\n", "row 3, column 'b': 'two' is not a number"),
    "empty cell": ("a,b,c\n1,2,x\n1,,y\n", "row 3, column 'b': the cell is empty"),
    "nan": ("a,b,c\n1,2,x\nnan,2,y\n", "row 3, column 'a': 'nan' is not a finite number"),
    "inf": ("a,b,c\n1,2,x\n1,-inf,y\n", "row 3, column 'b': '-inf' is not a finite number"),
    "one class": ("a,b,c\n1,2,x\n3,4,x\n5,6,x\n", "column 'c': every row has the label 'x'"),
    "no feature columns": ("label\nx\ny\n", "no feature columns"),
    "no header": ("1,2,0\n3,4,1\n", "row 1: the first row holds only numbers"),
    "duplicate column": ("a,a,c\n1,2,x\n3,4,y\n", "column 'a' appears twice"),
    "empty label": ("a,b,c\n1,2,x\n3,4, \n", "row 3, column 'c': the label is empty"),
    "one row": ("a,b,c\n1,2,x\n", "every row has the label 'x'"),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_bad_tables_are_refused_with_file_place_and_reason(tmp_path, case):
    content, reason = BAD[case]
    path = _write(tmp_path, content, "bad.csv")
    with pytest.raises(DatasetError) as err:
        load_dataset(str(path))
    assert str(path) in str(err.value)
    assert reason in str(err.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DatasetError, match="no such file"):
        load_csv(tmp_path / "nope.csv")
    with pytest.raises(DatasetError, match="test fraction"):
        load_csv(_write(tmp_path, GOOD), test_fraction=1.0)
