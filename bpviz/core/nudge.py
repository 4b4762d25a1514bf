"""Backpropagation, the big picture: nudge one weight and follow the change to the cost.

Chapter 2's last section changes one weight w^l_jk by Δw. Neuron j of layer l changes
its activation by Δa^l_j ≈ σ′(z^l_j) a^{l−1}_k Δw, that change moves every neuron of layer
l+1 by Δa^{l+1}_p ≈ σ′(z^{l+1}_p) w^{l+1}_pj Δa^l_j, and so on up to the cost. So

    ΔC ≈ Σ_{paths} ∂C/∂a^L_m · ∂a^L_m/∂a^{L−1}_n ⋯ ∂a^{l+1}_p/∂a^l_j · ∂a^l_j/∂w^l_jk · Δw,

a sum over every path j → p → … → m through the later layers, and the sum equals
backprop's ∂C/∂w^l_jk. Here

* :func:`nudge` re-runs the network with the weight changed and returns the measured Δa of
  every later layer and ΔC next to backprop's prediction ∂C/∂w · Δw;
* :func:`nudge_curve` does that over a range of Δw (measured against predicted ΔC);
* :func:`chain` gives the local rates, the single path with the largest |product| (by
  dynamic programming over layers, not by listing paths) and the sum over all paths.

Everything is computed in float64 whatever the network's dtype, so that small nudges are
not lost to float32 rounding. The network is never changed. Pure NumPy: no I/O, no clocks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bpviz.core.gradcheck import Parameter, backprop_derivative, one_sample, with_dtype
from bpviz.core.network import Network


def _prepared(network: Network, x: np.ndarray, y: int | np.ndarray,
              param: Parameter) -> tuple[Network, np.ndarray, np.ndarray]:
    net = with_dtype(network, np.float64)
    param.validate(net)
    X, Y = one_sample(net, x, y)
    return net, X, Y


def _cost(net: Network, zs: list[np.ndarray], acts: list[np.ndarray], Y: np.ndarray) -> np.ndarray:
    """C_x of every row, shape (n,)."""
    return net.cost.fn(acts[-1], Y, zs[-1])


def _rerun(net: Network, X: np.ndarray, param: Parameter,
          dw: float) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The whole feedforward again with θ → θ + Δw (θ restored afterwards): zs and activations."""
    arr = param.array(net)
    pos = param.index()
    old = arr[pos]
    try:
        arr[pos] = old + dw
        return net.forward_unchecked(X)
    finally:
        arr[pos] = old


@dataclass(frozen=True, eq=False)
class Nudge:
    """What changes when one parameter θ moves by Δw, measured by re-running the network.

    ``delta_a[i]`` is Δa^q for q = l + i (q = l..L), shape (n_q,): the change of every neuron
    of layer q (at layer l only neuron j moves). ``delta_cost`` is C(θ + Δw) − C(θ) on the
    sample; ``gradient`` is backprop's ∂C/∂θ and ``predicted`` = ∂C/∂θ · Δw.
    """

    parameter: Parameter
    dw: float
    value: float                      # θ before the nudge
    delta_a: tuple[np.ndarray, ...]   # Δa^q, q = l..L, each (n_q,)
    cost: float                       # C_x before the nudge
    delta_cost: float                 # measured ΔC
    gradient: float                   # backprop's ∂C/∂θ

    @property
    def predicted(self) -> float:
        """Backprop's first-order prediction ∂C/∂θ · Δw."""
        return self.gradient * self.dw

    @property
    def ratio(self) -> float:
        """Measured ΔC / predicted ΔC (→ 1 as Δw → 0); nan when the prediction is 0."""
        return self.delta_cost / self.predicted if self.predicted else math.nan

    def da(self, q: int) -> np.ndarray:
        """Δa^q for a layer q = l..L, shape (n_q,)."""
        if not self.parameter.l <= q < self.parameter.l + len(self.delta_a):
            raise IndexError(f"layer {q} is outside {self.parameter.l}..{self.parameter.l + len(self.delta_a) - 1}")
        return self.delta_a[q - self.parameter.l]

    def __repr__(self) -> str:
        return (f"Nudge({self.parameter.name} by Δw={self.dw:g}: ΔC={self.delta_cost:.4g}, "
                f"∂C/∂θ·Δw={self.predicted:.4g}, ratio {self.ratio:.4g})")


