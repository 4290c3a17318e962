"""Saved pages whose main text trafilatura gets wrong: the page read whole
(briefbook.read.pagetext) stands in (real pages of the reader corpus); pages
saved as one MHTML file."""

from __future__ import annotations

import shutil
from pathlib import Path, PurePath

from briefbook.book import load_source, parse_source
from briefbook.core.problems import ProblemKind
from briefbook.folder import find_articles, read_articles

CORPUS = Path(__file__).resolve().parent / "fixtures" / "reader"


def _read(stem: str) -> tuple[str, list[str]]:
    path = CORPUS / "articles" / f"{stem}.html"
    _, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    kept = " ".join(" ".join(t.split()) for t in (article.lede, *(p.text for p in article.paragraphs)))
    return kept, (CORPUS / "gold" / f"{stem}.body.txt").read_text("utf-8").splitlines()


def test_a_page_whose_main_text_is_another_text_is_read_whole() -> None:
    """trafilatura takes a box of the VnExpress reader-photo page for its main
    text; the article's own lines come from the page read whole."""
    kept, body = _read("vnexpress_html_dong-nuoc-doc-ha-noi")
    assert all(" ".join(line.split()) in kept for line in body)


def test_a_page_with_no_main_text_is_read_whole() -> None:
    """trafilatura finds no main text in the Người Lao Động page of 2012."""
    kept, body = _read("nld_html_thieu-tien-hui")
    found = sum(" ".join(line.split()) in kept for line in body)
    assert found >= 0.9 * len(body)


def test_a_paragraph_the_main_text_left_out_is_put_back_from_the_whole_page() -> None:
    """trafilatura leaves out a paragraph of the Dân trí page of 2012; the page
    read whole has it between two paragraphs the main text has."""
    kept, _ = _read("dantri_html_lich-nghi-tet-2013")
    assert "Các cơ quan, tổ chức không thực hiện lịch nghỉ cố định 2 ngày thứ Bảy" in kept


def test_the_sapo_and_a_paragraph_before_a_picture_left_out_are_put_back_in_order() -> None:
    """trafilatura's main text of the Dân trí page of 2012 starts after a
    picture: the sapo ("(Dân trí) - UBND Hà Nội ...") and the paragraph in a
    ``<DIV>`` of its own before the picture are lost. The page read whole has
    them before the main text's first paragraph; they are put back, in order,
    and the picture's caption between them is not."""
    path = CORPUS / "articles" / "dantri_html_lich-nghi-tet-2013.html"
    _, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    body = (CORPUS / "gold" / "dantri_html_lich-nghi-tet-2013.body.txt").read_text("utf-8").splitlines()
    assert article.lede.startswith("(Dân trí) - UBND Hà Nội vừa thông báo")
    assert [p.text for p in article.paragraphs] == body
    assert all("Hoa đào đem không khí Tết" not in p.text for p in article.paragraphs)


def test_a_picture_laid_out_as_a_table_keeps_its_caption_out_of_the_text() -> None:
    """VnExpress of 2013 sets each photo and its caption in a table; the
    caption ("... Ảnh: Bình Minh.") is no paragraph, nor are the table's pipes."""
    kept, body = _read("vnexpress_html_hoc-bong-dai-hoc-my")
    assert "Với Đức, vào được trường top 30 của Mỹ là một may mắn" not in kept
    assert "Năm 2011, Đức sang Thái Lan dự giải rubic quốc tế" not in kept
    assert "|" not in kept
    assert all(" ".join(line.split()) in kept for line in body)


def test_captions_boxed_with_their_pictures_are_not_text_whatever_their_shape() -> None:
    """Zing of 2012 boxes each photo and its caption in a table of its own;
    trafilatura gives the captions as lines like any other, some of them
    sentences ("Lượng người tập trung đông nghịt tại hang đá ở nhà thờ Cầu
    Rầm."). The markup says they are captions; the paragraphs around them stay."""
    kept, _ = _read("zing_html_nha-tho-dem-giang-sinh")
    assert "Bắt đầu từ 19h tối nhà thờ Cầu Rầm đã đông nghịt người" not in kept
    assert "Lượng người tập trung đông nghịt tại hang đá" not in kept
    assert "Tắc nghẽn nghiêm trọng quanh khu vực bờ hồ Hoàn Kiếm" not in kept
    assert "Ngay từ chập tối, tại điểm nhà thờ Cầu Rầm, TP. Vinh" in kept
    assert "Tương tự, tại điểm nhà thờ giáo xứ Vạn Lộc" in kept


