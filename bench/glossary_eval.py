"""Print precision and recall of the abbreviation definitions found in the text.

    .venv/bin/python bench/glossary_eval.py

Against the hand-marked pairs of tests/expected/definitions.yaml.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from briefbook.analyse.evaluation import score_definitions

ROOT = Path(__file__).resolve().parent.parent
CASES = [
    (ROOT / "seeds", ROOT / "tests" / "expected"),
    (ROOT / "tests" / "fixtures" / "articles", ROOT / "tests" / "expected" / "fixtures"),
]


def main() -> int:
    expected = yaml.safe_load((ROOT / "tests" / "expected" / "definitions.yaml").read_text("utf-8"))
    found, wanted, correct = score_definitions(CASES, expected)
    precision = correct / found if found else 1.0
    recall = correct / wanted if wanted else 1.0
    print(f"definitions: {found} found, {wanted} expected, {correct} correct")
    print(f"precision {precision:.3f}, recall {recall:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
