"""Units of the small Qt-free models: Selection, StepThrough, Drawing, and the Event they announce with."""

import numpy as np
import pytest

from bpviz.core import Network
from bpviz.scene.steps import StepSequence
from bpviz.state import Event
from bpviz.state.models import CustomInput, Drawing, Selection, StepThrough

SIZES = (4, 3, 2)


def _recorder(event):
    seen = []
    event.connect(lambda *args: seen.append(args))
    return seen


def test_event_calls_in_order_with_the_arguments_and_can_disconnect():
    e = Event("thing.changed")
    calls = []
    first = e.connect(lambda *a: calls.append(("first", a)))
    e.connect(lambda *a: calls.append(("second", a)))
    e.emit(1, "x")
    assert calls == [("first", (1, "x")), ("second", (1, "x"))]
    e.disconnect(first)
    e.emit()
    assert calls[-1] == ("second", ()) and len(calls) == 3
    with pytest.raises(ValueError):
        e.disconnect(first)
    assert "thing.changed" in repr(e) and "1 connected" in repr(e)


def test_an_event_may_disconnect_a_callback_while_emitting():
    e = Event("x")
    calls = []

    def once():
        calls.append("once")
        e.disconnect(once)

    e.connect(once)
    e.connect(lambda: calls.append("always"))
    e.emit()
    e.emit()
    assert calls == ["once", "always", "always"]


def test_selection_keeps_only_what_exists_and_announces_changes_once():
    sel = Selection()
    neurons, edges = _recorder(sel.neuron_changed), _recorder(sel.edge_changed)
    sel.select((2, 1), SIZES)
    sel.select((2, 1), SIZES)                   # the same: no event
    assert sel.neuron == (2, 1) and neurons == [((2, 1),)]
    sel.select((2, 3), SIZES)                   # layer 2 has 3 neurons: j = 3 does not exist
    assert sel.neuron is None and neurons[-1] == (None,)
    sel.select((4, 0), SIZES)                   # no layer 4
    assert sel.neuron is None and len(neurons) == 2
    sel.select_edge((3, 1, 2), SIZES)           # w^3_{1,2}: neuron 2 of layer 2 → neuron 1 of layer 3
    assert sel.edge == (3, 1, 2) and edges == [((3, 1, 2),)]
    sel.select_edge((1, 0, 0), SIZES)           # layer 1 has no incoming edges
    assert sel.edge is None
    sel.select_edge((2, 0, 4), SIZES)           # k = 4 is not an input of a 4-input layer
    assert sel.edge is None and len(edges) == 2
    sel.select((np.int64(3), np.int64(0)), SIZES)
    assert sel.neuron == (3, 0) and type(sel.neuron[0]) is int


def test_selection_clear_announces_unless_it_is_part_of_a_world_change():
    sel = Selection()
    sel.select((2, 0), SIZES)
    sel.select_edge((2, 0, 0), SIZES)
    neurons, edges = _recorder(sel.neuron_changed), _recorder(sel.edge_changed)
    sel.clear(notify=False)
    assert (sel.neuron, sel.edge) == (None, None) and neurons == edges == []
    sel.select((2, 0), SIZES)
    sel.clear()
    assert neurons[-1] == (None,)


def _sequence():
    net = Network(SIZES, rng=np.random.default_rng(0))
    X = np.random.default_rng(1).random((1, 4)).astype(np.float32)
    return StepSequence(net, X, np.array([1]), 3.0)


def test_step_through_moves_within_its_sequence_and_announces_each_change():
    st = StepThrough()
    changed = _recorder(st.changed)
    assert st.current is None
    st.set_index(3)                             # nothing to move in
    assert st.index == 0 and changed == []
    seq = _sequence()
    custom = CustomInput(np.zeros(4, dtype=np.float32), 1)
    st.set_sequence(seq, False, custom)
    assert st.current == seq.steps[0] and st.custom is custom and len(changed) == 1
    st.set_index(2)
    assert st.current == seq.steps[2] and st.current.index == 2 and len(changed) == 2
    st.set_index(2)                             # the same step: no event
    st.set_index(10_000)                        # clamped to the last step
    assert st.index == len(seq) - 1 and len(changed) == 3
    st.set_index(-5)
    assert st.index == 0
    st.reset(notify=False)                      # a new world: dropped silently (the world change announces it)
    assert (st.sequence, st.index, st.custom) == (None, 0, None) and len(changed) == 4
    st.set_sequence(seq, True, None)
    st.reset()
    assert st.sequence is None and st.batch_mode and len(changed) == 6


def test_drawing_counts_versions_and_announces_input_and_shown():
    d = Drawing()
    changed = _recorder(d.changed)
    d.set_input(np.ones(784))
    assert d.x.dtype == np.float32 and d.version == 1 and len(changed) == 1
    d.set_shown(True)
    d.set_shown(True)                           # unchanged: no event, same version
    assert d.shown and d.version == 2 and len(changed) == 2
    d.set_input(None)
    assert d.x is None and d.version == 3 and len(changed) == 3
