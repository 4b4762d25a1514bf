"""Lessons without Qt: the shipped lessons play through, every answer is the core's number,
bad files are refused with their file and line, Chinese texts are complete."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from bpviz.core import check_parameter, load_network, nudge, speed_of_learning, update_mini_batch
from bpviz.core.gradcheck import Parameter
from bpviz.data import assets_dir, load_dataset
from bpviz.scene.lessons import LessonError, find, load_lesson, parse_lesson, shipped, shipped_paths
from bpviz.scene.lessons import quantities as q
from bpviz.scene.lessons.format import Text
from bpviz.scene.lessons.progress import Player, Progress
from bpviz.scene.lessons.strokes import drawn_input, stroke_names
from bpviz.scene.lessons.verdicts import expected, judge, markup, render
from bpviz.state import TrainConfig
from bpviz.state.lessons import build_world, context, play

BAD = Path(__file__).parent / "bad_lessons"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def lessons():
    return shipped()


@pytest.fixture(scope="module")
def seed_ctx():
    data = load_dataset()
    net, _ = load_network(assets_dir() / "models" / "mnist-784-30-10-seed.npz")
    return q.Context(net, data, data.test.x[8], int(data.test.labels[8]), eta=3.0, batch_size=10)


def test_at_least_ten_lessons_each_with_three_questions(lessons):
    assert len(lessons) >= 10
    assert len({le.id for le in lessons}) == len(lessons)
    for le in lessons:
        assert le.questions >= 3, le.id


@pytest.mark.parametrize("path", shipped_paths(), ids=lambda p: p.stem)
def test_every_shipped_lesson_plays_headlessly(path):
    lesson = load_lesson(path)
    checked = list(play(lesson))
    assert [c.page for c in checked] == [i for i, p in enumerate(lesson.pages) if p.question is not None]
    assert all(c.answer for c in checked)
    assert len(list(play(lesson, "zh_CN"))) == len(checked)


def _texts(lesson):
    yield "title", lesson.title
    for i, p in enumerate(lesson.pages):
        yield f"page {i + 1} text", p.text
        if p.title:
            yield f"page {i + 1} title", p.title
        if p.question:
            yield f"page {i + 1} prompt", p.question.prompt
            yield f"page {i + 1} reveal", p.reveal
            for o in p.question.options:
                yield f"page {i + 1} option", o.label


def test_chinese_texts_are_complete(lessons):
    for le in lessons:
        for where, t in _texts(le):
            assert isinstance(t, Text) and t.zh_CN.strip(), (le.id, where)
            prose = re.search(r"[A-Za-z]{3,} [A-Za-z]{2,} [A-Za-z]{2,}", re.sub(r"\{\{.*?\}\}|`.*?`", "", t.en))
            if prose and "option" not in where:
                assert CJK.search(t.zh_CN), (le.id, where, t.zh_CN)   # really Chinese, not a copy
            if "option" not in where:
                assert t.zh_CN != t.en, (le.id, where)   # at least its punctuation is Chinese
            # the glossary's punctuation: one percent style (93.64%), no space after 。
            assert not re.search(r"\d %|\}\} %", t.zh_CN) and "。 " not in t.zh_CN, (le.id, where, t.zh_CN)
            # the same live numbers in both languages
            assert set(re.findall(r"\{\{.*?\}\}", t.en)) == set(re.findall(r"\{\{.*?\}\}", t.zh_CN)), \
                (le.id, where)


def _glossary():
    """(source regex, 中文, never-list) rows of the glossary in assets/i18n/README.md."""
    text = (assets_dir() / "i18n" / "README.md").read_text(encoding="utf-8")
    rows = []
    for line in text[text.index("| English | source | 中文 | never |"):].splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        _english, source, zh, never = (cells + [""] * 4)[:4]
        rows.append((source.strip("`").replace("\\|", "|"), zh, [w.strip() for w in never.split(",") if w.strip()]))
    return rows


def test_glossary_terms_only(lessons):
    """One Chinese term per concept: a text naming a glossary concept uses its term, never a variant."""
    rows = _glossary()
    assert len(rows) >= 20
    problems = []
    for le in lessons:
        for where, t in _texts(le):
            en = re.sub(r"\{\{.*?\}\}|`.*?`", "", t.en)
            for source, zh, never in rows:
                problems += [f"{le.id} {where}: {w!r} in {t.zh_CN[:50]!r}" for w in never if w in t.zh_CN]
                if source and zh and re.search(source, en, re.I) and zh not in t.zh_CN:
                    problems.append(f"{le.id} {where}: {source!r} → {zh!r} missing in {t.zh_CN[:60]!r}")
    assert not problems, "\n".join(problems[:30])


@pytest.mark.parametrize("path", sorted(BAD.iterdir()), ids=lambda p: p.name)
def test_bad_lessons_are_refused_with_file_and_line(path):
    with pytest.raises(LessonError) as err:
        load_lesson(path)
    e = err.value
    assert e.path == str(path) and str(e).startswith(str(path))
    raw = path.read_bytes()
    if raw.startswith(b"# expect:"):
        line, reason = re.match(r"# expect: (\S+): (.*)", raw.decode().splitlines()[0]).groups()
        assert reason in str(e)
        if line != "-":
            assert e.line == int(line), str(e)
    else:
        assert "binary" in e.reason


def test_unknown_file_or_id():
    with pytest.raises(LessonError, match="no lesson file or shipped lesson"):
        find("no-such-lesson")
    with pytest.raises(LessonError, match="cannot read"):
        find("/nonexistent/lesson.toml")


# -- every quantity is the core's number ---------------------------------------------------------
def test_per_sample_quantities_equal_the_trace(seed_ctx):
    t = seed_ctx.network.trace(seed_ctx.x, seed_ctx.label)
    for name, get in (("a", t.a), ("z", t.z), ("delta", t.delta), ("dC_db", t.dC_db), ("b", t.b),
                      ("sigma_prime", t.sigma_prime)):
        first = 1 if name == "a" else 2
        for l in range(first, 4):
            for j in (0, 5, 9):
                assert q.number(f"{name}[{l}][{j}]", seed_ctx).value == float(get(l)[j])
    for l, j, k in ((2, 3, 300), (3, 7, 1), (3, 0, 29)):
        assert q.number(f"dC_dw[{l}][{j}][{k}]", seed_ctx).value == float(t.dC_dw(l)[j, k])
        assert q.number(f"w[{l}][{j}][{k}]", seed_ctx).value == float(t.w(l)[j, k])
    assert q.number("cost", seed_ctx).value == t.cost
    assert q.number("prediction", seed_ctx).value == t.prediction
    assert q.number("label", seed_ctx).value == 5
    assert q.number("norm_delta[2]", seed_ctx).value == float(np.linalg.norm(t.delta(2)))
    assert q.evaluate("argmax(abs(delta[3]))", seed_ctx) == q.Where(3, int(np.argmax(np.abs(t.delta(3)))))
    flat = int(np.argmax(t.dC_dw(3)))
    assert q.evaluate("argmax(dC_dw[3])", seed_ctx) == q.Where(3, *np.unravel_index(flat, (10, 30)))


def test_update_is_the_cores_update(seed_ctx):
    net = seed_ctx.network.copy()
    X = net.check_inputs(seed_ctx.x[None, :])
    update_mini_batch(net, X, net.targets(np.array([5])), 3.0, 0.0, len(seed_ctx.data.train))
    assert q.number("update_dw[3][7][1]", seed_ctx).value == float(net.w(3)[7, 1] - seed_ctx.network.w(3)[7, 1])
    assert q.number("update_db[2][4]", seed_ctx).value == float(net.b(2)[4] - seed_ctx.network.b(2)[4])
    assert q.number("cost_after_update", seed_ctx).value == net.trace(seed_ctx.x, 5).cost


def test_nudge_gradcheck_speed_equal_the_core(seed_ctx):
    p = Parameter.weight(3, 5, 1)
    n = nudge(seed_ctx.network, seed_ctx.x, 5, p, 0.5)
    assert q.number("nudge_dC(w=(3, 5, 1), dw=0.5)", seed_ctx).value == n.delta_cost
    assert q.number("nudge_predicted(w=(3, 5, 1), dw=0.5)", seed_ctx).value == n.predicted
    nb = nudge(seed_ctx.network, seed_ctx.x, 5, Parameter.bias(2, 3), -0.2)
    assert q.number("nudge_dC(b=(2, 3), dw=-0.2)", seed_ctx).value == nb.delta_cost
    c = check_parameter(seed_ctx.network, seed_ctx.x, 5, Parameter.weight(3, 7, 0))
    assert q.number("gradcheck(w=(3, 7, 0))", seed_ctx).value == c.relative_error
    d = seed_ctx.data
    s = speed_of_learning(seed_ctx.network, d.train.x[:1000], d.train.labels[:1000])
    assert q.number("speed[2]", seed_ctx).value == s.of(2)
    assert q.number("accuracy", seed_ctx).value == seed_ctx.network.evaluate(d.test.x, d.test.labels) / len(d.test)


def test_accuracy_after_trains_a_copy(toy_ctx):
    before = [w.copy() for w in toy_ctx.network.weights]
    acc = q.number("accuracy_after(epochs=1)", toy_ctx).value
    assert 0 <= acc <= 1
    assert all(np.array_equal(a, b) for a, b in zip(before, toy_ctx.network.weights))   # the network is untouched


@pytest.fixture(scope="module")
def toy_ctx():
    world = build_world({"dataset": "xor", "sizes": (2, 3, 2), "seed": 1}, TrainConfig())
    return context(world, {})


def test_shipped_answers_that_name_one_value_equal_the_trace(lessons):
    """Every answer written as a single array element is the trace's own number."""
    pat = re.compile(r"^(a|z|delta|dC_db|dC_dw)((?:\[\d+\])+)$")
    seen = 0
    for le in lessons:
        world = None
        for i, page in enumerate(le.pages):
            qn = page.question
            if qn is None or not qn.answer or not pat.match(qn.answer):
                continue
            setup = le.setup_at(i)
            world = build_world(setup, TrainConfig(), le.path)
            ctx = context(world, setup)
            name, idx = pat.match(qn.answer).groups()
            l, *rest = (int(v) for v in re.findall(r"\d+", idx))
            t = world.network.trace(ctx.x, ctx.label)
            want = float(getattr(t, name)(l)[tuple(rest)])
            exp = expected(qn, ctx)
            assert (exp.value.value if exp.value is not None else exp.correct) == want or \
                getattr(exp.correct, "l", None) == l
            seen += 1
    assert seen >= 8


