"""The outlet a page names, weighed by agreement with its address
(briefbook.read.sitename); the lines are real pages' lines of the reader corpus."""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest

from briefbook.book import load_source, parse_source
from briefbook.read.metadata import parse_byline
from briefbook.read.sitename import SiteClues, choose_outlet, copyright_holder, spells_site

CORPUS = Path(__file__).resolve().parent / "fixtures" / "reader" / "articles"


def _outlet(name: str) -> str:
    path = CORPUS / name
    _, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    return article.meta.outlet


@pytest.mark.parametrize(
    ("line", "holder"),
    [
        ("© 2003-2011, Báo Thanh Niên", "Báo Thanh Niên"),
        ("© Copyright 2010 iOne.net, All rights reserved", "iOne.net"),
        ("Copyright © Zing, Thư điện tử: ZingNews@vng.com.vn", "Zing"),
        (
            "Chuyên mục văn hoá giải trí của VnExpress. © 2012 Ngoisao.net, Tầng 5, Tòa nhà FPT Cầu Giấy",
            "Ngoisao.net",
        ),
        ("Công ty cổ phần Truyền Thông Việt Nam - Vccorp", ""),
        ("© Công ty Cổ phần Truyền thông Việt Nam", ""),
        ("Bản quyền sáng chế là rào cản lớn nhất với thuốc generic.", ""),
        # Held-out 4's pages (2025): the owner after "thuộc", the first of two names.
        (
            "Bản quyền thuộc Báo Điện tử Chính phủ - Cổng Thông tin điện tử Chính phủ.",
            "Báo Điện tử Chính phủ",
        ),
        ("® Bản quyền thuộc Báo điện tử Bảo vệ pháp luật", "Báo điện tử Bảo vệ pháp luật"),
        # Held-out 2's plo.vn pages: the holder before "giữ bản quyền", not the words after it.
        ("Pháp Luật TP.HCM giữ bản quyền nội dung trên Website này.", "Pháp Luật TP.HCM"),
    ],
)
def test_a_copyright_line_names_its_holder_not_a_company(line: str, holder: str) -> None:
    assert copyright_holder(line) == holder


@pytest.mark.parametrize(
    ("name", "label", "spelt"),
    [
        ("GenK", "genk", True),
        ("Ngôi Sao", "ngoisao", True),
        ("Người Lao Động", "nld", True),
        ("Tin tức 24h", "24h", True),
        ("Zing News", "zing", True),
        ("iOne.net", "ione", True),
        ("Xã hội", "zing", False),
        ("Internet", "genk", False),
        ("Hà Nội", "hanoimoi", False),
    ],
)
def test_a_site_name_spells_its_host(name: str, label: str, spelt: bool) -> None:
    assert spells_site(name, label) is spelt


def test_the_name_that_spells_the_address_beats_the_section_and_the_owner() -> None:
    clues = SiteClues(
        url="http://genk.vn/internet/amazon-ke-lao-luyen-day-chien-luoc-trong-cuoc-chien-cong-nghe.chn",
        names=("Amazon: Kẻ lão luyện đầy chiến lược trong cuộc chiến công nghệ", "Internet", "GenK"),
        declared=("Công ty cổ phần Truyền Thông Việt Nam - Vccorp",),
    )
    assert choose_outlet(clues) == "GenK"


def test_the_paper_an_article_was_taken_from_is_its_source() -> None:
    byline = parse_byline("Theo Minh Nguyễn/Vcamp.vn")
    assert byline is not None
    assert (byline.author, byline.outlet, byline.source) == ("Minh Nguyễn", "", "Vcamp.vn")
    clues = SiteClues(
        furniture=("Theo Minh Nguyễn/Vcamp.vn", "Truy cập bản di động của GenK tại địa chỉ: m.GenK.vn"),
        foreign=("Vcamp.vn",),
    )
    assert choose_outlet(clues) == "GenK"


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        # A saved page without og:site_name: its title's part that spells genk.vn, not trafilatura's
        # site name (the owner, "Công ty cổ phần Truyền Thông Việt Nam - Vccorp").
        ("genk_html_amazon-chien-luoc.html", "GenK"),
        # The article area copied: the footer's "m.GenK.vn", not the paper it was taken from.
        ("genk_article_amazon-chien-luoc.txt", "GenK"),
        # The lede's "(TNO)" without a dash.
        ("thanhnien_article_bong-hong-buon-ma-tuy.txt", "Báo Thanh Niên"),
        # trafilatura's site name is the copyright line ("2003-2011, Báo Thanh Niên").
        ("thanhnien_html_bong-hong-buon-ma-tuy.html", "Báo Thanh Niên"),
        # The whole page without an address: its masthead spells the host its footer writes out.
        ("ngoisao_page_hoa-hau-hoan-vu-2011.txt", "Ngôi Sao"),
        # An aggregator's address (baomoi.com): the byline's paper ("Kim Dung/VOV-TP.HCM").
        ("vov_dump_cu-tri-thuoc-gia-hang-gia.txt", "Đài Tiếng nói Việt Nam"),
    ],
)
def test_real_pages_name_their_outlet(name: str, outlet: str) -> None:
    assert _outlet(name) == outlet


