"""Two names of one body in one article, the short one joined to the one it
shortens: a name cut before its "và" or its lower-case words ("Bộ Giáo dục",
"Bộ Giao thông" of "Bộ Giáo dục và Đào tạo", "Bộ Giao thông vận tải"), a
company named without its legal form ("Công ty Phú An Sinh" of "Công ty TNHH
thương mại và chế biến thực phẩm Phú An Sinh"). For the register
(:mod:`briefbook.analyse.register`). All pure.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefbook.core.entitykey import entity_key
from briefbook.core.gazetteer import is_place, load_rules, plain, split_words
from briefbook.core.records import EntityKind

__all__ = ["first_part", "middle_left_out", "without_legal_form"]

# The heads of a company, in lower case, and the words of its legal form.
_COMPANY_HEADS = ("tổng công ty", "công ty", "tập đoàn")
_LEGAL_FORMS = frozenset({"tnhh", "cp", "ctcp", "mtv", "tmcp", "cổ", "phần"})

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
    head = _spelled(words[:n])  # "BV Việt Đức" of "Bệnh viện Hữu nghị Việt Đức"
    found = {
        b
        for b in bodies
        if (k := rules.head_phrases.match(plain(other := split_words(b)), 0))
        and _spelled(other[:k]) == head
        and len(other) - k > len(rest)
        and other[-len(rest) :] == rest
    }
    keys = {entity_key(EntityKind.ORGANISATION, b) for b in found}
    return min(found) if len(keys) == 1 else name


def _spelled(head: tuple[str, ...]) -> str:
    """A head written out ("BV" -> "Bệnh viện")."""
    return load_rules().heads.get(head) or " ".join(head)
