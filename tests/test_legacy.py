"""Legacy font encodings (TCVN3, VNI), in their own bytes or mis-saved as
UTF-8, are read as the Vietnamese they stand for."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import PurePath

import pytest

from briefbook.read.decoding import ArticleError, decode_article
from briefbook.read.legacy import LegacyEncoding, as_cp1252, from_legacy

from .books import FIXTURES

P = PurePath("bai.txt")
# A real article whose letters all exist in TCVN3 (no capital with a tone mark,
# which TCVN3's fonts lack).
ARTICLE = FIXTURES / "06_baomoi-sap-co-the-bhyt-dien-tu.txt"


def _tcvn3_bytes(text: str) -> bytes:
    """``text`` in TCVN3 as the system's converter (glibc's iconv) writes it."""
    return subprocess.run(
        ["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=text.encode(), capture_output=True, check=True
    ).stdout


def _vni_bytes(text: str) -> bytes:
    """``text`` in VNI Windows, by the kept table (bytes as cp1252 shows them)."""
    from briefbook.read.legacy import _table, cp1252_bytes

    to_vni = {letter: legacy for legacy, letter in _table(LegacyEncoding.VNI)[0].items()}
    data = cp1252_bytes("".join(to_vni.get(ch, ch) for ch in unicodedata.normalize("NFC", text)))
    assert data is not None
    return data


def test_real_tcvn3_strings_mis_saved_as_utf8() -> None:
    # As stored in GitHub Ductrung03/DuBaoMatRung, server/test.js (commit 011c16b):
    # district names of Lào Cai, with TCVN3's "ư" as U+00AD.
    assert from_legacy("B¶o Th¾ng", LegacyEncoding.TCVN3) == "Bảo Thắng"
    assert from_legacy("M\u00adêng Kh\u00ad¬ng", LegacyEncoding.TCVN3) == "Mường Khương"
    assert from_legacy("B¸t X¸t", LegacyEncoding.TCVN3) == "Bát Xát"
    # The example, and a TCVN3 capital: a word of capitals keeps them.
    assert from_legacy("Bé Y tÕ ®Èy m¹nh", LegacyEncoding.TCVN3) == "Bộ Y tế đẩy mạnh"
    assert from_legacy("CéNG HßA x· héi", LegacyEncoding.TCVN3) == "CỘNG HÒA xã hội"


def test_the_tcvn3_table_agrees_with_glibc() -> None:
    from briefbook.read.legacy import _table

    table, _ = _table(LegacyEncoding.TCVN3)
    for legacy, letter in table.items():
        if letter.islower():
            assert _tcvn3_bytes(letter) == legacy.encode("latin-1"), letter


def test_a_tcvn3_article_in_its_own_bytes_is_read() -> None:
    text = ARTICLE.read_text("utf-8")
    raw = decode_article(_tcvn3_bytes(text), P)
    assert raw.encoding == "tcvn3"
    assert raw.text == unicodedata.normalize("NFC", text)


def test_a_tcvn3_article_mis_saved_as_utf8_is_read() -> None:
    text = ARTICLE.read_text("utf-8")
    mis_saved = as_cp1252(_tcvn3_bytes(text)).encode("utf-8")
    assert "Bé Y tÕ" in mis_saved.decode("utf-8")  # what the user's file shows
    raw = decode_article(mis_saved, P)
    assert raw.encoding == "tcvn3 (saved as utf-8)"
    assert raw.text == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("mis_saved", [False, True], ids=["own-bytes", "saved-as-utf8"])
def test_a_vni_article_is_read(mis_saved: bool) -> None:
    text = ARTICLE.read_text("utf-8")
    data = _vni_bytes(text)
    if mis_saved:
        data = as_cp1252(data).encode("utf-8")
    raw = decode_article(data, P)
    assert raw.encoding.startswith("vni")
    assert raw.text == unicodedata.normalize("NFC", text)


def test_utf8_vietnamese_and_english_are_left_alone() -> None:
    text = ARTICLE.read_text("utf-8")
    assert decode_article(text.encode(), P).encoding == "utf-8"
    # Vietnamese with a few Latin-1 signs ("©") that does not read as
    # Vietnamese by the letters' test is still not taken for TCVN3.
    signs = "© 2025 Báo Sức khỏe. Bản quyền thuộc về tòa soạn. Đây là bài báo ©®¹.\n" * 3
    assert decode_article(signs.encode(), P).text == signs
    english = "Café au lait, naïve façade, São Paulo, Zürich, Ærø, Ångström, Øresund. " * 5
    assert decode_article(english.encode(), P).text == english


def test_bytes_of_no_encoding_are_still_refused() -> None:
    with pytest.raises(ArticleError, match="save it as UTF-8"):
        decode_article(bytes(range(128, 256)) * 8, P)
