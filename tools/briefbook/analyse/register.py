"""The book's register: every chapter's mentions joined into entities.

:func:`article_mentions` reads one article (short forms such as "ông Thượng"
are the full name the article gives; "Sở Y tế" is the one "Sở Y tế Hà Nội" it
names), and :func:`build_register` joins the book's mentions into entities:
the same entity written two ways ("BV Chợ Rẫy", "Bệnh viện Chợ Rẫy") is one
entry. All pure.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefbook.analyse.bodyjoins import brand_names, names_after_head, one_name, one_word_names, spelled_head
from briefbook.analyse.credits import DATELINE, SOURCE_CREDIT, blank, source_line, unsigned
from briefbook.analyse.glossary import initials_match
from briefbook.analyse.mentions import find_names
from briefbook.analyse.namesplits import split_again, streets_again
from briefbook.core.anchors import chapter_label, section_labels
from briefbook.core.entitykey import entity_key
from briefbook.core.gazetteer import Phrases, is_place, load_rules, plain, split_words
from briefbook.core.records import LEDE, TITLE, Article, Entity, EntityKind, GlossaryEntry, Mention, Position
from briefbook.core.vietnamese import sort_key

__all__ = ["Register", "article_mentions", "book_mentions", "build_register", "organisation_abbreviations"]

_ORG_WORDS = re.compile(
    r"\b(?:Organi[sz]ation|Association|Agency|Fund|Foundation|Programm?e?|Institute|University|"
    r"Hospital|Council|Committee|Federation|Union|Ministry|Department|Bank|Society|Cent(?:re|er)|"
    r"Office|Academy|Alliance|Network|Corporation|Company|Group|Administration|Authority|Front)\b"
)


# The first words of a document's name: a law, a code, a decree, a circular (not a body's head: "Bộ").
_DOCUMENTS = Phrases.of(
    tuple(d.split())
    for d in (
        "bộ luật",
        "luật",
        "nghị định",
        "nghị quyết",
        "thông tư",
        "quyết định",
        "pháp lệnh",
        "hiến pháp",
    )
)


def organisation_abbreviations(entries: Iterable[GlossaryEntry]) -> dict[str, str]:
    """The glossary's abbreviations that name one organisation or programme,
    to their long form: a head with a name after it ("Tổ chức Y tế Thế giới",
    "chương trình bác sĩ nội trú...") or an English gloss that names a body."""
    rules = load_rules()
    found = {}
    for entry in entries:
        if (entry.abbr,) in rules.heads or not entry.abbr.isupper():
            continue  # "BV", "UBND": a kind of body, named by what follows
        words = split_words(entry.expansion)
        if _DOCUMENTS.match(plain([w.lower() for w in words]), 0):
            continue  # "Bộ luật Hình sự (BLHS)": a code of law, not a ministry
        if words and words[0] in {"chương", "dự", "quỹ"}:
            words = (words[0].capitalize(), *words[1:])
        head = rules.head_phrases.match(plain(words), 0)
        if (
            (head and len(words) > head)
            or _ORG_WORDS.search(entry.english)
            or (
                entry.origin
                and _named_body(entry.abbr, words)
                and not is_place(entry.abbr)
                and not is_place(entry.expansion)
            )
        ):
            for abbr in (entry.abbr, *entry.variants):
                found[abbr] = entry.expansion
    return found


# The first words of a long form capitalised as a name that is no body: a
# document, an event, a measure, a notion ("Hiệp định Đối tác Kinh tế ...
# (VJEPA)", "Chỉ số Giá tiêu dùng (CPI)", "Xã hội Chủ nghĩa (XHCN)").
_NOT_BODIES = frozenset(
    {"Luật", "Nghị", "Quyết", "Thông", "Hiệp", "Công", "Hội", "Diễn", "Đối", "Chiến", "Chỉ", "Tổng", "Ngày"}
    | {"Tuần", "Năm", "Giải", "Cuộc", "Hệ", "Bảo", "Kế", "Đề", "Bộ", "Mục", "Tiêu", "Giá", "Phương", "Dịch"}
    | {"Xã", "Ngân sách", "Kinh", "Chủ", "Vùng", "Khu", "Đồng", "Miền", "Tây", "Đông", "Nam", "Bắc"}
)


def _named_body(short: str, words: Sequence[str]) -> bool:
    """Whether a long form defined in the text is capitalised as the name of
    a body with no head word of the rules: "Kiểm toán Nhà nước (KTNN)",
    "Kho bạc Nhà nước (KBNN)", "Quốc Cường Gia Lai (QCG)": two words or
    more, the first and a later one capitalised, their initials the
    abbreviation's (not a byline "Hà Linh (TTTĐ)"), Vietnamese (an English
    term says it with its words: "Human Leucocyte Antigen (HLA)"), not a
    document's, an event's, a measure's, a region's, a field of government's
    ("Văn hóa, Thể thao và Du lịch")."""
    rules = load_rules()
    lower = plain([w.lower().strip(",") for w in words])
    return (
        len(words) >= 2
        and not all(w.isascii() for w in words)
        and words[0][0].isupper()
        and any(w[0].isupper() for w in words[1:])
        and words[0] not in _NOT_BODIES
        and " ".join(words[:2]) not in _NOT_BODIES
        and not any(c.isdigit() for w in words for c in w)
        and initials_match(short, " ".join(words))
        and not rules.fields.match(lower, 0)
    )


def _is_field(name: str) -> bool:
    """Whether ``name`` is a ministry's field, maybe with its country ("Y tế", "Ngoại giao Nga")."""
    rules = load_rules()
    words = plain(name.split())
    n = rules.fields.match(plain([w.text.lower() for w in words]), 0)
    return bool(n) and (n == len(words) or rules.place_phrases.match(words, n) == len(words) - n)


