"""core.mistakes: confusion matrix and galleries, teaching one example with undo, ∂C/∂x and nudges.

Small float64 networks check the maths against independent computations (the seed's
per-sample loop in bpviz.reference, central differences); the shipped 95 % model on the
bundled test set checks the real use.
"""

import numpy as np
import pytest

from bpviz import reference
from bpviz.core import Network, load_network, update_mini_batch
from bpviz.core.mistakes import (
    Confusion,
    Teacher,
    as_image,
    confusion,
    example_cost,
    input_gradient,
    largest_changes,
    nudge,
    nudge_until,
    prediction_changes,
    teach_step,
)
from bpviz.data import assets_dir, load_dataset

SHIPPED = assets_dir() / "models" / "mnist-784-100-10-ce.npz"


@pytest.fixture(scope="module")
def mnist_test():
    return load_dataset("mnist-bundled").test


@pytest.fixture(scope="module")
def shipped_and_confusion(mnist_test):
    net, _ = load_network(SHIPPED)
    return net, confusion(net, mnist_test.x, mnist_test.labels)


def _toy(n=40, d=8, k=4, seed=0):
    rng = np.random.default_rng(seed)
    return rng.random((n, d)), rng.integers(0, k, n)


def _params(net):
    return [w.copy() for w in net.weights], [b.copy() for b in net.biases]


# -- confusion matrix -------------------------------------------------------------------------
def test_confusion_matrix_counts_the_cores_predictions(shipped_and_confusion, mnist_test):
    net, c = shipped_and_confusion
    pred = net.predict(mnist_test.x)
    labels = mnist_test.labels
    assert c.matrix.shape == (10, 10)
    assert c.matrix.sum() == len(labels) == c.total
    assert np.array_equal(c.predictions, pred)
    assert c.correct == np.trace(c.matrix) == net.evaluate(mnist_test.x, labels) == 9503
    for t in range(10):
        for p in range(10):
            assert c.matrix[t, p] == np.sum((labels == t) & (pred == p))
    # The outputs are the core's feedforward, row for row, in the batches confusion() uses. One
    # matmul over all 10,000 rows may sum in another order (OpenBLAS picks kernels and thread
    # splits by shape), so the unbatched result agrees to float32 rounding, not bit for bit.
    batched = np.concatenate([net.feedforward(mnist_test.x[i : i + 2048]) for i in range(0, len(labels), 2048)])
    np.testing.assert_array_equal(c.outputs, batched)
    np.testing.assert_allclose(c.outputs, net.feedforward(mnist_test.x), rtol=1e-5, atol=1e-6)


def test_confusion_batching_does_not_change_the_result():
    X, y = _toy(n=37)
    net = Network((8, 6, 4), rng=3, dtype=np.float64)
    a, b = confusion(net, X, y, batch=5), confusion(net, X, y)
    assert np.array_equal(a.matrix, b.matrix) and np.array_equal(a.outputs, b.outputs)
    assert a.matrix.sum() == 37 and a.correct == net.evaluate(X, y)


def test_most_confused_pairs_are_off_diagonal_and_sorted_with_ties_by_label():
    m = np.array([[5, 2, 0], [7, 9, 2], [0, 7, 1]])
    t = np.repeat(np.arange(3), m.sum(axis=1))
    p = np.concatenate([np.repeat(np.arange(3), row) for row in m])
    c = Confusion(m, t, p, np.zeros((len(t), 3)))
    pairs = [(q.true_label, q.predicted, q.count) for q in c.most_confused(None)]
    assert pairs == [(1, 0, 7), (2, 1, 7), (0, 1, 2), (1, 2, 2)]
    assert [(q.true_label, q.predicted) for q in c.most_confused(1)] == [(1, 0)]


def test_shipped_model_confuses_4_and_9_most(shipped_and_confusion):
    _, c = shipped_and_confusion
    top = c.most_confused(3)
    assert (top[0].true_label, top[0].predicted, top[0].count) == (4, 9, int(c.matrix[4, 9]))
    counts = [q.count for q in c.most_confused(None)]
    assert counts == sorted(counts, reverse=True) and sum(counts) == c.total - c.correct


