"""Questions answered against the live network: the expected answer, the verdict and its
explanation, all computed from the quantities (Qt-free).

Learner's answers by kind: choice → option index; sign → "+", "−" or "0"; number → float;
order → option indices, largest first; click → :class:`~.quantities.Where`.
"""

from __future__ import annotations

import ast
import html
import math
import re
from dataclasses import dataclass

from bpviz.i18n import translate
from bpviz.scene.lessons import quantities as q
from bpviz.scene.lessons.format import PLACEHOLDER, Question, Text
from bpviz.scene.notation import weight_name
from bpviz.scene.steps import num

SIGNS = ("+", "−", "0")


@dataclass(frozen=True)
class Expected:
    """The answer computed from the network, with the numbers behind it."""

    kind: str
    correct: object                  # option index | sign | float | tuple of indices | Where
    value: q.Value | None            # the answer quantity's value (None: choice by pick, order)
    values: tuple[float, ...] = ()   # each option's value (choice by pick, order)
    where: q.Where | None = None     # the place to highlight on the network

    def describe(self, question: Question, lang: str) -> str:
        """The correct answer in words (for ``bpviz lesson check`` and the reveal)."""
        if self.kind == "choice":
            return question.options[self.correct].label.get(lang)
        if self.kind == "order":
            return " > ".join(question.options[i].label.get(lang) for i in self.correct)
        if self.kind == "click":
            return where_name(self.correct)
        if self.kind == "sign":
            return self.correct
        v = float(self.correct)
        return f"{int(v):,}" if v.is_integer() and abs(v) < 1e12 else num(v, 4)


@dataclass(frozen=True)
class Verdict:
    right: bool
    expected: Expected
    text: str                        # right or wrong, with the numbers (HTML)
    short: str = ""                  # wrong: what was given, without giving the answer away


def where_name(w: q.Where) -> str:
    if w.k is None:
        return translate("Lessons", "neuron {j} of layer {l}").format(j=w.j, l=w.l)
    return translate("Lessons", "the weight {w} (from neuron {k} of layer {p} to neuron {j} of layer {l})").format(
        w=weight_name(w.l, w.j, w.k), l=w.l, j=w.j, k=w.k, p=w.l - 1)


def _given(v) -> str:
    """A typed number as typed: 6 stays 6, −0.25 stays −0.25."""
    v = float(v)
    return f"{int(v)}" if v.is_integer() and abs(v) < 1e12 else f"{v:.6g}".replace("-", "−")


def sign_of(v: float, zero: float) -> str:
    return "0" if abs(v) <= zero else ("+" if v > 0 else "−")


def expected(question: Question, ctx: q.Context) -> Expected:
    """The right answer on ``ctx``; QuantityError when it cannot be computed or matched."""
    k = question.kind
    if k == "choice" and all(o.quantity for o in question.options):
        vals = tuple(q.number(o.quantity, ctx).value for o in question.options)
        pick = max if question.pick == "largest" else min
        best = pick(range(len(vals)), key=lambda i: vals[i])
        return Expected(k, best, None, vals)
    if k == "order":
        vals = tuple(q.number(o.quantity, ctx).value for o in question.options)
        order = tuple(sorted(range(len(vals)), key=lambda i: -vals[i]))
        return Expected(k, order, None, vals)
    out = q.evaluate(question.answer, ctx)
    if k == "click":
        where = out if isinstance(out, q.Where) else getattr(out, "where", None)
        if where is None:
            raise q.QuantityError(f"{question.answer!r} is not a place on the network (use argmax(…) or a "
                                  f"single neuron or weight)")
        if (question.target == "weight") != where.is_weight:
            raise q.QuantityError(f"{question.answer!r} gives a {'weight' if where.is_weight else 'neuron'}, "
                                  f"the question asks for a {question.target}")
        return Expected(k, where, out if isinstance(out, q.Value) else None, where=where)
    if not isinstance(out, q.Value):
        raise q.QuantityError(f"{question.answer!r} is not a single number")
    if k == "choice":
        matches = [i for i, o in enumerate(question.options) if abs(o.value - out.value) < 1e-9]
        if not matches:
            raise q.QuantityError(f"no option has the value the network gives for {question.answer}: "
                                  f"{num(out.value)}")
        return Expected(k, matches[0], out, where=out.where)
    if k == "sign":
        return Expected(k, sign_of(out.value, question.zero), out, where=out.where)
    return Expected(k, out.value, out, where=out.where)


