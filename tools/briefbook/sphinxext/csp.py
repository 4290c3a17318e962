"""A Content-Security-Policy in every HTML page: defence in depth.

Article text never becomes markup (see :mod:`briefbook.write.myst`), but should
an injection slip through, the page's policy keeps it from running: scripts
only from the book's own files, and inline scripts only by hash, and only
the few that Sphinx and the theme write (:data:`KNOWN_SCRIPTS`, matched by
shape, never whatever inline script a page happens to hold). The one inline
handler the theme writes (its full-screen button's ``toggleFullScreen()``)
is allowed by hash too. Styles may be inline (the theme sets them).

The policy goes into a ``<meta http-equiv>`` right after ``<meta
charset>``, before any script, by wrapping the HTML builder's template
rendering (no Sphinx event sees the finished page).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["KNOWN_HANDLERS", "KNOWN_SCRIPTS", "add_policy", "on_builder_inited", "policy"]


def _shape(text: str) -> re.Pattern[str]:
    """A pattern for ``text`` with any whitespace runs and ``{NAME}`` as a page name."""
    pieces = [re.escape(piece) for piece in re.split(r"\s+", text.strip())]
    return re.compile(r"\s*" + r"\s*".join(pieces).replace(r"\{NAME\}", r"[\w./-]*") + r"\s*")


KNOWN_SCRIPTS = tuple(
    _shape(text)
    for text in (
        # pydata-sphinx-theme's colour mode, before the page is drawn.
        'document.documentElement.dataset.mode = localStorage.getItem("mode") || "auto"; '
        'document.documentElement.dataset.theme = localStorage.getItem("theme") || "auto";',
        # Sphinx's page name and search setting.
        "DOCUMENTATION_OPTIONS.pagename = '{NAME}';",
        "DOCUMENTATION_OPTIONS.search_as_you_type = false;",
        "DOCUMENTATION_OPTIONS.search_as_you_type = true;",
        # pydata-sphinx-theme's search page: focus the search field.
        "// Activate the search field on page load\n"
        'let searchInput = document.querySelector("form.bd-search input");\n'
        "if (searchInput) { searchInput.focus(); searchInput.select(); "
        'console.log("[PST]: Set focus on search field."); }',
    )
)
KNOWN_HANDLERS = frozenset({"toggleFullScreen()"})
"""Inline event handlers the theme writes (allowed by hash, with 'unsafe-hashes')."""

_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)
_HANDLER = re.compile(r"""\son[a-z]+\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy(page: str) -> str:
    """The policy for ``page``: its known inline scripts and handlers by hash."""
    scripts = sorted(
        {
            _hash(m.group(1))
            for m in _SCRIPT.finditer(page)
            if any(k.fullmatch(m.group(1)) for k in KNOWN_SCRIPTS)
        }
    )
    handlers = sorted(
        {
            _hash(text)
            for m in _HANDLER.finditer(page)
            if (text := html.unescape(m.group(1) or m.group(2) or "")) in KNOWN_HANDLERS
        }
    )
    script_src = " ".join(["'self'", *scripts, *(["'unsafe-hashes'", *handlers] if handlers else [])])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {script_src}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def add_policy(page: str) -> str:
    """``page`` with its policy in a ``<meta>`` after ``<meta charset>`` (or
    first in ``<head>``)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy(page), quote=False)}" />'
    found = _CHARSET.search(page)
    if found:
        return page[: found.end()] + "\n    " + meta + page[found.end() :]
    return _HEAD.sub(lambda m: m.group(0) + meta, page, count=1)


def on_builder_inited(app: Sphinx) -> None:
    """Wrap the HTML builder's page rendering so that each page gets its policy."""
    if app.builder.format != "html" or not hasattr(app.builder, "templates"):
        return
    templates = app.builder.templates
    render: Callable[[str, dict[str, Any]], str] = templates.render

    def render_with_policy(template: str, context: dict[str, Any]) -> str:
        page = render(template, context)
        # The theme renders its pieces (navbar, sidebar...) with the same
        # method, ten a page: only a whole page, with its head, gets a policy.
        return add_policy(page) if _CHARSET.search(page) or _HEAD.search(page) else page

    templates.render = render_with_policy


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", on_builder_inited)
    # After doctools.js (200), before translations.js (500).
    app.add_js_file("briefbook-csp.js", priority=400)
