"""Which outlet published a page: the page's own evidence, weighed.

A page names its site in many places: its address, ``og:site_name``, the
parts of ``<title>`` around the headline, the masthead, the copyright line
("© 2012 Ngoisao.net"), the e-mail addresses of its footer
("info@genk.vn"), the lede's dateline ("(TNO)"). Most of these also name
other things: the section ("Xã hội"), the company that owns the site
("Công ty cổ phần ... Vccorp"), the paper an article was taken from ("Theo
Minh Nguyễn/Vcamp.vn"). The signal that holds on any site is agreement with
the site's address: the outlet's name spells its host ("GenK" and genk.vn,
"Ngôi Sao" and ngoisao.net, "Người Lao Động" and nld.com.vn by its
initials). The outlet table (:mod:`briefbook.outlets`) then gives the name a
citation shows; a site the table lacks keeps the name the page spells.

A ground-floor module: it uses only the outlet table, the provinces'
names and the Vietnamese text helpers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from briefbook.core.outlets import Outlet, host_of, load_outlets, outlet_key
from briefbook.core.vietnamese import fold
from briefbook.read.outletname import (
    COMPANY,
    abbreviates,
    copyright_holder,
    core_name,
    paper_of,
    provincial_paper,
    titled,
)

__all__ = [
    "SiteClues",
    "choose_outlet",
    "copyright_holder",
    "hosts_in",
    "name_key",
    "site_labels",
    "spells_site",
]

_HOST = re.compile(
    r"(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:vn|com|net|org|info|tv|gov|edu)(?:\.vn)?(?![\w-])",
    re.IGNORECASE,
)
"""A host written out in text ("m.GenK.vn", the part after "@" of an
e-mail address, "Ngoisao.net")."""

_GENERIC_LABELS = frozenset(
    {"www", "m", "amp", "mobile", "en", "english", "news", "tin", "tintuc", "static", "img", "cdn", "media"}
)
"""Labels of a host that name no site ("news.zing.vn", "en.vietnamplus.vn")."""
_TOP_ENDING = re.compile(r"(?:\.(?:vn|com|net|org|gov|edu|info|tv))+$", re.IGNORECASE)
_TOP_LABELS = frozenset({"vn", "com", "net", "org", "gov", "edu", "info", "tv", "co", "biz", "io"})

_PLATFORMS = frozenset(
    {
        "facebook", "fb", "fbcdn", "google", "googleapis", "gstatic", "googletagmanager", "doubleclick",
        "youtube", "youtu", "twitter", "zalo", "tiktok", "instagram", "linkedin", "pinterest", "gmail",
        "yahoo", "hotmail", "outlook", "apple", "microsoft", "w3", "schema", "addthis", "sharethis",
        "wordpress", "blogspot", "cloudflare", "jquery", "bootstrapcdn", "gravatar", "adnxs", "admicro",
        "eclick", "ambient", "adtima", "vcmedia", "vccorp", "fptplay", "mediacdn",
    }
)  # fmt: skip
"""Hosts every page links or mails to (social networks, mail services, ad
and script servers): never the page's own site."""

_NAME_SUFFIX = re.compile(r"(?:online|news|dientu|vn|net|com|tv)$")
"""What follows an outlet's name spelt as one word ("thanhnienonline",
"zingnews", "ionenet")."""


@dataclass(frozen=True, slots=True)
class SiteClues:
    """What a page says of the site it is on, strongest kind first."""

    declared: tuple[str, ...] = ()
    """Names the page or its saver gives as the outlet: a crawler's outlet
    field, ``og:site_name``, the paper's name on a line of its own."""
    url: str = ""
    """The page's own address."""
    names: tuple[str, ...] = ()
    """Other names the page shows, in page order: the parts of its title
    around the headline, its masthead, short lines of its chrome."""
    copyright: tuple[str, ...] = ()
    """Its copyright or licence lines."""
    furniture: tuple[str, ...] = ()
    """Lines of its chrome that may write out a host (footer, e-mail)."""
    dateline: str = ""
    """The outlet's abbreviation or name that opens the lede ("TNO")."""
    byline: str = ""
    """The outlet a byline names after the writer ("Phương Thảo/VOV.VN")."""
    foreign: tuple[str, ...] = ()
    """Hosts and names that are another paper's (the source an article was
    taken from): never the page's site."""


