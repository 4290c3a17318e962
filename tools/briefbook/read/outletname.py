"""An outlet's name as pages write it (and whom a copyright line names): the word for its kind before it
("Báo", "Tạp chí"), its edition's after it ("Online"), its initials (a
dateline's abbreviation), a list's mark, a bureau after it ("VOV - TP.HCM")."""

from __future__ import annotations

import re

from briefbook.core.gazetteer import is_place, province_names
from briefbook.core.vietnamese import fold

__all__ = [
    "COMPANY",
    "abbreviates",
    "copyright_holder",
    "core_name",
    "initials",
    "paper_of",
    "provincial_paper",
    "titled",
]

_PRESS_KIND = re.compile(
    r"^(?:[*•-]\s+)?(?:(?:báo|tạp chí|trang tin|cổng thông tin)(?: điện tử)?|đài|nhật báo|tuần báo)\s+",
    re.IGNORECASE,
)
_EDITION_WORD = re.compile(r"\s+(?:online|điện tử|news)$", re.IGNORECASE)


def core_name(name: str) -> str:
    """An outlet's name without the word for its kind before it or its
    edition's after it: "Báo Người Lao Động Online" gives "Người Lao Động"."""
    return _EDITION_WORD.sub("", _PRESS_KIND.sub("", name.strip()))


def initials(name: str) -> str:
    """The initials of a name's words, capitals kept ("Người Lao Động": "NLĐ")."""
    return "".join(word[0] for word in re.findall(r"\w+", name)).upper()


def titled(name: str) -> bool:
    """Whether every word of a name (its kind's word aside) starts with a capital."""
    words = re.findall(r"\w+", core_name(name))
    return len(words) >= 2 and all(word[0].isupper() for word in words)


def abbreviates(abbreviation: str, name: str) -> bool:
    """Whether a dateline's abbreviation is ``name``'s initials, alone or with
    its edition's ("NLĐO" and "Báo Người Lao Động", "HNM" and "Hà Nội Mới")."""
    letters = initials(core_name(name))
    mark = abbreviation.strip().upper()
    return len(letters) >= 2 and mark in (letters, letters + "O")


_LIST_MARK = re.compile(r"^\s*[*•]\s+")
_BUREAU = re.compile(r"(?P<paper>\S.*?)\s*[-–]\s*(?P<region>[^-–]+)")
_REGIONS = frozenset({"miền bắc", "miền trung", "miền nam", "bắc bộ", "trung bộ", "nam bộ"})


def _is_region(text: str) -> bool:
    """A place or a part of the country a paper has a bureau in."""
    return is_place(text.strip()) or " ".join(text.split()).casefold() in _REGIONS


def paper_of(name: str) -> str:
    """The paper a name writes, without a list's mark before it or a
    bureau after it ("* VnExpress", "VOV - TP.HCM", "VOV-Miền Trung")."""
    name = _LIST_MARK.sub("", name)
    if (bureau := _BUREAU.fullmatch(name.strip())) is None or not _is_region(bureau["region"]):
        return name
    paper, region = bureau["paper"].split(), bureau["region"].strip()
    if any(is_place(" ".join([*paper[-k:], region])) for k in range(1, min(3, len(paper)) + 1)):
        return name  # one place written with a dash: "Báo Thừa Thiên - Huế"
    return bureau["paper"]


def provincial_paper(label: str) -> str:
    """The provincial paper a host's label spells: "baobinhphuoc" is "Báo
    Bình Phước", as every province's party paper names its site."""
    if not label.startswith("bao"):
        return ""
    place = label.removeprefix("bao")
    return next(
        (
            f"Báo {name}"
            for name in province_names()
            if re.sub(r"[^a-z0-9]+", "", fold(name).casefold()) == place
        ),
        "",
    )


COMPANY = re.compile(
    r"\b(?:công ty|cổ phần|tnhh|jsc|corp|corporation|company|group|tập đoàn)\b", re.IGNORECASE
)

_COPYRIGHT_MARK = re.compile(r"©|\(c\)|\bcopyright\b|bản quyền(?: thuộc(?: về)?)?", re.IGNORECASE)
_HOLDER_END = re.compile(r"[,;|]|\s[-–—]\s|\.\s|\s(?:all rights|giữ bản quyền|ghi rõ|thuộc)\b", re.IGNORECASE)
_KEEPS_RIGHTS = re.compile(r"^(?:©\s*)?([^©]{2,80}?)\s+giữ (?:toàn )?bản quyền\b", re.IGNORECASE)
_HOLDER_WORDS = 9
"""The most words of a copyright holder's name ("Cổng Thông tin điện tử Chính phủ")."""
_YEARS = re.compile(r"^(?:\d{4}\s*(?:[-–]\s*\d{4})?[\s,.]*)+")


def copyright_holder(line: str) -> str:
    """Whom a copyright line names: "© 2003-2011, Báo Thanh Niên" gives
    "Báo Thanh Niên", "© Copyright 2010 iOne.net, All rights reserved"
    gives "iOne.net"; ``""`` when the line is no copyright line or names a
    company, not a site."""
    marks = list(_COPYRIGHT_MARK.finditer(line))
    if not marks or len(line) > 300:
        return ""
    if (keeps := _KEEPS_RIGHTS.match(line)) is not None:
        # "Pháp Luật TP.HCM giữ bản quyền nội dung trên Website này": the holder comes first.
        rest = keeps.group(1)
    else:
        rest = line[marks[-1].end() :].strip(" :,.")
        before = line[marks[-2].end() if len(marks) > 1 else 0 : marks[-1].start()].strip(" :,.-")
        if (
            not _YEARS.sub("", rest).strip(" :,.-")
            and ":" not in before
            and "|" not in before
            and titled(before)
        ):
            # "Bản quyền thuộc về Báo Người Lao Động © 2001 - 2011": the holder (a name in
            # capitals), then the mark and the years; not "Về đầu trang © 2024".
            rest = before
    rest = _YEARS.sub("", rest).strip(" :,.-")
    rest = re.sub(r"^(?:bởi|by|of)\s+", "", rest, flags=re.IGNORECASE)
    holder = _HOLDER_END.split(rest, maxsplit=1)[0].strip(" .:-")
    if not holder or COMPANY.search(holder) or len(holder.split()) > _HOLDER_WORDS or not holder[0].isalnum():
        return ""
    return holder
