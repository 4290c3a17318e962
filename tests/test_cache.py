"""The parse cache and parallel reading: same book, less work."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path, PurePath

import pytest

import briefbook
from briefbook.book import (
    MEMO_KINDS,
    Source,
    convert,
    find_articles,
    load_source,
    plan_project,
    read_article,
    read_articles,
)
from briefbook.core.editions import History
from briefbook.core.settings import BookSettings
from briefbook.read.parsecache import (
    CACHE_FILE,
    RENDER_CACHE_FILE,
    code_fingerprint,
    dump_cache,
    fingerprint_of,
    load_cache,
)
from briefbook.sphinxext.citation import build_date

from .books import FIXTURES, SEEDS
from .fresh import convert_fresh, without_editions

SEED = SEEDS / "000_33420b19da835728.txt"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """Seeds, fixture articles, a saved web page, a sidecar and an unreadable file."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in [*SEEDS.glob("*.txt"), *FIXTURES.glob("*.txt"), *(FIXTURES.parent / "html").glob("*.html")]:
        shutil.copy(path, folder / path.name)
    (folder / "000_33420b19da835728.yaml").write_text("url: https://thanhnien.vn/hop-tac\n", "utf-8")
    (folder / "99_binary.txt").write_bytes(bytes(range(256)) * 4)
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "_build" not in p.parts
    }


def _uncached_files(articles: Path, previous: History | None = None) -> dict[str, str]:
    """The book without caches, compared with the record of editions ``previous`` (none: a new project)."""
    found, errors = read_articles(find_articles(articles), articles, jobs=1)
    date = build_date().isoformat()
    conversion = plan_project(found, errors, BookSettings(), history=previous or History(), edition_date=date)
    assert not conversion.memo  # no keys, no memo
    return conversion.files


def _key(folder: Path, name: str) -> str:
    return load_source(folder / name, PurePath(name)).key(code_fingerprint())


