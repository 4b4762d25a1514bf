"""First-order changes: what a step would do if it were tiny, to tell a cause from a guess.

A gradient-descent step Δθ changes any smooth quantity q(θ) by q(θ + Δθ) − q(θ) =
∇q · Δθ + (terms of second and higher order). The first-order part ∇q · Δθ is what a step in
the same direction but much smaller does (scaled): if the full step changes q with the other
sign, the step *overshot* (it is too large for the curvature); if both have the same sign the
change is no overshoot. A change no larger than the float's resolution at q is *rounding*.

* :func:`output_gradient` — ∇_θ a^L_j (or z^L_j) of one sample by backpropagation of that output;
* :func:`directional` — ∇q · Δθ for gradients and a step given per layer;
* :func:`parameter_step` — Δθ = θ_after − θ_before of two networks, in float64;
* :func:`resolution` — the spacing of the float type at a value (one unit in the last place).

Everything is computed in float64 whatever the network's dtype. Pure NumPy.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bpviz.core.network import Network

Grads = tuple[list[np.ndarray], list[np.ndarray]]   # (per layer l = 2..L: (n_l, n_{l−1}), (n_l,))


def output_gradient(network: Network, x: np.ndarray, j: int, of: str = "a") -> Grads:
    """(∂q/∂w^l, ∂q/∂b^l) for l = 2..L on one input x (n_1,), in float64, where q = a^L_j
    (``of="a"``) or q = z^L_j (``of="z"``).

    Backpropagation of the output neuron j itself instead of a cost: δ^L = ∂q/∂z^L — f′(z^L_j) e_j
    for an element-wise output f, a^L_j (e_j − a^L) for a softmax output (∂a_j/∂z_k = a_j(δ_jk − a_k)),
    e_j for q = z^L_j — then BP2 with each layer's own f′ down to the first hidden layer,
    ∂q/∂b^l = δ^l and ∂q/∂w^l = δ^l (a^{l−1})ᵀ.
    """
    from bpviz.core.activations import softmax

    a = np.asarray(x, dtype=np.float64).ravel()
    weights = [np.asarray(w, dtype=np.float64) for w in network.weights]
    acts, zs = [a], []
    for l, (w, b) in enumerate(zip(weights, network.biases), start=2):
        z = w @ a + np.asarray(b, dtype=np.float64)
        act = network.layer_activation(l)
        a = softmax(z) if act is None else act.fn(z)
        zs.append(z)
        acts.append(a)
    out = network.layer_activation(network.num_layers)
    delta = np.zeros_like(acts[-1])
    if of == "z":
        delta[j] = 1.0
    elif out is None:
        delta = -acts[-1][j] * acts[-1]
        delta[j] += acts[-1][j]
    else:
        delta[j] = out.prime(zs[-1])[j]
    gw: list[np.ndarray] = [np.empty(0)] * len(weights)
    gb: list[np.ndarray] = [np.empty(0)] * len(weights)
    for i in range(len(weights) - 1, -1, -1):
        gw[i], gb[i] = np.outer(delta, acts[i]), delta
        if i:
            delta = (weights[i].T @ delta) * network.layer_activation(i + 1).prime(zs[i - 1])
    return gw, gb


def parameter_step(before: Network, after: Network) -> Grads:
    """Δθ = θ_after − θ_before per layer (weights, biases), float64."""
    dw = [np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64)
          for a, b in zip(after.weights, before.weights)]
    db = [np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64)
          for a, b in zip(after.biases, before.biases)]
    return dw, db


def directional(grads: Grads, step: Grads) -> float:
    """∇q · Δθ summed over every weight and bias (the first-order change of q)."""
    total = 0.0
    for g, d in zip(grads[0] + grads[1], step[0] + step[1]):
        total += float(np.vdot(np.asarray(g, dtype=np.float64), np.asarray(d, dtype=np.float64)))
    return total


def scaled(grads: Grads, factor: float) -> Grads:
    """Every array of ``grads`` times ``factor``."""
    return [g * factor for g in grads[0]], [g * factor for g in grads[1]]


def resolution(value: float, dtype: type | np.dtype | str) -> float:
    """The distance from |value| to the next larger number of ``dtype`` (its rounding step there)."""
    return float(np.spacing(np.abs(np.asarray(value, dtype=np.dtype(dtype)))))


def change_cause(actual: float, first_order: float, spacing: float, rounding_steps: float = 4.0) -> str:
    """How a change came about, from the numbers alone.

    "rounding"   the first-order change is below one rounding step and the actual change is at most
                 ``rounding_steps`` of them: what is seen is the float's rounding, not the step;
    "overshoot"  the first-order change and the actual change have opposite signs: a smaller step in
                 the same direction changes the value the other way, so the step was too large;
    "direction"  both have the same sign: the direction of the step itself changes the value so.
    "none"       the value did not change.
    """
    if actual == 0:
        return "none"
    if abs(first_order) < spacing and abs(actual) <= rounding_steps * spacing:
        return "rounding"
    if first_order * actual < 0:
        return "overshoot"
    return "direction"


__all__: Sequence[str] = ("output_gradient", "parameter_step", "directional", "scaled", "resolution",
                          "change_cause")
