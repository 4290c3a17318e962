from __future__ import annotations

import unicodedata

from briefbook.core.vietnamese import fold, normalize_text, slugify, sort_key


def test_fold_keeps_length_and_folds_d() -> None:
    text = "Đại học Y Hà Nội, Ủy ban, người, Nguyễn"
    assert fold(text) == "Dai hoc Y Ha Noi, Uy ban, nguoi, Nguyen"
    assert len(fold(text)) == len(text)


def test_slugify() -> None:
    assert (
        slugify("Hợp tác quốc tế trong y tế là điều nên làm") == "hop-tac-quoc-te-trong-y-te-la-dieu-nen-lam"
    )
    assert slugify("Mở thêm những 'nhịp cầu' hợp tác y tế Việt Nam - Pháp") == (
        "mo-them-nhung-nhip-cau-hop-tac-y-te-viet-nam-phap"
    )
    assert slugify("!!!") == ""
    assert len(slugify("từ " * 100)) <= 80


def test_normalize_text() -> None:
    nfd = unicodedata.normalize("NFD", "Bệnh viện")
    text = normalize_text(f"a\r\nb\rc\u00a0d\u200be {nfd}\ufeff")
    assert text == "a\nb\nc de Bệnh viện"
    assert unicodedata.is_normalized("NFC", text)


def test_vietnamese_alphabetical_order() -> None:
    words = [
        "đa",
        "ca",
        "ăn",
        "an",
        "âm",
        "dê",
        "bê",
        "ơn",
        "ô",
        "o",
        "ưa",
        "ua",
        "y",
        "x",
        "FFI",
        "WHO",
        "12",
    ]
    assert sorted(words, key=sort_key) == [
        "12",
        "an",
        "ăn",
        "âm",
        "bê",
        "ca",
        "dê",
        "đa",
        "FFI",
        "o",
        "ô",
        "ơn",
        "ua",
        "ưa",
        "WHO",
        "x",
        "y",
    ]
    # Tones come after letters: a, à, ả, ã, á, ạ.
    assert sorted(["ạ", "á", "ã", "ả", "à", "a"], key=sort_key) == ["a", "à", "ả", "ã", "á", "ạ"]


def test_language_of_a_text() -> None:
    from briefbook.core.vietnamese import language

    assert language("Hợp tác quốc tế trong y tế là điều nên làm") == "vietnamese"
    assert language("WHO hỗ trợ Việt Nam 2 triệu USD ứng phó bệnh không lây nhiễm") == "vietnamese"
    english = "Việt Nam, Australia sign agreement on health workforce training. HÀ NỘI — Việt Nam and"
    assert language(english) == "english"
    assert language("2025") == ""
