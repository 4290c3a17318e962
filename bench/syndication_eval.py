"""Precision and recall of the grouping of copies of one story, by threshold.

Positives: the pairs of one story, the real syndicated copies of
``tests/fixtures/syndicated/`` (``<story>__<outlet>.txt``) and the pages of
the reader corpus saved in several forms (``<outlet>_<form>_<slug>``, one
page). Negatives: every other pair of those articles, related stories
among them (two vaccine stories of one press briefing, two interviews of one
minister), and the articles of ``tests/fixtures/articles/`` and ``seeds/``.
Prints, for each containment threshold, the pairs found, precision
and recall, and the least containment of a positive and the most of a
negative::

    .venv/bin/python bench/syndication_eval.py
"""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path, PurePath

from briefbook.analyse.syndication import containment, shingles
from briefbook.core.settings import TUNING
from briefbook.folder import read_articles

ROOT = Path(__file__).resolve().parent.parent
SYNDICATED = ROOT / "tests" / "fixtures" / "syndicated"
CORPUS = ROOT / "tests" / "fixtures" / "reader" / "articles"
OTHERS = [
    ROOT / "tests" / "fixtures" / "articles",
    ROOT / "tests" / "fixtures" / "entities" / "articles",
    ROOT / "seeds",
]
"""Other real articles, each its own story (negatives only)."""
SAME_STORY = {"toquoc_dump_minh-bo-y-te-khong-giam-tai": "giam-tai-benh-vien"}
"""Copies found among the other fixtures, read by hand: Tổ Quốc ran VOV's
interview of the minister word for word, shortened (a third outlet)."""
_FORM = re.compile(r"^[a-z0-9]+_(?:article|html|markdown_page|markdown|page|url_text|dump)_(.+)$")


def story(path: PurePath) -> str:
    """The story a fixture file tells (its name without outlet and form)."""
    stem = path.stem
    if stem in SAME_STORY:
        return SAME_STORY[stem]
    if "__" in stem:
        return stem.split("__")[0]
    m = _FORM.match(stem)
    return m.group(1) if m else stem


def main() -> int:
    folders = [SYNDICATED, CORPUS, *OTHERS]
    kinds = (".txt", ".html", ".md")
    paths = [p for folder in folders for p in sorted(folder.iterdir()) if p.suffix in kinds]
    paths = [p for p in paths if p.name != "README.md"]
    articles = []
    for folder in folders:
        found, _errors = read_articles([p for p in paths if p.parent == folder], folder)
        articles += found
    sets = [shingles(a) for a in articles]
    pairs = []
    for i, j in itertools.combinations(range(len(articles)), 2):
        if min(len(sets[i]), len(sets[j])) < TUNING.min_shingles:
            continue
        same = story(articles[i].path) == story(articles[j].path)
        pairs.append((containment(sets[i], sets[j]), same, articles[i].path.name, articles[j].path.name))
    positives = [p for p in pairs if p[1]]
    negatives = [p for p in pairs if not p[1]]
    print(f"{len(articles)} articles, {len(positives)} positive pairs, {len(negatives)} negative pairs")
    worst = min(positives)
    best_negative = max(negatives)
    print(f"least containment of a positive: {worst[0]:.3f} ({worst[2]}, {worst[3]})")
    print(f"most containment of a negative:  {best_negative[0]:.3f} ({best_negative[2]}, {best_negative[3]})")
    print("threshold  found  precision  recall")
    for threshold in sorted({0.2, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, TUNING.containment}):
        found = [p for p in pairs if p[0] >= threshold]
        right = sum(1 for p in found if p[1])
        precision = right / len(found) if found else 1.0
        print(f"{threshold:9.2f}  {len(found):5d}  {precision:9.3f}  {right / len(positives):6.3f}")
    for p in sorted(positives)[:5]:
        print(f"  low positive {p[0]:.3f} {p[2]} {p[3]}")
    for p in sorted(negatives, reverse=True)[:5]:
        print(f"  high negative {p[0]:.3f} {p[2]} {p[3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
