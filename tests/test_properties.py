"""Property-based tests: random and hostile text never crashes the reader,
never loses a line, and a bad file is always an error naming it."""

from __future__ import annotations

from pathlib import PurePath

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefbook.analyse.audit import unaccounted
from briefbook.read.decoding import ArticleError, decode_article
from briefbook.read.reader import parse_article
from briefbook.write.chapter import render_chapter

P = PurePath("ngau-nhien.txt")

_VOCABULARY = (
    "Bộ Y tế bệnh viện BV BHYT hợp tác quốc tế Pháp Việt Nam TP.HCM (BV) GS.TS ông bà cho biết "
    "năm 2025 1/11 02/11/2025 09:21 Nguồn: Theo Tin liên quan Bình luận Xem thêm >>> Video: "
    "(Ảnh: TTXVN) [Tin cùng chuyên mục] /. ** # ``` {eval-rst} <script> $ % & _ ~ ^ \\ | : ( ) -"
)
WORDS = st.sampled_from(_VOCABULARY.split(" "))
LINE = st.lists(WORDS, min_size=0, max_size=40).map(" ".join)
MARKERS = st.sampled_from(
    ["Tin liên quan", "Tin tức liên quan", "Có thể bạn sẽ thích", "Ý kiến của bạn", "Bình luận", "Xem thêm"]
)
ARTICLE = st.lists(st.one_of(LINE, MARKERS, st.text(max_size=300)), min_size=1, max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE)
def test_reader_never_crashes_nor_loses_text(text: str) -> None:
    try:
        raw = decode_article(text.encode("utf-8"), P)
        article = parse_article(raw)
    except ArticleError as exc:
        assert str(exc).startswith(str(P))
        return
    assert unaccounted(raw, article) == []
    render_chapter(article)  # renders without error


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused_by_name(data: bytes) -> None:
    try:
        raw = decode_article(data, P)
    except ArticleError as exc:
        assert str(exc).startswith(str(P))
        return
    try:
        article = parse_article(raw)
    except ArticleError as exc:
        assert str(exc).startswith(str(P))
        return
    assert unaccounted(raw, article) == []
