"""Abbreviations: detection, definitions, meanings, order, links back to their uses."""

from __future__ import annotations

import json
from pathlib import PurePath

import pytest

from briefbook.analyse.glossary import build_glossary, find_abbreviations, find_definitions
from briefbook.core.records import Article
from briefbook.read.decoding import decode_article
from briefbook.read.reader import parse_article


@pytest.mark.parametrize(
    "token",
    [
        "BV",
        "BHYT",
        "TP.HCM",
        "GS.TS",
        "TS-BS",
        "PGS-TS",
        "LĐ-TB&XH",
        "VNeID",
        "nCoV",
        "ThS",
        "BSCKII",
        "HIV/AIDS",
        "HĐND",
    ],
)
def test_detects(token: str) -> None:
    assert find_abbreviations(f"Theo {token} cho biết hôm qua.") == [token]


@pytest.mark.parametrize(
    "text",
    [
        "Martial CHỐT tương lai.",  # a word in capitals (tone marks)
        "Tính đến quý IV/2016, cơ quan đã triển khai.",  # Roman numeral
        "Theo Nghị định 19/2017 của Chính phủ.",  # document number
        "bà Tr.Th.M (SN 1966)",  # initials (SN is an abbreviation)
        "BỆNH VIỆN THẢO ĐIỀN ĐẨY MẠNH TRIỂN KHAI SỔ SỨC KHOẺ",  # a headline in capitals
    ],
)
def test_does_not_detect(text: str) -> None:
    assert [t for t in find_abbreviations(text) if t != "SN"] == []


def test_definitions_in_three_forms() -> None:
    assert find_definitions("Các bệnh viện (BV) đa khoa") == [("BV", "bệnh viện")]
    assert find_definitions("Theo Ủy ban nhân dân (UBND) tỉnh") == [("UBND", "Ủy ban nhân dân")]
    assert find_definitions("đại diện WHO (Tổ chức Y tế Thế giới) cho biết") == [
        ("WHO", "Tổ chức Y tế Thế giới")
    ]
    assert find_definitions("Ban Chỉ đạo chống buôn lậu (gọi tắt là BCĐ) họp") == [
        ("BCĐ", "Ban Chỉ đạo chống buôn lậu")
    ]
    # Foreign acronyms after the Vietnamese name of an agency.
    assert find_definitions("SKĐS - Cơ quan Phát triển Quốc tế Hoa Kỳ (USAID) và Bộ Y tế") == [
        ("USAID", "Cơ quan Phát triển Quốc tế Hoa Kỳ")
    ]
    assert find_definitions("Giám đốc Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA) tại Việt Nam") == [
        ("KOICA", "Cơ quan Hợp tác Quốc tế Hàn Quốc")
    ]
    # The name nearest the bracket, not the first one of the clause.
    assert find_definitions("bác sĩ Bệnh viện Việt Đức từng học chương trình nội trú tại Pháp (FFI).") == [
        ("FFI", "chương trình nội trú tại Pháp")
    ]
    assert find_definitions(
        "Bệnh viện Nhi Trung ương nhận tài trợ từ Cơ quan Hợp tác Quốc tế Nhật Bản (JICA)."
    ) == [("JICA", "Cơ quan Hợp tác Quốc tế Nhật Bản")]


def _article(name: str, title: str, body: str) -> Article:
    text = f"{title}\n{body}\nĐoạn cuối của bài viết, đủ dài để là một đoạn văn bình thường của bài báo.\n"
    return parse_article(decode_article(text.encode(), PurePath(name)))


def test_book_definition_wins_and_is_found_in_another_chapter() -> None:
    first = _article("a.txt", "Bài một", "Các BV đã ký kết hợp tác quốc tế trong năm nay.")
    second = _article("b.txt", "Bài hai", "Các bệnh viện tuyến cuối (BV) được giao nhiệm vụ mới.")
    glossary = build_glossary([first, second])
    entry = next(e for e in glossary.entries if e.abbr == "BV")
    assert (entry.expansion, entry.origin) == ("bệnh viện tuyến cuối", second.slug)
    assert entry.used_in == (first.slug, second.slug)
    assert entry.english == "hospital"


def test_meaning_from_context() -> None:
    doctor = _article("a.txt", "Bài một", "BS Nguyễn Văn A khám cho bệnh nhân.")
    plate = _article("b.txt", "Bài hai", "Xe ô tô BS 51A-123.45 gây tai nạn.")
    assert next(e for e in build_glossary([doctor]).entries if e.abbr == "BS").expansion == "bác sĩ"
    assert next(e for e in build_glossary([plate]).entries if e.abbr == "BS").expansion == "biển số"


