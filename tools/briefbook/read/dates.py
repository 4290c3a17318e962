"""Recognise dates as Vietnamese pages write them, and the category lines
that carry one ("Sức khỏe Chủ Nhật 02/11/2025, 09:21").

Each function looks at one line of text and returns what it found, or
``None``; none of them guesses (day before month, as in Vietnamese, except
after an English label that writes the month first).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefbook.core.records import ArticleDate
from briefbook.core.vietnamese import SENTENCE_STOPS

__all__ = ["WEEKDAY", "CategoryLine", "find_date", "parse_category_line"]

WEEKDAY = r"(?:[Tt]hứ\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[2-7])|[Cc]hủ\s+[Nn]hật|CN|T[2-7])"
_DATE = r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
_TIME = (
    r"(?P<H>\d{1,2})(?::|h|g)(?P<M>\d{2})(?:'|:\d{2})?"
    r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?|SA|CH|[Ss]áng|[Cc]hiều|[Tt]ối)(?!\w))?"  # "02:30 PM", "8:30 CH"
)
# "(GMT+7)", "GMT+7", "(GMT+07:00)", "(UTC+7)": the zone, which pages print in many ways.
_ZONE = r"(?:\s*\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\)?)?"
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAME = r"\b(?P<mon>" + "|".join(sorted(map(str.capitalize, _MONTHS), key=len, reverse=True)) + r")\.?"
# "2025-12-01 10:05", "2025-12-01T10:05:00+07:00", and with slashes as crawlers
# write it, "2022/06/17" (year first: then the month; not inside an address's path)
_ISO_DATE = re.compile(
    rf"(?<![\w/.-])(?P<y>\d{{4}})(?P<sep>[-/])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})"
    rf"(?:[T ]{_TIME})?(?:Z|[+-]\d{{2}}:?\d{{2}})?(?![\d/-])"
)
# English-language editions: "December 09, 2025 - 08:47", "Dec. 9, 2025"
_ENGLISH_DATE = re.compile(
    rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{{0,6}}\.?,?\s*)?{_MONTH_NAME}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})"
    rf"(?:\s*[,|-]?\s*{_TIME})?{_ZONE}"
)
# English software's label ("Published on 03-08-2011 01:00 AM": vBulletin,
# WordPress in English) writes the month first, as in the United States.
_US_DATE = re.compile(
    rf"\b(?:Published|Posted|Updated|Last updated)(?:\s+on)?\s*:?\s*"
    rf"(?P<m>\d{{1,2}})[/-](?P<d>\d{{1,2}})[/-](?P<y>\d{{4}})(?:\s*[,|-]?\s*{_TIME})?{_ZONE}"
)
_DATE_RES = (
    _US_DATE,
    # "Chủ Nhật 02/11/2025, 09:21", "16/08/2023 11:30", "02/11/2025 - 09:21",
    # "Thứ Hai, ngày 01/12/2025 10:05", "01/12/2025 10:05 GMT+7"
    re.compile(rf"(?:{WEEKDAY}\s*,?\s*)?(?:ngày\s+)?{_DATE}(?:\s*[,|-]?\s*{_TIME})?{_ZONE}"),
    # "19:55 06/02/2017", "09:21 | 02/11/2025"
    re.compile(rf"{_TIME}\s*[,|-]?\s*(?:{WEEKDAY}\s*,?\s*)?(?:ngày\s+)?{_DATE}{_ZONE}"),
    # "29/05/13 19:41 GMT+7": a two-digit year, only with the time after it
    re.compile(
        rf"(?<![\d/.-])(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<yy>\d{{2}})(?![\d/])\s*[,|-]?\s*{_TIME}{_ZONE}"
    ),
    _ISO_DATE,
    # In words: "ngày 9 tháng 12 năm 2025" (press releases, official letters)
    re.compile(r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2}),?\s+năm\s+(?P<y>\d{4})"),
    _ENGLISH_DATE,
)
_DATE_LABEL = re.compile(
    r"(?:Cập nhật(?: lúc| lần cuối)?|Ngày đăng|Đăng lúc|Đăng ngày|Ngày|Thời gian|Xuất bản|Published|Updated)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
_SHARE_AFTER = re.compile(r"^(?:Chia sẻ|Share)\s*:?$", re.IGNORECASE)
_WEEKDAY_DAY = re.compile(rf"(?<!\w){WEEKDAY}\s*,?\s*(?:ngày)?$")
_SENTENCE_END = (*SENTENCE_STOPS, *';:"”’)]')
"""The end of a text before a date that is a sentence's or a clause's, not a label's."""


