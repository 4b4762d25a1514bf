"""The code pane as pure data (Qt-free): which source line each step runs, with its shapes.

Two listings are shown, read from the installed source with :mod:`inspect` (never copied):

* ``mode="sample"``: the per-sample loop of :mod:`bpviz.reference` — ``backprop`` and
  ``update_mini_batch``, the book's code over column vectors (n, 1);
* ``mode="batch"``: the matrix form the core runs for a whole mini-batch —
  :meth:`Network.forward_unchecked`, :meth:`Network.backward` and
  :func:`bpviz.core.sgd.update_mini_batch` — with m samples as the rows of (m × n) arrays.

For each kind of step of :mod:`bpviz.scene.steps` :func:`notes` gives :class:`LineNote` s: the
line to highlight, which run of it (loop iteration) the step is, and the shapes of the arrays it
reads and writes for the current network, e.g.
``delta (30, 1) = weights[-l + 1].T (30, 10) · delta (10, 1) ⊙ sp (30, 1)``. Every expression
in a note can be evaluated in the frame of the function running that line (a test does so).
Lines are found by their text, so an edit of the code that moves them keeps the pane right,
and one that rewrites them fails the tests instead of highlighting the wrong line.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from bpviz import reference
from bpviz.core.network import Network
from bpviz.core.sgd import update_mini_batch as core_update_mini_batch
from bpviz.i18n import translate
from bpviz.scene.steps import BP1, BP2, FORWARD, GRADIENT, INPUT, RESULT, UPDATE, Step, StepSequence

SAMPLE, BATCH = "sample", "batch"
MODES = (SAMPLE, BATCH)

#: The functions each mode lists, by key, in the order the pane shows them.
_FUNCTIONS: dict[str, tuple[tuple[str, Callable], ...]] = {
    SAMPLE: (("backprop", reference.backprop), ("update_mini_batch", reference.update_mini_batch)),
    BATCH: (("forward", Network.forward_unchecked), ("backward", Network.backward),
            ("update", core_update_mini_batch)),
}


@dataclass(frozen=True)
class CodeListing:
    """The source of one function: ``lines[i]`` is line ``first_line + i`` of ``path``."""

    key: str                 # "backprop", "update_mini_batch", "forward", "backward", "update"
    title: str               # e.g. "bpviz.reference.backprop"
    path: str                # the source file
    first_line: int          # 1-based line number of lines[0] in the file
    lines: tuple[str, ...]   # without line ends

    def find(self, snippet: str) -> int:
        """Index of the first line whose text (stripped) starts with ``snippet``."""
        for i, line in enumerate(self.lines):
            if line.strip().startswith(snippet):
                return i
        raise LookupError(f"the code pane looks for {snippet!r} in {self.title} and it is not there any more")

    def __repr__(self) -> str:
        return f"CodeListing({self.title}, lines {self.first_line}–{self.first_line + len(self.lines) - 1})"


@cache
def listings(mode: str = SAMPLE) -> tuple[CodeListing, ...]:
    """The listings of ``mode`` ("sample" or "batch"), read from the source files."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    out = []
    for key, fn in _FUNCTIONS[mode]:
        lines, first = inspect.getsourcelines(fn)
        out.append(CodeListing(key, f"{fn.__module__}.{fn.__qualname__}", inspect.getsourcefile(fn) or "",
                               first, tuple(line.rstrip("\n") for line in lines)))
    return tuple(out)


def listing(key: str, mode: str = SAMPLE) -> CodeListing:
    for item in listings(mode):
        if item.key == key:
            return item
    raise KeyError(f"no listing {key!r} in mode {mode!r}")


@dataclass(frozen=True)
class Term:
    """An array on a line: a Python expression valid in the running function and its shape."""

    expr: str
    shape: tuple[int, ...]

    def __str__(self) -> str:
        return f"{self.expr} {self.shape}"