def nudge(network: Network, x: np.ndarray, y: int | np.ndarray, param: Parameter, dw: float) -> Nudge:
    """Change θ by ``dw`` and measure the ripple.

    Parameters
    ----------
    network : the network (not changed)
    x : (n_1,) one input
    y : int label or (n_L,) target
    param : the weight w^l_jk or bias b^l_j to nudge
    dw : Δw
    """
    net, X, Y = _prepared(network, x, y, param)
    zs, acts = net.forward_unchecked(X)
    c0 = float(_cost(net, zs, acts, Y)[0])
    nzs, nacts = _rerun(net, X, param, float(dw))
    c1 = float(_cost(net, nzs, nacts, Y)[0])
    delta_a = tuple(na[0] - a[0] for na, a in zip(nacts[param.l - 1:], acts[param.l - 1:]))
    return Nudge(param, float(dw), float(param.array(net)[param.index()]), delta_a, c0, c1 - c0,
                 backprop_derivative(net, X, Y, param))


@dataclass(frozen=True, eq=False)
class NudgeCurve:
    """Measured ΔC against backprop's prediction over a range of Δw, all shape (k,)."""

    parameter: Parameter
    dws: np.ndarray        # (k,) the nudges Δw
    measured: np.ndarray   # (k,) C(θ + Δw) − C(θ)
    gradient: float        # ∂C/∂θ

    @property
    def predicted(self) -> np.ndarray:
        """(k,) ∂C/∂θ · Δw, a straight line through 0."""
        return self.gradient * self.dws

    def __repr__(self) -> str:
        return (f"NudgeCurve({self.parameter.name}, {len(self.dws)} values of Δw in "
                f"[{self.dws.min():g}, {self.dws.max():g}], ∂C/∂θ={self.gradient:.4g})")


def nudge_curve(network: Network, x: np.ndarray, y: int | np.ndarray, param: Parameter,
                dws: Sequence[float] | np.ndarray) -> NudgeCurve:
    """Measured and predicted ΔC for every Δw in ``dws`` (k,): one full re-run per Δw."""
    net, X, Y = _prepared(network, x, y, param)
    dws = np.asarray(dws, dtype=np.float64).ravel()
    zs, acts = net.forward_unchecked(X)
    c0 = float(_cost(net, zs, acts, Y)[0])
    measured = np.array([float(_cost(net, *_rerun(net, X, param, dw), Y)[0]) for dw in dws]) - c0
    return NudgeCurve(param, dws, measured, backprop_derivative(net, X, Y, param))


# -- the chain along paths -------------------------------------------------------------------
def dC_da_output(cost_name: str, a: np.ndarray, y: np.ndarray) -> np.ndarray:
    """∂C/∂a^L, shape (n_L,): a − y (quadratic) or (a − y) / (a(1 − a)) (cross-entropy); for the
    log-likelihood cost (softmax outputs) the chain stops at z^L instead: ∂C/∂z^L = a − y."""
    if cost_name in ("quadratic", "log-likelihood"):
        return a - y
    with np.errstate(divide="ignore", invalid="ignore"):
        return (a - y) / (a * (1 - a))