def test_verdicts_right_and_wrong(toy_ctx):
    lesson = find("notation")
    sign_q = lesson.pages[3].question
    exp = expected(sign_q, toy_ctx)
    right = judge(sign_q, exp.correct, toy_ctx)
    wrong = judge(sign_q, "−" if exp.correct != "−" else "+", toy_ctx)
    assert right.right and not wrong.right
    value = q.number("a[2][0] - 0.5", toy_ctx).value
    assert f"{value:.3f}".replace("-", "−") in right.text       # the explanation quotes the number
    assert "You said" in wrong.text and f"{value:.3f}".replace("-", "−") not in wrong.short
    num_q = lesson.pages[2].question
    z = q.number("z[2][0]", toy_ctx).value
    assert judge(num_q, z + 0.009, toy_ctx).right
    assert not judge(num_q, z + 0.02, toy_ctx).right
    assert "too high" in judge(num_q, z + 1, toy_ctx).short
    click_q = lesson.pages[1].question
    assert judge(click_q, q.Where(3, 0, 1), toy_ctx).right
    assert not judge(click_q, q.Where(3, 1, 0), toy_ctx).right


def test_order_and_choice_by_quantity():
    lesson = find("bp2")
    setup = lesson.setup_at(2)
    ctx = context(build_world(setup, TrainConfig(), lesson.path), setup)
    qn = lesson.pages[2].question
    norms = [q.number(f"norm_delta[{l}]", ctx).value for l in (2, 3, 4)]
    order = tuple(sorted(range(3), key=lambda i: -norms[i]))
    assert expected(qn, ctx).correct == order
    assert judge(qn, order, ctx).right and not judge(qn, order[::-1], ctx).right


