"""Saturated neurons as pure data and plain-text captions (Qt-free).

Builds on :mod:`bpviz.core.learning` (the masks and measures) and the core's Trace and cost
classes, so every number shown here is one the core computed: the overlay's mask is
σ′(z^l) < threshold on the trace's z^l, and the two output errors side by side are
``QuadraticCost.delta`` and ``CrossEntropyCost.delta`` on the same z^L, a^L, y.

Captions are computed from the numbers and only say what the numbers show: a neuron is called
saturated only when its σ′(z) is below the threshold, a δ is called small only when it is.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.core import CrossEntropyCost, QuadraticCost, Trace
from bpviz.core.learning import SATURATION_THRESHOLD, OutputSaturation, trace_saturation
from bpviz.i18n import translate
from bpviz.scene.notation import number

SIGMA_PRIME_MAX = 0.25  # σ′(0): the fastest a sigmoid neuron passes an error on




def _pct(v: float) -> str:
    v = 100 * float(v)
    return f"{v:.0f} %" if v >= 10 or v == 0 else f"{v:.2g} %"


# -- the overlay -------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class SaturationOverlay:
    """Which neurons of one sample are saturated, per layer l = 2..L.

    ``masks[l - 2]`` is (n_l,) bool, σ′(z^l) < threshold; ``sigma_prime[l - 2]`` the values.
    """

    masks: list[np.ndarray]
    sigma_prime: list[np.ndarray]
    threshold: float

    def mask(self, l: int) -> np.ndarray:
        return self.masks[l - 2]

    @property
    def counts(self) -> list[int]:
        """Saturated neurons per layer l = 2..L."""
        return [int(m.sum()) for m in self.masks]


def overlay(trace: Trace, threshold: float = SATURATION_THRESHOLD) -> SaturationOverlay:
    """The saturated neurons of the sample of ``trace`` (its σ′(z^l) < threshold)."""
    return SaturationOverlay(trace_saturation(trace, threshold),
                             [trace.f_prime(l) if trace.layer_activation(l) is not None else np.full(trace.z(l).shape, np.nan)
                              for l in range(2, trace.num_layers + 1)], threshold)


def neuron_caption(trace: Trace, l: int, j: int, threshold: float = SATURATION_THRESHOLD) -> str:
    """Why neuron j of layer l (2..L) learns slowly — or does not — for this sample.

    Reads σ′(z^l_j), δ^l_j and (hidden layers) the error arriving by BP2 from the trace; tanh and
    ReLU neurons and a softmax output have captions of their own (:func:`other_neuron_caption`).
    """
    act = trace.layer_activation(l)
    if act is None or act.name != "sigmoid":
        return other_neuron_caption(trace, l, j, threshold)
    sp = float(trace.sigma_prime(l)[j])
    a = float(trace.a(l)[j])
    delta = float(trace.delta(l)[j])
    L = trace.num_layers
    head = f"σ′(z) = {number(sp)} (a = {number(a)})"
    speed = translate("Saturation", "σ′(z) = {sp}, {pct} of σ′'s largest value 0.25 (at z = 0)").format(
        sp=number(sp), pct=_pct(sp / SIGMA_PRIME_MAX))
    if l == L and trace.cost_name == CrossEntropyCost.name:
        err = float(trace.a(L)[j] - trace.y[j])
        text = (translate("Saturation", "Output neuron {j} of layer {l}: {head}, saturated. With the cross-entropy "
                                        "cost BP1 has no σ′ factor: δ = a − y = {err}, so this output learns in "
                                        "proportion to its error whatever σ′ is.") if sp < threshold else
                translate("Saturation", "Output neuron {j} of layer {l}: {head}, not saturated. With the "
                                        "cross-entropy cost BP1 has no σ′ factor: δ = a − y = {err}, so this output "
                                        "learns in proportion to its error whatever σ′ is."))
        return text.format(j=j, l=l, head=head, err=number(err))
    if l == L:
        err = float(trace.a(L)[j] - trace.y[j])
        factor = f"δ = (a − y)·σ′(z) = {number(err)} × {number(sp)} = {number(delta)}"
    else:
        incoming = float((trace.w(l + 1).T @ trace.delta(l + 1))[j])
        factor = f"δ = ((w^{l + 1})ᵀδ^{l + 1})·σ′(z) = {number(incoming)} × {number(sp)} = {number(delta)}"
    if sp < threshold:
        return translate("Saturation", "Neuron {j} of layer {l} is saturated: {head} < {threshold}. By {bp} "
                                       "{factor}: whatever error reaches it is multiplied by {speed}, and by BP3/BP4 "
                                       "its bias and incoming weights change in proportion to δ, so it learns "
                                       "slowly.").format(j=j, l=l, head=head, threshold=number(threshold),
                                                          bp="BP1" if l == L else "BP2", factor=factor, speed=speed)
    return translate("Saturation", "Neuron {j} of layer {l} is not saturated: {head} ≥ {threshold}. {factor}: the "
                                   "error reaching it is multiplied by {speed}.").format(
        j=j, l=l, head=head, threshold=number(threshold), factor=factor, speed=speed)


def other_neuron_caption(trace: Trace, l: int, j: int, threshold: float = SATURATION_THRESHOLD) -> str:
    """:func:`neuron_caption` for a tanh or ReLU neuron, or a softmax output neuron."""
    act = trace.layer_activation(l)
    z, a, delta = float(trace.z(l)[j]), float(trace.a(l)[j]), float(trace.delta(l)[j])
    if act is None:
        err = float(trace.a(l)[j] - trace.y[j])
        return translate("Saturation", "Output neuron {j} of layer {l} is a softmax output (a = {a}): with the "
                                       "log-likelihood cost BP1 is δ = a − y = {err}, with no f′ factor, so it learns "
                                       "in proportion to its error and cannot saturate.").format(
            j=j, l=l, a=number(a), err=number(err))
    fp = float(trace.f_prime(l)[j])
    if act.name == "relu":
        if fp == 0:
            return translate("Saturation", "ReLU neuron {j} of layer {l} is off for this sample: z = {z} ≤ 0, so "
                                           "a = 0 and ReLU′(z) = 0. By BP2 its δ = 0: no error passes back through "
                                           "it and its bias and incoming weights get no gradient from this sample. "
                                           "A neuron off for every sample is dead.").format(j=j, l=l, z=number(z))
        return translate("Saturation", "ReLU neuron {j} of layer {l} is on: z = {z} > 0, ReLU′(z) = 1, so the error "
                                       "reaching it passes on unscaled (δ = {delta}); a ReLU neuron never saturates "
                                       "while z > 0.").format(j=j, l=l, z=number(z), delta=number(delta))
    limit = threshold * act.prime_max / SIGMA_PRIME_MAX
    head = f"tanh′(z) = 1 − a² = {number(fp)} (a = {number(a)})"
    if fp < limit:
        return translate("Saturation", "tanh neuron {j} of layer {l} is saturated: {head} < {limit}, {pct} of "
                                       "tanh′'s largest value 1 (at z = 0): whatever error reaches it is multiplied by "
                                       "that, δ = {delta}, so it learns slowly.").format(
            j=j, l=l, head=head, limit=number(limit), pct=_pct(fp), delta=number(delta))
    return translate("Saturation", "tanh neuron {j} of layer {l} is not saturated: {head} ≥ {limit}; the error "
                                   "reaching it is multiplied by {pct} of tanh′'s largest value 1 (δ = {delta}).").format(
        j=j, l=l, head=head, limit=number(limit), pct=_pct(fp), delta=number(delta))


def share_caption(share: np.ndarray, l: int, threshold: float = SATURATION_THRESHOLD,
                  activation: str = "sigmoid") -> str:
    """One sentence on the share of a mini-batch where the neurons of layer l are saturated
    (for ReLU neurons: off, z ≤ 0; a neuron off for every sample is dead).

    share: (n_l,) per neuron, the share of samples flagged by :func:`bpviz.core.learning.saturated`.
    """
    share = np.asarray(share, dtype=np.float64)
    mostly = int(np.sum(share > 0.5))
    if activation == "relu":
        return translate("Saturation", "Layer {l}: a ReLU neuron is off (z ≤ 0, no gradient) in {pct} of the "
                                       "mini-batch's samples on average; {dead} of {n} neurons are off for every "
                                       "sample (dead).").format(l=l, pct=_pct(share.mean()),
                                                                dead=int(np.sum(share == 1.0)), n=share.size)
    if activation == "tanh":
        return translate("Saturation", "Layer {l}: a tanh neuron is saturated (tanh′(z) < {threshold}) in {pct} of "
                                       "the mini-batch's samples on average; {mostly} of {n} neurons are saturated "
                                       "for most samples.").format(l=l, threshold=number(4 * threshold),
                                                                   pct=_pct(share.mean()), mostly=mostly, n=share.size)
    return translate("Saturation", "Layer {l}: a neuron is saturated (σ′(z) < {threshold}) in {pct} of the "
                                   "mini-batch's samples on average; {mostly} of {n} neurons are saturated for most "
                                   "samples.").format(l=l, threshold=number(threshold), pct=_pct(share.mean()),
                                                      mostly=mostly, n=share.size)


# -- the two costs side by side ----------------------------------------------------------
@dataclass(frozen=True, eq=False)
class OutputErrors:
    """BP1 for the same sample and weights under both costs; every array (n_L,).

    δ_quadratic = (a − y) ⊙ σ′(z^L) and δ_cross_entropy = a − y, so
    δ_quadratic = δ_cross_entropy ⊙ sigma_prime exactly.
    """

    z: np.ndarray
    a: np.ndarray
    y: np.ndarray
    sigma_prime: np.ndarray            # σ′(z^L), the factor the cross-entropy cost removes
    delta_quadratic: np.ndarray
    delta_cross_entropy: np.ndarray
    threshold: float

    @property
    def saturated(self) -> np.ndarray:
        return self.sigma_prime < self.threshold

    def caption(self, j: int | None = None) -> str:
        """Why the two δ differ, for output neuron j (default: the one with the largest error)."""
        err = self.a - self.y
        if j is None:
            j = int(np.argmax(np.abs(err)))
        e, sp, dq = float(err[j]), float(self.sigma_prime[j]), float(self.delta_quadratic[j])
        text = translate("Saturation", "Output neuron {j}: a = {a}, y = {y}. Cross-entropy: δ = a − y = {e}. "
                                       "Quadratic: δ = (a − y)·σ′(z) = {e} × {sp} = {dq}, {pct} of the "
                                       "cross-entropy δ").format(j=j, a=number(self.a[j]), y=number(self.y[j]), e=number(e),
                                                                  sp=number(sp), dq=number(dq), pct=_pct(sp))
        if abs(e) < 0.1:
            return text + translate("Saturation", ". The error is small, so both costs have little to learn here.")
        if sp < self.threshold:
            return text + translate("Saturation", ". The neuron is badly wrong but saturated (σ′ < {threshold}): "
                                                  "under the quadratic cost it learns slowly; the cross-entropy cost "
                                                  "learns in proportion to the error.").format(
                threshold=number(self.threshold))
        return text + translate("Saturation", ". σ′ is not small here (≥ {threshold}), so both costs learn from "
                                              "this error.").format(threshold=number(self.threshold))


def output_errors(trace: Trace, threshold: float = SATURATION_THRESHOLD) -> OutputErrors:
    """:class:`OutputErrors` for the sample of ``trace`` (its z^L, a^L, y; either cost's trace)."""
    L = trace.num_layers
    z, a, y = trace.z(L), trace.a(L), trace.y
    sp = a * (1 - a)  # σ′(z^L) as the core's BP1 evaluates it (the same bits as sigmoid_prime(z))
    return OutputErrors(z, a, y, sp, QuadraticCost.delta(z, a, y), CrossEntropyCost.delta(z, a, y), threshold)


# -- bpviz train's warning ---------------------------------------------------------------
def train_warning(sat: OutputSaturation, cost_name: str, eta: float) -> str | None:
    """A one-line warning when the output layer is stuck — every output saturated, one of them
    on the wrong side — for most samples (:attr:`OutputSaturation.mostly_stuck`), else None.
    Translated (the app shows it when a run ends; the CLI prints it in English after "warning: ")."""
    if not sat.mostly_stuck:
        return None
    if cost_name == QuadraticCost.name:
        text = translate("Saturation", "The output layer ends saturated and wrong for {stuck} of the {n} test images "
                                       "(every output has σ′(z) < {threshold}, one with |a − y| > 0.5; {hidden} of hidden "
                                       "activations are saturated too): with the quadratic cost δ^L = (a − y)·σ′(z^L) is "
                                       "then nearly 0, so these outputs hardly learn. Try a smaller learning rate than "
                                       "η = {eta}, or the cross-entropy cost.")
    else:
        text = translate("Saturation", "The output layer ends saturated and wrong for {stuck} of the {n} test images "
                                       "(every output has σ′(z) < {threshold}, one with |a − y| > 0.5; {hidden} of hidden "
                                       "activations are saturated too): the cross-entropy δ^L = a − y does not vanish, "
                                       "but BP2 multiplies every hidden δ by σ′(z). Try a smaller learning rate than "
                                       "η = {eta}.")
    return text.format(stuck=_pct(sat.stuck_share), n=sat.n, threshold=number(sat.threshold),
                       hidden=_pct(sat.hidden_share), eta=f"{eta:g}")
