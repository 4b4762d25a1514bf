"""A learner's way through one lesson: the page shown, pages seen, tries per question, and
which questions were right at the first try (Qt-free; the GUI stores it as JSON)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from bpviz.scene.lessons.format import Lesson


@dataclass
class Progress:
    lesson_id: str
    page: int = 0
    seen: set[int] = field(default_factory=set)
    first_try: dict[int, bool] = field(default_factory=dict)   # page → right at the first try

    def to_json(self) -> str:
        return json.dumps({"page": self.page, "seen": sorted(self.seen),
                           "first_try": {str(k): v for k, v in self.first_try.items()}})

    @classmethod
    def from_json(cls, lesson_id: str, text: str | None, pages: int) -> Progress:
        """Stored progress, or a fresh one if the text is missing or unusable (a lesson file
        may have changed since: out-of-range pages are dropped)."""
        try:
            d = json.loads(text or "{}")
            seen = {int(i) for i in d.get("seen", []) if 0 <= int(i) < pages}
            first = {int(k): bool(v) for k, v in d.get("first_try", {}).items() if 0 <= int(k) < pages}
            page = min(max(int(d.get("page", 0)), 0), pages - 1)
        except (ValueError, TypeError, AttributeError):
            return cls(lesson_id)
        return cls(lesson_id, page, seen, first)

    def summary(self, lesson: Lesson) -> tuple[int, int, int, int]:
        """(pages seen, pages, questions right at the first try, questions)."""
        return len(self.seen), len(lesson.pages), sum(self.first_try.values()), lesson.questions


class Player:
    """Pages and answers of one lesson: Back/Next, tries, first-try results."""

    def __init__(self, lesson: Lesson, progress: Progress | None = None) -> None:
        self.lesson = lesson
        self.progress = progress or Progress(lesson.id)
        self.tries: dict[int, int] = {}
        self.revealed: set[int] = set()
        self.go(self.progress.page)

    @property
    def index(self) -> int:
        return self.progress.page

    @property
    def page(self):
        return self.lesson.pages[self.index]

    def go(self, index: int) -> bool:
        index = max(0, min(int(index), len(self.lesson.pages) - 1))
        changed = index != self.progress.page
        self.progress.page = index
        self.progress.seen.add(index)
        return changed

    def next(self) -> bool:
        return self.go(self.index + 1)

    def back(self) -> bool:
        return self.go(self.index - 1)

    def record(self, right: bool) -> None:
        """One answer to the current page's question."""
        i = self.index
        self.tries[i] = self.tries.get(i, 0) + 1
        if i not in self.progress.first_try:
            self.progress.first_try[i] = bool(right)
        if right:
            self.revealed.add(i)

    def reveal(self) -> None:
        i = self.index
        if i not in self.progress.first_try:
            self.progress.first_try[i] = False
        self.revealed.add(i)

    def is_revealed(self) -> bool:
        return self.index in self.revealed
