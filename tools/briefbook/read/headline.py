"""Where the article starts: the title found by agreement of evidence.

A page copied whole (Ctrl+A) opens with the site's menus, account links and
teasers; a crawler's dump opens with its URL; a reader view with the title.
Rules that take the first line as the title fail on all but the last. This
module finds the title from signals that hold on any news page:

- **the body's shape**: the article's text is the first run of prose lines
  (long lines that read as sentences, a heading or a caption between them)
  that carries a fair share of the page's prose; menus and teasers are short
  lines in runs, or a prose line or two alone;
- **the title's place**: the last headline-shaped line above that run, past
  the lines that stand between a title and its text (dates, bylines,
  section labels, short page furniture);
- **the article's address**: a line whose words are the words of the URL's
  slug (``/bo-y-te-...-post123.html``) is the title, wherever it stands;
- a URL is never a title.

:func:`find_title` is a pure function of the lines' texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from urllib.parse import unquote, urlsplit

from briefbook.core.vietnamese import is_dotted_word, letters_key, slugify

__all__ = [
    "STRONG_AGREEMENT",
    "VOCABULARY_CHARS",
    "WEAK_AGREEMENT",
    "TitleEvidence",
    "TitleGuess",
    "agreement",
    "find_title",
    "is_prose",
    "slug_agrees",
    "text_words",
    "url_slug_words",
]

_NUMBERED = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})[.)]\s")
"""A numbered section's heading ("1. Anh Zhang ..."), never a title."""
_SENTENCE = re.compile(r"[.!?…][”\"’')\]]*(?:\s|$)")
_LIST_ITEM = re.compile(r"^(?:[-*+•]|\d{1,2}[.)])\s")
"""A list item (a menu's, a box of links'): never a title."""
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_MAX_TITLE = 250
_PROSE_MIN = 80
_SAPO_TO_TEXT = 6
"""A title with its sapo under it (past a date, a byline) and the text a
few lines further (a box of links between them) is the article's."""
_LOOK_BACK = 12
"""How many lines above the text a title may stand (dates, bylines, labels,
a sapo's credit between them)."""


class TitleEvidence(Enum):
    """Why a line was taken as the title."""

    FIRST_LINE = "dòng đầu"
    ABOVE_TEXT = "ngay trên phần chữ"
    URL_SLUG = "trùng với địa chỉ bài"
    SHARES_WORDS = "cùng lời với phần chữ"
    DATED = "có dòng ngày ngay dưới"
    TOP_HEADING = "tiêu đề cấp một của Markdown"
    DECLARED = "trùng với tiêu đề trang khai báo"


@dataclass(frozen=True, slots=True)
class TitleGuess:
    """The title's index among the lines and the evidence for it."""

    index: int
    evidence: TitleEvidence


def is_prose(text: str) -> bool:
    """A line that reads as running text: long, with a sentence's end."""
    return len(text) >= _PROSE_MIN and (
        _SENTENCE.search(text) is not None or text.rstrip().endswith((".", "…", "!", "?", '"', "”"))
    )


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "…", "!", "?", '"', "”", ".)"))


_UNTITLED_WORDS = 20
"""The fewest words of a first line, closed by a full stop, that is running text, not a headline."""
_RUNNING_WORDS = 45
"""The fewest words of a first line that is running text whatever its end."""
_STOP = re.compile(r"[.!?](?=\s+(\S))")
_FIRST_SENTENCE_MIN = 21
"""The fewest characters before the stop that ends a first sentence."""
_TITLE_WORDS = 16
"""The most words of a first sentence taken whole as the title."""


