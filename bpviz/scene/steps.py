"""The step-through of backpropagation as pure data (Qt-free).

A :class:`StepSequence` is built from the core's traces of a mini-batch (one sample is a
mini-batch of one) on a copy of the network's parameters, and from one real SGD update
of the core on the same batch. For each sample x it walks

    input a¹ = x → feedforward into l = 2..L → BP1 (δᴸ) → BP2 for l = L−1..2
    → BP3/BP4 for l = L..2 (gradients, and in a mini-batch their running sums)

and then, once per batch, the gradient-descent update (the change Δw) and its result (new
weights, the output before and after). Every number a step shows is read from the traces
or from the updated copy: nothing is recomputed differently for display.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bpviz.core import Network, Trace, update_mini_batch
from bpviz.core.firstorder import change_cause, directional, output_gradient, parameter_step, resolution
from bpviz.core.learning import SATURATION_THRESHOLD
from bpviz.i18n import translate
from bpviz.scene.layout import square_side
from bpviz.scene.notation import num, number

INPUT, FORWARD, BP1, BP2, GRADIENT, UPDATE, RESULT = (
    "input", "forward", "bp1", "bp2", "gradient", "update", "result")
#: Which general equation of the panel each kind of step highlights.
EQUATIONS_OF = {INPUT: ("input",), FORWARD: ("z", "a"), BP1: ("bp1",), BP2: ("bp2",),
                GRADIENT: ("bp3", "bp4"), UPDATE: ("update",), RESULT: ("update",)}


@dataclass(frozen=True)
class Step:
    """One step: what is computed, where, and for which sample of the batch."""

    index: int
    kind: str        # INPUT, FORWARD, BP1, BP2, GRADIENT, UPDATE or RESULT
    layer: int       # the active layer l (book numbering; L for UPDATE/RESULT)
    sample: int      # position of x in the mini-batch
    title: str
    caption: str     # one or two plain sentences: what is computed and why it matters


@dataclass(frozen=True)
class Claim:
    """One checkable statement a caption makes, in structured form.

    ``what`` names the quantity, ``stated`` what the caption says about it, ``values`` the
    numbers it was decided from, ``words`` the phrase of the caption that says it. The
    caption-truth test recomputes each quantity from the networks and checks ``stated``.

    what            stated                      values
    "cost"          "down" | "up" | "same"      (mean C before, mean C after) over the batch
    "target"        "rose" | "fell" | "same"    (a_y before, a_y after) of the one sample
    "cost_cause"    "overshoot" | "direction" | (first-order change ∇C·Δθ, C after − C before, rounding
                    "rounding" | "none"          step of C) — only when the cost did not go down
    "target"        … (m = 1)
    "target_cause"  "overshoot" | "direction" | (first-order change ∇a_y·Δθ, a_y after − before, rounding
                    "rounding"                   step of a_y, the part of ∇a_y·Δθ from y's own error)
    "targets_rose"  "k"  (a count, as text)     (k, m)
    "costs_fell"    "k"  (a count, as text)     (k, m): samples whose C_x went down
    "mean_not_each" "yes"                       (k, m) — the mean cost fell but k < m samples' did
    "saturated"     "yes" | "no"                (σ′(z), threshold) of the neuron shown (tanh′ and 4·threshold)
    "off"           "yes" | "no"                (z, 0) of a ReLU neuron shown: off (ReLU′ = 0) when z ≤ 0
    "silent_inputs" "no gradient" | "none"      (number of silent inputs of layer l − 1,)
    "kept_weights"  "yes"                       () — the update was refused
    """

    what: str
    stated: str
    values: tuple = ()
    words: str = ""


def _direction(before: float, after: float, up: str, down: str, same: str) -> str:
    return up if after > before else down if after < before else same


def _sub(*idx) -> str:
    return "<sub>" + ",".join(str(i) for i in idx) + "</sub>"


def sym(name: str, l: int | str | None = None, *idx) -> str:
    """Rich text for the book's symbols, e.g. sym("δ", 3, 2) → δ³₂ as HTML."""
    sup = "" if l is None else f"<sup>{l}</sup>"
    return f"{name}{sup}{_sub(*idx) if idx else ''}"


def _paren(s: str) -> str:
    """A shown number in parentheses when negative (a factor, or a term after the first)."""
    return f"({s})" if s.startswith("−") else s


def pnum(v: float) -> str:
    """num(v), in parentheses when negative (for a factor or a term after the first)."""
    s = num(v)
    return f"({s})" if s.startswith("−") else s


def saturation_note(sigma_prime: float, cross_entropy_output: bool = False,
                    threshold: float = SATURATION_THRESHOLD) -> str:
    """A line for BP1/BP2 when σ′(z) < threshold (else ""): why this neuron learns slowly —
    or, for a cross-entropy output, why it does not (its δ = a − y has no σ′ factor)."""
    sp = float(sigma_prime)
    if not sp < threshold:
        return ""
    if cross_entropy_output:
        text = translate("Steps", "σ′(z) = {sp} &lt; {threshold}: this neuron is saturated, but the cross-entropy "
                                  "δ = a − y has no σ′ factor, so it still learns in proportion to its error")
    else:
        text = translate("Steps", "σ′(z) = {sp} &lt; {threshold}: this neuron is saturated, so δ is small and it "
                                  "learns slowly")
    return "<br>" + text.format(sp=number(sp, 2), threshold=f"{threshold:g}")


def silent_note(silent: int, n: int, layer: int) -> str:
    """A line for BP3/BP4 when some neurons of the layer before are silent (else ""): their edges get
    ∂C/∂w = a·δ = 0."""
    if not silent:
        return ""
    return "<br>" + translate("Steps", "{silent} of the {n} neurons of layer {k} are silent (a = 0) on this sample: "
                                       "the edges from them get no gradient (∂C/∂w = a·δ = 0).").format(
        silent=silent, n=n, k=layer)


def difference(a: float, b: float) -> str:
    """"a − b" with a and b told apart (see :func:`distinct`); when 9 digits cannot tell them
    apart, the difference itself, so the printed numbers never contradict the result."""
    sa, sb = distinct(a, b)
    return f"{sa} − {sb}" if sa != sb or float(a) == float(b) else num(float(a) - float(b))


def distinct(a: float, b: float) -> tuple[str, str]:
    """num(a), num(b) with as many digits as it takes to show that they differ (up to 9), so
    "1.000 − 1.000 = −1.96e−09" or "rose (0.985 → 0.985)" cannot appear: a compared pair reads
    as different whenever it is."""
    a, b = float(a), float(b)
    for digits in range(3, 10):
        sa, sb = num(a, digits), num(b, digits)
        if sa != sb or a == b:
            return sa, sb
    return sa, sb


def _shown(text: str) -> float:
    """The value a number printed by :func:`num` stands for."""
    return float(text.replace("−", "-"))


def reproducible(values, compute, result: float, start: int = 3, result_digits: int = 3) -> tuple[str, ...]:
    """num() of each of ``values`` with as many digits as it takes (``start`` … 9) for ``compute`` applied to
    the *shown* values to give the shown result num(result, result_digits): "(0.985 − 1.000)·0.0145 =
    −0.000214" cannot appear when the shown numbers give −0.000218."""
    target = num(result, result_digits)
    for digits in range(start, 10):
        shown = tuple(num(v, digits) for v in values)
        try:
            ok = num(compute(*(_shown(t) for t in shown)), result_digits) == target
        except (ValueError, ZeroDivisionError, OverflowError):
            ok = False
        if ok:
            break
    return shown


def _digits_of(text: str, value: float) -> int:
    """The ``digits`` argument with which num(value, digits) gives ``text`` (3 if none does)."""
    return next((d for d in range(3, 10) if num(value, d) == text), 3)


def _sum_text(w: np.ndarray, a: np.ndarray, total: float, total_digits: int = 3, extra: float | None = None,
              shown: int = 4) -> str:
    """"w·a + w·a + … [+ … (n more terms, together r)] [+ extra]": every term when there are at most
    ``shown``, else the largest |w·a| and the rest as one number; with the digits it takes for the shown
    numbers to add up to num(total, total_digits)."""
    terms = w * a
    n = terms.size
    idx = np.arange(n) if n <= shown else np.argsort(-np.abs(terms))[:shown]
    k = idx.size
    rest = float(terms.sum() - terms[idx].sum()) if n > shown else None
    vals = [*map(float, w[idx]), *map(float, a[idx])] + ([rest] if rest is not None else []) + (
        [float(extra)] if extra is not None else [])

    def compute(*v):
        return sum(v[i] * v[i + k] for i in range(k)) + sum(v[2 * k:])

    txt = reproducible(vals, compute, total, result_digits=total_digits)
    out = " + ".join(f"{_paren(txt[i])}·{_paren(txt[i + k])}" for i in range(k))
    pos = 2 * k
    if rest is not None:
        out += translate("Steps", " + … ({n} more terms, together {rest})").format(n=n - shown, rest=txt[pos])
        pos += 1
    if extra is not None:
        out += f" + {_paren(txt[pos])}"
    return out


class _Lazy:
    """A read-only sequence whose items are made on demand by ``item(i)`` (ints, negative
    indices and slices), so a 10,000-sample mini-batch does not hold 70,000 steps or traces."""

    def __init__(self, n: int, item) -> None:
        self._n, self._item = n, item

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._item(k) for k in range(*i.indices(self._n))]
        i = int(i)
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(f"index {i} outside 0..{self._n - 1}")
        return self._item(i)

    def __iter__(self):
        return (self._item(k) for k in range(self._n))


