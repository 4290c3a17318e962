"""The conversion report, a Vietnamese page: its warnings and errors in Vietnamese."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from briefbook.book import REPORT_FILE, convert
from briefbook.core.problems import _TEXTS, ProblemKind, english, vietnamese
from briefbook.core.records import Problem, Severity

from .books import FIXTURES

# Real articles (tests/fixtures/articles/README.md): 11_ has no date, author
# or outlet; 04_ no date or outlet.
NOTHING_KNOWN = "11_baomoi-itec-th-benh-vien-5-sao-nhat-ban"
NO_DATE_OR_OUTLET = "04_baomoi-ung-dung-cntt-giam-dinh-bhyt"

# Words of the English messages (briefbook.core.problems): none may be in the
# report's lines of warnings and errors.
ENGLISH = re.compile(
    r"\b(no|found|cannot|override|overrides|field|expected|got|not|address|shown|linked|binary|file|bytes"
    r"|line|column|empty|valid|text)\b"
)


def _problem_lines(report: str) -> list[str]:
    """The report's lines under "Lỗi" and "Cảnh báo:"."""
    lines: list[str] = []
    inside = False
    for line in report.splitlines():
        if line in ("## Lỗi", "Cảnh báo:"):
            inside = True
        elif inside and line.startswith("- "):
            lines.append(line)
        elif inside and line and not line.startswith("- "):
            inside = False
    return lines


def test_the_reports_warnings_and_errors_are_vietnamese(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in (NOTHING_KNOWN, NO_DATE_OR_OUTLET):
        shutil.copy(FIXTURES / f"{name}.txt", articles)
    # An editor's sidecar with values that cannot be used, and two files that cannot be read.
    (articles / f"{NO_DATE_OR_OUTLET}.yaml").write_text(
        "category: [1, 2]\nsection: Y tế\ngroup: maybe\nurl: 'javascript:x'\n", "utf-8"
    )
    (articles / "90_binary.txt").write_bytes(bytes(range(256)) * 4)
    (articles / "91_empty.txt").write_bytes(b"")
    conversion = convert(articles, tmp_path / "docs")
    report = (tmp_path / "docs" / REPORT_FILE).read_text("utf-8")

    lines = _problem_lines(report)
    assert len(lines) == len(conversion.errors) + sum(len(a.problems) for a in conversion.articles) == 10
    for expected in (
        "- `90_binary.txt`: tệp nhị phân (có byte NUL, không có dấu thứ tự byte của Unicode)",
        "- `91_empty.txt`: tệp rỗng",
        "- không tìm thấy ngày đăng",
        "- không tìm thấy tác giả",
        "- không tìm thấy cơ quan đăng hay nguồn",
        "- thông tin bổ sung, trường category: cần một dòng chữ, nhưng có [1, 2]",
        "- thông tin bổ sung, trường group: cần true hoặc false, nhưng có 'maybe'",
        "- địa chỉ 'javascript:x' không phải địa chỉ http hay https: hiện thành chữ, không thành liên kết",
        "- thông tin bổ sung có trường 'section' không dùng được (bỏ qua)",
    ):
        assert expected in lines, (expected, lines)
    assert [line for line in lines if ENGLISH.search(line.replace("`", " "))] == []
    # The command line keeps its English messages (the same kinds and values).
    assert {p.message for p in conversion.errors} == {
        "binary file (NUL bytes, no Unicode byte-order mark)",
        "empty file",
    }


def test_every_kind_is_said_in_both_languages_with_its_numbers_grouped() -> None:
    assert set(_TEXTS) == set(ProblemKind) - {ProblemKind.OTHER}
    for kind, (en, vi) in _TEXTS.items():
        assert en != vi and not ENGLISH.search(vi.replace("YAML", "")), kind
    assert english(ProblemKind.LONG_LINE, (250000, 200000)) == (
        "line of 250,000 characters (at most 200,000): break it into paragraphs"
    )
    assert vietnamese(ProblemKind.LONG_LINE, (250000, 200000)) == (
        "dòng dài 250.000 ký tự (tối đa 200.000): hãy ngắt thành các đoạn"
    )
    problem = Problem.of(Path("a.txt"), ProblemKind.EMPTY, severity=Severity.ERROR)
    assert (problem.message, problem.vietnamese, str(problem)) == (
        "empty file",
        "tệp rỗng",
        "a.txt: error: empty file",
    )
