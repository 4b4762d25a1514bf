"""Twin runs: two networks trained side by side that differ in one setting.

Both networks are built from the same seed and both SGD runs shuffle with generators of the
same seed, so for a setting that does not touch the initial weights (cost, η, λ) the two start
from bit-identical weights and see bit-identical mini-batches in the same order: any
difference in their curves is that setting's doing. Varying the initialisation or the sizes
cannot keep the weights identical — "scaled" divides the same N(0, 1) draws by √n_in, other
sizes draw other shapes — so those twins share the seed and the mini-batch order only
(:attr:`TwinRun.identical_start` and :attr:`TwinRun.note` say which case applies).

The runs advance in lock-step, one mini-batch each per event, so a GUI worker can iterate
:meth:`TwinRun.events` and stop between any two steps. After each epoch both runs record the
training cost, test accuracy and the speed of learning ‖∂C/∂b^l‖ (l = 2..L) on fixed images.

Pure NumPy: no Qt, no clock, no printing, no I/O.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from bpviz.core.costs import get_cost
from bpviz.core.learning import DEFAULT_SPEED_IMAGES, LayerSpeeds, speed_of_learning
from bpviz.core.network import INITS, Network, parse_sizes
from bpviz.core.sgd import BatchDone, Diverged, EpochDone, SGDControl, sgd, validate_hyperparameters
from bpviz.i18n import QT_TRANSLATE_NOOP

#: The settings a twin may vary (the others — seed, m, epochs — keep the runs in lock-step).
VARIABLE = ("cost", "eta", "init", "lmbda", "sizes", "init_scale")


def _pair(data) -> tuple[np.ndarray, np.ndarray]:
    """(X, labels) from a pair or a Dataset (an object with ``x`` and ``labels``)."""
    if hasattr(data, "x") and hasattr(data, "labels"):
        return np.asarray(data.x), np.asarray(data.labels)
    X, y = data
    return np.asarray(X), np.asarray(y)


@dataclass(frozen=True)
class TwinSettings:
    """One run's settings. ``init_scale`` multiplies every initial weight and bias: values
    above 1 push |z| up and so start the network saturated (chapter 3's learning slowdown)."""

    sizes: tuple[int, ...] = (784, 30, 10)
    eta: float = 3.0
    epochs: int = 30
    batch_size: int = 10
    cost: str = "quadratic"
    init: str = "standard"
    lmbda: float = 0.0
    init_scale: float = 1.0
    seed: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "sizes", parse_sizes(self.sizes))
        object.__setattr__(self, "cost", get_cost(self.cost).name)
        if self.init not in INITS:
            raise ValueError(f"unknown initialisation {self.init!r}; choose one of {', '.join(INITS)}")
        validate_hyperparameters(epochs=self.epochs, batch_size=self.batch_size, eta=self.eta, lmbda=self.lmbda)
        if not (np.isfinite(self.init_scale) and self.init_scale > 0):
            raise ValueError(f"init_scale must be a finite number > 0 (got {self.init_scale})")

    def network(self, dtype: type | np.dtype | str = np.float32) -> Network:
        """The initial network: ``Network(sizes, rng=default_rng(seed), …)``, scaled by init_scale."""
        net = Network(self.sizes, rng=np.random.default_rng(self.seed), cost=self.cost, init=self.init, dtype=dtype)
        if self.init_scale != 1.0:
            net.set_parameters([w * self.init_scale for w in net.weights], [b * self.init_scale for b in net.biases])
        return net

    def varied(self, assignment: str) -> TwinSettings:
        """A copy with one setting changed, from text like ``"cost=quadratic"`` or ``"sizes=784,100,10"``."""
        key, sep, value = assignment.partition("=")
        key, value = key.strip().replace("-", "_"), value.strip()
        if key == "lambda":
            key = "lmbda"
        if not sep or not value:
            raise ValueError(f"expected SETTING=VALUE, like cost=quadratic (got {assignment!r})")
        if key not in VARIABLE:
            raise ValueError(f"cannot vary {key!r}: choose one of {', '.join(VARIABLE)}")
        if key in ("eta", "lmbda", "init_scale"):
            try:
                new: object = float(value)
            except ValueError:
                raise ValueError(f"{key} must be a number (got {value!r})") from None
        else:
            new = value
        other = dataclasses.replace(self, **{key: new})
        if getattr(other, key) == getattr(self, key):
            raise ValueError(f"{key}={value} is the setting both runs already have: vary it to another value")
        return other

    @property
    def label(self) -> str:
        return (f"[{','.join(map(str, self.sizes))}] {self.cost}, η = {self.eta:g}, init {self.init}"
                + (f" ×{self.init_scale:g}" if self.init_scale != 1 else "") + (f", λ = {self.lmbda:g}" if self.lmbda else ""))


def difference(a: TwinSettings, b: TwinSettings) -> tuple[str, ...]:
    """The names of the settings in which a and b differ."""
    return tuple(f.name for f in dataclasses.fields(TwinSettings) if getattr(a, f.name) != getattr(b, f.name))


@dataclass(frozen=True, eq=False)
class EpochRecord:
    """One run's state after an epoch (epoch −1: at initialisation)."""

    epoch: int
    training_cost: float        # mean C_x over the training set (plus the L2 term when λ > 0)
    test_correct: int | None
    test_total: int | None
    speeds: LayerSpeeds         # ‖∂C/∂b^l‖, l = 2..L, on the fixed speed images

    @property
    def test_accuracy(self) -> float | None:
        return self.test_correct / self.test_total if self.test_total else None


SGDEvent = BatchDone | EpochDone | Diverged


