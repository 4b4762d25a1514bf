"""The book's experiments as presets: settings, the book's figure and what bpviz measures (Qt-free).

A view draws :attr:`Preset.book_accuracy` as a target line labelled with
:meth:`Preset.target_caption`, which says what the book measured it on (full MNIST: 50,000
training images, 10,000 test images) and what bpviz has loaded — by default the bundled subset
of 10,000 training images, on which the same settings reach less (fewer images to learn from,
five times fewer steps per epoch). :attr:`Preset.measured` records what bpviz itself reached,
with the command that reproduces it, so nobody mistakes the book's line for a promise.

The measured figures are from ``bpviz train ARGS --quiet`` on mnist-bundled, seed 0, float32
(the "Best: epoch …" line), November 2026; runs take 2–5 s each.
"""

from __future__ import annotations

from dataclasses import dataclass

from bpviz.core.learning import BOOK_SPEEDS, BookSpeeds
from bpviz.i18n import QT_TRANSLATE_NOOP, translate

BOOK_DATA = QT_TRANSLATE_NOOP("Presets", "full MNIST (50,000 training images, tested on the 10,000 test images)")
BUNDLED = "mnist-bundled"
BUNDLED_DATA = QT_TRANSLATE_NOOP("Presets", "the bundled subset (the first 10,000 MNIST training images; the "
                                            "10,000 test images)")
TRAIN, SPEED = "train", "speed"  # the view a preset is meant for


def _value_name(value: str) -> str:
    """A cost or init name as shown (English: the name typed in bpviz train)."""
    names = {"quadratic": translate("Presets", "quadratic"), "cross-entropy": translate("Presets", "cross-entropy"),
             "standard": translate("Presets", "standard"), "scaled": translate("Presets", "scaled")}
    return names.get(value, value)


@dataclass(frozen=True)
class Preset:
    """One of the book's experiments (or a demonstration of a bad setting).

    ``book_accuracy`` is a fraction (0.9542) or None when the book gives no figure; for the
    speed view ``book_speeds`` holds chapter 5's figures per architecture instead.
    """

    key: str
    title: str
    chapter: int
    sizes: tuple[int, ...]
    eta: float
    batch_size: int
    epochs: int
    cost: str
    init: str
    lmbda: float
    book_accuracy: float | None
    book_note: str          # what the book's figure is and where it comes from
    measured: str           # what bpviz measured on the bundled subset, with the command
    view: str = TRAIN
    book_speeds: tuple[BookSpeeds, ...] = ()

    @property
    def settings(self) -> str:
        """The settings on one line (in the interface language; the cost and init stay as typed)."""
        return (translate("Presets", "sizes {sizes}, {cost} cost, {init} init, η = {eta}, m = {m}, {epochs} epochs")
                .format(sizes=",".join(map(str, self.sizes)), cost=_value_name(self.cost),
                        init=_value_name(self.init), eta=f"{self.eta:g}",
                        m=self.batch_size, epochs=self.epochs) + (f", λ = {self.lmbda:g}" if self.lmbda else ""))

    # The texts as shown in the GUI (the fields are English: the CLI prints them).
    @property
    def title_text(self) -> str:
        return translate("Presets", self.title)

    @property
    def note_text(self) -> str:
        return translate("Presets", self.book_note)

    @property
    def measured_text(self) -> str:
        return translate("Presets", self.measured)

    def train_args(self) -> list[str]:
        """The ``bpviz train`` options that run this preset."""
        args = ["--sizes", ",".join(map(str, self.sizes)), "--eta", f"{self.eta:g}", "--batch-size",
                str(self.batch_size), "--epochs", str(self.epochs), "--cost", self.cost, "--init", self.init]
        return args + (["--lmbda", f"{self.lmbda:g}"] if self.lmbda else [])

    def target_caption(self, loaded: str = BUNDLED) -> str:
        """The label of the book's target line, honest about the data on both sides."""
        if self.book_accuracy is None and self.book_speeds:
            return translate("Presets", "The book's figures for this setting are speeds of learning, not an "
                                        "accuracy: they are the stars in the Speed of learning tab. {measured}").format(
                measured=self.measured_text)
        if self.book_accuracy is None:
            return translate("Presets", "No figure from the book for this setting. {measured}").format(
                measured=self.measured_text)
        now = translate("Presets", BUNDLED_DATA) if loaded == BUNDLED else f"'{loaded}'"
        same = loaded == "mnist"
        text = (translate("Presets", "{acc} % in the book — {book}. Loaded now: {now}.") if same else
                translate("Presets", "{acc} % in the book — {book}. Loaded now: {now}; expect less than the "
                          "book's figure."))
        return text.format(acc=f"{100 * self.book_accuracy:.2f}", book=translate("Presets", BOOK_DATA), now=now)


