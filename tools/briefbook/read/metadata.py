"""Recognise metadata lines: dates, category lines, bylines, source lines.

Each function looks at one line of text and returns what it found, or
``None``. None of them guesses: a line that does not clearly match is not
metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefbook.core.outlets import host_of, load_outlets
from briefbook.core.records import ArticleDate
from briefbook.core.vietnamese import LOWER, UPPER
from briefbook.read.dates import CategoryLine, find_date, parse_category_line

__all__ = [
    "Byline",
    "CategoryLine",
    "credited_names",
    "find_date",
    "has_byline_label",
    "is_name_word",
    "outlet_from_url",
    "outlet_name",
    "parse_byline",
    "parse_category_line",
    "parse_source_line",
    "parse_url_line",
    "split_names",
]

_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_SOURCE_RE = re.compile(
    r"^\*?\(?\s*(?:Nguồn(?:\s+tin)?|Theo|Tổng hợp)\s*:\s*(?P<src>.+?)\s*\)?\s*$", re.IGNORECASE
)
"""A source line: "Nguồn: ...", "Theo: ...", "*Tổng hợp: VTV.vn, Báo Sức khỏe & Đời sống,
WHO" (the sources a piece was compiled from)."""
_THEO_RE = re.compile(
    rf"^\(?\s*Theo\s+(?P<src>[{UPPER}][^,.;:]*?|[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org)(?:\.vn)?)\s*\)?\s*$"
)
"""A paper or an agency ("Theo Dân trí"), or a site by its address ("Theo vietnamplus.vn")."""
# In brackets, a list of agencies: "(Theo Reuters, AFP)".
_THEO_PAREN_RE = re.compile(rf"^\(\s*Theo\s+(?P<src>[{UPPER}][^()]*?)\s*\)$")
_CREDIT_RE = re.compile(
    r"^(?:(?:Tin|Bài|Ảnh|Video|Clip)(?:\s*(?:,|và|&)\s*(?:tin|bài|ảnh|video|clip))*"
    r"|Thực hiện|Nhóm phóng viên|Nhóm PV|PV|CTV)\s*:\s*(?P<names>.+)$",
    re.IGNORECASE,
)


_ROLE_BEFORE = re.compile(rf"^(?:CTV|PV|BTV|Phóng viên|Cộng tác viên)\s+(?=[{UPPER}][{LOWER}])")
"""The writer's part written before the name without a colon: "CTV Tuấn Dũng/HTTV"."""

_ENGLISH_LABEL = re.compile(r"(?:Story|Words|Text|Reporting|Written by)\s*:\s*(?=[A-ZĐ])")
"""An English edition's byline label: "Story: Ha Hoang"."""
_WRITTEN_BY = re.compile(r"^(?:Bài viết\s+)?(?:được\s+)?viết bởi\s*:?\s*", re.IGNORECASE)
"""A health site's byline label: "Bài viết được viết bởi TS.BS ... - Trưởng khoa ..."."""
_WRITTEN_BY_MAX = 200
"""The longest such byline with its post (Vinmec's: 160 characters)."""
_DEGREES = re.compile(
    r"^(?:(?:GS|PGS|TS|ThS|BS|BSCK(?:I{1,2}|[12])?|CK(?:I{1,2}|[12])|DS|Bác sĩ|Thạc sĩ|Tiến sĩ|Dược sĩ)"
    r"(?:[.,\s]+|(?=[.,\s]))\s*)+"
)
"""Degrees and titles before a doctor's name: "TS.BS ", "ThS.BS.CKI ", "Thạc sĩ, Bác sĩ "."""
_INITIALS = re.compile(r"(?:[A-ZĐ]\.)+[A-ZĐ]\.?")
"""A writer signing with initials only ("P.Y", "T.H."): a name only under a credit's label."""
_GROUP = re.compile(r"[^,:]{2,40}:\s+")
"""A group named before its members: "SEUP Volunteers: A, B"."""


def credited_names(text: str) -> str:
    """The names an English byline label credits, without what follows them: a
    writer's description after a comma ("Tram Hoang, a Professional
    Communication student at ..."), a disclaimer after the first sentence."""
    text = re.split(r"(?<=[^A-Z.])\.\s+(?=[A-Z])", text, maxsplit=1)[0].rstrip(".")
    if (group := _GROUP.match(text)) is not None:
        text = text[group.end() :]
    names: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if not _is_name(part):
            break
        names.append(part)
    return ", ".join(names) if names else text


def split_names(byline: str) -> list[str]:
    """The people of a byline: "Diệu Hiền - Thế Anh", "A, B và C"."""
    return [n.strip() for n in re.split(r"\s+[-–]\s+|\s*,\s*|\s+và\s+", byline) if n.strip()]


_INITIALLED = re.compile(rf"(?:[A-ZĐ]\.){{1,3}}\s?[{UPPER}][{LOWER}]+")
"""A writer signing with initials and a name: "N.Tập", "T.H.Hà"."""


