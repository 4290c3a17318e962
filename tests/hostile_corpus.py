"""A hostile corpus: every field of an article, through every input form,
carrying HTML, MyST, LaTeX, BibTeX and URL-scheme payloads.

The article text around the payloads is a real published article (the seed
``seeds/000_33420b19da835728.txt``, a Người Lao Động article, as stored in
the seeds); the payloads are the metadata an attacker controls.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from .books import SEEDS

SEED = SEEDS / "000_33420b19da835728.txt"
SENTINEL = "root:x:0:0"
"""What ``/etc/passwd`` would show if it were read or copied."""

PAYLOADS = {
    "html": "<img src=x onerror=alert(1)//><script>alert(2)</script>",
    "myst": "{download}`../../../../../../../../etc/passwd` {pv}`phóng viên` (nhan)= {{ thay }} "
    ":::{note} [bấm](javascript:alert(3))",
    "latex": r"\input{/etc/passwd}\write18{touch pwned}^^5cinput{/etc/passwd} $x^2$ %",
    "bibtex": "}, note = {chèn}, x = {@misc{chen,",
}
ALL = " ".join(PAYLOADS.values())
URLS = (
    "javascript:alert(4)",
    " JaVaScRiPt:alert(5)",
    "data:text/html,<script>alert(6)</script>",
    "vbscript:msgbox(7)",
)
TEXT_FIELDS = ("title", "author", "outlet", "source", "category")
"""Fields shown on the chapter's page (the lede and text are shown too)."""


@dataclass(frozen=True)
class Case:
    """One hostile article: its file name and the fields as it sets them."""

    name: str
    form: str
    fields: dict[str, str]


def _value(form: str, field: str, n: int) -> str:
    return f"{form}-{field}-{n} {ALL}"


def _fields(form: str, n: int) -> dict[str, str]:
    fields = {field: _value(form, field, n) for field in TEXT_FIELDS}
    fields["url"] = URLS[n % len(URLS)]
    fields["date"] = f"2025-{1 + n % 2:02d}-1{n}"
    fields["accessed"] = ALL  # not a date: a warning
    fields["tags"] = ALL
    return fields


KEEP_APART = b"group: false\n"
"""Every case is the seed's text: each is kept a chapter of its own."""


def _sidecar(n: int) -> tuple[Case, dict[str, bytes]]:
    fields = _fields("sidecar", n)
    data = dict(fields, tags=[fields["tags"]], group=False)
    files = {
        f"2{n}_sidecar.txt": SEED.read_bytes(),
        f"2{n}_sidecar.yaml": yaml.safe_dump(data, allow_unicode=True).encode(),
    }
    return Case(f"2{n}_sidecar.txt", "sidecar", fields), files


def _front_matter(n: int) -> tuple[Case, dict[str, bytes]]:
    fields = _fields("front", n)
    # A web clipper's names: authors as a list, site, published, link, created.
    data = {
        "title": fields["title"],
        "authors": [fields["author"]],
        "site": fields["outlet"],
        "source": fields["source"],
        "category": fields["category"],
        "published": fields["date"],
        "link": fields["url"],
        "created": fields["accessed"],
        "tags": [fields["tags"]],
        "group": False,
    }
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + SEED.read_text("utf-8")
    return Case(f"3{n}_front.md", "front matter", fields), {f"3{n}_front.md": text.encode()}


def _saved_page(n: int) -> tuple[Case, dict[str, bytes]]:
    fields = _fields("page", n)
    lines = SEED.read_text("utf-8").split("\n")
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines[1:] if line.strip())
    attr = {k: html.escape(v, quote=True) for k, v in fields.items()}
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": fields["title"],
            "author": {"@type": "Person", "name": fields["author"]},
            "datePublished": fields["date"],
            "articleSection": fields["category"],
            "publisher": {"@type": "Organization", "name": fields["outlet"]},
        },
        ensure_ascii=False,
    ).replace("<", "\\u003c")
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{attr["title"]}</title>
<meta property="og:title" content="{attr["title"]}">
<meta property="og:site_name" content="{attr["outlet"]}">
<meta property="og:url" content="{attr["url"]}">
<meta name="author" content="{attr["author"]}">
<meta property="article:section" content="{attr["category"]}">
<meta property="article:published_time" content="{attr["date"]}">
<meta name="keywords" content="{attr["tags"]}">
<script type="application/ld+json">{ld}</script>
</head><body><article><h1>{attr["title"]}</h1>
{body}</article></body></html>
"""
    # trafilatura normalises an author's name and reads no section or
    # javascript: address: the title and the site are shown as given.
    fields = {"title": fields["title"], "outlet": fields["outlet"]}
    files = {f"4{n}_page.html": page.encode(), f"4{n}_page.yaml": KEEP_APART}
    return Case(f"4{n}_page.html", "saved page", fields), files


def _plain(kind: str, n: int) -> tuple[Case, dict[str, bytes]]:
    payload = PAYLOADS[kind]
    lines = SEED.read_text("utf-8").split("\n")
    title = f"Tin {kind} {payload}"
    text = "\n".join([title, f"{lines[1]} {payload}", *lines[2:], f"Nguồn: {payload[:60]}", ""])
    files = {f"1{n}_plain.txt": text.encode(), f"1{n}_plain.yaml": KEEP_APART}
    return Case(f"1{n}_plain.txt", "plain text", {"title": title}), files


def write_corpus(folder: Path) -> list[Case]:
    """Write the hostile articles into ``folder``; return what each sets."""
    cases: list[Case] = []
    made = [_plain(kind, n) for n, kind in enumerate(PAYLOADS)]
    # Every address through a sidecar; two through the other forms (a
    # smaller book: the PDF build is most of the tests' time).
    made += [_sidecar(n) for n in range(len(URLS))]
    made += [make(n) for make in (_front_matter, _saved_page) for n in range(2)]
    for case, files in made:
        for name, data in files.items():
            (folder / name).write_bytes(data)
        cases.append(case)
    return cases