@dataclass(frozen=True, eq=False)
class Chain:
    """∂C/∂θ as a sum over paths from neuron j of layer l to the cost.

    A path picks one neuron i_q in every layer q = l..L with i_l = j. Its product is
    ``first`` · Π_{q=l+1..L} rates[q−l−1][i_q, i_{q−1}] · dC_da[i_L].
    """

    parameter: Parameter
    first: float                      # ∂a^l_j/∂θ = σ′(z^l_j) a^{l−1}_k (weight) or σ′(z^l_j) (bias)
    rates: tuple[np.ndarray, ...]     # ∂a^{q+1}/∂a^q = diag(σ′(z^{q+1})) w^{q+1}, q = l..L−1, (n_{q+1}, n_q)
    dC_da: np.ndarray                 # ∂C/∂a^L, (n_L,)
    best_path: tuple[int, ...]        # (i_l = j, i_{l+1}, …, i_L)
    best_factors: tuple[float, ...]   # first, the rates along the path, ∂C/∂a^L_{i_L}: L − l + 2 numbers
    best_product: float               # the product of best_factors
    total: float                      # the sum over all paths (= backprop's ∂C/∂θ)
    gradient: float                   # backprop's ∂C/∂θ, for comparison
    ends_at_z: bool = False           # softmax output: the last node of a path is z^L_m, dC_da is ∂C/∂z^L

    @property
    def num_paths(self) -> int:
        """How many paths there are: Π_{q>l} n_q."""
        return math.prod(r.shape[0] for r in self.rates)

    @property
    def best_share(self) -> float:
        """best_product / total: how much of the whole change the strongest path carries."""
        return self.best_product / self.total if self.total else math.nan

    def path_product(self, path: Sequence[int]) -> float:
        """The product along any path (i_l = j, …, i_L)."""
        if len(path) != len(self.rates) + 1 or path[0] != self.parameter.j:
            raise ValueError(f"a path is (j={self.parameter.j}, i_{{l+1}}, …, i_L): {len(self.rates) + 1} neurons")
        p = self.first
        for r, (a, b) in zip(self.rates, zip(path[:-1], path[1:])):
            p *= float(r[b, a])
        return p * float(self.dC_da[path[-1]])

    def __repr__(self) -> str:
        route = " → ".join(str(i) for i in self.best_path)
        return (f"Chain({self.parameter.name}: strongest of {self.num_paths} paths {route} gives "
                f"{self.best_product:.4g}; all paths {self.total:.6g}; backprop {self.gradient:.6g})")


def chain(network: Network, x: np.ndarray, y: int | np.ndarray, param: Parameter) -> Chain:
    """Local rates, the strongest path and the sum over all paths for θ on one sample.

    The strongest path maximises Σ log|factor| layer by layer (Viterbi-style dynamic
    programming: O(Σ n_q n_{q+1}) work instead of Π n_q paths). The sum over all paths is
    ∂C/∂a^L pulled back through the rates, (dC_da^T R^L ⋯ R^{l+1})_j · first — which is
    backpropagation itself.

    With the cross-entropy cost, an output neuron saturated to exactly 0 or 1 (|z^L| ≳ 37)
    has an infinite ∂C/∂a^L (backprop's δ^L = a − y never forms it), and the path products
    through it are inf or nan.

    The local rates use f′ of each layer's own activation (σ′, tanh′ or ReLU′). A softmax output
    couples every a^L_m to every z^L_k, so there the paths end at z^L: the last rate is
    ∂z^L/∂a^{L−1} = w^L (no f′ factor), the last factor ∂C/∂z^L = a^L − y, and ``ends_at_z`` is True.
    """
    net, X, Y = _prepared(network, x, y, param)
    zs, acts = net.forward_unchecked(X)
    l, j, L = param.l, param.j, net.num_layers
    acts_of = [net.layer_activation(q) for q in range(2, L + 1)]
    # f′(z^q), index q − 2; at a softmax output the paths stop at z^L (a factor of exactly 1)
    sp = [act.prime(z[0]) if act is not None else np.ones_like(z[0]) for act, z in zip(acts_of, zs)]
    ends_at_z = acts_of[-1] is None
    first = float(sp[l - 2][j] * (acts[l - 2][0][param.k] if param.kind == "w" else 1.0))
    rates = tuple(sp[q - 1][:, None] * net.w(q + 1) for q in range(l, L))   # R^{q+1}, (n_{q+1}, n_q)
    dC_da = dC_da_output(net.cost.name, acts[-1][0], Y[0])

    # Sum over all paths: u^q = ∂C/∂a^q through the rates, from the output backwards.
    u = dC_da
    for r in reversed(rates):
        u = r.T @ u
    total = first * float(u[j])

    # Strongest path: score[i] = largest Σ log|factor| of a path from j to neuron i of layer q.
    with np.errstate(divide="ignore"):
        score = np.full(net.sizes[l - 1], -np.inf)
        score[j] = 0.0
        back = []
        for r in rates:
            cand = score[None, :] + np.log(np.abs(r))                # (n_{q+1}, n_q)
            arg = np.argmax(cand, axis=1)
            back.append(arg)
            score = cand[np.arange(len(arg)), arg]
        score = score + np.log(np.abs(dC_da))
    end = int(np.argmax(score))
    path = [end]
    for arg in reversed(back):
        path.append(int(arg[path[-1]]))
    path.reverse()
    factors = [first] + [float(r[b, a]) for r, a, b in zip(rates, path[:-1], path[1:])] + [float(dC_da[end])]
    return Chain(param, first, rates, dC_da, tuple(path), tuple(factors), float(np.prod(factors)), total,
                 backprop_derivative(net, X, Y, param), ends_at_z)


