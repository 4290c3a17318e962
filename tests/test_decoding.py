from __future__ import annotations

import codecs
import unicodedata
from pathlib import PurePath

import pytest

from briefbook.decoding import ArticleError, decode_article

P = PurePath("bai.txt")
TEXT = "Tiêu đề\nĐoạn văn có dấu: ầ ẫ ỹ ơ ư đ.\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        unicodedata.normalize("NFD", TEXT).encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "crlf", "nfd"],
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
