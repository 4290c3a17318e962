"""Print precision and recall of the reader's boilerplate removal.

    .venv/bin/python bench/boilerplate_eval.py

For the seeds and every fixture article, the kept body is compared with the
hand-marked expected body in tests/expected/ (see briefbook.analyse.evaluation).
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefbook.analyse.evaluation import Score, evaluate

ROOT = Path(__file__).resolve().parent.parent
CASES = [
    (ROOT / "seeds", ROOT / "tests" / "expected"),
    (ROOT / "tests" / "fixtures" / "articles", ROOT / "tests" / "expected" / "fixtures"),
]


def main() -> int:
    rows = evaluate(CASES)
    print(f"{'article':58} {'precision':>9} {'recall':>7} {'F1':>6}")
    total = Score(0, 0, 0)
    for name, s in rows:
        total += s
        print(f"{name[:58]:58} {s.precision:9.4f} {s.recall:7.4f} {s.f1:6.4f}")
    print(
        f"{'all (' + str(len(rows)) + ' articles, word-weighted)':58} "
        f"{total.precision:9.4f} {total.recall:7.4f} {total.f1:6.4f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
