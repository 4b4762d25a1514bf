"""scene.mistakes_text: captions and highlights derived from core.mistakes results."""

import numpy as np

from bpviz.core import Network
from bpviz.core.mistakes import Confusion, Teacher, nudge_until
from bpviz.data import DIGITS, FASHION_CLASSES
from bpviz.scene.mistakes_text import cell_caption, highlighted_weights, nudge_caption, teach_caption


def _setup():
    rng = np.random.default_rng(0)
    X, y = rng.random((50, 9)), rng.integers(0, 3, 50)
    return Network((9, 5, 4, 3), rng=1, dtype=np.float64), X, y


def test_cell_caption_counts_the_cell_and_names_classes():
    labels = np.array([0, 0, 0, 1, 1, 2])
    predictions = np.array([0, 1, 1, 1, 0, 2])
    outputs = np.eye(3)[predictions]
    matrix = np.zeros((3, 3), dtype=np.int64)
    np.add.at(matrix, (labels, predictions), 1)
    c = Confusion(matrix, labels, predictions, outputs)
    assert cell_caption(c.cell(0, 1), DIGITS) == "2 images of 0 predicted as 1, most confident first"
    assert cell_caption(c.cell(1, 0, "index"), DIGITS) == "1 image of 1 predicted as 0, in test-set order"
    assert cell_caption(c.cell(2, 2, "margin"), FASHION_CLASSES) == (
        "1 image of 2 (Pullover) correctly classified, largest margin first")


def test_teach_caption_uses_the_steps_numbers():
    net, X, y = _setup()
    s = Teacher(net, eta=2.0, test=(X, y)).step(X[0], 2)
    text = teach_caption(s, DIGITS)
    assert text.startswith("Taught 2 with η = 2: aᴸ₂ ")
    assert f"C_x {s.cost_before:.4g} → {s.cost_after:.4g}" in text
    assert f"{100 * s.test.accuracy_before:.2f}% → {100 * s.test.accuracy_after:.2f}%" in text
    assert f"{len(s.test.changed)} prediction" in text
    assert "6 (Shirt)" in teach_caption(Teacher(Network((9, 10), rng=0), eta=1.0).step(X[0], 6), FASHION_CLASSES)


def test_highlighted_weights_group_the_top_changes_by_layer():
    net, X, _ = _setup()
    s = Teacher(net, eta=2.0, top=20).step(X[0], 1)
    h = highlighted_weights(s)
    assert sum(len(v) for v in h.values()) == 20
    assert set(h) <= {2, 3, 4}
    for l, jk in h.items():
        assert jk.shape[1] == 2
        assert {(c.j, c.k) for c in s.top_changes if c.l == l} == {tuple(p) for p in jk.tolist()}


def test_nudge_caption_reports_success_failure_and_pixel_count():
    _, X, _ = _setup()
    net = Network((9, 3), rng=1, dtype=np.float64)  # its classes all have room inside [0, 1]^9
    # The first (image, other class) pair this small random net can be nudged to.
    x, target, run = next((x, t, r) for x in X for t in range(3)
                          if t != net.predict(x) and (r := nudge_until(net, x, t, step=0.1, max_steps=50)).reached)
    assert nudge_caption(run, DIGITS) == (
        f"Predicted as {target} after {len(run.steps)} nudge{'s' if len(run.steps) > 1 else ''}: "
        f"{run.final.changed_pixels} of 9 pixels changed by more than 0.05.")
    short = nudge_until(net, x, target, step=1e-6, max_steps=2)
    assert nudge_caption(short, DIGITS).startswith(f"Still predicted as {run.outputs0.argmax()} after 2 nudges: 0 of 9")
    same = nudge_until(net, x, int(np.argmax(net.feedforward(x))))
    assert nudge_caption(same, DIGITS) == f"Already predicted as {run.outputs0.argmax()}."