class StepSequence:
    """All steps of the backward pass for a mini-batch X with labels, on ``network``'s parameters.

    ``network`` is not changed: the sequence keeps a copy (``before``) and applies the
    core's :func:`update_mini_batch` to another copy (``after``). The batch's forward and
    backward pass is computed once, as matrices; each sample's :class:`Trace`, each step and
    each running sum is cut out of it when asked for, so memory grows with m × (neurons), not
    with m × (weights) or the number of steps.
    """

    def __init__(self, network: Network, X: np.ndarray, labels: np.ndarray, eta: float,
                 class_names: tuple[str, ...] | None = None, lmbda: float = 0.0, n_train: int | None = None) -> None:
        X = np.asarray(X)
        if X.ndim == 1:
            X = X[None, :]
        labels = np.atleast_1d(np.asarray(labels))
        self.before = network.copy()
        self.eta, self.lmbda = float(eta), float(lmbda)
        self.n_train = n_train
        self.labels = labels
        self.class_names = class_names or tuple(str(i) for i in range(network.sizes[-1]))
        self.batch = self.before.batch_pass(X, labels)
        self.after = network.copy()
        cost = update_mini_batch(self.after, self.after.check_inputs(X), self.batch.Y, self.eta, self.lmbda, n_train)
        self.n_train = n_train or X.shape[0]   # the n of the L2 term (1 − ηλ/n), as update_mini_batch uses it
        self.update_ok = cost is not None
        self.update_cost = cost      # the mini-batch's cost before the update (as training records it)
        self.m = X.shape[0]
        self.L = network.num_layers
        self.sizes = network.sizes
        self.cost_name = network.cost.name
        self.activation, self.output = network.activation.name, network.output   # the neurons (issue 19)
        self.output_after = self.after.feedforward(X)            # (m, n_L)
        self.cost_after = self.after.cost.fn(self.output_after, self.batch.Y,
                                             self.after.forward(X)[0][-1])  # (m,) C_x after the update
        self._cache: dict[int, Trace] = {}
        self.traces = _Lazy(self.m, self._trace)
        #: sum_w[l − 2][i]: Σ over the first i + 1 samples of ∂C_x/∂w^l (made when asked for)
        self.sum_w = [_Lazy(self.m, lambda i, l=l: self.batch.sum_nabla_w(l, i + 1)) for l in range(2, self.L + 1)]
        self.sum_b = [_Lazy(self.m, lambda i, l=l: self.batch.sum_nabla_b(l, i + 1)) for l in range(2, self.L + 1)]
        self._template = self._sample_template()
        self.steps = _Lazy(self.m * len(self._template) + 2, self._step)

    def _trace(self, i: int) -> Trace:
        t = self._cache.get(i)
        if t is None:
            if len(self._cache) >= 8:   # the few samples a walk is near
                self._cache.pop(next(iter(self._cache)))
            t = self._cache[i] = self.batch.trace(i)
        return t

    # -- construction ---------------------------------------------------------------------------
    def _sample_template(self) -> list[tuple[str, int, str, str]]:
        """(kind, layer, title, caption) of one sample's steps; "{of}" and "{y}" are filled per sample."""
        L, m = self.L, self.m
        quad = self.cost_name == "quadratic"
        image = square_side(self.sizes[0]) is not None
        # "{of}" and "{y}" stay in the texts (filled per sample in _step); only the layer numbers go in here
        inp = (translate("Steps", "The image is fed in as the activations of layer 1: a¹ = x, one value per pixel. "
                                  "The target y is the vector with 1 for the class “{y}” and 0 elsewhere.") if image
               else translate("Steps", "The sample is fed in as the activations of layer 1: a¹ = x, one value per "
                                       "input. The target y is the vector with 1 for the class “{y}” and 0 elsewhere."))
        out = [(INPUT, 1, translate("Steps", "Input{of}"), inp)]
        for l in range(2, L + 1):
            out.append((FORWARD, l, _fill(translate("Steps", "Feedforward into layer {l}{of}"), l=l),
                        _fill(translate("Steps", "Each neuron of layer {l} adds up the activations of layer {k}, "
                                                 "weighted by the edges into it, plus its bias (that is z), and "
                                                 "squashes the sum with σ. Backpropagation will need every z and a "
                                                 "computed here."), l=l, k=l - 1)
                        if self._f(l) == "sigmoid" else neuron_caption(FORWARD, self._f(l), l)))
        out.append((BP1, L, translate("Steps", "BP1: the output error δᴸ{of}"),
                    neuron_caption(BP1, "softmax", L) if self.output == "softmax" else
                    translate("Steps", "How much the cost changes when the output neuron's z changes: the output is "
                                       "compared with the target (aᴸ − y) and scaled by σ′(zᴸ), which is tiny when a "
                                       "neuron is saturated — then it learns slowly.")
                    if quad else
                    translate("Steps", "How much the cost changes when the output neuron's z changes: with the "
                                       "cross-entropy cost it is simply aᴸ − y; no σ′ factor, so saturated neurons "
                                       "still learn fast.")))
        for l in range(L - 1, 1, -1):
            out.append((BP2, l, _fill(translate("Steps", "BP2: the error moves back to layer {l}{of}"), l=l),
                        _fill(translate("Steps", "Each neuron of layer {l} collects the errors of layer {k}, weighted "
                                                 "by the same edges that carried its activation forward (wᵀδ), and "
                                                 "scales them by its own σ′(z). This is the backward pass: one matrix "
                                                 "product per layer."), l=l, k=l + 1)
                        if self.activation == "sigmoid" else neuron_caption(BP2, self.activation, l)))
        for l in range(L, 1, -1):
            out.append((GRADIENT, l, _fill(translate("Steps", "BP3/BP4: gradients of layer {l}{of}"), l=l),
                        translate("Steps", "The error of a neuron is the gradient for its bias (BP3); the gradient "
                                           "for a weight is the error at its end times the activation at its start "
                                           "(BP4): edges from silent neurons (a = 0) get no gradient.")
                        + (translate("Steps", " The sums over the mini-batch so far are shown too.") if m > 1 else "")))
        return out

    def _step(self, index: int) -> Step:
        per, m, L = len(self._template), self.m, self.L
        if index < m * per:
            i, r = divmod(index, per)
            kind, layer, title, caption = self._template[r]
            of = translate("Steps", " (sample {i} of {m})").format(i=i + 1, m=m) if m > 1 else ""
            y = self.class_names[int(self.labels[i])]
            return Step(index, kind, layer, i, title.replace("{of}", of), caption.replace("{y}", y))
        if index == m * per:
            text = (translate("Steps", "Every weight and bias moves against its gradient, averaged over the {m} "
                                       "samples of the mini-batch and scaled by the learning rate η = {eta}. The "
                                       "edges show the change Δw.") if m > 1 else
                    translate("Steps", "Every weight and bias moves against its gradient, averaged over the {m} "
                                       "sample of the mini-batch and scaled by the learning rate η = {eta}. The "
                                       "edges show the change Δw."))
            text = text.format(m=m, eta=f"{self.eta:g}")
            if self.lmbda:
                text += translate("Steps", " With L2 regularisation (λ = {lmbda}, n = {n}) every weight first "
                                           "shrinks by the factor 1 − ηλ/n = {decay}; biases do not.").format(
                    lmbda=f"{self.lmbda:g}", n=self.n_train, decay=num(1.0 - self.eta * self.lmbda / self.n_train, 6))
            return Step(index, UPDATE, L, m - 1, translate("Steps", "Gradient descent: the change"), text)
        return Step(index, RESULT, L, m - 1, translate("Steps", "Gradient descent: the result"), self.result_caption())

    def result_claims(self) -> list[Claim]:
        """What the RESULT caption states, decided from the numbers (see :class:`Claim`).

        A cause is stated only when computed: each change is compared with its first-order
        change ∇q · Δθ (what a much smaller step in the same direction does, scaled) and with the
        float's rounding step at the value (:func:`bpviz.core.firstorder.change_cause`).
        """
        if not self.update_ok:
            return [Claim("kept_weights", "yes", (), translate("Steps", "This update would make the weights "
                                                                       "non-finite (η is far too large): the network "
                                                                       "keeps its old weights."))]
        y = self.batch.Y.argmax(axis=1)
        rows = np.arange(self.m)
        before_t = self.batch.activations[-1][rows, y]
        after_t = self.output_after[rows, y]
        c0, c1 = float(np.mean(self.batch.costs)), float(np.mean(self.cost_after))
        went = _direction(c0, c1, "up", "down", "nowhere")
        cost_words = {
            (True, "up"): translate("Steps", "The cost over this sample went up: {c0} → {c1}."),
            (True, "down"): translate("Steps", "The cost over this sample went down: {c0} → {c1}."),
            (True, "nowhere"): translate("Steps", "The cost over this sample went nowhere: {c0} → {c1}."),
            (False, "up"): translate("Steps", "The cost over these {m} samples went up: {c0} → {c1}."),
            (False, "down"): translate("Steps", "The cost over these {m} samples went down: {c0} → {c1}."),
            (False, "nowhere"): translate("Steps", "The cost over these {m} samples went nowhere: {c0} → {c1}."),
        }[(self.m == 1, went)]
        out = [Claim("cost", {"nowhere": "same"}.get(went, went), (c0, c1),
                     cost_words.format(m=self.m, **dict(zip(("c0", "c1"), distinct(c0, c1)))))]
        step = parameter_step(self.before, self.after)
        if went != "down":
            out.append(self._cost_cause(c0, c1, step))
        if self.m == 1:
            b, a = float(before_t[0]), float(after_t[0])
            moved = _direction(b, a, "rose", "fell", "same")
            words = {"rose": translate("Steps", "The target neuron's output rose towards 1 ({b} → {a})."),
                     "fell": translate("Steps", "The target neuron's output fell, away from 1 ({b} → {a})."),
                     "same": translate("Steps", "The target neuron's output did not change.")}[moved]
            words = words.format(**dict(zip(("b", "a"), distinct(b, a))))
            claims = [Claim("target", moved, (b, a), words)]
            if moved != "same":
                claims.append(self._target_cause(b, a, step))
            out[:0] = claims
        else:
            closer = int(np.sum(after_t > before_t))
            fell = int(np.sum(self.cost_after < self.batch.costs))
            words = translate("Steps", "For {k} of the {m} samples the target neuron's output rose, and for {c} "
                                       "of them the cost fell.").format(k=closer, m=self.m, c=fell)
            out[:0] = [Claim("targets_rose", str(closer), (closer, self.m), words),
                       Claim("costs_fell", str(fell), (fell, self.m), words)]
            if went == "down" and fell < self.m:
                out.append(Claim("mean_not_each", "yes", (fell, self.m),
                                 translate("Steps", "One step lowered the batch's mean cost, not every "
                                                    "sample's.")))
        return out

    def _target_cause(self, b: float, a: float, step) -> Claim:
        """Why the one sample's target output moved as it did (m = 1): compared with the first-order change
        ∇a_y · Δθ and with the rounding step of a_y."""
        t = self._trace(0)
        yj = t.label
        grads = output_gradient(self.before, t.x, yj)
        fo = directional(grads, step)
        spacing = resolution(b, self.before.dtype)
        cause = change_cause(a - b, fo, spacing)
        # The part of the first-order change that comes from this output's own error: the step's
        # component −η δ^L_y ∇z_y, whose effect on a_y is −η δ^L_y (∇a_y · ∇z_y) (for a sigmoid output
        # ∇a_y = σ′(z_y) ∇z_y, so this is −η δ^L_y/σ′(z_y) ‖∇a_y‖², > 0 when a_y < 1).
        own = -self.eta * float(t.delta(self.L)[yj]) * directional(
            grads, output_gradient(self.before, t.x, yj, of="z"))
        rose = a > b
        fo_text = num(fo)
        if cause == "rounding":
            words = translate("Steps", "That change is float rounding: one {dtype} step at this value is {sp}, "
                                       "and to first order the update changes it by only {fo}.").format(
                dtype=self.before.dtype.name, sp=number(spacing, 2), fo=fo_text)
        elif cause == "overshoot" and not rose:
            words = translate("Steps", "For this output the step overshot: a much smaller step in the same "
                                       "direction raises it (first-order change {fo}); at η = {eta} the step is "
                                       "too long for it.").format(fo=fo_text, eta=f"{self.eta:g}")
        elif cause == "overshoot":
            words = translate("Steps", "A much smaller step in the same direction would lower it (first-order "
                                       "change {fo}): it rose because the step is large.").format(fo=fo_text)
        elif fo == 0:
            words = translate("Steps", "To first order this update leaves it unchanged: the change comes from "
                                       "the step's size.")
        elif rose:
            words = translate("Steps", "That is one step of learning.")
        else:
            words = translate("Steps", "Not an overshoot: a much smaller step in the same direction lowers it too "
                                       "(first-order change {fo}).").format(fo=fo_text)
            if own > 0 > fo - own:
                words += " " + (translate("Steps", "The step lowers the cost of all outputs together; through "
                                                   "the weights they share, the other outputs' errors pull this "
                                                   "one down ({rest}) more than its own error pulls it up "
                                                   "({own}).") if not self.lmbda else
                                translate("Steps", "The step lowers the cost of all outputs together; the other "
                                                   "outputs' errors, through the weights they share, and the "
                                                   "weight decay pull this one down ({rest}) more than its own "
                                                   "error pulls it up ({own}).")).format(
                    rest=num(fo - own), own=num(own))
        return Claim("target_cause", cause, (fo, a - b, spacing, own), words)

    def _cost_cause(self, c0: float, c1: float, step) -> Claim:
        """Why the cost did not go down: compared with its first-order change ∇C · Δθ (C the batch's mean
        C_x, without the L2 term) and with the rounding step of C."""
        m = self.m
        grads = ([self.batch.sum_nabla_w(l, m).astype(np.float64) / m for l in range(2, self.L + 1)],
                 [self.batch.sum_nabla_b(l, m).astype(np.float64) / m for l in range(2, self.L + 1)])
        fo = directional(grads, step)
        spacing = resolution(c0, self.before.dtype)
        cause = change_cause(c1 - c0, fo, spacing)
        if cause == "rounding" or cause == "none":
            words = translate("Steps", "That change is float rounding: one {dtype} step at this cost is {sp}, "
                                       "and to first order the update changes it by only {fo}.").format(
                dtype=self.before.dtype.name, sp=number(spacing, 2), fo=num(fo))
        elif cause == "overshoot":
            words = translate("Steps", "The step overshot: a much smaller step in the same direction lowers this "
                                       "cost (first-order change {fo}), so η = {eta} is too large here.").format(
                fo=num(fo), eta=f"{self.eta:g}")
        elif fo == 0:
            words = translate("Steps", "To first order this update leaves the cost unchanged: the change comes "
                                       "from the step's size.")
        elif self.lmbda:
            words = translate("Steps", "To first order this update raises this cost too ({fo}): with λ = {lmbda} "
                                       "the step also shrinks every weight, and the cost shown has no L2 "
                                       "term.").format(fo=num(fo), lmbda=f"{self.lmbda:g}")
        else:
            words = translate("Steps", "To first order this update raises this cost too ({fo}).").format(fo=num(fo))
        return Claim("cost_cause", cause, (fo, c1 - c0, spacing), words)

    def result_caption(self) -> str:
        """What the update did, in words computed from the numbers it describes."""
        claims = self.result_claims()
        if claims[0].what == "kept_weights":
            return claims[0].words
        words = list(dict.fromkeys(c.words for c in claims))   # two claims may share one sentence
        return _sentences([translate("Steps", "Shown now: the network after the update."), *words])

    def claims(self, step: Step, j: int | None = None) -> list[Claim]:
        """Every checkable statement the step's caption and equation make for neuron j."""
        if step.kind == RESULT:
            return self.result_claims()
        t = self.trace(step)
        l = step.layer
        j = self.default_neuron(step) if j is None else j
        if step.kind in (BP1, BP2) and self._f(l) != "sigmoid":
            return neuron_claims(t, l, j, self._f(l))
        if step.kind in (BP1, BP2):
            sp = float(t.sigma_prime(l)[j])
            note = saturation_note(sp, cross_entropy_output=step.kind == BP1 and self.cost_name != "quadratic")
            return [Claim("saturated", "yes" if note else "no", (sp, SATURATION_THRESHOLD), note)]
        if step.kind == GRADIENT:
            silent = int(np.sum(t.a(l - 1) == 0))
            return [Claim("silent_inputs", "no gradient" if silent else "none", (silent,),
                          silent_note(silent, self.sizes[l - 2], l - 1))]
        return []

    def __len__(self) -> int:
        return len(self.steps)

    def _f(self, l: int) -> str:
        """The neuron of layer l (2..L): the hidden activation, or the output layer's."""
        return self.output if l == self.L else self.activation

    # -- values a step shows ---------------------------------------------------------------------
    def trace(self, step: Step) -> Trace:
        return self._trace(step.sample)

    def node_values(self, step: Step, l: int) -> tuple[str, np.ndarray] | None:
        """("a" | "δ", values (n_l,)) to colour layer l's nodes with, or None if not computed yet."""
        t = self.trace(step)
        k = step.kind
        if k == RESULT:
            if l == 1:
                return "a", t.a(1)
            return "a", self.after.forward(t.x[None, :])[1][l - 1][0]
        if k == INPUT:
            return ("a", t.a(1)) if l == 1 else None
        if k == FORWARD:
            return ("a", t.a(l)) if l <= step.layer else None
        # backward kinds: δ where it has been computed, a elsewhere
        first_delta = step.layer if k in (BP1, BP2) else 2
        if l >= first_delta and l >= 2:
            return "δ", t.delta(l)
        return "a", t.a(l)

    def shown_network(self, step: Step) -> Network:
        """The parameters the view shows at this step: after the update at the result, before it elsewhere
        (labels, tooltips and colours must all read the same side)."""
        return self.after if step.kind == RESULT else self.before

    def shown_activations(self, step: Step) -> list[np.ndarray]:
        """a^l for l = 1..L (each (n_l,)) of the step's sample on :meth:`shown_network`: the tooltips'
        a = σ(z) agree with the caption's "before → after" at the result."""
        t = self.trace(step)
        if step.kind != RESULT:
            return [t.a(l) for l in range(1, self.L + 1)]
        return [a[0] for a in self.after.forward(t.x[None, :])[1]]

    def edge_values(self, step: Step) -> tuple[str, dict[int, np.ndarray]]:
        """(kind, {l: (n_l, n_{l−1}) values}) for the edges this step emphasises."""
        t = self.trace(step)
        k, l = step.kind, step.layer
        if k == FORWARD:
            return "w", {l: t.w(l)}
        if k == BP2:
            return "w", {l + 1: t.w(l + 1)}
        if k == GRADIENT:
            return "∂C/∂w", {l: t.dC_dw(l)}
        if k == UPDATE:
            return "Δw", {ll: self.after.w(ll) - self.before.w(ll) for ll in range(2, self.L + 1)}
        if k == RESULT:
            return "w", {ll: self.after.w(ll) for ll in range(2, self.L + 1)}
        return "w", {}

    def vector(self, step: Step) -> tuple[str, int, np.ndarray]:
        """(name, layer, values) for the bar plot of the active layer."""
        t = self.trace(step)
        k, l = step.kind, step.layer
        if k in (INPUT, FORWARD):
            return "a", l, t.a(l)
        if k in (BP1, BP2):
            return "δ", l, t.delta(l)
        if k == GRADIENT:
            return "∂C/∂b", l, t.dC_db(l)
        if k == UPDATE:
            return "Δb", l, self.after.b(l) - self.before.b(l)
        return "a (after)", l, self.output_after[step.sample]

    def default_neuron(self, step: Step) -> int:
        """The neuron the equation shows when the user has selected none in the active layer."""
        t = self.trace(step)
        l = step.layer
        if l == self.L:
            return t.label
        if step.kind in (INPUT,):
            return int(np.argmax(t.a(1)))
        if step.kind == FORWARD:
            return int(np.argmax(t.a(l)))
        return int(np.argmax(np.abs(t.delta(l))))

    def default_edge(self, step: Step, j: int) -> int:
        """k of the input to neuron j with the largest |∂C/∂w_jk| (or |w_jk| going forward)."""
        t = self.trace(step)
        l = max(step.layer, 2)
        if step.kind in (GRADIENT, UPDATE, RESULT):
            return int(np.argmax(np.abs(t.dC_dw(l)[j])))
        return int(np.argmax(np.abs(t.w(l)[j] * t.a(l - 1))))

    # -- the numbers plugged into the equation -----------------------------------------------------
    def equation(self, step: Step, j: int | None = None, k: int | None = None) -> str:
        """The step's equation with the real numbers of neuron j (and input k) as rich text."""
        t = self.trace(step)
        kind, l = step.kind, step.layer
        j = self.default_neuron(step) if j is None else j
        names = self.class_names
        if kind == INPUT:
            return (f"{sym('a', 1, j)} = x{_sub(j)} = {num(t.a(1)[j])}<br>"
                    + translate("Steps", "target y = class “{name}”: {yk} = 1, all other {yj} = 0").format(
                        name=names[t.label], yk=f"y{_sub(t.label)}", yj=f"y{_sub('j')}"))
        if kind == FORWARD:
            z, a, w, b, a_prev = t.z(l)[j], t.a(l)[j], t.w(l)[j], t.b(l)[j], t.a(l - 1)
            f = self._f(l)
            f_of = {"sigmoid": lambda v: 1 / (1 + np.exp(-v)), "tanh": np.tanh,
                    "relu": lambda v: max(v, 0.0)}.get(f)
            # f(shown z) gives shown a (softmax needs every z: shown to the digits of num)
            (sz,) = reproducible((z,), f_of, a) if f_of is not None else (num(z),)
            shown = _sum_text(w, a_prev, z, _digits_of(sz, z), extra=float(b))
            zline = (f"{sym('z', l, j)} = Σ<sub>k</sub> {sym('w', l, j, 'k')} {sym('a', l - 1, 'k')} + {sym('b', l, j)}"
                     f" = {shown} = <b>{sz}</b><br>")
            if f != "sigmoid":
                return zline + activation_line(t, l, j, f, sz)
            return zline + f"{sym('a', l, j)} = σ({sym('z', l, j)}) = σ({sz}) = <b>{num(a)}</b>"
        if kind == BP1:
            a, y, z, d = t.a(l)[j], t.y[j], t.z(l)[j], t.delta(l)[j]
            first = len(distinct(a, y)[0].split(".")[-1]) if float(a) != float(y) else 3
            if self.output == "softmax":
                sa, sy = reproducible((a, y), lambda a, y: a - y, d, start=first)
                return (f"{sym('δ', l, j)} = {sym('a', l, j)} − y{_sub(j)} = {sa} − {sy} = <b>{num(d)}</b>"
                        f" &nbsp; (z = {num(z)}; " + translate("Steps", "softmax with the log-likelihood cost") + ")<br>"
                        + _cost_line(t.cost))
            if self.cost_name == "quadratic":
                sp = t.sigma_prime(l)[j]
                sa, sy, ssp = reproducible((a, y, sp), lambda a, y, sp: (a - y) * sp, d, start=first)
                return (f"{sym('δ', l, j)} = ({sym('a', l, j)} − y{_sub(j)})·σ′({sym('z', l, j)}) = "
                        f"({sa} − {sy})·{_paren(ssp)} = <b>{num(d)}</b>"
                        "<br>" + _cost_line(t.cost) + saturation_note(sp))
            sa, sy = reproducible((a, y), lambda a, y: a - y, d, start=first)
            return (f"{sym('δ', l, j)} = {sym('a', l, j)} − y{_sub(j)} = {sa} − {sy} = <b>{num(d)}</b>"
                    f" &nbsp; (z = {num(z)})<br>" + _cost_line(t.cost)
                    + saturation_note(t.sigma_prime(l)[j], cross_entropy_output=True))
        if kind == BP2:
            w_next, d_next = t.w(l + 1)[:, j], t.delta(l + 1)
            s = float(w_next @ d_next)
            sp, d = t.sigma_prime(l)[j], t.delta(l)[j]
            ss, ssp = reproducible((s, sp), lambda s, sp: s * sp, d)
            shown = _sum_text(w_next, d_next, s, _digits_of(ss, s))
            fp = "σ′" if self.activation == "sigmoid" else F_NAMES[self.activation] + "′"
            note = saturation_note(sp) if self.activation == "sigmoid" else neuron_note(self.activation, sp, t.z(l)[j])
            return (f"{sym('δ', l, j)} = (Σ<sub>q</sub> {sym('w', l + 1, 'q', j)} {sym('δ', l + 1, 'q')})·"
                    f"{fp}({sym('z', l, j)}) = ({shown})·{_paren(ssp)} = {_paren(ss)}·{_paren(ssp)} = <b>{num(d)}</b>"
                    + note)
        if kind == GRADIENT:
            k = self.default_edge(step, j) if k is None else k
            d, a_prev, g = t.delta(l)[j], t.a(l - 1)[k], t.dC_dw(l)[j, k]
            text = (f"BP3: ∂C<sub>x</sub>/∂{sym('b', l, j)} = {sym('δ', l, j)} = <b>{num(d)}</b><br>"
                    f"BP4: ∂C<sub>x</sub>/∂{sym('w', l, j, k)} = {sym('a', l - 1, k)}·{sym('δ', l, j)} = "
                    + "·".join(map(_paren, reproducible((a_prev, d), lambda a, d: a * d, g)))
                    + f" = <b>{num(g)}</b>")
            text += silent_note(int(np.sum(t.a(l - 1) == 0)), self.sizes[l - 2], l - 1)
            if self.m > 1:
                i = step.sample
                text += ("<br>" + translate("Steps", "sums over the first {i} of {m} samples:").format(
                         i=i + 1, m=self.m) + " "
                         f"Σ<sub>x</sub> ∂C<sub>x</sub>/∂{sym('b', l, j)} = {num(self.sum_b[l - 2][i][j])}, "
                         f"Σ<sub>x</sub> ∂C<sub>x</sub>/∂{sym('w', l, j, k)} = {num(self.sum_w[l - 2][i][j, k])}")
            return text
        if kind == UPDATE:
            k = self.default_edge(step, j) if k is None else k
            w0, w1 = self.before.w(l)[j, k], self.after.w(l)[j, k]
            b0, b1 = self.before.b(l)[j], self.after.b(l)[j]
            sw, sb = self.sum_w[l - 2][-1][j, k], self.sum_b[l - 2][-1][j]
            em = f"{self.eta:g}/{self.m}"
            rate = self.eta / self.m
            if self.lmbda:   # L2: the weight first shrinks by 1 − ηλ/n (biases do not)
                decay = 1.0 - self.eta * self.lmbda / self.n_train
                sd = num(decay, 6)
                sw0, ssw = reproducible((w0, sw), lambda w, g: _shown(sd) * w - rate * g, w1)
                w_line = (f"{sym('w', l, j, k)} → (1 − ηλ/n)·{sym('w', l, j, k)} − η/m Σ<sub>x</sub> "
                          f"∂C<sub>x</sub>/∂w = {sd}·{_paren(sw0)} − {em}·{_paren(ssw)} = <b>{num(w1)}</b>"
                          f" &nbsp; (Δw = {num(w1 - w0)}; λ = {self.lmbda:g}, n = {self.n_train})<br>")
            else:
                sw0, ssw = reproducible((w0, sw), lambda w, g: w - rate * g, w1)
                w_line = (f"{sym('w', l, j, k)} → {sym('w', l, j, k)} − η/m Σ<sub>x</sub> ∂C<sub>x</sub>/∂w = "
                          f"{sw0} − {em}·{_paren(ssw)} = <b>{num(w1)}</b> &nbsp; (Δw = {num(w1 - w0)})<br>")
            sb0, ssb = reproducible((b0, sb), lambda b, g: b - rate * g, b1)
            return (w_line +
                    f"{sym('b', l, j)} → {sym('b', l, j)} − η/m Σ<sub>x</sub> ∂C<sub>x</sub>/∂b = "
                    f"{sb0} − {em}·{_paren(ssb)} = <b>{num(b1)}</b>")
        # RESULT
        i = step.sample
        before, after = t.output, self.output_after[i]
        y = t.label
        return translate("Steps", "output for this x, neuron {j} (class “{name}”): {a} = {before} → <b>{after}</b><br>"
                                  "target neuron {y}: {y0} → <b>{y1}</b>; the network says “{p0}” before, “{p1}” "
                                  "after").format(
            j=j, name=names[j], a=sym('a', self.L, j), **dict(zip(("before", "after"), distinct(before[j], after[j]))),
            y=y, **dict(zip(("y0", "y1"), distinct(before[y], after[y]))), p0=names[int(np.argmax(before))], p1=names[int(np.argmax(after))])


