"""A site generator's post of a news feed (Jekyll front matter, the item's
link line, its picture, the feed's snippet, the page's text): the headline,
the address and the date its fields and first lines agree on (real posts of
the sixth held-out set, ``nguyenvulebinh/trends``; these rules were written on
that set, which is in sample for them)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePath

from briefbook.analyse.audit import unaccounted
from briefbook.folder import load_source, parse_source
from briefbook.read.overrides import apply_overrides, parse_overrides

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "reader_heldout6" / "articles"


def _read(name: str):  # type: ignore[no-untyped-def]
    return parse_source(load_source(ARTICLES / name, PurePath(name)))


def test_a_feed_date_in_rfc_2822_is_the_day_its_zone_saw() -> None:
    _, article = _read("tamanh_jekyll_clip_tu-mau-ngoai-mang-tuy.md")
    assert article.meta.date is not None and article.meta.date.date == dt.date(2024, 8, 23)
    # "Sun, 23 Feb 2025 01:00:00 +0700" is 22 February in UTC: the post's own day stands.
    _, article = _read("vietnamnews_jekyll_clip_universities-sci-tech-talent.md")
    assert article.meta.date is not None and article.meta.date.date == dt.date(2025, 2, 23)


def test_an_rfc_2822_front_matter_date_of_an_editor_too() -> None:
    fields, problems = parse_overrides("date: Mon, 06 Jan 2025 09:30:00 +0700", PurePath("a.md"))
    assert not problems
    _, article = _read("thanhtra_jekyll_clip_timor-leste-hinh-mau.md")
    changed = apply_overrides(article, fields, PurePath("a.md"))
    assert changed.meta.date is not None and changed.meta.date.date == dt.date(2025, 1, 6)
    # Not a date: left as a warning, as before.
    bad, _ = parse_overrides("date: Thu, 04 Apr 2024 00 00 00 +0700", PurePath("a.md"))
    assert apply_overrides(article, bad, PurePath("a.md")).meta.date == article.meta.date


def test_no_line_of_a_feed_post_is_lost() -> None:
    for path in sorted(ARTICLES.glob("*.md")):
        raw, article = _read(path.name)
        assert unaccounted(raw, article) == [], path.name


def test_the_headline_is_the_link_line_the_front_matter_title_ends_with() -> None:
    # title: " [Bệnh viện Việt] Đang đi du lịch ..." over "[Đang đi du lịch ...](https://tamanhhospital.vn/...)"
    _, article = _read("tamanh_jekyll_clip_tu-mau-ngoai-mang-tuy.md")
    assert article.title == "Đang đi du lịch Thái Lan, trở về Việt Nam cấp cứu do bệnh hiếm"
    assert (
        article.meta.url
        == "https://tamanhhospital.vn/dang-di-du-lich-thai-lan-tro-ve-viet-nam-cap-cuu-do-benh-hiem/"
    )
    # The page's description under the picture is the sapo, not a title line to throw away.
    assert article.lede is not None
    assert article.lede.startswith("Ông Doanh 64 tuổi, phải cấp cứu tại BVĐK Tâm Anh")
    # The address names the outlet the table knows.
    _, article = _read("baocantho_jekyll_clip_dhyd-can-tho-trao-bang.md")
    assert article.meta.outlet == "Báo Cần Thơ"
    assert article.lede is not None and article.lede.startswith("(CT) - Lễ tốt nghiệp và trao bằng")


def test_a_headline_the_feed_cut_short_is_the_text_line_it_begins() -> None:
    _, article = _read("baothanhhoa_jekyll_clip_astrazeneca-thu-hoi-vaccine.md")
    assert article.title == "AstraZeneca thu hồi vaccine: Việt Nam đã tiêm mũi cuối trước tháng 7/2023"
    # Cut, and no line of the text continues it: the title as the feed gives it.
    _, article = _read("bocongan_jekyll_clip_trao-quyet-dinh-thu-truong.md")
    assert article.title == "Trung tướng Phạm Thế Tùng và Thiếu tướng Nguyễn Ngọc Lâm giữ ..."
    assert article.lede is not None and article.lede.startswith("Sáng 17/7/2024, tại Hà Nội")


def test_the_snippet_cut_from_the_text_is_not_kept() -> None:
    # "(ANTV) - Chiều 3/10, ... vì bị mắc cúm ..." over the sapo it was cut from.
    _, article = _read("antv_jekyll_clip_tieu-huy-ho-cum-h5n1.md")
    texts = [article.lede or "", *(p.text for p in article.paragraphs)]
    assert not any(t.endswith(" ...") for t in texts)
    assert texts[0].startswith("(ANTV) - Chiều 3/10") and texts[0].endswith("sang các loài mẫn cảm khác.")
    # A snippet of a sentence the text does not hold whole, set before the text.
    _, article = _read("thanhtra_jekyll_clip_timor-leste-hinh-mau.md")
    assert not (article.lede or "").endswith(" ...")
    assert not any(p.text.endswith(" ...") for p in article.paragraphs)


def test_an_archive_photos_credit_ends_a_caption() -> None:
    # "... phát biểu tại Geneva, Thụy Sĩ. Ảnh tư liệu: AFP/TTXVN"
    _, article = _read("hatinh_jekyll_clip_who-khan-cap-dau-mua-khi.md")
    assert not any("Ảnh tư liệu" in p.text for p in article.paragraphs)
    assert any(p.text.startswith("Theo số liệu của CDC châu Phi") for p in article.paragraphs)


def test_an_office_that_signs_the_text_is_no_author_and_no_paragraph() -> None:
    _, article = _read("nhitrunguong_jekyll_clip_ngay-tim-bam-sinh.md")
    assert article.meta.author == ""
    assert not any("Phòng Thông tin điện tử" in p.text for p in article.paragraphs)
    assert article.paragraphs[-1].text.startswith("Thông qua việc Hưởng ứng Ngày Tim bẩm sinh Thế Giới")
    # A last sentence about an office stays text.
    from briefbook.read.reader.signlines import unit_signature

    assert unit_signature("Phòng Công tác xã hội")
    assert not unit_signature("Phòng Khám đa khoa khu vực đã tiếp nhận 200 ca.")
    assert not unit_signature("Phòng chống dịch bệnh mùa đông")


def test_hospital_ministry_and_provincial_portals_are_named_not_spelt_from_their_domain() -> None:
    names = {
        "tamanh_jekyll_clip_tu-mau-ngoai-mang-tuy.md": "Bệnh viện Đa khoa Tâm Anh",
        "nhitrunguong_jekyll_clip_ngay-tim-bam-sinh.md": "Bệnh viện Nhi Trung ương",
        "medlatec_jekyll_clip_3-tre-mac-cum-a.md": "MEDLATEC",
        "bocongan_jekyll_clip_trao-quyet-dinh-thu-truong.md": "Cổng Thông tin điện tử Bộ Công an",
        "hatinh_jekyll_clip_who-khan-cap-dau-mua-khi.md": "Cổng Thông tin điện tử tỉnh Hà Tĩnh",
        "daklak_jekyll_clip_cum-lien-hiep-huu-nghi.md": "Cổng Thông tin điện tử tỉnh Đắk Lắk",
        "dongthap_jekyll_clip_du-an-tieng-anh-tin-hoc.md": "Cổng Thông tin điện tử tỉnh Đồng Tháp",
        "consosukien_jekyll_clip_benh-vien-da-khoa-lao-cai.md": "Con số và Sự kiện",
    }
    for name, outlet in names.items():
        assert _read(name)[1].meta.outlet == outlet, name


def test_a_box_labelled_with_the_headline_is_no_paragraph() -> None:
    _, article = _read("evnexpress_jekyll_clip_u23-best-goals.md")
    assert not any(p.text.startswith(article.title) for p in article.paragraphs)
    assert any(
        p.text.startswith("Khang said that in addition to regular practice") for p in article.paragraphs
    )
    # A paragraph may open with a short headline's words: "Giá vàng hôm nay tăng ..."
    from briefbook.read.reader.body import _under_title_label

    assert not _under_title_label("Giá vàng hôm nay tăng mạnh ở mọi thương hiệu.", "Giá vàng hôm nay")


def test_a_bodys_initials_before_a_dash_are_no_teasers_dateline() -> None:
    # "... the Vietnam National University (VNU) - Hồ Chí Minh City (VNU-HCM), ...": the text's.
    _, article = _read("vietnamnews_jekyll_clip_universities-sci-tech-talent.md")
    assert any(p.text.startswith("At the forefront of this movement") for p in article.paragraphs)
    # A teaser's headline with its paper's dateline is still one.
    from briefbook.read.reader.boxes import _is_teaser

    assert _is_teaser("Can Lộ Lộ làm hư giới người mẫu xe hơi Trung Quốc (Soha.vn) - Cô nàng đang vấp phải")
    assert _is_teaser("(TNO) Sáng nay, Bộ Y tế công bố ...")


def test_a_caption_that_says_again_what_the_paragraph_above_said_is_dropped() -> None:
    _, article = _read("bocongan_jekyll_clip_trao-quyet-dinh-thu-truong.md")
    texts = [p.text for p in article.paragraphs]
    assert not any(t.startswith("Thừa ủy quyền, Bộ trưởng Lương Tam Quang trao Quyết định") for t in texts)
    assert any(
        t.startswith("Thừa ủy quyền của Thủ tướng Chính phủ, đồng chí Bí thư Đảng ủy CATW") for t in texts
    )
    from briefbook.read.reader.captions import _echoes

    # A sub-heading of a few words may take its words from the paragraph above.
    above = "Môn Ngoại ngữ năm nay thêm phần tự luận, theo Bộ Giáo dục và Đào tạo, để đánh giá kỹ năng viết."
    assert not _echoes("Ngoại ngữ thêm phần tự luận", above)
    # A paragraph of two sentences adds one of its own.
    assert not _echoes(
        "Đoạn hai. " + above[:80], above + " Thêm một câu nữa để đoạn trên dài hơn hẳn đoạn dưới."
    )
    # A clause the text sets apart word for word is the text's own.
    assert not _echoes("theo Bộ Giáo dục và Đào tạo, để đánh giá kỹ năng viết.", above)
