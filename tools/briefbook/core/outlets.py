"""Vietnamese news outlets as data: domains, the names a citation shows,
the other names they go by and their datelines' abbreviations.

A ground-floor module: every stage may use it (the reader for datelines and
bylines, the saved-page reader for ``og:site_name``, overrides for a clipped
page's address) and it uses none of them. The table is
``data/outlets.tsv``.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

from briefbook.core.vietnamese import UPPER, fold

__all__ = ["Outlet", "OutletTable", "host_of", "load_outlets", "outlet_key"]


@dataclass(frozen=True, slots=True)
class Outlet:
    """One outlet of the table."""

    domain: str
    """Its site (``vnexpress.net``); ``""`` for a broadcaster or agency
    known by name only."""
    name: str
    """The name a citation shows ("Báo Điện tử Chính phủ")."""
    aliases: tuple[str, ...] = ()
    """Other names it goes by in page titles, site names and bylines."""
    datelines: tuple[str, ...] = ()
    """Abbreviations that open its articles ("TTO -", "(HNM) -")."""

    @property
    def is_press(self) -> bool:
        """A newspaper, magazine, broadcaster or agency, not an institution
        that publishes its own news (a hospital, a ministry's portal)."""
        return not self.name.startswith(_INSTITUTIONS)


_INSTITUTIONS = ("Bệnh viện", "Sở ", "Trung tâm", "Viện ", "Tổ chức", "Hệ thống", "Cổng")
_SUFFIX = re.compile(r"\s+(?:online|dien tu)$")


def outlet_key(text: str) -> str:
    """A name folded for matching: no marks or case, "&" as "và", without a
    leading "Báo" or a trailing "Online" / "điện tử", letters and digits only
    between single spaces ("Báo Sức khỏe & Đời sống" = "Báo Sức khỏe và
    Đời sống"). "Báo" stays: "Báo Hà Tĩnh" is a paper, "Hà Tĩnh" a province."""
    key = fold(text).casefold().replace("&", " va ").replace("+", " plus ")
    key = " ".join(re.sub(r"[^\w.]+", " ", key).split())
    key = _SUFFIX.sub("", key)
    return key.replace(" ", "")


def host_of(url: str) -> str:
    """The host an address names, without ``www.``, ``m.`` or ``amp.``
    (``""`` when it names none)."""
    text = url.strip()
    try:
        host = urlsplit(text if "//" in text else f"//{text}").hostname or ""
    except ValueError:
        return ""
    while host.startswith(("www.", "m.", "amp.", "mobile.")):
        host = host.split(".", 1)[1]
    return host


_INITIALS_MIN = 3
_ABBREVIATION = re.compile(rf"[{UPPER}]{{3,6}}")
_NOT_INITIALS = frozenset({"báo", "điện", "tử", "và", "&", "online", "tạp", "chí", "trang", "tin"})
"""Words of a name that its initials leave out ("Báo Đời sống và Pháp luật": ĐSPL)."""


def _initials(name: str) -> str:
    """The capitals that open the words of ``name`` that count ("Đời sống & Pháp luật": "ĐSPL")."""
    words = [w for w in re.findall(r"\w+|&", name) if w.casefold() not in _NOT_INITIALS]
    if not words or not all(w[:1].isalpha() for w in words):
        return ""
    return "".join(w[0] for w in words).upper()


@dataclass(frozen=True, slots=True)
class OutletTable:
    """The outlets, looked up by host, by name or by dateline."""

    outlets: tuple[Outlet, ...]
    _by_domain: dict[str, Outlet]
    _by_key: dict[str, Outlet]
    _by_dateline: dict[str, Outlet]
    _by_dateline_ascii: dict[str, Outlet]
    """The datelines written without their diacritics ("NLD" for "NLĐ", "QDND")."""
    _by_initials: dict[str, Outlet]
    """The initials of a name that only one outlet's names give ("ĐSPL": Đời sống & Pháp luật)."""

    @classmethod
    def of(cls, outlets: Iterable[Outlet]) -> OutletTable:
        """The table of ``outlets`` (the first of two with one name wins)."""
        rows = tuple(outlets)
        keys: dict[str, Outlet] = {}
        for outlet in rows:
            for name in (outlet.name, *outlet.aliases, outlet.domain):
                if name:
                    keys.setdefault(outlet_key(name), outlet)
        initials: dict[str, set[Outlet]] = {}
        for outlet in rows:
            # The press only, by its own name (aliases hold English and short forms).
            if outlet.is_press and len(letters := _initials(outlet.name)) >= _INITIALS_MIN:
                initials.setdefault(letters, set()).add(outlet)
        return cls(
            rows,
            {o.domain: o for o in rows if o.domain},
            keys,
            {d: o for o in rows for d in o.datelines},
            {fold(d): o for o in reversed(rows) for d in o.datelines},
            {letters: next(iter(found)) for letters, found in initials.items() if len(found) == 1},
        )

    def by_host(self, host: str) -> Outlet | None:
        """The outlet of a site or of one of its subdomains
        (``suckhoe.vnexpress.net``); the longest domain wins."""
        host = host_of(host) if "/" in host or host.startswith(("www.", "m.")) else host.casefold()
        parts = host.split(".")
        for i in range(len(parts) - 1):
            if (outlet := self._by_domain.get(".".join(parts[i:]))) is not None:
                return outlet
        return None

    def by_url(self, url: str) -> Outlet | None:
        """The outlet of the site an address names."""
        host = host_of(url)
        return self.by_host(host) if host else None

    def by_name(self, text: str) -> Outlet | None:
        """The outlet a name, an alias, a domain written out ("Thanhnien.vn")
        or a dateline abbreviation stands for."""
        text = text.strip()
        if not text:
            return None
        if (outlet := self._by_dateline.get(text)) is not None:
            return outlet
        if text.isupper() and text.isascii() and (outlet := self._by_dateline_ascii.get(text)) is not None:
            return outlet
        if re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", text) and (outlet := self.by_host(text)) is not None:
            return outlet
        if (outlet := self._by_key.get(outlet_key(text))) is not None:
            return outlet
        # A dateline of the name's initials, as papers abbreviate themselves: "(ĐSPL) -".
        return self._by_initials.get(text) if _ABBREVIATION.fullmatch(text) else None

    def names(self) -> Iterable[str]:
        """Every name and alias of every outlet."""
        for outlet in self.outlets:
            yield outlet.name
            yield from outlet.aliases


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


@functools.cache
def load_outlets() -> OutletTable:
    """The shipped table (``data/outlets.tsv``)."""
    text = resources.files("briefbook").joinpath("data", "outlets.tsv").read_text("utf-8")
    rows = csv.DictReader(
        io.StringIO("".join(line for line in text.splitlines(True) if not line.startswith("#"))),
        delimiter="\t",
    )
    return OutletTable.of(
        Outlet(
            domain=(row["domain"] or "").strip().casefold(),
            name=row["name"].strip(),
            aliases=_split(row.get("aliases")),
            datelines=_split(row.get("datelines")),
        )
        for row in rows
        if row.get("name")
    )
