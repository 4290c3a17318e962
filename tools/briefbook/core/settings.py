"""What is said about the book as a whole: its title, author and parts.

One frozen record, :class:`BookSettings`, checked when it is made: a
``parts`` that is not one of :data:`MODES` is refused there (with
:class:`SettingsError`, naming where the value came from), not later by the
stage that groups the chapters.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["AUTO_MIN_CHAPTERS", "DEFAULT_TITLE", "MODES", "BookSettings", "SettingsError"]

DEFAULT_TITLE = "Sổ tay báo chí: hợp tác quốc tế về y tế"
MODES = ("auto", "month", "topic", "none")
"""How chapters are grouped into parts: see :mod:`briefbook.analyse.parts`."""
AUTO_MIN_CHAPTERS = 40
"""``auto`` groups by month from this many chapters (over more than one month)."""


class SettingsError(ValueError):
    """A setting of the book that cannot be used, with where it came from."""


@dataclass(frozen=True, slots=True)
class BookSettings:
    """What is said about the book as a whole.

    Once the project has a ``conf.py``, the title and author are its
    ``project`` and ``author`` (see :func:`briefbook.book.convert`).
    """

    title: str = DEFAULT_TITLE
    author: str = ""
    """The book's author; ``""``: none (no author is shown anywhere)."""
    parts: str = "auto"
    """How chapters are grouped into parts: one of :data:`MODES`."""
    source: str = field(default="", compare=False)
    """Where the settings were read (a file's name), for error messages; not compared."""

    def __post_init__(self) -> None:
        where = f"{self.source}: " if self.source else ""
        if self.parts not in MODES:
            raise SettingsError(f"{where}parts: {self.parts!r} is not one of {', '.join(MODES)}")
        for name in ("title", "author"):
            value = getattr(self, name)
            if not isinstance(value, str):
                raise SettingsError(f"{where}{name}: {value!r} is not text")
