"""The step-through's equation with its numbers as plain text and as LaTeX (Qt-free).

Both are made from the same rich text the equation panel shows (:meth:`StepSequence.equation`),
so every number on a slide is the number on screen. Plain text uses Unicode super- and
subscripts where they exist (δ³₂, w³₂,₅) and ^(…)/_(…) otherwise; LaTeX puts each line of the
panel on a line of a ``gathered`` block, with words in ``\\text{…}``.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_SUP = dict(zip("0123456789+-−=()nilTjkxLy", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱˡᵀʲᵏˣᴸʸ"))
_SUB = dict(zip("0123456789+-−=()aeoxhklmnpstj", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜⱼ"))
_SUB[","] = ","

_LATEX = {
    "δ": r"\delta ", "σ": r"\sigma ", "η": r"\eta ", "λ": r"\lambda ", "Σ": r"\sum ", "∂": r"\partial ",
    "⊙": r"\odot ", "·": r"\cdot ", "−": "-", "→": r"\to ", "′": "'", "≥": r"\geq ", "≤": r"\leq ",
    "×": r"\times ", "…": r"\ldots ", "Δ": r"\Delta ", "ε": r"\varepsilon ", "“": "``", "”": "''",
    "\u00a0": r"\;", "<": "<", ">": ">", "%": r"\%", "#": r"\#", "&": r"\&", "_": r"\_", "{": r"\{", "}": r"\}",
    "ᵀ": "^{T}",
}
#: A run of words (two or more letters, Latin or CJK), with the spaces and punctuation between them.
_WORDS = re.compile(r"(?:[A-Za-z\u4e00-\u9fff\u3400-\u4dbf]{2,}[0-9]*)(?:[ ,;:.()“”'’\u3000-\u303f\uff08\uff09\uff0c\uff1a\uff1b]*"
                    r"[A-Za-z\u4e00-\u9fff\u3400-\u4dbf]{2,}[0-9]*)*[.:,;。：，；]?")


class _Parts(HTMLParser):
    """Rich text → lines of (kind, text) parts: kind "", "sup", "sub" or "b"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[list[tuple[str, str]]] = [[]]
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.lines.append([])
        elif tag in ("sup", "sub", "b"):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in ("sup", "sub", "b") and tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        kind = next((t for t in reversed(self.stack) if t in ("sup", "sub")), "b" if "b" in self.stack else "")
        self.lines[-1].append((kind, data))


def _parts(rich: str) -> list[list[tuple[str, str]]]:
    p = _Parts()
    p.feed(rich)
    p.close()
    return [line for line in p.lines if any(t.strip() for _, t in line)]


def to_plain(rich: str) -> str:
    """The equation as plain Unicode text, one line per line of the panel."""
    out = []
    for line in _parts(rich):
        s = ""
        for kind, text in line:
            text = text.replace("\u00a0", " ")
            if kind in ("sup", "sub"):
                table = _SUP if kind == "sup" else _SUB
                if all(c in table for c in text):
                    s += "".join(table[c] for c in text)
                else:
                    s += ("^" if kind == "sup" else "_") + f"({text})"
            else:
                s += text
        out.append(re.sub(r" {2,}", " ", s).strip())
    return "\n".join(out)


def _latex_text(text: str) -> str:
    """Plain characters in math mode: symbols as commands, word runs as \\text{…}."""
    out, pos = "", 0
    for m in _WORDS.finditer(text):
        out += _latex_symbols(text[pos:m.start()])
        before = " " if m.start() > 0 and text[m.start() - 1] == " " else ""
        after = " " if m.end() < len(text) and text[m.end()] == " " else ""
        out += r"\text{" + before + _escape_text(m.group(0)) + after + "}"
        pos = m.end()
    return out + _latex_symbols(text[pos:])


def _latex_symbols(text: str) -> str:
    return "".join(_LATEX.get(c, c) for c in text)


def _escape_text(text: str) -> str:
    return "".join({"%": r"\%", "#": r"\#", "&": r"\&", "_": r"\_", "{": r"\{", "}": r"\}", "$": r"\$"}.get(c, c)
                   for c in text)


def to_latex(rich: str) -> str:
    """The equation as a LaTeX display block (amsmath's ``gathered``), one line per panel line."""
    lines = []
    for line in _parts(rich):
        s = ""
        for kind, text in line:
            body = _latex_text(text).strip() if kind in ("sup", "sub") else _latex_text(text)
            if kind == "sup":
                s += "^{" + body + "}"
            elif kind == "sub":
                s += "_{" + body + "}"
            elif kind == "b":
                s += r"\mathbf{" + body.strip() + "}"
            else:
                s += body
        lines.append(re.sub(r" {2,}", " ", s).strip())
    return "\\[\n\\begin{gathered}\n" + " \\\\\n".join(lines) + "\n\\end{gathered}\n\\]"


def step_equation(seq, step, j: int | None = None, k: int | None = None) -> tuple[str, str]:
    """(plain text, LaTeX) of ``step``'s equation with the numbers of neuron j (input k)."""
    rich = seq.equation(step, j, k)
    return to_plain(rich), to_latex(rich)


def unescape(rich: str) -> str:
    """Rich text without tags (for comparisons in tests and captions)."""
    return html.unescape(re.sub(r"<[^>]+>", "", rich))
