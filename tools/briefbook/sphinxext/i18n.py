"""Vietnamese for the interface strings the catalogs leave in English.

Sphinx's Vietnamese catalog translates only part of its strings, and
pydata-sphinx-theme has none. ``locale/vi/LC_MESSAGES/sphinx.po`` fills the
gaps; it is compiled into the build's doctree folder and added behind the
existing catalogs, so that their own translations keep precedence.

The strings of Sphinx's JavaScript (the search page's "Searching", "Search
finished, found ... pages", "Hide Search Matches") come from another file,
the catalog's ``sphinx.js``, which the HTML builder copies as
``_static/translations.js``; Sphinx's Vietnamese one has most of them as ""
(the search page then says nothing, or English). :func:`js_catalog` writes
a ``sphinx.js`` of Sphinx's messages with the same gaps filled from our
``.po``, beside the compiled catalog, and that folder goes at the end of
``locale_dirs``, where the builder looks for ``sphinx.js`` before its own
(a project's own ``sphinx.js`` in its ``locale_dirs`` still wins).
"""

from __future__ import annotations

import gettext
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx import locale
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

LOCALE = Path(__file__).parent / "locale"
#: Where Sphinx keeps its own catalogs (``<language>/LC_MESSAGES/sphinx.js``).
SPHINX_LOCALE = Path(locale.__file__).parent
_JS_START = "Documentation.addTranslations("
_JS_END = ");"


def compile_catalogs(source: Path, target: Path) -> None:
    """Compile every ``.po`` under ``source`` into ``.mo`` under ``target``."""
    for po in sorted(source.rglob("*.po")):
        mo = target / po.relative_to(source).with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        catalog = _read_catalog(po)
        tmp = mo.with_suffix(".mo.tmp")
        with tmp.open("wb") as outfile:
            write_mo(outfile, catalog)
        tmp.replace(mo)


def _read_catalog(po: Path) -> Catalog:
    with po.open("rb") as infile:
        return read_po(infile)


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


def _untranslated(value: object) -> bool:
    """A JavaScript catalog's value with no translation: "" or [""]."""
    return not (value if isinstance(value, str) else "".join(value) if isinstance(value, list) else True)


def js_catalog(sphinx_js: str, ours: Catalog, preferred: Mapping[str, str]) -> str:
    """Sphinx's JavaScript catalog ``sphinx_js`` with each message it leaves
    untranslated (or lacks) taken from ``ours``, and ``preferred`` over both.
    A message still untranslated is left out (JavaScript then shows the
    original, as gettext does, rather than nothing). Written as Sphinx
    writes it: sorted keys, ASCII. Raises ``ValueError`` if ``sphinx_js``
    is not such a catalog."""
    text = sphinx_js.strip()
    if not (text.startswith(_JS_START) and text.endswith(_JS_END)):
        raise ValueError(f"not a catalog: it does not start with {_JS_START!r} and end with {_JS_END!r}")
    data: dict[str, Any] = json.loads(text[len(_JS_START) : -len(_JS_END)])
    messages: dict[str, str | list[str]] = dict(data.get("messages", {}))
    for message in ours:
        if not message.id or not message.string:
            continue
        key = str(message.id[0] if isinstance(message.id, tuple) else message.id)
        value = list(message.string) if isinstance(message.string, tuple) else message.string
        if not _untranslated(value) and _untranslated(messages.get(key, "")):
            messages[key] = value
    for msgid, preferred_string in preferred.items():
        if isinstance(messages.get(msgid), str):
            messages[msgid] = preferred_string
    data["messages"] = {k: v for k, v in messages.items() if not _untranslated(v)}
    return _JS_START + json.dumps(data, sort_keys=True, indent=4) + _JS_END + "\n"


def write_js_catalog(language: str, target: Path) -> Path | None:
    """:func:`js_catalog` for ``language`` (from Sphinx's ``sphinx.js`` and
    our ``sphinx.po``) as ``target/<language>/LC_MESSAGES/sphinx.js``; None
    (and a warning) if Sphinx's is not there or not readable as a catalog."""
    source = SPHINX_LOCALE / language / "LC_MESSAGES" / "sphinx.js"
    po = LOCALE / language / "LC_MESSAGES" / "sphinx.po"
    if not source.is_file() or not po.is_file():
        return None
    try:
        text = js_catalog(source.read_text("utf-8"), _read_catalog(po), PREFERRED.get(language, {}))
    except ValueError as exc:
        logger.warning("%s: %s; the search page keeps Sphinx's strings", source, exc, type="briefbook")
        return None
    js = target / language / "LC_MESSAGES" / "sphinx.js"
    js.parent.mkdir(parents=True, exist_ok=True)
    if not js.is_file() or js.read_text("utf-8") != text:
        tmp = js.with_suffix(".js.tmp")
        tmp.write_text(text, "utf-8")
        tmp.replace(js)
    return js


def _target(app: Sphinx) -> Path:
    return Path(app.doctreedir) / "briefbook-locale"


def add_catalogs(app: Sphinx) -> None:
    """Compile and register the fallback catalogs for the book's language."""
    if not app.config.language or not (LOCALE / app.config.language).is_dir():
        return
    target = _target(app)
    compile_catalogs(LOCALE, target)
    app.add_message_catalog("sphinx", str(target))
    prefer(app)


def on_config_inited(app: Sphinx, config: Config) -> None:
    """The JavaScript catalog, where the HTML builder looks for one (after
    the project's own ``locale_dirs``)."""
    if not config.language or not (LOCALE / config.language).is_dir():
        return
    target = _target(app)
    if write_js_catalog(config.language, target) and str(target) not in config.locale_dirs:
        config.locale_dirs = [*config.locale_dirs, str(target)]


def setup(app: Sphinx) -> None:
    add_catalogs(app)
    app.connect("config-inited", on_config_inited)
