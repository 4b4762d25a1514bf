"""The step's equation as plain text and LaTeX carries the numbers on screen; tables as CSV carry the core's."""

from __future__ import annotations

import csv
import re

import numpy as np
import pytest

from bpviz.core import Network
from bpviz.core.gradcheck import gradient_check
from bpviz.core.mistakes import confusion
from bpviz.scene.anatomy import Anatomy, Pin
from bpviz.scene.equation_text import step_equation, to_latex, to_plain, unescape
from bpviz.scene.steps import BP1, StepSequence, num
from bpviz.scene.tables import anatomy_table, confusion_table, gradcheck_table, write_csv

NUMBER = re.compile(r"[−-]?\d+(?:\.\d+)?(?:e[−-]?\d+)?")


def _sequence(sizes, m, cost="quadratic", lmbda=0.0):
    rng = np.random.default_rng(3)
    net = Network(sizes, rng=np.random.default_rng(0), cost=cost)
    X = rng.random((m, sizes[0])).astype(np.float32)
    return StepSequence(net, X, rng.integers(0, sizes[-1], m), 3.0, lmbda=lmbda, n_train=50)


def _numbers(text: str) -> list[str]:
    return [n.replace("−", "-") for n in NUMBER.findall(text)]


@pytest.mark.parametrize("sizes, m, cost, lmbda", [((784, 30, 10), 1, "quadratic", 0.0), ((2, 3, 2), 3, "cross-entropy", 0.5)])
def test_every_number_of_every_step_reaches_the_text_and_the_latex(sizes, m, cost, lmbda):
    seq = _sequence(sizes, m, cost, lmbda)
    for step in seq.steps:
        rich = seq.equation(step)
        plain, latex = step_equation(seq, step)
        shown = _numbers(unescape(re.sub(r"</?su[bp]>", " ", rich)))
        assert shown, step
        # Superscripts and subscripts turn digits into other characters in plain text; the values are
        # the numbers outside them: check the LaTeX (which keeps digits) for all, the plain for order.
        assert _numbers(re.sub(r"[\^_]\{[^{}]*\}", lambda mm: " " + mm.group(0)[2:-1] + " ", latex)) == shown, step
        assert latex.count("{") == latex.count("}")
        assert latex.startswith("\\[\n\\begin{gathered}") and latex.endswith("\\end{gathered}\n\\]")
        assert plain.count("\n") == latex.count("\\\\")


def test_bp1_in_both_forms_shows_the_cores_delta():
    seq = _sequence((784, 30, 10), 1)
    step = next(s for s in seq.steps if s.kind == BP1)
    j = seq.default_neuron(step)
    d = seq.trace(step).delta(3)[j]
    plain, latex = step_equation(seq, step, j)
    sub = "".join("₀₁₂₃₄₅₆₇₈₉"[int(c)] for c in str(j))
    assert plain.startswith(f"δ³{sub} = (a³{sub} − y{sub})·σ′(z³{sub}) = ")
    assert plain.splitlines()[0].endswith("= " + num(d))
    assert f"\\delta ^{{3}}_{{{j}}}" in latex and "\\mathbf{" + num(d).replace("−", "-") + "}" in latex


def test_converters_on_hand_written_rich_text():
    rich = "w<sup>l</sup><sub>j,k</sub> → w − η·<b>−0.5</b><br>the cost C<sub>x</sub> &lt; 1&nbsp;(n = 3)"
    assert to_plain(rich) == "wˡⱼ,ₖ → w − η·−0.5\nthe cost Cₓ < 1 (n = 3)"
    assert to_latex(rich) == ("\\[\n\\begin{gathered}\nw^{l}_{j,k} \\to w - \\eta \\cdot \\mathbf{-0.5} \\\\\n"
                              "\\text{the cost } C_{x} < 1\\;(n = 3)\n\\end{gathered}\n\\]")
    assert to_plain("Σ<sub>q</sub>") == "Σ_(q)"   # no Unicode subscript q


def _read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def test_confusion_matrix_csv_holds_the_cores_counts(tmp_path):
    rng = np.random.default_rng(0)
    net = Network((784, 12, 10), rng=rng)
    X, labels = rng.random((300, 784)).astype(np.float32), rng.integers(0, 10, 300)
    c = confusion(net, X, labels)
    write_csv(tmp_path / "c.csv", confusion_table(c.matrix, tuple("0123456789")))
    rows = _read(tmp_path / "c.csv")
    assert rows[0][0] == "true \\ predicted" and rows[0][1:11] == list("0123456789")
    got = np.array([[int(v) for v in r[1:11]] for r in rows[1:]])
    assert np.array_equal(got, c.matrix) and got.sum() == 300
    assert [int(r[11]) for r in rows[1:]] == np.bincount(labels, minlength=10).tolist()


def test_gradient_check_csv_in_full_precision(tmp_path):
    net = Network((2, 3, 2), rng=np.random.default_rng(0), dtype=np.float64)
    check = gradient_check(net, np.array([[0.3, 0.9]]), np.array([1]), dtype="float64")
    rows_in = check.rows()
    write_csv(tmp_path / "g.csv", gradcheck_table(rows_in))
    rows = _read(tmp_path / "g.csv")
    assert len(rows) == 1 + len(rows_in) == 1 + net.num_parameters
    for r, cr in zip(rows[1:], rows_in):
        assert float(r[5]) == cr.backprop and float(r[6]) == cr.numerical and float(r[7]) == cr.relative_error
        assert r[1] == cr.parameter.kind and int(r[2]) == cr.parameter.l


def test_anatomy_csv_rows_sum_to_the_running_total(tmp_path):
    seq = _sequence((2, 3, 2), 4)
    a = Anatomy(seq, Pin(3, 1, 2))
    write_csv(tmp_path / "a.csv", anatomy_table(a))
    rows = _read(tmp_path / "a.csv")
    assert rows[0][2] == a.names()["delta"] and len(rows) == 5
    grads = [float(r[3]) for r in rows[1:]]
    assert np.allclose(np.cumsum(grads), [float(r[4]) for r in rows[1:]])
    assert float(rows[-1][4]) == float(a.running[-1])
