"""What is said about the book as a whole, and the sizes and thresholds
that decide what it holds.

Two frozen records, each checked when it is made, so that a bad value is
refused there (with :class:`SettingsError`, naming where the value came
from), not later by the stage that uses it:

- :class:`BookSettings`: the book's title, author and parts (a ``parts``
  that is not a :class:`PartsMode` is refused);
- :class:`Tuning`: the thresholds and sizes of the stages across articles
  (when two articles are one story, when a line is the folder's furniture,
  how many links, names and characters a page gives), in one place; the
  stages read :data:`TUNING`. The reader's own heuristics, which are about
  one article's lines, stay with the rules that use them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum

__all__ = ["DEFAULT_TITLE", "MODES", "TUNING", "BookSettings", "PartsMode", "SettingsError", "Tuning"]

DEFAULT_TITLE = "Sổ tay báo chí: hợp tác quốc tế về y tế"


class SettingsError(ValueError):
    """A setting of the book that cannot be used, with where it came from."""


class PartsMode(StrEnum):
    """How chapters are grouped into parts: see :mod:`briefbook.analyse.parts`."""

    AUTO = "auto"
    """By month in a large book (:attr:`Tuning.auto_min_chapters`), else none."""
    MONTH = "month"
    TOPIC = "topic"
    """By the articles' category."""
    NONE = "none"

    @staticmethod
    def of(value: object, source: str = "") -> PartsMode:
        """``value`` (a member, or its text) as a member; anything else is a
        :class:`SettingsError` naming ``source``."""
        if value not in MODES:
            where = f"{source}: " if source else ""
            raise SettingsError(f"{where}parts: {value!r} is not one of {', '.join(MODES)}")
        return PartsMode(value)


MODES = tuple(mode.value for mode in PartsMode)
"""The modes as the command line and the files spell them."""


@dataclass(frozen=True, slots=True)
class BookSettings:
    """What is said about the book as a whole.

    Once the project has a ``conf.py``, the title and author are its
    ``project`` and ``author`` (see :func:`briefbook.book.convert`).
    """

    title: str = DEFAULT_TITLE
    author: str = ""
    """The book's author; ``""``: none (no author is shown anywhere)."""
    parts: PartsMode = PartsMode.AUTO
    """How chapters are grouped into parts (given as text, one of
    :data:`MODES`, it is read as its member)."""
    source: str = field(default="", compare=False)
    """Where the settings were read (a file's name), for error messages; not compared."""

    def __post_init__(self) -> None:
        where = f"{self.source}: " if self.source else ""
        object.__setattr__(self, "parts", PartsMode.of(self.parts, self.source))
        for name in ("title", "author"):
            value = getattr(self, name)
            if not isinstance(value, str):
                raise SettingsError(f"{where}{name}: {value!r} is not text")


_SHARES = frozenset({"containment", "paragraph_kept"})


@dataclass(frozen=True, slots=True)
class Tuning:
    """The thresholds and sizes of the stages across articles.

    Each count or length is a whole number of at least 1, each share is
    more than 0 and at most 1; :attr:`sentence_chars` is at least
    :attr:`gist_chars`.
    """

    auto_min_chapters: int = 40
    """Parts ``auto`` group by month from this many chapters (over more than
    one month): :mod:`briefbook.analyse.parts`."""
    furniture_articles: int = 3
    """A line is the folder's furniture when this many articles (copies of
    one story counted once) hold it: :mod:`briefbook.read.repetition`."""
    shingle: int = 8
    """Words in a shingle (:mod:`briefbook.analyse.syndication`)."""
    containment: float = 0.5
    """The least share of the shorter text's shingles found in the other for
    two articles to be one story. Measured (``bench/syndication_eval.py``) on 202
    pairs of one story (real syndicated copies, one page saved in several forms:
    the least 0.60) and 9,251 pairs of different ones (the most 0.44: another
    paper's write-up of the same press interview, quoting the same answers);
    8-grams part them more widely than 5-grams (0.61 against 0.57)."""
    min_shingles: int = 20
    """Texts with fewer shingles (a few lines) are never grouped: too little to tell."""
    max_shared: int = 50
    """A shingle in more articles than this is a stock phrase, not evidence."""
    paragraph_kept: float = 0.5
    """A paragraph of a copy with less than this share of its shingles in the
    chapter's text is one only that copy has."""
    see_also: int = 3
    """At most this many "Xem thêm" links per chapter (:mod:`briefbook.analyse.crossrefs`)."""
    see_also_reasons: int = 3
    """At most this many shared names given as a "Xem thêm" link's reason."""
    gist_chars: int = 260
    """A gist ("Điểm tin", :mod:`briefbook.analyse.glance`) holds whole
    sentences up to about this many characters."""
    sentence_chars: int = 420
    """A first sentence longer than :attr:`gist_chars` is kept whole up to this length."""
    key_names: int = 3
    """How many names a chapter's entry of "Điểm tin" gives."""
    context_chars: int = 220
    """The sentence around a date of the timeline is cut to about this
    length (:mod:`briefbook.analyse.timeline`)."""
    glossary_places: int = 20
    """The glossary links this many uses of an abbreviation, then counts the rest."""
    edition_chapters: int = 200
    """Chapters an edition's page lists one by one; the rest are counted."""
    keep_editions: int = 20
    """How many editions' PDFs are kept when ``conf.py`` does not say
    (``briefbook_keep_editions``, :func:`briefbook.write.project.keep_editions`)."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _SHARES:
                if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
                    raise SettingsError(f"{f.name}: {value!r} is not a share (more than 0, at most 1)")
            elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise SettingsError(f"{f.name}: {value!r} is not a whole number of at least 1")
        if self.sentence_chars < self.gist_chars:
            raise SettingsError(
                f"sentence_chars: {self.sentence_chars!r} is less than gist_chars ({self.gist_chars!r})"
            )


TUNING = Tuning()
"""The book's tuning: what every stage reads."""
