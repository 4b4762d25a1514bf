"""The background work of the explore views, as work functions for :mod:`bpviz.gui.worker`.

Each function returns ``work(feed)``: it runs in the job's thread, puts typed items into the
feed, stops promptly when the job's token is cancelled, and returns a result. The views start
them on the session's :class:`~bpviz.gui.worker.Workers`, so the window's one shutdown path
(after the user confirmed quitting) stops them: no view watches the window's Close event.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bpviz.core.sgd import BatchDone
from bpviz.core.twin import EpochRecord, TwinRun
from bpviz.explain.why import FastRow, why_fast
from bpviz.gui.worker import Cancelled, Feed


@dataclass(frozen=True)
class TwinProgress:
    """The twin runs' position, and the epoch records that arrived with it (None: not this time)."""

    batches: int                                          # mini-batches each run has trained
    records: tuple[EpochRecord | None, EpochRecord | None]


def twin_work(twin: TwinRun, interval: float = 0.1):
    """Train both twin runs in lock-step; put a :class:`TwinProgress` at every epoch record and
    at most every ``interval`` seconds in between. Returns the mini-batches trained. Cancel
    stops both runs between two mini-batches (the result then counts what was trained)."""

    def work(feed: Feed) -> int:
        feed.token.on_cancel(twin.request_stop)
        last, batches = 0.0, 0
        for ev in twin.events():
            batches += isinstance(ev.a, BatchDone) or isinstance(ev.b, BatchDone)
            records = (ev.record_a, ev.record_b)
            now = time.perf_counter()
            if records != (None, None) or now - last > interval:
                feed.put(TwinProgress(batches, records))
                last = now
        feed.put(TwinProgress(batches, (None, None)))
        return batches

    return work


@dataclass(frozen=True)
class FastStarting:
    index: int            # the network about to be measured


@dataclass(frozen=True)
class FastMeasured:
    index: int
    row: FastRow


def _let_gui_run() -> None:
    time.sleep(0)


def why_fast_work(nets: Sequence[Sequence[int]], max_seconds: float, seed: int = 0):
    """Measure backprop against central differences for each network in turn (the time budget
    shared among them); puts :class:`FastStarting` and :class:`FastMeasured` items. Cancel
    takes effect after the network being measured; it ends the job cancelled, with every row
    measured so far already delivered."""
    nets = [tuple(n) for n in nets]

    def work(feed: Feed) -> int:
        gen = np.random.default_rng(seed)
        per_net = float(max_seconds) / max(1, len(nets))
        for i, sizes in enumerate(nets):
            feed.token.raise_if_cancelled()
            feed.put(FastStarting(i))
            # time.sleep(0) between chunks of parameters: the measuring loop is pure Python and would
            # otherwise hold the GIL, starving the GUI thread (no row shown, Stop unheard, until the end)
            row = why_fast([sizes], max_seconds=per_net, rng=gen, between=_let_gui_run)[0]
            feed.put(FastMeasured(i, row))
        if feed.token.cancelled:
            raise Cancelled
        return len(nets)

    return work
