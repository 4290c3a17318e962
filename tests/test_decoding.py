from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path, PurePath

import pytest

from briefbook.read.decoding import ArticleError, decode_article

from .books import SEEDS
from .encodings import to_cp1258

P = PurePath("bai.txt")
TEXT = "Tiêu đề\nĐoạn văn có dấu: ầ ẫ ỹ ơ ư đ.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("utf-8"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.encode("utf-32"),
        unicodedata.normalize("NFD", TEXT).encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "crlf", "cr", "utf16le-nobom", "utf16be-nobom", "utf32", "nfd"],
)
def test_decodes_to_the_same_nfc_text(data: bytes) -> None:
    assert decode_article(data, P).text == TEXT


def test_binary_file_is_an_error_naming_it() -> None:
    with pytest.raises(ArticleError, match=r"bai\.txt: binary file"):
        decode_article(b"\x00\x01\x02PK", P)


def test_undecodable_bytes_give_file_and_line() -> None:
    data = "Dòng một\nDòng hai ".encode() + b"\xff\xfe\xfd\n"
    with pytest.raises(ArticleError) as info:
        decode_article(data, P)
    assert info.value.lineno == 2
    assert "bai.txt:2" in str(info.value)


def test_empty_file_is_an_error() -> None:
    with pytest.raises(ArticleError, match="empty"):
        decode_article(b"  \n\n", P)


def test_invisible_and_odd_spaces_are_normalised() -> None:
    data = "Tiêu\u00a0đề\u200b\nBệnh\u200dviện\u00ad Bạch\u202fMai\ufeff\n".encode()
    assert decode_article(data, P).text == "Tiêu đề\nBệnhviện Bạch Mai\n"


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_windows_1258_is_detected(seed: PurePath) -> None:
    text = Path(seed).read_text("utf-8")
    raw = decode_article(to_cp1258(text), P)
    assert raw.encoding == "cp1258"
    assert raw.text == unicodedata.normalize("NFC", text)


def test_mojibake_is_refused_not_guessed() -> None:
    text = (SEEDS / "000_33420b19da835728.txt").read_text("utf-8")
    mojibake = text.encode("utf-8").decode("cp1252", errors="replace").encode("cp1258", errors="replace")
    with pytest.raises(ArticleError, match="save it as UTF-8"):
        decode_article(mojibake, P)


def test_utf8_with_one_corrupt_byte_is_an_error_not_cp1258() -> None:
    data = (SEEDS / "001_99e64521392f7738.txt").read_bytes()
    with pytest.raises(ArticleError, match="byte 0xff"):
        decode_article(data[:300] + b"\xff" + data[300:], P)