def _texts(article: Article) -> Iterable[tuple[Position, str]]:
    yield TITLE, article.title
    first = True  # the text the story opens with
    if article.lede:
        yield LEDE, DATELINE.sub("", article.lede, count=1)
        first = False
    last = (len(article.sections) - 1, len(article.sections[-1].paragraphs) - 1) if article.sections else None
    for s, section in enumerate(article.sections):
        if section.heading:
            # Indexed with the section's first paragraph (or the chapter).
            yield ((s, 0) if section.paragraphs else TITLE), section.heading
        for p, paragraph in enumerate(section.paragraphs):
            # The outlet's mark also opens the text when the sapo had it too
            # ("(CATP) Khoa điều trị ..." twice in a crawler's dump).
            opens = first or (s, p) == (0, 0)
            text = (
                DATELINE.sub("", paragraph.text, count=1)
                if opens and DATELINE.match(paragraph.text)
                else paragraph.text
            )
            text = SOURCE_CREDIT.sub(blank, text)
            if source_line(text):
                continue  # "Theo Bộ Y tế, FB Thông tin Chính phủ": where the story comes from
            yield (s, p), unsigned(text) if (s, p) == last else text
            first = False


def article_mentions(
    article: Article, abbreviations: Mapping[str, str] | None = None, known: Mapping[str, str] | None = None
) -> list[Mention]:
    """Every mention in the article's title, lede and body, in order.

    A person named by part of the name ("ông Thượng", "bà Anh") is the person
    of the article whose full name ends that way; with none, the mention is
    dropped (a given name alone says too little). ``known``: the one-word
    names of bodies other chapters give with their head ("Viettel" of "Tập
    đoàn Viettel"), to their body (see :func:`book_mentions`).
    """
    texts = list(_texts(article))
    raw = split_again(
        [(position, named) for position, text in texts for named in find_names(text, abbreviations)]
    )
    again = {
        **(known or {}),
        **one_word_names(n.surface for _, n in raw if n.kind is EntityKind.ORGANISATION),
    }
    if again:  # "Công ty VinBrain" in a caption, "của VinBrain" in the text: the company
        raw = split_again(
            [
                (position, named)
                for position, text in texts
                for named in find_names(text, abbreviations, frozenset(again))
            ]
        )
    raw = streets_again(raw)  # "bãi biển Phạm Văn Đồng" ... "từ Phạm Văn Đồng": the beach
    abbreviations = abbreviations or {}
    # Full names by their last words ("Thượng", "Phương Hoa" -> {"Bùi Thị Phương Hoa"}).
    by_last: dict[str, set[str]] = {}
    surnames = load_rules().surnames
    for _, n in raw:
        if n.kind is EntityKind.PERSON and " " in n.surface and not _given_names(n.surface, surnames):
            words = n.surface.split()
            for k in range(1, len(words)):
                by_last.setdefault(" ".join(words[k:]), set()).add(n.surface)
    # A body named once with its place, elsewhere without it, is one body
    # ("Sở Y tế Hà Nội" ... "Sở Y tế").
    bodies = {n.full or n.surface for _, n in raw if n.kind is EntityKind.ORGANISATION}
    named_after_head = names_after_head(bodies)
    mentions = []
    for position, n in raw:
        kind, surface, role, body = n.kind, n.surface, n.role, ""
        if (
            kind is EntityKind.PERSON
            and surface.split()[0] not in surnames  # not "Nguyễn Du" of "Trường Nguyễn Du"
            and len(named_after_head.get(surface, ())) == 1
        ):
            (body,) = named_after_head[surface]  # "Giám đốc Phú An Sinh": the "Công ty Phú An Sinh"
            kind, role = EntityKind.ORGANISATION, ""
        if kind is EntityKind.PERSON and (" " not in surface or _given_names(surface, surnames)):
            full = by_last.get(surface, set())
            if len(full) != 1:
                continue  # "chị Vân Hà", with no full name in the article: given names only
            (surface,) = full
        named = body or n.full or again.get(surface) or surface  # "VinBrain": "Công ty VinBrain"
        if kind is EntityKind.ORGANISATION and _is_field(named):
            named = f"Bộ {named}"  # "Bộ trưởng Y tế": the ministry, Bộ Y tế
        if kind is EntityKind.ORGANISATION:
            named = one_name(named, bodies)
        key = entity_key(kind, abbreviations.get(named, named))
        # A name that shares its head is given in full ("Bệnh viện Phụ sản Hà Nội").
        mentions.append(Mention(kind, n.full or surface, key, position, role))
    return mentions


