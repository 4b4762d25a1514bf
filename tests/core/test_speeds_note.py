"""MEASURED_SPEEDS_NOTE states measured figures: every one is recomputed here (issue 21, item 9)."""

import re

import numpy as np
import pytest

from bpviz.core.learning import BOOK_SPEEDS, BOOK_SPEEDS_NOTE, MEASURED_SPEEDS_NOTE, speeds_at_init
from bpviz.data import load_dataset


@pytest.fixture(scope="module")
def summaries():
    train = load_dataset("mnist-bundled").train
    X, y = train.x[:1000], train.labels[:1000]
    return {sizes: speeds_at_init(sizes, X, y, seeds=range(20), dtype=np.float32) for sizes in BOOK_SPEEDS}


def test_every_figure_of_the_note_is_measured(summaries):
    note = MEASURED_SPEEDS_NOTE
    for sizes, s in summaries.items():
        name = "[" + ",".join(map(str, sizes)) + "]"
        stated = re.search(re.escape(name) + r" ([\d., ]+?)(?:;|\. )", note).group(1)
        values = [float(v) for v in stated.split(", ")]
        hidden = s.hidden_mean
        assert len(values) == len(hidden)
        for v, m in zip(values, hidden):
            digits = len(v.__repr__().split(".")[1])
            assert round(m, digits) == pytest.approx(v), (name, values, hidden)
        # every seed: each earlier layer slower
        per = s.per_seed[:, :-1]
        assert np.all(per[:, :-1] < per[:, 1:])
        # the book's single network lies between the 45th and 85th percentile of the seeds, per layer
        for l, v in enumerate(BOOK_SPEEDS[sizes].hidden):
            rank = 100 * np.mean(per[:, l] < v)
            assert 45 <= rank <= 85, (name, l, rank)
    ratios = [s.per_seed[:, 0].max() / s.per_seed[:, 0].min() for s in summaries.values()]
    stated = [float(r) for r in re.search(r"([\d.]+)x, ([\d.]+)x and ([\d.]+)x", note).groups()]
    assert [round(r, 1) for r in ratios] == stated


def test_the_book_note_names_both_differences():
    """The bundled images are the book's, but scaled by 1/255 where the book's file has 1/256: say both."""
    assert "random weights" in BOOK_SPEEDS_NOTE and "256" in BOOK_SPEEDS_NOTE and "255" in BOOK_SPEEDS_NOTE
    x = load_dataset("mnist-bundled").train.x
    assert x.max() == 1.0 and np.isclose(np.unique(x)[1], 1 / 255)
