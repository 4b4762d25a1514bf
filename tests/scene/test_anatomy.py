"""The mini-batch anatomy against the core: per-sample gradients, their sum and the update."""

import tracemalloc

import numpy as np
import pytest

from bpviz.core import Network
from bpviz.scene.anatomy import Anatomy, Pin, default_pins, pin_of, pinned
from bpviz.scene.steps import StepSequence


def _seq(sizes=(5, 4, 3), m=6, lmbda=0.0, dtype=np.float64, seed=0):
    net = Network(sizes, rng=seed, dtype=dtype)
    rng = np.random.default_rng(seed + 1)
    X = rng.random((m, sizes[0])).astype(dtype)
    labels = rng.integers(0, sizes[-1], m)
    return net, X, labels, StepSequence(net, X, labels, 3.0, lmbda=lmbda, n_train=50)


@pytest.mark.parametrize("lmbda", [0.0, 5.0])
def test_rows_are_the_cores_per_sample_gradients_and_the_sum_is_the_update(lmbda):
    net, X, labels, seq = _seq(lmbda=lmbda)
    pin = Pin(2, 1, 3)
    an = Anatomy(seq, pin)
    total = 0.0
    for i in range(seq.m):
        t = net.batch_pass(X[i : i + 1], labels[i : i + 1]).trace(0)    # the core's own trace of sample i
        n, lab, d, g, run = an.row(i)
        total += t.dC_dw(2)[1, 3]
        assert (n, lab) == (i + 1, str(labels[i]))
        assert d == pytest.approx(t.delta(2)[1], rel=1e-12)
        assert g == pytest.approx(t.dC_dw(2)[1, 3], rel=1e-12)
        assert run == pytest.approx(total, rel=1e-12)
    expected = (1 - 3.0 * lmbda / 50) * net.w(2)[1, 3] - 3.0 / seq.m * total
    assert seq.after.w(2)[1, 3] == pytest.approx(expected, rel=1e-12)
    assert an.agrees()
    assert "equal" in an.summary() and "≠" not in an.summary()


def test_a_wrong_update_is_not_called_equal():
    _, _, _, seq = _seq()
    an = Anatomy(seq, Pin(3, 0, 0))
    an.applied += 1e-3
    assert not an.agrees()
    assert "≠" in an.summary()


def test_pins_stay_fixed_for_the_whole_batch_and_follow_the_user():
    _, _, _, seq = _seq(m=9)
    pins = default_pins(seq)
    for l in (2, 3):
        j, k = pins[l]
        assert j == int(np.argmax(np.abs(seq.sum_b[l - 2][-1])))
        assert k == int(np.argmax(np.abs(seq.sum_w[l - 2][-1][j])))
        assert pinned(seq, l, None, None, pins) == (j, k)
    assert pinned(seq, 2, (2, 0), None, pins)[0] == 0
    assert pinned(seq, 2, (2, 0), (2, 0, 4), pins) == (0, 4)
    assert pinned(seq, 3, (2, 0), (2, 0, 4), pins) == pins[3]     # a selection elsewhere changes nothing here
    assert pin_of(seq, None, (2, 1, 2), pins) == Pin(2, 1, 2)
    assert pin_of(seq, None, None, pins) == Pin(3, *pins[3])


def test_a_10000_sample_walk_stays_lazy():
    """Walking every sample of m = 10,000 keeps at most a few traces and O(m) numbers."""
    _, _, _, seq = _seq(sizes=(20, 8, 4), m=10_000, dtype=np.float32)
    per = (len(seq) - 2) // seq.m
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    an = Anatomy(seq, Pin(3, 2, 5))
    for i in range(0, len(seq) - 2, per):       # PgDn through the whole batch
        step = seq.steps[i + per - 1]
        seq.equation(step)
        an.row(step.sample)
    seq.steps[len(seq) - 1]                      # End: the update's result
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    assert len(seq._cache) <= 8
    assert peak < 3_000_000, peak                # 10,000 traces of this net alone would be ~10 MB
    assert an.row(9_999)[4] == pytest.approx(float(seq.sum_w[1][-1][2, 5]), rel=1e-4)
