"""People, organisations and places; the index, the register and "Xem thêm"."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path, PurePath

import pytest
import yaml

from briefbook.analyse.crossrefs import headline_targets, see_also
from briefbook.analyse.entities import article_mentions, build_register, entity_key, find_mentions
from briefbook.analyse.evaluation import EntityScore, score_entities
from briefbook.analyse.glossary import build_glossary
from briefbook.book import find_articles, read_article
from briefbook.core.records import LEDE, EntityKind, RawText
from briefbook.read.reader import parse_article

from .books import EXPECTED, FIXTURES, SEEDS, BuiltBook

PERSON, ORG, PLACE = EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.PLACE

# The names the index must list for the seeds (issue 6).
SEED_NAMES = [
    "Tăng Chí Thượng",
    "Nguyễn Tri Thức",
    "Trần Văn Thuấn",
    "Nguyễn Thúy Anh",
    "Nguyễn Hữu Tú",
    "Soulier Eric",
    "Bộ Y tế",
    "Sở Y tế TP.HCM",
    "BV Chợ Rẫy",
    "Trường Đại học Y Hà Nội",
]


def _article(text: str, name: str = "a.txt") -> object:
    return parse_article(RawText(PurePath(name), unicodedata.normalize("NFC", text), "utf-8"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"Đó là điều nên làm", PGS-TS Tăng Chí Thượng, Giám đốc Sở Y tế TP.HCM, nói.',
            [
                (PERSON, "Tăng Chí Thượng", "PGS-TS, Giám đốc Sở Y tế TP.HCM"),
                (ORG, "Sở Y tế TP.HCM", ""),
            ],
        ),
        (
            "Thứ trưởng Bộ Y tế Trần Văn Thuấn nhấn mạnh vai trò của Trường Đại học Y Hà Nội.",
            [
                (ORG, "Bộ Y tế", ""),
                (PERSON, "Trần Văn Thuấn", "Thứ trưởng Bộ Y tế"),
                (ORG, "Trường Đại học Y Hà Nội", ""),
            ],
        ),
        (
            "Bệnh viện Chợ Rẫy tiếp nhận bệnh nhân từ Viện Vệ sinh dịch tễ Trung ương"
            " và Bộ Giáo dục và Đào tạo.",
            [
                (ORG, "Bệnh viện Chợ Rẫy", ""),
                (ORG, "Viện Vệ sinh dịch tễ Trung ương", ""),
                (ORG, "Bộ Giáo dục và Đào tạo", ""),
            ],
        ),
        (
            "Ông Soulier Eric, Tham tán Hợp tác, đến Việt Nam và Pháp.",
            [(PERSON, "Soulier Eric", "Tham tán Hợp tác"), (PLACE, "Việt Nam", ""), (PLACE, "Pháp", "")],
        ),
        # Anonymised or cut-short names are no names.
        ("Bà Trần Thị M. (45 tuổi) và bệnh nhân Nguyễn Văn được chuyển viện.", []),
        # A role followed by someone else's name is not this person's role.
        (
            "Có mặt ông Nguyễn Chí Dũng, Bộ trưởng Bộ Công Thương Trần Tuấn Anh.",
            [
                (PERSON, "Nguyễn Chí Dũng", ""),
                (ORG, "Bộ Công Thương", ""),
                (PERSON, "Trần Tuấn Anh", "Bộ trưởng Bộ Công Thương"),
            ],
        ),
    ],
)
def test_find_mentions(text: str, expected: list[tuple[EntityKind, str, str]]) -> None:
    assert find_mentions(text) == expected


def test_an_abbreviation_that_names_a_body_is_an_organisation() -> None:
    found = find_mentions(
        "Theo Tổ chức Y tế thế giới (WHO), WHO khuyến cáo", {"WHO": "Tổ chức Y tế Thế giới"}
    )
    assert found == [(ORG, "Tổ chức Y tế thế giới", ""), (ORG, "WHO", ""), (ORG, "WHO", "")]


def test_one_entity_written_several_ways_has_one_key() -> None:
    assert entity_key(ORG, "BV Chợ Rẫy") == entity_key(ORG, "Bệnh viện Chợ Rẫy")
    assert entity_key(ORG, "Sở Y tế TP HCM") == entity_key(ORG, "Sở Y tế TP.HCM")
    assert entity_key(PERSON, "Nguyễn Thị Thuý") == entity_key(PERSON, "Nguyễn Thị Thúy")
    assert entity_key(PERSON, "Eric Soulier") == entity_key(PERSON, "Soulier Eric")
    assert entity_key(ORG, "Bộ Y tế") != entity_key(ORG, "Sở Y tế")
    assert entity_key(PERSON, "Hoa") != entity_key(PERSON, "Hòa")


def test_short_references_resolve_to_the_full_name_of_the_article() -> None:
    article = _article(
        "Tiêu đề\n\nPGS-TS Tăng Chí Thượng phát biểu.\n\nTheo ông Thượng, cần hợp tác. Ông Minh đồng ý.\n"
    )
    people = [(m.surface, m.position) for m in article_mentions(article) if m.kind is PERSON]  # type: ignore[arg-type]
    # "ông Minh" names nobody of the article: dropped.
    assert people == [("Tăng Chí Thượng", LEDE), ("Tăng Chí Thượng", (0, 0))]


def test_register_joins_forms_and_keeps_roles() -> None:
    a = _article("Tin một\n\nBV Chợ Rẫy và BV Chợ Rẫy nhận ca khó.\n", "a.txt")
    b = _article("Tin hai\n\nBệnh viện Chợ Rẫy, TS-BS Nguyễn Tri Thức, Thứ trưởng Bộ Y tế, nói.\n", "b.txt")
    register = build_register([a, b])  # type: ignore[list-item]
    (hospital,) = [e for e in register.entities if "Chợ Rẫy" in e.name]
    assert hospital.name == "BV Chợ Rẫy" and hospital.aliases == ("Bệnh viện Chợ Rẫy",)
    assert hospital.used_in == ("tin-mot", "tin-hai")
    (person,) = register.by_kind(PERSON)
    assert person.roles == (("TS-BS, Thứ trưởng Bộ Y tế", "tin-hai"),)


def _seed_articles() -> list:  # type: ignore[type-arg]
    return [read_article(p, PurePath(p.name))[1] for p in find_articles(SEEDS)]


def test_the_seed_chapters_are_linked_under_xem_them_with_a_reason() -> None:
    articles = _seed_articles()
    glossary = build_glossary(articles)
    related = see_also(articles, build_register(articles), glossary)
    first, second = (a.slug for a in articles)
    assert [s.slug for s in related[first]] == [second]
    assert [s.slug for s in related[second]] == [first]
    assert "Bộ Y tế" in related[first][0].shared


def test_a_name_in_every_chapter_of_a_large_book_links_nothing() -> None:
    articles = [_article(f"Tin số {n}\n\nBộ Y tế họp về chủ đề {n}.\n", f"{n:02}.txt") for n in range(12)]
    related = see_also(articles, build_register(articles), build_glossary(articles))  # type: ignore[arg-type]
    assert all(not links for links in related.values())


def test_related_headlines_that_are_chapters_link_to_them() -> None:
    a = _article(
        "Hợp tác y tế Việt - Pháp\n\nNội dung.\n\n"
        "Tin liên quan\nBỆNH VIỆN CHỢ RẪY KÝ KẾT HỢP TÁC!\nTin khác hẳn\n"
    )
    b = _article("Bệnh viện Chợ Rẫy ký kết hợp tác\n\nNội dung khác.\n", "b.txt")
    assert [item.title for item in a.related] == ["BỆNH VIỆN CHỢ RẪY KÝ KẾT HỢP TÁC!", "Tin khác hẳn"]  # type: ignore[attr-defined]
    targets = headline_targets([a, b])  # type: ignore[list-item]
    assert targets[a.slug] == (b.slug, None)  # type: ignore[attr-defined]


def test_precision_and_recall_against_hand_marked_entities() -> None:
    expected = yaml.safe_load((EXPECTED / "entities.yaml").read_text("utf-8"))
    articles = [read_article(p, PurePath(p.name))[1] for d in (SEEDS, FIXTURES) for p in find_articles(d)]
    scores = score_entities(articles, expected)
    assert len(scores) == 9
    total = {
        kind: sum((s[kind] for s in scores.values()), EntityScore(0, 0, 0, 0))
        for kind in ("people", "organisations")
    }
    assert total["people"].precision >= 0.95
    assert total["organisations"].precision >= 0.85
    # The health articles (the sports digest, all foreign names with no title, aside).
    health = {stem: s for stem, s in scores.items() if "the-thao" not in stem}
    people = sum((s["people"] for s in health.values()), EntityScore(0, 0, 0, 0))
    organisations = sum((s["organisations"] for s in health.values()), EntityScore(0, 0, 0, 0))
    assert people.recall >= 0.9
    assert organisations.recall >= 0.7


def _text(page: Path) -> str:
    return unicodedata.normalize("NFC", html.unescape(re.sub(r"<[^>]+>", " ", page.read_text("utf-8"))))


def test_html_index_lists_the_seed_names_with_links_to_their_sections(seed_book: BuiltBook) -> None:
    html_dir = seed_book.docs / "_build" / "html"
    page = (html_dir / "genindex.html").read_text("utf-8")
    for name in SEED_NAMES:
        items = [
            li
            for li in re.findall(r"<li>(.*?)</li>", page, re.S)
            # "Name — chương 1, [2]; chương 2" (the pages its links open).
            if re.fullmatch(rf"{re.escape(name)}(?:\s*[,—].*)?", _text_of(li), re.S)
        ]
        assert len(items) == 1, name
        links = [
            (t, a) for t, a in re.findall(r'href="([^"#]+)#([^"]+)"', items[0]) if t.startswith("chapters/")
        ]
        assert links, name
        for target, anchor in links:
            body = (html_dir / target).read_text("utf-8")
            assert f'id="{anchor}"' in body
            # The anchor stands before the paragraph that names it.
            after = _text_after(body, anchor)
            assert any(part in after for part in name.split()[-1:]), (name, target, anchor)


def _text_of(fragment: str) -> str:
    return unicodedata.normalize("NFC", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def _text_after(body: str, anchor: str) -> str:
    start = body.index(f'id="{anchor}"')
    return unicodedata.normalize("NFC", html.unescape(re.sub(r"<[^>]+>", " ", body[start : start + 6000])))


def test_pdf_index_lists_the_seed_names_with_pages(seed_book: BuiltBook) -> None:
    (pdf,) = (seed_book.docs / "_build" / "pdf").glob("*.pdf")
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    )
    text = unicodedata.normalize("NFC", out.stdout.decode("utf-8"))
    index = text[text.rindex("Chỉ mục") :]
    flat = " ".join(index.split())
    for name in SEED_NAMES:
        assert re.search(rf"{re.escape(name)}, \d+", flat), name


def test_register_and_see_also_in_the_html(seed_book: BuiltBook) -> None:
    html_dir = seed_book.docs / "_build" / "html"
    register = _text(html_dir / "entities.html")
    for name in SEED_NAMES:
        assert name in register
    assert "Giám đốc Sở Y tế TP.HCM" in register
    first, second = (a.slug for a in seed_book.conversion.articles)
    for slug, other in ((first, second), (second, first)):
        page = (html_dir / "chapters" / f"{slug}.html").read_text("utf-8")
        see = page[page.index("Xem thêm") :]
        assert f'href="{other}.html"' in see[:3000]
        assert "cùng nhắc đến" in see[:3000]


def test_html_index_is_in_vietnamese_alphabetical_order(seed_book: BuiltBook) -> None:
    page = (seed_book.docs / "_build" / "html" / "genindex.html").read_text("utf-8")
    letters = re.findall(r'<h2 id="[^"]*">([^<]+)</h2>', page)
    assert "Đ" in letters and letters.index("Đ") < letters.index("F")  # Sphinx puts it after Z


def test_vietnamese_order_of_index_groups() -> None:
    from briefbook.sphinxext.genindex import vietnamese_order

    groups = [
        ("Symbols", [("!x", 1)]),
        ("B", [("Bộ Y tế", 1), ("BV", 1)]),
        ("D", [("Dân", 1)]),
        ("Đ", [("Đà Nẵng", 1)]),
        ("A", [("Ánh", 1), ("An", 1)]),
    ]
    ordered = vietnamese_order(groups)  # type: ignore[arg-type]
    assert [letter for letter, _ in ordered] == ["Symbols", "A", "B", "D", "Đ"]
    assert [name for name, _ in ordered[1][1]] == ["An", "Ánh"]


_TIES = """
import sys
from tests.test_entities import _article
from briefbook.analyse.crossrefs import headline_targets
a = _article("Hợp tác y tế\\n\\nNội dung.\\n\\nTin liên quan\\nBệnh viện Chợ Rẫy ký hợp tác với Pháp, Đức\\n")
b = _article("Bệnh viện Chợ Rẫy ký hợp tác với Pháp\\n\\nNội dung khác.\\n", "b.txt")
c = _article("Bệnh viện Chợ Rẫy ký hợp tác với Đức\\n\\nNội dung nữa.\\n", "c.txt")
print(headline_targets([a, b, c])[a.slug])
"""


def test_a_related_headline_names_the_same_chapter_whatever_the_hash_seed() -> None:
    """Two of the headline's words are the rarest ("pháp", "đức", one chapter
    each): the chapter it names must not depend on a set's order, which
    changes with PYTHONHASHSEED from one run of the converter to the next."""
    root = Path(__file__).resolve().parent.parent
    found = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": f"{root / 'tools'}{os.pathsep}{root}"}
        run = subprocess.run([sys.executable, "-c", _TIES], env=env, cwd=root, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        found.add(run.stdout.strip())
    assert len(found) == 1, found


def test_xem_them_names_a_shared_name_once() -> None:
    # Two real Báo Mới articles of 2014 (tests/fixtures/entities/baomoi2014) share "TP.HCM",
    # a place of the register and a term of the glossary: "TP.HCM, TP.HCM" once.
    folder = FIXTURES.parent / "entities" / "baomoi2014"
    articles = [read_article(p, PurePath(p.name))[1] for p in find_articles(folder)]
    related = see_also(articles, build_register(articles), build_glossary(articles))
    pupils = next(a.slug for a in articles if a.slug.startswith("tp-hcm-tuyen-gan-120-000-hoc-sinh"))
    links = {link.slug: link.shared for link in related[pupils]}
    assert "TP.HCM" in links[next(s for s in links if s.startswith("quan-long-be-gai"))]
    assert all(len(set(shared)) == len(shared) for shared in links.values())
