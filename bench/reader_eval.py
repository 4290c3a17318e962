"""Measure the reader on the development corpus of real pages (issue 17).

    .venv/bin/python bench/reader_eval.py [--json] [--details] [--no-leave-out]

Every article file in tests/fixtures/reader/articles/ that has a gold file
(tests/fixtures/reader/gold/<stem>.yaml and <stem>.body.txt, see the README
there) is read as the book reads it (briefbook.book.parse_source: saved web
pages through trafilatura, text and Markdown through the reader) and scored:

- title exact: the chapter title equals the gold title (NFC, spaces squeezed);
- body precision and recall by words: the kept lede, headings and paragraphs
  against the gold lede and body lines (briefbook.evaluation.score);
- must-not lines kept: a gold must-not line counts as kept when a kept
  paragraph (or heading, or the lede) equals it, or, for a line of three words
  or more, contains it;
- date, author, outlet right, counted only where the gold gives one (authors
  compared as sets of names: "A - B", "A, B" and "A và B" are the same).

Figures are printed per article, per form, per outlet and for the whole
corpus. Then each outlet is left out: the reader's data files are copied and
every entry that names the outlet (its names, short names and domains, in
the entry itself or in the comment just above it) is removed; the outlet's
articles are read again by a fresh process that imports that copy. This
estimates what the reader does on an outlet its data has never met; rules in
the code that were grown from an outlet cannot be removed this way and stay.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "reader"
PACKAGE = ROOT / "tools" / "briefbook"
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")

# Other names an outlet goes by in the reader's data (besides the gold
# outlet name, the outlet id and the domains of the gold URLs).
ALIASES: dict[str, tuple[str, ...]] = {
    "vnexpress": ("VnExpress", "vnexpress.net", "VnExpress International", "e.vnexpress.net"),
    "ione": ("iOne", "ione.vnexpress.net"),
    "dantri": ("Dân trí", "Dantri", "dantri.com.vn"),
    "nld": ("Người Lao Động", "NLĐO", "nld.com.vn"),
    "thanhnien": ("Thanh Niên", "Báo Thanh niên", "TNO", "thanhnien.vn", "thanhnien.com.vn"),
    "tuoitre": ("Tuổi Trẻ", "TTO", "Tuoi Tre", "tuoitre.vn"),
    "zing": ("Zing", "Zing News", "ZingNews", "znews.vn", "news.zing.vn"),
    "24h": ("24h", "24h.com.vn"),
    "genk": ("GenK", "genk.vn"),
    "sggp": ("SGGP", "SGGPO", "Sài Gòn Giải Phóng", "sggp.org.vn"),
    "vtv": ("VTV", "vtv.vn"),
    "vov": ("VOV", "vov.vn"),
    "htv": ("HTV", "htv.com.vn"),
    "laodong": ("Lao Động", "laodong.vn"),
    "vietnamplus": ("VietnamPlus", "Vietnam+", "TTXVN", "VNA", "vietnamplus.vn"),
    "baochinhphu": ("Báo Điện tử Chính phủ", "baochinhphu.vn"),
    "moh": ("Bộ Y tế", "moh.gov.vn"),
    "suckhoedoisong": ("Sức khỏe & Đời sống", "SKĐS", "suckhoedoisong.vn"),
    "nhandan": ("Nhân Dân", "NDO", "nhandan.vn"),
    "vietnamnews": ("Việt Nam News", "Viet Nam News", "vietnamnews.vn"),
    "baomoi": ("baomoi", "Báo Mới", "baomoi.com"),
}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


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
        data = yaml.safe_load(gold_file.read_text("utf-8"))
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


def evaluate(gold: Gold) -> Result:
    """Read one article as the book does and score it against its gold."""
    from briefbook.book import load_source, parse_source
    from briefbook.decoding import ArticleError
    from briefbook.evaluation import kept_text, score

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
        outlet_ok=None
        if gold.outlet is None
        else squeeze(meta.outlet).casefold() == squeeze(gold.outlet).casefold(),
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


def outlet_keys(outlet_id: str, golds: Sequence[Gold]) -> list[str]:
    """The names an outlet's data entries would use."""
    keys = {outlet_id, *ALIASES.get(outlet_id, ())}
    for g in golds:
        if g.outlet_id == outlet_id:
            if g.outlet:
                keys.add(g.outlet)
            host = urlsplit(g.url or "").hostname or ""
            if host:
                keys.add(host.removeprefix("www."))
    return sorted(k for k in keys if len(k) >= 2)


