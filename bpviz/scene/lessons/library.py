"""The shipped lessons (assets/lessons/*.toml) and finding a lesson by id or file name."""

from __future__ import annotations

from pathlib import Path

from bpviz.data import assets_dir
from bpviz.scene.lessons.checks import load_lesson
from bpviz.scene.lessons.format import Lesson, LessonError


def lessons_dir() -> Path:
    return assets_dir() / "lessons"


def shipped_paths() -> list[Path]:
    """The shipped lesson files in the order of the chapter (their names start with a number)."""
    return sorted(lessons_dir().glob("*.toml"))


def shipped() -> list[Lesson]:
    return [load_lesson(p) for p in shipped_paths()]


def find(name: str) -> Lesson:
    """A lesson by file path or by the id of a shipped lesson; LessonError if neither."""
    p = Path(name)
    if p.suffix == ".toml" or p.exists():
        return load_lesson(p)
    for path in shipped_paths():
        lesson = load_lesson(path)
        if lesson.id == name:
            return lesson
    ids = ", ".join(load_lesson(path).id for path in shipped_paths())
    raise LessonError(name, f"no lesson file or shipped lesson with this id (shipped: {ids})")
