"""Your own tabular data: a CSV file with a header row, numeric feature columns and a label column.

The label column is the last one unless named (``label=``); labels may be whole numbers or
class names. Classes are numbered in sorted order of their labels (numbers by value, names
alphabetically) and keep their names. The rows are split with a seed into training and test
samples (``test_fraction``, default 0.2, at least one row in each), then every feature is
standardised with the *training* rows' mean and standard deviation, x = (raw − mean) / std, so
that test rows are treated exactly like new data; mean and std travel with the data (and the
model file) to treat new rows the same way. A column that is constant over the training rows
has std 0 and is divided by 1 instead (it is 0 after the mean is taken away, and says so in
``DataSplits.std`` = 1).

Anything that is not such a table is refused with the file, the row or column and the reason —
an empty file, binary data, a ragged row, a cell that is not a number, NaN or infinity, no
feature columns, a single class — and nothing is returned half-loaded. Stdlib ``csv`` + NumPy.
"""

from __future__ import annotations

import csv
import io
import math
import os
from pathlib import Path

import numpy as np

from bpviz.data.splits import Dataset, DatasetError, DataSplits, split_indices
from bpviz.i18n import translate

#: Larger files are refused before reading (the app holds the whole table in memory).
MAX_BYTES = 200_000_000


def _fail(path: Path, where: str, reason: str) -> DatasetError:
    return DatasetError(f"{path}: {where}: {reason}" if where else f"{path}: {reason}")


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(path, "", translate("Datasets", "{mb} MB is larger than the {limit} MB a table may have").format(
                mb=f"{size / 1e6:.0f}", limit=f"{MAX_BYTES / 1e6:.0f}"))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _fail(path, "", translate("Datasets", "no such file")) from None
    except IsADirectoryError:
        raise _fail(path, "", translate("Datasets", "is a folder, not a CSV file")) from None
    except OSError as e:
        raise _fail(path, "", str(e.strerror or e)) from None
    if not raw.strip():
        raise _fail(path, "", translate("Datasets", "the file is empty (a CSV needs a header row and data rows)"))
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise _fail(path, "", translate("Datasets", "binary data (a zero byte at byte {pos}), not a CSV text file")
                    .format(pos=nul))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise _fail(path, "", translate("Datasets", "not UTF-8 text (byte {pos} cannot be decoded), not a CSV text "
                                        "file").format(pos=e.start)) from None


def _number(cell: str) -> float | None:
    try:
        return float(cell)
    except ValueError:
        return None