PRESETS: tuple[Preset, ...] = (
    Preset(
        "ch1", QT_TRANSLATE_NOOP("Presets", "Chapter 1: [784, 30, 10]"), 1, (784, 30, 10), 3.0, 10, 30, "quadratic", "standard", 0.0, 0.9542,
        QT_TRANSLATE_NOOP("Presets", "Best epoch of the book's network.py run (chapter 1), test accuracy."),
        QT_TRANSLATE_NOOP("Presets", "bundled subset: best 92.08 % (epoch 25) — bpviz train --eta 3."),
    ),
    Preset(
        "ch1-100", QT_TRANSLATE_NOOP("Presets", "Chapter 1: 100 hidden neurons"), 1, (784, 100, 10), 3.0, 10, 30, "quadratic", "standard", 0.0,
        0.9659,
        QT_TRANSLATE_NOOP("Presets", "Best epoch of the book's chapter 1 run with 100 hidden neurons, test accuracy."),
        QT_TRANSLATE_NOOP("Presets", "bundled subset: best 84.27 % (epoch 25) — bpviz train --sizes 784,100,10 --eta 3. With the "
        "quadratic cost and N(0, 1) weights many of the 100 hidden neurons start saturated; seed 0 does "
        "worse than 30 hidden neurons here."),
    ),
    Preset(
        "ch3-l2", QT_TRANSLATE_NOOP("Presets", "Chapter 3: cross-entropy and L2 regularisation"), 3, (784, 30, 10), 0.5, 10, 30, "cross-entropy",
        "standard", 5.0, 0.9649,
        QT_TRANSLATE_NOOP("Presets", "Chapter 3, L2 regularisation on the full training set: weights and biases N(0, 1) (the book's "
        "large_weight_initializer, bpviz's 'standard'), λ = 5."),
        QT_TRANSLATE_NOOP("Presets", "bundled subset: best 93.75 % (epoch 24) — bpviz train --cost cross-entropy --lmbda 5 --eta 0.5 "
        "(93.73 % with --init scaled)."),
    ),
    Preset(
        "ch5-deep", QT_TRANSLATE_NOOP("Presets", "Chapter 5: speed of learning in deep networks"), 5, (784, 30, 30, 30, 10), 0.1, 10, 30,
        "cross-entropy", "scaled", 5.0, None,
        QT_TRANSLATE_NOOP("Presets", "Chapter 5: ‖∂C/∂b^l‖ per hidden layer at initialisation for [784,30,30,10], [784,30,30,30,10] and "
        "[784,30,30,30,30,10]; training settings η = 0.1, λ = 5 as the chapter's runs."),
        QT_TRANSLATE_NOOP("Presets", "bpviz explain speed --sizes 784,30,30,30,10 --seeds 5 prints bpviz's figures beside the book's. "
        "Trained on the bundled subset: best 93.64 % (epoch 24) — bpviz train --sizes 784,30,30,30,10 "
        "--cost cross-entropy --init scaled --lmbda 5 --eta 0.1."),
        view=SPEED, book_speeds=tuple(BOOK_SPEEDS.values()),
    ),
    Preset(
        "eta-large", QT_TRANSLATE_NOOP("Presets", "η too large (η = 100)"), 1, (784, 30, 10), 100.0, 10, 30, "quadratic", "standard", 0.0, None,
        QT_TRANSLATE_NOOP("Presets", "The book gives no figure for this setting; it is bpviz's demonstration."),
        QT_TRANSLATE_NOOP("Presets", "bundled subset: 9.22 % best, 9.22 % at epoch 29 — bpviz train --eta 100. The first steps "
        "drive every output neuron into saturation (σ′(z^L) < 0.01 for all test images, 100 % of them "
        "wrong-sided), the quadratic cost's δ^L vanishes and the run never recovers; bpviz train warns."),
    ),
    Preset(
        "eta-small", QT_TRANSLATE_NOOP("Presets", "η too small (η = 0.01)"), 1, (784, 30, 10), 0.01, 10, 30, "quadratic", "standard", 0.0, None,
        QT_TRANSLATE_NOOP("Presets", "The book gives no figure for this setting; it is bpviz's demonstration."),
        QT_TRANSLATE_NOOP("Presets", "bundled subset: 17.43 % after 30 epochs, still rising (training cost 0.467) — bpviz train "
        "--eta 0.01. η = 0.1 reaches 69.56 %, η = 3 92.08 %: each step is too small to get anywhere."),
    ),
)


def preset(key: str) -> Preset:
    """The preset with this key; KeyError listing the keys otherwise."""
    for p in PRESETS:
        if p.key == key:
            return p
    raise KeyError(f"unknown preset {key!r}; choose one of {', '.join(p.key for p in PRESETS)}")
