"""Measure the reader on the development corpus of real pages (issue 17).

    .venv/bin/python bench/reader_eval.py [--json] [--details] [--no-leave-out] [--corpus PATH]

Every article file in tests/fixtures/reader/articles/ (or in PATH/articles/,
``--corpus``: e.g. the held-out set tests/fixtures/reader_heldout) that has a gold file
(tests/fixtures/reader/gold/<stem>.yaml and <stem>.body.txt, see the README
there) is read as the book reads it (briefbook.book.parse_source: saved web
pages through trafilatura, text and Markdown through the reader) and scored:

- title exact: the chapter title equals the gold title (NFC, spaces squeezed);
- body precision and recall by words: the kept lede, headings and paragraphs
  against the gold lede and body lines (briefbook.analyse.evaluation.score);
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
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from reader_corpus import CORPUS, Result, evaluate, floors, groups, load_corpus, summary
from reader_leave_out import leave_each_out


def _child(outlet_id: str, corpus: Path) -> int:
    import briefbook

    expected = os.environ.get("READER_EVAL_PACKAGE", "")
    if Path(briefbook.__file__).resolve().parent != Path(expected).resolve():
        raise SystemExit(f"imported {briefbook.__file__}, not the copy in {expected}")
    rows = [asdict(evaluate(g)) for g in load_corpus(corpus) if g.outlet_id == outlet_id]
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
    parser.add_argument(
        "--pin", type=Path, help="write today's figures, a little lowered, as the test's floors"
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        help="the corpus folder (articles/, gold/); default: %(default)s",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child, args.corpus)
    golds = load_corpus(args.corpus)
    results = [evaluate(g) for g in golds]
    left_out: dict[str, Any] | None = None
    if not args.no_leave_out:
        pooled: list[Result] = []
        removed: dict[str, int] = {}
        entries: dict[str, list[str]] = {}
        for outlet_id, (rows, gone) in leave_each_out(
            sorted({g.outlet_id for g in golds}), golds, args.corpus
        ).items():
            if rows is None:  # no entry names the outlet: the same reader
                rows = [r for r in results if r.outlet_id == outlet_id]
            pooled += rows
            removed[outlet_id] = len(gone)
            entries[outlet_id] = gone
        left_out = {**groups(pooled), "removed": removed, "removed_entries": entries}
        if args.pin:
            args.pin.write_text(
                json.dumps(floors(results, pooled), ensure_ascii=False, indent=1) + "\n", "utf-8"
            )
    if args.json:
        out = {**groups(results), "articles": [asdict(r) for r in results], "left_out": left_out}
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        report(results, left_out, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
