"""The anatomy of a mini-batch: one pinned weight followed through every sample (Qt-free).

For a pinned weight w^l_jk (and so its neuron j of layer l) the walk shows, per sample x of
the mini-batch: its label, δ^{x,l}_j, ∂C_x/∂w^l_jk = a^{x,l−1}_k δ^{x,l}_j and the running
sum Σ, and at the end (η/m)·Σ next to the change Δw the core's update applied. Everything is
cut out of the sequence's one batched pass, O(m) numbers for the pinned weight: a
10,000-sample mini-batch holds no per-sample traces.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np

from bpviz.i18n import translate
from bpviz.scene.notation import fmt


@dataclass(frozen=True)
class Pin:
    """The weight w^l_jk followed through the mini-batch (its neuron is (l, j))."""

    l: int
    j: int
    k: int


def strongest_input(seq, l: int, j: int) -> int:
    """k of the weight into neuron (l, j) with the largest |Σ_x ∂C_x/∂w| over the whole batch."""
    return int(np.argmax(np.abs(seq.sum_w[l - 2][-1][j])))


def default_pins(seq) -> dict[int, tuple[int, int]]:
    """{l: (j, k)} for l = 2..L, fixed for the whole batch: in each layer the neuron whose
    summed error |Σ_x δ_j| is largest and its input with the largest summed gradient."""
    out = {}
    for l in range(2, seq.L + 1):
        j = int(np.argmax(np.abs(seq.sum_b[l - 2][-1])))
        out[l] = (j, strongest_input(seq, l, j))
    return out


#: default_pins of each live sequence (dropped with the sequence).
_PINS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def pins_for(seq) -> dict[int, tuple[int, int]]:
    """default_pins(seq), computed once per sequence (the panel, the view and the table share them)."""
    pins = _PINS.get(seq)
    if pins is None:
        pins = _PINS[seq] = default_pins(seq)
    return pins


def explained(seq, step, selection, edge_selection) -> tuple[int, int | None, bool]:
    """(j, k, chosen_by_user) a step's equation shows: in a mini-batch the pinned (j, k) of the
    step's layer, the same for every sample; for one sample the user's choice or the step's own."""
    l = step.layer
    user = selection is not None and selection[0] == l
    if seq.m > 1 and l >= 2:
        j, k = pinned(seq, l, selection, edge_selection, pins_for(seq))
        return j, k, user
    j = selection[1] if user else seq.default_neuron(step)
    k = edge_selection[2] if user and edge_selection is not None and edge_selection[:2] == (l, j) else None
    return j, k, user


def pinned(seq, layer: int, selection, edge_selection, pins: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """(j, k) a step of ``layer`` explains: the user's edge or neuron in that layer if any, else the
    batch's pin — never a choice that changes from sample to sample."""
    if edge_selection is not None and edge_selection[0] == layer:
        return int(edge_selection[1]), int(edge_selection[2])
    if selection is not None and selection[0] == layer:
        j = int(selection[1])
        return j, (pins[layer][1] if pins[layer][0] == j else strongest_input(seq, layer, j))
    return pins[layer]


def pin_of(seq, selection, edge_selection, pins) -> Pin:
    """The weight the anatomy table follows: the clicked edge, else the selected neuron's
    strongest input, else the output layer's pin."""
    if edge_selection is not None and edge_selection[0] >= 2:
        return Pin(*map(int, edge_selection))
    if selection is not None and selection[0] >= 2:
        l = int(selection[0])
        return Pin(l, *pinned(seq, l, selection, None, pins))
    return Pin(seq.L, *pins[seq.L])


class Anatomy:
    """The table of one pinned weight over a mini-batch ``seq`` (a StepSequence)."""

    def __init__(self, seq, pin: Pin) -> None:
        l, j, k = pin.l, pin.j, pin.k
        self.seq, self.pin = seq, pin
        b = seq.batch
        self.delta = np.asarray(b.deltas[l - 2][:, j], dtype=np.float64)              # (m,)
        self.a_in = np.asarray(b.activations[l - 2][:, k], dtype=np.float64)          # (m,)
        self.grad = self.delta * self.a_in                                              # ∂C_x/∂w
        self.running = np.cumsum(self.grad)
        self.labels = seq.labels
        m = seq.m
        self.w_before = float(seq.before.w(l)[j, k])
        self.w_after = float(seq.after.w(l)[j, k])
        self.applied = self.w_after - self.w_before                                     # Δw of the core
        self.gradient_step = -(seq.eta / m) * float(self.running[-1])
        # L2 (chapter 3): w → (1 − ηλ/n)·w − (η/m)·Σ, so the shrinkage is −(ηλ/n)·w
        n = seq.n_train or m
        self.decay_step = -(seq.eta * seq.lmbda / n) * self.w_before if seq.lmbda else 0.0

    def __len__(self) -> int:
        return self.seq.m

    def row(self, i: int) -> tuple[int, str, float, float, float]:
        """(sample number from 1, label, δ_x, ∂C_x/∂w, Σ up to and including x)."""
        return (i + 1, self.seq.class_names[int(self.labels[i])], float(self.delta[i]), float(self.grad[i]),
                float(self.running[i]))

    def names(self) -> dict[str, str]:
        p = self.pin
        w = f"w{_sup(p.l)}{_sub(p.j, p.k)}"
        return {"w": w, "delta": f"δ{_sup(p.l)}{_sub(p.j)}", "grad": f"∂Cₓ/∂{w}"}

    def tolerance(self) -> float:
        """How far apart (η/m)·Σ and the applied Δw may be from the weights' rounding alone."""
        eps = float(np.finfo(self.seq.before.dtype).eps)
        return 8 * eps * max(abs(self.w_before), abs(self.w_after), abs(self.applied), 1e-30) + 1e-12

    def agrees(self) -> bool:
        return abs(self.applied - (self.gradient_step + self.decay_step)) <= self.tolerance()

    def summary(self) -> str:
        """(η/m)·Σ = Δw with the numbers, and whether it equals the update the core applied."""
        s, n = self.seq, self.names()
        m = s.m
        if not s.update_ok:
            return translate("Anatomy", "The update was refused (it would make the weights non-finite): Δw = 0.")
        text = translate("Anatomy", "(η/m)·Σ = ({eta}/{m})·{s} = {step}, so {dw} = −(η/m)·Σ = {gstep}").format(
            eta=f"{s.eta:g}", m=m, s=fmt(float(self.running[-1]), 5), step=fmt(-self.gradient_step, 6),
            dw=f"Δ{n['w']}", gstep=fmt(self.gradient_step, 6))
        if s.lmbda:
            text += translate("Anatomy", " plus the L2 shrinkage {d}").format(d=fmt(self.decay_step, 6))
        agree = self.agrees()
        if not agree:
            verdict = translate("Anatomy", "≠ — they differ")
        elif s.before.dtype == np.float32:
            verdict = translate("Anatomy", "— equal (to the weights' {dtype} precision)").format(dtype=s.before.dtype)
        else:
            verdict = translate("Anatomy", "— equal")
        text += translate("Anatomy", "; the update applied: {w} = {w0} → {w1}, Δw = {dw} {verdict}").format(
            w=n["w"], w0=fmt(self.w_before, 6), w1=fmt(self.w_after, 6), dw=fmt(self.applied, 6), verdict=verdict)
        return text


_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _sup(v) -> str:
    return str(v).translate(_SUP)


def _sub(*idx) -> str:
    return ",".join(str(i).translate(_SUB) for i in idx)
