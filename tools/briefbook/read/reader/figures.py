"""Stage 1, lines (continued): pictures laid out as tables in a Markdown
copy, whose text is the pictures' captions, not the article's."""

from __future__ import annotations

import difflib
import itertools
import re

from briefbook.core.reasons import Reason
from briefbook.core.records import Line
from briefbook.read.picturebox import caption_key
from briefbook.read.reader.state import (
    _SENTENCE_END,
    R_CAPTION_LINE,
    R_LINK_LINE,
    R_MARKUP,
    _Line,
    _State,
)

__all__ = ["CAPTION_WORDS", "STORY_SHARE", "drop_figure_tables", "drop_marked", "drop_marked_captions"]


_FIGURE_ROWS = 6
_FIGURE_WORDS = 80
"""A table this small, with an empty row (its picture) and one or two
columns, is a figure: its text is the picture's caption."""


_RULE_CELL = re.compile(r":?-{3,}:?")


def _cells(text: str) -> list[str]:
    """A table row's cells; a rule row's ("| --- |") are empty."""
    cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
    return ["" if _RULE_CELL.fullmatch(cell) else cell for cell in cells]


def _is_picture_row(text: str) -> bool:
    """A row of empty cells (where a picture stood), not a rule row."""
    cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
    return not any(cells)


def drop_figure_tables(lines: list[_Line], state: _State) -> list[_Line]:
    """Pictures laid out as tables (a saved page's Markdown, a clipper's):
    a small table of one or two columns with an empty row, where the
    picture stood, holds the picture's caption, not the article's text
    ("|  |" / "| Với Đức, vào được trường top 30 ... Ảnh: Bình Minh. |")."""
    figures: list[tuple[list[_Line], list[list[str]]]] = []
    out: list[_Line | tuple[list[_Line], list[list[str]]]] = []
    i = 0
    while i < len(lines):
        j = i
        while (
            j < len(lines)
            and lines[j].text.startswith("|")
            and (j == i or lines[j].lineno == lines[j - 1].lineno + 1)
        ):
            j += 1
        block = lines[i:j]
        rows = [_cells(line.text) for line in block]
        if block and _is_figure_table(block, rows):
            figures.append((block, rows))
            out.append(figures[-1])
            i = j
            continue
        if len(block) >= _MENU_ROWS and all(_is_menu_row(row) for row in rows):
            # A table of one column of short entries: the page's menu laid out as a table.
            for line in block:
                state.drop(line, R_LINK_LINE)
            i = j
            continue
        for line in block or lines[i : i + 1]:
            if "|" in line.text and not any(_cells(line.text)):
                # A layout table's row of rules, or of pictures or buttons ("| | |", "---|---").
                state.drop(line, R_MARKUP)
            else:
                out.append(line)
        i = max(j, i + 1)
    captions = sum(len(" ".join(row)) for _, rows in figures for row in rows)
    prose = sum(len(x.text) for x in out if isinstance(x, _Line) and _is_prose_line(x.text))
    # A photo story: its captions are its text.
    story = captions > STORY_SHARE * prose
    kept: list[_Line] = []
    for item in out:
        if isinstance(item, _Line):
            kept.append(item)
            continue
        echoes = _echoes(item[1]) if story else set()
        for n, (line, row) in enumerate(zip(*item, strict=True)):
            if story and any(row) and n not in echoes:
                line.line = Line(line.lineno, " ".join(cell for cell in row if cell))
                kept.append(line)
            else:
                state.drop(line, R_CAPTION_LINE if any(row) else R_MARKUP)
    return kept


def _echoes(rows: list[list[str]]) -> set[int]:
    """The rows of a photo story's table that the next text row says again,
    longer: the picture's caption above its paragraph ("Năm ngoái," /
    "Năm ngoái, Leila Lopes từng gây bất ngờ ..."; "Leila quyến rũ với thân
    hình ..." / "Leila nổi bật với thân hình ...")."""
    texts = [(n, " ".join(cell for cell in row if cell).split()) for n, row in enumerate(rows)]
    texts = [(n, words) for n, words in texts if words]
    echoes: set[int] = set()
    for (n, words), (_, following) in itertools.pairwise(texts):
        if len(words) > len(following):
            continue
        matcher = difflib.SequenceMatcher(None, words, following, autojunk=False)
        if sum(block.size for block in matcher.get_matching_blocks()) >= _ECHO * len(words):
            echoes.add(n)
    return echoes


_ECHO = 0.75
"""The share of a row's words that the next row must say again, in order, for the row to be its echo."""


def _is_figure_table(block: list[_Line], rows: list[list[str]]) -> bool:
    """A picture's table: small, of one or two columns, with an empty row
    (the picture); or a gallery, one column where every caption stands
    under its picture's empty row."""
    if any(len(row) > 2 for row in rows):
        return False
    pictures = [_is_picture_row(line.text) for line in block]
    if not any(pictures):
        return False
    if len(block) <= _FIGURE_ROWS and sum(len(" ".join(row).split()) for row in rows) <= _FIGURE_WORDS:
        return True
    captions = [i for i, row in enumerate(rows) if any(row)]
    return all(
        i > 0 and pictures[i - 1] and len(" ".join(rows[i]).split()) <= CAPTION_WORDS for i in captions
    )


CAPTION_WORDS = 40
"""The most words of a caption under its picture (a gallery's row, a line right under it)."""
_MENU_ROWS = 3
_MENU_WORDS = 6


def _is_menu_row(row: list[str]) -> bool:
    filled = [cell for cell in row if cell]
    return len(filled) <= 1 and all(
        len(cell.split()) <= _MENU_WORDS and not cell.endswith(_SENTENCE_END) for cell in filled
    )


STORY_SHARE = 0.5
"""Captions with more than this share of the other lines' prose make a photo story."""


def _is_prose_line(text: str) -> bool:
    return len(text) >= _PROSE_LINE and text.rstrip().endswith(_SENTENCE_END)


_PROSE_LINE = 80


def drop_marked_captions(lines: list[_Line], state: _State, captions: frozenset[str]) -> list[_Line]:
    """A saved page's lines that its markup boxes with a picture
    (:mod:`briefbook.read.picturebox`): captions and credits, whatever their
    shape, unless they are the page's story (a photo story told in its
    captions: more than :data:`STORY_SHARE` of the other lines' prose)."""
    if not captions:
        return lines
    marked = [caption_key(line.text) in captions for line in lines]
    if not any(marked):
        return lines
    caption = sum(len(line.text) for line, m in zip(lines, marked, strict=True) if m)
    prose = sum(
        len(line.text) for line, m in zip(lines, marked, strict=True) if not m and _is_prose_line(line.text)
    )
    if caption > STORY_SHARE * prose:
        return lines
    return drop_marked(lines, state, marked, R_CAPTION_LINE)


def drop_marked(lines: list[_Line], state: _State, marked: list[bool], reason: Reason) -> list[_Line]:
    """``lines`` without the marked ones, dropped for ``reason``."""
    kept: list[_Line] = []
    for line, m in zip(lines, marked, strict=True):
        if m:
            state.drop(line, reason)
        else:
            kept.append(line)
    return kept
