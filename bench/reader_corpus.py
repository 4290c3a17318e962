"""The reader's development corpus and its scores (issue 17).

Loads every article of tests/fixtures/reader/ that has a gold file, reads it
as the book does and scores it; see bench/reader_eval.py for what the scores
mean. Used by bench/reader_eval.py and tests/test_reader_corpus.py.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "reader"
PACKAGE = ROOT / "tools" / "briefbook"
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".mhtml", ".json")
# libyaml's parser where PyYAML has it: the same data, a tenth of the time
# (each leave-one-out child loads the whole corpus).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def markdown_text(text: str) -> str:
    """A Markdown clipping's text as its reader sees it: the front matter as
    written, then the text of the rendered Markdown (CommonMark with tables,
    by markdown-it-py): link and image targets, ``**``, ``*`` and ``\\``
    escapes gone, one line a block. The marked text of a ``.md`` input (title,
    lede, body lines, must-not lines) is cut from this text."""
    import lxml.html
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    front = "".join(t.content + "\n" for t in parser.parse(text) if t.type == "front_matter")
    html = parser.render(text)
    if not html.strip():
        return front
    return front + str(lxml.html.fragment_fromstring(html, create_parent="div").text_content())


def input_text(path: Path) -> str:
    """The text of an article file its marks are cut from: a saved page's text
    content, a Markdown clipping's :func:`markdown_text`, a crawler's JSON
    record's Markdown text (``content_markdown``, crawl4ai's whole page) as
    :func:`markdown_text` renders it, a text file as it is."""
    if path.suffix == ".mhtml":
        import lxml.html

        from briefbook.read.mhtml import unpack_mhtml

        page, _ = unpack_mhtml(path.read_bytes(), PurePath(path.name))
        return str(lxml.html.document_fromstring(page).text_content())
    text = path.read_bytes().decode("utf-8")
    if path.suffix in (".html", ".htm"):
        import lxml.html

        return str(lxml.html.document_fromstring(text).text_content())
    if path.suffix == ".md":
        return markdown_text(text)
    if path.suffix == ".json":
        import json

        record = json.loads(text)
        return markdown_text(str(record.get("content_markdown") or record.get("content") or ""))
    return text


def _names(author: str) -> frozenset[str]:
    parts = re.split(r"\s+[-–—]\s+|[,;&/]|\s+và\s+", squeeze(author))
    return frozenset(p.strip().casefold() for p in parts if p.strip())


@dataclass(frozen=True, slots=True)
class Gold:
    stem: str
    path: Path
    form: str
    outlet_id: str
    outlet: str | None
    title: str
    lede: str | None
    date: dt.date | None
    author: str | None
    url: str | None
    must_not: tuple[str, ...]
    body: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Result:
    stem: str
    form: str
    outlet_id: str
    error: str
    title_ok: bool
    kept_words: int
    expected_words: int
    common_words: int
    must_not_kept: tuple[str, ...]
    must_not_total: int
    date_ok: bool | None
    author_ok: bool | None
    outlet_ok: bool | None
    title: str
    date: str
    author: str
    outlet: str


def load_corpus(corpus: Path = CORPUS) -> list[Gold]:
    """Every article with a gold file, in file name order."""
    golds = []
    for gold_file in sorted((corpus / "gold").glob("*.yaml")):
        stem = gold_file.name.removesuffix(".yaml")
        found = [corpus / "articles" / f"{stem}{s}" for s in ARTICLE_SUFFIXES]
        articles = [p for p in found if p.is_file()]
        if len(articles) != 1:
            raise SystemExit(f"{gold_file}: {len(articles)} article files named {stem}.*")
        data = yaml.load(gold_file.read_text("utf-8"), Loader=LOADER)
        body_file = corpus / "gold" / f"{stem}.body.txt"
        body = [squeeze(line) for line in body_file.read_text("utf-8").splitlines() if line.strip()]
        date = data.get("date")
        golds.append(
            Gold(
                stem=stem,
                path=articles[0],
                form=str(data["form"]),
                outlet_id=str(data["outlet_id"]),
                outlet=data.get("outlet"),
                title=squeeze(data["title"]),
                lede=squeeze(data["lede"]) if data.get("lede") else None,
                date=dt.date.fromisoformat(str(date)) if date else None,
                author=data.get("author"),
                url=data.get("url"),
                must_not=tuple(squeeze(m) for m in data.get("must_not") or ()),
                body=tuple(body),
            )
        )
    return golds


def _kept(line: str, units: Sequence[str]) -> bool:
    if any(line == u for u in units):
        return True
    return len(line.split()) >= 3 and any(line in u for u in units)


_KIND = re.compile(r"^(?:báo điện tử|báo|tạp chí điện tử|tạp chí|trang tin điện tử|đài)\s+", re.IGNORECASE)


def _without_kind(name: str) -> str:
    """An outlet's name without the word for its kind before it ("Báo điện tử")."""
    return _KIND.sub("", squeeze(name))


def same_outlet(found: str, marked: str) -> bool:
    """Whether the reader's outlet is the one marked: the same name, or two
    names of one outlet of the outlet table ("Báo Nhân Dân" and the masthead's
    "Nhân Dân"; "VietnamPlus" and "Vietnam+"), or one name written with or
    without its domain's ending or its edition's word ("iOne.net", "iOne")."""
    from briefbook.core.outlets import load_outlets
    from briefbook.read.sitename import name_key

    if squeeze(found).casefold() == squeeze(marked).casefold():
        return True
    if found and name_key(found) == name_key(marked):
        return True  # one name spelt two ways: "iOne.net" and "iOne", "Zing" and "Zing News"
    if found and name_key(_without_kind(found)) == name_key(_without_kind(marked)):
        return True  # "Dân trí" and "Báo điện tử Dân trí", "Báo Thanh Niên" and "Thanh Niên"
    table = load_outlets()
    outlet = table.by_name(marked)
    return bool(found) and outlet is not None and table.by_name(found) == outlet


