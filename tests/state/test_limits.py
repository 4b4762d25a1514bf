"""Honest limits: the size check counts everything the app keeps for a network, and the undo
list keeps within its depth and bytes, says what it let go, and frees it."""

import gc
import weakref

import numpy as np
import pytest

import bpviz.state.world as world_module
from bpviz.core import Network
from bpviz.core.network import MAX_TRAINING_BYTES
from bpviz.data import Dataset, DataSplits
from bpviz.state import ConfigError, TrainConfig, World, WorldModel
from bpviz.state.config import APP_BYTES_PER_WEIGHT, app_bytes, training_memory
from bpviz.state.world import world_bytes


def test_the_tours_network_is_refused_with_every_part_named():
    with pytest.raises(ConfigError) as e:
        TrainConfig(sizes=(784, 20000, 10)).validate()
    text = e.value.message
    for part in ("network", "drawing", "training", "step-through"):
        assert part in text
    parts = app_bytes((784, 20000, 10))
    assert sum(parts.values()) > MAX_TRAINING_BYTES > 0
    weights = 784 * 20000 + 20000 * 10
    assert parts["drawing"] == APP_BYTES_PER_WEIGHT["drawing"] * weights


def test_a_network_that_fits_alone_is_refused_when_the_undo_list_holds_the_rest():
    sizes = (784, 8000, 10)
    alone = sum(app_bytes(sizes).values())
    assert alone < MAX_TRAINING_BYTES
    training_memory(sizes)                                  # fits
    with pytest.raises(ConfigError) as e:
        training_memory(sizes, held=MAX_TRAINING_BYTES - alone + 1)
    assert "undo list" in e.value.message


def _data():
    x = np.zeros((4, 2), dtype=np.float32)
    d = Dataset(x, np.array([0, 1, 0, 1]), "toy", ("0", "1"))
    return DataSplits("toy", d, d, class_names=("0", "1"))


def _trained_world(data, seed):
    w = World.fresh(TrainConfig(sizes=(2, 50, 2), dataset="xor", seed=seed), data)
    w.trained = True
    return w


def test_the_undo_list_keeps_within_its_bytes_says_what_it_dropped_and_frees_it(monkeypatch):
    data = _data()
    first = _trained_world(data, 0)
    size = world_bytes(first)
    monkeypatch.setattr(world_module, "UNDO_BYTES", 2 * size + size // 2)   # room for two
    model = WorldModel(first)
    gone = weakref.ref(first.network)
    dropped = []
    model.dropped.connect(dropped.append)
    for seed in (1, 2, 3):
        model.commit(_trained_world(data, seed), f"Reset {seed}")
    assert len(model.kept) == 2 and model.undo_bytes() <= 2 * size + size // 2
    assert len(dropped) == 1 and len(dropped[0]) == 1 and "[2, 50, 2] network" in dropped[0][0]
    del first
    gc.collect()
    assert gone() is None                                   # nothing else held the dropped network
    # the bytes the list will hold when the current world is replaced: it goes on, the oldest goes
    assert model.held_bytes() == 2 * size


def test_an_untrained_world_is_not_kept_and_costs_nothing():
    data = _data()
    model = WorldModel(World.fresh(TrainConfig(sizes=(2, 3, 2), dataset="xor"), data))
    assert model.held_bytes() == 0
    model.commit(World.fresh(TrainConfig(sizes=(2, 4, 2), dataset="xor"), data), "new sizes")
    assert model.kept == [] and model.undo_bytes() == 0
    assert isinstance(model.world.network, Network)
