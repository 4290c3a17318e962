"""Copies of the text set before it: a feed's or a search engine's snippet
(cut short, or made of the text's own clauses), a foreign item taken for it,
and the headline glued on the sapo with the section's label above it."""

from __future__ import annotations

import itertools
import re

from briefbook.core.records import DroppedLine, Line
from briefbook.core.vietnamese import UPPER, case_key, slugify
from briefbook.read.headline import url_slug_words
from briefbook.read.reader.state import _CUT_MARK, _CUT_STEM, _SENTENCE_END, R_REPEAT, R_TEASER, _Line, _State

__all__ = ["drop_opening_copies"]

_CLAUSE_MIN = 20
"""The fewest characters of a clause that say which paragraph it copies."""


def _holds(key: str, keys: list[str], index: int) -> bool:
    return any(i != index and key in other for i, other in enumerate(keys))


def _copies_clauses(text: str, keys: list[str], index: int) -> bool:
    """A snippet a search engine built from the text's own list items joined by
    semicolons ("Xăng RON 95-III: ...;; Xăng E5 RON 92: ..."): two clauses or
    more, each of them another paragraph's."""
    clauses = [case_key(part.strip().rstrip(".")) for part in text.split(";")]
    clauses = [c for c in clauses if c]
    return len(clauses) >= 2 and all(len(c) >= _CLAUSE_MIN and _holds(c, keys, index) for c in clauses)


def _drop_cut_copies(body: list[_Line], state: _State) -> list[_Line]:
    """Drop the snippets a feed or a search engine cut from the text and set
    before it ("(ANTV) - Chiều 3/10, ... vì bị mắc cúm ..."): a paragraph that
    ends " ..." and that another paragraph holds whole, or that opens the
    text (an article's text does not begin with a sentence cut short); and a
    paragraph made of other paragraphs' clauses."""
    keys = [case_key(line.text) for line in body]
    out = []
    for index, line in enumerate(body):
        cut = _CUT_MARK.search(line.text)
        stem = case_key(line.text[: cut.start()]) if cut else ""
        if (cut and (index == 0 or (len(stem) >= _CUT_STEM and _holds(stem, keys, index)))) or (
            not cut and _copies_clauses(line.text, keys, index)
        ):
            state.drop(line, R_REPEAT)
        else:
            out.append(line)
    return out


_LABEL_WORDS = 3
"""The most words of a section's label glued before the headline."""
_LABEL_TITLE_WORDS = 8
"""The fewest words of a headline that says a paragraph opens with it."""
_SAPO_WORDS = 12
"""The fewest words of the sapo after the glued headline."""


def _slug_headline(text: str, title: str, slug: tuple[str, ...]) -> str:
    """The headline that opens ``text`` when the title is cut short ("Dịch bệnh
    lạ ở Congo ... vẫn chưa xác ...") and the article's address spells it
    whole: the text's first words whose slug is the address's ("... sau
    COVID-19" for ``.../dich-benh-la-...-sau-covid-19-183775.html``), where
    the sapo after them opens a sentence (a capital: "... sau COVID-19 Các
    trường hợp ..."); words the slug leaves out ("–", "|") count, up to as
    many again as the slug's."""
    cut = _CUT_MARK.search(title)
    if cut is None or not slug or not text.startswith(title[: cut.start()] + " "):
        return ""
    spaces = (m.start() for m in re.finditer(r"\s", text))
    for end in itertools.islice(spaces, 2 * len(slug)):
        words = tuple(slugify(text[:end], max_length=400).split("-"))
        if words == slug:
            return text[:end] if _opens_sentence(text[end:]) else ""
        if len(words) > len(slug):
            break
    return ""


def _opens_sentence(text: str) -> bool:
    """Whether the text opens with a capital or a digit, after any opening bracket or quote."""
    first = text.lstrip().lstrip("(“\"'‘«[")
    return first[:1].isupper() or first[:1].isdigit()


def _split_glued_headline(line: _Line, title: str, state: _State, slug: tuple[str, ...]) -> _Line:
    """The text's first paragraph holding the section's label, the headline
    and the sapo run together ("Thị trường Giá cà phê hôm nay ...: ... Giá cà
    phê hôm nay 24/2 trong nước ..."), as a crawler joins a page's head: the
    label and the headline are the page's, the rest is the sapo. A headline
    cut short is the one the address's slug spells (no label before it)."""
    text = line.text
    spelled = _slug_headline(text, title, slug)
    title = spelled or title
    at = text.find(title + " ")
    label = text[:at].strip()
    rest = text[at + len(title) :].strip() if at >= 0 else ""
    if (
        at < 0
        or (at == 0 and not spelled)
        or len(title.split()) < _LABEL_TITLE_WORDS
        or len(label.split()) > _LABEL_WORDS
        or label.endswith(_SENTENCE_END)
        or len(rest.split()) < _SAPO_WORDS
        or not rest.endswith(_SENTENCE_END)
    ):
        return line
    state.dropped.append(DroppedLine(line.lineno, text[: at + len(title)], R_REPEAT))
    return _Line(Line(line.lineno, rest), line.gap_before, line.blanks)


_FOREIGN_WORDS = 20
"""The fewest words of an opening paragraph judged by what it shares (a roundup's
first item, a headline of its own, is shorter)."""
_FOREIGN_TEXT = 3
"""The fewest paragraphs under it for that judgement."""


_NAMED = re.compile(rf"(?<=\s)[{UPPER}]\w+")
"""A name inside a sentence (a capitalised word, not the sentence's first)."""


def _pairs(text: str) -> set[tuple[str, str]]:
    """The text's pairs of words in a row, case and tone marks aside."""
    return set(itertools.pairwise(re.findall(r"\w+", case_key(text))))


def _is_foreign(body: list[_Line], title: str) -> bool:
    """A first paragraph that shares no two words in a row with the headline
    nor with any paragraph under it: another item set before the text (an
    advertisement a search engine took for the snippet: "Mẫu xe bán tải
    Mitsubishi Triton 2024 được hãng ưu đãi ..." over a Politburo decision)."""
    if len(body) <= _FOREIGN_TEXT or len(body[0].text.split()) < _FOREIGN_WORDS:
        return False
    rest = _pairs(title).union(*(_pairs(line.text) for line in body[1:]))
    if _pairs(body[0].text) & rest:
        return False
    # It names what the text never names ("Mitsubishi Triton 2024"): a
    # roundup's sapo names nothing ("Dưới đây là những hình ảnh hot nhất ...").
    words = set(re.findall(r"\w+", case_key(" ".join([title, *(line.text for line in body[1:])]))))
    named = [case_key(w) for w in _NAMED.findall(body[0].text)]
    return bool(named) and not any(name in words for name in named)


def drop_opening_copies(body: list[_Line], state: _State, title: str, url: str = "") -> list[_Line]:
    """``body`` without the copies of its text set before it and a foreign
    first paragraph, and its first paragraph without the label and the
    headline glued on it (``url``: the article's address, whose slug spells
    a headline the title cuts short)."""
    body = _drop_cut_copies(body, state)
    # Without a headline (a copy of the text alone: ``title`` is "") the first
    # paragraph is the text's own, whatever it shares with the rest.
    if body and title and _is_foreign(body, title):
        state.drop(body[0], R_TEASER)
        body = body[1:]
    if body:
        body = [_split_glued_headline(body[0], title, state, url_slug_words(url)), *body[1:]]
    return body