def test_markup_and_live_numbers(toy_ctx):
    assert markup("**δ^L_j** and w^l_jk, a^{l-1}_k") == \
        "<b>δ<sup>L</sup><sub>j</sub></b> and w<sup>l</sup><sub>jk</sub>, a<sup>l-1</sup><sub>k</sub>"
    assert markup("Δw^3_71 and ∂C/∂b^l_j") == "Δw<sup>3</sup><sub>71</sub> and ∂C/∂b<sup>l</sup><sub>j</sub>"
    a = q.number("a[2][1]", toy_ctx).value
    assert render("a = **{{a[2][1]:.4f}}**", toy_ctx) == f"a = <b>{a:.4f}</b>".replace("-", "−")
    assert render("{{sizes[2] * sizes[1]}} weights", toy_ctx) == "6 weights"


def test_quantity_vocabulary_refuses_what_it_does_not_know():
    for bad, msg in (("delat[3][0]", "did you mean 'delta'"), ("__import__('os')", "unknown function"),
                     ("a[1.5]", "whole number"), ("cost.real", "not allowed"), ("'x'", "only numbers")):
        with pytest.raises(q.QuantityError, match=re.escape(msg)):
            q.parse(bad)


def test_setup_builds_the_world_it_names():
    w = build_world({"model": "mnist-784-30-10-seed.npz", "sample": 8}, replace(TrainConfig(), dataset="xor"))
    assert w.network.sizes == (784, 30, 10) and w.data.name.startswith("mnist") and w.sample_index == 8
    net, _ = load_network(assets_dir() / "models" / "mnist-784-30-10-seed.npz")
    assert w.network.same_parameters(net)
    t = build_world({"dataset": "xor", "sizes": (2, 3, 2), "train_epochs": 1, "batch_size": 50}, TrainConfig())
    assert t.epochs_done == 1 and len(t.history.epochs) == 1 and t.trained


