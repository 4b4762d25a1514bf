"""Check backpropagation's gradient against central finite differences.

∂C/∂θ ≈ (C(θ + ε) − C(θ − ε)) / 2ε for each checked parameter θ. Run it in float64:
in float32 the differences are dominated by rounding (:func:`eps_sweep` shows where).

A :class:`Parameter` names one weight w^l_jk or bias b^l_j in the book's numbering
(layers 1..L, neurons from 0); the gradient check, :mod:`bpviz.core.nudge` and the
``bpviz explain`` commands all select parameters with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from bpviz.core.network import DTYPES, Network, as_generator

#: The ε values of :func:`eps_sweep` by default: 1e-12 … 1, four per decade.
SWEEP_EPS = np.logspace(-12, 0, 49)


@dataclass(frozen=True, order=True)
class Parameter:
    """One weight w^l_jk (``kind="w"``) or bias b^l_j (``kind="b"``, ``k`` is None).

    ``l`` is the book's layer number 2..L; ``j`` the neuron in layer l, ``k`` the neuron in
    layer l−1 (both from 0).
    """

    kind: str
    l: int
    j: int
    k: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in ("w", "b") or (self.kind == "w") != (self.k is not None):
            raise ValueError(f"a parameter is ('w', l, j, k) or ('b', l, j), not {self!r}")

    @classmethod
    def weight(cls, l: int, j: int, k: int) -> Parameter:
        return cls("w", int(l), int(j), int(k))

    @classmethod
    def bias(cls, l: int, j: int) -> Parameter:
        return cls("b", int(l), int(j))

    @property
    def name(self) -> str:
        """ASCII book notation: "w^3_{2,1}" or "b^2_{0}" (the scene layer has the Unicode form)."""
        idx = f"{self.j},{self.k}" if self.kind == "w" else f"{self.j}"
        return f"{self.kind}^{self.l}_{{{idx}}}"

    def index(self) -> tuple[int, ...]:
        """Position inside w^l (j, k) or b^l (j,)."""
        return (self.j, self.k) if self.kind == "w" else (self.j,)

    def array(self, network: Network) -> np.ndarray:
        """The array holding this parameter: w^l (n_l, n_{l-1}) or b^l (n_l,)."""
        return network.w(self.l) if self.kind == "w" else network.b(self.l)

    def validate(self, network: Network) -> Parameter:
        """Self, or ValueError saying which index is out of range for ``network``."""
        L, sizes = network.num_layers, network.sizes
        if not 2 <= self.l <= L:
            raise ValueError(f"{self.name}: layer l must be 2..{L} for sizes {','.join(map(str, sizes))}")
        if not 0 <= self.j < sizes[self.l - 1]:
            raise ValueError(f"{self.name}: j must be 0..{sizes[self.l - 1] - 1} (layer {self.l} has "
                             f"{sizes[self.l - 1]} neurons)")
        if self.kind == "w" and not 0 <= self.k < sizes[self.l - 2]:
            raise ValueError(f"{self.name}: k must be 0..{sizes[self.l - 2] - 1} (layer {self.l - 1} has "
                             f"{sizes[self.l - 2]} neurons)")
        return self

    def __repr__(self) -> str:
        return f"Parameter({self.name})"


def parameters(network: Network) -> Iterator[Parameter]:
    """Every parameter in the book's order: w², b², w³, b³, … (weights row by row)."""
    for l in range(2, network.num_layers + 1):
        n_l, n_prev = network.w(l).shape
        for j in range(n_l):
            for k in range(n_prev):
                yield Parameter("w", l, j, k)
        for j in range(n_l):
            yield Parameter("b", l, j)


def parameter_at(network: Network, flat: int) -> Parameter:
    """The parameter at position ``flat`` (0..P−1) of :func:`parameters`, without iterating."""
    for l in range(2, network.num_layers + 1):
        w = network.w(l)
        if flat < w.size:
            j, k = divmod(int(flat), w.shape[1])
            return Parameter("w", l, j, k)
        flat -= w.size
        if flat < w.shape[0]:
            return Parameter("b", l, int(flat))
        flat -= w.shape[0]
    raise IndexError("parameter index out of range")


def with_dtype(network: Network, dtype: type | np.dtype | str) -> Network:
    """A copy of ``network`` whose parameters and computations use ``dtype``."""
    dtype = np.dtype(dtype)
    if dtype not in DTYPES:
        raise ValueError(f"dtype must be float32 or float64, not {dtype}")
    other = network.with_parameters([w.astype(dtype) for w in network.weights],
                                    [b.astype(dtype) for b in network.biases])
    other.dtype = dtype
    return other


def relative_errors(backprop: np.ndarray, numerical: np.ndarray) -> np.ndarray:
    """|g_bp − g_num| / (|g_bp| + |g_num|) element-wise; 0 where both are 0."""
    backprop, numerical = np.asarray(backprop, dtype=np.float64), np.asarray(numerical, dtype=np.float64)
    den = np.abs(backprop) + np.abs(numerical)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, np.abs(backprop - numerical) / np.where(den > 0, den, 1), 0.0)


