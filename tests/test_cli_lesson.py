"""bpviz lesson list | check FILE|ID | FILE|ID."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpviz.cli import main
from bpviz.scene.lessons import shipped

BAD = Path(__file__).parent / "scene" / "lessons" / "bad_lessons"


def test_lesson_list_one_line_per_shipped_lesson(capsys):
    assert main(["lesson", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    lessons = shipped()
    assert len(lines) == len(lessons)
    for line, le in zip(lines, lessons):
        assert line.startswith(le.id + " ")
        assert le.title.en in line and le.title.zh_CN in line
        assert line.rstrip().endswith(f"{len(le.pages):2d} pages  {le.questions:2d} questions")


def test_lesson_check_by_id_prints_every_answer(capsys):
    assert main(["lesson", "check", "bp1"]) == 0
    out = capsys.readouterr().out
    assert out.count("answer from the network:") == 4
    assert "page 3: Click on the output neuron with the largest |δ^3_j|." in out
    assert "neuron 7 of layer 3" in out
    assert out.rstrip().endswith("all 4 answers computed from the network")


def test_lesson_check_in_chinese(capsys):
    assert main(["lesson", "check", "hadamard", "--lang", "zh_CN"]) == 0
    assert "这里 ∇_a C ⊙ σ′(z^L) 需要做多少次乘法？" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["unknown_key.toml", "binary.toml", "sizes_misfit.toml"])
def test_lesson_check_refuses_a_bad_file(name, capsys):
    path = BAD / name
    assert main(["lesson", "check", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"bpviz: lesson refused: {path}")


def test_lesson_opens_the_app_on_it(monkeypatch):
    from bpviz.gui import app

    seen = {}
    monkeypatch.setattr(app, "run_app", lambda args: seen.setdefault("lesson", args.lesson) and 0)
    assert main(["lesson", "why-fast"]) == 0
    assert seen["lesson"].id == "why-fast"


def test_lesson_usage_errors(capsys):
    assert main(["lesson", "check"]) == 2
    assert "needs a lesson file" in capsys.readouterr().err
    assert main(["lesson", "nothing-like-this"]) == 1
    assert "no lesson file or shipped lesson" in capsys.readouterr().err