def test_an_older_pages_photo_set_as_a_gif_in_blocks_inside_a_span_keeps_its_caption_out() -> None:
    """Người Lao Động of 2012: the photo is a ".gif" of width 500, its box a
    ``<span>`` holding the picture's ``<div>`` and the caption's ``<div>``
    ("Đặng Văn Trung trong phiên phúc thẩm"): a photo's size and a span of
    blocks, not an icon in a paragraph. The paragraphs around it stay."""
    kept, body = _read("nld_html_thieu-tien-hui")
    path = CORPUS / "articles" / "nld_html_thieu-tien-hui.html"
    _, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    assert "Đặng Văn Trung trong phiên phúc thẩm" not in [s.heading for s in article.sections]
    assert "Đặng Văn Trung trong phiên phúc thẩm" not in kept
    assert all(" ".join(line.split()) in kept for line in body)


def test_a_gif_without_a_photos_size_is_still_an_icon() -> None:
    """The rule's edge (markup written for the rule): a ".gif" whose markup
    gives no size, or a small one, boxes no caption."""
    from lxml import html

    from briefbook.read.picturebox import picture_captions

    tree = html.fromstring(
        "<html><body><div><div><img src='new.gif'>Tin mới nhất</div>"
        "<div><img src='dot.gif' width='300' height='8'>Chuyên mục</div></div></body></html>"
    )
    assert picture_captions(tree) == frozenset()


def test_a_credits_name_boxed_with_a_picture_is_still_the_byline() -> None:
    """VnExpress of 2013: a caption ends "Ảnh: <strong>Bình Minh</strong>" and the
    article is signed "Bình Minh": the name alone in the caption's box is no
    caption of its own, and the signature stays the author."""
    path = CORPUS / "articles" / "vnexpress_html_hoc-bong-dai-hoc-my.html"
    _, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    assert article.meta.author == "Bình Minh"


def test_a_picture_inside_a_paragraph_leaves_the_paragraph_text() -> None:
    """The rule's edges (markup written for the rule, not an article): a
    picture set inside a short paragraph, an icon beside the sapo, a picture
    in the headline's block: none of their texts is a caption."""
    from lxml import html

    from briefbook.read.picturebox import caption_key, picture_captions

    tree = html.fromstring(
        "<html><body><div><h1><img src='hot.jpg' width='300'>Tiêu đề bài</h1>"
        "<div class='sapo'><img src='icon.gif'>Sapo ngắn của bài.</div>"
        "<p><img src='a.jpg'>Một đoạn văn ngắn có ảnh ở đầu.</p>"
        "<table><tr><td><img src='b.jpg'></td></tr><tr><td>Chú thích ảnh B</td></tr></table>"
        "</div></body></html>"
    )
    assert picture_captions(tree) == {caption_key("Chú thích ảnh B")}


def test_teasers_boxed_below_the_article_are_not_its_last_paragraphs() -> None:
    """iOne of 2012: under the article, a box of two other articles, each a
    headline that is a link (``<h4 class="hn_Title"><a>``) and its sapo
    (``<p class="lead">``). trafilatura's main text ended with the sapos (and
    took the byline "Papai" above them for a heading); the markup says they
    are teasers."""
    kept, body = _read("ione_html_kho-hanh-vi-bot-la")
    assert "Dường như đây là phương pháp được nhiều người đàn ông Trung Quốc ưa chuộng" not in kept
    assert "Ngày càng nhiều phụ nữ lựa chọn giải pháp cắt gọn" not in kept
    assert "Papai" not in kept
    assert body[-1] in kept  # the article's own last paragraph stays
    path = CORPUS / "articles" / "ione_html_kho-hanh-vi-bot-la.html"
    _, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    assert "Papai" not in [section.heading for section in article.sections]
    assert article.meta.author == "Papai"


