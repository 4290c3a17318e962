"""The front page's note on chapter numbers that changed since the last edition.

``{briefbook-renumbered}`` (on the front page) reads the notice that
``briefbook build`` writes (config value ``briefbook_renumbered``, a file
relative to the project; see :mod:`briefbook.write.numbering`) and shows the
chapters of the earlier edition whose number changed or that left the book,
as plain text (titles are data). The page depends on the file, so it is
read again when the notice changes; without changes it shows nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from briefbook.write.numbering import NOTICE_FILE

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["MAX_LISTED", "RenumberedDirective", "setup"]

MAX_LISTED = 50
"""Changes listed one by one; the rest are counted."""


def _line(title: str, old: int, new: int) -> str:
    if new:
        return f"Chương {old} “{title}” nay là chương {new}."
    return f"Chương {old} “{title}” không còn trong sổ tay."


class RenumberedDirective(SphinxDirective):
    """``{briefbook-renumbered}``: see the module's docstring."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        value = self.config.briefbook_renumbered
        if not value:
            return []
        path = Path(self.env.srcdir) / value
        self.env.note_dependency(str(path))
        try:
            data = json.loads(path.read_text("utf-8"))
            since = str(data["since"])
            found = [(str(t), int(o), int(n)) for t, o, n in data["changes"]]
        except (OSError, ValueError, KeyError, TypeError):
            return []
        if not found:
            return []
        note = nodes.admonition(classes=["briefbook-renumbered"])
        note += nodes.title(text="Số chương đã thay đổi")
        note += nodes.paragraph(
            text=f"So với ấn bản {since}, các chương sau đã đổi số (khi trích dẫn, hãy ghi ấn bản):"
        )
        items = nodes.bullet_list()
        for title, old, new in found[:MAX_LISTED]:
            items += nodes.list_item("", nodes.paragraph(text=_line(title, old, new)))
        note += items
        if len(found) > MAX_LISTED:
            note += nodes.paragraph(text=f"Và {len(found) - MAX_LISTED} chương khác.")
        return [note]


def setup(app: Sphinx) -> None:
    # The file does not change its name: the front page depends on its bytes.
    app.add_config_value("briefbook_renumbered", NOTICE_FILE, "env", types=frozenset({str}))
    app.add_directive("briefbook-renumbered", RenumberedDirective)
