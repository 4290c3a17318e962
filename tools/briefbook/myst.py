"""Small builders of MyST Markdown text, with escaping of article text.

Article text must reach the book literally: no character of it may be read
as Markdown, MyST, HTML or LaTeX markup. :func:`escape` backslash-escapes the
ASCII punctuation that has meaning inline in CommonMark or in MyST's
extensions, and whatever could open a block at the start of a line. (LaTeX
and HTML output is escaped by Sphinx's writers, since the text reaches them
as plain text nodes.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import yaml

__all__ = ["directive", "escape", "front_matter", "heading", "label", "role"]

# Inline syntax: emphasis, code, links/images, autolinks and HTML, roles and
# attributes, math, tables, strikethrough, entities, substitutions, escapes.
_INLINE = re.compile(r"([\\`*_\[\]<>{}$|~&])")
# Block openers at the start of a line: headings, quotes, lists, thematic
# breaks, fences, targets, comments, block breaks, definition lists, HTML.
_LINE_START = re.compile(r"^([#>+\-=%:(]|\d+[.)])")


def escape(text: str) -> str:
    """``text`` as MyST source that renders as exactly ``text``."""
    text = " ".join(text.split("\n"))
    text = _INLINE.sub(r"\\\1", text)
    match = _LINE_START.match(text)
    if match:
        opener = match.group(1)
        text = opener[:-1] + "\\" + opener[-1] + text[len(opener) :]
    return text


_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def latex_text(text: str) -> str:
    """``text`` as LaTeX source that prints it literally (for raw LaTeX blocks)."""
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in " ".join(text.split()))


def role(name: str, content: str) -> str:
    """An inline role; ``content`` must not contain a backtick."""
    if "`" in content:
        raise ValueError(f"backtick in role content: {content!r}")
    return f"{{{name}}}`{content}`"


def label(name: str) -> str:
    """A MyST target line, ``(name)=``."""
    return f"({name})="


def heading(level: int, text: str) -> str:
    """A heading with escaped text (a trailing "#" would close an ATX heading)."""
    return f"{'#' * level} {escape(text).replace('#', chr(92) + '#')}"


def directive(
    name: str,
    argument: str = "",
    options: Mapping[str, str] | None = None,
    body: Iterable[str] = (),
) -> str:
    """A fenced directive. The fence is longer than any fence in ``body``."""
    lines = list(body)
    longest = max((len(m.group(0)) for line in lines for m in re.finditer(r"`{3,}", line)), default=2)
    fence = "`" * max(3, longest + 1)
    out = [f"{fence}{{{name}}}{' ' + argument if argument else ''}".rstrip()]
    out.extend(f":{key}: {value}".rstrip() for key, value in (options or {}).items())
    if lines:
        if options:
            out.append("")
        out.extend(lines)
    out.append(fence)
    return "\n".join(out)


def front_matter(fields: Mapping[str, object]) -> str:
    """A YAML front-matter block, keys in the given order."""
    dumped = yaml.safe_dump(
        dict(fields), allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False
    )
    return f"---\n{dumped}---"