def test_several_meanings_without_context_are_reported() -> None:
    article = _article("a.txt", "Bài một", "Đại diện BCS đã phát biểu tại hội nghị.")
    glossary = build_glossary([article])
    assert ("BCS", article.slug) in glossary.ambiguous
    assert next(e for e in glossary.entries if e.abbr == "BCS").expansion == "ban cán sự / bao cao su"


def test_vietnamese_order_and_section_places() -> None:
    text = (
        "Tiêu đề\n\nĐoạn mở đầu có ĐBSCL và BV.\n\nMục hai\n\n"
        "Đoạn dài có UBND và BHYT và AIDS, viết đủ dài.\n"
    )
    article = parse_article(decode_article(text.encode(), PurePath("a.txt")))
    glossary = build_glossary([article])
    assert [e.abbr for e in glossary.entries] == ["AIDS", "BHYT", "BV", "ĐBSCL", "UBND"]
    ubnd = next(e for e in glossary.entries if e.abbr == "UBND")
    assert ubnd.places == (f"{article.slug}--muc-hai",)


def test_seed_glossary() -> None:
    from briefbook.book import find_articles, read_articles

    from .books import SEEDS

    articles, _ = read_articles(find_articles(SEEDS), SEEDS)
    entries = {e.abbr: e for e in build_glossary(articles).entries}
    expected = {
        "BV": ("bệnh viện", "hospital"),
        "BN": ("bệnh nhân", "patient"),
        "BHYT": ("bảo hiểm y tế", "health insurance"),
        "FFI": (
            "chương trình bác sĩ nội trú tại Cộng hòa Pháp",
            "French medical residency programme for foreign doctors",
        ),
        "AACVF": (
            "Hội Hữu nghị và hợp tác Việt Nam – Pháp",
            "Vietnam–France Friendship and Cooperation Association",
        ),
        "TP.HCM": ("Thành phố Hồ Chí Minh", "Ho Chi Minh City"),
        "PGS-TS": ("phó giáo sư, tiến sĩ", "associate professor, doctor (PhD)"),
        "TS-BS": ("tiến sĩ, bác sĩ", "doctor (PhD), physician"),
        "GS.TS": ("giáo sư, tiến sĩ", "professor, doctor (PhD)"),
        "VN": ("Việt Nam", "Viet Nam"),
        "ASEAN": ("Hiệp hội các quốc gia Đông Nam Á", "Association of Southeast Asian Nations"),
        "HIV/AIDS": ("HIV và AIDS", "HIV and AIDS"),
        "VNeID": ("ứng dụng định danh điện tử quốc gia", "national electronic identification app"),
    }
    for abbr, (expansion, english) in expected.items():
        assert (entries[abbr].expansion, entries[abbr].english) == (expansion, english), abbr
    chapter_2 = "mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap"
    assert entries["AACVF"].origin == chapter_2 and entries["FFI"].origin == chapter_2


def test_definition_pairs_floor() -> None:
    import yaml

    from briefbook.analyse.evaluation import score_definitions

    from .books import EXPECTED, FIXTURES, SEEDS

    expected = yaml.safe_load((EXPECTED / "definitions.yaml").read_text("utf-8"))
    found, wanted, correct = score_definitions([(SEEDS, EXPECTED), (FIXTURES, EXPECTED)], expected)
    assert wanted == 17
    assert correct / found >= 0.97 and correct / wanted >= 0.90, (found, wanted, correct)


def test_spellings_of_one_abbreviation_are_one_entry() -> None:
    """The seeds write "TP.HCM" and "TPHCM": one entry, both its terms."""
    from briefbook.analyse.register import build_register
    from briefbook.book import find_articles, read_articles
    from briefbook.core.settings import BookSettings
    from briefbook.write.pages import render_book_data, render_glossary

    from .books import SEEDS

    articles, _ = read_articles(find_articles(SEEDS), SEEDS)
    glossary = build_glossary(articles)
    found = [e for e in glossary.entries if e.abbr in {"TP.HCM", "TPHCM"}]
    assert len(found) == 1
    (entry,) = found
    assert (entry.abbr, entry.variants) == ("TP.HCM", ("TPHCM",))
    assert {"TP.HCM", "TPHCM"} <= glossary.terms()
    assert len(entry.used_in) == 2
    page = render_glossary(glossary, articles)
    assert "\nTP.HCM\nTPHCM\n  Thành phố Hồ Chí Minh" in page
    # Sphinx's tooltips and search synonyms know both spellings.
    data = json.loads(render_book_data(glossary, build_register(articles), BookSettings()))
    assert {"TP.HCM", "TPHCM"} <= {t["abbr"] for t in data["glossary"]}
