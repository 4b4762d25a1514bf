"""The book's experiments as presets (bpviz.scene.presets)."""

import numpy as np
import pytest

from bpviz.cli import build_parser
from bpviz.core.learning import BOOK_SPEEDS
from bpviz.scene.presets import PRESETS, SPEED, TRAIN, preset


def test_book_figures_and_settings():
    ch1 = preset("ch1")
    assert (ch1.sizes, ch1.eta, ch1.batch_size, ch1.epochs, ch1.book_accuracy) == ((784, 30, 10), 3.0, 10, 30, 0.9542)
    assert preset("ch1-100").sizes == (784, 100, 10) and preset("ch1-100").book_accuracy == 0.9659
    l2 = preset("ch3-l2")
    assert (l2.cost, l2.lmbda, l2.eta, l2.book_accuracy) == ("cross-entropy", 5.0, 0.5, 0.9649)
    deep = preset("ch5-deep")
    assert deep.view == SPEED and {b.sizes for b in deep.book_speeds} == set(BOOK_SPEEDS)
    assert {p.key for p in PRESETS} >= {"eta-large", "eta-small"}
    with pytest.raises(KeyError, match="ch1"):
        preset("nope")


@pytest.mark.parametrize("p", PRESETS, ids=lambda p: p.key)
def test_captions_say_which_data(p):
    text = p.target_caption()
    assert "book_speeds" not in p.note_text + text   # an identifier of the code, not a word
    if p.book_speeds:   # chapter 5's figures are speeds, shown in its view: never "no figure from the book"
        assert "No figure" not in text and "speeds of learning" in text
    elif p.book_accuracy is None:
        assert "No figure from the book" in text
    else:
        assert f"{100 * p.book_accuracy:.2f} %" in text
        assert "50,000 training images" in text and "bundled subset" in text and "expect less" in text
        assert "expect less" not in p.target_caption("mnist")
    assert "bundled" in p.measured or "bpviz explain" in p.measured
    assert p.view in (TRAIN, SPEED)


@pytest.mark.parametrize("p", PRESETS, ids=lambda p: p.key)
def test_train_args_parse_back_to_the_settings(p):
    args = build_parser().parse_args(["train", *p.train_args()])
    assert (args.sizes, args.eta, args.batch_size, args.epochs, args.cost, args.init, args.lmbda) == (
        ",".join(map(str, p.sizes)), p.eta, p.batch_size, p.epochs, p.cost, p.init, p.lmbda)
    assert ",".join(map(str, p.sizes)) in p.settings


def test_eta_presets_do_what_their_notes_say():
    """Three epochs on the bundled images: η = 100 ends stuck near chance, η = 0.01 far below η = 3."""
    from bpviz.core import EpochDone, Network, sgd
    from bpviz.core.learning import output_saturation
    from bpviz.data import load_dataset

    d = load_dataset("mnist-bundled")
    acc = {}
    for key in ("eta-large", "eta-small", "ch1"):
        p = preset(key)
        net = Network(p.sizes, rng=0, cost=p.cost, init=p.init)
        events = sgd(net, d.train, epochs=3, batch_size=p.batch_size, eta=p.eta, rng=np.random.default_rng([0, 1]),
                     test=d.test)
        acc[key] = [ev.test_accuracy for ev in events if isinstance(ev, EpochDone)][-1]
        if key == "eta-large":
            assert output_saturation(net, d.test.x, d.test.labels).mostly_stuck
    assert acc["eta-large"] < 0.15 and acc["eta-small"] < 0.5 * acc["ch1"]