@dataclass(frozen=True, eq=False)
class TwinEvent:
    """One lock-step of both runs. ``a``/``b`` is None once that run has ended (diverged or
    stopped); ``record_a``/``record_b`` is set with an :class:`EpochDone`."""

    a: SGDEvent | None
    b: SGDEvent | None
    record_a: EpochRecord | None = None
    record_b: EpochRecord | None = None


class TwinRun:
    """Two runs, ``a`` and ``b``, from the same seed and mini-batch order (see the module doc).

    train/test: ``(X, labels)`` pairs or Datasets, X (n, n_1), labels (n,). speed_images:
    the images for ‖∂C/∂b^l‖ (default: the first 1,000 training images).
    ``history[0]``/``history[1]`` start with the epoch −1 record and grow as events are drawn.
    """

    def __init__(self, a: TwinSettings, b: TwinSettings, train, test=None, *, speed_images=None,
                 dtype: type | np.dtype | str = np.float32) -> None:
        for key in ("seed", "batch_size", "epochs"):
            if getattr(a, key) != getattr(b, key):
                raise ValueError(f"twin runs must share {key} (the runs step in lock-step from one order)")
        self.settings = (a, b)
        self.varied = difference(a, b)
        self.networks = (a.network(dtype), b.network(dtype))
        self.identical_start = self.networks[0].same_parameters(self.networks[1])
        if self.identical_start:
            self.note = "identical initial weights and mini-batch order"
        else:
            self.note = (f"{' and '.join(self.varied)} differ: the initial weights cannot be identical; "
                         f"both runs share seed {a.seed} and the mini-batch order")
        self.train = _pair(train)
        self.test = _pair(test) if test is not None else None
        if speed_images is None:
            speed_images = (self.train[0][:DEFAULT_SPEED_IMAGES], self.train[1][:DEFAULT_SPEED_IMAGES])
        self.speed_images = _pair(speed_images)
        self.controls = (SGDControl(eta=a.eta), SGDControl(eta=b.eta))
        self._started = False
        self.history: tuple[list[EpochRecord], list[EpochRecord]] = (
            [self._record(self.networks[0], -1)], [self._record(self.networks[1], -1)])

    def _record(self, net: Network, epoch: int, done: EpochDone | None = None) -> EpochRecord:
        if done is not None:
            cost, correct, total = done.training_cost, done.test_correct, done.test_total
        else:
            cost, correct, total = net.total_cost(*self.train), None, None
            if self.test is not None:
                correct, total = net.evaluate(*self.test), len(self.test[1])
        return EpochRecord(epoch, cost, correct, total, speed_of_learning(net, *self.speed_images))

    def request_stop(self) -> None:
        """Both runs end before their next mini-batch."""
        for c in self.controls:
            c.request_stop()

    def events(self) -> Iterator[TwinEvent]:
        """Train both networks in place, one mini-batch each per :class:`TwinEvent`.

        A twin run is iterated once (a second call raises RuntimeError): the histories
        describe one run from the shared start.
        """
        if self._started:
            raise RuntimeError("this twin run has already been started; make a new TwinRun")
        self._started = True
        runs = [sgd(net, self.train, epochs=s.epochs, batch_size=s.batch_size, eta=s.eta, lmbda=s.lmbda,
                    rng=np.random.default_rng([s.seed, 1]), test=self.test, control=c)
                for net, s, c in zip(self.networks, self.settings, self.controls)]
        live = [True, True]
        while True:
            evs: list[SGDEvent | None] = []
            for i, run in enumerate(runs):
                ev = next(run, None) if live[i] else None
                if ev is None or isinstance(ev, Diverged):
                    live[i] = False
                evs.append(ev)
            if evs == [None, None]:
                return
            records: list[EpochRecord | None] = [None, None]
            for i, ev in enumerate(evs):
                if isinstance(ev, EpochDone):
                    records[i] = self._record(self.networks[i], ev.epoch, ev)
                    self.history[i].append(records[i])
            yield TwinEvent(evs[0], evs[1], records[0], records[1])

    def run(self) -> tuple[list[EpochRecord], list[EpochRecord]]:
        """Run to the end; the two histories."""
        for _ in self.events():
            pass
        return self.history


def twin_run(base: TwinSettings, vary: str | Sequence[str], train, test=None, **kwargs) -> TwinRun:
    """A :class:`TwinRun` of ``base`` (run a) against ``base`` with ``vary`` applied (run b)."""
    other = base
    for assignment in [vary] if isinstance(vary, str) else vary:
        other = other.varied(assignment)
    return TwinRun(base, other, train, test, **kwargs)


#: Chapter 3's learning slowdown in a few seconds: run a uses the cross-entropy cost, run b
#: (``SLOWDOWN_VARY``) the quadratic cost, from a start made badly saturated by drawing every
#: weight and bias from N(0, 9) (the seed's N(0, 1) times 3), on the first SLOWDOWN_TRAIN_SIZE
#: bundled training images.
SLOWDOWN = TwinSettings(sizes=(784, 30, 10), eta=3.0, epochs=5, batch_size=10, cost="cross-entropy",
                        init="standard", init_scale=3.0, seed=0)
SLOWDOWN_VARY = "cost=quadratic"
SLOWDOWN_TRAIN_SIZE = 1000
SLOWDOWN_NOTE = QT_TRANSLATE_NOOP(
    "Learning",
    "Measured with bpviz on the bundled images (1,000 training, 10,000 test), seeds 0-3: test accuracy "
    "after 5 epochs 69.6 / 65.9 / 65.5 / 71.4 % with cross-entropy, 10.6 / 30.8 / 25.7 / 21.3 % with the "
    "quadratic cost; at the start the output layer's ‖∂C/∂b‖ is 1.59-1.95 with cross-entropy and "
    "0.047-0.071 with the quadratic cost, whose BP1 multiplies by the tiny σ′(z^L). About 0.4 s per pair."
)
