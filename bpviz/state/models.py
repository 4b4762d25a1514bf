"""Small Qt-free models: the selected neuron and edge, the step-through, the drawn digit."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.scene.steps import StepSequence
from bpviz.state.events import Event


class Selection:
    """The selected neuron (l, j) and edge (l, j, k) in the book's numbering, valid for ``sizes``.

    Events: ``neuron_changed(sel | None)``, ``edge_changed(edge | None)``.
    """

    def __init__(self) -> None:
        self.neuron: tuple[int, int] | None = None
        self.edge: tuple[int, int, int] | None = None
        self.neuron_changed = Event("selection.neuron_changed")
        self.edge_changed = Event("selection.edge_changed")

    def select(self, sel: tuple[int, int] | None, sizes: tuple[int, ...]) -> None:
        if sel is not None:
            l, j = (int(v) for v in sel)
            sel = (l, j) if 1 <= l <= len(sizes) and 0 <= j < sizes[l - 1] else None
        if sel != self.neuron:
            self.neuron = sel
            self.neuron_changed.emit(sel)

    def select_edge(self, edge: tuple[int, int, int] | None, sizes: tuple[int, ...]) -> None:
        if edge is not None:
            l, j, k = (int(v) for v in edge)
            ok = 2 <= l <= len(sizes) and 0 <= j < sizes[l - 1] and 0 <= k < sizes[l - 2]
            edge = (l, j, k) if ok else None
        if edge != self.edge:
            self.edge = edge
            self.edge_changed.emit(edge)

    def clear(self, notify: bool = True) -> None:
        if not notify:   # part of a world change, which is announced once by its owner
            self.neuron = self.edge = None
            return
        self.select(None, ())
        self.select_edge(None, ())


@dataclass(frozen=True)
class CustomInput:
    """A sample that is not a test image (a drawn digit) with the target to backpropagate."""

    x: np.ndarray     # (n_1,)
    label: int


class StepThrough:
    """The step-through: its sequence, the current step, the mode and the input it walks.

    Events: ``changed()`` when the sequence, the step, the mode or the input changed.
    """

    def __init__(self) -> None:
        self.sequence: StepSequence | None = None
        self.index = 0
        self.batch_mode = False
        self.custom: CustomInput | None = None
        self.changed = Event("steps.changed")

    @property
    def current(self):
        return None if self.sequence is None else self.sequence.steps[self.index]

    def set_sequence(self, seq: StepSequence | None, batch_mode: bool, custom: CustomInput | None) -> None:
        self.sequence, self.index, self.batch_mode, self.custom = seq, 0, batch_mode, custom
        self.changed.emit()

    def reset(self, notify: bool = True) -> None:
        """Forget the sequence and the custom input (a new world: they no longer fit)."""
        if not notify:   # part of a world change, which is announced once by its owner
            self.sequence, self.index, self.custom = None, 0, None
            return
        self.set_sequence(None, self.batch_mode, None)

    def set_index(self, index: int) -> None:
        if self.sequence is None:
            return
        index = max(0, min(int(index), len(self.sequence) - 1))
        if index != self.index:
            self.index = index
            self.changed.emit()


class Drawing:
    """The digit on the canvas as the network's input, and whether views show it.

    Events: ``changed()``.
    """

    def __init__(self) -> None:
        self.x: np.ndarray | None = None     # (784,)
        self.shown = False
        self.version = 0
        self.changed = Event("drawing.changed")

    def set_input(self, x: np.ndarray | None) -> None:
        self.x = None if x is None else np.asarray(x, dtype=np.float32)
        self.version += 1
        self.changed.emit()

    def set_shown(self, shown: bool) -> None:
        if shown != self.shown:
            self.shown = shown
            self.version += 1
            self.changed.emit()
