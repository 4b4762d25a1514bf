"""Why backpropagation works and why it is fast (issue 11), as experiments and commands.

* :func:`why_fast` computes the full gradient of the cost of one sample both ways for each
  network — backpropagation (one forward and one backward pass) and central differences
  (two forward passes per parameter) — counting the passes with an instrumented network and
  timing both. For a large network it times the central differences of a random sample of
  parameters and extrapolates to all P, and its rows say so.
* ``bpviz explain gradcheck | why-fast | nudge`` print the numbers of :mod:`bpviz.core.gradcheck`,
  :func:`why_fast` and :mod:`bpviz.core.nudge`.

Unlike the core, this module reads clocks and prints (only in the ``cmd_*`` functions).
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from bpviz.cliutil import CLIError, add_activation_args, finite_float, positive_int
from bpviz.core.gradcheck import (
    Parameter,
    difference_quotient,
    gradient_check,
    one_sample,
    sample_cost,
    with_dtype,
)
from bpviz.core.network import Network, as_generator, parse_sizes
from bpviz.scene.notation import seconds, symbol, weight_name

#: The default series of why-fast: one hidden layer of growing width, then two deeper nets.
DEFAULT_NETS: tuple[tuple[int, ...], ...] = (
    *((784, n, 10) for n in (5, 10, 20, 30, 50, 100, 200, 300)),
    (784, 30, 30, 10),
    (784, 100, 100, 100, 10),
)


# -- counting passes ---------------------------------------------------------------------------
class CountingNetwork(Network):
    """A :class:`Network` that counts its forward and backward passes.

    Every forward pass of the core (``forward``, ``gradient``, ``traces`` …) goes through
    :meth:`forward_unchecked` and every backward pass through :meth:`backward`, so counting
    there counts what really ran.
    """

    forward_passes: int
    backward_passes: int

    @classmethod
    def of(cls, network: Network) -> CountingNetwork:
        """A counting network sharing ``network``'s sizes, cost, dtype and parameter arrays."""
        net = cls.__new__(cls)
        net.__dict__.update(network.with_parameters(network.weights, network.biases).__dict__)
        net.reset_counts()
        return net

    def reset_counts(self) -> None:
        self.forward_passes = 0
        self.backward_passes = 0

    def forward_unchecked(self, a: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        self.forward_passes += 1
        return super().forward_unchecked(a)

    def backward(self, zs: list[np.ndarray], activations: list[np.ndarray], Y: np.ndarray) -> list[np.ndarray]:
        self.backward_passes += 1
        return super().backward(zs, activations, Y)


# -- why backprop is fast ----------------------------------------------------------------------
@dataclass(frozen=True)
class FastRow:
    """The full gradient of C_x for one network, by backprop and by central differences.

    Times are seconds for the whole gradient (all P parameters). When ``extrapolated`` the
    central differences ran for ``parameters_timed`` randomly chosen parameters only and
    ``numerical_seconds`` and ``numerical_passes`` are scaled by P / parameters_timed.
    """

    sizes: tuple[int, ...]
    parameters: int            # P
    backprop_forward: int      # forward passes counted in one backprop gradient (1)
    backprop_backward: int     # backward passes counted in it (1)
    passes_counted: int        # forward passes counted while timing the central differences
    parameters_timed: int      # parameters whose central difference was run and timed
    numerical_passes: int      # forward passes for all P: counted, or passes_counted · P / parameters_timed
    backprop_seconds: float    # both: one continuous run's wall-clock time / the work done
    numerical_seconds: float
    extrapolated: bool
    max_difference: float      # max |backprop − central difference| over the timed parameters

    @property
    def backprop_passes(self) -> int:
        """Passes of backprop: one forward plus one backward (2)."""
        return self.backprop_forward + self.backprop_backward

    @property
    def ratio(self) -> float:
        """numerical_seconds / backprop_seconds: how many times faster backprop is."""
        return self.numerical_seconds / self.backprop_seconds if self.backprop_seconds > 0 else math.inf

    def __repr__(self) -> str:
        how = f", extrapolated from {self.parameters_timed} parameters" if self.extrapolated else ""
        return (f"FastRow({list(self.sizes)}: P={self.parameters}, passes {self.numerical_passes} vs "
                f"{self.backprop_passes}, {self.numerical_seconds:.3g} s vs {self.backprop_seconds:.3g} s, "
                f"ratio {self.ratio:.3g}{how})")


def _time_backprop(net: CountingNetwork, X: np.ndarray, Y: np.ndarray, min_seconds: float = 0.05) -> float:
    """Seconds for one ``net.gradient`` call, timed like the central differences: one continuous run
    (repeated calls until ``min_seconds`` have passed), its wall-clock time divided by the calls made."""
    number, t0 = 0, time.perf_counter()
    while True:
        net.gradient(X, Y)
        number += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            return elapsed / number


def fast_row(network: Network, x: np.ndarray, y: int | np.ndarray, *, seconds: float = 2.0,
             min_timed: int = 200, eps: float = 1e-6, rng: np.random.Generator | int | None = 0,
             between: Callable[[], None] | None = None) -> FastRow:
    """Measure both ways of computing the full gradient of C_x for one sample x (n_1,).

    ``between`` is called after every 16 parameters (the app passes ``time.sleep(0)``: this loop
    is pure Python and would otherwise keep the GIL from the GUI thread for seconds).

    Both are timed the same way: one continuous run, its wall-clock time divided by the work
    done (gradients for backprop, parameters for central differences), Python's per-call
    overhead included in each.

    Central differences run over the parameters in a random order (from ``rng``) until all
    are done or ``seconds`` have passed and at least ``min_timed`` are done; in the second case
    the time is extrapolated to all P parameters. Computed in float64 on a copy.
    """
    net = CountingNetwork.of(with_dtype(network, np.float64))
    X, Y = one_sample(net, x, y)
    P = net.num_parameters

    net.reset_counts()
    grad = net.gradient(X, Y)
    bp_forward, bp_backward = net.forward_passes, net.backward_passes
    backprop_seconds = _time_backprop(net, X, Y)
    flat_grad = np.concatenate([g.ravel() for pair in zip(grad.nabla_w, grad.nabla_b) for g in pair])

    # Flat views of every parameter in the book's order w², b², w³, b³, … (writes go to the network).
    views = [v for w, b in zip(net.weights, net.biases) for v in (w.reshape(-1), b)]
    offsets = np.cumsum([0] + [v.size for v in views])
    order = as_generator(rng).permutation(P)
    numerical = np.empty(P)

    def cost() -> float:
        return sample_cost(net, X, Y)

    net.reset_counts()
    done = 0
    t0 = time.perf_counter()
    while done < P:
        # Check the clock every few parameters only: a clock read costs about as much as a tiny pass.
        for i in order[done:done + 16]:
            v = int(np.searchsorted(offsets, i, side="right")) - 1
            numerical[i] = difference_quotient(views[v], int(i - offsets[v]), eps, cost)
        done = min(done + 16, P)
        if between is not None:
            between()
        elapsed = time.perf_counter() - t0
        if elapsed >= seconds and done >= min(min_timed, P):
            break
    counted = net.forward_passes
    timed = order[:done]
    extrapolated = done < P
    scale = P / done
    return FastRow(
        sizes=net.sizes, parameters=P, backprop_forward=bp_forward, backprop_backward=bp_backward,
        passes_counted=counted, parameters_timed=done,
        numerical_passes=round(counted * scale) if extrapolated else counted,
        backprop_seconds=backprop_seconds, numerical_seconds=elapsed * scale, extrapolated=extrapolated,
        max_difference=float(np.max(np.abs(numerical[timed] - flat_grad[timed]))),
    )


def why_fast(nets: Sequence[Sequence[int]] = DEFAULT_NETS, *, max_seconds: float = 20.0, min_timed: int = 200,
             rng: np.random.Generator | int | None = 0,
             sample: Callable[[tuple[int, ...]], tuple[np.ndarray, int]] | None = None,
             between: Callable[[], None] | None = None) -> list[FastRow]:
    """:func:`fast_row` for each network of ``nets`` (sizes), sharing ``max_seconds`` between them.

    Each network gets N(0, 1/n_in) weights from ``rng`` and one input ``sample(sizes)`` →
    (x (n_1,), label) (default: a random input and label from ``rng``).
    """
    gen = as_generator(rng)
    rows = []
    for sizes in nets:
        net = Network(sizes, rng=gen, init="scaled", dtype=np.float64)
        if sample is None:
            x, y = gen.random(net.sizes[0]), int(gen.integers(net.sizes[-1]))
        else:
            x, y = sample(net.sizes)
        rows.append(fast_row(net, x, y, seconds=max_seconds / len(nets), min_timed=min_timed, rng=gen,
                             between=between))
    return rows


# -- the command line ----------------------------------------------------------------------------
def add_parsers(sub: argparse._SubParsersAction) -> None:
    g = sub.add_parser("gradcheck", help="backprop's gradient against central differences, parameter by parameter")
    _common(g, "2,3,2")
    g.add_argument("--eps", type=finite_float, default=1e-6, help="ε of the central difference (default 1e-6)")
    g.add_argument("--dtype", choices=("float64", "float32"), default="float64",
                   help="float type of the check (default float64; float32 shows rounding take over)")
    g.add_argument("--max-params", type=positive_int, default=300,
                   help="check a random sample when the net has more parameters than this (default 300)")
    g.set_defaults(explain_run=cmd_gradcheck)

    w = sub.add_parser("why-fast", help="the full gradient by backprop vs central differences, timed")
    w.add_argument("--sizes", action="append",
                   help="a network to measure, e.g. 784,30,10 (repeat the option for several; default: "
                        "784,n,10 for n = 5 … 300, 784,30,30,10 and 784,100,100,100,10)")
    w.add_argument("--max-seconds", type=finite_float, default=20.0,
                   help="time for the central differences of all networks together (default 20)")
    w.add_argument("--seed", type=int, default=0, help="random seed for weights, input and sampled parameters")
    w.set_defaults(explain_run=cmd_why_fast)

    n = sub.add_parser("nudge", help="nudge one weight by Δw: ΔC measured vs backprop's ∂C/∂w·Δw")
    _common(n, "784,30,10")
    which = n.add_mutually_exclusive_group(required=True)
    which.add_argument("--weight", help="the weight w^l_jk as L,J,K (book layer number, 0-based neurons)")
    which.add_argument("--bias", help="the bias b^l_j as L,J")
    n.add_argument("--dw", type=finite_float, default=0.01, help="the nudge Δw (default 0.01)")
    n.add_argument("--top", type=positive_int, default=3, help="how many of the largest |Δa| per layer (default 3)")
    n.set_defaults(explain_run=cmd_nudge)


def _common(p: argparse.ArgumentParser, sizes: str) -> None:
    p.add_argument("--sizes", default=sizes, help=f"neurons per layer, input first (default {sizes})")
    p.add_argument("--seed", type=int, default=0, help="random seed of the weights (default 0)")
    p.add_argument("--cost", default=None, help="quadratic (the seed's) or cross-entropy with sigmoid outputs; "
                                                "log-likelihood with softmax (the defaults)")
    p.add_argument("--init", default="standard", help="standard (N(0,1), the seed's) or scaled (N(0,1/n_in))")
    add_activation_args(p)
    p.add_argument("--index", type=int, default=0,
                   help="which sample: test image I for a 784 input, XOR test point I for 2 inputs (default 0)")


def _network(args: argparse.Namespace) -> Network:
    try:
        return Network(parse_sizes(args.sizes), rng=args.seed, cost=args.cost, init=args.init, dtype=np.float64,
                       activation=args.activation, output=args.output)
    except ValueError as e:
        raise CLIError(str(e)) from None


def sample_for(sizes: Sequence[int], index: int = 0, seed: int = 0) -> tuple[np.ndarray, int, str]:
    """(x (n_1,), label, description) of the sample the commands use for a network of ``sizes``.

    A bundled MNIST test image for 784 inputs, an XOR test point for 2, else a random input.
    """
    n_in, n_out = sizes[0], sizes[-1]
    if n_in in (784, 2):
        from bpviz.data import load_dataset

        data = load_dataset("mnist-bundled" if n_in == 784 else "xor")
        test = data.test
        if not 0 <= index < len(test):
            raise CLIError(f"--index must be 0..{len(test) - 1} for {data.name}")
        label = int(test.labels[index])
        if label >= n_out:
            raise CLIError(f"{data.name} has {data.n_classes} classes but the output layer has {n_out} neurons")
        what = f"{data.name} test image {index}" if n_in == 784 else f"XOR test point {index} ({test.x[index][0]:.3f}, {test.x[index][1]:.3f})"
        return test.x[index].astype(np.float64), label, f"{what} (label {data.class_names[label]})"
    gen = np.random.default_rng([seed, 1])
    label = int(gen.integers(n_out))
    return gen.random(n_in), label, f"a random input (seed {seed}) with label {label}"


def book_name(param: Parameter) -> str:
    """The parameter in the book's notation, Unicode: w³₂₁, b²₀."""
    return weight_name(param.l, param.j, param.k) if param.kind == "w" else symbol("b", param.l, param.j)


def _sci(v: float) -> str:
    # ASCII minus in numbers so that the output can be read back by scripts.
    return f"{v: .6e}"


def cmd_gradcheck(args: argparse.Namespace) -> int:
    net = _network(args)
    if not args.eps > 0:
        raise CLIError(f"--eps must be > 0 (got {args.eps})")
    x, y, what = sample_for(net.sizes, args.index, args.seed)
    P = net.num_parameters
    per_layer = None
    if P > args.max_params:
        per_layer = max(1, (args.max_params - sum(net.sizes[1:])) // (net.num_layers - 1))
    check = gradient_check(net, x[None, :], np.array([y]), eps=args.eps, max_per_layer=per_layer,
                           rng=args.seed, dtype=args.dtype)
    print(f"Gradient check of {list(net.sizes)} ({_neurons(net)}, {net.cost.name} cost, {args.init} init, seed "
          f"{args.seed}) on {what}; ε = {args.eps:g}, {args.dtype}")
    if check.sampled:
        print(f"A random sample of {len(check.parameters):,} of {P:,} parameters: every bias and "
              f"{per_layer} weights per layer.")
    print(f"{'parameter':<12}{'backprop':>16}{'numerical':>16}{'relative error':>16}")
    for r in check.rows(sort=False):
        print(f"{book_name(r.parameter):<12}{_sci(r.backprop):>16}{_sci(r.numerical):>16}{r.relative_error:>16.2e}")
    worst = check.rows()[0]
    print(f"worst relative error {worst.relative_error:.2e} at {book_name(worst.parameter)} "
          f"({worst.parameter.name}); over all checked ‖g_bp − g_num‖ / (‖g_bp‖ + ‖g_num‖) = "
          f"{check.relative_error:.2e}")
    return 0


def cmd_why_fast(args: argparse.Namespace) -> int:
    try:
        nets = [parse_sizes(s) for s in args.sizes] if args.sizes else list(DEFAULT_NETS)
    except ValueError as e:
        raise CLIError(str(e)) from None
    if not args.max_seconds > 0:
        raise CLIError(f"--max-seconds must be > 0 (got {args.max_seconds})")
    print("The full gradient of the cost of one sample: central differences need 2 forward passes per "
          "parameter, backprop one forward and one backward pass. Passes are counted; both times are of one "
          "continuous run divided by the work done (Python's per-call overhead included in each).")
    gen = np.random.default_rng(args.seed)
    for sizes in nets:
        row = why_fast([sizes], max_seconds=args.max_seconds / len(nets), rng=gen)[0]
        print(format_row(row), flush=True)
    return 0


def format_row(row: FastRow) -> str:
    """One line of ``bpviz explain why-fast``."""
    line = (f"{','.join(map(str, row.sizes)):<20} parameters P = {row.parameters:>7,}   "
            f"central differences 2P = {row.numerical_passes:>9,} forward passes, backprop "
            f"{row.backprop_forward} forward + {row.backprop_backward} backward   "
            f"central differences {_seconds(row.numerical_seconds)}   backprop {_seconds(row.backprop_seconds)}   "
            f"ratio {row.ratio:,.0f}")
    if row.extrapolated:
        line += (f"   (extrapolated from {row.parameters_timed:,} of {row.parameters:,} parameters, "
                 f"{row.passes_counted:,} passes counted)")
    return line


def _seconds(s: float) -> str:
    return seconds(s, aligned=True)


def _indices(text: str, n: int, option: str) -> tuple[int, ...]:
    parts = [p.strip() for p in text.split(",")]
    try:
        out = tuple(int(p) for p in parts)
    except ValueError:
        out = ()
    if len(out) != n:
        form = "L,J,K" if n == 3 else "L,J"
        raise CLIError(f"{option} takes {n} whole numbers {form} (got {text!r})")
    return out


def cmd_nudge(args: argparse.Namespace) -> int:
    from bpviz.core.nudge import chain, discrepancy, nudge
    from bpviz.scene.why_text import nudge_verdict, share_note

    net = _network(args)
    param = (Parameter.weight(*_indices(args.weight, 3, "--weight")) if args.weight is not None
             else Parameter.bias(*_indices(args.bias, 2, "--bias")))
    try:
        param.validate(net)
    except ValueError as e:
        raise CLIError(str(e)) from None
    x, y, what = sample_for(net.sizes, args.index, args.seed)
    n = nudge(net, x, y, param, args.dw)
    c = chain(net, x, y, param)
    name = book_name(param)
    print(f"Network {list(net.sizes)} ({_neurons(net)}, {net.cost.name} cost, {args.init} init, seed {args.seed}) "
          f"on {what}")
    print(f"nudge {name} = {n.value:.4f} by Δ{param.kind} = {args.dw:g}; cost before C = {n.cost:.6g}")
    print(f"ΔC measured (network re-run)  = {n.delta_cost: .6e}")
    print(f"∂C/∂{param.kind} · Δ{param.kind} (backprop)         = {n.predicted: .6e}   "
          f"(∂C/∂{name} = {n.gradient:.6e})")
    print(f"ratio measured / predicted    = {n.ratio:.6f}" if math.isfinite(n.ratio)
          else "ratio measured / predicted    = undefined (the prediction is 0)")
    if n.gradient != 0:
        print(nudge_verdict(n, discrepancy(net, x, y, param, args.dw)))
    if param.kind == "w" and n.gradient == 0:
        a_prev = net.forward(x[None, :])[1][param.l - 2][0]
        if a_prev[param.k] == 0:
            print(f"({symbol('a', param.l - 1, param.k)} = 0 on this sample, so this weight has no effect; "
                  f"the largest activation of layer {param.l - 1} is at k = {int(np.argmax(a_prev))})")
    print("Δa per layer (largest |Δa|):")
    for q in range(param.l, net.num_layers + 1):
        d = n.da(q)
        top = [i for i in np.argsort(-np.abs(d), kind="stable")[: args.top] if d[i] != 0]
        shown = ", ".join(f"Δ{symbol('a', q, int(i))} = {d[i]: .3e}" for i in top) or "no change"
        print(f"  layer {q}: {shown}")
    factors = _path_factors(c, name)
    nodes = [symbol(_node(c, param.l + i), param.l + i, j) for i, j in enumerate(c.best_path)]
    print(f"strongest of {c.num_paths:,} paths: {' → '.join(nodes)} → C")
    if c.ends_at_z:
        print(f"  (softmax output: each a^L depends on every z^L, so the paths end at z^L, where "
              f"∂C/∂z^L = a^L − y, and ∂z^L/∂a^{net.num_layers - 1} = w^L has no f′ factor)")
    note = share_note(c.best_share)
    cancel = f": {note}" if note else ""
    print(f"  {factors} = {c.best_product: .4e}  ({_share(c.best_share)} of the sum over all paths{cancel})")
    print(f"sum over all {c.num_paths:,} paths = {c.total: .6e}; backprop's ∂C/∂{name} = {c.gradient: .6e}")
    return 0


def _sup(l: int) -> str:
    return symbol("", l)





def _share(s: float) -> str:
    return "undefined share" if not math.isfinite(s) else f"{100 * s:.1f}%"


def _path_factors(c, name: str) -> str:
    """"∂a²₃/∂w²₃₀ (0.12) · ∂a³₁/∂a²₃ (−0.4) · ∂C/∂a³₁ (0.5)" for the strongest path."""
    l, path = c.parameter.l, c.best_path
    parts = [f"∂{symbol(_node(c, l), l, path[0])}/∂{name} ({c.best_factors[0]:.4g})"]
    for i, (a, b) in enumerate(zip(path[:-1], path[1:])):
        q = l + i + 1
        parts.append(f"∂{symbol(_node(c, q), q, b)}/∂{symbol('a', q - 1, a)} ({c.best_factors[i + 1]:.4g})")
    last = l + len(path) - 1
    parts.append(f"∂C/∂{symbol(_node(c, last), last, path[-1])} ({c.best_factors[-1]:.4g})")
    return " · ".join(parts)


def _node(c, q: int) -> str:
    """The quantity a path passes through at layer q: a^q, or z^L at a softmax output (``ends_at_z``)."""
    return "z" if c.ends_at_z and q == len(c.rates) + c.parameter.l else "a"


def _neurons(net: Network) -> str:
    """"sigmoid neurons" or "tanh hidden neurons, softmax output"."""
    if net.activation.name == "sigmoid" and net.output == "sigmoid":
        return "sigmoid neurons"
    return f"{net.activation.name} hidden neurons, {net.output} output"
