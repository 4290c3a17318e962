"""Vietnamese for the interface strings the catalogs leave in English.

Sphinx's Vietnamese catalog translates only part of its strings, and
pydata-sphinx-theme has none. ``locale/vi/LC_MESSAGES/sphinx.po`` fills the
gaps; it is compiled into the build's doctree folder and added behind the
existing catalogs, so that their own translations keep precedence.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

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


def add_catalogs(app: Sphinx) -> None:
    """Compile and register the fallback catalogs for the book's language."""
    if not app.config.language or not (LOCALE / app.config.language).is_dir():
        return
    target = Path(app.doctreedir) / "briefbook-locale"
    compile_catalogs(LOCALE, target)
    app.add_message_catalog("sphinx", str(target))
