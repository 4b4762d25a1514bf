"""The sigmoid neuron's activation σ and its derivative σ′.

Both are written so that they never overflow or warn: with e = exp(−|z|) ≤ 1,
σ(z) = 1/(1 + e) for z ≥ 0 and e/(1 + e) for z < 0. That is the same function as
1/(1 + e^{−z}), accurate to rounding in relative terms on both tails, and σ(±1e4) is
exactly 1 or 0 and σ′(±1e4) exactly 0.
"""

from __future__ import annotations

import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    """σ(z), element-wise; same shape and dtype as ``z``."""
    e = np.exp(-np.abs(z))
    r = 1 / (1 + e)
    return np.where(z >= 0, r, e * r)


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
