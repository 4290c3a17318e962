"""Page furniture by repetition across the folder (briefbook.repetition) and
the reader's use of it. The lines are written for the rule."""

from __future__ import annotations

from pathlib import PurePath

from briefbook.reader import R_FURNITURE, parse_article
from briefbook.records import RawText
from briefbook.repetition import furniture_key, recurring_lines

PROSE = (
    "Chiều 30/11, tại Hà Nội, đại diện hai bộ đã ký biên bản ghi nhớ về hợp tác đào tạo nhân lực "
    "y tế giai đoạn tới, với sự tham dự của lãnh đạo nhiều bệnh viện tuyến trung ương."
)
MENU = ["Đăng nhập", "Tin theo khu vực", "Podcasts", "Liên hệ tòa soạn"]


def _page(title: str, n: int) -> list[str]:
    return [*MENU, title, f"Đoạn {n}. {PROSE}", "Lê Nga", "Quay lại đầu trang"]


def test_lines_that_recur_in_three_articles_are_furniture() -> None:
    pages = [_page(f"Bài số {n} về hợp tác y tế quốc tế", n) for n in range(3)]
    found = recurring_lines(pages)
    assert found >= {furniture_key(m) for m in MENU}
    assert furniture_key("Lê Nga") in found  # (the reader keeps a byline)
    assert not any(key.startswith("đoạn") or key.startswith("bài số") for key in found)
    assert recurring_lines(pages[:2]) == frozenset()


def test_copies_of_one_story_count_once() -> None:
    """Three papers ran one agency story: its subheading is the story's."""
    copies = [["Tiêu đề", "Một tiểu mục của bài", PROSE, f"Báo số {n}"] for n in range(3)]
    assert furniture_key("Một tiểu mục của bài") not in recurring_lines(copies)


def test_the_reader_drops_furniture_but_keeps_the_byline() -> None:
    pages = [_page(f"Bài số {n} về hợp tác y tế quốc tế", n) for n in range(3)]
    furniture = recurring_lines(pages)
    text = "\n".join([*MENU, "Bài số 1 về hợp tác y tế quốc tế", PROSE, "Podcasts", PROSE, "Lê Nga"]) + "\n"
    article = parse_article(RawText(PurePath("a.txt"), text, "utf-8"), furniture=furniture)
    assert article.title == "Bài số 1 về hợp tác y tế quốc tế"
    assert article.meta.author == "Lê Nga"
    assert [p.text for p in article.paragraphs] == [PROSE]
    assert any(d.text == "Podcasts" and d.reason == R_FURNITURE for d in article.dropped)