# Words of a heading or a sentence that are never a person's syllable.
_NOT_NAME_WORDS = frozenset(
    (
        *("những", "các", "của", "và", "là", "có", "không", "được", "trong", "cho", "với", "người"),
        *("bệnh", "viện", "tin", "bài", "tại", "từ", "về", "đến", "một", "này", "khi", "sẽ", "đã"),
        *("ngày", "tháng", "mới", "lạ", "nhóm", "team", "báo", "the", "of", "and"),
        # A page's buttons and links, written in capitals like a byline ("GỬI PHẢN HỒI").
        *(
            "gửi",
            "phản",
            "xem",
            "thêm",
            "chia",
            "sẻ",
            "đăng",
            "nhập",
            "kiếm",
            "quảng",
            "cáo",
            "clip",
            "video",
        ),
    )
)


def _is_name(text: str) -> bool:
    """Every syllable capitalised, 2 to 6 of them, no digits: "Duy Tính";
    or initials and a name: "N.Tập". Common words of a heading ("NHỮNG
    CĂN BỆNH LẠ") are no name's."""
    if _INITIALLED.fullmatch(text):
        return True
    words = text.split()
    if any(w.casefold() in _NOT_NAME_WORDS for w in words):
        return False
    if not 2 <= len(words) <= 6:
        return False
    return all(w[0].isupper() and w.replace(".", "").isalpha() for w in words)


def is_name_word(word: str) -> bool:
    """Whether one word may be a name's: not a common word of a heading or a sentence."""
    return word.casefold() not in _NOT_NAME_WORDS


@dataclass(frozen=True, slots=True)
class Byline:
    """What an author line gives."""

    author: str
    outlet: str = ""
    date: ArticleDate | None = None
    source: str = ""
    """ "Như Tâm (Theo Reuters, AFP)": the agencies the piece draws on."""


#: What the brackets after a name say of the writer's part, not an outlet:
#: "Vân Sơn (thực hiện)", "Hải Yến (tổng hợp)", "Khánh Linh (t/h)".
_ROLES = re.compile(
    r"(?:thực hiện|tổng hợp|t/h|th|lược dịch|biên dịch|dịch|ghi|ghi chép|ghi nhận|"
    r"phóng viên|pv|ctv|cộng tác viên|biên tập|bt)",
    re.IGNORECASE,
)
_THEO_PREFIX = re.compile(r"^Theo\s+", re.IGNORECASE)
# The writer's part written after the names without brackets: "Bảo Trân ghi".
_ROLE_AFTER = re.compile(r"(?<=\S)\s+(?:ghi|thực hiện|tổng hợp|lược dịch|biên dịch)$")


def without_role(text: str) -> str:
    """A byline without the writer's part written after the names ("Bảo Trân ghi")."""
    return _ROLE_AFTER.sub("", text.strip()).strip()


def parse_byline(text: str) -> Byline | None:
    """Author lines: "Duy Tính", "Diệu Hiền - Thế Anh", "Xuân Lan -",
    "Tin, ảnh: Ngô Đồng", "Phúc Vũ - Thể thao Việt Nam | 19:55 06/02/2017".
    """
    text = text.strip().rstrip(",;").rstrip()  # "Nam An,": a crawler's field separator
    if (label := _ENGLISH_LABEL.match(text)) is not None:
        text = credited_names(text[label.end() :])
    labelled = (written := _WRITTEN_BY.match(text)) is not None
    if written is not None:
        # The doctor's name, without the degrees before it and the post after
        # it (" - Trưởng khoa ..."): the line is the label, a name and perhaps
        # a post, never a sentence that opens with the label ("Được viết bởi
        # <name>, cuốn tiểu thuyết ...").
        if len(text) > _WRITTEN_BY_MAX:
            return None
        # A post after a comma is one when it opens with a capital ("BS. Trần
        # Thị Hoa, Khoa Sản"); in lower case the line goes on as a sentence.
        parts = re.split(r"\s+[-–]\s+|\s*,\s+", _DEGREES.sub("", text[written.end() :]), maxsplit=1)
        if len(parts) > 1 and not parts[1][:1].isupper():
            return None
        text = parts[0].strip()
    if len(text) > 120:
        return None
    date = None
    outlet = ""
    if "|" in text:
        head, _, tail = text.partition("|")
        found = find_date(tail)
        if found is None or tail.replace(found[1].group(0), "").strip(" ,|-–"):
            return None
        date, text = found[0], head.strip()
        # "Author - Outlet | time date": the last part names the outlet.
        parts = re.split(r"\s+[-–]\s+", text)
        if len(parts) > 1:
            outlet, text = parts[-1], " - ".join(parts[:-1])
    text = re.sub(r"^By\s+", "", text)  # English editions: "By Le Nga"
    theo = _THEO_PREFIX.match(text)
    if theo is not None:
        # "Theo Minh Nguyễn": a writer the page credits (not "Theo Thanh Niên", a paper).
        rest = text[theo.end() :]
        if load_outlets().by_name(rest) is not None:
            return None
        text = rest
    credit = _CREDIT_RE.match(text)
    if credit:
        text = credit["names"].strip()
        labelled = True
    text = _ROLE_BEFORE.sub("", text)
    source = ""
    slash = re.fullmatch(r"(?P<names>[^/()|]{3,60}?)\s*/\s*(?P<outlet>[A-Za-zĐđ][\w.+&\- ]{1,30})", text)
    if slash and not outlet and not any(c.isdigit() for c in text):
        # "Phương Thảo/VOV.VN", "Ngoc Phuong - Thu Thao / Tuoi Tre News".
        text, outlet = slash["names"].strip(), slash["outlet"].strip()
    agency = re.fullmatch(r"(?P<names>[^()]+?)\s*\((?P<outlet>[^()]{1,60})\)", text)
    if agency:
        text, note = agency["names"].strip(), agency["outlet"].strip()
        if _ROLES.fullmatch(note):
            pass
        elif _THEO_PREFIX.match(note):
            source = _THEO_PREFIX.sub("", note).strip()
        elif not outlet and len(note) <= 40:
            outlet = note
        else:
            return None
    text = _ROLE_AFTER.sub("", text.strip(" -–")).strip()
    names = split_names(text)
    if not names or not all(_is_name(n) or (labelled and _INITIALS.fullmatch(n)) for n in names):
        return None
    if theo is not None and outlet and not source:
        # "Theo Sầm Hoa (Vietnamnet/Reuters)", "Theo Minh Nguyễn/Vcamp.vn": the
        # paper the article was taken from, not the one that published it.
        outlet, source = "", outlet
    return Byline(author=" - ".join(names), outlet=outlet, date=date, source=source)