@dataclass(frozen=True)
class CheckRow:
    """One line of the gradient-check table."""

    parameter: Parameter
    backprop: float
    numerical: float
    relative_error: float


@dataclass(frozen=True)
class GradientCheck:
    """Backprop's and the numerical gradient at the checked parameters.

    ``parameters`` lists what was checked (same order as ``names``); ``total_parameters``
    is P of the network, larger than ``len(parameters)`` when a sample was checked.
    """

    names: list[str]          # e.g. "w^2[3,17]", "b^3[1]"
    backprop: np.ndarray      # (k,)
    numerical: np.ndarray     # (k,)
    parameters: tuple[Parameter, ...] = ()
    eps: float = float("nan")
    total_parameters: int = 0
    dtype: str = ""

    @property
    def relative_error(self) -> float:
        """‖g_bp − g_num‖ / (‖g_bp‖ + ‖g_num‖); 0 when both are 0."""
        den = np.linalg.norm(self.backprop) + np.linalg.norm(self.numerical)
        return float(np.linalg.norm(self.backprop - self.numerical) / den) if den else 0.0

    @property
    def relative_errors(self) -> np.ndarray:
        """Per-parameter |g_bp − g_num| / (|g_bp| + |g_num|), shape (k,)."""
        return relative_errors(self.backprop, self.numerical)

    @property
    def max_abs_error(self) -> float:
        return float(np.max(np.abs(self.backprop - self.numerical))) if len(self.names) else 0.0

    @property
    def sampled(self) -> bool:
        """True when only some of the network's parameters were checked."""
        return len(self.parameters) < self.total_parameters

    def rows(self, sort: bool = True) -> list[CheckRow]:
        """One :class:`CheckRow` per checked parameter, worst relative error first (or in order)."""
        errs = self.relative_errors
        order = np.argsort(-errs, kind="stable") if sort else range(len(errs))
        return [CheckRow(self.parameters[i], float(self.backprop[i]), float(self.numerical[i]), float(errs[i]))
                for i in order]

    def __repr__(self) -> str:
        return f"GradientCheck({len(self.names)} parameters, relative error {self.relative_error:.3g})"


def gradient_check(
    network: Network,
    X: np.ndarray,
    y: np.ndarray,
    *,
    eps: float = 1e-6,
    max_per_layer: int | None = None,
    rng: np.random.Generator | int | None = 0,
    dtype: type | np.dtype | str | None = None,
) -> GradientCheck:
    """Compare :meth:`Network.gradient` with central differences of the mean cost.

    Every parameter is checked unless ``max_per_layer`` is given; then that many weights
    (chosen with ``rng``) and all biases of each layer are. The network is restored.
    With ``dtype`` the check runs on a copy of the network in that dtype.
    """
    gen = as_generator(rng)
    if dtype is not None:
        network = with_dtype(network, dtype)
    X = np.asarray(X)
    Y = network.targets(y, X.shape[0])
    grad = network.gradient(X, Y)

    def cost() -> float:
        return network.total_cost(X, Y)

    names, bp, num, checked = [], [], [], []
    for i, (w, b) in enumerate(zip(network.weights, network.biases)):
        l = i + 2
        w_idx = np.arange(w.size)
        if max_per_layer is not None and w.size > max_per_layer:
            w_idx = np.sort(gen.choice(w.size, size=max_per_layer, replace=False))
        params = [(w, "w", idx, grad.nabla_w[i]) for idx in w_idx] + [
            (b, "b", idx, grad.nabla_b[i]) for idx in range(b.size)
        ]
        for arr, kind, flat, g in params:
            pos = np.unravel_index(flat, arr.shape)
            num.append(difference_quotient(arr, pos, eps, cost))
            names.append(f"{kind}^{l}[{','.join(str(int(p)) for p in pos)}]")
            checked.append(Parameter(kind, l, *(int(p) for p in pos)))
            bp.append(float(g[pos]))
    return GradientCheck(names, np.array(bp), np.array(num), tuple(checked), float(eps),
                         network.num_parameters, network.dtype.name)


