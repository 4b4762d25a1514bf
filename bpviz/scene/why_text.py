"""The sentences of the "why backprop works" views, decided from their numbers (Qt-free).

Each function takes the core's results (:mod:`bpviz.core.nudge`, :mod:`bpviz.core.gradcheck`)
and states a cause only when a computation shows it: the nudge's verdict compares the
difference between measured and predicted ΔC with what float64 rounding can do
(:func:`bpviz.core.nudge.discrepancy`); the strongest path's share says whether the other paths
add to it, cancel part of it, or outweigh it and flip the sign; the gradient check's caption
says what is true when the errors are 0 or 1 at every ε.
"""

from __future__ import annotations

import math

import numpy as np

from bpviz.i18n import translate
from bpviz.scene.notation import number


# -- nudge -----------------------------------------------------------------------------------
def nudge_verdict(nudge, disc, no_effect: str = "") -> str:
    """One or two sentences on how ΔC measured and ∂C/∂θ·Δw compare, and why.

    ``nudge``: a core :class:`~bpviz.core.nudge.Nudge`; ``disc``: the
    :class:`~bpviz.core.nudge.NudgeDiscrepancy` of the same Δw; ``no_effect``: a sentence for a zero
    gradient (e.g. "a = 0 on this sample, so this weight has no effect on it."), or "".
    """
    if nudge.dw == 0:
        return translate("Why", "Δw = 0: nothing is nudged, so nothing changes. Move the slider.")
    if nudge.gradient == 0:
        return translate("Why", "∂C/∂θ = 0: backprop predicts no change; measured ΔC = {dc}. {why}").format(
            dc=number(nudge.delta_cost, 4), why=no_effect).strip()
    if disc.cause == "agree":
        return translate("Why", "Measured and predicted are within {pct} % of each other: for this Δw the "
                                "first-order prediction of backprop is right.").format(pct=f"{100 * disc.off:.2g}")
    if disc.cause == "rounding":
        return translate("Why", "Measured and predicted differ by {pct} %, but the difference ({diff}) is within "
                                "what float64 rounding can do to the measured ΔC ({bound}): the output that moves C "
                                "most changed by only {steps} float steps. This is rounding, not curvature: a "
                                "smaller Δw makes it worse; a larger Δw (]) lifts the change above it.").format(
            pct=f"{100 * disc.off:.3g}", diff=number(disc.difference, 2), bound=number(2 * disc.rounding, 2),
            steps=number(disc.output_steps, 3))
    return translate("Why", "Measured and predicted differ by {pct} %: at this Δw the change is no longer "
                            "proportional to Δw (the second-order terms matter: the difference, {diff}, is far "
                            "above what rounding can do, {bound}). Make Δw smaller ([) and they meet.").format(
        pct=f"{100 * disc.off:.3g}", diff=number(disc.difference, 2), bound=number(2 * disc.rounding, 2))


def share_note(share: float) -> str:
    """What the strongest path's share of the sum over all paths means for the other paths ("" when
    0 < share ≤ 1 or undefined)."""
    if not math.isfinite(share) or 0 < share <= 1:
        return ""
    if share > 1:
        return translate("Why", "more than all of it: paths of the other sign cancel part of this one")
    return translate("Why", "paths of the other sign cancel all of this one and flip the sign of the sum")


# -- gradient check --------------------------------------------------------------------------
def gradcheck_caption(sweep) -> str:
    """The caption of the relative error against ε (``sweep``: a core
    :class:`~bpviz.core.gradcheck.EpsSweep`), true also when the error is 0 or 1 at every ε."""
    if all(np.all(np.asarray(e) == 0) for e in sweep.errors.values()):
        return translate("Why", "Backprop's ∂C/∂θ and every central difference are 0 in {dtypes}: the relative "
                                "error is 0 at every ε, and the logarithmic plot has no point to draw.").format(
            dtypes=translate("Why", " and ").join(sweep.errors))
    parts, rising_both = [], False
    for name in sweep.errors:
        err = np.asarray(sweep.errors[name], dtype=float)
        num = np.asarray(sweep.numerical[name], dtype=float)
        if np.all(err == 0):
            parts.append(translate("Why", "in {dtype} backprop's ∂C/∂θ and every central difference are 0, so the "
                                          "error is 0 at every ε and the logarithmic plot has no point to "
                                          "draw").format(dtype=name))
        elif np.all(num == 0):
            parts.append(translate("Why", "in {dtype} every central difference is 0 (C does not change at this "
                                          "precision), so the error is 1 at every ε").format(dtype=name))
        else:
            best = int(np.argmin(err))
            parts.append(translate("Why", "smallest in {dtype} ({err}) at ε = {eps}").format(
                dtype=name, err=number(float(err[best]), 2), eps=f"{sweep.eps[best]:.0e}"))
            rising_both |= bool(err[0] > err[best] and err[-1] > err[best])
            if np.any(err == 0):
                parts[-1] += translate("Why", " (exactly 0 at {n} ε, left out of the logarithmic plot)").format(
                    n=int(np.sum(err == 0)))
    text = translate("Why", "Relative error |g_bp − g_num| / (|g_bp| + |g_num|): {parts}.").format(
        parts=translate("Why", "; ").join(parts))
    if rising_both:
        text += translate("Why", " Larger ε: the difference quotient's own error (∝ ε²); smaller ε: rounding of "
                                 "C (∝ 1/ε) takes over.")
    return text