def _mentions(text: str, keys: Sequence[str]) -> bool:
    """Whether ``text`` names one of ``keys``: as a whole word, with its
    capitals ("Thanh Niên" is the paper, "thanh niên" youth); domains in
    any case."""
    text = unicodedata.normalize("NFC", text)
    for key in keys:
        key = unicodedata.normalize("NFC", key)
        domain = "." in key and " " not in key
        flags = re.IGNORECASE if domain else 0
        if re.search(rf"(?<![\w.]){re.escape(key)}(?![\w])", text, flags):
            return True
    return False


def _strip_yaml(lines: list[str], keys: Sequence[str]) -> tuple[list[str], list[str]]:
    """Remove every list item that names a key, in the item or in the
    comment lines just above it; an emptied list becomes ``[]``."""
    indent = [len(line) - len(line.lstrip()) for line in lines]
    drop: set[int] = set()
    removed: list[str] = []
    i = 0
    while i < len(lines):
        stripped = lines[i].lstrip()
        if not stripped.startswith("- "):
            i += 1
            continue
        end = i + 1
        while end < len(lines) and (not lines[end].strip() or indent[end] > indent[i]):
            end += 1
        start = i
        while start > 0 and lines[start - 1].lstrip().startswith("#") and indent[start - 1] >= indent[i]:
            start -= 1
        item = "\n".join(lines[i:end])
        comment = "\n".join(lines[start:i])
        inner = [j for j in range(i + 1, end) if lines[j].lstrip().startswith("- ")]
        own = "\n".join(lines[j] for j in range(i, end) if not inner or j < inner[0])
        if _mentions(own, keys) or _mentions(comment, keys) or (not inner and _mentions(item, keys)):
            drop.update(range(start, end))
            removed.append(item.strip())
            i = end
        else:
            i += 1
    kept = [line for j, line in enumerate(lines) if j not in drop]
    out = []
    for j, line in enumerate(kept):
        following = next((x for x in kept[j + 1 :] if x.strip() and not x.lstrip().startswith("#")), "")
        deeper = len(following) - len(following.lstrip()) > len(line) - len(line.lstrip())
        if line.rstrip().endswith(":") and not line.lstrip().startswith("#") and not deeper:
            line = line.rstrip() + " []"
        out.append(line)
    return out, removed


def strip_outlet(data: Path, keys: Sequence[str]) -> list[str]:
    """Remove the outlet's entries from the data files in ``data`` (a copy)."""
    removed: list[str] = []
    for path in sorted(data.iterdir()):
        if path.name.startswith("LICENSE") or path.suffix not in (".yaml", ".yml", ".tsv", ".txt"):
            continue
        lines = path.read_text("utf-8").splitlines()
        if path.suffix in (".yaml", ".yml"):
            new, gone = _strip_yaml(lines, keys)
            try:
                yaml.safe_load("\n".join(new))
            except yaml.YAMLError as exc:
                raise SystemExit(f"{path.name}: not YAML once the outlet is removed: {exc}") from exc
        else:
            new = [x for x in lines if x.startswith("#") or not _mentions(x, keys)]
            gone = [x for x in lines if x not in new]
        if gone:
            removed += [f"{path.name}: {g}" for g in gone]
            path.write_text("\n".join(new) + "\n", "utf-8")
    return removed