# -- one parameter ---------------------------------------------------------------------------
def one_sample(network: Network, x: np.ndarray, y: int | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(X (1, n_1), Y (1, n_L)) in the network's dtype from one sample and a label or target."""
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError(f"expected one sample of shape ({network.sizes[0]},), got {x.shape}")
    X = network.check_inputs(x[None, :])
    y = np.asarray(y)
    Y = network.targets(y.reshape(1) if y.ndim == 0 else y.reshape(1, -1), 1)
    return X, Y


def sample_cost(network: Network, X: np.ndarray, Y: np.ndarray) -> float:
    """C_x of one checked sample X (1, n_1), Y (1, n_L): one forward pass."""
    zs, acts = network.forward_unchecked(X)
    return float(network.cost.fn(acts[-1], Y, zs[-1])[0])


def backprop_derivative(network: Network, X: np.ndarray, Y: np.ndarray, param: Parameter) -> float:
    """Backprop's ∂C_x/∂θ for one sample (BP3 for a bias, BP4 for a weight)."""
    g = network.gradient(X, Y)
    arr = g.nabla_w[param.l - 2] if param.kind == "w" else g.nabla_b[param.l - 2]
    return float(arr[param.index()])


def difference_quotient(arr: np.ndarray, pos: tuple | int, eps: float, cost: Callable[[], float]) -> float:
    """(C(θ + ε) − C(θ − ε)) / 2ε for θ = arr[pos], written in place and always restored.

    ``cost()`` evaluates C with the current parameters; ε is rounded to arr's dtype when added.
    """
    old = arr[pos]
    try:
        arr[pos] = old + eps
        c_plus = cost()
        arr[pos] = old - eps
        c_minus = cost()
    finally:
        arr[pos] = old
    return (c_plus - c_minus) / (2 * eps)


def central_difference(network: Network, X: np.ndarray, Y: np.ndarray, param: Parameter, eps: float) -> float:
    """The central difference of C_x for one sample X (1, n_1), Y (1, n_L) in the network's dtype."""
    return difference_quotient(param.array(network), param.index(), eps, lambda: sample_cost(network, X, Y))


@dataclass(frozen=True)
class ParameterCheck:
    """Backprop's ∂C/∂θ and the central difference for one parameter and one ε."""

    parameter: Parameter
    eps: float
    backprop: float
    numerical: float
    dtype: str

    @property
    def relative_error(self) -> float:
        return float(relative_errors(self.backprop, self.numerical))

    def __repr__(self) -> str:
        return (f"ParameterCheck({self.parameter.name}, ε={self.eps:g}, {self.dtype}: backprop {self.backprop:.6g}, "
                f"numerical {self.numerical:.6g}, relative error {self.relative_error:.2g})")


def check_parameter(network: Network, x: np.ndarray, y: int | np.ndarray, param: Parameter, *,
                    eps: float = 1e-6, dtype: type | np.dtype | str = np.float64) -> ParameterCheck:
    """Check one parameter on one sample x (n_1,) with label or target y, in ``dtype``.

    The network is not changed (the check runs on a copy in ``dtype``).
    """
    net = with_dtype(network, dtype)
    param.validate(net)
    X, Y = one_sample(net, x, y)
    return ParameterCheck(param, float(eps), backprop_derivative(net, X, Y, param),
                          central_difference(net, X, Y, param, eps), net.dtype.name)


@dataclass(frozen=True, eq=False)
class EpsSweep:
    """Relative error of the central difference against backprop over a range of ε.

    ``numerical[d]`` and ``errors[d]`` have the shape of ``eps`` (k,) for each dtype name d
    ("float64", "float32"); ``backprop[d]`` is backprop's ∂C/∂θ computed in that dtype.
    The error first falls with ε (the difference quotient's truncation error, ∝ ε²) and then
    rises again (rounding of C, ∝ 1/ε, much earlier in float32).
    """

    parameter: Parameter
    eps: np.ndarray
    backprop: dict[str, float] = field(default_factory=dict)
    numerical: dict[str, np.ndarray] = field(default_factory=dict)
    errors: dict[str, np.ndarray] = field(default_factory=dict)

    def best_eps(self, dtype: str = "float64") -> float:
        """The ε with the smallest relative error in ``dtype``."""
        return float(self.eps[int(np.argmin(self.errors[dtype]))])

    def __repr__(self) -> str:
        best = ", ".join(f"{d}: best ε {self.best_eps(d):.0e} (error {np.min(e):.1e})" for d, e in self.errors.items())
        return f"EpsSweep({self.parameter.name}, {len(self.eps)} values of ε; {best})"


def eps_sweep(network: Network, x: np.ndarray, y: int | np.ndarray, param: Parameter, *,
              eps: Sequence[float] | np.ndarray = SWEEP_EPS,
              dtypes: Sequence[type | np.dtype | str] = (np.float64, np.float32)) -> EpsSweep:
    """:func:`check_parameter` for every ε in ``eps`` (default 1e-12 … 1, log-spaced) and each dtype."""
    eps = np.asarray(eps, dtype=np.float64)
    bp, num, err = {}, {}, {}
    for dt in dtypes:
        net = with_dtype(network, dt)
        param.validate(net)
        X, Y = one_sample(net, x, y)
        name = net.dtype.name
        bp[name] = backprop_derivative(net, X, Y, param)
        num[name] = np.array([central_difference(net, X, Y, param, e) for e in eps])
        err[name] = relative_errors(np.full(eps.shape, bp[name]), num[name])
    return EpsSweep(param, eps, bp, num, err)
