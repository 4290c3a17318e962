"""The bibliography style: pybtex's ``plain``, each entry formatted once.

sphinxcontrib-bibtex formats every entry of a bibliography twice with the
same style object (once for the list, once for the citation's tooltip), on
every build, which is most of the time a small HTML rebuild of a
1,000-article book takes. :class:`Style` remembers what it formatted, for
the life of the object (one bibliography of one build), so the tooltip is
the entry already formatted.
"""

from __future__ import annotations

from typing import Any

import pybtex.plugin
from pybtex.style.formatting.plain import Style as PlainStyle

__all__ = ["STYLE_NAME", "Style", "register"]

STYLE_NAME = "briefbook"


class Style(PlainStyle):  # type: ignore[misc]
    """``plain``, with :meth:`format_entry` remembered per label and entry."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._formatted: dict[tuple[str, int], tuple[Any, Any]] = {}

    def format_entry(self, label: str, entry: Any, bib_data: Any = None) -> Any:
        key = (label, id(entry))
        found = self._formatted.get(key)
        if found is not None and found[0] is entry and bib_data is None:
            return found[1]
        formatted = super().format_entry(label, entry, bib_data)
        if bib_data is None:
            self._formatted[key] = (entry, formatted)
        return formatted


def register() -> None:
    """Make the style known to pybtex as ``briefbook``."""
    pybtex.plugin.register_plugin("pybtex.style.formatting", STYLE_NAME, Style, force=True)