def site_labels(host: str) -> tuple[str, ...]:
    """The labels of a host that name a site, most specific first
    ("ione.vnexpress.net" gives ``("ione", "vnexpress")``)."""
    labels = [label for label in host.casefold().split(".") if label]
    while labels and labels[-1] in _TOP_LABELS:
        labels.pop()
    return tuple(label for label in labels if label not in _GENERIC_LABELS)


def _squeeze(name: str) -> str:
    text = fold(name).casefold()
    if (host := _HOST.fullmatch(text.strip())) is not None:
        text = ".".join(site_labels(host.group(0)))
    return re.sub(r"[^a-z0-9]+", "", text)


def name_key(name: str) -> str:
    """A site's name folded to the letters a host would spell: "iOne.net",
    "iOne" and "IONE" are one key, "Zing News" and "Zing" another."""
    return _NAME_SUFFIX.sub("", _squeeze(name))


def spells_site(name: str, label: str) -> bool:
    """Whether ``name`` is the name a host's ``label`` spells: the same
    letters ("Ngôi Sao", "ngoisao"), with an edition's word before or after
    ("Tin tức 24h", "Zing News"), or its words' initials ("Người Lao Động",
    "nld")."""
    key = _squeeze(name)
    words = re.findall(r"\w+", fold(name).casefold())
    if not key or not label or len(words) > 5:
        return False
    if key == label or _NAME_SUFFIX.sub("", key) == label:
        return True
    if len(label) >= 3 and (key.startswith(label) or key.endswith(label)) and len(key) - len(label) <= 9:
        return True
    return len(words) >= 2 and "".join(w[0] for w in words) == label


def hosts_in(text: str) -> list[str]:
    """The hosts a line writes out (lower case, without ``www.``)."""
    return [host_of(match.group(0).casefold()) for match in _HOST.finditer(text)]


_ADDRESS = re.compile(r"(?:https?:)?//\S+|!?\[[^\]]*\]\([^)]*\)")
"""A web address or a Markdown link or image: the hosts they name are any
site's (images, scripts, shared links), not the site the page says it is."""


def _chrome_host(clues: SiteClues, foreign: set[str]) -> str:
    """The host the page's chrome writes out most as text: its footer
    ("Truy cập ... m.GenK.vn"), its e-mail addresses ("info@genk.vn")."""
    counts: Counter[str] = Counter()
    for line in (*clues.copyright, *clues.furniture):
        for host in hosts_in(_ADDRESS.sub(" ", line)):
            labels = site_labels(host)
            if labels and labels[-1] not in _PLATFORMS and labels[-1] not in foreign:
                counts[".".join(labels)] += 1
    return counts.most_common(1)[0][0] if counts else ""


def _same_paper(name: str, outlet: Outlet) -> bool:
    """Whether ``name`` spells ``outlet``'s name or an alias, "Báo" aside."""
    key = _paper_key(name)
    return any(_paper_key(known) == key for known in (outlet.name, *outlet.aliases))


def _paper_key(name: str) -> str:
    key = outlet_key(name)
    return key.removeprefix("bao") if len(key) > len("bao") else key


def _named(name: str) -> str:
    """The name a citation shows: the table's (for the name or its first
    words: "VnExpress Đời sống" is VnExpress), or the page's own."""
    table = load_outlets()
    if (outlet := table.by_name(name.strip())) is not None:
        return outlet.name
    name = paper_of(name)
    words = name.split()
    for n in range(len(words), 0, -1):
        if (outlet := table.by_name(" ".join(words[:n]).strip(" -|"))) is not None:
            return outlet.name
    if _HOST.fullmatch(name.strip()) is not None:
        # A name written as the site's domain ("Congluan.vn"): the table's outlet of that host,
        # else the name without its ending ("GenK.vn", "iOne.net").
        if (outlet := table.by_host(host_of(name.strip().casefold()))) is not None:
            return outlet.name
        return _TOP_ENDING.sub("", name.strip())
    return name.strip()