# -- why measured and predicted differ -------------------------------------------------------
@dataclass(frozen=True)
class NudgeDiscrepancy:
    """Why ΔC measured and backprop's ∂C/∂θ · Δw differ, decided by computation.

    ``difference`` = |measured − predicted|. ``rounding`` bounds what float64 rounding can do to
    the measured ΔC: every activation a^q_i of the layers the nudge reaches (q = l..L) is rounded
    to its float's step s(a^q_i), which moves C by about |∂C/∂a^q_i| · s(a^q_i); so
    rounding = Σ_q Σ_i |∂C/∂a^q_i| · s(a^q_i) + 2 s(C). A difference within it may be rounding
    and is called so; a larger one is the change's second- and higher-order part (curvature),
    which shrinks with Δw. ``output_steps`` is |Δa^L| of the output that moves C most, in float
    steps at its value.
    """

    dw: float
    off: float           # |measured / predicted − 1|
    difference: float    # |measured − predicted|
    rounding: float      # the rounding bound above
    output_steps: float
    cause: str           # "agree" (off < tolerance), "rounding", "curvature" or "no prediction"

    def __repr__(self) -> str:
        return (f"NudgeDiscrepancy(Δw={self.dw:g}: off {self.off:.3g}, |difference| {self.difference:.3g} vs "
                f"rounding {self.rounding:.3g}, output moved {self.output_steps:.3g} float steps → {self.cause})")


def discrepancy(network: Network, x: np.ndarray, y: int | np.ndarray, param: Parameter, dw: float,
                tolerance: float = 0.01) -> NudgeDiscrepancy:
    """Tell curvature from rounding for the nudge ``dw`` of ``param`` (see :class:`NudgeDiscrepancy`)."""
    n = nudge(network, x, y, param, dw)
    net, X, Y = _prepared(network, x, y, param)
    zs, acts = net.forward_unchecked(X)
    L = net.num_layers
    a_L, y = acts[-1][0], Y[0]
    if net.layer_activation(L) is None:                              # softmax + log-likelihood: C = −ln a_y
        with np.errstate(divide="ignore"):
            u = np.where(y > 0, -1.0 / a_L, 0.0)                     # ∂C/∂a^L
    else:
        u = dC_da_output(net.cost.name, a_L, y)                      # ∂C/∂a^L
    bound = float(np.sum(np.abs(u) * np.spacing(np.abs(a_L))))
    main = int(np.argmax(np.abs(u * n.delta_a[-1])))
    steps = float(abs(n.delta_a[-1][main]) / np.spacing(abs(a_L[main])))
    for q in range(L - 1, param.l - 1, -1):                          # pull ∂C/∂a back to layer l
        act = net.layer_activation(q + 1)
        dC_dz = (a_L - y) if act is None else act.prime(zs[q - 1][0]) * u   # ∂C/∂z^{q+1}
        u = dC_dz @ net.w(q + 1)
        bound += float(np.sum(np.abs(u) * np.spacing(np.abs(acts[q - 1][0]))))
    bound += 2 * float(np.spacing(abs(n.cost)))
    diff = abs(n.delta_cost - n.predicted)
    if n.predicted == 0 or not math.isfinite(n.ratio):
        return NudgeDiscrepancy(float(dw), math.nan, diff, bound, steps, "no prediction")
    off = abs(n.ratio - 1)
    # both runs are rounded: the measured ΔC can be off by twice the bound
    cause = "agree" if off < tolerance else "rounding" if diff <= 2 * bound else "curvature"
    return NudgeDiscrepancy(float(dw), off, diff, bound, steps, cause)
