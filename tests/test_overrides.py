"""Editor overrides, saved web pages, duplicates and `briefbook check`."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path, PurePath

import pytest

from briefbook.analyse.audit import duplicates, unaccounted
from briefbook.book import read_article, read_articles
from briefbook.core.records import Article

from .books import FIXTURES, SEEDS

HTML = Path(__file__).resolve().parent / "fixtures" / "html" / "htv-mo-them-nhung-nhip-cau.html"
SEED = SEEDS / "000_33420b19da835728.txt"


def test_sidecar_sets_missing_fields(tmp_path: Path) -> None:
    article_path = tmp_path / "bai.txt"
    shutil.copy(SEED, article_path)
    (tmp_path / "bai.yaml").write_text(
        "date: 2025-10-30\nurl: https://thanhnien.vn/hop-tac\naccessed: 02/11/2025\n"
        "tags: [hợp tác quốc tế, bệnh viện]\noutlet: Sở Y tế TP.HCM\nbogus: 1\n",
        "utf-8",
    )
    _, article = read_article(article_path, PurePath("bai.txt"))
    assert article.meta.date is not None and article.meta.date.date == dt.date(2025, 10, 30)
    assert article.meta.url == "https://thanhnien.vn/hop-tac"
    assert article.meta.accessed == dt.date(2025, 11, 2)
    assert article.meta.tags == ("hợp tác quốc tế", "bệnh viện")
    assert article.meta.outlet == "Sở Y tế TP.HCM"
    messages = [p.message for p in article.problems]
    assert "no date found" not in messages
    assert "unknown override field 'bogus'" in messages


def test_front_matter_overrides_and_keeps_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "bai.txt"
    path.write_text(
        "---\ntitle: Tiêu đề do biên tập viên sửa\ndate: not a date\n---\n" + SEED.read_text("utf-8")
    )
    _, article = read_article(path, PurePath("bai.txt"))
    assert article.title == "Tiêu đề do biên tập viên sửa"
    assert article.slug == "tieu-de-do-bien-tap-vien-sua"
    assert any("cannot read 'not a date' as a date" in p.message for p in article.problems)
    assert article.lede_lineno == 6  # line 2 of the seed, after 4 front-matter lines
    assert article.lede.startswith("Sở Y tế TP.HCM ghi nhận")


def test_saved_web_page() -> None:
    raw, article = read_article(HTML, PurePath(HTML.name))
    assert article.title == "Mở thêm những 'nhịp cầu' hợp tác y tế Việt Nam - Pháp"
    assert article.meta.outlet == "Đài Truyền hình TP. Hồ Chí Minh"  # "(HTV) -", spelt out
    assert article.meta.source == "Cổng Thông tin Chính phủ"
    assert article.meta.date is not None and article.meta.date.date == dt.date(2025, 11, 2)
    assert article.lede.startswith("Hợp tác y tế Việt – Pháp")
    assert [s.heading for s in article.sections if s.heading] == [
        "Hội nghị quy tụ những chuyên gia hàng đầu của 2 nước",
        "Khơi mở những nhịp cầu hợp tác mới",
    ]
    text = " ".join(p.text for p in article.paragraphs)
    for debris in ("Trang chủ", "Ý kiến của bạn", "Gửi bình luận", "Bản quyền", "Tin liên quan"):
        assert debris not in text
    assert unaccounted(raw, article) == []


def test_saved_web_page_reads_the_same_every_time() -> None:
    # trafilatura's duplicate filter must not remember pages across reads.
    first = read_article(HTML, PurePath(HTML.name))
    for _ in range(4):
        assert read_article(HTML, PurePath(HTML.name)) == first


def test_duplicates_are_reported(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "a.txt")
    shutil.copy(SEED, tmp_path / "b.txt")
    shutil.copy(SEEDS / "001_99e64521392f7738.txt", tmp_path / "c.txt")
    articles, _ = read_articles(sorted(tmp_path.glob("*.txt")), tmp_path)
    pairs = duplicates(articles)
    assert [(a.path.name, b.path.name) for a, b in pairs] == [("a.txt", "b.txt")]


def test_check_command(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(FIXTURES, articles)
    shutil.copy(SEED, articles / "zz_copy.txt")
    shutil.copy(SEED, articles / "zz_copy2.txt")
    (articles / "zz_binary.txt").write_bytes(b"\x00\x01" * 50 + b"\xff")
    result = subprocess.run(
        [sys.executable, "-m", "briefbook.cli", "check", str(articles)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "zz_binary.txt: binary file" in result.stderr
    assert "duplicate:" in result.stdout and "zz_copy2.txt" in result.stdout
    assert "text not accounted" not in result.stderr
    (articles / "zz_binary.txt").unlink()
    ok = subprocess.run(
        [sys.executable, "-m", "briefbook.cli", "check", "-q", str(articles)], capture_output=True
    )
    assert ok.returncode == 0


# A page laid out as baochinhphu.vn and tuoitre.vn lay theirs out: the sapo
# in a block of its own above the article's text, and in the description.
SAPO = (
    "(Chinhphu.vn) - Bộ Y tế Việt Nam và Bộ Y tế Singapore thống nhất đẩy mạnh hợp tác "
    "trong chuyển đổi số y tế, đào tạo nhân lực và ứng phó đại dịch."
)
PARAGRAPHS = [
    "Ngày 9/11, tại Singapore, Bộ trưởng Bộ Y tế Đào Hồng Lan đã có cuộc hội đàm với Bộ trưởng "
    "Y tế Singapore Ong Ye Kung nhân chuyến công tác tham dự Diễn đàn Y tế số châu Á.",
    "Tại cuộc hội đàm, hai Bộ trưởng đánh giá cao kết quả hợp tác y tế giữa hai nước thời gian qua, "
    "đặc biệt trong đào tạo bác sĩ chuyên khoa và quản lý bệnh viện.",
    "Bộ trưởng Ong Ye Kung cho biết Singapore sẵn sàng tiếp nhận các đoàn cán bộ Việt Nam sang học "
    "tập và đề xuất hai bên sớm ký kế hoạch hành động giai đoạn 2026-2028.",
]
SAPO_PAGE = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Thúc đẩy hợp tác y tế Việt Nam - Singapore | baochinhphu.vn</title>
<meta name="description" content="{SAPO}">
<meta property="og:title" content="Thúc đẩy hợp tác y tế Việt Nam - Singapore">
<meta name="pubdate" content="2025-11-10T09:30:12+07:00">
</head><body><div class="container">
<h1 class="detail-title">Thúc đẩy hợp tác y tế Việt Nam - Singapore</h1>
<h2 class="detail-sapo">{SAPO}</h2>
<div class="detail-content">{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}</div>
<div class="detail-author"><p class="author">Thùy Chi</p></div>
</div></body></html>"""


