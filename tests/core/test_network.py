import numpy as np
import pytest

from bpviz.core import Network, parse_sizes


def test_shapes_follow_the_book():
    net = Network((784, 30, 10), rng=0)
    assert [w.shape for w in net.weights] == [(30, 784), (10, 30)]
    assert [b.shape for b in net.biases] == [(30,), (10,)]
    assert net.w(2) is net.weights[0] and net.b(3) is net.biases[1]
    assert net.num_parameters == 784 * 30 + 30 + 30 * 10 + 10


def test_standard_init_is_the_seeds_and_scaled_divides_by_sqrt_n_in():
    std = Network((400, 50, 10), rng=np.random.default_rng(0), dtype=np.float64)
    gen = np.random.default_rng(0)
    biases = [gen.standard_normal(50), gen.standard_normal(10)]
    w2 = gen.standard_normal((50, 400))
    np.testing.assert_array_equal(std.biases[0], biases[0])
    np.testing.assert_array_equal(std.weights[0], w2)
    scaled = Network((400, 50, 10), rng=0, init="scaled", dtype=np.float64)
    np.testing.assert_allclose(scaled.weights[0], w2 / 20.0)
    assert abs(scaled.weights[0].std() - 1 / 20) < 0.005


def test_feedforward_predict_evaluate():
    net = Network((3, 4, 2), rng=0, dtype=np.float64)
    X = np.random.default_rng(1).random((5, 3))
    out = net.feedforward(X)
    assert out.shape == (5, 2)
    np.testing.assert_allclose(net.feedforward(X[2]), out[2])
    labels = net.predict(X)
    np.testing.assert_array_equal(labels, out.argmax(axis=1))
    assert net.evaluate(X, labels) == 5
    assert net.evaluate(X, 1 - labels) == 0


@pytest.mark.parametrize("sizes, message", [
    ("784", "at least two layers"), ("784,0,10", "at least one neuron"), ("a,b", "whole numbers"),
    ([784, -3, 10], "at least one neuron"), ("10,1000000", "larger than"),
])
def test_bad_sizes(sizes, message):
    with pytest.raises(ValueError, match=message):
        parse_sizes(sizes)


def test_bad_options():
    with pytest.raises(ValueError, match="initialisation"):
        Network((2, 2), init="zeros")
    with pytest.raises(ValueError, match="dtype"):
        Network((2, 2), dtype=np.int32)
    with pytest.raises(TypeError, match="rng"):
        Network((2, 2), rng="seed")
    assert parse_sizes(" 784, 30 ,10") == (784, 30, 10)
