"""Rules found by the eighth held-out set (``reader_heldout8``: saved pages of
four outlets and Jekyll posts of a news feed bot, ``nguyenvulebinh/trends``, of
nine outlets no other corpus holds), tested on its real articles; these rules
were written on that set, which is in sample for them (its RESULTS.md)."""

from __future__ import annotations

from pathlib import Path, PurePath

from briefbook.analyse.audit import unaccounted
from briefbook.core.records import RawText, Reason
from briefbook.folder import load_source, parse_source
from briefbook.read.metadata import Byline, parse_byline, parse_source_line
from briefbook.read.reader import parse_article
from briefbook.read.reader.signlines import theo_writer

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "reader_heldout8" / "articles"


def _read(name: str):  # type: ignore[no-untyped-def]
    return parse_source(load_source(ARTICLES / name, PurePath(name)))


def test_a_caption_or_a_headline_run_into_its_sapo_completes_no_cut_title() -> None:
    # "... Ủy ban Kiểm tra Trung ương. (Ảnh: UBKTTW)": the photo's caption starts like the headline.
    _, article = _read("laodongthudo_jekyll_clip_thieu-tuong-vu-hong-van.md")
    assert article.title == "Thiếu tướng Vũ Hồng Văn làm Phó Chủ nhiệm Ủy ban Kiểm tra ..."
    # "... sau COVID-19 Các trường hợp ... với tỷ lệ cao.": the headline run into the sapo.
    _, article = _read("nguoiquansat_jekyll_clip_dich-benh-congo.md")
    assert article.title == "Dịch bệnh lạ ở Congo khiến hàng trăm người chết vẫn chưa xác ..."


def test_the_headline_the_address_spells_is_cut_off_the_sapo_it_runs_into() -> None:
    raw, article = _read("nguoiquansat_jekyll_clip_dich-benh-congo.md")
    assert article.lede.startswith("Các trường hợp mắc dịch bệnh có triệu chứng sốt")
    assert unaccounted(raw, article) == []


def test_the_site_named_after_a_link_line_s_headline_is_not_the_title_s() -> None:
    _, article = _read("baolangson_jekyll_clip_xoi-la-sau-sau.md")
    assert article.title == "Độc đáo hương vị xôi lá sau sau"


def test_a_labelled_byline_gives_the_writer_initials_and_a_doctor_s_name() -> None:
    assert parse_byline("Tin, ảnh: P.Y") == Byline("P.Y")
    assert parse_byline("P.Y") is None  # initials alone, without a credit's label: no name
    vinmec = (
        "Bài viết được viết bởi TS.BS Phan Nguyễn Thanh Bình - Trưởng khoa Dinh dưỡng - Tiết chế - Khoa Nhi"
        " - Sơ sinh, Bệnh viện Đa khoa Quốc tế Vinmec Central Park"
    )
    assert parse_byline(vinmec) == Byline("Phan Nguyễn Thanh Bình")
    # On the saved pages: the line under the headline, and the signature under the text.
    _, article = _read("vinmec_html_dinh-duong-dai-thao-duong.html")
    assert article.meta.author == "Phan Nguyễn Thanh Bình"
    assert not any("viết bởi" in p.text for p in article.paragraphs)
    _, article = _read("baocantho_html_tap-trung-thanh-tra-kiem-tra.html")
    assert article.meta.author == "P.Y"


def test_a_teaser_card_all_one_link_to_another_article_is_no_part_of_the_text() -> None:
    # Znews: <a href="...ky-luc-moi-cua-gia-vang-post1613421.html"><h2>Kỷ lục mới của giá vàng</h2>
    # <p class="summary">...</p> <span>17 giờ trước</span></a>, three of them inside the article.
    _, article = _read("znews_html_gia-vang-cao-nhat-moi-thoi-dai.html")
    texts = [p.text for p in article.paragraphs]
    assert not any(t.startswith(("Trong phiên giao dịch chiều 22/12", "Sau cú giảm")) for t in texts)
    assert any(t.startswith("Đối với các kim loại khác, giá bạch kim") for t in texts)


def test_what_the_photo_shows_and_the_sources_compiled_from_are_not_the_text() -> None:
    assert parse_source_line("*Tổng hợp: VTV.vn, Báo Sức khỏe & Đời sống, WHO, Africa CDC, Hãng tin AP") == (
        "VTV.vn, Báo Sức khỏe & Đời sống, WHO, Africa CDC, Hãng tin AP"
    )
    assert parse_source_line("Tổng hợp: Theo đó, giá vàng tăng 12% so với đầu năm, cao nhất từ trước") is None
    _, article = _read("nguoiquansat_jekyll_clip_dich-benh-congo.md")
    texts = [p.text for p in article.paragraphs]
    assert not any("(Trong ảnh: Sân bay quốc tế Hong Kong)" in t for t in texts)
    assert not any(t.startswith("*Tổng hợp") for t in texts)
    assert article.meta.source.startswith("VTV.vn")


def test_a_picture_alone_in_its_paragraph_has_its_caption_in_the_italic_paragraph_after() -> None:
    # Báo Cần Thơ: <p><img ...></p> <p style="text-align: center;"><em><span>Chủ tịch ...</span></em></p>.
    _, article = _read("baocantho_html_tap-trung-thanh-tra-kiem-tra.html")
    caption = (
        "Chủ tịch UBND TP Cần Thơ Trương Cảnh Tuyên, cùng lãnh đạo Thanh tra thành phố tham dự hội nghị."
    )
    assert caption not in [p.text for p in article.paragraphs]
    assert any(p.text.startswith("Trong công tác tiếp công dân") for p in article.paragraphs)


def test_theo_and_a_person_s_name_under_the_text_is_the_writer_not_a_source() -> None:
    assert theo_writer("Theo Phạm Trang") == "Phạm Trang"
    assert theo_writer("Theo Tri Thức Trẻ") == ""  # a paper: no surname opens its name
    assert theo_writer("Theo Thanh Niên") == ""
    _, article = _read("cafebiz_jekyll_clip_chang-trai-tiet-kiem.md")
    assert (article.meta.author, article.meta.source) == ("Phạm Trang", "")


def test_what_the_photo_shows_in_brackets_is_a_caption_s_words_and_leaves_no_space() -> None:
    # "... của châu Phi (Trong ảnh: Sân bay quốc tế Hong Kong)": no photo's credit.
    _, article = _read("nguoiquansat_jekyll_clip_dich-benh-congo.md")
    shown = [d for d in article.dropped if d.text == "(Trong ảnh: Sân bay quốc tế Hong Kong)"]
    assert [d.reason for d in shown] == [Reason.CAPTION_LINE]
    # The rule's edge (a line written for it): cut inside a sentence, no " ." is left.
    from briefbook.read.boilerplate import load_boilerplate
    from briefbook.read.inline import clean_paragraph

    line = "Hong Kong tăng cường kiểm tra (Trong ảnh: Sân bay quốc tế Hong Kong). Hành khách khai báo y tế."
    cleaned = clean_paragraph(line, load_boilerplate())
    assert cleaned.text == "Hong Kong tăng cường kiểm tra. Hành khách khai báo y tế."
    # And the audit still finds every character of the line.
    title = "Hong Kong siết kiểm tra các chuyến bay đến từ châu Phi"
    text = f"{title}\n\n{line}\n\nCác chuyến bay được theo dõi chặt chẽ hơn.\n"
    raw = RawText(PurePath("a.txt"), text, "utf-8")
    article = parse_article(raw)
    assert article.lede == cleaned.text
    assert unaccounted(raw, article) == []
