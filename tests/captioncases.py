"""What the caption tests ask of a real fixture article: its body text and the captions dropped from it."""

from __future__ import annotations

from pathlib import Path, PurePath

from briefbook.analyse.audit import unaccounted
from briefbook.core.reasons import Reason
from briefbook.folder import load_source, parse_source

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def read_captions(corpus: str, name: str) -> tuple[str, set[str]]:
    """The body's paragraphs of ``corpus``'s article ``name`` (every line
    accounted for) and the lines dropped from it as captions."""
    path = FIXTURES / corpus / "articles" / name
    raw, article = parse_source(load_source(path, PurePath(name)))
    assert unaccounted(raw, article) == []
    text = "\n".join(p.text for s in article.sections for p in s.paragraphs)
    captions = {d.text.strip() for d in article.dropped if d.reason is Reason.CAPTION_LINE}
    return text, captions