def load_csv(path: str | os.PathLike, *, label: str | None = None, test_fraction: float = 0.2,
             seed: int = 0) -> DataSplits:
    """Read a CSV table into standardised training and test sets (see the module docstring)."""
    path = Path(path).expanduser()
    if not 0 < test_fraction < 1:
        raise DatasetError(translate("Datasets", "the test fraction must lie between 0 and 1 (got {got})").format(
            got=test_fraction))
    text = _read_text(path)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = [r for r in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in r)]
    header = [c.strip() for c in rows[0]]
    data_rows = rows[1:]
    if not data_rows:
        raise _fail(path, "", translate("Datasets", "only a header row, no data rows"))
    if len(header) < 2:
        raise _fail(path, translate("Datasets", "row 1"), translate(
            "Datasets", "no feature columns: the header has {n} column, a table needs feature columns and a label "
                        "column").format(n=len(header)))
    if all(_number(c) is not None for c in header):
        raise _fail(path, translate("Datasets", "row 1"), translate(
            "Datasets", "the first row holds only numbers; a CSV needs a header row naming its columns"))
    for name in header:
        if not name:
            raise _fail(path, translate("Datasets", "row 1"), translate("Datasets", "a column has no name"))
    dup = sorted({h for h in header if header.count(h) > 1})
    if dup:
        raise _fail(path, translate("Datasets", "row 1"), translate("Datasets", "column {name} appears twice").format(
            name=repr(dup[0])))
    if label is None:
        li = len(header) - 1
    elif label in header:
        li = header.index(label)
    else:
        raise _fail(path, "", translate("Datasets", "no column named {label} (the columns are {names})").format(
            label=repr(label), names=", ".join(header)))
    feature_cols = [i for i in range(len(header)) if i != li]
    # Rows are numbered as a spreadsheet shows them: the header is row 1.
    line_of = []
    for r in csv.reader(io.StringIO(text), dialect):
        line_of.append(r)
    numbers = np.empty((len(data_rows), len(feature_cols)), dtype=np.float64)
    labels_raw: list[str] = []
    row_no = 1
    kept = 0
    for r in line_of[1:]:
        row_no += 1
        if not any(c.strip() for c in r):
            continue
        if len(r) != len(header):
            raise _fail(path, translate("Datasets", "row {row}").format(row=row_no), translate(
                "Datasets", "{n} fields, but the header has {m} columns").format(n=len(r), m=len(header)))
        for out_i, ci in enumerate(feature_cols):
            cell = r[ci].strip()
            v = _number(cell)
            where = translate("Datasets", "row {row}, column {name}").format(row=row_no, name=repr(header[ci]))
            if v is None:
                why = (translate("Datasets", "the cell is empty (missing values are not supported)") if not cell else
                       translate("Datasets", "{text} is not a number (a feature column must hold numbers only)")
                       .format(text=repr(cell)))
                raise _fail(path, where, why)
            if not math.isfinite(v):
                raise _fail(path, where, translate("Datasets", "{text} is not a finite number").format(text=repr(cell)))
            numbers[kept, out_i] = v
        lab = r[li].strip()
        if not lab:
            raise _fail(path, translate("Datasets", "row {row}, column {name}").format(row=row_no, name=repr(header[li])),
                        translate("Datasets", "the label is empty"))
        labels_raw.append(lab)
        kept += 1
    labels, class_names = _classes(path, header[li], labels_raw)
    tr, te = split_indices(len(labels), test_fraction, seed)   # two classes: at least two rows
    mean = numbers[tr].mean(axis=0)
    std = numbers[tr].std(axis=0)
    std = np.where(std > 0, std, 1.0)
    x = ((numbers - mean) / std).astype(np.float32)
    features = tuple(header[i] for i in feature_cols)
    name = path.name
    train = Dataset(x[tr], labels[tr], f"{name} train", class_names)
    test = Dataset(x[te], labels[te], f"{name} test", class_names)
    return DataSplits(name, train, test, None, class_names, str(path), "table", features, mean, std)


def _classes(path: Path, column: str, raw: list[str]) -> tuple[np.ndarray, tuple[str, ...]]:
    """Class numbers 0..k−1 for the labels and the class names (sorted: numbers by value, else names)."""
    values = [_number(v) for v in raw]
    numeric = all(v is not None and math.isfinite(v) and float(v).is_integer() for v in values)
    if numeric:
        ints = [int(v) for v in values]
        keys = sorted(set(ints))
        index = {k: i for i, k in enumerate(keys)}
        labels = np.array([index[v] for v in ints], dtype=np.int64)
        names = tuple(str(k) for k in keys)
    else:
        keys = sorted(set(raw))
        index = {k: i for i, k in enumerate(keys)}
        labels = np.array([index[v] for v in raw], dtype=np.int64)
        names = tuple(keys)
    if len(names) < 2:
        raise _fail(path, translate("Datasets", "column {name}").format(name=repr(column)), translate(
            "Datasets", "every row has the label {label}: a classifier needs at least two classes").format(
            label=repr(names[0])))
    if len(names) > 1000:
        raise _fail(path, translate("Datasets", "column {name}").format(name=repr(column)), translate(
            "Datasets", "{n} different labels; a label column holds classes (at most 1000)").format(n=len(names)))
    return labels, names


def restandardise(data: DataSplits, mean: np.ndarray, std: np.ndarray) -> DataSplits:
    """The same table standardised with another mean and std (n_1,) — a model file's, so that
    rows reach the network exactly as they did when it was trained. ``data`` is unchanged."""
    from dataclasses import replace

    mean, std = np.asarray(mean, dtype=np.float64), np.asarray(std, dtype=np.float64)
    if data.mean is None or mean.shape != data.mean.shape:
        raise DatasetError(translate("Datasets", "{name}: the standardisation is for {n} columns, the table has {m}")
                           .format(name=data.name, n=mean.shape[0], m=data.input_size))
    if np.array_equal(mean, data.mean) and np.array_equal(std, data.std):
        return data

    def part(d: Dataset) -> Dataset:
        raw = d.x.astype(np.float64) * data.std + data.mean
        return replace(d, x=((raw - mean) / std).astype(np.float32))

    return replace(data, train=part(data.train), test=part(data.test), mean=mean, std=std)
