"""Escaped article text renders as exactly itself through MyST."""

from __future__ import annotations

import re

from docutils import nodes
from docutils.core import publish_doctree
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from myst_parser.parsers.docutils_ import Parser

from briefbook.core.vietnamese import normalize_text
from briefbook.write import myst

HOSTILE = [
    "```{eval-rst}\n.. raw:: html\n```",
    "{include}`/etc/passwd`",
    "(label)=",
    ":::{note}",
    "$$x$$ and $y$",
    "[x](javascript:alert(1))",
    "<script>alert(1)</script> <!-- c --> &amp; &#65;",
    r"\input{/etc/passwd} % # & _ { } ~ ^ \ ",
    "# not a heading",
    "1. not a list",
    "- not a list",
    "> not a quote",
    "+++",
    "---",
    "% not a comment",
    "*em* _em_ **strong** `code` ~~del~~",
    "| a | b |",
    "{{ substitution }}",
    "Ghi chú: TP.HCM (BV) 1/7/2025 – “ngoặc” …",
]


def _rendered(source: str) -> str:
    doctree = publish_doctree(source, parser=Parser(), settings_overrides={"report_level": 5})
    paragraphs = list(doctree.findall(nodes.paragraph))
    assert len(paragraphs) == 1, source
    assert len(doctree.children) == 1 and isinstance(doctree.children[0], nodes.paragraph)
    return paragraphs[0].astext()


def test_hostile_lines_render_literally() -> None:
    for text in HOSTILE:
        for line in text.split("\n"):
            assert _rendered(myst.escape(line.strip())) == line.strip()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1))
def test_any_line_renders_literally(raw: str) -> None:
    text = normalize_text(raw).strip()
    assume(text)
    assert _rendered(myst.escape(text)) == text


def test_directive_fence_outgrows_body() -> None:
    block = myst.directive("note", body=["````", "x"])
    assert block.startswith("`````{note}") and block.endswith("`````")


# Every MyST/CommonMark syntax an inline field could carry, at a line's start and after a space.
SYNTAX = [
    "{download}`../../../etc/passwd`",
    "{pv}`phóng viên`",
    "{eval-rst}`x`",
    "```{include} /etc/passwd",
    "~~~{include} /etc/passwd",
    ":::{note}",
    "(nhan-gia)=",
    "{{ substitution }}",
    "{#id .class}",
    "[^1]",
    "[x]: https://example.com",
    "<https://example.com>",
    "![ảnh](x.png)",
    "$x$ $$y$$",
    "% comment",
    '+++ {"k": 1}',
    "***",
    "===",
    "<!-- c -->",
    "&lt; &#60;",
    "trailing backslash \\",
    "    four spaces: code",
    "\tindented by a tab",
    "  # heading after spaces",
    " - list after a space",
    "x  ",
    "a\rb",
    "a\r# heading",
    "a\r\n- list",
]


def test_every_syntax_renders_literally() -> None:
    for text in SYNTAX:
        expected = re.sub(r"\r\n?|\n", " ", text)
        assert _rendered(myst.escape(text)).strip() == expected.strip(), text
        assert _rendered("Tác giả: " + myst.escape(text)).strip() == f"Tác giả: {expected}".strip(), text


def test_directive_argument_stays_on_its_line() -> None:
    block = myst.directive("rubric", myst.escape("Phần 1. {download}`x`\n```{include} /etc/passwd"))
    doctree = publish_doctree(block, parser=Parser(), settings_overrides={"report_level": 5})
    rubrics = list(doctree.findall(nodes.rubric))
    assert len(rubrics) == 1 and rubrics[0].astext() == "Phần 1. {download}`x` ```{include} /etc/passwd"


def test_front_matter_refuses_keys_myst_renders() -> None:
    import pytest

    for key in ("author", "authors", "date", "abstract", "substitutions", "html_meta"):
        with pytest.raises(ValueError):
            myst.front_matter({key: "x"})
    assert myst.front_matter({"byline": "{download}`x`"}).startswith("---\nbyline:")


def test_heading_renders_any_title_literally() -> None:
    for text in ["An toàn ##", "  # hai dấu cách", "Tiêu đề\t", "C# và F#", "{download}`x` #"]:
        doctree = publish_doctree(
            myst.heading(1, text), parser=Parser(), settings_overrides={"report_level": 5}
        )
        titles = list(doctree.findall(nodes.title))
        assert len(titles) == 1 and titles[0].astext().strip() == text.strip(), text
