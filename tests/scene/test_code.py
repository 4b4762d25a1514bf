"""The code pane: every step highlights real lines, and the shapes it prints are the real ones.

The shapes are checked by running the very code the pane lists under ``sys.settrace`` and
evaluating each note's expressions in the running frame when its line starts (operands) and
once it has run (result).
"""

import inspect
import sys
from collections import defaultdict

import numpy as np
import pytest

from bpviz import reference
from bpviz.core import Network
from bpviz.core.sgd import update_mini_batch
from bpviz.scene import code
from bpviz.scene.steps import BP1, BP2, FORWARD, GRADIENT, INPUT, RESULT, UPDATE, StepSequence

KINDS = {INPUT, FORWARD, BP1, BP2, GRADIENT, UPDATE, RESULT}


def _traced(mode, wanted, run):
    """Run ``run()`` and return {note: (operand shapes, result shape)} for the notes whose line ran."""
    code_to_key = {fn.__code__: key for key, fn in code._FUNCTIONS[mode]}
    sites = defaultdict(list)
    for note in wanted:
        sites[(note.listing, note.lineno, note.run)].append(note)
    seen = {}

    def shape(expr, frame):
        return tuple(np.shape(eval(expr, frame.f_globals, dict(frame.f_locals))))

    def on_call(frame, event, arg):
        key = code_to_key.get(frame.f_code)
        if key is None:
            return None
        runs = defaultdict(int)
        pending = []

        def on_event(frame, event, arg):
            for note in pending:  # the previous line of this frame has run
                seen[note] = (seen[note][0], shape(note.result.expr, frame) if note.result else None)
            pending.clear()
            if event == "line":
                site = (key, frame.f_lineno, runs[frame.f_lineno])
                runs[frame.f_lineno] += 1
                for note in sites.get(site, ()):
                    seen[note] = (tuple(shape(t.expr, frame) for t in note.operands), None)
                    pending.append(note)
            return on_event

        return on_event

    sys.settrace(on_call)
    try:
        run()
    finally:
        sys.settrace(None)
    return seen


@pytest.mark.parametrize("mode", code.MODES)
@pytest.mark.parametrize("sizes, m, cost", [((2, 3, 2), 1, "quadratic"), ((2, 3, 2), 3, "cross-entropy"),
                                            ((4, 5, 3, 2), 2, "quadratic"), ((784, 30, 10), 1, "quadratic")],
                         ids=str)
def test_every_step_highlights_lines_with_their_real_shapes(mode, sizes, m, cost):
    net = Network(sizes, rng=0, cost=cost, dtype=np.float64)
    rng = np.random.default_rng(1)
    X, labels = rng.random((m, sizes[0])), rng.integers(0, sizes[-1], m)
    seq = StepSequence(net, X, labels, eta=0.5)
    assert {s.kind for s in seq.steps} == KINDS
    all_notes = []
    for step in seq.steps:
        notes = code.step_notes(seq, step, mode)
        assert notes, step
        src = {item.key: item for item in code.listings(mode)}
        for note in notes:
            listing = src[note.listing]
            assert listing.lines[note.line].strip() == note.code
            assert note.lineno == listing.first_line + note.line
        all_notes += notes
    if mode == code.SAMPLE:
        biases = [b[:, None] for b in net.biases]
        pairs = reference.as_pairs(X, labels, sizes[-1])
        seen = _traced(mode, all_notes, lambda: reference.update_mini_batch(net.weights, biases, pairs, 0.5, cost))
    else:
        copy = net.copy()
        seen = _traced(mode, all_notes,
                       lambda: update_mini_batch(copy, copy.check_inputs(X), copy.targets(labels, m), 0.5))
    for note in all_notes:
        assert note in seen, f"{note} never ran"
        operands, result = seen[note]
        assert operands == tuple(t.shape for t in note.operands), note
        assert result == (note.result.shape if note.result else None), note


def test_the_issue_example_and_the_book_loop_variable():
    notes = code.notes(BP2, 2, (784, 30, 10))
    delta = [n for n in notes if n.code.startswith("delta =")][0]
    assert delta.shapes == "delta (30, 1) = weights[-l + 1].T (30, 10) · delta (10, 1) ⊙ sp (30, 1)"
    assert delta.loop.startswith("l = 2")
    assert delta.code.endswith("# BP2")
    batch = code.notes(GRADIENT, 2, (784, 30, 10), m=10, mode=code.BATCH)
    assert any(n.shapes.startswith("dw (30, 784) = step.T (30, 10) @ a (10, 784)") for n in batch)


def test_listings_are_read_from_the_source():
    bp = code.listing("backprop")
    lines, first = inspect.getsourcelines(reference.backprop)
    assert bp.first_line == first and bp.lines == tuple(s.rstrip("\n") for s in lines)
    with pytest.raises(LookupError, match="not there any more"):
        bp.find("delta = something else entirely")
    with pytest.raises(ValueError):
        code.listings("matrix")