def book_mentions(
    articles: Sequence[Article],
    mentions: Mapping[str, Sequence[Mention]],
    abbreviations: Mapping[str, str] | None = None,
) -> dict[str, tuple[Mention, ...]]:
    """The chapters' mentions, one body one key across the book: a chapter
    that names a company alone by the one word another chapter gives after
    its head ("Viettel", "Tập đoàn Viettel": :func:`brand_names`) is read
    again with it; a body named
    by a head and one word ("Tập đoàn EVN", "hãng Sinovac") is the body the
    book names by that word ("EVN", the Tập đoàn Điện lực Việt Nam; "Sinovac")."""
    org = EntityKind.ORGANISATION
    known = brand_names(m.surface for found in mentions.values() for m in found if m.kind is org)
    out = {a.slug: tuple(mentions.get(a.slug, ())) for a in articles}
    for article in articles:
        mine = {m.surface for m in out[article.slug]}
        wanted = {
            word: body
            for word, body in known.items()
            if word not in mine
            and body not in mine
            and any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) for _, text in _texts(article))
        }
        if wanted:
            out[article.slug] = tuple(article_mentions(article, abbreviations, wanted))
    keys = _head_and_name(m for found in out.values() for m in found if m.kind is org)
    return {
        slug: tuple(dataclasses.replace(m, key=keys[m.key]) if m.key in keys else m for m in found)
        for slug, found in out.items()
    }


def _head_and_name(mentions: Iterable[Mention]) -> dict[str, str]:
    """The key of each body named by a head and one word to the key of the
    body the book names by that word alone: a name of a foreign shape
    ("hãng Sinovac": "Sinovac"), or an abbreviation whose long form has that
    head ("Tập đoàn EVN": "EVN", Tập đoàn Điện lực Việt Nam; not "Sở GTVT"
    of the ministry's "GTVT")."""
    rules = load_rules()
    forms: dict[str, set[str]] = {}
    named: dict[str, set[str]] = {}
    for m in mentions:
        forms.setdefault(m.surface, set()).add(m.key)
        named.setdefault(m.key, set()).add(m.surface)
    out = {}
    for key, surfaces in named.items():
        targets = set()
        for surface in surfaces:
            words = split_words(surface)
            n = rules.head_phrases.match(plain(words), 0) or (1 if words[0] in _GROUP_HEADS else 0)
            if not n or len(words) != n + 1 or not words[n].isalpha() or not words[n][0].isupper():
                continue
            head = entity_key(EntityKind.ORGANISATION, spelled_head(words[:n]))
            for other in forms.get(words[n], set()) - {key}:
                if not words[n].isupper() or other.startswith(head + " "):
                    targets.add(other)
        if len(targets) == 1:
            out[key] = targets.pop()
    return out


