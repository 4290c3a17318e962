"""The reader on the seeds: what is body, what is debris, what is metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefbook.analyse.audit import unaccounted
from briefbook.core.reasons import Reason
from briefbook.core.records import Article
from briefbook.read.boilerplate import load_boilerplate
from briefbook.read.decoding import decode_article
from briefbook.read.reader import parse_article

from .books import EXPECTED, FIXTURES, SEEDS

SEED_NAMES = ["000_33420b19da835728", "001_99e64521392f7738"]


def _parse(path: Path) -> Article:
    return parse_article(decode_article(path.read_bytes(), Path(path.name)))


def _expected(name: str, kind: str) -> list[str]:
    path = EXPECTED / f"{name}.{kind}.txt"
    return path.read_text("utf-8").splitlines() if path.exists() else []


@pytest.mark.parametrize("name", SEED_NAMES)
def test_body_is_every_expected_paragraph_in_order(name: str) -> None:
    article = _parse(SEEDS / f"{name}.txt")
    body = [article.lede, *(p.text for p in article.paragraphs)]
    assert body == _expected(name, "body")
    assert [s.heading for s in article.sections if s.heading] == _expected(name, "headings")
    assert [r.title for r in article.related] == _expected(name, "related")


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_debris_line_is_dropped_with_a_reason(name: str) -> None:
    article = _parse(SEEDS / f"{name}.txt")
    dropped = {d.text for d in article.dropped}
    for line in _expected(name, "debris") + _expected(name, "metadata"):
        assert line in dropped
    assert all(d.reason for d in article.dropped)


def test_seed_000_metadata() -> None:
    article = _parse(SEEDS / "000_33420b19da835728.txt")
    assert article.title == "Hợp tác quốc tế trong y tế là điều nên làm"
    assert article.meta.author == "Duy Tính"
    assert article.meta.source == "Báo Thanh niên"
    assert article.meta.date is None
    assert any("no date" in p.message for p in article.problems)


def test_seed_001_metadata() -> None:
    article = _parse(SEEDS / "001_99e64521392f7738.txt")
    assert article.title == "Mở thêm những 'nhịp cầu' hợp tác y tế Việt Nam - Pháp"
    assert article.meta.category == "Sức khỏe"
    assert article.meta.date is not None
    assert article.meta.date.date == dt.date(2025, 11, 2)
    assert article.meta.date.time == dt.time(9, 21)
    assert article.meta.source == "Cổng Thông tin Chính phủ"
    assert article.meta.outlet == "Đài Truyền hình TP. Hồ Chí Minh"  # "(HTV) -", spelt out
    assert article.meta.author == ""


def test_no_line_is_lost() -> None:
    """Every character of every line is in the chapter, the metadata or the report."""
    for path in [*SEEDS.glob("*.txt"), *FIXTURES.glob("*.txt")]:
        raw = decode_article(path.read_bytes(), Path(path.name))
        assert unaccounted(raw, parse_article(raw)) == []


def test_fixture_forms_keep_their_metadata() -> None:
    daknong = _parse(FIXTURES / "02_baodaknong-bo-y-te-hoi-nghi-truc-tuyen-ncov.txt")
    assert daknong.meta.author == "Ngô Đồng"
    # "Theo Báo Đắk Nông điện tử" on baodaknong.org.vn: the paper's own article, no other source.
    assert (daknong.meta.outlet, daknong.meta.source) == ("Báo Đắk Nông", "")
    assert daknong.meta.url.startswith("http://baodaknong.org.vn/")
    sport = _parse(FIXTURES / "15_baomoi-the-thao-diem-tin-toi-tin-lien-quan.txt")
    assert (sport.meta.author, sport.meta.outlet) == ("Phúc Vũ", "Thể thao Việt Nam")
    assert len(sport.related) == 4


def test_a_dropped_line_s_reason_is_a_member_with_its_detail_apart() -> None:
    """A reason is compared as a :class:`Reason`, never as the report's text:
    "siêu dữ liệu: tác giả" is ``Reason.METADATA`` with the detail "tác giả"."""
    dropped = [d for path in sorted(FIXTURES.glob("*.txt")) for d in _parse(path).dropped]
    metadata = [d for d in dropped if d.reason is Reason.METADATA]
    assert {d.detail for d in metadata} >= {"tác giả", "nguồn", "địa chỉ"}
    assert all(d.label == f"siêu dữ liệu: {d.detail}" for d in metadata)
    # No reason is a label put together from a reason and its detail.
    assert not [d for d in dropped if any(str(d.reason).startswith(f"{r}:") for r in Reason)]


def test_the_catalogue_s_reasons_that_are_reasons_are_their_members() -> None:
    """The paragraph cleaner finds the catalogue's photo captions by the member."""
    reasons = [reason for _, reason in load_boilerplate().inline_sentences]
    assert any(reason is Reason.CAPTION_LINE for reason in reasons)
