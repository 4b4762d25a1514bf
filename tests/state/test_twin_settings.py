"""Twin runs made from the Train tab's config in one place, varied by a typed setting."""

import dataclasses

import pytest

from bpviz.core.twin import VARIABLE, TwinSettings, difference
from bpviz.state import TrainConfig
from bpviz.state.twin import TwinSetting, twin_options, twin_settings, vary

CONFIG = TrainConfig(sizes=(784, 30, 10), eta=0.5, batch_size=20, cost="cross-entropy", init="scaled", seed=7,
                     lmbda=1.0)


def test_run_a_is_the_config_field_for_field():
    a = twin_settings(CONFIG, epochs=4)
    shared = {f.name for f in dataclasses.fields(TwinSettings)} & {f.name for f in dataclasses.fields(TrainConfig)}
    assert shared == {"sizes", "eta", "epochs", "batch_size", "cost", "init", "lmbda", "seed"}
    for name in shared - {"epochs"}:
        assert getattr(a, name) == getattr(CONFIG, name), name
    assert a.epochs == 4 and a.init_scale == 1.0


def test_the_typed_settings_are_the_cores_variable_ones():
    assert {s.value for s in TwinSetting} == set(VARIABLE)


@pytest.mark.parametrize("setting", list(TwinSetting))
def test_every_offered_value_makes_a_run_b_that_differs_in_that_setting_only(setting):
    a = twin_settings(CONFIG, epochs=2)
    options = twin_options(CONFIG, setting)
    assert options
    for value in options:
        b = vary(a, setting, value)
        assert difference(a, b) == (setting.value,)
        assert setting.value_label(value)


def test_a_value_both_runs_share_is_refused_with_the_reason():
    a = twin_settings(CONFIG, epochs=2)
    with pytest.raises(ValueError, match="already have"):
        vary(a, TwinSetting.COST, "cross-entropy")
    with pytest.raises(ValueError):
        vary(a, TwinSetting.ETA, -1.0)          # the core's own check