def _is_right(question: Question, exp: Expected, given) -> bool:
    k = question.kind
    if k == "number":
        v = float(exp.correct)
        tol = max(question.tolerance or 0.0, (question.rel_tolerance or 0.0) * abs(v))
        return math.isfinite(float(given)) and abs(float(given) - v) <= tol
    if k == "order":
        return tuple(given) == tuple(exp.correct)
    if k == "sign":
        return {"-": "−"}.get(given, given) == exp.correct
    return given == exp.correct


def judge(question: Question, given, ctx: q.Context, lang: str = "en") -> Verdict:
    """Right or wrong, with an explanation built from the network's numbers."""
    exp = expected(question, ctx)
    right = _is_right(question, exp, given)
    head = translate("Lessons", "Right.") if right else translate("Lessons", "Not this time.")
    k = question.kind
    said = ""
    sym = exp.value.symbol if exp.value is not None and exp.value.symbol else ""
    if k == "sign":
        v = exp.value.value
        words = {"+": translate("Lessons", "positive"), "−": translate("Lessons", "negative"),
                 "0": translate("Lessons", "zero")}[exp.correct]
        body = translate("Lessons", "The network gives {sym} = {value}: {sign}.").format(
            sym=sym or question.answer, value=num(v), sign=words)
        if not right:
            said = translate("Lessons", "You said {given}.").format(given={"-": "−"}.get(given, given))
    elif k == "number":
        v = float(exp.correct)
        tol = max(question.tolerance or 0.0, (question.rel_tolerance or 0.0) * abs(v))
        off = abs(float(given) - v)
        if tol == 0 and off == 0:
            text = translate("Lessons", "The network gives {sym} = {value}; you said {given}.")
        elif tol == 0:
            text = translate("Lessons", "The network gives {sym} = {value}; you said {given} (off by {off}; only the "
                                        "exact value counts).")
        else:
            text = translate("Lessons", "The network gives {sym} = {value}; you said {given} (off by {off}; within "
                                        "{tol} counts).")
        body = text.format(sym=sym or question.answer, value=_given(v) if float(v).is_integer() else num(v, 4),
                           given=_given(given), off=num(off, 4), tol=num(tol, 4))
        if not right:
            said = (translate("Lessons", "Your {given} is too high.") if float(given) > v else
                    translate("Lessons", "Your {given} is too low.")).format(given=_given(given))
    elif k == "choice":
        label = question.options[exp.correct].label.get(lang)
        if exp.values:
            parts = ", ".join(f"{html.escape(o.label.get(lang))}: {num(v, 4)}"
                              for o, v in zip(question.options, exp.values))
            body = translate("Lessons", "The network's numbers: {parts}. The answer is {label}.").format(
                parts=parts, label=html.escape(label))
        else:
            value = num(exp.value.value) if not float(exp.value.value).is_integer() else str(int(exp.value.value))
            if label.strip() == value:
                body = translate("Lessons", "The network gives {sym} = {value}.").format(sym=sym or question.answer,
                                                                                         value=value)
            else:
                body = translate("Lessons", "The network gives {sym} = {value}: {label}.").format(
                    sym=sym or question.answer, value=value, label=html.escape(label))
        if not right:
            said = translate("Lessons", "You chose {given}.").format(
                given=html.escape(question.options[given].label.get(lang)))
    elif k == "order":
        parts = " &gt; ".join(f"{html.escape(question.options[i].label.get(lang))} ({num(exp.values[i], 4)})"
                              for i in exp.correct)
        body = translate("Lessons", "Largest first, the network's order is {parts}.").format(parts=parts)
        if not right:
            said = translate("Lessons", "Your order was {given}.").format(
                given=" &gt; ".join(html.escape(question.options[i].label.get(lang)) for i in given))
    else:
        where = exp.correct
        if exp.value is not None and exp.value.symbol:
            body = translate("Lessons", "It is {where} ({sym} = {value}).").format(
                where=where_name(where), sym=exp.value.symbol, value=num(exp.value.value))
        else:
            body = translate("Lessons", "It is {where}.").format(where=where_name(where))
        if not right:
            said = translate("Lessons", "You picked {given}.").format(given=where_name(given))
    # sentences are joined by a translated pattern: Chinese joins them without spaces
    join = translate("Lessons", "{first} {second}")
    head = f"<b>{head}</b>"
    if right:
        return Verdict(True, exp, join.format(first=head, second=body))
    return Verdict(False, exp, join.format(first=join.format(first=head, second=said), second=body),
                   join.format(first=join.format(first=head, second=said),
                               second=translate("Lessons", "Try again, or reveal the network's answer.")))


