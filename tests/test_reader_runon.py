"""Blocks of a page that a copy ran together on one line: pictures between
paragraphs, a signature at a paragraph's end, the date stamp before the lede.

The real case is html2text's copy of a 24h page (reader corpus), whose whole
article, pictures, captions, signature and rating widget stand on one line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePath

from briefbook.analyse.audit import unaccounted
from briefbook.folder import load_source, parse_source
from briefbook.read.reader.lines import image_breaks

CORPUS = Path(__file__).resolve().parent / "fixtures" / "reader" / "articles"
PAGE = "24h_markdown_page_lo-luyen-thi-cong-chuc-han-quoc.md"


def test_pictures_between_sentences_cut_a_line_and_inside_a_sentence_do_not() -> None:
    line = "tại Seoul. ![Ảnh](http://a.vn/1.jpg) ![](http://a.vn/2.jpg) Có khoảng 30.000 cư dân."
    assert image_breaks(line) == [
        "tại Seoul. ![Ảnh](http://a.vn/1.jpg) ![](http://a.vn/2.jpg)",
        "Có khoảng 30.000 cư dân.",
    ]
    inline = "Cười lên nào ![:)](http://a.vn/smile.gif) mọi người. ![](http://a.vn/x.jpg) nhé"
    assert image_breaks(inline) == [inline]


def test_a_whole_page_on_one_line_gives_its_text_signature_and_date() -> None:
    raw, article = parse_source(load_source(CORPUS / PAGE, PurePath(PAGE)))
    assert unaccounted(raw, article) == []
    body = [article.lede, *(p.text for p in article.paragraphs)]
    assert article.lede.startswith("(giao duc) - Làng Thi cử")  # the stamp before it is the date
    assert article.meta.date is not None and article.meta.date.date == dt.date(2012, 12, 24)
    assert (article.meta.author, article.meta.source) == ("Sầm Hoa", "Vietnamnet/Reuters")
    assert body[-1].endswith("thất vọng sau khi ra trường.")
    text = " ".join(body)
    for debris in ("Theo Sầm Hoa", "bình chọn", "Kim Sa-myeong đi tới phòng tắm", "Tin tức trong ngày", "|"):
        assert debris not in text
