"""references.bib: pybtex writes it, reads it back, and renders the original text."""

from __future__ import annotations

from pathlib import PurePath

from pybtex.database import parse_string
from pybtex.plugin import find_plugin

from briefbook.book import unique_slugs
from briefbook.core.records import Article
from briefbook.read.decoding import decode_article
from briefbook.read.reader import parse_article
from briefbook.write.bibliography import read_bibtex, render_bibliography, write_bibtex
from briefbook.write.myst import heading

BODY = "Đoạn văn đủ dài của bài báo về giá thuốc và bảo hiểm y tế trong năm nay, có số liệu cụ thể."


def _article(title: str, tail: str = "", name: str = "a.txt") -> Article:
    text = f"{title}\n{BODY}\nĐoạn hai. {BODY}\n{tail}"
    return parse_article(decode_article(text.encode(), PurePath(name)))


def test_special_characters_survive_bibtex() -> None:
    title = "Giá thuốc tăng 5% & BHYT_2025 #1 ~ ^ $ {ngoặc}"
    url = "https://x.vn/a_b?q=1&r=2%20c#frag"
    bib = render_bibliography([_article(title, f"Nguồn: Báo X\n{url}\n")])
    data = parse_string(bib, "bibtex")
    assert write_bibtex(read_bibtex(bib)) == bib
    entry = data.entries["gia-thuoc-tang-5-bhyt-2025-1-ngoac"]
    assert entry.fields["url"] == url
    style = find_plugin("pybtex.style.formatting", "plain")()
    rendered = next(iter(style.format_bibliography(data))).text.render_as("text")
    assert "Giá thuốc tăng 5% & BHYT_2025 #1 ~" in rendered
    assert url in rendered


def test_unbalanced_braces_do_not_break_the_bib() -> None:
    bib = render_bibliography([_article("Tiêu đề } lạ { thật")])
    parse_string(bib, "bibtex")  # no error


def test_slugs_are_unique_even_against_suffixes() -> None:
    articles = unique_slugs([_article("Tin", name="b.txt"), _article("Tin", name="c.txt"), _article("Tin b")])
    assert [a.slug for a in articles] == ["tin-b-txt", "tin-c", "tin-b"]


def test_heading_keeps_a_trailing_hash() -> None:
    from docutils.core import publish_doctree
    from myst_parser.parsers.docutils_ import Parser

    doctree = publish_doctree(heading(1, "An toàn ##"), parser=Parser())
    assert doctree.astext().strip() == "An toàn ##"


def test_vertical_tab_is_a_line_break() -> None:
    raw = decode_article(f"Tiêu đề\v{BODY}\fĐoạn hai.".encode(), PurePath("a.txt"))
    assert raw.text.split("\n")[1] == BODY


def test_briefbook_style_formats_like_plain_once_per_entry() -> None:
    from briefbook.sphinxext import bibstyle

    bibstyle.register()
    bib = render_bibliography(
        unique_slugs([_article("Tin một", "Nguồn: Báo X\n"), _article("Tin hai", "Duy Tính\n")])
    )
    data = parse_string(bib, "bibtex")
    plain = find_plugin("pybtex.style.formatting", "plain")()
    ours = find_plugin("pybtex.style.formatting", bibstyle.STYLE_NAME)()
    assert isinstance(ours, bibstyle.Style)
    for label, entry in zip(["A", "B"], data.entries.values(), strict=True):
        first = ours.format_entry(label, entry)
        assert ours.format_entry(label, entry) is first  # the tooltip's call
        assert first.text.render_as("text") == plain.format_entry(label, entry).text.render_as("text")
        assert first.label == label and first.key == entry.key
    # Another label: the same text (the plain style does not show the label), under that label.
    entry = next(iter(data.entries.values()))
    again = ours.format_entry("C", entry)
    assert again.label == "C" and again.text is ours.format_entry("A", entry).text


def test_an_entry_renumbered_is_not_formatted_again() -> None:
    """A new entry sorted before it moves its label; the next build takes the
    text the last one formatted (:class:`briefbook.sphinxext.bibstyle.Memo`)."""
    from briefbook.sphinxext import bibstyle

    bibstyle.register()
    bib = render_bibliography(unique_slugs([_article("Tin một", "Nguồn: Báo X\n")]))
    (entry,) = parse_string(bib, "bibtex").entries.values()
    style = find_plugin("pybtex.style.formatting", bibstyle.STYLE_NAME)
    last = style().format_entry("1", entry)
    bibstyle._register_style(bibstyle.Memo(dict(style.memo.current)))  # the next build
    renumbered = find_plugin("pybtex.style.formatting", bibstyle.STYLE_NAME)().format_entry("2", entry)
    assert renumbered.label == "2" and renumbered.text is last.text


def test_a_paper_named_twice_is_not_a_repost() -> None:
    """ "(HNM) - ..." names the outlet and "Theo Hà Nội Mới" the source: one
    paper, so no "Đăng lại trên ..." note; two outlets keep it."""
    same = parse_string(render_bibliography([_article("Tin một", "Theo Hà Nội Mới\n")]), "bibtex")
    (entry,) = same.entries.values()
    assert "note" not in entry.fields
    text = f"Tin hai\n(HNM) - {BODY}\nĐoạn hai. {BODY}\nTheo Hà Nội Mới\n"
    article = parse_article(decode_article(text.encode(), PurePath("b.txt")))
    # One paper: the outlet, and no other source.
    assert (article.meta.outlet, article.meta.source) == ("Báo Hà Nội Mới", "")
    (entry,) = parse_string(render_bibliography([article]), "bibtex").entries.values()
    assert "note" not in entry.fields
    text = f"Tin ba\n(HTV) - {BODY}\nĐoạn hai. {BODY}\nNguồn: Cổng Thông tin Chính phủ\n"
    article = parse_article(decode_article(text.encode(), PurePath("c.txt")))
    (entry,) = parse_string(render_bibliography([article]), "bibtex").entries.values()
    assert entry.fields["note"] == "Đăng lại trên Đài Truyền hình TP. Hồ Chí Minh"


def test_tex_active_characters_are_commands_that_print_them() -> None:
    title = r"\input{/etc/passwd} \write18{x} ^^5cinput $x$ } {"
    bib = render_bibliography([_article(title, "Nguồn: Báo X\nhttps://x.vn/a\\b^c{d}\n")])
    field = bib.split("title = ", 1)[1].split("\n", 1)[0]
    assert "\\input" not in field and "\\write18" not in field and "^" not in field
    assert "$" not in field.replace("\\$", "")
    assert field.count("{") == field.count("}")
    assert write_bibtex(read_bibtex(bib)) == bib
    url = bib.split("url = ", 1)[1].split("\n", 1)[0]
    assert "\\" not in url and "^" not in url and "{" not in url.strip('"{}')


def test_only_web_addresses_are_urls() -> None:
    from briefbook.core.urls import is_web_url

    for url in ("https://x.vn/a", "http://x.vn", "HTTPS://X.VN/"):
        assert is_web_url(url), url
    for url in (
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "https:/x",
        "//x.vn",
        "",
    ):
        assert not is_web_url(url), url
