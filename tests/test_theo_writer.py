"""A last line "Theo <name>" under the text names its writer only when the name is a
person's (read/reader/signlines.theo_writer): a province's paper or a paper
the outlet table knows, cited the same way, stays a source."""

from __future__ import annotations

import pytest

from briefbook.read.reader.signlines import theo_writer


def test_a_writer_credited_with_theo() -> None:
    assert theo_writer("Theo Phạm Trang") == "Phạm Trang"  # CafeBiz (tests/fixtures/reader_heldout8)


@pytest.mark.parametrize(
    "line",
    ["Theo Lâm Đồng", "Theo Thái Bình", "Theo Cao Bằng", "Theo Ninh Thuận", "Theo Hà Giang", "Theo Đồng Nai"],
)
def test_a_province_whose_name_opens_like_a_surname_is_no_writer(line: str) -> None:
    assert theo_writer(line) == ""


@pytest.mark.parametrize("line", ["Theo Hà Nội Mới", "Theo Văn hóa", "Theo Tân Hoa Xã", "Theo Tri Thức Trẻ"])
def test_a_paper_is_no_writer(line: str) -> None:
    assert theo_writer(line) == ""
