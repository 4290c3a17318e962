"""An outlet's name as pages write it: the word for its kind before it
("Báo", "Tạp chí"), its edition's after it ("Online"), its initials (a
dateline's abbreviation), a list's mark, a bureau after it ("VOV - TP.HCM")."""

from __future__ import annotations

import re

from briefbook.core.gazetteer import is_place, province_names
from briefbook.core.vietnamese import fold

__all__ = ["abbreviates", "core_name", "initials", "paper_of", "provincial_paper", "titled"]

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
    if (bureau := _BUREAU.fullmatch(name.strip())) is not None and _is_region(bureau["region"]):
        return bureau["paper"]
    return name


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