# -- texts with live numbers ------------------------------------------------------------------
_NOTATION = re.compile(r"(?<![\w^])([Δ∂]?[A-Za-zαβγδεηθλμσφψωΔ∇]′?)\^(\{[^}]*\}|[A-Za-z0-9])(?:_(\{[^}]*\}|[A-Za-z0-9]+(?:,[A-Za-z0-9]+)*))?")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")


def _strip(s: str | None) -> str:
    if not s:
        return ""
    return s[1:-1] if s.startswith("{") else s


def markup(text: str) -> str:
    """Light markup to HTML: **bold**, `code`, the book's notation δ^L_j, w^l_jk, a^{l-1}_k."""
    out = html.escape(text, quote=False)
    out = _BOLD.sub(r"<b>\1</b>", out)
    out = _CODE.sub(r"<code>\1</code>", out)
    out = _NOTATION.sub(lambda m: f"{m.group(1)}<sup>{_strip(m.group(2))}</sup>"
                                  + (f"<sub>{_strip(m.group(3))}</sub>" if m.group(3) else ""), out)
    return out.replace("\n\n", "<br><br>")


def format_value(v, spec: str = "") -> str:
    if isinstance(v, q.Where):
        return where_name(v)
    if isinstance(v, q.Layer):
        return "[" + ", ".join(num(x) for x in v.values.ravel()[:10]) + (" …]" if v.values.size > 10 else "]")
    x = v.value + 0.0   # no "−0"
    if spec:
        return format(x, spec).replace("-", "−")
    if float(x).is_integer() and abs(x) < 1e12:
        return f"{int(x):,}"
    return num(x)


def render(text: Text | str, ctx: q.Context | None, lang: str = "en", strict: bool = False) -> str:
    """A lesson text as HTML with every {quantity} replaced by its live value ("…" without a
    network, e.g. when only listing). A value that cannot be computed shows its reason, or
    raises QuantityError when ``strict``."""
    raw = text.get(lang) if isinstance(text, Text) else text
    values: list[str] = []

    def token(m: re.Match) -> str:
        expr, _, spec = m.group(1).partition(":")
        if ctx is None:
            values.append("…")
        else:
            try:
                tree = q.parse(expr, words=True)
                word = _word(tree, ctx) if isinstance(tree, ast.Call) and tree.func.id in q.WORDS else None
                values.append(html.escape(word if word is not None else format_value(q.evaluate(expr, ctx), spec),
                                          quote=False))
            except q.QuantityError as e:
                if strict:
                    raise
                values.append(f"[{html.escape(str(e))}]")
        return f"\x00{len(values) - 1}\x00"

    # the values go in after the markup, so **{{x}}** is bold and a value is never read as markup
    out = markup(PLACEHOLDER.sub(token, raw))
    return re.sub("\x00(\\d+)\x00", lambda m: values[int(m.group(1))], out)


def _word(tree: ast.Call, ctx: q.Context) -> str:
    """sign_word(x) → positive / negative / zero; compare_word(a, b) → larger than / smaller than /
    equal to; answer_word() → right / wrong (the network's prediction against the label)."""
    vals = [q.number(ast.unparse(a), ctx).value for a in tree.args]
    fn = tree.func.id
    if fn == "sign_word":
        return {"+": translate("Lessons", "positive"), "−": translate("Lessons", "negative"),
                "0": translate("Lessons", "zero")}[sign_of(vals[0], 0.0)]
    if fn == "compare_word":
        a, b = vals
        return (translate("Lessons", "larger than") if a > b else translate("Lessons", "smaller than") if a < b
                else translate("Lessons", "equal to"))
    right = q.number("prediction", ctx).value == q.number("label", ctx).value
    return translate("Lessons", "right") if right else translate("Lessons", "wrong")


def plain(html_text: str) -> str:
    """Rendered HTML as plain text (for the command line): tags dropped, ^ and _ kept readable."""
    t = re.sub(r"<sup>(.*?)</sup>", r"^\1", html_text)
    t = re.sub(r"<sub>(.*?)</sub>", r"_\1", t)
    t = t.replace("<br>", "\n")
    return html.unescape(re.sub(r"<[^>]+>", "", t))