def test_output_is_the_same_with_and_without_the_cache(articles: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    first = convert(articles, docs)
    assert (docs / CACHE_FILE).is_file()
    written = _files(docs)
    second = convert(articles, docs)
    assert _files(docs) == written
    assert second.files == first.files == _uncached_files(articles)
    assert first.previous == History() and len(second.previous.editions) == 1
    assert second.articles == first.articles
    # Unreadable files are not cached: reported on every run.
    assert [e.path.name for e in first.errors] == [e.path.name for e in second.errors] == ["99_binary.txt"]


def test_unchanged_article_is_not_parsed_again(articles: Path, tmp_path: Path) -> None:
    cache = tmp_path / "articles.cache"
    found, _ = read_articles(find_articles(articles), articles, cache=cache)
    entries = load_cache(cache.read_bytes(), code_fingerprint())
    assert len(entries) == len(found)
    # Plant a different record under the seed's key: it is what a second run
    # returns, so the seed was taken from the cache, not parsed.
    key = _key(articles, SEED.name)
    planted = dataclasses.replace(entries[key], title="Tiêu đề từ bộ nhớ đệm")
    cache.write_bytes(dump_cache({**entries, key: planted}, code_fingerprint()))
    again, _ = read_articles(find_articles(articles), articles, cache=cache)
    assert [a.title for a in again if a.path.name == SEED.name] == ["Tiêu đề từ bộ nhớ đệm"]
    assert [a for a in again if a.path.name != SEED.name] == [a for a in found if a.path.name != SEED.name]


def test_changed_article_or_sidecar_is_parsed_again(articles: Path, tmp_path: Path) -> None:
    cache = tmp_path / "articles.cache"
    read_articles(find_articles(articles), articles, cache=cache)
    seed = articles / SEED.name
    seed.write_text(seed.read_text("utf-8").replace("Hợp tác quốc tế", "Hợp tác quốc tế mới", 1), "utf-8")
    found, _ = read_articles(find_articles(articles), articles, cache=cache)
    fresh = read_article(seed, PurePath(seed.name))[1]
    assert "Hợp tác quốc tế mới" in fresh.title
    assert next(a for a in found if a.path == fresh.path) == fresh
    # The sidecar is part of the key too.
    seed.with_suffix(".yaml").write_text("url: https://thanhnien.vn/khac\n", "utf-8")
    found, _ = read_articles(find_articles(articles), articles, cache=cache)
    assert next(a for a in found if a.path == fresh.path).meta.url == "https://thanhnien.vn/khac"
    # Only this run's articles stay in the cache.
    assert len(load_cache(cache.read_bytes(), code_fingerprint())) == len(found)


def test_code_fingerprint_covers_code_and_data(tmp_path: Path) -> None:
    package = tmp_path / "briefbook"
    shutil.copytree(Path(briefbook.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = fingerprint_of(package)
    assert before == code_fingerprint() == fingerprint_of(package)
    data = package / "data" / "boilerplate.yaml"
    data.write_text(data.read_text("utf-8") + "\n# an edit\n", "utf-8")
    after_data = fingerprint_of(package)
    (package / "read" / "reader" / "__init__.py").write_text(
        (package / "read" / "reader" / "__init__.py").read_text("utf-8") + "\n# an edit\n"
    )
    after_code = fingerprint_of(package)
    assert len({before, after_data, after_code}) == 3


def test_other_code_fingerprint_invalidates(articles: Path, tmp_path: Path) -> None:
    cache = tmp_path / "articles.cache"
    found, _ = read_articles(find_articles(articles), articles, cache=cache)
    entries = load_cache(cache.read_bytes(), code_fingerprint())
    key = _key(articles, SEED.name)
    planted = dataclasses.replace(entries[key], title="Tiêu đề của mã cũ")
    # The same cache, written by other code: nothing of it is used.
    cache.write_bytes(dump_cache({**entries, key: planted}, "other code"))
    assert load_cache(cache.read_bytes(), code_fingerprint()) == {}
    again, _ = read_articles(find_articles(articles), articles, cache=cache)
    assert again == found
    # A different key (another code fingerprint) never finds the entry either.
    source = load_source(articles / SEED.name, PurePath(SEED.name))
    assert source.key("other code") != source.key(code_fingerprint())


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"not a cache at all",
        lambda data: data[: len(data) // 2],
        lambda data: data[:-100] + bytes(b ^ 0x5A for b in data[-100:]),
        lambda data: data.replace("Hợp tác".encode(), "Hợp tấc".encode()),
    ],
    ids=["empty", "garbage", "truncated", "flipped-bytes", "edited-text"],
)
def test_corrupt_cache_is_ignored(articles: Path, tmp_path: Path, damage: object) -> None:
    docs = tmp_path / "docs"
    expected = convert(articles, docs).files
    path = docs / CACHE_FILE
    data = path.read_bytes()
    assert callable(damage)
    damaged = damage(data)
    assert damaged != data
    path.write_bytes(damaged)
    assert load_cache(damaged, code_fingerprint()) == {}
    assert convert(articles, docs).files == expected
    # ... and it was rewritten whole.
    assert len(load_cache(path.read_bytes(), code_fingerprint())) == len(find_articles(articles)) - 1


def test_cache_of_wrong_shape_is_ignored() -> None:
    fingerprint = code_fingerprint()
    article = read_article(SEED, PurePath(SEED.name))[1]
    assert load_cache(dump_cache({"key": article}, fingerprint), fingerprint) == {"key": article}
    assert load_cache(dump_cache({"key": "not an article"}, fingerprint), fingerprint) == {}  # type: ignore[dict-item]


def test_unwritable_cache_is_no_error(articles: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be", "utf-8")
    found, errors = read_articles(find_articles(articles), articles, cache=blocker / "articles.cache")
    assert len(found) == len(find_articles(articles)) - 1
    assert [e.path.name for e in errors] == ["99_binary.txt"]


def test_parallel_reading_gives_the_same_book(articles: Path, tmp_path: Path) -> None:
    # Enough copies that each of two workers gets several chunks.
    for n in range(40):
        shutil.copy(SEED, articles / f"copy-{n:02d}.txt")
    paths = find_articles(articles)
    serial = read_articles(paths, articles, jobs=1)
    parallel = read_articles(paths, articles, jobs=2)
    assert parallel == serial
    progress: list[tuple[int, int]] = []
    audited = read_articles(paths, articles, audit=True, jobs=2, progress=lambda *p: progress.append(p))
    assert audited == read_articles(paths, articles, audit=True, jobs=1)
    # (0, total) as reading starts, then one call per article read.
    assert progress == [(n, len(paths)) for n in range(0, len(paths) + 1)]
    one = convert(articles, tmp_path / "serial", jobs=1)
    two = convert(articles, tmp_path / "parallel", jobs=2)
    assert one.files == two.files
    assert _files(tmp_path / "serial") == _files(tmp_path / "parallel")


def test_source_keys_differ_by_name_and_sidecar() -> None:
    data = SEED.read_bytes()
    fp = code_fingerprint()
    keys = {
        Source(PurePath("a.txt"), data).key(fp),
        Source(PurePath("b.txt"), data).key(fp),
        Source(PurePath("a.txt"), data, ((".yaml", b"url: x\n"),)).key(fp),
        Source(PurePath("a.txt"), data, ((".yml", b"url: x\n"),)).key(fp),
        Source(PurePath("a.txt"), data + b"\n").key(fp),
    }
    assert len(keys) == 5


def test_cached_conversion_follows_edits(articles: Path, tmp_path: Path) -> None:
    """Edits, a new article that defines a new abbreviation, a removal: each
    conversion from the caches gives what a conversion without them gives."""
    docs = tmp_path / "docs"
    seed = articles / SEED.name
    seed.write_text(seed.read_text("utf-8").rstrip("\n") + "\n\nĐoàn của QXTV đã tới thăm.\n", "utf-8")
    first = convert(articles, docs)
    assert first.files == _uncached_files(articles)
    chapter = next(
        text for path, text in first.files.items() if path.startswith("chapters/") and "QXTV" in text
    )
    assert "{term}`QXTV`" not in chapter
    assert (docs / RENDER_CACHE_FILE).is_file()

    # A new article defines the abbreviation: the unchanged seed's chapter now links it.
    (articles / "50_moi.txt").write_text(
        "Quỹ xét tặng vàng mở đợt mới\n\nQuỹ xét tặng vàng (QXTV) vừa công bố danh sách năm nay.\n", "utf-8"
    )
    second = convert(articles, docs)
    assert second.files == _uncached_files(articles, second.previous)
    assert any("{term}`QXTV`" in text and "Đoàn của" in text for text in second.files.values())

    # An edit, and a removal.
    other = articles / "001_99e64521392f7738.txt"
    other.write_text(other.read_text("utf-8").replace(".\n", ". Câu thêm.\n", 1), "utf-8")
    (articles / "50_moi.txt").unlink()
    third = convert(articles, docs)
    assert third.files == _uncached_files(articles, third.previous)
    assert third.files == convert_fresh(articles, tmp_path / "fresh", third.previous).files
    assert _files(docs) == _files(tmp_path / "fresh")


def test_render_cache_is_used_and_may_be_corrupt(articles: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    expected = convert(articles, docs)
    path = docs / RENDER_CACHE_FILE
    memo = load_cache(path.read_bytes(), code_fingerprint(), MEMO_KINDS)
    assert memo.keys() == expected.memo.keys()
    # A planted text is what the next run writes: the memo was used.
    key = next(k for k in memo if k.startswith("bib:"))
    path.write_bytes(dump_cache({**memo, key: "@misc{planted}\n"}, code_fingerprint()))
    assert "@misc{planted}" in convert(articles, docs).files["references.bib"]
    # A damaged one is ignored.
    path.write_bytes(path.read_bytes()[:-50])
    # (The planted text was an edition of its own: the record has it.)
    assert without_editions(convert(articles, docs).files) == without_editions(expected.files)
    assert load_cache(path.read_bytes(), code_fingerprint(), MEMO_KINDS).keys() == memo.keys()


def test_cached_conversion_follows_links_between_chapters(articles: Path, tmp_path: Path) -> None:
    """A chapter's "Xem thêm" and index entries depend on the other chapters:
    renaming one, or a new one naming the same people, changes the others'
    chapters, from the caches as without them."""
    docs = tmp_path / "docs"
    first = convert(articles, docs)
    other = articles / "001_99e64521392f7738.txt"
    lines = other.read_text("utf-8").split("\n", 1)
    other.write_text("Nhịp cầu y tế Việt - Pháp (tựa mới)\n" + lines[1], "utf-8")
    second = convert(articles, docs)
    assert second.files == _uncached_files(articles, second.previous)
    seed_chapter = next(
        text for path, text in second.files.items() if path.startswith("chapters/hop-tac-quoc-te")
    )
    assert "Nhịp cầu y tế Việt - Pháp (tựa mới)" in seed_chapter
    assert second.files != first.files
    # A new article names a person of the seed under another form.
    (articles / "60_moi.txt").write_text(
        "Bệnh viện Chợ Rẫy đón đoàn chuyên gia\n\nBệnh viện Chợ Rẫy và Bệnh viện Chợ Rẫy tiếp đoàn. "
        "TS-BS Nguyễn Tri Thức phát biểu.\n",
        "utf-8",
    )
    third = convert(articles, docs)
    assert third.files == _uncached_files(articles, third.previous)