def _words_of(lines: Iterable[str]) -> list[str]:
    """Capitalised words and pairs of words of lines that write out a host:
    "Truy cập bản di động của GenK tại địa chỉ: m.GenK.vn" gives "GenK"."""
    found = []
    for line in lines:
        if _HOST.search(line) is None:
            continue
        words = re.findall(r"[\w.+]+", _HOST.sub(" ", line))
        for i, word in enumerate(words):
            if word[:1].isupper():
                found.append(word)
                if i + 1 < len(words) and words[i + 1][:1].isupper():
                    found.append(f"{word} {words[i + 1]}")
    return found


def spells_exactly(name: str, label: str) -> bool:
    """Whether ``name`` spells ``label`` with nothing before or after but an
    edition's word ("Zing News", "Thanh Niên Online") or the word for its
    kind ("Báo Người Lao Động"), or by its initials."""
    for form in dict.fromkeys((name, core_name(name))):
        key = _squeeze(form)
        words = re.findall(r"\w+", fold(form).casefold())
        if key and (
            key == label
            or _NAME_SUFFIX.sub("", key) == label
            or (len(words) >= 2 and "".join(w[0] for w in words) == label)
        ):
            return True
    return False


def _of_host(host: str, candidates: list[str], foreign: set[str], *, table_first: bool = False) -> str:
    """The outlet of a host: a name the page shows that spells it exactly
    (most specific label first), the table's outlet of the host, a name that
    spells it with more words ("Cười 24H" on 24h.com.vn)."""
    names = [n for n in candidates if n and _squeeze(n) not in foreign]
    labels = site_labels(host)
    outlet = load_outlets().by_host(host)
    if table_first and outlet is not None:
        return outlet.name
    for label in labels:
        if (name := next((n for n in names if spells_exactly(n, label)), None)) is not None:
            return _named(name)
    if outlet is not None:
        return outlet.name
    for label in labels:
        if (name := next((n for n in names if spells_site(n, label)), None)) is not None:
            return _named(_spelling_words(name, label))
    return ""


_OPEN_ENDS = frozenset({"&", "và", "-", "–"})
"""Words a name does not end with ("Gia đình &")."""


def _spelling_words(name: str, label: str) -> str:
    """The words of ``name`` that spell ``label`` exactly, without a tagline
    or a section around them ("Tin nhanh VnExpress", "VnExpress Đời sống":
    "VnExpress"); ``name`` when no run of its words does."""
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            part = " ".join(words[start : start + size])
            if words[start + size - 1] not in _OPEN_ENDS and spells_exactly(part, label):
                return part
    return name


AGGREGATORS = frozenset({"baomoi.com", "news.google.com", "vn.news.yahoo.com"})
"""Sites that show other papers' articles: there, the paper the byline names
("Kim Dung/VOV") published the article."""


def _aggregator(host: str) -> bool:
    """Whether ``host`` is an aggregator's (or one of its sections')."""
    return any(host == site or host.endswith(f".{site}") for site in AGGREGATORS)


def _publishes(host: str) -> bool:
    """Whether the page's address is a paper of the outlet table's own (not an
    aggregator's): its articles are that paper's, also one whose byline names
    the paper it was taken from ("Long Phi/VOV-Miền Trung" on kenh14.vn)."""
    outlet = load_outlets().by_host(host) if host else None
    return outlet is not None and outlet.is_press and outlet.domain not in AGGREGATORS


_PAPER_WORDS = re.compile(r"(?:Báo|Cổng|Tạp chí|Trang tin|Đài|Tuần báo|Nhật báo)\b|[\w-]+\.(?:vn|com|net)\b")


def _is_paper_name(name: str) -> bool:
    """Whether a source names a paper (the table's press, "Báo ...", "Cổng TTĐT ...", a site)."""
    outlet = load_outlets().by_name(name)
    return (outlet is not None and outlet.is_press) or _PAPER_WORDS.match(name.strip()) is not None


