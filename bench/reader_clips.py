"""Make the Markdown clippings people bring from one saved web page, mechanically.

    .venv/bin/python bench/reader_clips.py SAVED.html --outlet vnexpress \\
        --slug khu-tuong-niem [--forms markdown,markdown_page] --out tests/fixtures/reader/articles

The sibling of bench/reader_forms.py for the Markdown forms (issue 17), with
real clipping tools (the ``corpus`` extra of pyproject.toml), offline:

- ``markdown``: an article clip as MarkDownload or Obsidian Web Clipper writes
  it: YAML front matter in the Web Clipper's default template (title, source,
  author, published, created, description, tags), then ``# title`` and the
  article Readability finds (readability-lxml, a port of the Readability
  algorithm those clippers run) converted to Markdown by markdownify (a
  Turndown-like converter: ATX headings, ``-`` bullets, inline links and
  images with the page's address as their base);
- ``markdown_page``: the whole page as Markdown ("save page as Markdown"):
  html2text of the page (its ``<body>``: html2text leaves the head out), links
  and images kept, no line wrapping, characters as the page gives them (without
  ``unicode_snob`` html2text writes ``&aacute;`` as ``a``), no front matter.

The front matter's values come from the page's own tags: ``title`` is
Readability's title (``short_title``); ``source`` the og:url or canonical
link; ``author`` the ``<meta name="author">`` as a Web Clipper wikilink;
``published`` the first non-empty of article:published_time, datePublished or
``<meta name="pubdate">``, as the page writes it; ``created`` a fixed date (the
day of the clipping, the same for every file so that the files can be made
again); ``description`` the ``<meta name="description">``. A field the page
does not give is left empty, as the clippers leave it. Nothing of the text is
edited. Output files are ``<outlet>_<form>_<slug>.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import html2text
import lxml.html
from markdownify import markdownify
from readability import Document

FORMS = ("markdown", "markdown_page")
CREATED = "2025-03-01"
"""The clipping day written as ``created`` (fixed: the files are made again identically)."""


def _meta(doc: lxml.html.HtmlElement, *selectors: str) -> str:
    """The first non-empty ``content`` (or ``href``) of the elements the XPath ``selectors`` name."""
    for selector in selectors:
        for element in doc.xpath(selector):
            value = (element.get("content") or element.get("href") or "").strip()
            if value:
                return value
    return ""


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def front_matter(doc: lxml.html.HtmlElement, title: str) -> str:
    """The YAML front matter of Obsidian Web Clipper's default template, filled from the page."""
    source = _meta(doc, '//meta[@property="og:url"]', '//link[@rel="canonical"]')
    author = _meta(doc, '//meta[@name="author"]')
    published = _meta(
        doc,
        '//meta[@property="article:published_time"]',
        '//meta[@itemprop="datePublished"]',
        '//meta[@name="pubdate"]',
    )
    description = _meta(doc, '//meta[@name="description"]')
    lines = ["---", f"title: {_quoted(title)}", f"source: {_quoted(source)}"]
    lines += ["author:", f"  - {_quoted(f'[[{author}]]')}"] if author else ["author:"]
    lines += [
        f"published: {published}".rstrip(),
        f"created: {CREATED}",
        f"description: {_quoted(description)}",
        "tags:",
        '  - "clippings"',
        "---",
    ]
    return "\n".join(lines) + "\n"


def article_clip(html: str) -> str:
    """The ``markdown`` form: front matter, ``# title``, Readability's article as Markdown."""
    doc = lxml.html.document_fromstring(html)
    source = _meta(doc, '//meta[@property="og:url"]', '//link[@rel="canonical"]')
    readable = Document(html, url=source or None)
    title = readable.short_title()
    body = markdownify(readable.summary(html_partial=True), heading_style="ATX", bullets="-")
    return f"{front_matter(doc, title)}\n# {title}\n\n{body.strip()}\n"


def page_markdown(html: str, base: str = "") -> str:
    """The ``markdown_page`` form: html2text of the whole page."""
    converter = html2text.HTML2Text(baseurl=base)
    converter.body_width = 0  # one line a paragraph, as the clippers write it
    converter.unicode_snob = True  # characters as the page gives them, as a browser's DOM has them
    return converter.handle(html).strip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("saved", type=Path)
    parser.add_argument("--outlet", required=True)
    parser.add_argument("--slug", required=True)
    parser.add_argument("--forms", default=",".join(FORMS))
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    forms = [f for f in args.forms.split(",") if f]
    unknown = set(forms) - set(FORMS)
    if unknown:
        parser.error(f"unknown forms: {', '.join(sorted(unknown))}")
    html = args.saved.read_bytes().decode("utf-8")
    doc = lxml.html.document_fromstring(html)
    base = _meta(doc, '//meta[@property="og:url"]', '//link[@rel="canonical"]')
    outputs = {"markdown": article_clip(html), "markdown_page": page_markdown(html, base)}
    args.out.mkdir(parents=True, exist_ok=True)
    for form in forms:
        target = args.out / f"{args.outlet}_{form}_{args.slug}.md"
        target.write_bytes(outputs[form].encode("utf-8"))
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
