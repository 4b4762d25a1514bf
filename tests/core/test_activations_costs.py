import warnings

import numpy as np
import pytest

from bpviz.core import CrossEntropyCost, QuadraticCost, get_cost, sigmoid, sigmoid_prime


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sigmoid_is_finite_and_silent_at_extremes(dtype):
    z = np.array([-1e4, -800, -50, 0, 50, 800, 1e4], dtype=dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s, sp = sigmoid(z), sigmoid_prime(z)
    assert np.all(np.isfinite(s)) and np.all(np.isfinite(sp))
    assert 0 < s[0] < 1e-34 and s[-1] == 1 and s[3] == 0.5 and sp[3] == 0.25
    assert 0 <= sp[0] < 1e-34 and sp[-1] == 0
    assert s.dtype == dtype


def test_sigmoid_matches_the_textbook_formula():
    z = np.linspace(-30, 30, 1001)
    np.testing.assert_allclose(sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-13, atol=1e-300)
    # σ′ is the seed's σ(1 − σ): accurate in absolute terms (1 − σ cancels for large z)
    np.testing.assert_allclose(sigmoid_prime(z), np.exp(-z) / (1 + np.exp(-z)) ** 2, rtol=1e-12, atol=2e-16)


def test_quadratic_cost_values():
    a = np.array([[0.2, 0.9]])
    y = np.array([[0.0, 1.0]])
    assert QuadraticCost.fn(a, y)[0] == pytest.approx(0.5 * (0.04 + 0.01))


def test_cross_entropy_from_z_is_finite_when_a_saturates():
    z = np.array([[40.0, -40.0]], dtype=np.float32)
    a = sigmoid(z)
    y = np.array([[0.0, 1.0]], dtype=np.float32)
    c = CrossEntropyCost.fn(a, y, z)
    assert np.isfinite(c[0]) and c[0] == pytest.approx(80.0, rel=1e-5)
    zz = np.array([[0.3, -1.2]])
    np.testing.assert_allclose(CrossEntropyCost.fn(sigmoid(zz), y, zz), CrossEntropyCost.fn(sigmoid(zz), y), rtol=1e-12)


def test_get_cost_names_and_errors():
    assert get_cost("quadratic") is QuadraticCost
    assert get_cost("Cross-Entropy") is CrossEntropyCost
    assert get_cost(CrossEntropyCost()) is CrossEntropyCost
    with pytest.raises(ValueError, match="unknown cost 'hinge'"):
        get_cost("hinge")
