"""One bad article never stops the others: every failure is that article's
error, naming file, line and column, and the rest of the book is made."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefbook.book import convert

from .books import SEEDS
from .encodings import to_cp1258

SEED = SEEDS / "000_33420b19da835728.txt"
OTHER = SEEDS / "001_99e64521392f7738.txt"

# The classic "billion laughs", in twelve lines, aimed at a field that is read.
ALIAS_BOMB = "\n".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
        "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
        "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
        "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]",
        "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]",
        "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]",
        "j: &j [*i,*i,*i,*i,*i,*i,*i,*i,*i]",
        "k: &k [*j,*j,*j,*j,*j,*j,*j,*j,*j]",
        "tags: *k",
    ]
)


def _limited() -> None:
    # A bomb that goes off stops at 4 GB instead of taking the machine.
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def _briefbook(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefbook.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        preexec_fn=_limited,
        timeout=timeout,
    )


def _article(folder: Path, name: str, source: Path = SEED) -> Path:
    path = folder / name
    shutil.copy(source, path)
    return path


def test_bad_sidecars_fail_their_own_article_only(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    _article(articles, "01_good.txt", OTHER)
    _article(articles, "02_bad_date.txt")
    (articles / "02_bad_date.yaml").write_text("outlet: Báo Thanh niên\ndate: 2025-13-45\n", "utf-8")
    _article(articles, "03_not_yaml.txt")
    (articles / "03_not_yaml.yaml").write_text("outlet: Báo Thanh niên\ntitle: [Tiêu đề\n", "utf-8")
    _article(articles, "04_binary_sidecar.txt")
    (articles / "04_binary_sidecar.yaml").write_bytes(b"outlet: \x00\x01\x02\xff\xfe")
    _article(articles, "05_cp1258_sidecar.txt")
    (articles / "05_cp1258_sidecar.yaml").write_bytes(to_cp1258("outlet: Báo Sức khỏe và Đời sống\n"))
    _article(articles, "06_alias_bomb.txt")
    (articles / "06_alias_bomb.yaml").write_text(ALIAS_BOMB, "utf-8")
    _article(articles, "07_huge_sidecar.txt")
    (articles / "07_huge_sidecar.yaml").write_text("title: " + "Tiêu đề rất dài " * 10_000 + "\n", "utf-8")
    _article(articles, "08_list_sidecar.txt")
    (articles / "08_list_sidecar.yaml").write_text("- outlet\n- date\n", "utf-8")
    docs = tmp_path / "docs"
    start = time.monotonic()
    result = _briefbook("convert", str(articles), "--out", str(docs))
    assert time.monotonic() - start < 120
    assert result.returncode == 1, result.stderr
    err = result.stderr
    # The failed articles, each named with its file and, where known, line and column.
    assert f"error: {articles / '03_not_yaml.yaml'}:3:1: overrides are not valid YAML: expected ','" in err
    assert "while parsing a flow sequence (line 2, column 8)" in err
    assert f"error: {articles / '04_binary_sidecar.yaml'}: binary file" in err
    assert f"error: {articles / '06_alias_bomb.yaml'}:1:1: overrides grow past" in err
    assert f"error: {articles / '07_huge_sidecar.yaml'}: " in err and "too large" in err
    assert f"error: {articles / '08_list_sidecar.yaml'}:1: overrides must be a mapping" in err
    summary = next(line for line in err.splitlines() if "article(s) failed" in line)
    for name in ("03_not_yaml", "04_binary_sidecar", "06_alias_bomb", "07_huge_sidecar", "08_list"):
        assert name in summary
    assert "02_bad_date" not in summary and "01_good" not in summary
    # A date that is no date is a bad value: a warning, the reader's date stays.
    assert f"{articles / '02_bad_date.txt'}: override date: cannot read '2025-13-45' as a date" in err
    chapters = sorted(p.name for p in (docs / "chapters").glob("*.md"))
    # 01, and 02 with 05 (the same text: a copy of its story, cited in it).
    assert len(chapters) == 2, chapters
    assert any("Cũng đăng trên" in (docs / "chapters" / c).read_text("utf-8") for c in chapters)
    bib = (docs / "references.bib").read_text("utf-8")
    assert "Báo Sức khỏe và Đời sống" in bib and "Báo Thanh niên" in bib


def test_a_file_name_that_is_not_utf8_is_converted(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    _article(articles, "01_good.txt", OTHER)
    name = os.fsdecode(b"02_b\xe0i-vi\xeat.txt")  # Latin-1 bytes: not UTF-8
    shutil.copy(SEED, articles / name)
    docs = tmp_path / "docs"
    conversion = convert(articles, docs)
    assert conversion.errors == ()
    assert len(conversion.articles) == 2
    report = (docs / "_report" / "conversion.md").read_text("utf-8")
    assert "02_b\\xe0i-vi\\xeat.txt" in report
    # A second run reads it from the parse cache.
    assert convert(articles, docs).files == conversion.files


SIDECAR_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(
        st.sampled_from(
            [
                "title: Tiêu đề",
                "date: 2025-13-45",
                "date: 2025-02-30T25:61",
                "date: 1/1/1",
                "accessed: [1, 2]",
                "tags: {a: b}",
                "author: [[Tên]]",
                "author: [Một, [Hai, Ba]]",
                "url: javascript:alert(1)",
                "outlet: &x !!binary aGk=",
                "source: *x",
                "? [a, b]\n: c",
                "title: !!python/object:os.system ls",
                "date: !!timestamp nope",
                "category: 9" * 3,
                "---",
                "...",
                "  - list",
                "{",
                "'",
                "\t",
                "title: '\\ud800'",
            ]
        ),
        max_size=8,
    ).map("\n".join),
)
SIDECAR = st.one_of(SIDECAR_TEXT.map(lambda t: t.encode("utf-8")), st.binary(max_size=200))
FILE_NAME = st.binary(min_size=1, max_size=40).filter(
    lambda b: b"/" not in b and b"\0" not in b and not b.startswith(b".")
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=FILE_NAME, sidecar=SIDECAR, front=st.booleans())
def test_any_sidecar_and_file_name_never_stop_the_run(
    tmp_path: Path, name: bytes, sidecar: bytes, front: bool
) -> None:
    folder = Path(tmp_path / f"run-{time.monotonic_ns()}")
    articles, docs = folder / "articles", folder / "docs"
    articles.mkdir(parents=True)
    _article(articles, "00_good.txt", OTHER)
    stem = os.fsdecode(b"01_" + name)
    if front:
        (articles / f"{stem}.txt").write_bytes(b"---\n" + sidecar + b"\n---\n" + SEED.read_bytes())
    else:
        _article(articles, f"{stem}.txt")
        (articles / f"{stem}.yaml").write_bytes(sidecar)
    conversion = convert(articles, docs)
    assert len(conversion.articles) + len(conversion.errors) == 2
    assert any(a.path.name == "00_good.txt" for a in conversion.articles)
    for error in conversion.errors:
        assert error.path.name.startswith("01_")
    for text in conversion.files.values():
        text.encode("utf-8")  # every generated file is UTF-8
    shutil.rmtree(folder)


def test_a_yaml_alias_bomb_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    _article(articles, "01_good.txt", OTHER)
    _article(articles, "02_alias_bomb.txt")
    (articles / "02_alias_bomb.yaml").write_text(ALIAS_BOMB, "utf-8")
    result = _briefbook("convert", str(articles), "--out", str(tmp_path / "docs"), timeout=120)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert f"error: {articles / '02_alias_bomb.yaml'}:1:1: overrides grow past" in result.stderr
    assert len(list((tmp_path / "docs" / "chapters").glob("*.md"))) == 1


def test_every_accepted_sidecar_field_is_shown(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    _article(articles, "01_seed.txt")
    (articles / "01_seed.yaml").write_text(
        "url: https://thanhnien.vn/hop-tac\naccessed: 02/11/2025\ntags: [hợp tác quốc tế, bệnh viện]\n",
        "utf-8",
    )
    docs = tmp_path / "docs"
    conversion = convert(articles, docs)
    chapter = next(iter(f for name, f in conversion.files.items() if name.startswith("chapters/")))
    assert "- Từ khóa: hợp tác quốc tế, bệnh viện" in chapter
    assert "- Ngày truy cập: 02/11/2025" in chapter
    bib = conversion.files["references.bib"]
    assert 'urldate = "2025-11-02"' in bib
    assert 'keywords = "hợp tác quốc tế, bệnh viện"' in bib


def test_a_file_of_page_debris_is_no_chapter(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    _article(articles, "01_seed.txt")
    # The "Tin liên quan" block of a real page (fixture 15), saved alone.
    fixture = (SEEDS.parent / "tests" / "fixtures" / "articles").glob("15_*.txt")
    text = next(fixture).read_text("utf-8")
    (articles / "02_debris.txt").write_text(text[text.index("Tin liên quan") :], "utf-8")
    conversion = convert(articles, tmp_path / "docs")
    assert [a.title for a in conversion.articles if a.title == "Tin liên quan"] == []
    assert [e.path.name for e in conversion.errors] == ["02_debris.txt"]
    assert "opens page debris" in conversion.errors[0].message
