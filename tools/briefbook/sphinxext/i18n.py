"""Vietnamese for the interface strings the catalogs leave in English.

Sphinx's Vietnamese catalog translates only part of its strings, and
pydata-sphinx-theme has none. ``locale/vi/LC_MESSAGES/sphinx.po`` fills the
gaps; it is compiled into the build's doctree folder and added behind the
existing catalogs, so that their own translations keep precedence.
"""

from __future__ import annotations

import gettext
from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx import locale

if TYPE_CHECKING:
    from sphinx.application import Sphinx

LOCALE = Path(__file__).parent / "locale"


def compile_catalogs(source: Path, target: Path) -> None:
    """Compile every ``.po`` under ``source`` into ``.mo`` under ``target``."""
    for po in sorted(source.rglob("*.po")):
        mo = target / po.relative_to(source).with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as infile:
            catalog = read_po(infile)
        tmp = mo.with_suffix(".mo.tmp")
        with tmp.open("wb") as outfile:
            write_mo(outfile, catalog)
        tmp.replace(mo)


#: Strings the shipped catalogs get wrong (Title Case is not Vietnamese):
#: ours win over theirs.
PREFERRED = {"vi": {"Search": "Tìm kiếm"}}


class _Preferred(gettext.NullTranslations):
    """A few messages of our own in front of an existing catalog."""

    def __init__(self, messages: dict[str, str], behind: gettext.NullTranslations) -> None:
        super().__init__()
        self._messages = messages
        self.add_fallback(behind)

    def gettext(self, message: str) -> str:
        return self._messages.get(message) or super().gettext(message)


def prefer(app: Sphinx) -> None:
    """Put :data:`PREFERRED` in front of Sphinx's own catalog: for ``_()`` in
    Python and in the templates (which use the application's translator)."""
    messages = PREFERRED.get(app.config.language or "")
    key = ("general", "sphinx")
    current = locale.translators.get(key)
    if not messages or current is None or isinstance(current, _Preferred):
        return
    preferred = _Preferred(messages, current)
    locale.translators[key] = preferred
    if app.translator is current:
        app.translator = preferred


def add_catalogs(app: Sphinx) -> None:
    """Compile and register the fallback catalogs for the book's language."""
    if not app.config.language or not (LOCALE / app.config.language).is_dir():
        return
    target = Path(app.doctreedir) / "briefbook-locale"
    compile_catalogs(LOCALE, target)
    app.add_message_catalog("sphinx", str(target))
    prefer(app)


def setup(app: Sphinx) -> None:
    add_catalogs(app)