def _sentences(parts: list[str]) -> str:
    """Sentences one after another: a space between English ones, none after a full-width 。."""
    out = ""
    for p in parts:
        out += p if not out or out.endswith("。") else " " + p
    return out


def _fill(text: str, **fields) -> str:
    """Fill some {name} fields of a template and leave the others ({of}, {y}) for later."""
    for name, value in fields.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def _cost_line(cost: float) -> str:
    return translate("Steps", "cost of this sample {cx} = {c}").format(cx="C<sub>x</sub>", c=num(cost))


def general_equations(cost_name: str, lmbda: float = 0.0, *, activation: str = "sigmoid",
                      output: str = "sigmoid") -> list[tuple[str, str]]:
    """The equations of the panel: (key, rich text) in the book's form, with f = σ for the seed's
    neurons, else the hidden layers' tanh or ReLU (and a softmax output layer); with λ > 0 the
    update has the L2 decay (1 − ηλ/n) that the step's numbers apply (chapter 3)."""
    bp1 = ("δ<sup>L</sup> = (a<sup>L</sup> − y) ⊙ σ′(z<sup>L</sup>)" if cost_name == "quadratic"
           else "δ<sup>L</sup> = a<sup>L</sup> − y &nbsp;" + (translate("Steps", "(cross-entropy)")
                                                             if cost_name == "cross-entropy" else
                                                             translate("Steps", "(softmax, log-likelihood)")))
    f = F_NAMES[activation]
    a_line = (f"a<sup>l</sup> = {f}(z<sup>l</sup>)" if output == "sigmoid" and activation == "sigmoid" else
              f"a<sup>l</sup> = {f}(z<sup>l</sup>), a<sup>L</sup> = {F_NAMES[output]}(z<sup>L</sup>)")
    return [
        ("input", "a<sup>1</sup> = x"),
        ("z", "z<sup>l</sup> = w<sup>l</sup> a<sup>l−1</sup> + b<sup>l</sup>"),
        ("a", a_line),
        ("bp1", "BP1 &nbsp; " + bp1),
        ("bp2", f"BP2 &nbsp; δ<sup>l</sup> = ((w<sup>l+1</sup>)<sup>T</sup> δ<sup>l+1</sup>) ⊙ {f}′(z<sup>l</sup>)"),
        ("bp3", "BP3 &nbsp; ∂C/∂b<sup>l</sup><sub>j</sub> = δ<sup>l</sup><sub>j</sub>"),
        ("bp4", "BP4 &nbsp; ∂C/∂w<sup>l</sup><sub>jk</sub> = a<sup>l−1</sup><sub>k</sub> δ<sup>l</sup><sub>j</sub>"),
        ("update", ("w<sup>l</sup> → (1 − ηλ/n) w<sup>l</sup>" if lmbda else "w<sup>l</sup> → w<sup>l</sup>")
                   + " − η/m Σ<sub>x</sub> δ<sup>x,l</sup>(a<sup>x,l−1</sup>)<sup>T</sup>, "
                   "&nbsp; b<sup>l</sup> → b<sup>l</sup> − η/m Σ<sub>x</sub> δ<sup>x,l</sup>"),
    ]


