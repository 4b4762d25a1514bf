"""A feedforward network of sigmoid (or tanh, ReLU) neurons, its backpropagation and a per-sample trace.

Notation follows chapter 2 of Nielsen's *Neural Networks and Deep Learning*. Layers are
numbered 1..L with layer 1 the input. ``weights[l - 2]`` is the matrix w^l of shape
(n_l, n_{l-1}), so ``weights[l - 2][j, k]`` is w^l_jk, the weight from neuron k in layer
l-1 to neuron j in layer l; ``biases[l - 2]`` is b^l of shape (n_l,).

Samples are rows: a batch X has shape (n, n_1). For a batch the equations read

    Z^l = A^{l-1} (w^l)^T + b^l,   A^l = f(Z^l)                      (feedforward)
    Δ^L = cost.delta(Z^L, A^L, Y)                                     (BP1)
    Δ^l = (Δ^{l+1} w^{l+1}) ⊙ f′(Z^l)                                 (BP2)
    ∂C/∂b^l = mean over rows of Δ^l                                   (BP3)
    ∂C/∂w^l = (Δ^l)^T A^{l-1} / n                                     (BP4)

with f the hidden layers' activation (σ, the seed's, by default; tanh or ReLU) and the
output layer σ or softmax; softmax goes with the log-likelihood cost, whose BP1 is
Δ^L = A^L − Y (chapter 3). Row x of Δ^l is the book's δ^{x,l}: one matrix product per layer serves the whole
batch, and the single-sample :class:`Trace` is the same code on a batch of one.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from bpviz.core.activations import Sigmoid, check_output, get_activation, sigmoid, softmax
from bpviz.core.costs import COST_OUTPUT, default_cost, get_cost
from bpviz.i18n import translate

INITS = ("standard", "scaled")
DTYPES = (np.dtype(np.float32), np.dtype(np.float64))
#: Networks whose estimated peak memory (:func:`training_bytes`) is above this are refused.
MAX_TRAINING_BYTES = 1_000_000_000


class Interrupted(Exception):
    """An evaluation gave up between two batches because its ``stop()`` said so."""


def num_parameters(sizes: Sequence[int]) -> int:
    """P = Σ_l n_l (n_{l-1} + 1): every weight and bias of a network of these sizes."""
    return sum(n_out * (n_in + 1) for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def training_bytes(sizes: Sequence[int], dtype: type | np.dtype | str = np.float32) -> int:
    """Estimated peak memory to create and train a network of these sizes.

    Per parameter: the float64 draw at initialisation (8 bytes), then the weights, the
    gradient and the new weights of an update (3 × the dtype's size).
    """
    return num_parameters(sizes) * (8 + 3 * np.dtype(dtype).itemsize)


def check_memory(sizes: Sequence[int], dtype: type | np.dtype | str = np.float32, extra_per_weight: int = 0,
                 what: str = "create and train") -> None:
    """ValueError with the estimate when a network of these sizes would need more than about 1 GB.

    ``extra_per_weight``: bytes per weight a caller needs besides training (the GUI's drawing).
    ``what``: "create and train" or "create, train and draw" (shown translated), or any text.
    """
    weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    need = training_bytes(sizes, dtype) + extra_per_weight * weights
    if need > MAX_TRAINING_BYTES:
        shown = {"create and train": translate("Core", "create and train"),
                 "create, train and draw": translate("Core", "create, train and draw")}.get(what, what)
        raise ValueError(
            translate("Core", "a {sizes} network has {n} parameters and would need about {need} GB to {what} (the "
                      "limit is about {limit} GB); use fewer neurons").format(
                sizes=",".join(map(str, sizes)), n=f"{num_parameters(sizes):,}", need=f"{need / 1e9:.1f}",
                what=shown, limit=f"{MAX_TRAINING_BYTES / 1e9:.0f}")
        )


def as_generator(rng: np.random.Generator | int | None) -> np.random.Generator:
    """A ``np.random.Generator`` from a generator, a seed, or None (fresh entropy)."""
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None or isinstance(rng, (int, np.integer)):
        return np.random.default_rng(rng)
    raise TypeError(f"rng must be a numpy Generator, an int seed or None, not {type(rng).__name__}")


def parse_sizes(sizes: str | Sequence[int]) -> tuple[int, ...]:
    """Validate layer sizes given as ``"784,30,10"`` or a sequence of ints."""
    if isinstance(sizes, str):
        parts = [p.strip() for p in sizes.replace(" ", ",").split(",") if p.strip()]
        try:
            sizes = [int(p) for p in parts]
        except ValueError:
            raise ValueError(
                translate("Core", "layer sizes must be whole numbers separated by commas, like 784,30,10 "
                                  "(got {parts})").format(parts=", ".join(parts))
            ) from None
    out = tuple(int(n) for n in sizes)
    if len(out) < 2:
        raise ValueError(translate("Core", "a network needs at least two layers (an input and an output layer)"))
    if any(n < 1 for n in out):
        raise ValueError(translate("Core", "every layer needs at least one neuron (got {sizes})").format(
            sizes=",".join(map(str, out))))
    if any(n > 100_000 for n in out):
        raise ValueError(translate("Core", "layers larger than 100000 neurons are not supported (got {sizes})").format(
            sizes=",".join(map(str, out))))
    return out


def check_pairing(cost: str, output: str) -> None:
    """ValueError unless the cost belongs with the output layer: quadratic or cross-entropy with
    sigmoid outputs, log-likelihood with softmax (chapter 3's pairing; BP1 is derived for it)."""
    if COST_OUTPUT.get(cost) != output:
        raise ValueError(translate("Core", "the {cost} cost goes with a {right} output layer, not {output} (softmax "
                                           "with log-likelihood; sigmoid with quadratic or cross-entropy)").format(
            cost=cost, right=COST_OUTPUT.get(cost, "?"), output=output))


class Gradient(NamedTuple):
    """∂C/∂b and ∂C/∂w per layer (index i is layer l = i + 2) and the batch cost.

    C is the mean over the batch of C_x, so these are the means of the per-sample
    gradients, i.e. the book's (1/m) Σ_x.
    """

    nabla_b: list[np.ndarray]  # [i]: (n_l,)
    nabla_w: list[np.ndarray]  # [i]: (n_l, n_{l-1})
    cost: float


@dataclass(frozen=True, eq=False)
class Trace:
    """Everything backpropagation computes for one sample x with target y.

    Lists are indexed from the first layer they exist for; use the accessor methods,
    which take the book's layer number l (1..L), to avoid off-by-one mistakes.
    ``weights``/``biases`` are copies of the parameters the trace was computed with.
    """

    x: np.ndarray                  # (n_1,)
    y: np.ndarray                  # (n_L,) target vector
    zs: list[np.ndarray]           # z^l for l = 2..L, each (n_l,)
    activations: list[np.ndarray]  # a^l for l = 1..L, each (n_l,)
    deltas: list[np.ndarray]       # δ^l for l = 2..L, each (n_l,)
    nabla_w: list[np.ndarray]      # ∂C_x/∂w^l for l = 2..L, each (n_l, n_{l-1})
    weights: list[np.ndarray]      # w^l for l = 2..L
    biases: list[np.ndarray]       # b^l for l = 2..L
    cost: float                    # C_x
    cost_name: str
    activation: str = "sigmoid"    # f of the hidden layers
    output_layer: str = "sigmoid"  # the output layer's neurons: "sigmoid" or "softmax"

    @property
    def num_layers(self) -> int:
        return len(self.activations)

    def layer_activation(self, l: int) -> type | None:
        """The neuron class of layer l (2..L); None for a softmax output layer (no element-wise f′)."""
        self._check(l)
        if l == self.num_layers:
            return Sigmoid if self.output_layer == "sigmoid" else None
        return get_activation(self.activation)

    @property
    def sizes(self) -> tuple[int, ...]:
        return tuple(a.shape[0] for a in self.activations)

    def _check(self, l: int, first: int = 2) -> int:
        if not first <= l <= self.num_layers:
            raise IndexError(f"layer {l} is outside {first}..{self.num_layers}")
        return l - first

    def a(self, l: int) -> np.ndarray:
        """a^l, shape (n_l,), l = 1..L."""
        return self.activations[self._check(l, 1)]

    def z(self, l: int) -> np.ndarray:
        """z^l, shape (n_l,), l = 2..L."""
        return self.zs[self._check(l)]

    def f_prime(self, l: int) -> np.ndarray:
        """f′(z^l) for layer l's activation f (σ′ for sigmoid neurons), shape (n_l,), l = 2..L.

        A softmax output layer has no element-wise f′ (each a^L_j depends on every z^L_k):
        ValueError for l = L then; its BP1 is δ^L = a^L − y.
        """
        act = self.layer_activation(l)
        if act is None:
            raise ValueError("a softmax output layer has no element-wise f′(z^L); its δ^L = a^L − y")
        return act.prime(self.z(l))

    def sigma_prime(self, l: int) -> np.ndarray:
        """f′(z^l) (σ′(z^l) for the seed's sigmoid neurons), shape (n_l,), l = 2..L; see :meth:`f_prime`."""
        return self.f_prime(l)

    def delta(self, l: int) -> np.ndarray:
        """δ^l = ∂C_x/∂z^l, shape (n_l,), l = 2..L."""
        return self.deltas[self._check(l)]

    def dC_db(self, l: int) -> np.ndarray:
        """∂C_x/∂b^l = δ^l (BP3), shape (n_l,)."""
        return self.delta(l)

    def dC_dw(self, l: int) -> np.ndarray:
        """∂C_x/∂w^l_jk = a^{l-1}_k δ^l_j (BP4), shape (n_l, n_{l-1})."""
        return self.nabla_w[self._check(l)]

    def w(self, l: int) -> np.ndarray:
        """w^l, shape (n_l, n_{l-1})."""
        return self.weights[self._check(l)]

    def b(self, l: int) -> np.ndarray:
        """b^l, shape (n_l,)."""
        return self.biases[self._check(l)]

    @property
    def output(self) -> np.ndarray:
        return self.activations[-1]

    @property
    def prediction(self) -> int:
        return int(np.argmax(self.activations[-1]))

    @property
    def label(self) -> int:
        return int(np.argmax(self.y))

    def __repr__(self) -> str:
        return (
            f"Trace(sizes={list(self.sizes)}, label={self.label}, prediction={self.prediction}, "
            f"cost={self.cost:.4g} [{self.cost_name}])"
        )


@dataclass(frozen=True, eq=False)
class BatchPass:
    """A batch's forward and backward pass: row i of every matrix belongs to sample i."""

    zs: list[np.ndarray]           # Z^l for l = 2..L, each (n, n_l)
    activations: list[np.ndarray]  # A^l for l = 1..L, each (n, n_l)
    deltas: list[np.ndarray]       # Δ^l for l = 2..L, each (n, n_l)
    Y: np.ndarray                  # (n, n_L) targets
    costs: np.ndarray              # (n,) C_x
    weights: list[np.ndarray]      # copies of w^l the pass used
    biases: list[np.ndarray]
    cost_name: str
    activation: str = "sigmoid"
    output_layer: str = "sigmoid"

    def __len__(self) -> int:
        return self.activations[0].shape[0]

    def trace(self, i: int) -> Trace:
        """Sample i's :class:`Trace` (copies of its rows; ∂C_x/∂w^l = δ^l (a^{l-1})^T made here)."""
        ds = [d[i].copy() for d in self.deltas]
        acts = [a[i].copy() for a in self.activations]
        return Trace(x=acts[0], y=self.Y[i].copy(), zs=[z[i].copy() for z in self.zs], activations=acts,
                     deltas=ds, nabla_w=[np.outer(d, a) for d, a in zip(ds, acts[:-1])], weights=self.weights,
                     biases=self.biases, cost=float(self.costs[i]), cost_name=self.cost_name,
                     activation=self.activation, output_layer=self.output_layer)

    def sum_nabla_w(self, l: int, stop: int) -> np.ndarray:
        """Σ_{x < stop} ∂C_x/∂w^l = (Δ^l[:stop])^T A^{l-1}[:stop], shape (n_l, n_{l-1})."""
        return self.deltas[l - 2][:stop].T @ self.activations[l - 2][:stop]

    def sum_nabla_b(self, l: int, stop: int) -> np.ndarray:
        """Σ_{x < stop} ∂C_x/∂b^l, shape (n_l,)."""
        return self.deltas[l - 2][:stop].sum(axis=0)


class Network:
    """A fully connected network of sigmoid neurons (or tanh/ReLU hidden neurons, a softmax output).

    Parameters
    ----------
    sizes : sequence of int or str
        Neurons per layer, input first, e.g. ``[784, 30, 10]`` or ``"784,30,10"``.
    rng : np.random.Generator, int or None
        Source of the initial weights (a seed gives reproducible weights).
    cost : cost class, instance, name or None
        ``QuadraticCost`` (the seed's) or ``CrossEntropyCost`` with a sigmoid output layer,
        ``LogLikelihoodCost`` with softmax; None (default) picks quadratic or log-likelihood.
    init : {"standard", "scaled"}
        "standard": every weight and bias ~ N(0, 1), as in the seed. "scaled": weights
        ~ N(0, 1/n_{l-1}), biases ~ N(0, 1) (chapter 3).
    dtype : float32 or float64
        Floating type of parameters and computations.
    activation : {"sigmoid", "tanh", "relu"}
        f of the hidden layers (sigmoid, the seed's, by default).
    output : {"sigmoid", "softmax"}
        The output layer's neurons.
    """

    def __init__(
        self,
        sizes: str | Sequence[int],
        *,
        rng: np.random.Generator | int | None = None,
        cost: object = None,
        init: str = "standard",
        dtype: type | np.dtype | str = np.float32,
        activation: str = "sigmoid",
        output: str = "sigmoid",
    ) -> None:
        self.sizes = parse_sizes(sizes)
        self.activation = get_activation(activation)
        self.output = check_output(output)
        self.cost = get_cost(default_cost(self.output) if cost is None else cost)
        check_pairing(self.cost.name, self.output)
        if init not in INITS:
            raise ValueError(f"unknown initialisation {init!r}; choose one of {', '.join(INITS)}")
        self.init = init
        self.dtype = np.dtype(dtype)
        if self.dtype not in DTYPES:
            raise ValueError(f"dtype must be float32 or float64, not {self.dtype}")
        check_memory(self.sizes, self.dtype)
        gen = as_generator(rng)
        # Same order of draws as the seed: all biases, then all weights.
        self.biases = [gen.standard_normal(n).astype(self.dtype) for n in self.sizes[1:]]
        self.weights = []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            w = gen.standard_normal((n_out, n_in))
            if init == "scaled":
                w /= math.sqrt(n_in)
            self.weights.append(w.astype(self.dtype))

    # -- shapes and copies -------------------------------------------------------------
    @property
    def num_layers(self) -> int:
        """L, counting the input layer."""
        return len(self.sizes)

    @property
    def num_parameters(self) -> int:
        return num_parameters(self.sizes)

    def w(self, l: int) -> np.ndarray:
        """w^l (l = 2..L), shape (n_l, n_{l-1})."""
        if not 2 <= l <= self.num_layers:
            raise IndexError(f"layer {l} has no weights (use 2..{self.num_layers})")
        return self.weights[l - 2]

    def b(self, l: int) -> np.ndarray:
        """b^l (l = 2..L), shape (n_l,)."""
        if not 2 <= l <= self.num_layers:
            raise IndexError(f"layer {l} has no biases (use 2..{self.num_layers})")
        return self.biases[l - 2]

    def layer_activation(self, l: int) -> type | None:
        """The neuron class of layer l (2..L): the hidden activation, σ at a sigmoid output layer,
        None at a softmax output layer (no element-wise f′)."""
        self.w(l)
        if l == self.num_layers:
            return Sigmoid if self.output == "sigmoid" else None
        return self.activation

    def copy(self) -> Network:
        return self.with_parameters([w.copy() for w in self.weights], [b.copy() for b in self.biases])

    def with_parameters(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> Network:
        """A network like this one using the given arrays as they are (no copy, no checks).

        For evaluating a snapshot of parameters taken while training runs elsewhere.
        """
        other = Network.__new__(Network)
        other.sizes, other.cost, other.init, other.dtype = self.sizes, self.cost, self.init, self.dtype
        other.activation, other.output = self.activation, self.output
        other.weights, other.biases = list(weights), list(biases)
        return other

    def set_parameters(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> None:
        """Replace all parameters (shapes must match; values are copied, cast to dtype)."""
        weights = [np.array(w, dtype=self.dtype) for w in weights]
        biases = [np.array(b, dtype=self.dtype) for b in biases]
        if [w.shape for w in weights] != [w.shape for w in self.weights] or [
            b.shape for b in biases
        ] != [b.shape for b in self.biases]:
            raise ValueError("parameter shapes do not match the network's sizes")
        self.weights, self.biases = weights, biases

    def same_parameters(self, other: Network) -> bool:
        return self.sizes == other.sizes and all(
            np.array_equal(p, q)
            for p, q in zip(self.weights + self.biases, other.weights + other.biases)
        )

    def __repr__(self) -> str:
        extra = ""
        if self.activation is not Sigmoid or self.output != "sigmoid":
            extra = f", activation={self.activation.name!r}, output={self.output!r}"
        return (
            f"Network(sizes={list(self.sizes)}, cost={self.cost.name!r}, init={self.init!r}, "
            f"dtype={self.dtype.name}{extra})"
        )

    # -- inputs ------------------------------------------------------------------------
    def check_inputs(self, X: np.ndarray) -> np.ndarray:
        """X as an array of this network's dtype, shape (n, n_1); ValueError if it does not fit."""
        X = np.asarray(X)
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise ValueError(
                f"expected inputs of shape (n, {self.sizes[0]}), got {X.shape}"
            )
        return X.astype(self.dtype, copy=False)

    def targets(self, y: np.ndarray, n: int | None = None) -> np.ndarray:
        """Target matrix (n, n_L) from int labels (n,) (one-hot) or a target matrix."""
        y = np.asarray(y)
        n_out = self.sizes[-1]
        if y.ndim == 1 and np.issubdtype(y.dtype, np.integer):
            if y.size and (y.min() < 0 or y.max() >= n_out):
                raise ValueError(f"labels must lie in 0..{n_out - 1}")
            Y = np.zeros((y.shape[0], n_out), dtype=self.dtype)
            Y[np.arange(y.shape[0]), y] = 1
        elif y.ndim == 2 and y.shape[1] == n_out:
            Y = y.astype(self.dtype, copy=False)
        else:
            raise ValueError(f"targets must be int labels (n,) or a matrix (n, {n_out}); got {y.shape}")
        if n is not None and Y.shape[0] != n:
            raise ValueError(f"{n} inputs but {Y.shape[0]} targets")
        return Y

    # -- feedforward -------------------------------------------------------------------
    def forward(self, X: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Feedforward keeping every layer: ``zs`` (l = 2..L) and ``activations`` (l = 1..L).

        X has shape (n, n_1); zs[i] and activations[i + 1] have shape (n, n_{i+2}).
        """
        return self.forward_unchecked(self.check_inputs(X))

    def forward_unchecked(self, a: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """:meth:`forward` on an input already passed through :meth:`check_inputs` (no checks).

        The loop shared by forward(), gradient(), traces() and sgd()'s hot path.
        """
        zs, activations = [], [a]
        last = len(self.weights) - 1
        f = self.activation.fn
        for i, (w, b) in enumerate(zip(self.weights, self.biases)):
            z = a @ w.T
            z += b
            a = self._output_fn(z) if i == last else f(z)
            zs.append(z)
            activations.append(a)
        return zs, activations

    def _output_fn(self, z: np.ndarray) -> np.ndarray:
        """a^L from z^L: σ, or softmax along each row."""
        return sigmoid(z) if self.output == "sigmoid" else softmax(z)

    def feedforward(self, X: np.ndarray) -> np.ndarray:
        """Output activations a^L: (n, n_1) → (n, n_L); a single (n_1,) → (n_L,)."""
        X = np.asarray(X)
        single = X.ndim == 1
        a = self.check_inputs(X[None, :] if single else X)
        last = len(self.weights) - 1
        for i, (w, b) in enumerate(zip(self.weights, self.biases)):
            z = a @ w.T + b
            a = self._output_fn(z) if i == last else self.activation.fn(z)
        return a[0] if single else a

    def predict(self, X: np.ndarray, batch: int = 2048, stop: Callable[[], bool] | None = None) -> np.ndarray:
        """Predicted labels (index of the largest output), shape (n,). ``stop()`` is asked
        between batches; when it says True, :class:`Interrupted` is raised."""
        X = np.asarray(X)
        if X.ndim == 1:
            return np.argmax(self.feedforward(X))
        out = []
        for i in range(0, len(X), batch):
            if stop is not None and stop():
                raise Interrupted
            out.append(np.argmax(self.feedforward(X[i : i + batch]), axis=1))
        return np.concatenate(out) if out else np.zeros(0, dtype=np.int64)

    def evaluate(self, X: np.ndarray, labels: np.ndarray, stop: Callable[[], bool] | None = None) -> int:
        """Number of samples whose predicted label equals ``labels`` (``stop`` as in :meth:`predict`)."""
        return int(np.sum(self.predict(X, stop=stop) == np.asarray(labels)))

    def total_cost(self, X: np.ndarray, y: np.ndarray, lmbda: float = 0.0, n_train: int | None = None,
                   batch: int = 4096, stop: Callable[[], bool] | None = None) -> float:
        """Mean of C_x over the samples, plus the L2 term (λ / 2n) Σ w² when λ > 0
        (``stop`` as in :meth:`predict`)."""
        X = np.asarray(X)
        total = 0.0
        for i in range(0, len(X), batch):
            if stop is not None and stop():
                raise Interrupted
            zs, acts = self.forward(X[i : i + batch])
            Y = self.targets(np.asarray(y)[i : i + batch], len(acts[0]))
            total += float(np.sum(self.cost.fn(acts[-1], Y, zs[-1]), dtype=np.float64))
        cost = total / max(len(X), 1)
        if lmbda:
            n = n_train or len(X)
            cost += 0.5 * (lmbda / n) * sum(float(np.sum(w.astype(np.float64) ** 2)) for w in self.weights)
        return cost

    # -- backpropagation ---------------------------------------------------------------
    def backward(self, zs: list[np.ndarray], activations: list[np.ndarray], Y: np.ndarray) -> list[np.ndarray]:
        """δ^l for l = 2..L (each (n, n_l)) by BP1 then BP2 from a forward pass."""
        delta = self.cost.delta(zs[-1], activations[-1], Y)  # BP1
        deltas = [delta]
        prime_from = self.activation.prime_from
        for l in range(self.num_layers - 1, 1, -1):  # BP2 for l = L-1 .. 2
            # f′(z^l) from a^l where that is exact: for σ, a^l(1 − a^l), the seed's sigmoid_prime
            # bit for bit without a second exp; 1 − (a^l)² for tanh; [z^l > 0] for ReLU.
            fp = prime_from(activations[l - 1], zs[l - 2])
            delta = (delta @ self.weights[l - 1]) * fp
            deltas.append(delta)
        deltas.reverse()
        return deltas

    def _backprop(self, X: np.ndarray, Y: np.ndarray):
        zs, activations = self.forward(X)
        Y = self.targets(Y, activations[0].shape[0])
        deltas = self.backward(zs, activations, Y)
        return zs, activations, Y, deltas

    def gradient(self, X: np.ndarray, Y: np.ndarray) -> Gradient:
        """∂C/∂b^l, ∂C/∂w^l for C = mean over the batch of C_x (BP3, BP4).

        X: (n, n_1); Y: int labels (n,) or targets (n, n_L). One matrix product per layer.
        """
        zs, activations, Y, deltas = self._backprop(X, Y)
        n = activations[0].shape[0]
        nabla_b = [d.sum(axis=0) / n for d in deltas]
        nabla_w = [(d.T @ a) / n for d, a in zip(deltas, activations[:-1])]
        cost = float(np.mean(self.cost.fn(activations[-1], Y, zs[-1]), dtype=np.float64))
        return Gradient(nabla_b, nabla_w, cost)

    def batch_pass(self, X: np.ndarray, Y: np.ndarray) -> BatchPass:
        """Feedforward and backward pass of a whole batch, kept per layer (one matmul per layer);
        :meth:`BatchPass.trace` cuts out one sample's :class:`Trace` on demand."""
        zs, activations, Y, deltas = self._backprop(X, Y)
        costs = self.cost.fn(activations[-1], Y, zs[-1])
        return BatchPass(zs, activations, deltas, Y, costs, [w.copy() for w in self.weights],
                         [b.copy() for b in self.biases], self.cost.name, self.activation.name, self.output)

    def traces(self, X: np.ndarray, Y: np.ndarray) -> list[Trace]:
        """One :class:`Trace` per row of X, from a single batched forward and backward pass."""
        p = self.batch_pass(X, Y)
        return [p.trace(i) for i in range(len(p))]

    def trace(self, x: np.ndarray, y: int | np.ndarray) -> Trace:
        """The :class:`Trace` of one sample x (n_1,) with label y (int) or target (n_L,)."""
        x = np.asarray(x)
        if x.ndim != 1:
            raise ValueError(f"trace takes one sample of shape ({self.sizes[0]},), got {x.shape}")
        y = np.asarray(y)
        Y = y.reshape(1) if y.ndim == 0 else y.reshape(1, -1)
        return self.traces(x[None, :], Y)[0]
