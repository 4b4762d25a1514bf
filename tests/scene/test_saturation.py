"""Saturation overlay, the two costs' δ^L side by side and the captions (bpviz.scene.saturation)."""

import numpy as np
import pytest

from bpviz.core import Network
from bpviz.core.learning import SATURATION_THRESHOLD, OutputSaturation
from bpviz.data import load_dataset
from bpviz.scene.saturation import (
    neuron_caption,
    output_errors,
    overlay,
    share_caption,
    train_warning,
)


@pytest.fixture(scope="module")
def images():
    d = load_dataset("mnist-bundled")
    return d.train.x[:50], d.train.labels[:50]


@pytest.mark.parametrize("cost", ["quadratic", "cross-entropy"])
def test_quadratic_and_cross_entropy_deltas_differ_by_exactly_sigma_prime(cost, images):
    X, y = images
    net = Network([784, 30, 10], rng=0, cost=cost)
    for i in range(10):
        t = net.trace(X[i], int(y[i]))
        e = output_errors(t)
        np.testing.assert_array_equal(e.delta_quadratic, e.delta_cross_entropy * e.sigma_prime)
        np.testing.assert_array_equal(e.delta_cross_entropy, t.a(3) - t.y)
        np.testing.assert_array_equal(e.sigma_prime, t.sigma_prime(3))
        # the trace's own BP1 is one of the two
        np.testing.assert_array_equal(t.delta(3), e.delta_quadratic if cost == "quadratic" else e.delta_cross_entropy)
        assert not np.array_equal(e.delta_quadratic, e.delta_cross_entropy)


def test_overlay_masks_are_sigma_prime_below_threshold(images):
    X, y = images
    t = Network([784, 30, 10], rng=1).trace(X[0], int(y[0]))
    ov = overlay(t)
    for l in (2, 3):
        np.testing.assert_array_equal(ov.mask(l), t.sigma_prime(l) < SATURATION_THRESHOLD)
    assert ov.counts == [int((t.sigma_prime(l) < 0.01).sum()) for l in (2, 3)]
    assert 0 < ov.counts[0] < 30


def _saturated_output_trace(cost: str):
    """A tiny net whose single output is a ≈ 1 (z = 6) for target y = 0: badly wrong and saturated."""
    net = Network([1, 1, 1], rng=0, cost=cost, dtype=np.float64)
    net.set_parameters([np.array([[0.0]]), np.array([[0.0]])], [np.array([0.0]), np.array([6.0])])
    return net.trace(np.array([1.0]), np.array([0.0]))


def test_captions_follow_the_numbers():
    t = _saturated_output_trace("quadratic")
    sp = float(t.sigma_prime(3)[0])
    assert sp < SATURATION_THRESHOLD
    text = neuron_caption(t, 3, 0)
    assert "is saturated" in text and "learns slowly" in text and f"{sp:.3g}" in text
    text = output_errors(t).caption()
    assert "saturated" in text and "learns slowly" in text
    # cross-entropy: never claims the output learns slowly
    t_ce = _saturated_output_trace("cross-entropy")
    assert "learns slowly" not in neuron_caption(t_ce, 3, 0)
    assert "no σ′ factor" in neuron_caption(t_ce, 3, 0)
    # the hidden neuron at z = 0 is not saturated and the caption says so
    hidden = neuron_caption(t, 2, 0)
    assert "is not saturated" in hidden and "learns slowly" not in hidden
    assert "100 % of σ′'s largest value" in hidden  # σ′(0) = 0.25, the maximum


def test_caption_when_the_error_is_small():
    net = Network([1, 1, 1], rng=0, dtype=np.float64)
    net.set_parameters([np.array([[0.0]]), np.array([[0.0]])], [np.array([0.0]), np.array([6.0])])
    t = net.trace(np.array([1.0]), np.array([1.0]))  # a ≈ 0.9975 and y = 1: saturated but right
    text = output_errors(t).caption()
    assert "little to learn" in text and "learns slowly" not in text


def test_share_caption():
    text = share_caption(np.array([0.0, 0.6, 1.0, 0.2]), 2)
    assert "45 %" in text and "2 of 4 neurons" in text


def test_train_warning_only_when_mostly_stuck():
    def sat(stuck):
        return OutputSaturation(100, 0.01, 1.0, stuck, np.ones(10), 0.3)

    assert train_warning(sat(0.5), "quadratic", 3.0) is None
    w = train_warning(sat(0.9), "quadratic", 1e9)
    assert w.startswith("The output layer ends saturated") and "90 %" in w and "1e+09" in w and "\n" not in w


def test_hidden_caption_shows_bp2_with_the_traces_numbers():
    net = Network([1, 1, 1], rng=0, dtype=np.float64)
    net.set_parameters([np.array([[0.0]]), np.array([[2.0]])], [np.array([7.0]), np.array([0.0])])
    t = net.trace(np.array([1.0]), np.array([0.0]))
    incoming = float(t.w(3)[0, 0] * t.delta(3)[0])
    sp, delta = float(t.sigma_prime(2)[0]), float(t.delta(2)[0])
    assert delta == pytest.approx(incoming * sp)
    text = neuron_caption(t, 2, 0)
    assert "is saturated" in text and "BP2" in text
    assert f"{incoming:.3g} × {sp:.3g} = {delta:.3g}" in text
