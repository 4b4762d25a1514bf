"""The lesson file: TOML read with the standard library, checked whole before anything changes.

A lesson is ``id``, ``title = {en, zh_CN}``, ``book`` (the section it follows), an optional
``[setup]`` for the whole lesson and ``[[page]]`` tables, each with ``text``, an optional
``setup`` (applied on top of the lesson's and the earlier pages'), an optional ``question``
and its ``reveal``. Every text exists in English and Chinese. A question names the quantity
its answer is computed from (see :mod:`bpviz.scene.lessons.quantities`); the answer itself
is never in the file. The teacher's guide is docs/LESSONS.md.

:func:`load_lesson` refuses a file with the file, the line (or key) and the reason — malformed
TOML, a binary file, no pages, an unknown key (with "did you mean"), an unknown quantity or
view, sizes that do not fit the dataset, a question without an answer quantity — so a bad
file changes nothing.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from bpviz.scene.lessons import quantities as q

LANGS = ("en", "zh_CN")
TOP_KEYS = ("id", "title", "book", "summary", "setup", "page")
PAGE_KEYS = ("title", "text", "setup", "question", "reveal")
QUESTION_KEYS = ("kind", "prompt", "answer", "options", "pick", "items", "tolerance", "rel_tolerance", "zero",
                 "target", "reveal")
OPTION_KEYS = ("label", "value", "quantity")
KINDS = ("choice", "sign", "number", "order", "click")
#: What a setup may set: everything a learner can set by hand.
SETUP_KEYS = ("dataset", "sizes", "cost", "init", "seed", "eta", "batch_size", "lmbda", "epochs", "model",
              "train_epochs", "sample", "drawn", "select_neuron", "select_weight", "view", "step", "step_mode",
              "pace", "lens")
#: Keys that make a new network (one undoable change of the world).
WORLD_KEYS = ("dataset", "sizes", "cost", "init", "seed", "model", "train_epochs")
#: The views a lesson can show (the GUI maps each to its tab).
VIEWS = ("train", "step", "draw", "nudge", "learning", "teach", "cost", "mini-batch", "curve", "gradcheck",
         "why-fast", "code", "speed", "twin", "hidden", "mistakes")
STEP_KINDS = ("input", "forward", "bp1", "bp2", "gradient", "update", "result")
LENSES = ("none", "saturation")
PLACEHOLDER = re.compile(r"\{\{([^{}]+)\}\}")


class LessonError(ValueError):
    """A lesson file that cannot be used: ``path``, ``line`` (or None), ``key`` and ``reason``."""

    def __init__(self, path: str, reason: str, line: int | None = None, key: str = "") -> None:
        self.path, self.reason, self.line, self.key = str(path), reason, line, key
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {key + ': ' if key else ''}{reason}")


@dataclass(frozen=True)
class Text:
    """One text in every shipped language."""

    en: str
    zh_CN: str

    def get(self, lang: str) -> str:
        return self.zh_CN if lang == "zh_CN" else self.en


@dataclass(frozen=True)
class Option:
    label: Text
    value: float | None = None     # choice against ``answer``: the value this option stands for
    quantity: str | None = None    # choice with ``pick`` or an order item: computed


@dataclass(frozen=True)
class Question:
    kind: str
    prompt: Text
    answer: str | None = None
    options: tuple[Option, ...] = ()
    pick: str = "largest"
    tolerance: float | None = None
    rel_tolerance: float | None = None
    zero: float = 1e-12
    target: str = "neuron"


@dataclass(frozen=True)
class Page:
    text: Text
    title: Text | None = None
    setup: dict[str, Any] = field(default_factory=dict)
    question: Question | None = None
    reveal: Text | None = None


@dataclass(frozen=True)
class Lesson:
    id: str
    title: Text
    book: str
    pages: tuple[Page, ...]
    setup: dict[str, Any] = field(default_factory=dict)
    summary: Text | None = None
    path: str = ""

    @property
    def questions(self) -> int:
        return sum(p.question is not None for p in self.pages)

    def setup_at(self, index: int) -> dict[str, Any]:
        """The setup in force on page ``index``: the lesson's, then every page's up to it."""
        out = dict(self.setup)
        for p in self.pages[: index + 1]:
            out.update(p.setup)
        return out


# -- finding lines ------------------------------------------------------------------------------
class Lines:
    """Line numbers of keys, found by reading the text (tomllib gives none)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.pages = [i for i, ln in enumerate(self.lines) if re.match(r"\s*\[\[\s*page\s*\]\]", ln)]

    def of(self, key: str, page: int | None = None) -> int | None:
        start, stop = 0, len(self.lines)
        if page is not None and page < len(self.pages):
            start = self.pages[page]
            stop = self.pages[page + 1] if page + 1 < len(self.pages) else len(self.lines)
        elif page is None and self.pages:
            stop = self.pages[0]
        pat = re.compile(r"(^|[\s{,.\[])" + re.escape(key) + r"\s*(=|\]|\.)")
        for i in range(start, stop):
            if pat.search(self.lines[i]):
                return i + 1
        return start + 1 if page is not None and page < len(self.pages) else None