# -- other neurons than the seed's sigmoid (issue 19): tanh, ReLU, a softmax output ------------------
F_NAMES = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "softmax": "softmax"}
#: tanh′ below this is as slow, relative to its largest value 1, as σ′ below SATURATION_THRESHOLD is to 0.25
TANH_THRESHOLD = 4 * SATURATION_THRESHOLD


def neuron_caption(kind: str, f: str, l: int) -> str:
    """The FORWARD, BP1 or BP2 caption for tanh, ReLU or softmax neurons (sigmoid keeps the seed's)."""
    if kind == FORWARD:
        text = {
            "tanh": translate("Steps", "Each neuron of layer {l} adds up the activations of layer {k}, weighted by the "
                                       "edges into it, plus its bias (that is z), and squashes the sum with tanh into "
                                       "(−1, 1). Backpropagation will need every z and a computed here."),
            "relu": translate("Steps", "Each neuron of layer {l} adds up the activations of layer {k}, weighted by the "
                                       "edges into it, plus its bias (that is z), and passes it through ReLU: a = z "
                                       "when z > 0, else 0. Backpropagation will need every z and a computed here."),
            "softmax": translate("Steps", "Each output neuron adds up the activations of layer {k}, weighted by the "
                                          "edges into it, plus its bias (that is z); the softmax turns all of layer "
                                          "{l}'s z into outputs e^z / Σ e^z that are positive and add up to 1."),
        }[f]
        return _fill(text, l=l, k=l - 1)
    if kind == BP1:
        return translate("Steps", "How much the cost changes when the output neuron's z changes: with a softmax "
                                  "output and the log-likelihood cost C = −ln aᴸ_y it is simply aᴸ − y, with no "
                                  "f′ factor, so no output neuron learns slowly because it is saturated.")
    text = {
        "tanh": translate("Steps", "Each neuron of layer {l} collects the errors of layer {k}, weighted by the same "
                                   "edges that carried its activation forward (wᵀδ), and scales them by its own "
                                   "tanh′(z) = 1 − a². This is the backward pass: one matrix product per layer."),
        "relu": translate("Steps", "Each neuron of layer {l} collects the errors of layer {k}, weighted by the same "
                                   "edges that carried its activation forward (wᵀδ), and scales them by its own "
                                   "ReLU′(z): 1 if z > 0, else 0, so a neuron that is off passes no error back. This "
                                   "is the backward pass: one matrix product per layer."),
    }[f]
    return _fill(text, l=l, k=l + 1)


