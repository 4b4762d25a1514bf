"""The sigmoid neuron's activation σ and its derivative σ′.

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