def title_from_text(text: str) -> str | None:
    """For a "title" line that is the text's first paragraph (the file holds
    no headline: a crawl of the text alone, a copy of the body), the title
    to show: its first sentence, or its first words and "…" when that is
    long; ``None`` for a line that can be a headline."""
    words = text.split()
    stripped = text.rstrip()
    if not (
        len(words) >= _RUNNING_WORDS
        or (len(words) >= _UNTITLED_WORDS and stripped.endswith(".") and not stripped.endswith(".."))
    ):
        return None
    first = _first_sentence(text) or text
    kept = first.split()
    if len(kept) <= _TITLE_WORDS:
        return first.strip()
    return " ".join(kept[:_TITLE_WORDS]).rstrip(",;:–-") + " …"


def _first_sentence(text: str) -> str:
    """The text's first sentence, of 20 characters or more: up to a stop after a
    small letter, a digit or a closing quote or bracket, before a capital, a
    digit or an opening quote or bracket, and not the stop of a dotted word
    ("TP. Hồ Chí Minh", "GS. Nguyễn"); ``""`` when no stop ends one."""
    for stop in _STOP.finditer(text, _FIRST_SENTENCE_MIN):
        before, after = text[stop.start() - 1], stop[1]
        if (
            (before.islower() or before.isdigit() or before in ")”\"'")
            and (after.isupper() or after.isdigit() or after in '“"(')
            and not (stop[0] == "." and is_dotted_word(text[: stop.start()]))
        ):
            return text[: stop.end()]
    return ""


def is_headline_shape(text: str) -> bool:
    """A line that can be a headline: a few words to a few dozen, mostly
    letters, no URL, no sentence's or list's end."""
    words = text.split()
    return (
        12 <= len(text) <= _MAX_TITLE
        and len(words) >= 3
        and _URL.match(text) is None
        and not text.endswith((".", ";", ":", ",", "/"))
        and not (text[0].islower())
        and _NUMBERED.match(text) is None
        and sum(c.isalpha() for c in text) >= 0.6 * len(text.replace(" ", ""))
    )


_SLUG_TAIL = re.compile(r"(?:-?(?:post|p|d|c|a|n|v|t|ar|news)?\d{4,}|\.\w{2,5})+$")


def url_slug_words(url: str) -> tuple[str, ...]:
    """The words of an article address's slug: the last path segment that
    holds several words, without its id and extension
    (``.../bo-y-te-hop-tac-post123.html`` gives ``bo y te hop tac``)."""
    try:
        path = unquote(urlsplit(url if "//" in url else f"//{url}").path)
    except ValueError:
        return ()
    for segment in reversed([s for s in path.split("/") if s]):
        segment = _SLUG_TAIL.sub("", segment.lower())
        words = tuple(w for w in re.split(r"[-_+]+", segment) if w)
        if len(words) >= 3:
            return words
    return ()


def slug_agrees(text: str, slug: tuple[str, ...]) -> bool:
    """Whether the line's words are the slug's (slugs may be cut short, and
    some drop a word or two)."""
    words = slugify(text, max_length=400).split("-")
    if len(words) < 3:
        return False
    shared = sum(1 for w in slug if w in words)
    return shared >= 0.8 * len(slug) and shared >= 0.6 * min(len(words), len(slug) + 2)


def _prose_runs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """``(first line, prose characters)`` of each run of prose lines, with at
    most two other lines (a heading, a caption) between two of them."""
    runs: list[tuple[int, int]] = []
    start, chars, gap = -1, 0, 0
    for i, text in enumerate(texts):
        if is_prose(text):
            if start < 0:
                start = i
            chars += len(text)
            gap = 0
        elif start >= 0 and not _ends_sentence(text):
            # (Photo captions, short sentences, do not end the run.)
            gap += 1
            if gap > 2:
                runs.append((start, chars))
                start, chars, gap = -1, 0, 0
    if start >= 0:
        runs.append((start, chars))
    return runs


def _text_start(texts: Sequence[str]) -> int | None:
    """The first line of the article's text: the first run of prose that
    holds a fair share of the page's prose (not a teaser's sapo)."""
    runs = _prose_runs(texts)
    if not runs:
        return None
    most = max(chars for _, chars in runs)
    for start, chars in runs:
        if chars >= 0.3 * most:
            return start
    return runs[0][0]