def activation_line(t: Trace, l: int, j: int, f: str, shown_z: str | None = None) -> str:
    """The a = f(z) line of the FORWARD equation for tanh, ReLU or softmax, with the trace's numbers
    (``shown_z``: z as the line above shows it, with the digits f(shown z) needs to give shown a)."""
    z, a = t.z(l)[j], t.a(l)[j]
    sz = shown_z if shown_z is not None else num(z)
    if f == "softmax":
        return (f"{sym('a', l, j)} = e<sup>{sym('z', l, j)}</sup> / Σ<sub>k</sub> e<sup>{sym('z', l, 'k')}</sup> = "
                f"e<sup>{num(z)}</sup> / {num(float(np.sum(np.exp(t.z(l).astype(np.float64)))))} = <b>{num(a)}</b>")
    return f"{sym('a', l, j)} = {F_NAMES[f]}({sym('z', l, j)}) = {F_NAMES[f]}({sz}) = <b>{num(a)}</b>"


def neuron_note(f: str, fp: float, z: float) -> str:
    """A line for BP2 when a tanh neuron is saturated or a ReLU neuron is off (else "")."""
    if f == "relu":
        if fp != 0:
            return ""
        return "<br>" + translate("Steps", "z = {z} ≤ 0: this ReLU neuron is off for this sample, ReLU′(z) = 0, so its "
                                           "δ is 0 and its weights get no gradient from it (a neuron off for every "
                                           "sample is dead: it never learns again)").format(z=num(z))
    if not fp < TANH_THRESHOLD:
        return ""
    return "<br>" + translate("Steps", "tanh′(z) = {fp} &lt; {threshold}: this neuron is saturated, so δ is small and it "
                                       "learns slowly").format(fp=number(fp, 2), threshold=f"{TANH_THRESHOLD:g}")


def neuron_claims(t: Trace, l: int, j: int, f: str) -> list[Claim]:
    """The claims of a BP1/BP2 step with tanh, ReLU or softmax neurons (see :class:`Claim`)."""
    if f == "softmax":   # δᴸ = aᴸ − y has no f′ factor: the step claims nothing about saturation
        return []
    fp = float(t.f_prime(l)[j])
    note = neuron_note(f, fp, float(t.z(l)[j]))
    if f == "relu":
        return [Claim("off", "yes" if note else "no", (float(t.z(l)[j]), 0.0), note)]
    return [Claim("saturated", "yes" if note else "no", (fp, TANH_THRESHOLD), note)]
