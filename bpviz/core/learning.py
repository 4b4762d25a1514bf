"""Why a network learns slowly: the speed of learning per layer and saturated neurons.

Speed of learning (chapter 5 of Nielsen's book). For a fixed set of n images X the cost is
C = (1/n) Σ_x C_x, and by BP3 its gradient with respect to the biases of layer l is

    ∂C/∂b^l = (1/n) Σ_x δ^{x,l},     shape (n_l,)

The book calls the length ‖∂C/∂b^l‖ of that vector the speed at which layer l learns and
reports it for each hidden layer at initialisation (:data:`BOOK_SPEEDS`). It is computed here
with the core's batched forward and backward pass (one matrix product per layer for all n
images), a chunk of rows at a time so that memory stays bounded for any n.

Saturation. A sigmoid neuron is *saturated* when σ′(z) is tiny: a = σ(z) is then close to 0
or 1 and, because σ′(z^l) multiplies δ in BP1 (quadratic cost) and BP2, its error δ and so its
gradients ∂C/∂b, ∂C/∂w are scaled down by that tiny factor — it learns slowly whatever its
error. The default threshold :data:`SATURATION_THRESHOLD` = 0.01 is 1/25 of σ′'s maximum
0.25 (at z = 0): it flags |z| > 4.6, where a is within 0.0101 of 0 or 1 and a neuron learns at
least 25 times more slowly than it would at z = 0. A tanh neuron is flagged at the same 1/25 of
its own maximum (tanh′(z) < 0.04). A ReLU neuron never saturates for z > 0 (f′ = 1) but passes no
error at all where z ≤ 0 (f′ = 0): those are flagged instead, and a neuron flagged for every
input is *dead*. A softmax output layer with the log-likelihood cost has δ^L = a − y, no f′
factor: nothing there is flagged.

Pure NumPy: no Qt, no clock, no printing, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bpviz.core.activations import Sigmoid
from bpviz.core.network import Network, Trace, parse_sizes

DEFAULT_SPEED_IMAGES = 1000
SATURATION_THRESHOLD = 0.01
#: σ′(z) = 0.01 ⇔ |z| = ln((1 + √0.96)/(1 − √0.96)) ≈ 4.585: the |z| above which a neuron is flagged.
SATURATION_Z = math.log((1 + math.sqrt(1 - 4 * SATURATION_THRESHOLD)) / (1 - math.sqrt(1 - 4 * SATURATION_THRESHOLD)))
_CHUNK = 2048  # rows per forward/backward pass: bounds memory for any number of images


# -- speed of learning -------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class LayerSpeeds:
    """‖∂C/∂b^l‖ for l = 2..L, C the mean cost over ``n_images`` images.

    ``norms[i]`` belongs to layer ``layers[i]`` = i + 2; the last entry is the output layer L,
    the others are the hidden layers (the book's chapter 5 figures).
    """

    sizes: tuple[int, ...]
    norms: np.ndarray   # (L − 1,) float64, ‖∂C/∂b^l‖ for l = 2..L
    cost: float         # C, the mean C_x over the images
    n_images: int
    cost_name: str

    @property
    def layers(self) -> tuple[int, ...]:
        """Book layer numbers 2..L of ``norms``."""
        return tuple(range(2, len(self.sizes) + 1))

    @property
    def hidden_layers(self) -> tuple[int, ...]:
        return tuple(range(2, len(self.sizes)))

    @property
    def hidden(self) -> np.ndarray:
        """(L − 2,) the hidden layers' speeds, l = 2..L−1."""
        return self.norms[:-1]

    @property
    def output(self) -> float:
        return float(self.norms[-1])

    def of(self, l: int) -> float:
        """‖∂C/∂b^l‖ for the book's layer number l (2..L)."""
        if not 2 <= l <= len(self.sizes):
            raise IndexError(f"layer {l} has no biases (use 2..{len(self.sizes)})")
        return float(self.norms[l - 2])

    def __repr__(self) -> str:
        vals = ", ".join(f"{v:.3g}" for v in self.norms)
        return f"LayerSpeeds(sizes={list(self.sizes)}, ‖∂C/∂b^l‖ l=2..L: [{vals}], n={self.n_images})"


def mean_nabla_b(network: Network, X: np.ndarray, y: np.ndarray) -> tuple[list[np.ndarray], float]:
    """∂C/∂b^l = (1/n) Σ_x δ^{x,l} for l = 2..L (each (n_l,), float64) and C = mean C_x.

    X: (n, n_1) inputs; y: int labels (n,) or targets (n, n_L). Batched: the core's
    ``forward_unchecked`` and ``backward`` on chunks of rows, sums accumulated in float64.
    """
    X = network.check_inputs(X)
    n = X.shape[0]
    if n == 0:
        raise ValueError("no images to measure the speed of learning on")
    Y = network.targets(y, n)
    sums = [np.zeros(k, dtype=np.float64) for k in network.sizes[1:]]
    total = 0.0
    for i in range(0, n, _CHUNK):
        zs, activations = network.forward_unchecked(X[i : i + _CHUNK])
        Yc = Y[i : i + _CHUNK]
        for s, delta in zip(sums, network.backward(zs, activations, Yc)):
            s += delta.sum(axis=0, dtype=np.float64)
        total += float(np.sum(network.cost.fn(activations[-1], Yc, zs[-1]), dtype=np.float64))
    return [s / n for s in sums], total / n


def speed_of_learning(network: Network, X: np.ndarray, y: np.ndarray) -> LayerSpeeds:
    """‖∂C/∂b^l‖ for every layer l = 2..L over the images X (n, n_1) with labels y (n,).

    The GUI's live view calls this on a snapshot of the parameters
    (``network.with_parameters(weights, biases)``) and the first 1,000 training images.
    """
    nabla_b, cost = mean_nabla_b(network, X, y)
    norms = np.array([float(np.linalg.norm(nb)) for nb in nabla_b])
    return LayerSpeeds(network.sizes, norms, cost, int(np.asarray(X).shape[0]), network.cost.name)


@dataclass(frozen=True, eq=False)
class SpeedSummary:
    """:func:`speed_of_learning` at initialisation over several seeds."""

    sizes: tuple[int, ...]
    seeds: tuple[int, ...]
    per_seed: np.ndarray   # (len(seeds), L − 1): row s is ‖∂C/∂b^l‖, l = 2..L, for seeds[s]
    cost_name: str
    init: str
    n_images: int

    @property
    def mean(self) -> np.ndarray:
        """(L − 1,) mean over the seeds, l = 2..L."""
        return self.per_seed.mean(axis=0)

    @property
    def hidden_mean(self) -> np.ndarray:
        """(L − 2,) mean over the seeds of the hidden layers, l = 2..L−1."""
        return self.mean[:-1]

    @property
    def ratio_first_last(self) -> np.ndarray:
        """(len(seeds),) per seed ‖∂C/∂b^2‖ / ‖∂C/∂b^{L−1}‖ (first over last hidden layer)."""
        return self.per_seed[:, 0] / self.per_seed[:, -2]


def speeds_at_init(sizes: str | Sequence[int], X: np.ndarray, y: np.ndarray, seeds: Sequence[int] = (0,), *,
                   cost: object = "cross-entropy", init: str = "scaled",
                   dtype: type | np.dtype | str = np.float32, activation: str = "sigmoid",
                   output: str = "sigmoid") -> SpeedSummary:
    """The speed of learning of freshly initialised networks, one per seed.

    Defaults are the book's chapter 5 setting: cross-entropy cost, weights N(0, 1/n_in),
    biases N(0, 1). Each network is ``Network(sizes, rng=np.random.default_rng(seed), …)``.
    X: (n, n_1) images, y: (n,) labels.
    """
    sizes = parse_sizes(sizes)
    if len(sizes) < 3:
        raise ValueError(f"the speed of hidden layers needs at least one hidden layer (got {','.join(map(str, sizes))})")
    seeds = tuple(int(s) for s in seeds)
    if not seeds:
        raise ValueError("need at least one seed")
    rows, cost_name = [], ""
    for seed in seeds:
        net = Network(sizes, rng=np.random.default_rng(seed), cost=cost, init=init, dtype=dtype,
                      activation=activation, output=output)
        sp = speed_of_learning(net, X, y)
        rows.append(sp.norms)
        cost_name = sp.cost_name
    return SpeedSummary(sizes, seeds, np.array(rows), cost_name, init, int(np.asarray(X).shape[0]))


@dataclass(frozen=True)
class BookSpeeds:
    """The speeds of learning the book reports in chapter 5 for one architecture."""

    sizes: tuple[int, ...]
    hidden: tuple[float, ...]  # ‖∂C/∂b^l‖ for the hidden layers l = 2..L−1
    note: str

    @property
    def ratio_first_last(self) -> float:
        return self.hidden[0] / self.hidden[-1]


BOOK_SPEEDS_NOTE = (
    "Nielsen, Neural Networks and Deep Learning, chapter 5: one randomly initialised network "
    "(cross-entropy cost, weights N(0, 1/n_in), biases N(0, 1)), gradient of the cost over the "
    "first 1,000 MNIST training images (mnist.pkl.gz). The bundled subset holds the same first "
    "1,000 training images in the same order; two things differ: the random weights, and the pixel "
    "scale (the book's file has pixel values / 256, bpviz / 255)."
)
BOOK_SPEEDS: dict[tuple[int, ...], BookSpeeds] = {
    s.sizes: s
    for s in (
        BookSpeeds((784, 30, 30, 10), (0.07, 0.31), BOOK_SPEEDS_NOTE),
        BookSpeeds((784, 30, 30, 30, 10), (0.012, 0.060, 0.283), BOOK_SPEEDS_NOTE),
        BookSpeeds((784, 30, 30, 30, 30, 10), (0.003, 0.017, 0.070, 0.285), BOOK_SPEEDS_NOTE),
    )
}


#: What bpviz measures in the book's setting (float32, bundled first 1,000 training images, seeds 0-19);
#: tests/core/test_learning.py recomputes every figure.
MEASURED_SPEEDS_NOTE = (
    "bpviz, seeds 0-19 (mean): [784,30,30,10] 0.059, 0.289; [784,30,30,30,10] 0.012, 0.059, 0.287; "
    "[784,30,30,30,30,10] 0.0025, 0.012, 0.058, 0.284. Every seed has each earlier layer slower; the book's "
    "single-network values lie inside the spread over seeds (between the 45th and 85th percentile per "
    "layer). In the first hidden layer the fastest seed is 2.1x, 2.5x and 3.4x as fast as the slowest, "
    "for the three networks in that order."
)


def book_speeds(sizes: str | Sequence[int]) -> BookSpeeds | None:
    """The book's chapter 5 figures for these sizes, or None when it reports none."""
    return BOOK_SPEEDS.get(parse_sizes(sizes))


# -- saturation ---------------------------------------------------------------------------
def saturated(z: np.ndarray, threshold: float = SATURATION_THRESHOLD, activation: type | None = Sigmoid) -> np.ndarray:
    """Boolean mask of slow neurons, same shape as z (any shape: one sample or a batch):
    σ′(z) < threshold for sigmoid neurons (the default), tanh′(z) < 4·threshold, z ≤ 0 for
    ReLU (off, f′ = 0); all False for a softmax output layer (``activation`` None)."""
    if activation is None:
        return np.zeros(np.shape(z), dtype=bool)
    return activation.slow(z, threshold)


def layer_activations(network: Network) -> list[type | None]:
    """The neuron class of each layer l = 2..L (index l − 2); None for a softmax output layer."""
    out: list[type | None] = [network.activation] * (network.num_layers - 2)
    return out + [Sigmoid if network.output == "sigmoid" else None]


def trace_saturation(trace: Trace, threshold: float = SATURATION_THRESHOLD) -> list[np.ndarray]:
    """Per layer l = 2..L (index l − 2) the mask of :func:`saturated` for one sample, each (n_l,)."""
    return [saturated(trace.z(l), threshold, trace.layer_activation(l)) for l in range(2, trace.num_layers + 1)]


def batch_saturation(network: Network, X: np.ndarray,
                     threshold: float = SATURATION_THRESHOLD) -> list[np.ndarray]:
    """Per layer l = 2..L the mask of :func:`saturated` for a batch X (n, n_1): each (n, n_l)."""
    zs, _ = network.forward(X)
    return [saturated(z, threshold, act) for z, act in zip(zs, layer_activations(network))]


def saturated_share(network: Network, X: np.ndarray, threshold: float = SATURATION_THRESHOLD) -> list[np.ndarray]:
    """Per layer l = 2..L the share of the samples of X (n, n_1) in which each neuron is
    saturated: each (n_l,) float64 in [0, 1]."""
    return [m.mean(axis=0, dtype=np.float64) for m in batch_saturation(network, X, threshold)]


@dataclass(frozen=True)
class OutputSaturation:
    """How saturated the output layer is over a set of samples (σ′(z^L_j) < threshold).

    A sample's output layer is *stuck* when every output neuron is saturated and at least
    one of them on the wrong side (|a^L_j − y_j| > 0.5): its output cannot move much (with the
    quadratic cost δ^L = (a − y) ⊙ σ′(z^L) is nearly 0) although it is wrong. Measured on the
    bundled test images ([784, 30, 10], m = 10, seed 0): 90–100 % after one epoch at η ≥ 30
    (chance accuracy), at most 4 % for the book's η = 3 after 1 to 30 epochs. Neither simpler
    measure separates these: half the test images of a well-trained network have every output
    saturated (on the right side), and a fresh network already has a wrong-sided saturated
    output for 80 % of them.
    """

    n: int
    threshold: float
    all_saturated_share: float    # samples whose every output neuron is saturated
    stuck_share: float            # samples whose output layer is stuck (all saturated, one wrong)
    neuron_share: np.ndarray      # (n_L,) per output neuron, share of samples where it is saturated
    hidden_share: float           # share of (sample, hidden neuron) pairs that are saturated

    @property
    def mostly_stuck(self) -> bool:
        """True when the output layer is stuck for most samples (over half)."""
        return self.stuck_share > 0.5


def output_saturation(network: Network, X: np.ndarray, labels: np.ndarray,
                      threshold: float = SATURATION_THRESHOLD) -> OutputSaturation:
    """:class:`OutputSaturation` of ``network`` on X (n, n_1) with int labels (n,)."""
    X = network.check_inputs(X)
    n = X.shape[0]
    if n == 0:
        raise ValueError("no samples to measure saturation on")
    Y = network.targets(labels, n)
    all_sat = stuck = hidden_sat = hidden_total = 0
    per_neuron = np.zeros(network.sizes[-1], dtype=np.float64)
    for i in range(0, n, _CHUNK):
        zs, activations = network.forward_unchecked(X[i : i + _CHUNK])
        sat = saturated(zs[-1], threshold, layer_activations(network)[-1])
        wrong = np.abs(activations[-1] - Y[i : i + _CHUNK]) > 0.5
        all_sat += int(sat.all(axis=1).sum())
        stuck += int((sat.all(axis=1) & (sat & wrong).any(axis=1)).sum())
        per_neuron += sat.sum(axis=0)
        for z in zs[:-1]:
            hidden_sat += int(saturated(z, threshold, network.activation).sum())
            hidden_total += z.size
    return OutputSaturation(n, threshold, all_sat / n, stuck / n, per_neuron / n,
                            hidden_sat / hidden_total if hidden_total else 0.0)