# -- reading -------------------------------------------------------------------------------------
def _unknown(keys, known, what: str, path, lines: Lines, page: int | None) -> None:
    for k in keys:
        if k not in known:
            close = difflib.get_close_matches(k, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(known)}"
            raise LessonError(path, f"unknown key {k!r} in {what}{hint}", lines.of(k, page), k)


def _text(value, key: str, path, lines: Lines, page: int | None, required: bool = True) -> Text | None:
    if value is None:
        if required:
            raise LessonError(path, f"{key} is missing (give en and zh_CN)", lines.of(key, page), key)
        return None
    if not isinstance(value, dict):
        raise LessonError(path, f"{key} must be a table {{ en = \"…\", zh_CN = \"…\" }}", lines.of(key, page), key)
    _unknown(value, LANGS, key, path, lines, page)
    for lang in LANGS:
        v = value.get(lang)
        if not isinstance(v, str) or not v.strip():
            raise LessonError(path, f"{key} has no {lang} text (every text needs en and zh_CN)",
                              lines.of(key, page), key)
    return Text(value["en"], value["zh_CN"])


def _check_quantity(expr, key: str, path, lines: Lines, page: int | None) -> str:
    if not isinstance(expr, str) or not expr.strip():
        raise LessonError(path, f"{key} must name a quantity, e.g. \"delta[3][2]\"", lines.of(key, page), key)
    try:
        q.parse(expr)
    except q.QuantityError as e:
        raise LessonError(path, f"{e}", lines.of(key, page), key) from None
    return expr


def _check_placeholders(t: Text | None, key: str, path, lines: Lines, page: int | None) -> None:
    if t is None:
        return
    for lang in LANGS:
        for m in PLACEHOLDER.finditer(t.get(lang)):
            expr, _, spec = m.group(1).partition(":")
            try:
                q.parse(expr, words=True)
            except q.QuantityError as e:
                raise LessonError(path, f"{{{m.group(1)}}} in the {lang} text: {e}", lines.of(key, page), key) from None
            if spec and not re.fullmatch(r"[+ ]?\.?\d*[fgeF%]?", spec):
                raise LessonError(path, f"{{{m.group(1)}}}: {spec!r} is not a number format like .3f",
                                  lines.of(key, page), key)