@dataclass(frozen=True)
class LineNote:
    """One highlighted line of a step and the shapes on it.

    ``run`` is which execution of the line during one call of its function this step is
    (0-based: the loop iteration). ``operands`` hold the shapes as the line starts, ``result``
    the shape of what it assigns once it has run (None when it assigns no single array).
    """

    listing: str
    line: int                    # index into the listing's lines
    lineno: int                  # line number in the file
    code: str                    # the line's text, stripped
    run: int
    form: str                    # how the terms combine: "{r} = {0} · {1} ⊙ {2}"
    operands: tuple[Term, ...]
    result: Term | None = None
    loop: str = ""               # the code's loop variable at this run, when it helps, e.g. "l = 2"

    @property
    def shapes(self) -> str:
        """The annotation, e.g. "delta (30, 1) = weights[-l + 1].T (30, 10) · delta (10, 1) ⊙ sp (30, 1)"."""
        return self.form.format(*map(str, self.operands), r=str(self.result) if self.result else "")

    def __repr__(self) -> str:
        return f"LineNote({self.listing}:{self.lineno} run {self.run}: {self.shapes})"


def _note(mode: str, key: str, snippet: str, run: int, form: str, operands: Sequence[Term],
          result: Term | None = None, loop: str = "") -> LineNote:
    src = listing(key, mode)
    i = src.find(snippet)
    return LineNote(key, i, src.first_line + i, src.lines[i].strip(), run, form, tuple(operands), result, loop)


#: How the pane writes each neuron's f.
F_SYMBOL = {"sigmoid": "σ", "tanh": "tanh", "relu": "ReLU", "softmax": "softmax"}


def f_symbol(l: int, L: int, activation: str = "sigmoid", output: str = "sigmoid") -> str:
    """f of layer l (2..L): the hidden activation's symbol, or the output layer's (σ, softmax)."""
    return F_SYMBOL[output if l == L else activation]


def notes(kind: str, layer: int, sizes: Sequence[int], *, sample: int = 0, m: int = 1,
          cost_name: str = "quadratic", mode: str = SAMPLE, activation: str = "sigmoid",
          output: str = "sigmoid") -> tuple[LineNote, ...]:
    """The lines a step of ``kind`` at book layer ``layer`` runs, with shapes for a net of ``sizes``.

    ``sample`` is the position of x in a mini-batch of ``m`` samples (the per-sample loop of
    ``update_mini_batch`` runs once per sample); in ``mode="batch"`` arrays have m rows.
    ``activation`` and ``output`` name the neurons, so each f and f′ is written as what it is.
    """
    if mode == SAMPLE:
        return _sample_notes(kind, layer, tuple(sizes), sample, cost_name, activation, output)
    if mode == BATCH:
        return _batch_notes(kind, layer, tuple(sizes), m, activation, output)
    raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")


def step_notes(seq: StepSequence, step: Step, mode: str = SAMPLE) -> tuple[LineNote, ...]:
    """:func:`notes` for a step of a :class:`StepSequence`."""
    return notes(step.kind, step.layer, seq.sizes, sample=step.sample, m=seq.m, cost_name=seq.cost_name, mode=mode,
                 activation=getattr(seq, "activation", "sigmoid"), output=getattr(seq, "output", "sigmoid"))