HELDOUT3 = Path(__file__).resolve().parent / "fixtures" / "reader_heldout3" / "articles"


def _record(name: str) -> tuple[str, str, tuple[str, ...]]:
    path = HELDOUT3 / name
    _, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    return article.meta.outlet, article.lede, tuple(d.text for d in article.dropped)


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        # Records of a baomoi.com crawl: the address is the aggregator's, the dateline the paper's.
        ("kienthuc_dump_doat-mang-ban-than-vi-anh-nude.txt", "Kiến Thức"),
        ("megafun_dump_rooney-tat-welbeck.txt", "MegaFun"),
        ("vtcnews_dump_anh-thuy-x-factor.txt", "VTC News"),
        ("congly_dump_hoang-thuy-linh-harry-lu.txt", "Công lý"),  # "Congly.vn - ..."
        ("giadinhnet_dump_dong-gia-phu-huynh-bat-coc-hoc-sinh.txt", "Gia đình & Xã hội"),  # "GiadinhNet - "
    ],
)
def test_an_aggregators_address_yields_to_the_papers_dateline(name: str, outlet: str) -> None:
    assert _record(name)[0] == outlet


def test_an_aggregators_address_yields_to_the_source_line_without_a_dateline() -> None:
    # A 2025 baomoi.com record (held-out 4): no dateline, "Theo Cổng TTĐT Công an tỉnh" last.
    path = (
        HELDOUT3.parent.parent
        / "reader_heldout4"
        / "articles"
        / "conganbacgiang_dump_gay-roi-khu-cong-nghiep-van-trung-2.txt"
    )
    _, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    assert article.meta.outlet == "Cổng TTĐT Công an tỉnh"


@pytest.mark.parametrize(
    "name",
    [
        "baochinhphu_page_text_diem-chuan-bach-khoa-ha-noi-2025.txt",
        "baochinhphu_page_text_diem-chuan-dai-hoc-cong-nghe-2025.txt",
    ],
)
def test_a_page_without_its_address_is_its_copyright_holders(name: str) -> None:
    # Whole pages of baochinhphu.vn copied as text (held-out 4), no address: every lede
    # opens "(Chinhphu.vn) -", the desk's mark; the footer's "Bản quyền thuộc Báo Điện tử
    # Chính phủ - Cổng ..." names the paper that published the page.
    path = HELDOUT3.parent.parent / "reader_heldout4" / "articles" / name
    _, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    assert article.meta.outlet == "Báo Điện tử Chính phủ"


def test_a_dateline_is_a_papers_domain_or_a_camel_case_name() -> None:
    from briefbook.read.reader import _dateline_outlet

    assert _dateline_outlet("Congly.vn - Các diễn viên trong bộ phim") == "Congly.vn"
    assert _dateline_outlet("GiadinhNet - Sáng nay") == "GiadinhNet"
    assert _dateline_outlet("(Kienthuc.net.vn) - Nghi phạm") == "Kienthuc.net.vn"
    assert _dateline_outlet("Hà Nội - Sáng nay") == ""  # a place
    assert _dateline_outlet("Theo đó - các bệnh viện") == ""  # words of a sentence


def test_a_breadcrumb_of_two_parts_is_no_lede() -> None:
    outlet, lede, dropped = _record("congluan_dump_95-ti-dong-bi-danh-cap.txt")
    assert "Tin tức > Nhà đất" in dropped
    assert lede.startswith("(Congluan.vn) - Công ty Tài chính")
    assert outlet == "Báo Nhà báo và Công luận"


def test_a_comparison_is_no_breadcrumb() -> None:
    from briefbook.read.boilerplate import load_boilerplate

    bp = load_boilerplate()
    assert bp.debris_reason("Tin tức > Nhà đất") is not None
    assert bp.debris_reason("Tỷ lệ bao phủ > 95% dân số") is None
    assert bp.debris_reason("Nhóm tuổi > 60, chiếm 12%") is None


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://baobinhphuoc.com.vn/news/19/151234/tin.html", "Báo Bình Phước"),
        ("https://baohaugiang.com.vn/y-te/tin.html", "Báo Hậu Giang"),
        ("https://baocaobang.vn/tin.html", "Báo Cao Bằng"),
        ("https://baomoi.com/tin.epi", "Báo Mới"),  # in the table: no province
    ],
)
def test_a_provincial_papers_address_spells_its_province(url: str, outlet: str) -> None:
    assert choose_outlet(SiteClues(url=url)) == outlet


