"""Small builders of MyST Markdown text, with escaping of article text.

Article text must reach the book literally: no character of it may be read
as Markdown, MyST, HTML or LaTeX markup. :func:`escape` is the one way it
gets into MyST inline text (paragraphs, list items, table cells, link
texts, headings, directive arguments): it backslash-escapes the ASCII
punctuation that has meaning inline in CommonMark or in MyST's extensions,
whatever could open a block at the start of a line, and the line breaks and
edge whitespace that would end a line or make an indented code block.
:func:`front_matter` refuses the keys MyST parses as Markdown (docutils'
bibliographic fields: ``author``, ``date``...), and :func:`directive` keeps
its argument on the fence line. (LaTeX and HTML output is escaped by
Sphinx's writers, since the text reaches them as plain text nodes.)
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
_LINE_START = re.compile(r"^( ?)([#>+\-=%:(]|\d+[.)])")
# What markdown-it takes as a line break (it normalises \r\n and \r to \n).
_NEWLINE = re.compile(r"\r\n?|\n")
# Whitespace at the edges that means something at a line's start or end:
# two spaces or a tab (indented code, a hard line break). They become
# character references (a single space at the start is dealt with by
# escaping what follows it).
_EDGE_SPACE = re.compile(r"^(?:[ \t]*\t[ \t]*|[ \t]{2,})|(?:[ \t]*\t[ \t]*|[ \t]{2,})$")


def _entities(match: re.Match[str]) -> str:
    return "".join(f"&#{ord(ch)};" for ch in match.group(0))


def escape(text: str) -> str:
    """``text`` as MyST source that renders as exactly ``text``."""
    text = _NEWLINE.sub(" ", text)
    text = _INLINE.sub(r"\\\1", text)
    text = _EDGE_SPACE.sub(_entities, text)
    match = _LINE_START.match(text)
    if match:
        space, opener = match.groups()
        text = space + opener[:-1] + "\\" + opener[-1] + text[match.end() :]
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
    """A heading with escaped text (a trailing "#" would close an ATX heading;
    the "#" of :func:`escape`'s character references stays)."""
    return f"{'#' * level} " + re.sub(r"(?<!&)#", r"\\#", escape(text))


_SPHINX_KEYS = frozenset(
    {"myst", "mystnb", "substitutions", "html_meta", "orphan", "nocomments", "nosearch", "tocdepth"}
)


def directive(
    name: str,
    argument: str = "",
    options: Mapping[str, str] | None = None,
    body: Iterable[str] = (),
) -> str:
    """A fenced directive. The fence is longer than any fence in ``body``.

    ``argument`` and option values stay on their line (line breaks become
    spaces); an argument with a backtick, which a backtick fence's line may
    not hold, gets a tilde fence. Article text in an argument that is parsed
    as text (``rubric``, ``admonition``) must be :func:`escape`\\ d.
    """
    lines = list(body)
    argument = _NEWLINE.sub(" ", argument)
    mark = "~" if "`" in argument else "`"
    longest = max(
        (len(m.group(0)) for line in lines for m in re.finditer(f"{re.escape(mark)}{{3,}}", line)), default=2
    )
    fence = mark * max(3, longest + 1)
    out = [f"{fence}{{{name}}}{' ' + argument if argument else ''}".rstrip()]
    out.extend(f":{key}: {_NEWLINE.sub(' ', value)}".rstrip() for key, value in (options or {}).items())
    if lines:
        if options:
            out.append("")
        out.extend(lines)
    out.append(fence)
    return "\n".join(out)


# Front-matter keys MyST renders as inline Markdown (docutils' bibliographic
# fields, in English and in the languages docutils translates them for).
MARKDOWN_KEYS = frozenset(
    {
        "author",
        "authors",
        "organization",
        "address",
        "contact",
        "version",
        "revision",
        "status",
        "date",
        "copyright",
        "dedication",
        "abstract",
    }
)


def front_matter(fields: Mapping[str, object]) -> str:
    """A YAML front-matter block, keys in the given order.

    MyST keeps each value literal but for the keys in :data:`MARKDOWN_KEYS`,
    which it renders as Markdown (a role in an author's name would run):
    those are refused, and so are keys with meaning to Sphinx or MyST.
    """
    bad = [key for key in fields if key.lower() in MARKDOWN_KEYS | _SPHINX_KEYS]
    if bad:
        raise ValueError(f"front matter keys MyST or Sphinx would interpret: {bad}")
    dumped = yaml.safe_dump(
        dict(fields), allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False
    )
    return f"---\n{dumped}---"