@pytest.mark.parametrize("t, p", [(4, 9), (7, 2), (3, 3)])
def test_cell_gallery_holds_exactly_the_images_of_the_cell(shipped_and_confusion, mnist_test, t, p):
    net, c = shipped_and_confusion
    pred = net.predict(mnist_test.x)
    expected = {i for i in range(len(mnist_test)) if mnist_test.labels[i] == t and pred[i] == p}
    for order in ("confidence", "margin", "index"):
        cell = c.cell(t, p, order)
        assert len(cell) == len(set(cell.indices.tolist())) == c.matrix[t, p]
        assert set(cell.indices.tolist()) == expected
        # float32 matmul on a different batch may round differently (BLAS blocking): not bit for bit.
        np.testing.assert_allclose(cell.outputs, net.feedforward(mnist_test.x[cell.indices]), rtol=1e-4, atol=1e-6)
    assert np.all(np.diff(c.cell(t, p, "confidence").confidence) <= 0)
    assert np.all(np.diff(c.cell(t, p, "margin").margin) <= 0)
    assert np.all(np.diff(c.cell(t, p, "index").indices) > 0)
    cell = c.cell(t, p, "margin")
    np.testing.assert_array_equal(cell.margin, cell.outputs[:, p] - cell.outputs[:, t])


def test_cell_rejects_bad_labels_and_orders(shipped_and_confusion):
    _, c = shipped_and_confusion
    with pytest.raises(ValueError, match="outside 0..9"):
        c.cell(10, 0)
    with pytest.raises(ValueError, match="unknown order"):
        c.cell(1, 2, "size")


# -- teach it this example ----------------------------------------------------------------------
@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy"])
def test_teach_step_is_update_mini_batch_on_a_batch_of_one(cost):
    X, y = _toy()
    x, k = X[3], 2
    net = Network((8, 6, 5, 4), rng=1, cost=cost, dtype=np.float64)
    original, twin = net.copy(), net.copy()
    s = teach_step(net, x, k, eta=0.8)
    update_mini_batch(twin, x[None, :], twin.targets(np.array([k])), 0.8)
    # Bit for bit: teach_step calls update_mini_batch on the same (1, n_1) batch and one-hot
    # target, so every floating-point operation is the same.
    assert net.same_parameters(twin) and not net.same_parameters(original)
    assert s.snapshot.matches(original) and not s.snapshot.matches(net)
    s.snapshot.restore(net)
    assert net.same_parameters(original)


@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy"])
def test_teach_step_matches_the_seeds_per_sample_step(cost):
    """An independent oracle: the seed's column-vector backprop, w − η ∇w C_x, in float64.

    Not bit for bit (different order of operations: matmul on rows vs np.dot on columns),
    so to 1e-12: the values are O(1) and float64 rounding is ~1e-16 per operation.
    """
    X, _ = _toy()
    x, k = X[5], 1
    net = Network((8, 6, 5, 4), rng=2, cost=cost, dtype=np.float64)
    w0, b0 = _params(net)
    y = np.zeros((4, 1))
    y[k] = 1
    ref_w, ref_b = reference.update_mini_batch(w0, [b[:, None] for b in b0], [(x[:, None], y)], 0.8, cost)
    s = teach_step(net, x, k, eta=0.8)
    for i in range(3):
        np.testing.assert_allclose(net.weights[i], ref_w[i], rtol=0, atol=1e-12)
        np.testing.assert_allclose(net.biases[i], ref_b[i][:, 0], rtol=0, atol=1e-12)
        assert not np.array_equal(net.weights[i], w0[i])
    a_before, c_before = example_cost(net.with_parameters(w0, b0), x, k)
    np.testing.assert_array_equal(s.outputs_before, a_before)
    assert s.cost_before == c_before
    a_after, c_after = example_cost(net, x, k)
    np.testing.assert_array_equal(s.outputs_after, a_after)
    assert s.cost_after == c_after < c_before
    assert s.outputs_after[k] > s.outputs_before[k]


def test_teach_step_with_l2_uses_the_given_training_set_size():
    X, _ = _toy()
    net = Network((8, 6, 4), rng=4, dtype=np.float64)
    before, twin = net.copy(), net.copy()
    teach_step(net, X[0], 3, eta=0.5, lmbda=5.0, n_train=1000)
    update_mini_batch(twin, X[:1], twin.targets(np.array([3])), 0.5, 5.0, 1000)
    assert net.same_parameters(twin)
    g = before.gradient(X[:1], np.array([3]))
    for i in range(2):
        np.testing.assert_allclose(net.weights[i], (1 - 0.5 * 5.0 / 1000) * before.weights[i] - 0.5 * g.nabla_w[i],
                                   rtol=0, atol=1e-13)
        np.testing.assert_allclose(net.biases[i], before.biases[i] - 0.5 * g.nabla_b[i], rtol=0, atol=1e-13)