def evaluate(gold: Gold) -> Result:
    """Read one article as the book does and score it against its gold."""
    from briefbook.analyse.evaluation import kept_text, score
    from briefbook.book import load_source, parse_source
    from briefbook.read.decoding import ArticleError

    expected = ([gold.lede] if gold.lede else []) + list(gold.body)
    try:
        _, article = parse_source(load_source(gold.path, PurePath(gold.path.name)))
    except (ArticleError, UnicodeDecodeError) as exc:
        words = sum(len(re.findall(r"\w+", t)) for t in expected)
        none = None
        return Result(gold.stem, gold.form, gold.outlet_id, str(exc), False, 0, words, 0, (),
                      len(gold.must_not), none if gold.date is None else False,
                      none if gold.author is None else False, none if gold.outlet is None else False,
                      "", "", "", "")  # fmt: skip
    s = score(article, expected)
    units = [squeeze(t) for t in kept_text(article)]
    meta = article.meta
    found_date = meta.date.date if meta.date else None
    return Result(
        stem=gold.stem,
        form=gold.form,
        outlet_id=gold.outlet_id,
        error="",
        title_ok=squeeze(article.title) == gold.title,
        kept_words=s.kept,
        expected_words=s.expected,
        common_words=s.common,
        must_not_kept=tuple(m for m in gold.must_not if _kept(m, units)),
        must_not_total=len(gold.must_not),
        date_ok=None if gold.date is None else found_date == gold.date,
        author_ok=None if gold.author is None else _names(meta.author) == _names(gold.author),
        outlet_ok=None if gold.outlet is None else same_outlet(meta.outlet or meta.source, gold.outlet),
        title=article.title,
        date=found_date.isoformat() if found_date else "",
        author=meta.author,
        outlet=meta.outlet,
    )


def summary(results: Iterable[Result]) -> dict[str, Any]:
    rows = list(results)
    kept = sum(r.kept_words for r in rows)
    expected = sum(r.expected_words for r in rows)
    common = sum(r.common_words for r in rows)
    p = common / kept if kept else 1.0
    r_ = common / expected if expected else 1.0
    out: dict[str, Any] = {
        "articles": len(rows),
        "errors": sum(1 for r in rows if r.error),
        "title_exact": sum(r.title_ok for r in rows) / len(rows) if rows else 0.0,
        "precision": p,
        "recall": r_,
        "f1": 2 * p * r_ / (p + r_) if p + r_ else 0.0,
        "must_not_kept": sum(len(r.must_not_kept) for r in rows),
        "must_not_total": sum(r.must_not_total for r in rows),
    }
    for field in ("date", "author", "outlet"):
        given = [getattr(r, f"{field}_ok") for r in rows if getattr(r, f"{field}_ok") is not None]
        out[field] = [sum(given), len(given)]
    return out


def groups(results: Sequence[Result]) -> dict[str, Any]:
    by_form = sorted({r.form for r in results})
    by_outlet = sorted({r.outlet_id for r in results})
    return {
        "overall": summary(results),
        "by_form": {f: summary(r for r in results if r.form == f) for f in by_form},
        "by_outlet": {o: summary(r for r in results if r.outlet_id == o) for o in by_outlet},
    }


MARGINS = {
    "title_exact": 0.02,
    "precision": 0.005,
    "recall": 0.005,
    "f1": 0.005,
    "must_not_kept_share": 0.005,
}
FIELD_MARGIN = 0.02


def figures(s: dict[str, Any]) -> dict[str, float]:
    """The figures of a :func:`summary` that have floors: shares, not counts."""
    out = {k: float(s[k]) for k in ("title_exact", "precision", "recall", "f1")}
    out["must_not_kept_share"] = s["must_not_kept"] / s["must_not_total"] if s["must_not_total"] else 0.0
    for field in ("date", "author", "outlet"):
        right, given = s[field]
        out[field] = right / given if given else 0.0
    return out


def _floor(s: dict[str, Any]) -> dict[str, float]:
    """Today's figures a little lowered (the share of must-not lines kept, a
    ceiling, a little raised)."""
    out = {}
    for key, value in figures(s).items():
        if key == "must_not_kept_share":
            out[key] = round(min(1.0, value + MARGINS[key]), 4)
        else:
            out[key] = round(max(0.0, value - MARGINS.get(key, FIELD_MARGIN)), 4)
    return out


def floors(results: Sequence[Result], left_out: Sequence[Result]) -> dict[str, Any]:
    """The floors ``tests/test_reader_corpus.py`` holds the reader to."""
    g = groups(results)
    return {
        "stems": sorted(r.stem for r in results),
        "overall": _floor(g["overall"]),
        "by_form": {form: _floor(s) for form, s in g["by_form"].items()},
        "left_out": _floor(summary(left_out)),
    }


def below(floor: dict[str, float], s: dict[str, Any]) -> list[str]:
    """The figures of ``s`` (a :func:`summary`) that fall short of ``floor``."""
    now = figures(s)
    out = []
    for key, value in floor.items():
        worse = now[key] > value + 1e-9 if key == "must_not_kept_share" else now[key] < value - 1e-9
        if worse:
            out.append(f"{key}: {now[key]:.4f} (floor {value:.4f})")
    return out
