"""A crawler's records saved as JSON (briefbook.read.crawlrecord): one file per
record, a list of records, JSON Lines; real records (tests/fixtures/records)."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from briefbook.core.problems import ProblemKind
from briefbook.folder import find_articles, read_articles

RECORDS = Path(__file__).resolve().parent / "fixtures" / "records"


def _read(tmp_path: Path, *names: str) -> tuple[dict[str, object], list[str]]:
    for name in names:
        shutil.copy(RECORDS / name, tmp_path / name)
    articles, errors = read_articles(find_articles(tmp_path), tmp_path)
    return {str(a.path): a for a in articles}, [f"{e.path}: {e.kind.value}" for e in errors]


def test_a_list_of_records_gives_an_article_a_record_with_the_fields_metadata(tmp_path: Path) -> None:
    articles, errors = _read(tmp_path, "cafebiz_duoc.json")
    assert errors == []
    assert sorted(articles) == ["cafebiz_duoc.json#1", "cafebiz_duoc.json#2", "cafebiz_duoc.json#3"]
    first = articles["cafebiz_duoc.json#1"]
    assert (
        first.title == "Thần y Trung Quốc 3 năm đổi danh tính 9 lần, lên TV lừa 8 tỷ NDT của người cao tuổi"
    )
    assert first.meta.author == "Tiểu Ngọc"
    assert first.meta.date is not None and first.meta.date.iso() == "2022-03-06T22:16"
    assert first.meta.url.startswith("https://cafebiz.vn/than-y-trung-quoc-3-nam")
    assert first.meta.outlet == "CafeBiz"
    assert first.lede.startswith("Người phụ nữ này lúc thì là giáo sư đại học")
    assert first.sections[0].paragraphs[0].text.startswith("Xã hội ngày càng phát triển")


def test_a_file_of_one_record_keeps_its_name_and_a_year_first_date(tmp_path: Path) -> None:
    articles, errors = _read(tmp_path, "thanhnien_record.json")
    assert errors == []
    article = articles["thanhnien_record.json"]
    assert article.title == "TP.HCM muốn làm khu công nghiệp dược, dược phẩm công nghệ cao"
    assert article.meta.date is not None and article.meta.date.iso() == "2022-07-08"
    assert (article.meta.author, article.meta.outlet) == ("Duy Tính", "Báo Thanh Niên")


def test_a_record_without_text_is_an_error_naming_it_and_the_others_are_read(tmp_path: Path) -> None:
    articles, errors = _read(tmp_path, "vnpca.jsonl", "baocao_list.json", "thanhnien_record.json")
    assert sorted(articles) == ["thanhnien_record.json", "vnpca.jsonl#1"]
    assert errors == [
        "baocao_list.json#1: no-record-text",
        "baocao_list.json#2: no-record-text",
        "vnpca.jsonl#2: no-record-text",
    ]
    vnpca = articles["vnpca.jsonl#1"]
    assert vnpca.meta.date is not None and vnpca.meta.date.iso() == "2022-06-17"


def test_a_file_that_is_not_json_is_an_error_naming_its_line(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('[\n{"title": "x",\n"content": }\n]\n', encoding="utf-8")
    shutil.copy(RECORDS / "thanhnien_record.json", tmp_path)
    articles, errors = read_articles(find_articles(tmp_path), tmp_path)
    assert [str(a.path) for a in articles] == ["thanhnien_record.json"]
    assert [(str(e.path), e.kind, e.lineno) for e in errors] == [("broken.json", ProblemKind.NOT_RECORDS, 3)]


@pytest.mark.parametrize("key", ["content", "noi_dung", "articleBody"])
def test_a_records_text_in_markup_is_read_as_a_page_shows_it(tmp_path: Path, key: str) -> None:
    record = json.loads((RECORDS / "thanhnien_record.json").read_text("utf-8"))
    sentences = [s.strip() for s in record["content"].split(". ") if s.strip()][:3]
    record = {
        "title": record["title"],
        key: "".join(f"<p>{s}.</p>" for s in sentences),
        "url": record["url"],
    }
    (tmp_path / "page.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    articles, errors = read_articles(find_articles(tmp_path), tmp_path)
    assert errors == []
    texts = [articles[0].lede, *(p.text for s in articles[0].sections for p in s.paragraphs)]
    assert not any("<p>" in t for t in texts)
    assert texts[0] == f"{sentences[0]}."


def test_another_crawlers_fields_and_its_text_in_markup(tmp_path: Path) -> None:
    """daibangsamac/BaomoiCrawler: Url, Time, Title, Category, Description and
    Content (HTML) of a baomoi.com page; the paper is the dateline's."""
    school_file, crime_file = (
        "baomoicrawler_tintuc_giaoduc_000009.json",
        "baomoicrawler_tintuc_phapluat_hinhsu_000005.json",
    )
    articles, errors = _read(tmp_path, school_file, crime_file)
    assert errors == []
    school = articles[school_file]
    assert school.title == "Tuyệt đối không ép buộc học sinh đăng ký môn tự chọn"
    assert school.meta.date is not None and school.meta.date.iso() == "2014-04-03T18:45"
    assert school.meta.category == "Giáo dục"
    assert school.meta.outlet == "Báo Giáo dục và Thời đại"  # "GD&TĐ - ...", not the aggregator
    assert school.lede.startswith("GD&TĐ - Đó là chỉ đạo của Sở GD&ĐT Hà Nội")
    texts = [p.text for s in school.sections for p in s.paragraphs]
    assert texts[0].startswith("Yêu cầu các trường thực hiện theo chỉ đạo mới")
    assert not any("<" in t for t in texts)
    crime = articles[crime_file]
    assert crime.meta.outlet == "Báo Người Lao Động"
    caption = "Bà Trần Thị Thanh D. khi điều trị tại bệnh viện - Ảnh: CTV"
    assert caption in [d.text for d in crime.dropped]


