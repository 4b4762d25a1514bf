"""Which pixels matter? The cost's gradient with respect to the input, and nudging the input.

BP2 does not have to stop at layer 2: one more product gives ∂C/∂x = (w^2)^T δ^2, the sensitivity of
C_x to every input pixel (:func:`input_gradient`). :func:`nudge` moves the input a small step against
it, :func:`nudge_until` repeats until the prediction becomes the target — the same equations, applied
to the input instead of the weights."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.core.mistakes.teach import example_arrays, example_cost
from bpviz.core.network import Network


# -- 3. which pixels matter -------------------------------------------------------------------
def input_gradient(network: Network, x: np.ndarray, label: int) -> np.ndarray:
    """∂C_x/∂x, shape (n_1,): BP2 carried one layer further, (w^2)^T δ^2.

    z^2 = w^2 x + b^2, so ∂C/∂x_k = Σ_j w^2_jk ∂C/∂z^2_j = ((w^2)^T δ^2)_k. Unlike δ^l for
    l ≥ 2 there is no σ′ factor: the input is not the output of a sigmoid. Computed in the
    network's dtype; target is the one-hot vector of ``label``.
    """
    X, Y = example_arrays(network, x, label)
    zs, activations = network.forward_unchecked(X)
    deltas = network.backward(zs, activations, Y)
    return (deltas[0] @ network.weights[0])[0]  # row form of (w^2)^T δ^2


def as_image(v: np.ndarray) -> np.ndarray:
    """A per-pixel vector (n_1,) as a square image (side, side), e.g. 784 → 28×28 (a view)."""
    v = np.asarray(v)
    side = int(round(v.shape[0] ** 0.5))
    if side * side != v.shape[0]:
        raise ValueError(f"{v.shape[0]} pixels do not form a square image")
    return v.reshape(side, side)


@dataclass(frozen=True, eq=False)
class NudgeStep:
    """The input after one or more nudges towards ``target``.

    ``changed_pixels`` counts pixels that differ from the original input by more than
    ``threshold``; ``max_change`` is the largest such difference (L∞ distance).
    """

    x: np.ndarray         # (n_1,) the nudged input, in [0, 1]
    outputs: np.ndarray   # (n_L,) a^L of the nudged input
    cost: float           # C_x of the nudged input for the target
    target: int
    changed_pixels: int
    max_change: float
    threshold: float

    @property
    def prediction(self) -> int:
        return int(np.argmax(self.outputs))


def nudge(network: Network, x: np.ndarray, target: int, step: float = 0.02, *,
          original: np.ndarray | None = None, threshold: float = 0.05) -> NudgeStep:
    """Move x one step against ∂C_x/∂x for ``target``, clip to [0, 1], re-predict.

    The step rule is x ← clip(x − ε g / max|g|, 0, 1), where g is ∂C/∂x with the pixels
    that cannot move (at 0 and pushed down, at 1 and pushed up) set to 0:

    * dividing by max|g| makes ε a brightness: the most influential movable pixel changes
      by exactly ε, others in proportion to their gradient. A plain step η·g would need a
      different η for every image and every network, because |g| spans orders of magnitude
      (and shrinks as the output saturates, where a plain step stalls);
    * keeping the gradient's shape (unlike a sign step) leaves unimportant pixels almost
      untouched, which is what lets the learner see *few* pixels change the answer;
    * ignoring stuck pixels in the maximum keeps a pixel that clipping would block from
      shrinking everybody else's step.

    For small ε the first-order change of C is −ε Σ g²/max|g| ≤ 0: a small step never
    increases the cost. ``original`` (default x) is what ``changed_pixels`` is measured
    against, so a run of nudges counts pixels changed since the start.
    """
    if not (np.isfinite(step) and step > 0):
        raise ValueError(f"the nudge step must be a finite number > 0 (got {step})")
    x = np.asarray(x)
    g = input_gradient(network, x, target)
    xd = x.astype(network.dtype)
    # Moving along −g: a pixel at 0 with g > 0 would go below 0, one at 1 with g < 0 above 1.
    stuck = ((xd <= 0) & (g > 0)) | ((xd >= 1) & (g < 0))
    g = np.where(stuck, 0, g)
    gmax = float(np.max(np.abs(g))) if g.size else 0.0
    new = xd if gmax == 0 else np.clip(xd - (step / gmax) * g, 0, 1).astype(network.dtype)
    outputs, cost = example_cost(network, new, target)
    ref = xd if original is None else np.asarray(original, dtype=network.dtype)
    diff = np.abs(new.astype(np.float64) - ref.astype(np.float64))
    return NudgeStep(new, outputs, cost, int(target), int(np.sum(diff > threshold)),
                     float(diff.max(initial=0.0)), float(threshold))


@dataclass(frozen=True, eq=False)
class NudgeRun:
    """Successive nudges of one input towards ``target`` (``steps[i]`` is after i + 1 nudges)."""

    x0: np.ndarray             # (n_1,) the original input
    outputs0: np.ndarray       # (n_L,) its a^L
    cost0: float               # its C_x for the target
    target: int
    steps: tuple[NudgeStep, ...]

    @property
    def reached(self) -> bool:
        """True if the last step predicts the target."""
        outputs = self.steps[-1].outputs if self.steps else self.outputs0
        return int(np.argmax(outputs)) == self.target

    @property
    def final(self) -> NudgeStep | None:
        return self.steps[-1] if self.steps else None


def nudge_until(network: Network, x: np.ndarray, target: int, step: float = 0.02, max_steps: int = 100,
                threshold: float = 0.05) -> NudgeRun:
    """Nudge x towards ``target`` until the prediction is ``target`` or ``max_steps`` nudges.

    Stops early (with no step) if x is already predicted as ``target``, and when a nudge
    no longer changes x (every useful pixel is at its bound).
    """
    if not (isinstance(max_steps, (int, np.integer)) and max_steps >= 0):
        raise ValueError(f"max_steps must be a whole number ≥ 0 (got {max_steps})")
    x0 = np.asarray(x).astype(network.dtype)
    outputs0, cost0 = example_cost(network, x0, target)
    steps: list[NudgeStep] = []
    current, prediction = x0, int(np.argmax(outputs0))
    while prediction != target and len(steps) < max_steps:
        s = nudge(network, current, target, step, original=x0, threshold=threshold)
        if np.array_equal(s.x, current):
            break
        steps.append(s)
        current, prediction = s.x, s.prediction
    return NudgeRun(x0, outputs0, cost0, int(target), tuple(steps))
