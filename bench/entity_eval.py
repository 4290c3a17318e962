"""Print precision and recall of the people and organisations found in the text.

    .venv/bin/python bench/entity_eval.py [-v]

Against the hand-marked entities of tests/expected/entities.yaml (the seeds
and the real articles of tests/fixtures/articles). With -v, what was found
and missed in each article.
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePath

import yaml

from briefbook.book import find_articles, read_article
from briefbook.evaluation import EntityScore, score_entities

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "articles"]


def main() -> int:
    expected = yaml.safe_load((ROOT / "tests" / "expected" / "entities.yaml").read_text("utf-8"))
    articles = [read_article(p, PurePath(p.name))[1] for folder in FOLDERS for p in find_articles(folder)]
    scores = score_entities(articles, expected)
    total = {"people": EntityScore(0, 0, 0, 0), "organisations": EntityScore(0, 0, 0, 0)}
    print(f"{'article':48} {'kind':14} {'found':>5} {'marked':>6} {'P':>6} {'R':>6}")
    for stem, kinds in scores.items():
        for kind, s in kinds.items():
            total[kind] += s
            print(f"{stem[:48]:48} {kind:14} {s.found:5} {s.expected:6} {s.precision:6.3f} {s.recall:6.3f}")
    for kind, s in total.items():
        print(f"{'all':48} {kind:14} {s.found:5} {s.expected:6} {s.precision:6.3f} {s.recall:6.3f}")
    if "-v" in sys.argv:
        from briefbook.entities import article_mentions, organisation_abbreviations
        from briefbook.glossary import build_glossary

        abbreviations = organisation_abbreviations(build_glossary(articles).entries)
        for article in articles:
            marked = expected.get(article.path.stem) or {}
            found = {(m.kind.name, m.surface) for m in article_mentions(article, abbreviations)}
            print(f"== {article.path.name}")
            gold = {
                f for kind in ("people", "organisations") for forms in marked.get(kind) or [] for f in forms
            }
            for kind, surface in sorted(found):
                if kind != "PLACE":
                    print(f"  {'ok ' if surface in gold else 'NEW'} {kind[:3]} {surface}")
            for kind in ("people", "organisations"):
                for forms in marked.get(kind) or []:
                    if not any(f == s for _, s in found for f in forms):
                        print(f"  MISSED {kind[:3]} {forms}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