def test_saved_web_page_keeps_a_sapo_set_apart(tmp_path: Path) -> None:
    page = tmp_path / "chinhphu.html"
    page.write_text(SAPO_PAGE, "utf-8")
    _raw, article = read_article(page, PurePath(page.name))
    assert article.title == "Thúc đẩy hợp tác y tế Việt Nam - Singapore"
    assert article.lede == SAPO
    assert [p.text for p in article.paragraphs] == PARAGRAPHS


def test_a_sites_own_description_is_not_a_sapo(tmp_path: Path) -> None:
    blurb = (
        "Báo Sức khỏe & Đời sống - Cơ quan ngôn luận của Bộ Y tế. Cập nhật tin tức y tế, sức khỏe mới nhất."
    )
    page = tmp_path / "skds.html"
    page.write_text(SAPO_PAGE.replace(SAPO, blurb), "utf-8")
    _raw, article = read_article(page, PurePath(page.name))
    assert blurb not in [article.lede, *(p.text for p in article.paragraphs)]
    # A sapo that the main text holds is not added twice.
    page.write_text(SAPO_PAGE.replace('<h2 class="detail-sapo">', '<p class="x">'), "utf-8")
    _raw, article = read_article(page, PurePath(page.name))
    assert [article.lede, *(p.text for p in article.paragraphs)].count(SAPO) == 1


