"""A saved page's captions, known by its markup: the text boxed with a picture.

A picture on a news page stands in a box with its caption: ``<figure>`` and
``<figcaption>``, or older layouts' table of two rows (the picture, then
``<td>`` holding the caption), or a ``<div>`` of its own. The box is the
picture's nearest ancestor that holds text; when that text is short (a
caption's few dozen words, not the article's container) it is the picture's
caption or credit, whatever the site calls its classes. Its text is not the
article's, even when it reads as a sentence ("Lượng người tập trung đông
nghịt tại hang đá ở nhà thờ Cầu Rầm.").

Left out, so that no article text is taken for a caption:

- a picture inside a paragraph (``<p><img> Text...</p>``): the text is the
  paragraph's (a picture alone in its paragraph has its caption in the next
  one when that is short and all in italics, and neither a question, an
  interviewer's, nor a quotation);
- a box holding a heading (the headline's block with an icon) or more
  text than a caption, unless it is a table of pictures and their captions
  (a gallery) none of whose cells holds more than a caption;
- icons and spacers: a picture whose markup gives it a side under
  :data:`_ICON_PX` pixels, or a ``.gif``.

The result is the keys (:func:`caption_key`) of the boxes' texts and of each
of their pieces, so that a reader of the page's text can match its lines.
A pure function of the parsed page.
"""

from __future__ import annotations

from typing import Any

from briefbook.core.vietnamese import letters_key

__all__ = ["CAPTION_BOX_WORDS", "caption_key", "picture_captions"]

CAPTION_BOX_WORDS = 40
"""The most words of a picture's box whose text is its caption."""
_ICON_PX = 120
_CLIMB = 5
"""How many ancestors above a picture are looked at for its box."""
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_INLINE = frozenset({"a", "span", "em", "i", "strong", "b", "font", "small", "u"})
_PIECES = frozenset({"td", "th", "figcaption", "p", "div"})
_BLOCKS = frozenset({"div", "p", "table", "figure", "figcaption", "section"})
_QUOTES_OPEN = '"“‘«'
_QUOTES_CLOSE = '"”’»'
_CLOSING = _QUOTES_CLOSE + ")]"


caption_key = letters_key
"""A text's key for matching a line to a caption."""


def _words(element: Any) -> list[str]:
    return str(element.text_content()).split()


def _is_icon(img: Any) -> bool:
    sides = [str(img.get(side) or "").strip().removesuffix("px") for side in ("width", "height")]
    pixels = [int(value) for value in sides if value.isdigit()]
    if any(side < _ICON_PX for side in pixels):
        return True
    # A ".gif" is an icon or a spacer unless its markup gives it a photo's
    # size (older pages set their photos as ".gif" too: width=500).
    src = str(img.get("src") or "").split("?")[0].casefold()
    return src.endswith(".gif") and not pixels


def _box(img: Any) -> Any | None:
    """The picture's box: its nearest ancestor with text, if that is a caption's box."""
    element = img
    for _ in range(_CLIMB):
        element = element.getparent()
        if element is None or not isinstance(element.tag, str):
            return None
        words = _words(element)
        if not words:
            continue
        if element.tag == "p" or (element.tag in _INLINE and not _holds_blocks(element)):
            return None  # a picture inside a paragraph
        if len(words) > CAPTION_BOX_WORDS and not _is_gallery(element):
            return None  # a container of more than a caption
        if any(isinstance(e.tag, str) and e.tag in _HEADINGS for e in element.iter()):
            return None
        return element
    return None


def _holds_blocks(element: Any) -> bool:
    """Whether an inline element holds blocks ("<span><div><img></div><div>caption</div></span>",
    an older page's markup): it boxes them as a block would."""
    return any(isinstance(e.tag, str) and e.tag in _BLOCKS for e in element.iterdescendants())


def _is_gallery(element: Any) -> bool:
    """A table of pictures with their captions: two pictures or more, and
    no cell holding more than a caption (a page laid out in tables holds
    the article in one of its cells)."""
    if element.tag not in ("table", "tbody"):
        return False
    cells = [e for e in element.iter("td", "th")]
    return sum(1 for _ in element.iter("img")) >= 2 and all(
        len(_words(c)) <= CAPTION_BOX_WORDS for c in cells
    )


def _emphasised(element: Any) -> bool:
    """Whether all of the element's text is in italics (``<em>``, ``<i>``),
    each word counted once (``<em><i>...</i></em>``: the outer one's)."""
    words = _words(element)
    italic = [w for e in element.iter("em", "i") if not _in_italics(e, element) for w in _words(e)]
    return bool(words) and len(italic) >= len(words)


def _in_italics(element: Any, top: Any) -> bool:
    """Whether an ancestor of the element below ``top`` is italics too."""
    parent = element.getparent()
    while parent is not None and parent is not top:
        if parent.tag in ("em", "i"):
            return True
        parent = parent.getparent()
    return False


def _is_question_or_quotation(text: str) -> bool:
    """An interviewer's question ("... thưa ông?") or a quotation ("“...”"),
    set in italics under a picture like a caption, is the article's text."""
    text = text.strip()
    quoted = text.rstrip(".")
    return text.rstrip(_CLOSING).endswith("?") or (
        len(quoted) > 2 and quoted[0] in _QUOTES_OPEN and quoted[-1] in _QUOTES_CLOSE
    )


def _caption_after(img: Any) -> Any | None:
    """The caption set as the paragraph after a paragraph that holds the
    picture and no text (``<p><img></p> <p><em>Chủ tịch UBND ... tham dự hội
    nghị.</em></p>``): a short paragraph all in italics."""
    holder = img.getparent()
    while holder is not None and isinstance(holder.tag, str) and holder.tag in _INLINE:
        holder = holder.getparent()
    if holder is None or holder.tag != "p" or _words(holder):
        return None
    after = holder.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()  # a comment between them
    if after is None or after.tag not in ("p", "div") or not 2 <= len(_words(after)) <= CAPTION_BOX_WORDS:
        return None
    if _is_question_or_quotation(str(after.text_content())):
        return None
    return after if _emphasised(after) else None


def picture_captions(tree: Any) -> frozenset[str]:
    """The keys of the captions the page's pictures are boxed with."""
    if tree is None:
        return frozenset()
    keys: set[str] = set()
    for img in tree.iter("img"):
        if _is_icon(img):
            continue
        if (box := _box(img)) is None:
            if (after := _caption_after(img)) is not None and (key := caption_key(str(after.text_content()))):
                keys.add(key)
            continue
        pieces = [box, *(e for e in box.iter() if isinstance(e.tag, str) and e.tag in _PIECES)]
        for piece in pieces:
            if len(_words(piece)) >= 2 and (key := caption_key(str(piece.text_content()))):
                keys.add(key)
    return frozenset(keys)