_CSV_HEADER = [
    "id", "title", "published_at", "source.name", "url", "language", "category.primary", "keywords",
    "entities", "content.text",
]  # fmt: skip
"""The columns of a real crawl's CSV dump (GitHub leduchuy20/crawl_news, ``crawl_news/crawl/*.csv``:
``pandas.to_csv`` of Lao Động, Znews and 24h articles)."""


def _as_table(tmp_path: Path, name: str, delimiter: str = ",") -> Path:
    """The real records of ``cafebiz_duoc.json`` as the rows of such a table:
    every value unchanged, only the container differs."""
    records = json.loads((RECORDS / "cafebiz_duoc.json").read_text("utf-8"))
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(_CSV_HEADER)
        for n, r in enumerate(records):
            cells = [
                str(n),
                r["title"],
                r["timeCreatePostOrigin"],
                r["urlPageCrawl"],
                r["url"],
                "vi",
                "",
                "",
                "",
            ]
            writer.writerow([*cells, r["content"]])
        writer.writerow([""] * len(_CSV_HEADER))  # a row of empty cells: no article
    return path


@pytest.mark.parametrize(
    ("name", "delimiter"), [("dump.csv", ","), ("dump.tsv", "\t"), ("semicolons.csv", ";")]
)
def test_a_table_of_records_gives_an_article_a_row(tmp_path: Path, name: str, delimiter: str) -> None:
    _as_table(tmp_path, name, delimiter)
    articles, errors = read_articles(find_articles(tmp_path), tmp_path)
    assert errors == []
    assert sorted(str(a.path) for a in articles) == [f"{name}#1", f"{name}#2", f"{name}#3"]
    first = next(a for a in articles if str(a.path) == f"{name}#1")
    assert (
        first.title == "Thần y Trung Quốc 3 năm đổi danh tính 9 lần, lên TV lừa 8 tỷ NDT của người cao tuổi"
    )
    assert first.meta.date is not None and first.meta.date.iso() == "2022-03-06T22:16"
    assert first.meta.url.startswith("https://cafebiz.vn/than-y-trung-quoc-3-nam")
    assert first.meta.outlet == "CafeBiz"
    assert first.sections[0].paragraphs[0].text.startswith("Xã hội ngày càng phát triển")


def test_a_table_without_a_column_of_text_is_an_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "links.csv").write_text("url,title\nhttps://laodong.vn/a.ldo,Một bài\n", "utf-8")
    shutil.copy(RECORDS / "thanhnien_record.json", tmp_path / "thanhnien_record.json")
    articles, errors = read_articles(find_articles(tmp_path), tmp_path)
    assert [str(a.path) for a in articles] == ["thanhnien_record.json"]
    assert [(str(e.path), e.kind) for e in errors] == [("links.csv", ProblemKind.NOT_RECORDS)]
    assert "url, title" in errors[0].message