def _sample_notes(kind: str, l: int, n: tuple[int, ...], i: int, cost_name: str, activation: str = "sigmoid",
                  output: str = "sigmoid") -> tuple[LineNote, ...]:
    """The reference loop: column vectors, one sample per call of ``backprop``."""
    L = len(n)
    f = f_symbol(l, L, activation, output)

    def col(q: int) -> tuple[int, int]:   # a^q, z^q, δ^q as columns
        return (n[q - 1], 1)

    def mat(q: int) -> tuple[int, int]:   # w^q
        return (n[q - 1], n[q - 2])

    def bp(snippet, run, form, ops, result=None, loop=""):
        return _note(SAMPLE, "backprop", snippet, run, form, [Term(*o) for o in ops],
                     Term(*result) if result else None, loop)

    def umb(snippet, run, form, ops, result=None):
        return _note(SAMPLE, "update_mini_batch", snippet, run, form, [Term(*o) for o in ops],
                     Term(*result) if result else None)

    # The book's backward loop counts from the end: its l is L − (book layer) + 1.
    def code_l(q: int) -> str:
        return f"l = {L - q + 1} " + translate("Code", "(layer {q} of {L})").format(q=q, L=L)

    if kind == INPUT:
        return (
            umb("delta_nabla_b, delta_nabla_w = backprop(", i, "backprop(…, x = {0}, y = {1}, …)",
                [("x", col(1)), ("y", col(L))]),
            bp("activation = x", 0, "{r} = {0}", [("x", col(1))], ("activation", col(1))),
        )
    if kind == FORWARD:
        return (
            bp("z = np.dot(w, activation) + b", l - 2, "{r} = {0} · {1} + {2}",
               [("w", mat(l)), ("activation", col(l - 1)), ("b", col(l))], ("z", col(l))),
            bp("activation = f(z) if", l - 2, "{r} = " + f + "({0})", [("z", col(l))], ("activation", col(l))),
        )
    if kind == BP1:
        if cost_name == "quadratic":
            return (bp("delta = (activations[-1] - y) * _sigmoid_prime(zs[-1])", 0, "{r} = ({0} − {1}) ⊙ σ′({2})",
                       [("activations[-1]", col(L)), ("y", col(L)), ("zs[-1]", col(L))], ("delta", col(L))),)
        return (bp("delta = activations[-1] - y", 0, "{r} = {0} − {1}",
                   [("activations[-1]", col(L)), ("y", col(L))], ("delta", col(L))),)
    if kind == BP2:
        run = L - 1 - l
        return (
            bp("z = zs[-l]", run, "{r} = {0}", [("zs[-l]", col(l))], ("z", col(l)), code_l(l)),
            bp("sp = f_prime(z)", run, "{r} = " + f + "′({0})", [("z", col(l))], ("sp", col(l)), code_l(l)),
            bp("delta = np.dot(weights[-l + 1].transpose(), delta) * sp", run, "{r} = {0} · {1} ⊙ {2}",
               [("weights[-l + 1].T", (n[l - 1], n[l])), ("delta", col(l + 1)), ("sp", col(l))], ("delta", col(l)),
               code_l(l)),
        )
    if kind == GRADIENT:
        if l == L:
            out = [bp("nabla_b[-1] = delta", 0, "{r} = {0}", [("delta", col(L))], ("nabla_b[-1]", col(L))),
                   bp("nabla_w[-1] = np.dot(delta, activations[-2].transpose())", 0, "{r} = {0} · {1}",
                      [("delta", col(L)), ("activations[-2].T", (1, n[L - 2]))], ("nabla_w[-1]", mat(L)))]
        else:
            run = L - 1 - l
            out = [bp("nabla_b[-l] = delta", run, "{r} = {0}", [("delta", col(l))], ("nabla_b[-l]", col(l)),
                      code_l(l)),
                   bp("nabla_w[-l] = np.dot(delta, activations[-l - 1].transpose())", run, "{r} = {0} · {1}",
                      [("delta", col(l)), ("activations[-l - 1].T", (1, n[l - 2]))], ("nabla_w[-l]", mat(l)),
                      code_l(l))]
        # update_mini_batch adds this sample's gradients to the sums over the batch.
        k = l - 2
        out += [umb("nabla_b = [nb + dnb", i, "{r} = {0} + {1}",
                    [(f"nabla_b[{k}]", col(l)), (f"delta_nabla_b[{k}]", col(l))], (f"nabla_b[{k}]", col(l))),
                umb("nabla_w = [nw + dnw", i, "{r} = {0} + {1}",
                    [(f"nabla_w[{k}]", mat(l)), (f"delta_nabla_w[{k}]", mat(l))], (f"nabla_w[{k}]", mat(l)))]
        return tuple(out)
    if kind == UPDATE:
        out = []
        for q in range(2, L + 1):
            k = q - 2
            out.append(umb("weights = [w - (eta / m) * nw", 0, "{r} = {0} − (eta / m) · {1}",
                           [(f"weights[{k}]", mat(q)), (f"nabla_w[{k}]", mat(q))], (f"weights[{k}]", mat(q))))
        for q in range(2, L + 1):
            k = q - 2
            out.append(umb("biases = [b - (eta / m) * nb", 0, "{r} = {0} − (eta / m) · {1}",
                           [(f"biases[{k}]", col(q)), (f"nabla_b[{k}]", col(q))], (f"biases[{k}]", col(q))))
        return tuple(out)
    if kind == RESULT:
        ops = [(f"weights[{q - 2}]", mat(q)) for q in range(2, L + 1)]
        return (umb("return weights, biases", 0, translate("Code", "new weights:") + " "
                    + ", ".join(f"{{{k}}}" for k in range(len(ops))), ops),)
    raise ValueError(f"unknown kind of step {kind!r}")