def test_largest_changes_are_the_largest_weight_changes_in_book_numbering():
    X, _ = _toy()
    net = Network((8, 6, 5, 4), rng=5, dtype=np.float64)
    w0, _ = _params(net)
    s = teach_step(net, X[0], 0, eta=3.0, top=20)
    everything = sorted(
        ((abs(net.w(l)[j, k] - w0[l - 2][j, k]), l, j, k) for l in (2, 3, 4)
         for j in range(net.sizes[l - 1]) for k in range(net.sizes[l - 2])),
        reverse=True,
    )
    assert len(s.top_changes) == 20
    assert [abs(c.dw) for c in s.top_changes] == pytest.approx([e[0] for e in everything[:20]], abs=0)
    for c in s.top_changes:
        assert c.before == w0[c.l - 2][c.j, c.k]
        assert c.dw == net.w(c.l)[c.j, c.k] - c.before
    assert len(largest_changes(w0, net.weights, 10_000)) == sum(w.size for w in w0)


def test_undo_restores_the_weights_bit_for_bit_after_several_steps_and_undos():
    net, _ = load_network(SHIPPED)  # float32, as the app uses it
    original = net.copy()
    X, y = load_dataset("mnist-bundled").test.x[:3], [1, 7, 4]
    teacher = Teacher(net, eta=0.5)
    after_one = None
    for i in range(3):
        teacher.step(X[i], y[i])
        if i == 0:
            after_one = net.copy()
        assert not net.same_parameters(original)
    teacher.step(X[0], 9, eta=0.1)
    assert len(teacher.history) == 4
    teacher.undo()
    teacher.undo()
    teacher.step(X[2], 2)  # a new branch after undoing
    teacher.undo()
    teacher.undo()
    assert net.same_parameters(after_one)
    assert teacher.undo() is not None and not teacher.can_undo
    assert net.same_parameters(original)
    assert all(w.dtype == np.float32 for w in net.weights + net.biases)
    assert teacher.undo() is None


def test_undo_all_and_a_bounded_stack():
    X, _ = _toy()
    net = Network((8, 6, 4), rng=6)
    original = net.copy()
    teacher = Teacher(net, eta=1.0, max_undo=3)
    for i in range(5):
        teacher.step(X[i], i % 4)
    assert len(teacher.history) == 3
    assert teacher.undo_all() == 3
    assert not net.same_parameters(original)  # only the last 3 of 5 steps could be undone
    teacher = Teacher(net, eta=1.0)
    before = net.copy()
    for i in range(4):
        teacher.step(X[i], 0)
    assert teacher.undo_all() == 4 and net.same_parameters(before)


def test_teacher_reports_the_test_predictions_that_changed_and_keeps_them_through_undo():
    X, y = _toy(n=200, seed=1)
    net = Network((8, 6, 4), rng=7, dtype=np.float64)
    teacher = Teacher(net, eta=5.0, test=(X, y))
    p0 = net.predict(X)
    s1 = teacher.step(X[0], 3)
    p1 = net.predict(X)
    assert s1.test.correct_before == np.sum(p0 == y) and s1.test.correct_after == np.sum(p1 == y)
    np.testing.assert_array_equal(s1.test.changed, np.flatnonzero(p0 != p1))
    assert len(s1.test.changed) > 0  # η = 5 on an untrained net does move some predictions
    teacher.undo()
    s2 = teacher.step(X[1], 0)  # its "before" must be p0 again, not the cached p1
    np.testing.assert_array_equal(s2.test.predictions_before, p0)
    np.testing.assert_array_equal(s2.test.predictions_after, net.predict(X))


def test_prediction_changes_counts():
    r = prediction_changes(np.array([0, 1, 2, 3]), np.array([0, 2, 2, 1]), np.array([0, 1, 2, 1]))
    assert (r.correct_before, r.correct_after, r.total) == (3, 3, 4)
    assert r.changed.tolist() == [1, 3] and r.accuracy_after == 0.75


@pytest.mark.parametrize("bad, match", [
    (dict(label=4), "outside 0..3"), (dict(label=-1), "outside"), (dict(eta=0.0), "eta"),
    (dict(eta=float("nan")), "eta"), (dict(x=np.zeros(7)), "shape"), (dict(lmbda=-1.0), "lambda"),
])
def test_teach_step_rejects_bad_arguments_and_changes_nothing(bad, match):
    X, _ = _toy()
    net = Network((8, 6, 4), rng=8)
    before = net.copy()
    kwargs = dict(x=X[0], label=1, eta=1.0) | bad
    with pytest.raises(ValueError, match=match):
        teach_step(net, **kwargs)
    assert net.same_parameters(before)