def test_drawn_digits_from_the_stroke_file():
    net, _ = load_network(assets_dir() / "models" / "mnist-784-100-10-ce.npz")
    assert set(stroke_names()) >= {"7", "3", "2"}
    for name in stroke_names():
        x = drawn_input(name)
        assert x.shape == (784,) and 0 <= x.min() and x.max() <= 1 and x.sum() > 20
        assert int(net.predict(x[None, :])[0]) == int(name)   # a well-drawn digit is read right


def test_progress_and_player():
    lesson = find("notation")
    p = Player(lesson)
    p.record(False)
    p.record(True)
    p.next()
    p.reveal()
    assert p.progress.first_try == {0: False, 1: False}
    back = Progress.from_json(lesson.id, p.progress.to_json(), len(lesson.pages))
    assert back.seen == {0, 1} and back.page == 1 and back.first_try == {0: False, 1: False}
    assert Progress.from_json(lesson.id, "not json", 5).seen == set()


def test_teachers_guide_example_is_a_valid_lesson():
    text = (Path(__file__).parents[3] / "docs" / "LESSONS.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", text, re.S).group(1)
    lesson = parse_lesson(block, "LESSONS.md")
    assert len(list(play(lesson))) == lesson.questions == 2


# -- truth on screen: a text never states what the live network could contradict -----------------
SIGN_CLAIMS = ("positive", "negative", "below its target", "above its target", "为正", "为负", "低于目标",
               "高于目标", "gets wrong", "认错")


def test_reveals_state_signs_only_as_computed_words(lessons):
    """A reveal's sign or right/wrong comes from sign_word / compare_word / answer_word, never literal
    text: after the learner trains or changes the sample, a literal 'negative' could be false."""
    for le in lessons:
        for i, p in enumerate(le.pages):
            for t in (p.reveal, p.text, p.title):
                if t is None:
                    continue
                for lang in ("en", "zh_CN"):
                    literal = re.sub(r"\{\{.*?\}\}", "", t.get(lang))
                    for claim in SIGN_CLAIMS:
                        if t is p.text and claim in ("positive", "negative", "为正", "为负"):
                            continue   # the texts' general maths (σ′ is always positive) is checked by eye
                        assert claim not in literal, (le.id, i + 1, lang, claim)


def _on_another_network(setup: dict) -> dict:
    out = dict(setup)
    if out.get("model") == "mnist-784-30-10-seed.npz":
        out["model"] = "mnist-784-100-10-ce.npz"
    elif "seed" in out or "sizes" in out:
        out["seed"] = int(out.get("seed", 0)) + 7
    return out


@pytest.mark.parametrize("path", shipped_paths(), ids=lambda p: p.stem)
def test_lessons_play_on_another_network_and_their_words_follow_the_numbers(path):
    lesson = load_lesson(path)
    other = replace(lesson, setup=_on_another_network(lesson.setup),
                    pages=tuple(replace(p, setup=_on_another_network(p.setup)) for p in lesson.pages))
    checked = list(play(other))                       # every text renders, every answer computes
    assert len(checked) == lesson.questions
    for i in range(len(other.pages)):
        setup = other.setup_at(i)
        ctx = context(build_world(setup, TrainConfig(), other.path), setup)
        for t in (other.pages[i].reveal, other.pages[i].text):
            if t is None:
                continue
            for m in re.finditer(r"\{\{sign_word\((.*?)\)\}\}", t.en):
                v = q.number(m.group(1), ctx).value
                want = "positive" if v > 0 else "negative" if v < 0 else "zero"
                assert want in render(t, ctx, "en")


def test_an_exact_number_question_does_not_speak_of_a_zero_tolerance(toy_ctx):
    lesson = find("notation")
    qn = lesson.pages[0].question                 # how many weights join layer 1 to layer 2: exact
    assert not (qn.tolerance or qn.rel_tolerance)
    answer = expected(qn, toy_ctx).correct
    right, wrong = judge(qn, answer, toy_ctx), judge(qn, answer - 1, toy_ctx)
    assert right.right and not wrong.right
    assert "within" not in right.text and "off by" not in right.text
    assert "only the exact value counts" in wrong.text and "within" not in wrong.text
