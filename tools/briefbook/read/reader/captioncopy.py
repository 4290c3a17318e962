"""Stage 4, the body (continued): a caption's copy without its credit. A
crawler's record may hold a picture's caption twice, in a field of its own
(a site's teaser or the picture's ``alt``) and in the text with its credit
("HDBank contributes VNĐ10 billion ... pandemic. — Photo courtesy of
HDBank"): once the credited line is dropped as the caption, the line next
to it that says the same words without the credit (or the caption that a
credit run into the text left) is the caption too."""

from __future__ import annotations

from briefbook.core.reasons import Reason
from briefbook.core.vietnamese import case_key
from briefbook.read.reader.state import R_CAPTION_REPEAT, _Line, _State

__all__ = ["drop_caption_copies"]

_COPY_MIN = 30
"""The fewest characters of a copy (a shorter line may well open a caption by chance)."""
_CREDIT_MAX = 80
"""The most characters the caption holds after the copy's: its credit."""
_NEAR = 2
"""How many lines above its caption the copy stands (a record's teaser field comes before its text)."""


def drop_caption_copies(body: list[_Line], state: _State) -> list[_Line]:
    """``body`` without the lines that a caption dropped next to them says
    again, its credit after: "Hội An has seen a drop in tourist arrivals ...
    outbreak." over "Hội An has seen ... outbreak. Photo from
    vietnamtourism.gov.vn"."""
    captions = [(d.lineno, case_key(d.text)) for d in state.dropped if d.reason is Reason.CAPTION_LINE]
    if not captions:
        return body
    out: list[_Line] = []
    for line in body:
        key = case_key(line.text)
        if len(key) >= _COPY_MIN and any(
            line.lineno < lineno <= line.lineno + _NEAR
            and caption.startswith(key)
            and len(caption) - len(key) <= _CREDIT_MAX
            for lineno, caption in captions
        ):
            state.drop(line, R_CAPTION_REPEAT)
        else:
            out.append(line)
    return out
