"""Learning from mistakes: the confusion matrix, teaching one example, which pixels matter.

Three questions a learner asks of a trained network, each answered with the core's own
feedforward and backpropagation (pure NumPy: no Qt, no clock, no printing, no files):

1. **Where does it go wrong?** :func:`confusion` runs the network over a split in batches
   and counts (true label t, prediction p) pairs; :meth:`Confusion.cell` lists the images of
   one cell with their output activations a^L, sortable by confidence a^L_p or by the
   margin a^L_p − a^L_t.
2. **What would it take to fix this one?** :class:`Teacher` applies the seed's
   ``update_mini_batch`` to a batch of exactly one example (x, k) — one gradient-descent
   step w^l → w^l − η δ^l (a^{l−1})^T, b^l → b^l − η δ^l — and keeps a snapshot of the
   previous parameters on an undo stack, so any number of steps can be undone bit for bit.
   Each :class:`TeachStep` reports the outputs and C_x before and after, the weights that
   moved most, and (given a test set) what the step did to the other images.
3. **Which pixels matter?** BP2 does not have to stop at layer 2: one more product gives
   ∂C/∂x = (w^2)^T δ^2, the sensitivity of C_x to every input pixel (:func:`input_gradient`).
   :func:`nudge` moves the input a small step against it, :func:`nudge_until` repeats
   until the prediction becomes the target — the same equations, applied to the input
   instead of the weights.

Labels and neurons are numbered from 0, layers from 1 (the input) as in the book.

Modules: :mod:`.confusion` (1), :mod:`.teach` (2), :mod:`.pixels` (3).
"""

from bpviz.core.mistakes.confusion import SORT_KEYS, CellImages, ConfusedPair, Confusion, confusion
from bpviz.core.mistakes.pixels import NudgeRun, NudgeStep, as_image, input_gradient, nudge, nudge_until
from bpviz.core.mistakes.teach import (
    ParameterSnapshot,
    PredictionChanges,
    Teacher,
    TeachStep,
    WeightChange,
    example_cost,
    largest_changes,
    prediction_changes,
    teach_step,
)

__all__ = ["SORT_KEYS", "CellImages", "ConfusedPair", "Confusion", "NudgeRun", "NudgeStep", "ParameterSnapshot",
           "PredictionChanges", "TeachStep", "Teacher", "WeightChange", "as_image", "confusion", "example_cost",
           "input_gradient", "largest_changes", "nudge", "nudge_until", "prediction_changes", "teach_step"]