# Words for a company that the rules do not take for a head ("hãng Sinovac").
_GROUP_HEADS = frozenset({"hãng", "Hãng"})


def _given_names(name: str, surnames: frozenset[str]) -> bool:
    """Whether a Vietnamese person's name of two words has no surname
    ("Phương Hoa", "Vân Hà"): given names, which the article's full name
    explains ("Bùi Thị Phương Hoa"); not a foreign name ("Angela Pratt"), a
    name of three words, whose surname is rare ("Cáp Sỹ Phong"), nor one of
    syllables Vietnamese words do not have ("Pơloong Críp", a Cơ Tu name)."""
    words = name.split()
    return (
        len(words) == 2
        and words[0] not in surnames
        and not name.isascii()
        and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)
        and all(w.lower() in _syllables() for w in words)
    )


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """The syllables of the dictionary's compound words."""
    return frozenset(s for word in load_rules().compounds for s in word.split())


@dataclass(frozen=True, slots=True)
class Register:
    """The book's entities and the index entries of each chapter."""

    entities: tuple[Entity, ...]
    """In Vietnamese alphabetical order."""
    entries: dict[str, dict[Position, tuple[str, ...]]]
    """Chapter slug to the entity names of each of its texts (for the index)."""

    def by_kind(self, kind: EntityKind) -> list[Entity]:
        return [e for e in self.entities if e.kind is kind]


def _anchor(article: Article, labels: Sequence[str | None], position: Position) -> str:
    section = position[0]
    if section >= 0 and labels[section] is not None:
        return labels[section] or chapter_label(article)
    return chapter_label(article)


def build_register(
    articles: Sequence[Article], given: Mapping[str, Sequence[Mention]] | None = None
) -> Register:
    """Join the mentions of every chapter (:func:`book_mentions`) into the book's entities."""
    mentions = (
        given
        if given is not None
        else book_mentions(articles, {a.slug: article_mentions(a) for a in articles})
    )
    forms: dict[str, Counter[str]] = {}
    kinds: dict[str, EntityKind] = {}
    roles: dict[str, dict[tuple[str, str], None]] = {}
    used: dict[str, dict[str, None]] = {}
    places: dict[str, dict[str, None]] = {}
    for article in articles:
        labels = section_labels(article)
        for m in mentions.get(article.slug, ()):
            forms.setdefault(m.key, Counter())[m.surface] += 1
            kinds[m.key] = m.kind
            used.setdefault(m.key, {})[article.slug] = None
            places.setdefault(m.key, {})[_anchor(article, labels, m.position)] = None
            if m.role:
                roles.setdefault(m.key, {})[(m.role, article.slug)] = None
    names: dict[str, str] = {}
    entities = []
    for key, counts in forms.items():
        # The form the book uses most; on a tie the longest, then the first.
        order = {form: i for i, form in enumerate(counts)}
        name = max(counts, key=lambda f: (counts[f], len(f), -order[f]))
        names[key] = name
        entities.append(
            Entity(
                kinds[key],
                name,
                key,
                tuple(f for f in counts if f != name),
                tuple(roles.get(key, {})),
                tuple(used[key]),
                tuple(places[key]),
            )
        )
    entities.sort(key=lambda e: (sort_key(e.name), e.kind.name))
    entries: dict[str, dict[Position, tuple[str, ...]]] = {}
    for article in articles:
        at: dict[Position, dict[str, None]] = {}
        for m in mentions.get(article.slug, ()):
            at.setdefault(m.position, {})[names[m.key]] = None
        entries[article.slug] = {position: tuple(found) for position, found in at.items()}
    return Register(tuple(entities), entries)