def has_byline_label(text: str) -> bool:
    """Whether a line says it names the writer: a credit's label ("Tin, ảnh:
    ...", "Bài viết được viết bởi ...", "Story: ...")."""
    return any(p.match(text) for p in (_CREDIT_RE, _WRITTEN_BY, _ENGLISH_LABEL))


def _is_agency_list(text: str) -> bool:
    """ "Reuters, AFP", "TTXVN và Vietnam+": names only (each capitalised,
    four words at most, no figures)."""
    parts = [p.strip() for p in re.split(r",|\s+và\s+", text)]
    return all(
        p and p[0].isupper() and len(p.split()) <= 4 and not any(c.isdigit() for c in p) for p in parts
    )


def parse_source_line(text: str) -> str | None:
    """ "Nguồn tin : Báo Thanh niên", "Nguồn: ...", "Theo Báo Đắk Nông điện tử"."""
    m = _SOURCE_RE.match(text) or _THEO_RE.match(text)
    if m is None and (m := _THEO_PAREN_RE.match(text)) is not None and not _is_agency_list(m["src"]):
        return None  # "(Theo WHO, đây là mức thấp nhất trong 10 năm)": a sentence
    if m is None:
        return None
    source = m["src"].strip()
    if parse_url_line(source) is not None:
        return source  # "Nguồn: https://www.vietnamplus.vn/...": an address, however long
    if not source or ((len(source) > 80 or len(source.split()) > 10) and not _is_source_list(source)):
        return None
    return source


_LIST_PART_WORDS = 6
"""The most words of one source in a list of them ("Báo Sức khỏe & Đời sống")."""


def _is_source_list(text: str) -> bool:
    """ "VTV.vn, Báo Sức khỏe & Đời sống, WHO, Africa CDC, Hãng tin AP": the
    sources a piece was compiled from, each a name (capitalised, a few
    words, no figures) and at most 160 characters in all."""
    parts = [p.strip() for p in text.split(",")]
    return (
        len(parts) >= 2
        and len(text) <= 160
        and all(
            p and p[0].isupper() and len(p.split()) <= _LIST_PART_WORDS and not any(c.isdigit() for c in p)
            for p in parts
        )
    )


def parse_url_line(text: str) -> str | None:
    """A line that is nothing but a URL."""
    return text if _URL_RE.match(text) else None


def outlet_name(name: str) -> str:
    """The name a citation shows for an outlet named ``name``: a dateline
    abbreviation spelt out ("TTO" -> "Báo Tuổi Trẻ Online"), a site's
    domain or another of its names made its table name (``data/outlets.tsv``);
    names the table lacks stay as they are."""
    table = load_outlets()
    outlet = table.by_name(name) or table.by_name(name.split("-")[0])
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        # "VnExpress Đời sống", "Dân trí Online - Sức khỏe": the paper and its section.
        if outlet is None:
            outlet = table.by_name(" ".join(words[:n]).strip(" -|"))
    if outlet is None:
        # "HNMO", "QĐND Online", "VOV.VN": the abbreviation with its online edition's mark.
        outlet = load_outlets().by_name(re.sub(r"(?:\s+Online|\.vn|O)$", "", name, flags=re.IGNORECASE))
    return outlet.name if outlet is not None else name


def outlet_from_url(url: str) -> str:
    """The outlet of the site an article's address names ("vnexpress.net"
    is "VnExpress"); a site the table lacks by its host name."""
    outlet = load_outlets().by_url(url)
    if outlet is not None:
        return outlet.name
    # A site the table lacks: its name, from its domain ("teen9x.net" is "Teen9x").
    label = host_of(url).split(".")[0]
    return label[:1].upper() + label[1:] if label else ""
