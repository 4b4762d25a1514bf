"""The shipped model files load and reach the accuracy recorded beside them (a check of the
files, not of training)."""

import json

import pytest

from bpviz.core import load_network
from bpviz.data import assets_dir, load_dataset

MODELS = sorted((assets_dir() / "models").glob("*.npz"))


def test_there_is_a_shipped_model_of_at_least_94_percent():
    accs = [json.loads(p.with_suffix(".json").read_text())["test_accuracy"] for p in MODELS]
    assert max(accs) >= 0.94


@pytest.mark.parametrize("path", MODELS, ids=lambda p: p.stem)
def test_shipped_model_reaches_its_recorded_accuracy(path):
    info = json.loads(path.with_suffix(".json").read_text())
    net, meta = load_network(path)
    assert list(net.sizes) == info["sizes"] and net.cost.name == info["cost"]
    test = load_dataset().test
    assert net.evaluate(test.x, test.labels) == info["test_correct"] == meta["test_correct"]
    assert info["command"].startswith("bpviz train ")