# -- which pixels matter --------------------------------------------------------------------------
@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy"])
def test_input_gradient_matches_central_differences(cost):
    X, _ = _toy(d=12)
    net = Network((12, 7, 5, 4), rng=9, cost=cost, dtype=np.float64)
    x, k, h = X[2], 1, 1e-6
    g = input_gradient(net, x, k)
    assert g.shape == (12,)
    fd = np.empty(12)
    for i in range(12):
        e = np.zeros(12)
        e[i] = h
        fd[i] = (example_cost(net, x + e, k)[1] - example_cost(net, x - e, k)[1]) / (2 * h)
    assert np.linalg.norm(g - fd) / np.linalg.norm(fd) < 1e-7
    tr = net.trace(x, k)
    np.testing.assert_allclose(g, net.w(2).T @ tr.delta(2), rtol=1e-14, atol=0)


def test_input_gradient_of_a_784_input_is_a_28x28_map(mnist_test):
    net, _ = load_network(SHIPPED)
    g = input_gradient(net, mnist_test.x[0], 7)
    assert g.shape == (784,) and as_image(g).shape == (28, 28)
    assert as_image(g)[3, 5] == g[3 * 28 + 5]
    with pytest.raises(ValueError, match="square"):
        as_image(np.zeros(10))


@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy"])
def test_a_small_nudge_reduces_the_cost_for_the_target(cost):
    X, _ = _toy(n=10, d=12, seed=2)
    net = Network((12, 7, 4), rng=10, cost=cost, dtype=np.float64)
    for i in range(10):
        x = X[i].copy()
        x[:3] = [0.0, 1.0, 0.5]  # pixels at both bounds too
        for k in range(4):
            before = example_cost(net, x, k)[1]
            s = nudge(net, x, k, step=1e-4)
            assert s.cost < before
            assert s.x.min() >= 0 and s.x.max() <= 1
            assert s.max_change == pytest.approx(1e-4, rel=1e-9)  # the most influential pixel moves ε
            np.testing.assert_array_equal(s.outputs, net.feedforward(s.x))


def test_nudge_never_pushes_stuck_pixels_and_counts_changes_from_the_original():
    net = Network((4, 3, 2), rng=11, dtype=np.float64)
    x = np.array([0.0, 1.0, 0.5, 0.5])
    g = input_gradient(net, x, 0)
    s = nudge(net, x, 0, step=0.3, threshold=0.01)
    for i in range(4):
        if (x[i] == 0 and g[i] > 0) or (x[i] == 1 and g[i] < 0):
            assert s.x[i] == x[i]
        else:
            assert np.sign(s.x[i] - x[i]) == -np.sign(g[i]) or g[i] == 0
    assert s.changed_pixels == int(np.sum(np.abs(s.x - x) > 0.01))
    s2 = nudge(net, s.x, 0, step=0.3, original=x, threshold=0.01)
    assert s2.changed_pixels == int(np.sum(np.abs(s2.x - x) > 0.01))


def test_nudge_until_turns_misclassified_test_images_into_their_true_label(shipped_and_confusion, mnist_test):
    net, c = shipped_and_confusion
    wrong = np.flatnonzero(c.predictions != c.labels)[:5]
    for i in wrong:
        t = int(mnist_test.labels[i])
        run = nudge_until(net, mnist_test.x[i], t, step=0.02, max_steps=50)
        assert run.reached and 1 <= len(run.steps) <= 50
        assert run.final.prediction == t == net.predict(run.final.x)
        assert all(s.prediction != t for s in run.steps[:-1])  # stops at the first success
        costs = [run.cost0] + [s.cost for s in run.steps]
        assert costs[-1] < costs[0]
    right = int(np.flatnonzero(c.predictions == c.labels)[0])
    run = nudge_until(net, mnist_test.x[right], int(mnist_test.labels[right]))
    assert run.reached and run.steps == () and run.final is None
    run = nudge_until(net, mnist_test.x[right], (int(mnist_test.labels[right]) + 1) % 10, step=1e-4, max_steps=3)
    assert len(run.steps) == 3 and not run.reached


def test_teacher_does_not_undo_over_training_done_elsewhere():
    X, y = _toy(n=30)
    net = Network((8, 6, 4), rng=12, dtype=np.float64)
    teacher = Teacher(net, eta=1.0, test=(X, y))
    teacher.step(X[0], 1)
    teacher.step(X[1], 2)
    assert teacher.can_undo and teacher.in_sync
    update_mini_batch(net, X[:10], net.targets(y[:10]), 0.5)  # "training" replaces the arrays
    trained = net.copy()
    assert not teacher.in_sync and not teacher.can_undo and teacher.history == ()
    assert teacher.undo() is None and teacher.undo_all() == 0
    assert net.same_parameters(trained)
    s = teacher.step(X[2], 3)  # a fresh stack on the trained parameters
    np.testing.assert_array_equal(s.test.predictions_before, trained.predict(X))
    assert len(teacher.history) == 1 and teacher.undo() is s and net.same_parameters(trained)
