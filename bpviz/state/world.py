"""The data, the network that fits them, and the sample shown — changed only as a whole.

A :class:`World` is what every view draws from. A new dataset, new layer sizes, a loaded
model or Reset build a complete new World first (loading data and drawing weights can fail:
then nothing changes), and :meth:`WorldModel.commit` swaps it in and announces it once. A
World whose network has training behind it is kept on an undo stack when it is replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from bpviz.core import EpochPosition, Network
from bpviz.data import DataSplits
from bpviz.i18n import translate
from bpviz.state.config import TrainConfig
from bpviz.state.events import Event
from bpviz.state.history import History

UNDO_DEPTH = 5                 # replaced trained networks kept for Undo, at most …
UNDO_BYTES = 250_000_000       # … and in all at most this many bytes (the oldest go first)


def world_bytes(world: World) -> int:
    """What keeping ``world`` costs: its parameters and its history."""
    net = world.network
    return sum(a.nbytes for a in net.weights) + sum(a.nbytes for a in net.biases) + world.history.nbytes()


@dataclass(eq=False)
class World:
    """One consistent state. ``network`` always fits ``data``; counters count what was applied
    to ``network``; ``history`` holds the costs of exactly those mini-batches."""

    data: DataSplits
    network: Network
    config: TrainConfig
    rng: np.random.Generator          # shuffling of the next run (continues across runs)
    history: History = field(default_factory=History)
    sample_index: int = 0
    model_path: str | None = None     # the file it was loaded from or saved to
    epochs_done: int = 0
    batches_done: int = 0
    epochs_loaded: int = 0            # epochs the model file says it had (history holds the rest)
    epoch_position: tuple[int, int] = (0, 0)  # (mini-batches done, of n) in the epoch under way
    stopped_at: EpochPosition | None = None   # a run stopped inside an epoch: the next run finishes it
    loaded_correct: int | None = None # test images right when the model file was opened
    unsaved: bool = False             # changed (trained, kept update, taught) since created, opened or saved
    kept_update: bool = False         # a step-through update was applied by hand
    trained: bool = False             # changed since drawn or loaded (training or a kept update)
    opened_path: str | None = None    # the file it was opened from (model_path changes when it is saved)
    saved: bool = False               # model_path is where it was saved (not the file it was opened from)
    hand_correct: int | None = None   # test images right, measured after the last change by hand
    hand_what: str = ""               # that change, as shown (until an epoch's result is newer)

    def __post_init__(self) -> None:
        sizes = self.network.sizes
        if sizes[0] != self.data.input_size or sizes[-1] != self.data.n_classes:
            raise ValueError(f"a {list(sizes)} network does not fit {self.data.name} "
                             f"({self.data.input_size} inputs, {self.data.n_classes} classes)")
        if not 0 <= self.sample_index < len(self.data.test):
            raise ValueError(f"sample {self.sample_index} is outside the {len(self.data.test)} test samples")

    @classmethod
    def fresh(cls, config: TrainConfig, data: DataSplits, sample_index: int = 0) -> World:
        """A new network drawn from the config's seed (the seed's order of draws)."""
        c = config
        net = Network(c.sizes, rng=np.random.default_rng(c.seed), cost=c.cost, init=c.init, activation=c.activation,
                      output=c.output)
        return cls(data, net, c, np.random.default_rng([c.seed, 1]), sample_index=sample_index)

    @property
    def is_untrained(self) -> bool:
        """Fresh random weights: never trained, loaded or updated by hand."""
        return self.model_path is None and not self.trained

    def describe(self) -> str:
        sizes = list(self.network.sizes)
        hand = len(self.history.hand_updates)
        if self.epochs_loaded and self.batches_done:
            text = translate("World", "{sizes} network trained for {epochs} epochs ({loaded} before it was opened, "
                                      "then {batches} mini-batches)").format(
                sizes=sizes, epochs=self.epochs_done, loaded=self.epochs_loaded, batches=f"{self.batches_done:,}")
        elif self.epochs_done or self.batches_done:
            text = translate("World", "{sizes} network trained for {epochs} epochs ({batches} mini-batches)").format(
                sizes=sizes, epochs=self.epochs_done, batches=f"{self.batches_done:,}")
        else:
            text = translate("World", "{sizes} network").format(sizes=sizes)
        if hand == 1:
            text = translate("World", "{network}, changed once by hand (a kept update or a teaching step)").format(
                network=text)
        elif hand:
            text = translate("World", "{network}, changed {n} times by hand (kept updates or teaching steps)").format(
                network=text, n=hand)
        return text


class WorldModel:
    """The current World and the undo stack of replaced trained ones.

    Events: ``changed(old, new)`` after a commit or an undo; ``undo_changed(available)``;
    ``dropped(descriptions)`` when the undo list let go of its oldest worlds to stay within
    :data:`UNDO_DEPTH` and :data:`UNDO_BYTES` (nothing else holds them: their memory is freed).
    """

    def __init__(self, world: World) -> None:
        self.world = world
        self.changed = Event("world.changed")
        self.undo_changed = Event("world.undo_changed")
        self.dropped = Event("world.dropped")
        self._undo: list[tuple[str, World]] = []

    @staticmethod
    def _trim(undo: list[tuple[str, World]]) -> list[tuple[str, World]]:
        """The oldest entries that must go so that ``undo`` keeps within the depth and the bytes."""
        keep, total = [], 0
        for entry in reversed(undo):
            size = world_bytes(entry[1])
            if len(keep) < UNDO_DEPTH and total + size <= UNDO_BYTES:
                keep.append(entry)
                total += size
            else:
                break
        return undo[: len(undo) - len(keep)]

    def undo_bytes(self) -> int:
        """Bytes the undo list holds now."""
        return sum(world_bytes(w) for _, w in self._undo)

    def held_bytes(self) -> int:
        """Bytes the undo list will hold once the current world is replaced (it goes on the list
        if it has training behind it)."""
        undo = self._undo + ([("", self.world)] if self.world.trained else [])
        drop = len(self._trim(undo))
        return sum(world_bytes(w) for _, w in undo[drop:])

    @property
    def kept(self) -> list[str]:
        """What the undo list keeps, newest first (shown in the Edit menu's tooltip)."""
        return [translate("World", "the {world} replaced by {what}").format(world=w.describe(), what=what)
                for what, w in reversed(self._undo)]

    def commit(self, world: World, what: str, keep: bool = False) -> bool:
        """Make ``world`` current. Returns True when the old one had training behind it (or
        ``keep``: a lesson's setup keeps even an untrained one) and was kept for :meth:`undo`
        (``what`` says what replaced it, e.g. "Reset")."""
        old = self.world
        kept = old.trained or keep
        dropped: list[str] = []
        if kept:
            self._undo.append((what, old))
            gone = self._trim(self._undo)
            dropped = [w.describe() for _, w in gone]
            del self._undo[: len(gone)]
            del gone
        self.world = world
        self.changed.emit(old, world)
        if kept:
            self.undo_changed.emit(True)
        if dropped:
            self.dropped.emit(dropped)
        return kept

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def undo_text(self) -> str | None:
        """What Undo would bring back, or None."""
        if not self._undo:
            return None
        what, w = self._undo[-1]
        return translate("World", "the {world} replaced by {what}").format(world=w.describe(), what=what)

    def undo(self) -> World | None:
        """Bring back the last replaced trained World (the current one is dropped only if it
        has no training of its own; else it goes on the stack in its place)."""
        if not self._undo:
            return None
        what, back = self._undo.pop()
        old = self.world
        if old.trained:
            self._undo.append((translate("World", "Undo"), old))
        self.world = back
        self.changed.emit(old, back)
        self.undo_changed.emit(bool(self._undo))
        return back
