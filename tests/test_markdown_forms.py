"""Markdown forms of saved articles besides a clipper's front matter: a
reader service's envelope (Jina Reader: ``Title:``, ``URL Source:``,
``Published Time:``, ``Markdown Content:``) and setext headings (a heading
underlined with ``===`` or ``---``, as Turndown and Jina Reader write them).
The articles are real fixtures; each test sets the same real text in the
other form, the text unchanged, to test one rule."""

from __future__ import annotations

import re
from pathlib import Path, PurePath

import pytest

from briefbook.analyse.audit import unaccounted
from briefbook.core.reasons import Reason
from briefbook.core.records import Article
from briefbook.folder import load_source, parse_source
from briefbook.read.envelope import split_envelope

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VNEXPRESS = FIXTURES / "reader" / "articles" / "vnexpress_markdown_phi-cong-trieu-tien.md"
PLO = FIXTURES / "reader_heldout2" / "articles" / "plo_markdown_vay-ngan-hang-mua-biet-thu.md"
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def _parse(path: Path) -> Article:
    raw, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    assert unaccounted(raw, article) == []
    return article


def _enveloped(tmp_path: Path) -> Path:
    """VnExpress's article as Jina Reader gives it: the page's <title> (with
    the site's name), address and time over the page's Markdown."""
    markdown = _FRONT.sub("", VNEXPRESS.read_text("utf-8"))
    header = (
        "Title: Khu tưởng niệm 14 phi công Triều Tiên hy sinh ở Việt Nam - VnExpress\n\n"
        "URL Source: https://vnexpress.net/thoi-su/khu-tuong-niem-14-phi-cong-trieu-tien-hy-sinh-o-viet-nam-3882669.html\n\n"
        "Published Time: 2019-02-18T17:34:20+07:00\n\n"
        "Markdown Content:\n"
    )
    path = tmp_path / "phi-cong.md"
    path.write_text(header + markdown, "utf-8")
    return path


def test_a_reader_services_envelope_gives_the_address_date_and_outlet(tmp_path: Path) -> None:
    article = _parse(_enveloped(tmp_path))
    assert article.title == "Khu tưởng niệm 14 phi công Triều Tiên hy sinh ở Việt Nam"
    assert article.meta.url.startswith("https://vnexpress.net/thoi-su/khu-tuong-niem-14-phi-cong")
    assert article.meta.date is not None and article.meta.date.date.isoformat() == "2019-02-18"
    assert article.meta.outlet == "VnExpress"
    assert article.lede.startswith("Hai sĩ quan và 12 chiến sĩ quân đội Triều Tiên")
    text = " ".join(p.text for s in article.sections for p in s.paragraphs)
    assert "URL Source" not in text and "Markdown Content" not in text


def test_the_envelopes_header_keeps_the_files_line_numbers(tmp_path: Path) -> None:
    path = _enveloped(tmp_path)
    found = split_envelope(path.read_text("utf-8"))
    assert found is not None
    fields, text = found
    assert fields["title"].endswith(" - VnExpress") and fields["published"] == "2019-02-18T17:34:20+07:00"
    assert text.count("\n") == path.read_text("utf-8").count("\n")
    assert text.split("\n")[7:].index("# Khu tưởng niệm 14 phi công Triều Tiên hy sinh ở Việt Nam") >= 0


def test_a_text_that_only_opens_like_an_envelope_is_none() -> None:
    assert split_envelope("Title: Một bài báo\n\nĐoạn đầu của bài.\n") is None
    assert split_envelope("URL Source: https://example.vn/a\n\nMarkdown Content:\nBài.\n") is None
    assert split_envelope("Tiêu đề\n\nTitle: x\nURL Source: y\nMarkdown Content:\n") is None


def _setext(markdown: str) -> str:
    """ATX headings of levels one and two underlined instead, as long as
    their text (Turndown's setext style)."""

    def underline(m: re.Match[str]) -> str:
        return f"{m[2]}\n{('=' if m[1] == '#' else '-') * len(m[2])}"

    return re.sub(r"^(#{1,2}) (.+)$", underline, markdown, flags=re.MULTILINE)


@pytest.mark.parametrize(
    "path",
    [
        PLO,
        FIXTURES / "reader" / "articles" / "ngoisao_markdown_hoa-hau-hoan-vu-2011.md",
        FIXTURES / "reader" / "articles" / "zing_markdown_page_nha-tho-dem-giang-sinh.md",
        FIXTURES / "reader_heldout4" / "articles" / "rmit_crawl_markdown_newbie-101-library.md",
    ],
    ids=lambda path: path.stem,
)
def test_setext_headings_read_as_the_same_headings(path: Path, tmp_path: Path) -> None:
    """Real clippings and Markdown pages read the same with their headings
    underlined: title, lede and every section's heading."""
    copy = tmp_path / path.name
    copy.write_text(_setext(path.read_text("utf-8")), "utf-8")
    setext, atx = _parse(copy), _parse(path)
    assert (setext.title, setext.lede) == (atx.title, atx.lede)
    assert [s.heading for s in setext.sections] == [s.heading for s in atx.sections]


def test_a_rule_under_a_pictures_caption_makes_no_heading() -> None:
    """html2text draws a rule under a figure's caption (Thanh Niên's page:
    the picture, "Các bị cáo tại tòa", "---"): the caption stays a caption."""
    path = FIXTURES / "reader" / "articles" / "thanhnien_markdown_page_bong-hong-buon-ma-tuy.md"
    article = _parse(path)
    assert "Các bị cáo tại tòa" not in [s.heading for s in article.sections]
    assert "Các bị cáo tại tòa" in {
        d.text.strip() for d in article.dropped if d.reason is Reason.CAPTION_LINE
    }


def test_an_editors_title_keeps_the_texts_headline_in_the_report(tmp_path: Path) -> None:
    """A sidecar's title stands for the text's headline line: that line is
    recorded (the audit finds no text lost), not silently gone."""
    source = FIXTURES / "reader" / "articles" / "vnexpress_article_hoc-bong-dai-hoc-my.txt"
    path = tmp_path / source.name
    path.write_bytes(source.read_bytes())
    path.with_suffix(".yaml").write_text('title: "Học bổng đại học Mỹ"\n', "utf-8")
    article = _parse(path)
    assert article.title == "Học bổng đại học Mỹ"
    replaced = [d.text for d in article.dropped if d.reason is Reason.TITLE_REPLACED]
    assert replaced == ["Chiến thuật giành học bổng đại học danh tiếng Mỹ"]