def _question(value, path, lines: Lines, page: int) -> Question:
    if not isinstance(value, dict):
        raise LessonError(path, "question must be a table", lines.of("question", page), "question")
    _unknown(value, QUESTION_KEYS, "question", path, lines, page)
    kind = value.get("kind")
    if kind not in KINDS:
        close = difflib.get_close_matches(str(kind), KINDS, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise LessonError(path, f"kind must be one of {', '.join(KINDS)} (got {kind!r}){hint}",
                          lines.of("kind", page), "kind")
    prompt = _text(value.get("prompt"), "prompt", path, lines, page)
    _check_placeholders(prompt, "prompt", path, lines, page)
    answer = value.get("answer")
    options: list[Option] = []
    raw = value.get("options", value.get("items", []))
    if not isinstance(raw, list):
        raise LessonError(path, "options must be a list of tables", lines.of("options", page), "options")
    for o in raw:
        if not isinstance(o, dict):
            raise LessonError(path, "each option is a table { label = {…}, value = … } or { label = {…}, "
                                    "quantity = \"…\" }", lines.of("options", page), "options")
        _unknown(o, OPTION_KEYS, "an option", path, lines, page)
        label = _text(o.get("label"), "label", path, lines, page)
        qty = o.get("quantity")
        if qty is not None:
            _check_quantity(qty, "quantity", path, lines, page)
        val = o.get("value")
        if val is not None and (isinstance(val, bool) or not isinstance(val, (int, float))):
            raise LessonError(path, f"an option's value must be a number (got {val!r})", lines.of("value", page),
                              "value")
        options.append(Option(label, None if val is None else float(val), qty))
    if kind == "order":
        if len(options) < 2 or any(o.quantity is None for o in options):
            raise LessonError(path, "an order question needs items, each with a label and a quantity",
                              lines.of("items", page), "items")
    elif kind == "choice":
        if len(options) < 2:
            raise LessonError(path, "a choice question needs at least two options", lines.of("options", page), "options")
        by_quantity = all(o.quantity is not None for o in options)
        if not by_quantity:
            if answer is None:
                raise LessonError(path, "question has no answer quantity: give answer = \"…\" (the options' "
                                        "values are compared with it) or a quantity for every option",
                                  lines.of("question", page), "answer")
            if any(o.value is None for o in options):
                raise LessonError(path, "with answer = …, every option needs a value", lines.of("options", page),
                                  "options")
    elif answer is None:
        raise LessonError(path, "question has no answer quantity: give answer = \"…\" (e.g. \"delta[3][2]\"); "
                                "the answer is computed from the network, never written in the file",
                          lines.of("question", page), "answer")
    if answer is not None:
        _check_quantity(answer, "answer", path, lines, page)
    pick = value.get("pick", "largest")
    if pick not in ("largest", "smallest"):
        raise LessonError(path, f"pick must be largest or smallest (got {pick!r})", lines.of("pick", page), "pick")
    target = value.get("target", "neuron")
    if target not in ("neuron", "weight"):
        raise LessonError(path, f"target must be neuron or weight (got {target!r})", lines.of("target", page), "target")
    nums = {}
    for k in ("tolerance", "rel_tolerance", "zero"):
        v = value.get(k)
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0):
            raise LessonError(path, f"{k} must be a number ≥ 0 (got {v!r})", lines.of(k, page), k)
        nums[k] = None if v is None else float(v)
    if kind == "number" and nums["tolerance"] is None and nums["rel_tolerance"] is None:
        raise LessonError(path, "a number question needs tolerance = … or rel_tolerance = …",
                          lines.of("question", page), "tolerance")
    return Question(kind, prompt, answer, tuple(options), pick, nums["tolerance"], nums["rel_tolerance"],
                    1e-12 if nums["zero"] is None else nums["zero"], target)


def _setup(value, path, lines: Lines, page: int | None) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise LessonError(path, "setup must be a table", lines.of("setup", page), "setup")
    _unknown(value, SETUP_KEYS, "setup", path, lines, page)

    def bad(key, reason):
        raise LessonError(path, reason, lines.of(key, page), key)

    out = dict(value)
    for key in ("seed", "batch_size", "epochs", "train_epochs", "sample"):
        if key in out and (isinstance(out[key], bool) or not isinstance(out[key], int) or out[key] < 0):
            bad(key, f"{key} must be a whole number ≥ 0 (got {out[key]!r})")
    for key in ("eta", "lmbda"):
        if key in out and (isinstance(out[key], bool) or not isinstance(out[key], (int, float))):
            bad(key, f"{key} must be a number (got {out[key]!r})")
    if "sizes" in out:
        s = out["sizes"]
        if not (isinstance(s, list) and len(s) >= 2 and all(isinstance(v, int) and v > 0 for v in s)):
            bad("sizes", f"sizes must be a list of at least two positive whole numbers, e.g. [784, 30, 10] (got {s!r})")
        out["sizes"] = tuple(s)
    if "view" in out and out["view"] not in VIEWS:
        close = difflib.get_close_matches(str(out["view"]), VIEWS, n=1)
        bad("view", f"unknown view {out['view']!r}" + (f"; did you mean {close[0]!r}?" if close else
                                                        f"; views: {', '.join(VIEWS)}"))
    if "lens" in out and out["lens"] not in LENSES:
        bad("lens", f"unknown lens {out['lens']!r}; lenses: {', '.join(LENSES)}")
    if "step_mode" in out and out["step_mode"] not in ("sample", "batch"):
        bad("step_mode", f"step_mode must be sample or batch (got {out['step_mode']!r})")
    if "step" in out:
        try:
            parse_step(out["step"])
        except ValueError as e:
            bad("step", str(e))
    if "pace" in out:
        p = out["pace"]
        if not (p == "full" or (isinstance(p, (int, float)) and not isinstance(p, bool) and 0.01 <= p <= 1000)):
            bad("pace", f"pace is mini-batches per second (0.01…1000) or \"full\" (got {p!r})")
    for key, n in (("select_neuron", 2), ("select_weight", 3)):
        if key in out:
            v = out[key]
            if not (isinstance(v, list) and len(v) == n and all(isinstance(i, int) and i >= 0 for i in v)):
                bad(key, f"{key} is [{'l, j' if n == 2 else 'l, j, k'}] in the book's numbering (got {v!r})")
            out[key] = tuple(v)
    if "model" in out:
        from bpviz.data import assets_dir

        if not isinstance(out["model"], str) or not (assets_dir() / "models" / out["model"]).is_file():
            names = sorted(p.name for p in (assets_dir() / "models").glob("*.npz"))
            bad("model", f"no shipped model {out['model']!r}; shipped: {', '.join(names)}")
    if "drawn" in out:
        from bpviz.scene.lessons.strokes import stroke_names

        if out["drawn"] not in stroke_names():
            bad("drawn", f"no drawn digit {out['drawn']!r} in the bundled strokes; there are "
                         f"{', '.join(stroke_names())}")
    return out