def _date_from_match(m: re.Match[str]) -> ArticleDate | None:
    groups = m.groupdict()
    try:
        month = _MONTHS[groups["mon"].lower()] if groups.get("mon") else int(m["m"])
        year = int(m["y"]) if groups.get("y") else 2000 + int(m["yy"])
        date = dt.date(year, month, int(m["d"]))
        time = None
        if groups.get("H") is not None:
            hour = int(m["H"])
            ampm = (m["ampm"] or "").lower().replace(".", "")
            if ampm in ("pm", "ch", "chiều", "tối") and hour < 12:
                hour += 12
            elif ampm in ("am", "sa", "sáng") and hour == 12:
                hour = 0
            time = dt.time(hour, int(m["M"]))
    except ValueError:
        return None
    return ArticleDate(date=date, time=time, raw=m.group(0).strip())


def find_date(text: str) -> tuple[ArticleDate, re.Match[str]] | None:
    """The first valid date in ``text`` (day before month, as in Vietnamese)."""
    best: tuple[ArticleDate, re.Match[str]] | None = None
    for pattern in _DATE_RES:
        for m in pattern.finditer(text):
            found = _date_from_match(m)
            if found is None:
                continue
            # Prefer the earliest match, then the longest (the one with a time).
            if best is None or (m.start(), -len(m.group(0))) < (
                best[1].start(),
                -len(best[1].group(0)),
            ):
                best = (found, m)
            break
    return best


@dataclass(frozen=True, slots=True)
class CategoryLine:
    """A line such as "Sức khỏe Chủ Nhật 02/11/2025, 09:21"."""

    category: str
    date: ArticleDate


def parse_category_line(text: str) -> CategoryLine | None:
    """A short line made of an optional category label and a date."""
    if len(text) > 100:
        return None
    found = find_date(text)
    if found is None:
        return None
    date, m = found
    before, after = text[: m.start()].strip(" ,|-–"), text[m.end() :].strip(" ,|-–")
    # "Cập nhật thứ hai, ngày 24/12/12 ...": a weekday before "ngày" is the
    # date's, so "ngày" names no title's subject here (see below); so is one
    # before the time ("Thứ Năm, 15:09, 02/04/2026", whose "Năm" is no year).
    before = _WEEKDAY_DAY.sub("", before).strip(" ,|-–")
    # "Cập nhật: 10:20, 03/11/2025", "Ngày đăng: ...": a label, not a category.
    before = _DATE_LABEL.sub("", before).strip(" ,|-–:")
    if after and not before and text[m.end() :].lstrip().startswith("|"):
        # "08-11-2025 - 10:32 AM | Sức khỏe" (Người Lao Động): the section after the date.
        before, after = after, ""
    after = _SHARE_AFTER.sub("", after)  # "... 10/02/2025 Chia sẻ:": the share buttons' label
    if after or len(before.split()) > 6 or before.endswith(_SENTENCE_END):
        return None
    # ("Sức khỏe Thứ Hai, ngày 01/12/2025": the weekday makes it a date line)
    titled = before and m.group(0).lower().startswith("ngày")
    if titled or before.lower().endswith(("ngày", "tháng", "năm")):
        return None  # "Bản tin COVID-19 ngày 12/8/2021": a title with a date in it
    if before and m.re in (_ISO_DATE, _ENGLISH_DATE):
        return None  # ISO and English dates open their line ("Báo cáo 2025-11-12" is a title)
    return CategoryLine(category=before, date=date)
