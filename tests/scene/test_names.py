"""Typed names: every enum matches the core's names, and each label is translated in one place."""

import pytest

from bpviz import i18n
from bpviz.core.costs import COSTS
from bpviz.core.network import INITS
from bpviz.scene.names import CostName, InitName, Level, RunState, cost_label, init_label


def test_the_enums_name_exactly_what_the_core_knows():
    assert {c.value for c in CostName} == set(COSTS)
    assert tuple(i.value for i in InitName) == INITS


@pytest.fixture
def marked():
    """A translator that marks every text with its context: shows what went through translate."""
    seen = []

    def hook(context, text):
        seen.append(context)
        return f"<{context}:{text}>"

    i18n.set_hook(hook)
    yield seen
    i18n.set_hook(None)


@pytest.mark.parametrize("enum", [RunState, Level, CostName, InitName])
def test_every_label_is_translated_in_the_names_context(marked, enum):
    labels = [m.label() for m in enum]
    assert all(label.startswith("<Names:") for label in labels)
    assert len(set(labels)) == len(labels)      # no two members read alike


def test_labels_of_names_not_listed_say_the_name(marked):
    assert cost_label("quadratic") == CostName.QUADRATIC.label()
    assert init_label("scaled") == InitName.SCALED.label()
    assert cost_label("hinge") == "<Names:{name} cost>".format(name="hinge")
    assert "odd" in init_label("odd")


def test_enums_compare_with_their_stored_values():
    # settings, model files and the core keep the plain names
    assert RunState("idle") is RunState.IDLE and Level("error") is Level.ERROR
    assert CostName("cross-entropy") == "cross-entropy"
