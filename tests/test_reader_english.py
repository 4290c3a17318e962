"""English editions of Vietnamese outlets (Việt Nam News, VietnamPlus,
VnExpress International): their datelines, bylines and labels, as real
pages of the held-out set ``reader_heldout_en`` write them."""

from __future__ import annotations

from pathlib import Path, PurePath

from briefbook.analyse.audit import unaccounted
from briefbook.core.reasons import Reason
from briefbook.core.records import Article
from briefbook.folder import load_source, parse_source
from briefbook.read.decoding import decode_article
from briefbook.read.reader import parse_article
from briefbook.read.reader.boxes import _is_teaser

P = PurePath("article.txt")
SEOUL = (
    "SEOUL — Teenager Trần Bảo Minh, nickname 'LazyFeel', became the first foreigner to play in Korea's"
    " League of Legends Champions Korea (LCK) gaming tournament and even went one step further, as he won"
    " his debut match 2-1."
)
PARIS = (
    "PARIS — Deputy Minister of Defence Sen. Lieut. Gen. Hoàng Xuân Chiến and Director General for"
    " International Relations and Strategy at the French Ministry of the Armed Forces Alice Rufo"
    " co-chaired the third Việt Nam-France defence strategy and cooperation dialogue in Paris on December 18"
    " (local time)."
)
NEXT = (
    "The seventeen year old, who plays for 2022 World Champions DRX's reserve team, was called up to the"
    " first team as starting player Park 'Teddy' Jin-seong was unavailable due to an illness."
)


def _parse(text: str) -> Article:
    raw = decode_article(text.encode(), P)
    article = parse_article(raw)
    assert unaccounted(raw, article) == []
    return article


def test_a_city_in_capitals_opens_the_texts_own_dateline_not_a_teaser() -> None:
    """ "SEOUL — ", "PARIS — ": the place in capitals, as English editions
    write their datelines; "TTO - " and "(TNO)" still open another article's teaser."""
    assert not _is_teaser(SEOUL)
    assert not _is_teaser(PARIS)
    assert _is_teaser("TTO - Sáng nay, gió mùa đông bắc đã bao trùm các tỉnh miền Bắc, kèm theo mưa rét.")
    assert _is_teaser("(TNO) Sáng nay, gió mùa đông bắc đã bao trùm các tỉnh miền Bắc, kèm theo mưa rét.")


def test_a_citys_dateline_names_no_outlet() -> None:
    article = _parse(f"Việt Nam, France hold defence strategy and cooperation dialogue\n{PARIS}\n{NEXT}\n")
    assert article.meta.outlet == ""
    assert article.lede == PARIS


SNIPPET = (
    "Seventeen-year-old Vietnamese gamer Trần Bảo Minh, nicknamed 'LazyFeel' made history as the first"
    " non-Korean to compete in the prestigious League of Legends ..."
)


def test_a_byline_under_a_snippet_cut_short_signs_the_text() -> None:
    """Title, a feed's snippet cut short (" ..."), the byline, the dateline's
    paragraph (Việt Nam News in a clipping): the snippet is not the text's
    start, so the byline under it is the header's."""
    title = "17-year-old Vietnamese gamer became first foreign player in ..."
    article = _parse(f"{title}\n{SNIPPET}\nAnh Đức\n{SEOUL}\n{NEXT}\n")
    assert article.meta.author == "Anh Đức"
    body = [article.lede, *(p.text for p in article.paragraphs)]
    assert body == [SEOUL, NEXT]


HANOI = (
    "HÀ NỘI — Hà Nội Police have already earned a place in the knockout stage, but also want to win over"
    " Borneo FC Samarinda in their last group round match of the ASEAN Club Championship Shopee Cup on"
    " February 6."
)
HANOI_SNIPPET = (
    "Hà Nội Police have already earned a place in the knockout stage but are still aiming for a win over"
    " Borneo FC Samarinda in their last group round match of ..."
)


def test_an_english_editions_section_under_the_title_is_its_category() -> None:
    """ "Football" (Việt Nam News's sports menu) between the title's snippet and the text."""
    article = _parse(
        f"Hà Nội Police want perfect record at Shopee Cup\n{HANOI_SNIPPET}\nFootball\n{HANOI}\n{NEXT}\n"
    )
    assert article.meta.category == "Football"
    assert [article.lede, *(p.text for p in article.paragraphs)] == [HANOI, NEXT]


HCM = (
    "HCM CITY — Fifteen banks and a finance company have donated VNĐ140 billion (US$8.5 million) to support"
    " the fight against the Covid-19 pandemic and help people suffering from drought and saltwater"
    " intrusion."
)
MORE = "This was in response to Phúc’s plea to all citizens to donate to the Covid-19 control efforts."


def test_a_caption_ending_with_an_english_editions_credit_is_dropped() -> None:
    """Credits without a colon after the caption's end or a dash: "— Photo
    courtesy of HDBank", "Photo from vietnamtourism.gov.vn", "— Photo
    thanhnien.vn", the agency's "— VNA/VNS Photo Đinh Hằng"; a sentence that
    names a photo festival is no caption."""
    captions = [
        "HDBank contributes VNĐ10 billion to support the fight against the Covid-19 pandemic."
        " — Photo courtesy of HDBank",
        "Hội An has seen a drop in tourist arrivals due to the COVID-19 outbreak."
        " Photo from vietnamtourism.gov.vn",
        "Two Chinese patients are undergoing treatment inside the quarantined area. — Photo thanhnien.vn",
        "A customs official checks body temperature of passengers at Tân Sơn Nhất International Airport"
        " in HCM City. — VNA/VNS Photo Đinh Hằng",
        "Workers making masks at a VINATEX workshop in Hà Nội. — VNA Photo",
    ]
    for caption in captions:
        article = _parse(f"HDBank joins fight against Covid-19\n{HCM}\n{caption}\n{MORE}\n{NEXT}\n")
        assert [article.lede, *(p.text for p in article.paragraphs)] == [HCM, MORE, NEXT], caption
    festival = "The city's first photo exhibition opened at the Photo Festival."
    article = _parse(f"HDBank joins fight against Covid-19\n{HCM}\n{festival}\n{MORE}\n{NEXT}\n")
    assert festival in [p.text for p in article.paragraphs]


