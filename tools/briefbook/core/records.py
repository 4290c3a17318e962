"""The records that flow through briefbook's pipeline.

Every stage takes records and returns records (or text); none of them is
mutable. A raw file becomes a :class:`RawText`, the reader turns it into an
:class:`Article`, the glossary stage adds :class:`GlossaryEntry` records and
the writers turn all of them into the files of a Sphinx project.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import PurePath

from briefbook.core.problems import ProblemKind as ProblemKind
from briefbook.core.problems import Value, english, vietnamese
from briefbook.core.reasons import Reason


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of an article, as read."""

    lineno: int
    """1-based line number in the source file."""
    text: str
    """The line's text, NFC, stripped of surrounding white space."""


@dataclass(frozen=True, slots=True)
class RawText:
    """An article's text after decoding and normalisation, before parsing."""

    path: PurePath
    """Where the article was read from (used in messages and the report)."""
    text: str
    """The whole text, NFC, with ``\\n`` line ends."""
    encoding: str
    """The encoding the bytes were decoded from."""
    captions: frozenset[str] = frozenset()
    """For a saved page: the keys (:func:`briefbook.read.picturebox.caption_key`)
    of the texts its markup boxes with a picture, its captions."""
    teasers: frozenset[str] = frozenset()
    """For a saved page: the keys of the headlines and sapos its markup boxes
    as other articles' teasers (:mod:`briefbook.read.teaserbox`)."""


