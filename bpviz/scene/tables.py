"""The app's tables as rows for CSV files (Qt-free): the confusion matrix, the gradient check,
the mini-batch anatomy. Numbers are written in full precision (``repr``), not as rounded on
screen, and names in the book's notation."""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence

import numpy as np

from bpviz.scene.notation import symbol, weight_name

Table = tuple[list[str], list[list]]


def confusion_table(matrix: np.ndarray, class_names: Sequence[str]) -> Table:
    """Rows: true label; columns: predicted; plus each row's total."""
    m = np.asarray(matrix)
    header = ["true \\ predicted"] + [str(c) for c in class_names] + ["total"]
    rows = [[str(class_names[t])] + [int(v) for v in m[t]] + [int(m[t].sum())] for t in range(m.shape[0])]
    return header, rows


def gradcheck_table(rows) -> Table:
    """One row per checked parameter (core.gradcheck.CheckRow): name, backprop, numerical, relative error."""
    header = ["parameter", "kind", "l", "j", "k", "backprop", "numerical", "relative_error"]
    out = []
    for r in rows:
        p = r.parameter
        name = weight_name(p.l, p.j, p.k) if p.kind == "w" else symbol("b", p.l, p.j)
        out.append([name, p.kind, p.l, p.j, "" if p.k is None else p.k, repr(float(r.backprop)),
                    repr(float(r.numerical)), repr(float(r.relative_error))])
    return header, out


def anatomy_table(anatomy) -> Table:
    """The pinned weight over the mini-batch (scene.anatomy.Anatomy): sample, label, δ, ∂Cₓ/∂w, running Σ."""
    n = anatomy.names()
    header = ["sample", "label", n["delta"], n["grad"], f"running sum of {n['grad']}"]
    rows = []
    for i in range(len(anatomy)):
        s, label, d, g, run = anatomy.row(i)
        rows.append([s, label, repr(d), repr(g), repr(run)])
    return header, rows


def write_csv(path: str | os.PathLike, table: Table) -> None:
    header, rows = table
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
