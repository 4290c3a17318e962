"""Generate a corpus of N articles in the raw forms briefbook reads.

Real paragraphs (the seeds and the fixture articles) are recombined into new
articles: a title, sometimes a category/date line, a lede, paragraphs with
abbreviations, sometimes subheadings, a byline, a source line and the page's
debris (related news, comments, advertisements). The same N and seed give
the same files.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    *sorted((ROOT / "seeds").glob("*.txt")),
    *sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt")),
]
READER_SOURCES = [
    *sorted((ROOT / "seeds").glob("*.txt")),
    *sorted((ROOT / "tests" / "fixtures" / "reader" / "gold").glob("*.body.txt")),
]
"""The seeds and the reader corpus's hand-marked bodies (one paragraph a line;
sources in its README), for ``bench/run.py --downloads``."""

AUTHORS = ["Duy Tính", "Diệu Hiền - Thế Anh", "Xuân Lan", "Mai Thanh", "Ngô Đồng", "Phúc Vũ", "Thu Hằng"]
OUTLETS = ["Báo Thanh niên", "Cổng Thông tin Chính phủ", "Báo Đắk Nông điện tử", "Sức khỏe & Đời sống", "HTV"]
CATEGORIES = ["Sức khỏe", "Thời sự", "Y tế", "Xã hội"]
HEADINGS = [
    "Hội nghị quy tụ những chuyên gia hàng đầu",
    "Khơi mở những nhịp cầu hợp tác mới",
    "Những con số đáng chú ý",
    "Kiến nghị của các bệnh viện",
]


def paragraphs(sources: list[Path] | None = None) -> list[str]:
    """The real paragraphs the articles are made of (those of ``sources``, :data:`SOURCES` by default)."""
    out = []
    for path in SOURCES if sources is None else sources:
        for line in path.read_text("utf-8").splitlines():
            line = line.strip()
            if 120 <= len(line) <= 1500 and line.endswith((".", '"', "”")):
                out.append(line)
    return sorted(set(out))


def article(
    rng: random.Random,
    index: int,
    paragraphs: list[str],
    dated: tuple[int, int] | None = None,
    always_dated: bool = False,
) -> str:
    """One raw article (half of them dated in 2025, all with ``always_dated``;
    ``dated``: on that day and month of 2025)."""
    body = rng.sample(paragraphs, rng.randint(5, 12))
    title = f"{body[0].split('.')[0][:90].rstrip(' ,')} ({index})"
    lines: list[str] = []
    blank = rng.random() < 0.5  # half the articles separate paragraphs by blank lines
    if rng.random() < 0.5 or dated or always_dated:
        day, month = dated or (rng.randint(1, 28), rng.randint(1, 12))
        lines.append(f"{rng.choice(CATEGORIES)} Thứ Hai {day:02d}/{month:02d}/2025, 09:{rng.randint(10, 59)}")
    lines.append(title)
    for n, text in enumerate(body):
        if blank and n in (2, 6) and rng.random() < 0.7:
            lines.append(rng.choice(HEADINGS))
        lines.append(f"{text} Bệnh viện (BV) số {index}.{n} phối hợp cùng BHYT và TP.HCM.")
    lines.append(rng.choice(AUTHORS))
    lines.append(f"Nguồn: {rng.choice(OUTLETS)}")
    if rng.random() < 0.6:
        lines += ["Tin liên quan", rng.choice(paragraphs)[:80].rstrip(" ,."), rng.choice(paragraphs)]
    if rng.random() < 0.4:
        lines += ["Ý kiến của bạn", "Bình luận", "Xem thêm bình luận"]
    separator = "\n\n" if blank else "\n"
    return separator.join(lines) + "\n"


def generate(
    folder: Path, count: int, seed: int = 2025, sources: list[Path] | None = None, all_dated: bool = False
) -> list[Path]:
    """Write ``count`` articles into ``folder`` (``all_dated``: every one dated, else half)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    pool = paragraphs(sources)
    paths = []
    for index in range(count):
        path = folder / f"{index:05d}.txt"
        path.write_text(article(rng, index, pool, always_dated=all_dated), "utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]))