def _publisher(holders: list[str]) -> str:
    """The first copyright holder that the outlet table knows as a paper (not an aggregator)."""
    for holder in holders:
        outlet = load_outlets().by_name(holder)
        if outlet is not None and outlet.is_press and not _aggregator(outlet.domain):
            return outlet.name
    return ""


def choose_outlet(clues: SiteClues) -> str:
    """The outlet a page's evidence names (``""`` when it names none).

    First a declared name, the paper the byline names ("Kim Dung/VOV")
    unless the address is a paper's own; then the page's address: a name the page shows that spells its host,
    else the table's outlet of the host; the lede's dateline; the host the
    page's chrome writes out ("info@genk.vn"), the same way; the copyright
    line's holder; last the address's host itself.
    """
    foreign = {label for text in clues.foreign for host in hosts_in(text) for label in site_labels(host)}
    foreign |= {_squeeze(text) for text in clues.foreign}
    declared = [d for d in clues.declared if d.strip() and not COMPANY.search(d)]
    holders = [h for line in clues.copyright if (h := copyright_holder(line))]
    candidates = [
        *declared,
        *clues.names,
        *holders,
        *_words_of((*clues.copyright, *clues.furniture)),
        clues.dateline,
        clues.byline,
    ]
    url_host = host_of(clues.url)
    if declared:
        named = _named(declared[0])
        own = load_outlets().by_host(url_host) if url_host else None
        if own is None and load_outlets().by_name(named) is None:
            # A site the table does not know: "Tin nhanh X", "X Đời sống" on x.vn, the words that spell it.
            spelling = [label for label in site_labels(url_host) if spells_site(named, label)]
            named = _spelling_words(named, spelling[0]) if spelling else named
        # "Báo Pháp Luật TP. Hồ Chí Minh" on plo.vn: the table's spelling of the address's paper.
        return own.name if own is not None and _same_paper(named, own) else named
    if clues.byline and not _publishes(url_host):
        return _named(clues.byline)
    # The paper an article names as its source is the page's own when it spells the page's address
    # ("Theo Báo Đắk Nông điện tử" on baodaknong.org.vn).
    # An aggregator's address names the site the page was saved from, not the paper: the lede's
    # dateline ("(Congluan.vn) - ..." on baomoi.com) names the paper.
    papers = [name for name in clues.foreign if _is_paper_name(name)] if _aggregator(url_host) else []
    aggregated = _aggregator(url_host) and bool(clues.dateline or papers)
    if url_host and not aggregated and (outlet := _of_host(url_host, [*candidates, *clues.foreign], set())):
        return outlet
    if not url_host and (publisher := _publisher(holders)):
        # A page without its address: the copyright line names the paper that published it
        # ("Bản quyền thuộc Báo Điện tử Chính phủ ..."); a dateline there ("(Chinhphu.vn) -")
        # names the desk or the agency the article came from.
        return publisher
    if clues.dateline:
        if load_outlets().by_name(clues.dateline) is None and (
            # An abbreviation the table does not know, which the page's copyright
            # holder or a name in capitals spells out ("NLĐO -" and "Báo Người Lao
            # Động © 2001 - 2011", "HNM" and "Hà Nội Mới"; not a menu's "Trắc nghiệm").
            spelt := next(
                (
                    n
                    for n in candidates
                    if n and (n in holders or titled(n)) and abbreviates(clues.dateline, n)
                ),
                None,
            )
        ):
            return _named(spelt)
        return _named(clues.dateline)
    if papers:
        # "Theo Cổng TTĐT Công an tỉnh" on baomoi.com: the paper the aggregator copied
        # (not "Theo WHO": a source the paper quotes).
        return _named(papers[0])
    chrome_host = _chrome_host(clues, foreign)
    if chrome_host and (outlet := _of_host(chrome_host, candidates, foreign)):
        return outlet
    if holders:
        return _named(holders[0])
    if labels := site_labels(url_host):
        return provincial_paper(labels[0]) or labels[0][:1].upper() + labels[0][1:]
    return ""