def find_title(
    texts: Sequence[str],
    *,
    url: str = "",
    skippable: Callable[[str], bool] = lambda _text: False,
    furniture: Callable[[str], bool] = lambda _text: False,
    dated: Callable[[str], bool] = lambda _text: False,
    top_headings: Sequence[int] = (),
    declared: str = "",
) -> TitleGuess:
    """The title among ``texts`` (the page's non-empty lines, in order).

    ``skippable``: lines that may stand between a title and its text
    (dates, bylines, labels), known to the caller's rules; ``furniture``:
    lines known to be the site's (they recur on its other pages), never the
    title; ``dated``: lines that hold only a date (a title's date line);
    ``top_headings``: the indices of the text's level-one Markdown headings
    (a page saved as Markdown marks its headline so, and its menus as lists);
    ``declared``: the headline the page's markup or the clipping's front
    matter gives (a saved page's ``og:title`` cleaned of its site's name):
    the first line that says it is the title, before any other evidence.
    """

    def candidate(text: str) -> bool:
        return is_headline_shape(text) and not furniture(text) and _LIST_ITEM.match(text) is None

    if declared and (key := letters_key(declared)):
        found = next((i for i, text in enumerate(texts) if letters_key(text) == key), None)
        if found is not None:
            return TitleGuess(found, TitleEvidence.DECLARED)
    slug = url_slug_words(url) if url else ()
    start = _text_start(texts)
    limit = start if start is not None else min(len(texts), 40)
    if slug:
        # Near the text first; then anywhere: the line the address names is
        # the headline wherever it stands (a page whose menus run together
        # into lines long enough to pass for prose).
        near = min(len(texts), max(limit + 1, 1) + _LOOK_BACK)
        for i in (*range(near), *range(near, len(texts))):
            if candidate(texts[i]) and slug_agrees(texts[i], slug):
                return TitleGuess(i, TitleEvidence.URL_SLUG)
    if (top := next((i for i in top_headings if candidate(texts[i])), None)) is not None:
        # (Not a site's slogan a clipper wrote as "# {{title}}": it speaks of the text.)
        after = text_words(_leading(texts[top + 1 :], VOCABULARY_CHARS))
        if agreement(texts[top], after) >= WEAK_AGREEMENT:
            return TitleGuess(top, TitleEvidence.TOP_HEADING)
    if start is None or start == 0:
        return TitleGuess(0, TitleEvidence.FIRST_LINE)
    first = next((i for i in range(start) if candidate(texts[i])), None)
    if first is None:
        return TitleGuess(0, TitleEvidence.FIRST_LINE)
    # Walk up from the text past what may stand between a title and it.
    i = start - 1
    while i > first and start - i <= _LOOK_BACK:
        if candidate(texts[i]) and not skippable(texts[i]):
            break
        i -= 1
    sapo = next((j for j in range(first + 1, start) if not skippable(texts[j])), start)
    if (
        i <= first
        or (is_prose(texts[sapo]) and start - sapo <= _SAPO_TO_TEXT)
        or not _menu_between(texts[first + 1 : i], lambda t: skippable(t) or furniture(t))
    ):
        # The first headline-shaped line is the title; what follows it is a
        # subtitle or the text's first lines.
        chosen = first
    else:
        chosen = i
    # A title speaks of what its text says: a menu item or a site's slogan
    # shares (almost) no word with the text under it.
    vocabulary = text_words(_leading(texts[start:], VOCABULARY_CHARS))
    if agreement(texts[chosen], vocabulary) < WEAK_AGREEMENT:
        scored = [
            (agreement(texts[j], vocabulary), j)
            for j in range(max(0, start - _LOOK_AROUND), start)
            if candidate(texts[j]) and not skippable(texts[j])
        ]
        best = max(scored, default=(0.0, chosen))
        if best[0] >= STRONG_AGREEMENT:
            return TitleGuess(best[1], TitleEvidence.SHARES_WORDS)
    if (header := _dated_header(texts, start, chosen, candidate, dated, vocabulary)) is not None:
        return TitleGuess(header, TitleEvidence.DATED)
    if chosen == first:
        return TitleGuess(first, TitleEvidence.FIRST_LINE if first == 0 else TitleEvidence.ABOVE_TEXT)
    return TitleGuess(chosen, TitleEvidence.ABOVE_TEXT)


