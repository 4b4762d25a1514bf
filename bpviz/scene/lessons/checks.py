"""Checks of a lesson against the networks its setups make: sizes that fit the dataset,
settings the core accepts, and quantity indices inside those networks (Qt-free)."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from bpviz.core import get_cost, parse_sizes, validate_hyperparameters
from bpviz.core.network import INITS
from bpviz.data import DEFAULT_DATASET, DatasetError, assets_dir, load_dataset
from bpviz.scene.lessons import quantities as q
from bpviz.scene.lessons.format import PLACEHOLDER, Lesson, LessonError, Lines, read_lesson, read_text

#: (inputs, classes) of the named datasets, so checking a lesson loads no data.
KNOWN_SHAPES = {"mnist-bundled": (784, 10), "mnist": (784, 10), "fashion-mnist": (784, 10), "xor": (2, 2)}
DEFAULT_SIZES = (784, 30, 10)


def dataset_shape(name: str) -> tuple[int, int]:
    if name in KNOWN_SHAPES:
        return KNOWN_SHAPES[name]
    data = load_dataset(name)
    return data.input_size, data.n_classes


def model_sizes(name: str) -> tuple[int, ...]:
    """Layer sizes of a shipped model, from its JSON side file or the .npz itself."""
    side = assets_dir() / "models" / (name.removesuffix(".npz") + ".json")
    try:
        return tuple(json.loads(side.read_text())["config"]["sizes"])
    except (OSError, KeyError, ValueError):
        from bpviz.core import load_network

        return tuple(load_network(assets_dir() / "models" / name)[0].sizes)


def effective_sizes(setup: dict) -> tuple[int, ...] | None:
    if "model" in setup:
        return model_sizes(setup["model"])
    if "sizes" in setup:
        return tuple(setup["sizes"])
    return None


def _line(lines, key: str, page: int | None) -> int | None:
    return lines.of(key, page) if lines is not None else None


def check_fits(lesson: Lesson, lines=None) -> None:
    """LessonError for the first page whose setup cannot be made or whose quantities fall
    outside the network that setup makes."""
    path = lesson.path
    for i in range(-1, len(lesson.pages)):
        setup = lesson.setup if i < 0 else lesson.setup_at(i)
        page = None if i < 0 else i
        own = lesson.setup if i < 0 else lesson.pages[i].setup
        dataset = setup.get("dataset", DEFAULT_DATASET)
        try:
            inputs, classes = dataset_shape(dataset)
        except DatasetError as e:
            raise LessonError(path, f"dataset {dataset!r} cannot be used: {e}", _line(lines, "dataset", page),
                              "dataset") from None
        sizes = effective_sizes(setup)
        if sizes is not None:
            key = "model" if "model" in setup else "sizes"
            try:
                parse_sizes(sizes)
            except ValueError as e:
                raise LessonError(path, str(e), _line(lines, key, page), key) from None
            if sizes[0] != inputs or sizes[-1] != classes:
                raise LessonError(path, f"sizes {list(sizes)} do not fit {dataset}: it needs {inputs} inputs and "
                                        f"{classes} outputs", _line(lines, key, page), key)
        for key, kw in (("eta", "eta"), ("batch_size", "batch_size"), ("epochs", "epochs"), ("lmbda", "lmbda")):
            if key in own:
                try:
                    validate_hyperparameters(**({"epochs": 1, "batch_size": 1, "eta": 1.0, "lmbda": 0.0}
                                                | {kw: own[key]}))
                except ValueError as e:
                    raise LessonError(path, str(e), _line(lines, key, page), key) from None
        if "cost" in own:
            try:
                get_cost(own["cost"])
            except ValueError as e:
                raise LessonError(path, str(e), _line(lines, "cost", page), "cost") from None
        if "init" in own and own["init"] not in INITS:
            raise LessonError(path, f"unknown initialisation {own['init']!r}; choose one of {', '.join(INITS)}",
                              _line(lines, "init", page), "init")
        if sizes is None:
            continue
        for key, v, first in (("select_neuron", own.get("select_neuron"), 1),
                              ("select_weight", own.get("select_weight"), 2)):
            if v is not None:
                reason = _index_problem(sizes, v[0], v[1:], first)
                if reason:
                    raise LessonError(path, f"{key} {list(v)}: {reason}", _line(lines, key, page), key)
        if i < 0:
            continue
        p = lesson.pages[i]
        exprs: list[tuple[str, str]] = []
        if p.question is not None:
            if p.question.answer:
                exprs.append(("answer", p.question.answer))
            exprs += [("quantity", o.quantity) for o in p.question.options if o.quantity]
        for key, t in (("text", p.text), ("reveal", p.reveal), ("prompt", p.question and p.question.prompt)):
            if t is not None:
                for lang in ("en", "zh_CN"):
                    exprs += [(key, m.group(1).partition(":")[0]) for m in PLACEHOLDER.finditer(t.get(lang))]
        for key, expr in exprs:
            reason = indices_problem(expr, sizes)
            if reason:
                raise LessonError(path, f"{expr}: {reason}", _line(lines, key, page), key)


def _index_problem(sizes: tuple[int, ...], l: int, idx, first: int) -> str:
    L = len(sizes)
    if not first <= l <= L:
        return f"layer {l} is outside {first}..{L} of a {list(sizes)} network"
    dims = (sizes[l - 1], sizes[l - 2] if l >= 2 else 0)
    for i, n, what in zip(idx, dims, ("j", "k")):
        if not 0 <= i < n:
            return f"{what} = {i} is outside 0..{n - 1} of a {list(sizes)} network"
    return ""


def indices_problem(expr: str, sizes: tuple[int, ...]) -> str:
    """Why the indices of ``expr`` do not fit a network of ``sizes`` ("" when they do)."""
    tree = q.parse(expr, words=True)
    # ast.walk meets the outermost subscript of a chain name[i][j]… first
    seen = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and id(node) not in seen:
            chain, n = [], node
            while isinstance(n, ast.Subscript):
                seen.add(id(n))
                chain.append(q.index_value(n.slice))
                n = n.value
            name, idx = n.id, chain[::-1]
            if name in q.ARRAYS:
                _, first, _dim = q.ARRAYS[name]
                reason = _index_problem(sizes, idx[0], idx[1:], first)
            elif name in q.LAYER_SCALARS:
                reason = _index_problem(sizes, idx[0], (), 1 if name == "sizes" else 2)
            elif name == "x":
                reason = "" if 0 <= idx[0] < sizes[0] else f"x[{idx[0]}] is outside 0..{sizes[0] - 1}"
            elif name == "y":
                reason = "" if 0 <= idx[0] < sizes[-1] else f"y[{idx[0]}] is outside 0..{sizes[-1] - 1}"
            else:
                reason = ""
            if reason:
                return reason
        if isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg in ("w", "b") and isinstance(kw.value, ast.Tuple):
                    v = [q.index_value(e) for e in kw.value.elts]
                    reason = _index_problem(sizes, v[0], v[1:], 2)
                    if reason:
                        return reason
    return ""


def parse_lesson(text: str, path: str = "<lesson>") -> Lesson:
    """A Lesson from TOML text, checked whole: its structure, then its setups and quantities
    against the networks they make. LessonError (file, line or key, reason) if it cannot be used."""
    lesson = read_lesson(text, path)
    check_fits(lesson, Lines(text))
    return lesson


def load_lesson(path: str | Path) -> Lesson:
    return parse_lesson(read_text(path), str(path))