def leave_out(outlet_id: str, golds: Sequence[Gold]) -> tuple[list[Result], list[str]]:
    """The outlet's articles read by a fresh process whose briefbook has no
    data entry naming the outlet."""
    with tempfile.TemporaryDirectory(prefix="reader-eval-") as tmp:
        copy = Path(tmp) / "briefbook"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
        removed = strip_outlet(copy / "data", outlet_keys(outlet_id, golds))
        env = dict(os.environ, PYTHONPATH=tmp, READER_EVAL_PACKAGE=str(copy))
        proc = subprocess.run(
            [sys.executable, __file__, "--child", outlet_id],
            env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if proc.returncode:
            raise SystemExit(f"leaving {outlet_id} out failed:\n{proc.stderr}")
        rows = json.loads(proc.stdout)
    results = [Result(**{**row, "must_not_kept": tuple(row["must_not_kept"])}) for row in rows]
    return results, removed


def _child(outlet_id: str) -> int:
    import briefbook

    expected = os.environ.get("READER_EVAL_PACKAGE", "")
    if Path(briefbook.__file__).resolve().parent != Path(expected).resolve():
        raise SystemExit(f"imported {briefbook.__file__}, not the copy in {expected}")
    rows = [asdict(evaluate(g)) for g in load_corpus() if g.outlet_id == outlet_id]
    print(json.dumps(rows, ensure_ascii=False))
    return 0


def _fraction(pair: Sequence[int]) -> str:
    right, given = pair
    return f"{right}/{given}" if given else "-"


def _line(name: str, s: dict[str, Any]) -> str:
    return (
        f"{name[:44]:44} {s['articles']:4} {s['title_exact']:6.2f} {s['precision']:6.3f} {s['recall']:6.3f} "
        f"{s['f1']:6.3f} {s['must_not_kept']:4}/{s['must_not_total']:<5} "
        f"{_fraction(s['date']):>6} {_fraction(s['author']):>6} {_fraction(s['outlet']):>6}"
    )


HEADER = (
    f"{'':44} {'n':>4} {'title':>6} {'prec':>6} {'recall':>6} {'F1':>6} "
    f"{'kept/must-not':>10} {'date':>6} {'author':>6} {'outlet':>6}"
)


def report(results: Sequence[Result], left_out: dict[str, Any] | None, details: bool) -> None:
    print("per article" + HEADER[11:])
    for r in results:
        print(_line(r.stem, summary([r])) + (f"  ERROR {r.error}" if r.error else ""))
        if details:
            checks = (
                ("title", r.title_ok, r.title),
                ("date", r.date_ok, r.date),
                ("author", r.author_ok, r.author),
                ("outlet", r.outlet_ok, r.outlet),
            )
            for field, ok, found in checks:
                if ok is False:
                    print(f"    {field} read as {found!r}")
            for line in r.must_not_kept[:8]:
                print(f"    kept: {line[:100]}")
    g = groups(results)
    for title, part in (("per form", g["by_form"]), ("per outlet", g["by_outlet"])):
        print(f"\n{title}" + HEADER[len(title) :])
        for name, s in part.items():
            print(_line(name, s))
    print("\n" + _line("all", g["overall"]))
    if left_out is not None:
        print("\neach outlet left out" + HEADER[20:])
        for name, s in left_out["by_outlet"].items():
            print(_line(f"{name} ({left_out['removed'][name]} entries removed)", s))
        print("\n" + _line("all, each outlet left out", left_out["overall"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--details", action="store_true", help="show what each article got wrong")
    parser.add_argument("--no-leave-out", action="store_true", help="skip the leave-one-outlet-out runs")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child)
    golds = load_corpus()
    results = [evaluate(g) for g in golds]
    left_out: dict[str, Any] | None = None
    if not args.no_leave_out:
        pooled: list[Result] = []
        removed: dict[str, int] = {}
        entries: dict[str, list[str]] = {}
        for outlet_id in sorted({g.outlet_id for g in golds}):
            rows, gone = leave_out(outlet_id, golds)
            pooled += rows
            removed[outlet_id] = len(gone)
            entries[outlet_id] = gone
        left_out = {**groups(pooled), "removed": removed, "removed_entries": entries}
    if args.json:
        out = {**groups(results), "articles": [asdict(r) for r in results], "left_out": left_out}
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        report(results, left_out, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