CLIP = """---
title: "Việt Nam và Nhật Bản ký kết hợp tác đào tạo điều dưỡng"
source: "https://vnexpress.net/viet-nam-nhat-ban-dao-tao-dieu-duong-4890000.html"
author:
  - "[[Lê Nga]]"
published: 2025-12-01
created: 2025-12-02
description: "Bộ Y tế hai nước ký biên bản ghi nhớ đào tạo 500 điều dưỡng."
tags:
  - "clippings"
---
# Việt Nam và Nhật Bản ký kết hợp tác đào tạo điều dưỡng

**Bộ Y tế hai nước ký biên bản ghi nhớ đào tạo 500 điều dưỡng trong ba năm tới.**

![Lễ ký kết tại Hà Nội](https://i1-suckhoe.vnecdn.net/2025/12/01/anh.jpg)

Lễ ký kết diễn ra sáng 30/11, theo [thông cáo](https://moh.gov.vn/tin-tuc/123). Nhật Bản *hỗ trợ* học bổng.

> "Đây là bước tiến quan trọng trong hợp tác nhân lực y tế", Thứ trưởng Trần Văn Thuấn nói.
"""


def test_a_web_clippers_markdown(tmp_path: Path) -> None:
    """A page clipped to Markdown (Obsidian's web clipper): its front matter's
    names for the fields, links as their text, images in the report."""
    path = tmp_path / "clip.md"
    path.write_text(CLIP, "utf-8")
    raw, article = read_article(path, PurePath(path.name))
    assert unaccounted(raw, article) == []
    meta = article.meta
    assert (article.title, meta.author, meta.outlet) == (
        "Việt Nam và Nhật Bản ký kết hợp tác đào tạo điều dưỡng",
        "Lê Nga",
        "VnExpress",
    )
    assert meta.url.startswith("https://vnexpress.net/") and meta.date is not None
    assert (meta.date.iso(), str(meta.accessed)) == ("2025-12-01", "2025-12-02")
    assert article.lede == "Bộ Y tế hai nước ký biên bản ghi nhớ đào tạo 500 điều dưỡng trong ba năm tới."
    assert [p.text for p in article.paragraphs] == [
        "Lễ ký kết diễn ra sáng 30/11, theo thông cáo. Nhật Bản hỗ trợ học bổng.",
        '"Đây là bước tiến quan trọng trong hợp tác nhân lực y tế", Thứ trưởng Trần Văn Thuấn nói.',
    ]
    assert {d.text for d in article.dropped} >= {"https://moh.gov.vn/tin-tuc/123"}
    assert not article.problems


def test_a_cms_account_is_not_the_author(tmp_path: Path) -> None:
    page = tmp_path / "wp.html"
    html_page = SAPO_PAGE.replace("</head>", '<meta name="author" content="bởi admin"></head>').replace(
        '<p class="author">Thùy Chi</p>', "<p>Thùy Chi</p>"
    )
    page.write_text(html_page, "utf-8")
    _raw, article = read_article(page, PurePath(page.name))
    assert article.meta.author != "Bởi Admin" and "admin" not in article.meta.author.lower()


def test_an_override_settles_a_problem_by_its_kind_not_its_words(tmp_path: Path) -> None:
    import dataclasses

    from briefbook.core.records import Problem, ProblemKind
    from briefbook.read.overrides import apply_overrides

    _, article = read_article(SEED, PurePath(SEED.name))
    assert ProblemKind.NO_DATE in {p.kind for p in article.problems}  # the seed has no date line
    name = PurePath(SEED.name)
    worded = [
        Problem(name, "no date found"),  # a message that happens to read so, about something else
        Problem(name, "không tìm thấy ngày đăng", kind=ProblemKind.NO_DATE),
        Problem(name, "không tìm thấy tác giả", kind=ProblemKind.NO_AUTHOR),
    ]
    article = dataclasses.replace(article, problems=tuple(worded))
    settled = apply_overrides(article, {"date": "2025-11-02", "outlet": "Báo Thanh niên"}, name)
    assert [p.message for p in settled.problems] == ["no date found", "không tìm thấy tác giả"]


