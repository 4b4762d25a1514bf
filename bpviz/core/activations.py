"""Neuron activations f and their derivatives f′: sigmoid σ (the seed's), tanh, ReLU, softmax.

σ(z) = 1/(1 + e^{−z}) is evaluated as written — accurate to rounding in relative terms on
both tails — after raising z to a floor (−80 in float32, −700 in float64) below which e^{−z}
would overflow. So nothing overflows or warns: σ(1e4) is exactly 1, σ(−1e4) is σ(floor), a
positive number below 1e−34, and σ′(±1e4) is at most that.
"""

from __future__ import annotations

import numpy as np

_FLOOR = {np.dtype(np.float32): np.float32(-80.0), np.dtype(np.float64): np.float64(-700.0)}


def sigmoid(z: np.ndarray) -> np.ndarray:
    """σ(z), element-wise; same shape as ``z``, float32 stays float32 (else float64)."""
    z = np.asarray(z)
    if z.dtype not in _FLOOR:
        z = z.astype(np.float64)
    e = np.maximum(z, _FLOOR[z.dtype])  # a new array: the steps below work in place on it
    if e.ndim == 0:  # a scalar
        return 1 / (1 + np.exp(-e))
    np.negative(e, out=e)
    np.exp(e, out=e)
    e += 1
    return np.reciprocal(e, out=e)


def sigmoid_prime(z: np.ndarray) -> np.ndarray:
    """σ′(z) = σ(z)(1 − σ(z)), element-wise, exactly the seed's formula; same shape and dtype.

    Backpropagation evaluates it as a^l(1 − a^l) from the stored activations, which gives
    the same bits.
    """
    s = sigmoid(z)
    return s * (1 - s)


def softplus(z: np.ndarray) -> np.ndarray:
    """ln(1 + e^z) without overflow: max(z, 0) + ln(1 + e^{−|z|})."""
    z = np.asarray(z)
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


def softmax(z: np.ndarray) -> np.ndarray:
    """a_j = e^{z_j} / Σ_k e^{z_k} along the last axis (chapter 3's softmax output layer).

    The largest z of each row is subtracted first, which changes nothing mathematically and
    keeps e^{…} ≤ 1, so it never overflows. Same shape and dtype as ``z``.
    """
    z = np.asarray(z)
    if z.dtype not in _FLOOR:
        z = z.astype(np.float64)
    e = z - np.max(z, axis=-1, keepdims=True)
    np.exp(e, out=e)
    e /= np.sum(e, axis=-1, keepdims=True)
    return e


def log_softmax(z: np.ndarray) -> np.ndarray:
    """ln softmax(z) = z − ln Σ_k e^{z_k} along the last axis, finite for any finite z."""
    z = np.asarray(z)
    m = np.max(z, axis=-1, keepdims=True)
    return z - m - np.log(np.sum(np.exp(z - m), axis=-1, keepdims=True))


# -- the neuron types ------------------------------------------------------------------------
# Each is a small strategy like the costs: ``fn(z)`` is f, ``prime(z)`` is f′, and
# ``prime_from(a, z)`` is f′(z) computed the cheapest exact way when a = f(z) is at hand (BP2).
# ``slow(z, threshold)`` marks the neurons whose f′(z) makes them pass an error on slowly:
# saturated sigmoid/tanh neurons, or (ReLU) neurons that are off, z ≤ 0, where f′ = 0.


class Sigmoid:
    """σ(z) = 1/(1 + e^{−z}), the seed's neuron; σ′(z) = σ(z)(1 − σ(z)), largest 0.25 at z = 0."""

    name = "sigmoid"
    symbol = "σ"
    prime_max = 0.25

    fn = staticmethod(sigmoid)
    prime = staticmethod(sigmoid_prime)

    @staticmethod
    def prime_from(a: np.ndarray, z: np.ndarray) -> np.ndarray:
        # σ′(z) = a(1 − a): the seed's sigmoid_prime bit for bit, without a second exp.
        return a * (1 - a)

    @classmethod
    def slow(cls, z: np.ndarray, threshold: float) -> np.ndarray:
        """σ′(z) < threshold: saturated (a near 0 or 1)."""
        return sigmoid_prime(z) < threshold


class Tanh:
    """tanh(z) = (e^z − e^{−z})/(e^z + e^{−z}) in (−1, 1); tanh′(z) = 1 − tanh²(z), largest 1 at z = 0."""

    name = "tanh"
    symbol = "tanh"
    prime_max = 1.0

    @staticmethod
    def fn(z: np.ndarray) -> np.ndarray:
        return np.tanh(z)

    @staticmethod
    def prime(z: np.ndarray) -> np.ndarray:
        t = np.tanh(z)
        return 1 - t * t

    @staticmethod
    def prime_from(a: np.ndarray, z: np.ndarray) -> np.ndarray:
        return 1 - a * a

    @classmethod
    def slow(cls, z: np.ndarray, threshold: float) -> np.ndarray:
        """tanh′(z) < threshold · (1 / 0.25): saturated as slowly, relative to its fastest, as a
        sigmoid with σ′ < threshold (learns at least 0.25/threshold times slower than at z = 0)."""
        return cls.prime(z) < threshold * (cls.prime_max / Sigmoid.prime_max)


class ReLU:
    """The rectified linear unit max(0, z); ReLU′(z) = 1 for z > 0 and 0 for z ≤ 0 (0 at z = 0 by choice)."""

    name = "relu"
    symbol = "ReLU"
    prime_max = 1.0

    @staticmethod
    def fn(z: np.ndarray) -> np.ndarray:
        return np.maximum(z, 0)

    @staticmethod
    def prime(z: np.ndarray) -> np.ndarray:
        z = np.asarray(z)
        return (z > 0).astype(z.dtype if z.dtype.kind == "f" else np.float64)

    @staticmethod
    def prime_from(a: np.ndarray, z: np.ndarray) -> np.ndarray:
        return (z > 0).astype(z.dtype)

    @classmethod
    def slow(cls, z: np.ndarray, threshold: float) -> np.ndarray:
        """z ≤ 0: the unit is off for this input, ReLU′ = 0, and passes no error back at all
        (a unit off for every input is *dead*: it never learns again)."""
        return np.asarray(z) <= 0


ACTIVATIONS: dict[str, type] = {c.name: c for c in (Sigmoid, Tanh, ReLU)}
#: Output layers: sigmoid neurons (with the quadratic or cross-entropy cost) or softmax (with
#: the log-likelihood cost, chapter 3).
OUTPUTS = ("sigmoid", "softmax")


def get_activation(activation: str | type | object) -> type:
    """The neuron class for a name ("sigmoid", "tanh", "relu"), class or instance."""
    if isinstance(activation, str):
        key = activation.strip().lower()
        if key in ACTIVATIONS:
            return ACTIVATIONS[key]
    elif isinstance(activation, type) and activation in ACTIVATIONS.values():
        return activation
    elif type(activation) in ACTIVATIONS.values():
        return type(activation)
    raise ValueError(f"unknown activation {activation!r}; choose one of {', '.join(ACTIVATIONS)}")


def check_output(output: str) -> str:
    """``output`` if it names an output layer (sigmoid, softmax), else ValueError."""
    key = str(output).strip().lower()
    if key not in OUTPUTS:
        raise ValueError(f"unknown output layer {output!r}; choose one of {', '.join(OUTPUTS)}")
    return key