def _dated_header(
    texts: Sequence[str],
    start: int,
    chosen: int,
    candidate: Callable[[str], bool],
    dated: Callable[[str], bool],
    vocabulary: frozenset[str],
) -> int | None:
    """A headline with its date line right under it, further up than the
    line chosen (which has none): the article's header, when a box of
    teasers stands between it and the text ("Những người khổ hạnh vì bớt
    lạ" / "15:20 PM | 21/12/2012" / sapo / three teasers / text). It must
    speak of the text at least as much as the line chosen."""
    if chosen + 1 < len(texts) and dated(texts[chosen + 1]):
        return None
    for j in range(chosen - 1, max(-1, start - _LOOK_AROUND), -1):
        if j + 1 < len(texts) and candidate(texts[j]) and dated(texts[j + 1]):
            score = agreement(texts[j], vocabulary)
            if score >= WEAK_AGREEMENT and score >= agreement(texts[chosen], vocabulary):
                return j
            return None
    return None


VOCABULARY_CHARS = 3000
"""How much of the text a title is compared with."""
WEAK_AGREEMENT = 0.2
"""Below this agreement with its text, a title is doubted."""
STRONG_AGREEMENT = 0.4
"""A doubted title gives way to a line that agrees with the text this well."""
_LOOK_AROUND = 40
_STOP_WORDS = frozenset(
    (
        *("và", "của", "là", "có", "các", "những", "cho", "với", "được", "trong", "không", "một"),
        *("người", "đã", "này", "khi", "từ", "tại", "về", "theo", "đến", "tin", "trang", "sau"),
        *("trên", "đó", "thì", "mà", "để", "ra", "vào", "năm", "ngày", "bị", "sẽ", "cũng", "như"),
    )
)


def _content_words(text: str) -> set[str]:
    return {
        w
        for w in re.findall(r"\w+", text.casefold())
        if len(w) > 1 and w not in _STOP_WORDS and not w.isdigit()
    }


def _leading(texts: Sequence[str], chars: int) -> list[str]:
    """The first lines of ``texts`` up to about ``chars`` characters."""
    out: list[str] = []
    for text in texts:
        out.append(text[:chars])
        chars -= len(text)
        if chars <= 0:
            break
    return out


def text_words(texts: Sequence[str]) -> frozenset[str]:
    """The content words of a text (no function words, no figures), for
    :func:`agreement`."""
    words: set[str] = set()
    for text in texts:
        words |= _content_words(text)
    return frozenset(words)


def agreement(line: str, vocabulary: frozenset[str]) -> float:
    """How much a candidate title speaks of the text (``vocabulary``): the
    share of its content words the text uses, counted fully from three such
    words on (a two-word menu item that the text happens to use is weak)."""
    words = _content_words(line)
    if not words:
        return 0.0
    matched = len(words & vocabulary)
    return matched / len(words) * min(1.0, matched / 3)


def _menu_between(texts: Sequence[str], skippable: Callable[[str], bool]) -> bool:
    """Whether lines read as a page's menus, boxes of headlines and
    furniture: three or more, most of them short (four words at most),
    furniture or headlines (no prose)."""
    if len(texts) < 3:
        return False
    short = sum(1 for t in texts if len(t.split()) <= 4 or skippable(t) or not _ends_sentence(t))
    return short >= 0.6 * len(texts)
