"""Lessons: a guided path through chapter 2 that asks for a prediction before each reveal.

Qt-free: the file format and its checks (:mod:`.format`, :mod:`.checks`), the quantities an
answer is computed from (:mod:`.quantities`), questions and verdicts (:mod:`.verdicts`),
progress (:mod:`.progress`) and the shipped lessons (:func:`shipped`, :func:`find`).
"""

from bpviz.scene.lessons.checks import load_lesson, parse_lesson
from bpviz.scene.lessons.format import Lesson, LessonError, Page, Question, Text
from bpviz.scene.lessons.library import find, shipped, shipped_paths

__all__ = ["Lesson", "LessonError", "Page", "Question", "Text", "find", "load_lesson", "parse_lesson", "shipped",
           "shipped_paths"]
