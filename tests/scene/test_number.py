"""The one number formatter (bpviz.scene.notation.number) and its two decimal styles."""

import math

import pytest

from bpviz.scene.notation import fmt, num, number


@pytest.mark.parametrize(("args", "kw", "want"), [
    ((-0.4183,), {}, "−0.418"), ((0.4183, 4), {}, "0.4183"), ((-1e-5, 2), {}, "−1e−05"), ((-0.0,), {}, "0"),
    ((0.0,), {}, "0"), ((math.inf,), {}, "∞"), ((-math.inf,), {}, "−∞"), ((math.nan,), {}, "undefined"),
    ((None,), {}, "undefined"), ((123456.0, 6), {}, "123456"),
    ((-0.4183,), {"decimals": True}, "−0.418"), ((0.0,), {"decimals": True}, "0.000"),
    ((-0.0,), {"decimals": True}, "0.000"), ((0.00012,), {"decimals": True}, "0.00012"),
    ((12.5,), {"decimals": True}, "12.500"),
    ((0.05,), {"decimals": True, "decimals_between": (0.1, 1e5)}, "0.05"),
    ((2e5,), {"decimals": True, "decimals_between": (0.1, 1e5)}, "2e+05"),
])
def test_number(args, kw, want):
    assert number(*args, **kw) == want


def test_the_styles_are_the_one_formatter():
    for v in (-0.4183, 0.0, 3e-5, 12.25, -2e6, 0.05):
        assert fmt(v) == number(v, 3, decimals=True)
        assert num(v, 2) == number(v, 2, decimals=True, decimals_between=(0.1, 1e5))
    assert num(0) == "0" and fmt(0) == "0.000"
