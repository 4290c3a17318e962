"""Two names of one body in one article, the short one joined to the one it
shortens: a name cut before its "và" or its lower-case words ("Bộ Giáo dục",
"Bộ Giao thông" of "Bộ Giáo dục và Đào tạo", "Bộ Giao thông vận tải"), a
company named without its legal form ("Công ty Phú An Sinh" of "Công ty TNHH
thương mại và chế biến thực phẩm Phú An Sinh"), a body named without its
place ("Sở Y tế" of "Sở Y tế Hà Nội"), with an abbreviation in its name
("Cục ATTP" of "Cục An toàn thực phẩm"), a hospital without its head's
first word ("Viện Mắt"): :func:`one_name` gives the one body. For the
register (:mod:`briefbook.analyse.register`). All pure.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefbook.core.entitykey import entity_key
from briefbook.core.gazetteer import PLACE_TYPES, is_place, load_rules, locality_names, plain, split_words
from briefbook.core.records import EntityKind
from briefbook.core.vietnamese import fold

__all__ = [
    "brand_names",
    "first_part",
    "middle_left_out",
    "names_after_head",
    "one_name",
    "one_word_names",
    "spelled_head",
    "without_legal_form",
]

# The heads of a company, in lower case, and the words of its legal form.
_COMPANY_HEADS = ("tổng công ty", "công ty", "tập đoàn")
_LEGAL_FORMS = frozenset({"tnhh", "cp", "ctcp", "mtv", "tmcp", "cổ", "phần"})

# The first words of a project's or a plan's head ("Dự án", "Đề án", "Chương trình", "Kế hoạch").
_PLANS = frozenset({"Dự", "Đề", "Chương", "Kế"})
_ORG = EntityKind.ORGANISATION

# The scope that ends a body's full name, which its short name leaves out.
_SCOPES = frozenset({"quốc gia", "trung ương"})


def first_part(name: str, bodies: Iterable[str]) -> str:
    """The one name of ``bodies`` that ``name`` opens, cut before its "và" ("Bộ Giáo dục" of "Bộ Giáo
    dục và Đào tạo"), its lower-case words ("Bộ Giao thông" of "Bộ Giao thông vận tải") or its scope
    ("Viện Pháp y" of "Viện pháp y Quốc gia"), or ``name``:
    a short name, or one cut short. Not a second body after "và" ("Bộ Y tế và Bộ Tài chính")."""
    rules = load_rules()
    found = {
        b
        for b in bodies
        if (
            b.startswith(name + " và ")
            and len(rest := plain(split_words(b[len(name) + 4 :]))) > 0
            and not rules.head_phrases.match(rest, 0)
        )
        or (b.startswith(name + " ") and all(w.isalpha() and w.islower() for w in b[len(name) + 1 :].split()))
        or (
            b.casefold().startswith(name.casefold() + " ")
            and b[len(name) + 1 :].casefold() in _SCOPES  # "Viện Pháp y" of "Viện pháp y Quốc gia"
        )
    }
    keys = {entity_key(EntityKind.ORGANISATION, b) for b in found}
    return min(found) if len(keys) == 1 else name


def without_legal_form(name: str, bodies: Iterable[str]) -> str:
    """The one company of ``bodies`` that ``name`` gives without its legal
    form and the words around it ("Công ty Phú An Sinh" of "Công ty TNHH
    thương mại và chế biến thực phẩm Phú An Sinh", "công ty Sông Đà 11" of
    "Công ty CP Sông Đà 11"), or ``name``: one company, two names."""
    folded = name.casefold()
    head = next((h for h in _COMPANY_HEADS if folded.startswith(h + " ")), None)
    if head is None:
        return name
    tail = folded[len(head) + 1 :]
    if not name[len(head) + 1 :][:1].isupper() or _LEGAL_FORMS & set(tail.split()):
        return name
    found = {
        b
        for b in bodies
        if (other := b.casefold()).startswith(head + " ")
        and other.endswith(" " + tail)
        and _LEGAL_FORMS & set(other[len(head) + 1 : len(other) - len(tail)].split())
    }
    keys = {entity_key(EntityKind.ORGANISATION, b) for b in found}
    return min(found) if len(keys) == 1 else name


def middle_left_out(name: str, bodies: Iterable[str]) -> str:
    """The one name of ``bodies`` with the head and the last words of ``name`` and more words between
    them ("Bệnh viện 108" of "Bệnh viện Trung ương Quân đội 108", "Bệnh viện Việt Đức" of "Bệnh viện
    Hữu nghị Việt Đức"), or ``name``: one body, its short name. Not when those last words are in lower
    case, a place or a scope ("Bệnh viện Trung ương" does not shorten "Bệnh viện Nhi Trung ương")."""
    rules = load_rules()
    words = split_words(name)
    n = rules.head_phrases.match(plain(words), 0)
    rest = words[n:]
    if not n or not rest or not (rest[0][0].isupper() or rest[0][0].isdigit()):
        return name
    if " ".join(rest).casefold() in _SCOPES or is_place(" ".join(rest)):
        return name
    head = spelled_head(words[:n])  # "BV Việt Đức" of "Bệnh viện Hữu nghị Việt Đức"
    found = {
        b
        for b in bodies
        if (k := rules.head_phrases.match(plain(other := split_words(b)), 0))
        and spelled_head(other[:k]) == head
        and len(other) - k > len(rest)
        and other[-len(rest) :] == rest
    }
    keys = {entity_key(EntityKind.ORGANISATION, b) for b in found}
    return min(found) if len(keys) == 1 else name


def spelled_head(head: tuple[str, ...]) -> str:
    """A head written out ("BV" -> "Bệnh viện")."""
    return load_rules().heads.get(head) or " ".join(head)


def one_word_names(bodies: Iterable[str]) -> dict[str, str]:
    """The names of one word after a capitalised head ("VinBrain" of "Công ty VinBrain", "Viettel" of
    "Tập đoàn Viettel"), of a foreign shape (no abbreviation), to their one body; not a project's or a
    plan's ("Dự án Telemedicine"). The mention finder says which of their uses alone are the body's."""
    rules = load_rules()
    found: dict[str, set[str]] = {}
    for body in bodies:
        words = split_words(body)
        n = rules.head_phrases.match(plain(words), 0)
        if (
            n
            and len(words) == n + 1
            and words[n][:1].isupper()
            and not words[n].isupper()
            and words[0] not in _PLANS
        ):
            found.setdefault(words[n], set()).add(body)
    return {
        name: min(named) for name, named in found.items() if len({entity_key(_ORG, b) for b in named}) == 1
    }


def brand_names(bodies: Iterable[str]) -> dict[str, str]:
    """The :func:`one_word_names` of companies ("Viettel" of "Tập đoàn Viettel", "VinBrain" of "Công ty
    VinBrain"): a brand names its company in any chapter; not a university's or a council's word,
    which is also a city's or a game's ("ĐH Cardiff", "Cardiff" the club; "Hội đồng Olympic")."""
    return {
        name: body
        for name, body in one_word_names(bodies).items()
        if any(body.casefold().startswith(head + " ") for head in _COMPANY_HEADS)
    }


def one_name(name: str, bodies: Iterable[str]) -> str:
    """The one name of ``bodies`` that ``name`` is another form of (with an
    abbreviation spelled out, its place, its hospital's head, its words
    after "và", its legal form, the words in its middle), or ``name``."""
    name = _hospital(_with_place(_spelled_out(name, bodies), bodies), bodies)
    return middle_left_out(without_legal_form(first_part(name, bodies), bodies), bodies)


# Bodies that, named alone, are the country's own.
_NATIONAL = frozenset({"Chính phủ", "Quốc hội"})


def _with_place(short: str, longer: Iterable[str]) -> str:
    """The one name of ``longer`` that is ``short`` with a place after it
    ("Sở Y tế" -> "Sở Y tế Hà Nội"; in another case: "bệnh viện Răng Hàm
    Mặt Trung ương" -> "Bệnh viện Răng hàm mặt trung ương TP.HCM"), or
    ``short`` when none or several bodies; one body written two ways is one
    ("Sở Y tế Đồng Nai", "Sở Y tế tỉnh Đồng Nai"); a body's office "tại" a
    place is the body the article names without it ("Đại sứ quán Thụy Điển"
    of "Đại sứ quán Thụy Điển tại Việt Nam"); not "Chính phủ", "Quốc
    hội" (the country's own, not "Chính phủ Nhật Bản")."""
    if short in _NATIONAL:
        return short
    stem = _without_place_type(_head_spelled(short))
    found = {
        name
        for name in longer
        if (spelled := _head_spelled(name)).casefold().startswith(stem.casefold() + " ")
        and name != short
        and (
            is_place(rest := spelled[len(stem) + 1 :])
            or _place_after_type(rest)
            or (stem == short and rest in locality_names())  # "Bệnh viện K" of "Bệnh viện K Tân Triều"
            or (rest.startswith("tại ") and (is_place(rest[4:]) or _place_after_type(rest[4:])))
        )
    }
    keys = {entity_key(EntityKind.ORGANISATION, name) for name in found}
    return min(found) if len(keys) == 1 else short


def _head_spelled(name: str) -> str:
    """``name`` with an abbreviated head written out ("UBND thành phố Đà
    Nẵng" -> "Ủy ban nhân dân thành phố Đà Nẵng"): one head, two spellings."""
    rules = load_rules()
    words = split_words(name)
    n = rules.head_phrases.match(plain(words), 0)
    full = rules.heads.get(words[:n]) if n else ""
    return " ".join([full, *words[n:]]) if full else name


def names_after_head(bodies: Iterable[str]) -> dict[str, set[str]]:
    """The bodies by their name after the head ("Phú An Sinh" -> {"Công ty Phú An Sinh"})."""
    rules = load_rules()
    found: dict[str, set[str]] = {}
    for body in bodies:
        words = split_words(body)
        n = rules.head_phrases.match(plain(words), 0)
        if n and len(words) > n + 1:
            found.setdefault(" ".join(words[n:]), set()).add(body)
    return found


def _hospital(name: str, bodies: Iterable[str]) -> str:
    """The one hospital of ``bodies`` that "Viện <name>" shortens ("Viện
    Mắt" of "Bệnh viện Mắt Trung ương"), or ``name``."""
    if not name.startswith("Viện ") or len(name.split()) < 2:
        return name
    found = {b for b in bodies if b == f"Bệnh v{name[1:]}" or b.startswith(f"Bệnh v{name[1:]} ")}
    keys = {entity_key(EntityKind.ORGANISATION, b) for b in found}
    return min(found) if len(keys) == 1 else name


def _without_place_type(name: str) -> str:
    """``name`` without the word for a province or a city that ends it: the
    body of the article's one province or city ("Sở Y tế Thành phố" is the
    "Sở Y tế TP Hồ Chí Minh" the article names, "Sở Y tế tỉnh" its "Sở Y tế
    tỉnh Hải Dương")."""
    words = name.split()
    for skip in (2, 1):
        if len(words) > skip + 1 and " ".join(words[-skip:]).lower() in PLACE_TYPES:
            return " ".join(words[:-skip])
    return name


def _spelled_out(name: str, bodies: Iterable[str]) -> str:
    """The one name of ``bodies`` that spells out an abbreviation inside
    ``name``, the words around it the same ("Cục ATTP" -> "Cục An toàn thực
    phẩm", "Chi cục ATVSTP Hà Nội" -> "Chi cục An toàn vệ sinh thực phẩm Hà
    Nội"), or ``name``: one body under its two names."""
    words = name.split()
    for k in range(1, len(words)):
        short = words[k]
        if not (len(short) >= 2 and short.isalpha() and short.isupper()):
            continue
        after = len(words) - k - 1
        found = set()
        for other in bodies:
            longer = other.split()
            middle = longer[k : len(longer) - after]
            if (
                len(middle) >= 2
                and longer[:k] == words[:k]
                and longer[len(longer) - after :] == words[k + 1 :]
                and "".join(fold(w)[0] for w in middle).lower() == fold(short).lower()
            ):
                found.add(other)
        if len({entity_key(EntityKind.ORGANISATION, f) for f in found}) == 1:
            return min(found)  # (one body, maybe in two cases: "Khoa học", "khoa học")
    return name


def _place_after_type(text: str) -> bool:
    words = text.split()
    for skip in (1, 2):
        if " ".join(words[:skip]).lower() in PLACE_TYPES and is_place(" ".join(words[skip:])):
            return True
    return False
