"""Page furniture by repetition across the folder (briefbook.read.repetition) and
the reader's use of it. The lines are written for the rule."""

from __future__ import annotations

from pathlib import Path, PurePath

from briefbook.core.records import RawText
from briefbook.read.reader import R_FURNITURE, parse_article
from briefbook.read.repetition import furniture_key, recurring_lines

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


def test_the_book_drops_a_folders_furniture_and_reparses_when_it_changes(tmp_path: Path) -> None:
    """Lines that recur in three articles of the folder are left out of each
    chapter; an article's reading depends on the folder's furniture, so the
    parse cache is not reused when the folder changes what recurs."""
    from briefbook.book import find_articles, read_articles

    def page(n: int) -> str:
        return (
            f"Bài số {n} về hợp tác y tế quốc tế\nMở đầu {n}. {PROSE}\nPodcasts\nĐoạn {n}. {PROSE}\nLê Nga\n"
        )

    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(2):
        (articles / f"{n}.txt").write_text(page(n))
    cache = tmp_path / "cache"
    before, _ = read_articles(find_articles(articles), articles, cache=cache)
    assert all(any(p.text == "Podcasts" for p in a.paragraphs) for a in before)  # two pages: no furniture
    (articles / "2.txt").write_text(page(2))
    after, _ = read_articles(find_articles(articles), articles, cache=cache)
    for article in after:
        assert not any(p.text == "Podcasts" for p in article.paragraphs), article.path
        assert any(d.text == "Podcasts" and d.reason == R_FURNITURE for d in article.dropped)