def test_a_heading_that_links_is_a_teaser_only_boxed_with_a_short_sapo() -> None:
    """The rule's edges (markup written for the rule, not an article): a
    section heading that links elsewhere with its section's text in the same
    block, a heading linking to the page itself, a heading with two links,
    and a sapo holding a link are no teasers; the boxed one is."""
    from lxml import html

    from briefbook.read.picturebox import caption_key
    from briefbook.read.teaserbox import teaser_texts

    tree = html.fromstring(
        "<html><body>"
        "<div><h3><a href='/muc-a.html'>Mục A</a></h3><p>Đoạn văn của mục A.</p><p>Đoạn nữa.</p></div>"
        "<div><h2><a href='https://bao.vn/bai.html#top'>Tiêu đề bài</a></h2><p>Sapo của bài.</p></div>"
        "<div><h4><a href='/x.html'>Hai</a> <a href='/y.html'>liên kết</a></h4><p>Sapo.</p></div>"
        "<div><h4><a href='/z.html'>Tin có liên kết</a></h4><p>Sapo <a href='/w.html'>có</a>.</p></div>"
        "<div><a href='/k.html'><img src='k.jpg'></a><h4><a href='/k.html'>Tin khác</a></h4>"
        "<p class='lead'>Sapo của tin khác.</p></div>"
        "</body></html>"
    )
    assert teaser_texts(tree, "https://bao.vn/bai.html") == {
        caption_key("Tin khác"),
        caption_key("Sapo của tin khác."),
    }


def test_a_photo_storys_captions_are_its_text() -> None:
    """The Ngôi Sao photo story of 2012 is told in its captions: they stay, without the table's pipes."""
    kept, body = _read("ngoisao_html_hoa-hau-hoan-vu-2011")
    assert all(" ".join(line.split()) in kept for line in body)
    assert "|" not in kept


def test_a_date_run_into_the_title_is_neither_title_nor_text() -> None:
    """trafilatura runs the VnExpress date line into the headline
    ("Thứ năm, 13/6/2013, 08:28 GMT+7 # Chiến thuật ...")."""
    kept, _ = _read("vnexpress_html_hoc-bong-dai-hoc-my")
    assert "GMT+7" not in kept and "Chiến thuật giành học bổng" not in kept


def test_the_title_the_pages_title_and_its_h1_agree_on_is_the_headline() -> None:
    """trafilatura takes the Zing News page's series box heading ("Những bài
    văn lạ", an <h1> too) for the title; <title> without the site's name is
    the page's other <h1>, the headline."""
    path = CORPUS / "articles" / "zing_html_van-ta-mui-con-lon.html"
    _, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    assert article.title == "'Kêu trời' vì văn tả 'mũi con lợn bẹp gí như mũi bố'"


def test_a_page_laid_out_in_tables_is_read_as_a_browser_copies_it() -> None:
    """The 24h page of 2012 is laid out in tables: trafilatura's main text is
    the layout table's row (the article, its captions and the calendar in
    cells), and inscriptis would set the menu's cell beside the article's,
    line by line. Read as a browser copies it (cell after cell, a box of
    links a line each), the page gives the article, its signature under it
    and its date as the page shows it (the metadata's is the same moment in
    UTC, the day before)."""
    stem = "24h_html_lo-luyen-thi-cong-chuc-han-quoc"
    path = CORPUS / "articles" / f"{stem}.html"
    _, article = parse_source(load_source(path, PurePath(path.name), path.parent))
    kept, body = _read(stem)
    assert all(" ".join(line.split()) in kept for line in body)
    for debris in (
        "| CN | T2",
        "Bóng đá (giao duc)",
        "Thời trang Có khoảng",
        "Kim Sa-myeong đi tới phòng tắm",
    ):
        assert debris not in kept
    assert article.lede.startswith("(giao duc) - Làng Thi cử")
    assert (article.meta.author, article.meta.source) == ("Sầm Hoa", "Vietnamnet/Reuters")
    assert article.meta.date is not None and str(article.meta.date.date) == "2012-12-24"