def test_overrides_are_a_frozen_record_and_later_layers_win() -> None:
    import dataclasses

    import pytest

    from briefbook.read.overrides import Overrides, parse_overrides

    front, _ = parse_overrides("title: Tiêu đề\nauthor: Duy Tính\n", PurePath("a.txt"))
    sidecar, _ = parse_overrides("title: Tiêu đề đã sửa\n", PurePath("a.yaml"))
    assert isinstance(front, Overrides)
    with pytest.raises(TypeError):
        front.fields["title"] = "x"  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        front.fields = {}  # type: ignore[misc]
    both = Overrides.layered({"outlet": "Báo trang"}, front, sidecar)
    assert dict(both) == {"outlet": "Báo trang", "title": "Tiêu đề đã sửa", "author": "Duy Tính"}


def _clip(name: str) -> Article:
    path = Path(__file__).resolve().parent / "fixtures" / "reader" / "articles" / name
    return read_article(path, PurePath(name))[1]


def test_a_clippers_front_matter_is_weighed_like_a_saved_pages_metadata() -> None:
    """Clippings made by real tools from the reader corpus's saved pages
    (Obsidian Web Clipper's front matter): the site or its owner as
    ``author`` is no writer, a byline gives its writer, the site's slogan as
    ``title`` gives way to the headline, and empty fields say nothing."""
    assert _clip("dantri_markdown_lich-nghi-tet-2013.md").meta.author == "Quang Phong - Tùng Nguyên"
    assert _clip("24h_markdown_lo-luyen-thi-cong-chuc-han-quoc.md").meta.author == "Sầm Hoa"
    ione = _clip("ione_markdown_kho-hanh-vi-bot-la.md")
    assert ione.title == "Những người khổ hạnh vì bớt lạ"
    assert not [p.message for p in ione.problems if "override" in p.message]


def test_an_editors_front_matter_is_the_editors_word(tmp_path: Path) -> None:
    path = tmp_path / "bai.md"
    path.write_text("---\ntitle: Hội thảo\nauthor: Ban biên tập\n---\n" + SEED.read_text("utf-8"), "utf-8")
    article = read_article(path, PurePath("bai.md"))[1]
    assert (article.title, article.meta.author) == ("Hội thảo", "Ban biên tập")


@pytest.mark.parametrize(
    ("stamp", "shown"),
    [
        # A crawl's UTC stamp (GitHub leduchuy20/crawl_news: "published_at ... ISO 8601 UTC"):
        # past five in the afternoon in UTC it is the next day in Vietnam.
        ("2026-02-26T18:33:53+00:00", "2026-02-27T01:33"),
        ("2026-02-26T12:33:53+00:00", "2026-02-26T19:33"),
        ("2026-02-26T18:33:53Z", "2026-02-27T01:33"),
        # Any other zone is its writer's (a clipper's "+08:00" over VnExpress's 17:34).
        ("2019-02-18T17:34:20+08:00", "2019-02-18T17:34"),
        ("2024-05-22T22:00:00+07:00", "2024-05-22T22:00"),
        # No zone: as written.
        ("2025-11-02T09:21", "2025-11-02T09:21"),
    ],
)
def test_a_moment_stamped_in_utc_is_dated_by_vietnams_clock(stamp: str, shown: str) -> None:
    from briefbook.read.overrides import apply_overrides

    _, article = read_article(SEED, PurePath(SEED.name))
    dated = apply_overrides(article, {"date": stamp}, PurePath(SEED.name))
    assert dated.meta.date is not None
    assert dated.meta.date.iso() == shown
    assert dated.meta.date.raw == stamp