def parse_step(value) -> tuple[str, int | None] | int:
    """A step position: a number (0-based index) or "kind" / "kind:layer", e.g. "bp2:2"."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str):
        kind, _, layer = value.partition(":")
        if kind in STEP_KINDS and (not layer or layer.isdigit()):
            return kind, int(layer) if layer else None
    raise ValueError(f"step is an index or one of {', '.join(STEP_KINDS)} (optionally with :layer, e.g. "
                     f"\"bp2:2\") (got {value!r})")


def read_text(path: str | Path) -> str:
    """The file as text; LessonError for a missing, unreadable or binary file."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise LessonError(str(path), f"cannot read it ({e.strerror or e})") from None
    if b"\0" in raw[:8192]:
        raise LessonError(str(path), "this is a binary file, not a lesson (a lesson is TOML text)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise LessonError(str(path), f"not UTF-8 text (byte {e.start}): a lesson is TOML text in UTF-8") from None


def read_lesson(text: str, path: str = "<lesson>") -> Lesson:
    """The structure of a lesson from TOML text (keys, texts, quantities, views); LessonError
    (file, line or key, reason) if it cannot be used. :func:`bpviz.scene.lessons.checks.parse_lesson`
    also checks it against the networks its setups make."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        raise LessonError(path, f"malformed TOML: {e}", int(m.group(1)) if m else None) from None
    lines = Lines(text)
    _unknown(doc, TOP_KEYS, "the lesson", path, lines, None)
    lid = doc.get("id")
    if not isinstance(lid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", lid or ""):
        raise LessonError(path, f"id must be a short name of lower-case letters, digits, - or _ (got {lid!r})",
                          lines.of("id"), "id")
    title = _text(doc.get("title"), "title", path, lines, None)
    book = doc.get("book", "")
    if not isinstance(book, str):
        raise LessonError(path, "book must be text (the section the lesson follows)", lines.of("book"), "book")
    summary = _text(doc.get("summary"), "summary", path, lines, None, required=False)
    setup = _setup(doc.get("setup"), path, lines, None)
    raw_pages = doc.get("page")
    if not raw_pages:
        raise LessonError(path, "the lesson has no pages: add [[page]] tables", None, "page")
    if not isinstance(raw_pages, list):
        raise LessonError(path, "page must be an array of tables: write [[page]]", lines.of("page"), "page")
    pages = []
    for i, rp in enumerate(raw_pages):
        _unknown(rp, PAGE_KEYS, f"page {i + 1}", path, lines, i)
        text_ = _text(rp.get("text"), "text", path, lines, i)
        _check_placeholders(text_, "text", path, lines, i)
        ptitle = _text(rp.get("title"), "title", path, lines, i, required=False)
        psetup = _setup(rp.get("setup"), path, lines, i)
        question = _question(rp["question"], path, lines, i) if "question" in rp else None
        if question is not None and "reveal" in rp["question"]:
            if "reveal" in rp:
                raise LessonError(path, "reveal is given twice (on the page and in its question)",
                                  lines.of("reveal", i), "reveal")
            rp = dict(rp, reveal=rp["question"]["reveal"])   # [page.question] tables may hold it
        reveal = _text(rp.get("reveal"), "reveal", path, lines, i, required=question is not None)
        _check_placeholders(reveal, "reveal", path, lines, i)
        pages.append(Page(text_, ptitle, psetup, question, reveal))
    return Lesson(lid, title, book, tuple(pages), setup, summary, str(path))
