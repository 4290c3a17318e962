"""Print precision, recall and F1 of the people and organisations found.

    .venv/bin/python bench/entity_eval.py [-v] [--held-out]

Three sets, scored apart, strict and lenient (see briefbook.analyse.entity_scoring):

- in sample: tests/expected/entities.yaml (the seeds and tests/fixtures/articles,
  on which the rules were written);
- out of sample, tuned: tests/expected/entities_corpus.yaml (real articles of
  the reader corpus, marked before issue 18's rules; those rules were refined
  looking at them);
- held out: tests/expected/entities_heldout.yaml (marked with them, never looked
  at while tuning) and tests/expected/entities_new_outlets.yaml (12 articles
  of outlets no other set holds, tests/fixtures/entities/articles, marked
  before the rules were run on them) and tests/expected/entities_fresh.yaml
  (10 Markdown posts of 2024 of 10 more outlets, tests/fixtures/entities/fresh,
  marked before the rules were run on them and kept out of rule development)
  and tests/expected/entities_baomoi2014.yaml (12 articles of a 2014 baomoi.com
  crawl of another repository, tests/fixtures/entities/baomoi2014, marked the
  same way) and tests/expected/entities_covid2022.yaml (13 COVID-19 articles of
  February 2022 of one more repository, tests/fixtures/entities/covid2022,
  marked the same way; in sample since the ent2 branch wrote rules on its
  errors) and tests/expected/entities_abmusu2022.yaml (14 health-policy and
  cooperation articles of 2022, VLSP AbMuSu records of one more repository,
  tests/fixtures/entities/abmusu2022, marked the same way; in sample since the
  ent3 branch wrote rules on its errors) and tests/expected/entities_vims2016.yaml
  (13 news articles of 2016, ViMs text files of one more repository,
  tests/fixtures/entities/vims2016, marked the same way; in sample since the
  ent4 branch wrote rules on its errors) and tests/expected/entities_vfnd2018.yaml
  (13 news-please records of 2017-2018 of the VFND data set of one more
  repository, tests/fixtures/entities/vfnd2018, marked the same way; in sample
  since the ent5 branch wrote rules on its errors) and tests/expected/entities_unc2021.yaml
  (13 health and world articles of Dân trí, 2020-2021, Underthesea News Corpus
  files of one more repository, tests/fixtures/entities/unc2021, marked the same
  way; in sample since the ent6 branch wrote rules on its errors) and
  tests/expected/entities_unc2021b.yaml (13 more Dân trí articles of that corpus,
  international cooperation and health, other documents and sections,
  tests/fixtures/entities/unc2021b, marked the same way before the rules were
  run on them): scored only with --held-out.

Per article and kind: found, marked, P/R/F1 strict and lenient; then the totals.
With -v, every false positive and false negative (lenient; strict-only errors
are marked "strict:").
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path, PurePath

import yaml

from briefbook.analyse.entity_scoring import KINDS, KindScore, Match, score_articles
from briefbook.analyse.evaluation import EntityScore
from briefbook.book import find_articles, read_article
from briefbook.core.records import Article
from briefbook.read.decoding import ArticleError

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "expected"
CORPUS = ROOT / "tests" / "fixtures" / "reader" / "articles"
NEW_OUTLETS = ROOT / "tests" / "fixtures" / "entities" / "articles"
FRESH = ROOT / "tests" / "fixtures" / "entities" / "fresh"
BAOMOI2014 = ROOT / "tests" / "fixtures" / "entities" / "baomoi2014"
COVID2022 = ROOT / "tests" / "fixtures" / "entities" / "covid2022"
ABMUSU2022 = ROOT / "tests" / "fixtures" / "entities" / "abmusu2022"
VIMS2016 = ROOT / "tests" / "fixtures" / "entities" / "vims2016"
VFND2018 = ROOT / "tests" / "fixtures" / "entities" / "vfnd2018"
UNC2021 = ROOT / "tests" / "fixtures" / "entities" / "unc2021"
UNC2021B = ROOT / "tests" / "fixtures" / "entities" / "unc2021b"


HELD_OUT = (
    ("held out", "entities_heldout.yaml", CORPUS),
    ("held out, new outlets", "entities_new_outlets.yaml", NEW_OUTLETS),
    ("held out, fresh", "entities_fresh.yaml", FRESH),
    ("held out, baomoi 2014", "entities_baomoi2014.yaml", BAOMOI2014),
    ("COVID-19 2022, in sample since ent2", "entities_covid2022.yaml", COVID2022),
    ("AbMuSu 2022, in sample since ent3", "entities_abmusu2022.yaml", ABMUSU2022),
    ("ViMs 2016, in sample since ent4", "entities_vims2016.yaml", VIMS2016),
    ("VFND 2018, in sample since ent5", "entities_vfnd2018.yaml", VFND2018),
    ("Dân trí 2021 (UNC), in sample since ent6", "entities_unc2021.yaml", UNC2021),
    ("held out, Dân trí 2021 (UNC), other sections", "entities_unc2021b.yaml", UNC2021B),
)
"""The sets scored with --held-out: title, marks (tests/expected/), articles."""


def _read(paths: list[Path]) -> list[Article]:
    """The articles; a saved page the reader cannot read is read from its
    article copy (``_html_`` -> ``_article_``), said on the output."""
    articles = []
    for path in paths:
        try:
            articles.append(read_article(path, PurePath(path.name))[1])
        except ArticleError as error:
            copy = path.with_name(path.name.replace("_html_", "_article_")).with_suffix(".txt")
            if not copy.exists():
                raise
            print(f"({error}; read from {copy.name})")
            article = read_article(copy, PurePath(copy.name))[1]
            articles.append(dataclasses.replace(article, path=PurePath(path.name)))
    return articles


def _corpus_files(marked: dict[str, object], folder: Path = CORPUS) -> list[Path]:
    return [p for p in find_articles(folder) if p.stem in marked]


def _header(first: str) -> str:
    scores = "strict P      R     F1   lenient P     R     F1"
    return f"{first:46} {'kind':13} {'found':>5} {'marked':>6}   {scores}"


def _f1(s: EntityScore) -> float:
    p, r = s.precision, s.recall
    return 2 * p * r / (p + r) if p + r else 0.0


def _cells(s: EntityScore) -> str:
    return f"{s.precision:6.3f} {s.recall:6.3f} {_f1(s):6.3f}"


def report(
    title: str,
    articles: list[Article],
    marked: dict[str, dict[str, list[list[str]]]],
    detail: bool,
    verbose: bool,
) -> None:
    scores = score_articles(articles, marked)
    missing = sorted(set(marked) - set(scores))
    print(f"\n## {title}: {len(scores)} articles" + (f" (not read: {', '.join(missing)})" if missing else ""))
    header = _header("article")
    if detail:
        print(header)
    zero = EntityScore(0, 0, 0, 0)
    total = {(kind, match): zero for kind in KINDS for match in Match}
    for stem, kinds in scores.items():
        for kind, by_match in kinds.items():
            strict, lenient = by_match[Match.STRICT], by_match[Match.LENIENT]
            for match in Match:
                total[kind, match] += by_match[match].score
            if detail:
                s = lenient.score
                print(
                    f"{stem[:46]:46} {kind:13} {s.found:5} {s.expected:6}   "
                    f"{_cells(strict.score)}   {_cells(lenient.score)}"
                )
    print(_header("total"))
    for kind in KINDS:
        s = total[kind, Match.LENIENT]
        print(
            f"{'all':46} {kind:13} {s.found:5} {s.expected:6}   "
            f"{_cells(total[kind, Match.STRICT])}   {_cells(s)}"
        )
    if detail and verbose:
        for stem, kinds in scores.items():
            lines = []
            for kind, by_match in kinds.items():
                lines += _errors(kind, by_match[Match.LENIENT], by_match[Match.STRICT])
            if lines:
                print(f"== {stem}")
                print("\n".join(lines))


def _errors(kind: str, lenient: KindScore, strict: KindScore) -> list[str]:
    tag = kind[:3]
    lines = [f"  FP {tag} {e}" for e in lenient.false_positives]
    lines += [f"  FN {tag} {e}" for e in lenient.false_negatives]
    lines += [f"  strict: FP {tag} {e}" for e in strict.false_positives if e not in lenient.false_positives]
    lines += [f"  strict: FN {tag} {e}" for e in strict.false_negatives if e not in lenient.false_negatives]
    return lines


def main() -> int:
    verbose = "-v" in sys.argv
    load = lambda name: yaml.safe_load((EXPECTED / name).read_text("utf-8")) or {}  # noqa: E731
    in_sample = load("entities.yaml")
    paths = [
        p
        for folder in (ROOT / "seeds", ROOT / "tests" / "fixtures" / "articles")
        for p in find_articles(folder)
    ]
    report("in sample (entities.yaml)", _read(paths), in_sample, True, verbose)
    tuned = load("entities_corpus.yaml")
    report("out of sample, tuned (entities_corpus.yaml)", _read(_corpus_files(tuned)), tuned, True, verbose)
    if "--held-out" in sys.argv:
        for title, name, folder in HELD_OUT:
            marked = load(name)
            report(f"{title} ({name})", _read(_corpus_files(marked, folder)), marked, True, verbose)
    else:
        sets = ", ".join(name.removesuffix(".yaml") for _, name, _ in HELD_OUT)
        print(f"\n## held out ({sets}): not shown (--held-out)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