def _without(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """The outlet table without the outlets named so: what the reader does on an outlet it has never met."""
    import sys

    from briefbook.core.outlets import OutletTable, load_outlets

    table = OutletTable.of(o for o in load_outlets().outlets if o.name not in names)
    for module in list(sys.modules.values()):
        if getattr(module, "load_outlets", None) is load_outlets:
            monkeypatch.setattr(module, "load_outlets", lambda: table)


def test_copyright_holder_before_the_mark_and_the_years() -> None:
    # nld.com.vn's footer (2012): the holder, then "©" and the years.
    line = "Bản quyền thuộc về Báo Người Lao Động © 2001 - 2011."
    assert copyright_holder(line) == "Báo Người Lao Động"
    assert copyright_holder("Báo Người Lao Động © 2001 - 2011") == "Báo Người Lao Động"
    assert copyright_holder("© 2001 - 2011") == ""


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("nld_page_thieu-tien-hui.txt", "Báo Người Lao Động"),  # "(NLĐO) -" and the footer's holder
        ("nld_markdown_page_thieu-tien-hui.md", "Báo Người Lao Động"),
        (
            "thanhnien_page_bong-hong-buon-ma-tuy.txt",
            "Báo Thanh Niên",
        ),  # "TNO" (not the menu's "Trắc nghiệm")
    ],
)
def test_an_unknown_papers_dateline_is_spelt_out_by_the_page(
    monkeypatch: pytest.MonkeyPatch, name: str, outlet: str
) -> None:
    # The paper left out of the table: its dateline's abbreviation is the initials of
    # the copyright holder's name (the word for its kind and "Online" aside).
    _without(monkeypatch, "Báo Người Lao Động", "Báo Thanh Niên")
    assert _outlet(name) == outlet


def test_an_unknown_papers_name_is_the_part_that_spells_its_address(monkeypatch: pytest.MonkeyPatch) -> None:
    _without(monkeypatch, "VnExpress", "Báo điện tử VOV", "Đài Tiếng nói Việt Nam")
    # A tagline or a section around the name the address spells (vnexpress.net's titles).
    for declared in ("Tin nhanh VnExpress", "VnExpress Đời sống", "* VnExpress"):
        clues = SiteClues(declared=(declared,), url="http://vnexpress.net/tin-tuc/doi-song/a.html")
        assert choose_outlet(clues) == "VnExpress", declared
    # A byline's paper and its bureau ("Thiên Lý/VOV - TP.HCM", "Kim Dung/VOV-TP.HCM").
    for byline in ("VOV - TP.HCM", "VOV-TP.HCM", "VOV-Miền Trung"):
        assert choose_outlet(SiteClues(byline=byline, url="https://baomoi.com/a.epi")) == "VOV", byline


@pytest.mark.parametrize(
    ("name", "masthead", "paper"),
    [
        ("sggp_dump_bo-truong-giam-tai-benh-vien.txt", "SGGP", "Báo Sài Gòn Giải Phóng"),
        ("skds_dump_thieu-100000-dieu-duong.txt", "SK&ĐS", "Báo Sức khỏe & Đời sống"),
        ("cand_dump_tre-so-sinh-900-gam.txt", "CAND", "Báo Công an Nhân dân"),
    ],
)
def test_an_unknown_papers_short_name_under_a_crawls_tags_is_its_outlet(
    monkeypatch: pytest.MonkeyPatch, name: str, masthead: str, paper: str
) -> None:
    # A crawl of 2013 ends each record with its date, section, tags
    # ("Bệnh viện,Giảm tải,...") and the paper's short name: with the paper
    # left out of the table, that name is still the outlet, not the page's bottom.
    _without(monkeypatch, paper)
    _raw, article = parse_source(load_source(CORPUS / name, PurePath(name)))
    assert article.meta.outlet == masthead
    assert masthead not in [p.text for p in article.paragraphs]


@pytest.mark.parametrize(
    ("declared", "url"),
    [
        # A fresh-eyes review: names the table knows were cut to the words that spell the address.
        ("VTC News", "https://vtc.vn/a.html"),
        ("Công an TP.HCM", "http://congan.com.vn/a.html"),
        ("Gia đình & Xã hội", "http://giadinh.net.vn/a.html"),
        ("Bệnh viện Bạch Mai", "http://bachmai.gov.vn/a.html"),
    ],
)
def test_a_known_outlets_declared_name_is_not_cut(declared: str, url: str) -> None:
    assert choose_outlet(SiteClues(declared=(declared,), url=url)) == declared


def test_a_place_written_with_a_dash_is_no_bureau() -> None:
    clues = SiteClues(declared=("Báo Thừa Thiên - Huế",), url="http://baothuathienhue.vn/a.html")
    assert "Huế" in choose_outlet(clues)


@pytest.mark.parametrize(
    "line", ["Tổng biên tập: Lê Văn A © 2024", "Về đầu trang © 2024", "Powered by WordPress © 2024"]
)
def test_words_before_a_mark_are_no_holder_unless_a_name(line: str) -> None:
    assert copyright_holder(line) == ""


def test_an_english_edition_is_named_by_its_own_row() -> None:
    # The English edition's address and names had been the Vietnamese paper's aliases.
    assert choose_outlet(SiteClues(url="https://english.thesaigontimes.vn/a/")) == "The Saigon Times"
    assert choose_outlet(SiteClues(url="https://thesaigontimes.vn/a/")) == "Kinh tế Sài Gòn"