def test_a_box_of_links_alone_is_copied_a_link_a_line_and_a_table_of_data_stays_a_grid() -> None:
    import lxml.html

    from briefbook.read.pagetext import page_text

    page = lxml.html.fromstring(
        "<html><body><div><a href='/a'>Nỗi niềm người thiếu phụ</a><a href='/b'>Hot girl Việt</a></div>"
        "<p>Theo <a href='/c'>Bộ Y tế</a> <a href='/d'>WHO</a> cho biết.</p>"
        "<table><tr><td>Tỉnh</td><td>Số ca</td></tr><tr><td>Hà Nội</td><td>12</td></tr></table>"
        "<table><tr><td><ul><li>Thời sự</li><li>Bóng đá</li></ul></td>"
        "<td><p>Dòng một của bài.</p><p>Dòng hai của bài.</p></td></tr></table></body></html>"
    )
    lines = page_text(page).splitlines()
    assert "Nỗi niềm người thiếu phụ" in lines and "Hot girl Việt" in lines
    assert "Theo Bộ Y tế WHO cho biết." in lines
    assert any(line.split() == ["Hà", "Nội", "12"] for line in lines)
    assert lines.index("Bóng đá") < lines.index("Dòng một của bài.") < lines.index("Dòng hai của bài.")


def test_a_page_saved_as_one_mhtml_file_reads_as_the_saved_page(tmp_path: Path) -> None:
    """Chromium's "Webpage, Single File" (bench/reader_mhtml.py made these from the stored pages)."""
    for stem in ("genk_%s_amazon-chien-luoc", "vnexpress_%s_dau-hieu-trieu-phu"):
        html = CORPUS / "articles" / f"{stem % 'html'}.html"
        mhtml = CORPUS / "articles" / f"{stem % 'mhtml'}.mhtml"
        shutil.copy(mhtml, tmp_path / mhtml.name)
        assert find_articles(tmp_path) == [tmp_path / mhtml.name]
        _, from_html = parse_source(load_source(html, PurePath(html.name), html.parent))
        _, from_mhtml = parse_source(load_source(mhtml, PurePath(mhtml.name), mhtml.parent))
        assert from_mhtml.title == from_html.title
        assert (from_mhtml.meta.date, from_mhtml.meta.author) == (from_html.meta.date, from_html.meta.author)
        assert from_mhtml.meta.url == from_html.meta.url
        assert from_mhtml.paragraphs[:5] == from_html.paragraphs[:5]
        (tmp_path / mhtml.name).unlink()


def test_an_mhtml_file_without_a_page_is_an_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "empty.mhtml").write_bytes(b"From: <Saved by Blink>\r\nSubject: x\r\n\r\nnothing\r\n")
    articles, errors = read_articles(find_articles(tmp_path), tmp_path)
    assert articles == []
    assert [(str(e.path), e.kind) for e in errors] == [("empty.mhtml", ProblemKind.NO_PAGE_TEXT)]


def test_an_italic_question_or_quotation_under_a_picture_is_no_caption() -> None:
    """The rule's edges (markup written for the rule around real text: an
    interviewer's question of a Petrotimes interview, "Dạy tiếng Anh liên kết
    ở tiểu học"): a picture alone in its paragraph, then the question in
    italics; the answer quoted in italics; the caption in nested italics is
    one, a paragraph half of it in nested italics none (each word counted
    once). The texts are the article's, the markup around them ours."""
    from lxml import html

    from briefbook.read.picturebox import caption_key, picture_captions

    question = (
        "Thưa ông, hiện nay có bao nhiêu trung tâm, chương trình được cấp phép để đưa vào trường học?"
        " Sở GD-ĐT giám sát hiệu quả thực thi đến đâu?"
    )
    answer = "Tôi khẳng định điều này không nằm ngoài sự chỉ đạo của Sở GD-ĐT và Bộ GD-ĐT cũng đã cho phép."
    quotation = f"“{answer}”"
    caption = "Ông Phạm Xuân Tiến - Trưởng phòng Giáo dục tiểu học (Sở GD-ĐT Hà Nội)."
    half = "Chúng tôi có dự giờ, kiểm tra trình độ học sinh ngay trong quá trình thí điểm."
    tree = html.fromstring(
        "<html><body><div>"
        f"<p><img src='a.jpg' width='360'></p><p><em>{question}</em></p>"
        f"<p><img src='b.jpg' width='360'></p><p><em>{quotation}</em></p>"
        f"<p><img src='c.jpg' width='360'></p><p><em><i>{caption}</i></em></p>"
        f"<p><img src='d.jpg' width='360'></p><p><em><i>{half[:40]}</i></em>{half[40:]}</p>"
        "</div></body></html>"
    )
    assert picture_captions(tree) == {caption_key(caption)}