class Severity(Enum):
    """How bad a :class:`Problem` is."""

    WARNING = "warning"
    """The article is in the book, but something about it is missing or odd."""
    ERROR = "error"
    """The article could not be read; it is not in the book."""


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one input file, reported to the user. Made by
    :meth:`of` from its kind and values, which give its message in each
    language (:mod:`briefbook.core.problems`)."""

    path: PurePath
    """The file the problem is about."""
    message: str
    """What is wrong, in plain English words (the command line's)."""
    severity: Severity = Severity.WARNING
    lineno: int | None = None
    """The line the problem is on, when there is one."""
    column: int | None = None
    """The column (1-based) on that line, when known."""
    kind: ProblemKind = ProblemKind.OTHER
    """What it is about, for code (never compare :attr:`message`)."""
    values: tuple[Value, ...] = ()
    """The values its message gives (a field, a length, a text), in order."""

    @classmethod
    def of(
        cls,
        path: PurePath,
        kind: ProblemKind,
        *values: Value,
        severity: Severity = Severity.WARNING,
        lineno: int | None = None,
        column: int | None = None,
    ) -> Problem:
        """The problem of this kind, with its values."""
        return cls(path, english(kind, values), severity, lineno, column, kind, values)

    @property
    def vietnamese(self) -> str:
        """What is wrong, in Vietnamese (the conversion report's); a problem
        of no kind (:attr:`ProblemKind.OTHER`) has only its :attr:`message`."""
        return self.message if self.kind is ProblemKind.OTHER else vietnamese(self.kind, self.values)

    @property
    def where(self) -> str:
        """``path``, ``path:line`` or ``path:line:column``."""
        where = f"{self.path}:{self.lineno}" if self.lineno else str(self.path)
        return f"{where}:{self.column}" if self.lineno and self.column else where

    def __str__(self) -> str:
        return f"{self.where}: {self.severity.value}: {self.message}"


@dataclass(frozen=True, slots=True)
class DroppedLine:
    """A line the reader did not put in the chapter, and why."""

    lineno: int
    text: str
    reason: Reason | str
    """Why: a :class:`Reason`, or the boilerplate catalogue's own (a short
    Vietnamese label such as "quảng cáo", "bình luận")."""
    detail: str = ""
    """What the reason is about ("ngày" for :attr:`Reason.METADATA`), or ``""``."""

    @property
    def label(self) -> str:
        """The reason as the conversion report gives it ("siêu dữ liệu: ngày")."""
        return f"{self.reason}: {self.detail}" if self.detail else str(self.reason)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One body paragraph."""

    text: str
    lineno: int
    """The line it starts on in the source file."""
    item: bool = False
    """An item of a list: its line opened with a bullet ("- ", "• "), which
    the chapter shows as a list bullet (``text`` is what follows it)."""


@dataclass(frozen=True, slots=True)
class Section:
    """A run of paragraphs under one subheading.

    The first section of an article has no heading when the text before the
    first subheading is not empty.
    """

    heading: str | None
    paragraphs: tuple[Paragraph, ...]
    lineno: int = 0
    """The heading's line (0 when there is no heading)."""


@dataclass(frozen=True, slots=True)
class ArticleDate:
    """A publication date as found in the text."""

    date: dt.date
    time: dt.time | None
    raw: str
    """The text it was read from, for the report."""

    def iso(self) -> str:
        """``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``."""
        if self.time is None:
            return self.date.isoformat()
        return f"{self.date.isoformat()}T{self.time.strftime('%H:%M')}"

    def display(self) -> str:
        """The Vietnamese form: ``02/11/2025`` or ``09:21 02/11/2025``."""
        day = f"{self.date.day:02d}/{self.date.month:02d}/{self.date.year}"
        return day if self.time is None else f"{self.time.strftime('%H:%M')} {day}"


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the reader recovered about an article besides its text.

    Every field may be empty: a field that cannot be found is left empty (and
    reported), never invented.
    """

    category: str = ""
    """The outlet's section label, e.g. "Sức khỏe"."""
    date: ArticleDate | None = None
    author: str = ""
    """The byline as printed, names kept whole ("Diệu Hiền - Thế Anh")."""
    outlet: str = ""
    """Who published the page the text was copied from, e.g. "HTV"."""
    source: str = ""
    """The original source the outlet names ("Nguồn: ..."), e.g. "Báo Thanh niên"."""
    url: str = ""
    accessed: dt.date | None = None
    """When the page was read (from an editor's override)."""
    tags: tuple[str, ...] = ()
    """Topics an editor gave the article."""
    group: bool = True
    """Whether the article may be grouped with copies of its story (an
    editor's ``group: false`` keeps it a chapter of its own)."""


@dataclass(frozen=True, slots=True)
class RelatedItem:
    """A headline from the source page's related-news list."""

    title: str
    lineno: int


@dataclass(frozen=True, slots=True)
class Article:
    """One article, parsed."""

    path: PurePath
    slug: str
    """Stable ASCII name of the chapter (folded title), unique in the book."""
    title: str
    lede: str
    """The sapo, or ``""`` when the article has none."""
    sections: tuple[Section, ...]
    meta: Metadata
    related: tuple[RelatedItem, ...] = ()
    dropped: tuple[DroppedLine, ...] = ()
    problems: tuple[Problem, ...] = ()
    lede_lineno: int = 0
    title_lineno: int = 1

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """All body paragraphs (lede excluded), in order."""
        return tuple(p for s in self.sections for p in s.paragraphs)

    @property
    def cite_key(self) -> str:
        """The BibTeX key of the article."""
        return self.slug


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """An abbreviation of the book with what it stands for."""

    abbr: str
    expansion: str
    """The Vietnamese (or original-language) long form."""
    english: str = ""
    """An English gloss, when known."""
    origin: str = ""
    """Where the definition comes from: a chapter slug, or ``""`` for the dictionary."""
    used_in: tuple[str, ...] = field(default=())
    """Slugs of the chapters that use it, in book order."""
    places: tuple[str, ...] = field(default=())
    """Labels of the chapters and sections that use it, in book order."""
    variants: tuple[str, ...] = field(default=())
    """Other spellings of it in the book, of the same meaning ("TPHCM" of "TP.HCM")."""


class EntityKind(Enum):
    """What an entity is; the value is its Vietnamese heading."""

    PERSON = "Người"
    ORGANISATION = "Tổ chức"
    PLACE = "Địa danh"


Position = tuple[int, int]
"""Where a text stands in its article: ``(section, paragraph)`` indexes, with
:data:`TITLE` and :data:`LEDE` for the title and the lede."""
TITLE: Position = (-1, 0)
LEDE: Position = (-1, 1)


@dataclass(frozen=True, slots=True)
class Mention:
    """A person, organisation or place named in an article's text."""

    kind: EntityKind
    surface: str
    """The name as written, without titles ("Tăng Chí Thượng", "BV Chợ Rẫy")."""
    key: str
    """What two ways of writing the same entity share (see :mod:`briefbook.analyse.entities`)."""
    position: Position
    role: str = ""
    """A title or function written with a person's name ("Giám đốc Sở Y tế TP.HCM")."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One person, organisation or place of the book, with where it is named."""

    kind: EntityKind
    name: str
    """The form the book uses most."""
    key: str
    aliases: tuple[str, ...] = ()
    """Other forms found in the text, in book order."""
    roles: tuple[tuple[str, str], ...] = ()
    """``(role, chapter slug)`` for each title or function held, in book order."""
    used_in: tuple[str, ...] = ()
    """Slugs of the chapters that name it, in book order."""
    places: tuple[str, ...] = ()
    """Labels of the chapters and sections that name it, in book order."""


@dataclass(frozen=True, slots=True)
class SeeAlso:
    """Another chapter worth reading after this one, and why."""

    slug: str
    shared: tuple[str, ...]
    """The names and abbreviations both chapters use, the most telling first."""


@dataclass(frozen=True, slots=True)
class ChapterLinks:
    """What the rest of the book adds to a chapter: its index entries,
    "Xem thêm" links and the chapters its related headlines point to."""

    index: Mapping[Position, tuple[str, ...]] = field(default_factory=dict)
    """Index entries (entity names) of each text of the chapter."""
    see_also: tuple[SeeAlso, ...] = ()
    headlines: tuple[str | None, ...] = ()
    """For each related headline, the slug of the chapter it names, or ``None``."""

    def entries_at(self, position: Position) -> tuple[str, ...]:
        return self.index.get(position, ())