def test_a_captions_copy_without_its_credit_next_to_it_is_the_caption_too() -> None:
    """A record's teaser field holds the picture's caption, then the text has
    it again with its credit: both go; the text's own sentences stay."""
    copy = "HDBank contributes VNĐ10 billion to support the fight against the Covid-19 pandemic."
    caption = f"{copy} — Photo courtesy of HDBank"
    article = _parse(f"HDBank joins fight against Covid-19\n{copy}\n{caption}\n{HCM}\n{MORE}\n{NEXT}\n")
    assert [article.lede, *(p.text for p in article.paragraphs)] == [HCM, MORE, NEXT]
    assert any(d.text == copy and d.reason is Reason.CAPTION_REPEAT for d in article.dropped)


def test_a_credit_run_into_the_text_ends_its_caption_and_the_text_goes_on() -> None:
    """A crawler's one line: the caption, its credit, a byline and the
    dateline's paragraph glued together ("... spreads — Photo Minh HươngBy Minh
    HươngHÀ NỘI — The COVID-19 ..."): the caption and credit go, the byline
    signs, the text stays from its dateline."""
    text = (
        "HÀ NỘI — The COVID-19 pandemic has so far hurt many businesses in the country, except the"
        " insurance industry."
    )
    glued = [
        (
            "People wait in front of the social insurance agency in Ba Đình District to register for a"
            " voluntary health card. The number of people who buy insurance increases as the pandemic of"
            " COVID-19 spreads — Photo Minh HươngBy Minh Hương",
            "Minh Hương",
        ),
        ("Workers making masks at a VINATEX workshop in Hà Nội. — VNA Photo", ""),
        (
            "A customs official checks body temperature of passengers at Tân Sơn Nhất International Airport"
            " in HCM City. — VNA/VNS Photo Đinh Hằng",
            "",
        ),
        (
            "Two Chinese patients are undergoing treatment inside the quarantined area. — Photo thanhnien.vn",
            "",
        ),
    ]
    for head, author in glued:
        article = _parse(f"COVID-19 brings more business to insurer\n{head}{text}\n{MORE}\n{NEXT}\n")
        assert [article.lede, *(p.text for p in article.paragraphs)] == [text, MORE, NEXT], head
        assert article.meta.author == author


def test_a_dash_and_photo_inside_a_sentence_is_no_credit() -> None:
    """ "— Photo" needs its end marked (a glued word, or the text's capital
    right after "Photo"): a sentence that only mentions photos stays whole."""
    line = (
        "The exhibition's last room — Photo journalism in wartime Hà Nội — drew the largest crowds of"
        " the week, the organisers said."
    )
    article = _parse(f"COVID-19 brings more business to insurer\n{HCM}\n{line}\n{NEXT}\n")
    assert line in [p.text for p in article.paragraphs]


def test_a_pictures_file_name_alone_on_a_line_is_the_pictures() -> None:
    article = _parse(f"HDBank joins fight against Covid-19\n{HCM}\nnews/news10.jpg\n{MORE}\n{NEXT}\n")
    assert [article.lede, *(p.text for p in article.paragraphs)] == [HCM, MORE, NEXT]


def test_english_editions_are_named_as_their_mastheads_name_them() -> None:
    """The outlet table's English editions: an address of one is that edition,
    not its Vietnamese paper ("Báo Quân đội Nhân dân") nor its domain ("Vovworld")."""
    for url, outlet in (
        ("https://vovworld.vn/en-US/news/vietnam-appoints-officer-1234.vov", "VOV World"),
        ("https://theinvestor.vn/vietnam-appoints-officer-d123.html", "The Investor"),
        ("https://en.qdnd.vn/politics/vietnam-appoints-officer-123.html", "People's Army Newspaper"),
    ):
        article = _parse(f"{url}\nVietnam appoints officer\n{HCM}\n{MORE}\n{NEXT}\n")
        assert article.meta.outlet == outlet


def test_a_sign_off_with_the_papers_abbreviation_names_the_outlet() -> None:
    """A text copy of Việt Nam News without its address: " — VNS" signs its last line."""
    article = _parse(f"Hà Nội Police want perfect record at Shopee Cup\n{HANOI}\n{MORE}\n{NEXT} — VNS\n")
    assert article.meta.outlet == "Việt Nam News"
    plain = _parse(f"Hà Nội Police want perfect record at Shopee Cup\n{HANOI}\n{MORE}\n{NEXT} — ABCD\n")
    assert plain.meta.outlet == ""


def test_a_snippet_over_the_text_is_left_to_the_body_when_no_header_line_follows() -> None:
    """Held-out 7's Báo An Giang clip: snippet, then a run of captions without
    credits, then the text. The header steps over a snippet only to read a
    byline or a section under it; here the body drops it and the captions'
    run, past the text's start, is the gallery."""
    path = Path(__file__).parent / "fixtures" / "reader_heldout7" / "articles"
    name = "baoangiang_jekyll_clip_chuc-mung-giang-sinh.md"
    _, article = parse_source(load_source(path / name, PurePath(name)))
    gallery = [d.text for d in article.dropped if d.reason is Reason.GALLERY]
    assert len(gallery) == 5