def _batch_notes(kind: str, l: int, n: tuple[int, ...], m: int, activation: str = "sigmoid",
                 output: str = "sigmoid") -> tuple[LineNote, ...]:
    """The core's matrix form: row x of each (m, n_l) array is sample x of the mini-batch."""
    L = len(n)
    f = f_symbol(l, L, activation, output)

    def rows(q: int) -> tuple[int, int]:   # A^q, Z^q, Δ^q: one row per sample
        return (m, n[q - 1])

    def mat(q: int) -> tuple[int, int]:
        return (n[q - 1], n[q - 2])

    def at(key, snippet, run, form, ops, result=None, loop=""):
        return _note(BATCH, key, snippet, run, form, [Term(*o) for o in ops], Term(*result) if result else None, loop)

    if kind == INPUT:
        return (at("update", "zs, activations = network.forward_unchecked(X)", 0, "forward_unchecked(X = {0})",
                   [("X", rows(1))]),
                at("forward", "zs, activations = [], [a]", 0, "activations[0] = {0}", [("a", rows(1))]))
    if kind == FORWARD:
        run = l - 2
        return (
            at("forward", "z = a @ w.T", run, "{r} = {0} @ {1}", [("a", rows(l - 1)), ("w.T", mat(l)[::-1])],
               ("z", rows(l))),
            at("forward", "z += b", run, translate("Code", "{r} = {0} + {1} (added to every row)"), [("z", rows(l)), ("b", (n[l - 1],))],
               ("z", rows(l))),
            at("forward", "a = self._output_fn(z) if i == last else f(z)", run, "{r} = " + f + "({0})",
               [("z", rows(l))], ("a", rows(l))),
        )
    if kind == BP1:
        return (at("backward", "delta = self.cost.delta(zs[-1], activations[-1], Y)", 0,
                   "{r} = cost.delta({0}, {1}, {2})",
                   [("zs[-1]", rows(L)), ("activations[-1]", rows(L)), ("Y", rows(L))], ("delta", rows(L))),)
    if kind == BP2:
        run = L - 1 - l
        loop = f"l = {l}"
        how = {"sigmoid": "a(1 − a)", "tanh": "1 − a²", "relu": "[z > 0]"}[activation]
        return (
            at("backward", "fp = prime_from(activations[l - 1], zs[l - 2])", run,
               "{r} = " + f + "′(z) = " + how + translate("Code", " from a = {0}, z = {1}"),
               [("activations[l - 1]", rows(l)), ("zs[l - 2]", rows(l))], ("fp", rows(l)), loop),
            at("backward", "delta = (delta @ self.weights[l - 1]) * fp", run, "{r} = ({0} @ {1}) ⊙ {2}",
               [("delta", rows(l + 1)), ("self.weights[l - 1]", (n[l], n[l - 1])), ("fp", rows(l))],
               ("delta", rows(l)), loop),
        )
    if kind == GRADIENT:
        run = l - 2
        return (
            at("update", "step = delta * (eta / m)", run, "{r} = {0} · (eta / m)", [("delta", rows(l))],
               ("step", rows(l))),
            at("update", "dw = step.T @ a", run, translate("Code", "{r} = {0} @ {1}  (the sum over the m samples)"),
               [("step.T", rows(l)[::-1]), ("a", rows(l - 1))], ("dw", mat(l))),
        )
    if kind == UPDATE:
        out = []
        for q in range(2, L + 1):
            out.append(at("update", "new_w.append(", q - 2, "w − dw: {0} − {1}",
                          [("w", mat(q)), ("dw", mat(q))]))
            out.append(at("update", "new_b.append(", q - 2, translate("Code", "b − Σ over rows of {name}: {0} − {1}").replace("{name}", "step"),
                          [("b", (n[q - 1],)), ("step", rows(q))]))
        return tuple(out)
    if kind == RESULT:
        ops = [(f"new_w[{q - 2}]", mat(q)) for q in range(2, L + 1)]
        return (at("update", "network.weights[:] = new_w", 0,
                   translate("Code", "new weights: {list}").replace(
                       "{list}", translate("Code", ", ").join(f"{{{k}}}" for k in range(len(ops)))), ops),)
    raise ValueError(f"unknown kind of step {kind!r}")
