"""Stage 3, the end of the text: the page's bottom, furniture that recurs across
the folder, and the signature (byline, source, address, date, section, paper)."""

from __future__ import annotations

import re

from briefbook.core.gazetteer import is_place
from briefbook.core.outlets import load_outlets
from briefbook.core.records import Line
from briefbook.core.vietnamese import GLUE, LOWER, UPPER
from briefbook.read.boilerplate import Boilerplate
from briefbook.read.headline import is_prose
from briefbook.read.metadata import (
    is_name_word,
    parse_byline,
    parse_source_line,
    parse_url_line,
    split_names,
)
from briefbook.read.reader.endmark import bottom_after_end_mark
from briefbook.read.reader.fields import is_field_label, is_masthead, is_tag_list, under_date_line, under_tags
from briefbook.read.reader.shapes import (
    _LABEL_MAX,
    _SIGNATURE_LINES,
    _THEO_AUTHOR,
    _date_only,
    _is_sentence,
    _signs,
)
from briefbook.read.reader.signlines import theo_writer, titled_signature, unit_signature
from briefbook.read.reader.state import (
    _BULLET,
    R_FURNITURE,
    R_LABEL,
    R_METADATA,
    R_PAGE_BOTTOM,
    _Line,
    _State,
)
from briefbook.read.repetition import furniture_key


def _read_date_under_lede(body: list[_Line], state: _State) -> None:
    """A date line among the first lines of the text ("07:30 | 03/12/2025"
    under VTV's sapo), when the header had none (in place)."""
    if state.date is not None:
        return
    for index, line in enumerate(body[:3]):
        if (date := _date_only(line.text, 40)) is not None:
            state.date = date
            state.drop(line, R_METADATA, "ngày")
            del body[index]
            return


def _read_signature(body: list[_Line], state: _State, bp: Boilerplate) -> None:
    """Take byline, source, URL and ads off the end of the body (in place).
    Page furniture (``footer``) is looked for only below the author: above
    it, the text is the article's ("Địa chỉ: ..." of a clinic it names)."""
    signed = False
    while body:
        line = body[-1]
        text = line.text
        if not state.author and (author := _signed_with_credit(body, bp)):
            # "H.V. Ảnh: Misso", "**H.V.***Ảnh*: **Misso**": the writer, then the photos' credit.
            state.author = author
            state.drop(line, R_METADATA, "tác giả")
            signed = True
        elif (reason := bp.debris_reason(text) if signed else bp.footer_reason(text)) is not None:
            state.drop(line, reason)
        elif (theo := _THEO_AUTHOR.match(text)) is not None and parse_byline(theo["name"]) is not None:
            # "Theo Thu Hằng | Sức khỏe & Đời sống" (VCCorp sites): the writer and the paper.
            state.author = state.author or theo["name"]
            state.source = state.source or theo["source"] or theo["bracketed"]
            state.drop(line, R_METADATA, "tác giả, nguồn")
        elif (bp.is_section(text) and len(text) <= _LABEL_MAX) or (
            not state.category and is_field_label(text) and under_date_line(body, state)
        ):
            # A crawler's fields after the text: the section (one the
            # boilerplate knows, or a label in sentence case under the date
            # line: "27/05/13 11:55 GMT+7" / "Nhà đất"), the outlet.
            state.category = state.category or text
            state.drop(line, R_LABEL)
        elif (outlet := load_outlets().by_name(text)) is not None and outlet.is_press and len(text) <= 40:
            state.outlet = state.outlet or outlet.name
            state.drop(line, R_METADATA, "cơ quan đăng")
        elif (
            not state.outlet and under_tags(body, state) and (_is_lone_byline(text) or _paper_field(text, bp))
        ):
            # A crawler's fields after the text: the tags ("Tế bào gốc,Bộ y tế,...")
            # and then the paper's name ("Tiền Phong", "SGGP", "SK&ĐS"), which no writer signs under.
            state.outlet = text.strip()
            state.drop(line, R_METADATA, "cơ quan đăng")
        elif not state.date and (date := _date_only(text, 60)) is not None:
            # "Cập nhật lúc 14:20 ngày 02/12/2025" at the end of the page.
            state.date = date
            state.drop(line, R_METADATA, "ngày")
        elif not state.author and (writer := theo_writer(text)):
            state.author = writer  # "Theo Phạm Trang": the writer, not a paper
            state.drop(line, R_METADATA, "tác giả")
        elif (source := parse_source_line(text)) is not None and not state.source:
            state.source = source
            state.drop(line, R_METADATA, "nguồn")
        elif (url := parse_url_line(text)) is not None and not state.url:
            state.url = url
            state.drop(line, R_METADATA, "địa chỉ")
        elif state.author and _names_of(state.author, text):
            # The page's author box under the text: the byline's names again,
            # a line each ("THUẬN VĂN" / "LÊ ÁNH" for "THUẬN VĂN - LÊ ÁNH").
            state.drop(line, R_METADATA, "tác giả")
            signed = True
        elif not state.author and _is_lone_signature(text, _prose_above(body, bp), bp):
            # "Trung", "H.V.": a pen name or initials on the article's last line.
            state.author = text.strip()
            state.drop(line, R_METADATA, "tác giả")
            signed = True
        elif not state.author and (author := titled_signature(text)):
            # "GS. Tùng Bùi, Giám đốc Chương trình ..., Đại học Hawaii": an op-ed's writer.
            state.author = author
            state.drop(line, R_METADATA, "tác giả")
            signed = True
        elif not state.author and not signed and unit_signature(text):
            # "Phòng Thông tin điện tử – Viện ĐT&NCSKTE": the office that wrote it, no person.
            state.drop(line, R_METADATA, "đơn vị viết bài")
            signed = True
        elif not state.author and not is_place(text) and (byline := parse_byline(text)) is not None:
            state.author = byline.author
            state.byline_outlet = state.byline_outlet or byline.outlet
            state.source = state.source or byline.source
            state.date = state.date or byline.date
            state.drop(line, R_METADATA, "tác giả")
            signed = True
        else:
            break
        body.pop()


def _names_of(author: str, text: str) -> bool:
    """Whether ``text`` is one of the names of the byline ``author``, or all of them."""
    key = " ".join(text.split()).casefold()
    names = {name.casefold() for name in split_names(author)}
    return bool(key) and (key == author.casefold() or key in names)


_LONE_INITIALS = re.compile(r"(?:[A-ZĐ]\.){2,4}")
_LONE_NAME = re.compile(rf"[{UPPER}][{LOWER}]{{1,14}}")
_ENDINGS = frozenset({"hết", "kết", "end", "xong"})
"""Words that close a text on a line of their own ("Hết"), no writer's name."""
_LONE_AFTER_WORDS = 12
"""The fewest words of the paragraph a lone signature follows (the article's own prose)."""


_CREDIT_AFTER = re.compile(r"(?P<sig>.+?)\s*[-–,|]?\s*(?:Ảnh|ẢNH|Photo)\s*:\s*[^.!?]{2,60}\.?")


def _signed_with_credit(body: list[_Line], bp: Boilerplate) -> str:
    """The writer of a last line that signs the text and then credits its
    photos ("H.V. Ảnh: Misso"); "" when the line is no such signature."""
    found = _CREDIT_AFTER.fullmatch(body[-1].text.strip())
    if found is None:
        return ""
    signature = found["sig"].strip(" -–,|")
    if signature.endswith(".") and not _LONE_INITIALS.fullmatch(signature):
        return ""  # "Chợ Bến Thành. Ảnh: Minh Hà": a caption and its credit
    if _is_lone_signature(signature, _prose_above(body, bp), bp):
        return signature
    byline = parse_byline(signature) if not is_place(signature) else None
    return byline.author if byline is not None and not byline.outlet else ""


def _prose_above(body: list[_Line], bp: Boilerplate) -> str:
    """The nearest line above the body's last that is not the page's debris
    (">> Xem tiếp: ...", a photo's credit)."""
    return next((line.text for line in reversed(body[:-1]) if bp.footer_reason(line.text) is None), "")


def _is_lone_signature(text: str, above: str, bp: Boilerplate) -> bool:
    """A writer's one-word pen name or initials ("Trung", "Papai", "H.V.")
    alone on the line after the article's last paragraph of prose; not a
    place, a word of the page's chrome or a name word of a heading."""
    text = text.strip()
    if not (_LONE_INITIALS.fullmatch(text) or _LONE_NAME.fullmatch(text)):
        return False
    if text.casefold() in _ENDINGS or is_place(text) or bp.debris_reason(text) or not is_name_word(text):
        return False
    return is_prose(above) and len(above.split()) >= _LONE_AFTER_WORDS


_MEDIA = frozenset({"video", "ảnh", "clip", "audio", "podcast", "infographic", "emagazine", "photo"})


def _paper_field(text: str, bp: Boilerplate) -> bool:
    """A paper's short name as a crawler's last field ("SGGP", "Infonet"): not
    a place, a word that ends a text ("END"), a word of the page's chrome or a
    medium ("Video", "Ảnh", "Clip")."""
    return (
        is_masthead(text)
        and not is_place(text)
        and text.strip().casefold() not in _ENDINGS | _MEDIA
        and bp.debris_reason(text) is None
        and bp.footer_reason(text) is None
    )


def _drop_furniture(
    body: list[_Line], state: _State, bp: Boilerplate, furniture: frozenset[str]
) -> list[_Line]:
    """Lines that recur across the folder's articles (the sites' menus and
    footers); a byline, a source or a date stays for the signature (one
    reporter signs many articles)."""
    if not furniture:
        return body
    kept = []
    for line in body:
        if furniture_key(line.text) in furniture and not _signs(line.text, bp):
            state.drop(line, R_FURNITURE)
        else:
            kept.append(line)
    return kept


_SIGNED_SHARE = 0.6
"""The share of the page's prose a signature follows: a byline further up
is a quote's or a box's, not the article's."""
_AFTER_SHARE = 0.25
"""The most prose (teasers' summaries, comments) that may follow the article's signature."""


_RUNON_SOURCE = re.compile(r"(?<=[.!?…\"”])\s*(?=(?:Theo|Nguồn)\b)")
"""Where a source line starts after a sentence, on the sentence's line (a
crawler that took the page's text without separators leaves no space)."""
_RUNON_WORDS = 12
_TRAILING_GROUP = re.compile(r"^(?P<signature>.*?\))\s*(?P<rest>\(.*\))$")
"""A signature closed by its bracket, and a bracketed group glued after it
("Theo Sầm Hoa (Vietnamnet/Reuters)(6816 bình chọn, 9/10 điểm)")."""


def _runon_signature(text: str) -> tuple[str, list[str]] | None:
    """A line's text and the source line run into its end ("... hôm 13/12.
    Theo Sầm Hoa (Vietnamnet/Reuters)"), where a copy lost the line break:
    the text, and the signature (with what stands glued after it)."""
    found = list(_RUNON_SOURCE.finditer(text))
    if not found:
        return None
    head, tail = text[: found[-1].start()], text[found[-1].end() :]
    if len(head.split()) < 3:
        return None
    if (glue := GLUE.search(tail)) is not None and not found[-1].group(0):
        # "... sức khỏe.Theo Cổng TTĐT Bảo hiểm Xã hội Việt NamBảo hiểm xã hội ...":
        # the source, then the page's next block glued to it.
        signature, rest = tail[: glue.start()], tail[glue.start() :]
        if len(signature.split()) <= _RUNON_WORDS and parse_source_line(signature) is not None:
            return head, [signature, rest]
    if len(tail.split()) > _RUNON_WORDS:
        return None
    if parse_byline(tail) is not None or parse_source_line(tail) is not None:
        return head, [tail]
    glued = _TRAILING_GROUP.match(tail)
    if glued and (parse_byline(glued["signature"]) or parse_source_line(glued["signature"])):
        return head, [glued["signature"], glued["rest"]]
    return None


def _split_runon_signatures(body: list[_Line]) -> list[_Line]:
    """Body lines with a source line run into their end split in two: the
    signature then ends the text, as it does on the page."""
    out: list[_Line] = []
    for line in body:
        split = _runon_signature(line.text)
        if split is None:
            out.append(line)
            continue
        head, rest = split
        out.append(_Line(Line(line.lineno, head.rstrip()), line.gap_before, line.blanks))
        out.extend(_Line(Line(line.lineno, piece.strip()), True, 1) for piece in rest)
    return out


def _signs_article(text: str, bp: Boilerplate) -> bool:
    """A writer's or a source's line ("Lê Nga", "Theo TTXVN", "Theo Sầm Hoa
    (Vietnamnet/Reuters)"), which ends an article's text; not a place or a
    section heading a roundup's parts ("Hà Nội", "TP.HCM")."""
    if is_place(text) or bp.is_section(text):
        return False
    return (
        parse_byline(text) is not None
        or parse_source_line(text) is not None
        or _THEO_AUTHOR.match(text) is not None
    )


def _bottom_after_signature(body: list[_Line], state: _State, bp: Boilerplate) -> list[_Line] | None:
    """The page's bottom under the article's signature: the byline or source
    line that follows most of the page's prose and that little prose
    follows. The signature and the signing lines just under it (date,
    section, paper) stay; what follows is the page's (teasers, menus,
    comments, footers). ``None`` when no line signs the text."""
    sizes = [len(line.text) if is_prose(line.text) else 0 for line in body]
    total, seen = sum(sizes), 0
    for i, line in enumerate(body):
        seen += sizes[i]
        if sizes[i] or seen < _SIGNED_SHARE * total or not _signs_article(line.text, bp):
            continue
        # (The masthead's footer, "Giấy phép ... số 26/GP-BTTTT ...", is no prose of a text going on.)
        after = sum(
            size
            for rest, size in zip(body[i + 1 :], sizes[i + 1 :], strict=True)
            if bp.footer_reason(rest.text) is None
        )
        if after > _AFTER_SHARE * seen:
            continue
        end = i + 1
        while end < len(body) and end - i <= _SIGNATURE_LINES and _signs(body[end].text, bp):
            end += 1
        for rest in body[end:]:
            state.drop(rest, bp.debris_reason(rest.text) or R_PAGE_BOTTOM)
        return body[:end]
    return None


_LONE_NAME_WORDS = 4


def _is_lone_byline(text: str) -> bool:
    """One writer's name and nothing else ("Thu Trang")."""
    byline = parse_byline(text)
    lone = byline is not None and not byline.outlet and byline.author == text.strip()
    return lone and len(text.split()) <= _LONE_NAME_WORDS


def _trim_page_bottom(body: list[_Line], state: _State, bp: Boilerplate) -> list[_Line]:
    """The page's bottom, after the text's last sentence: when three or more
    lines stand there and most are short (menus, links, footers, teasers'
    headlines), they are the page's, not the article's. The lines just under
    the text that sign it (author, source, address, date), finish it (a
    sentence) or list (bullets) stay; the rest is dropped. A list the text
    announces ("... gồm:") and a sentence further down (the text goes on
    after a list) leave the bottom as it is."""
    body = _split_runon_signatures(body)
    if body and _is_lone_byline(body[-1].text):
        # A lone writer's name as the very last line signs the text: what stands
        # above it is the article's (its photos' captions), not the page's bottom.
        return body
    if (ended := bottom_after_end_mark(body, state, bp)) is not None:
        return ended
    if (signed_off := _bottom_after_signature(body, state, bp)) is not None:
        return signed_off
    last = max((i for i, line in enumerate(body) if is_prose(line.text)), default=-1)
    tail = body[last + 1 :]
    if last < 0 or len(tail) < 3 or body[last].text.endswith(":"):
        return body
    short = sum(1 for line in tail if len(line.text.split()) <= 8 and not _is_sentence(line.text))
    if short < 0.6 * len(tail):
        return body
    # Above the author's line, the text is the article's ("Địa chỉ: ..." of
    # a clinic it names): the bottom starts under the signature.
    signed = [i for i, line in enumerate(tail[: _SIGNATURE_LINES + 1]) if _signs(line.text, bp)]
    if signed:
        last += signed[0] + 1
        tail = body[last + 1 :]
    kept = body[: last + 1]
    dropped: list[tuple[_Line, str]] = []
    n = 0  # lines of the bottom that are not known debris
    for line in tail:
        debris = bp.debris_reason(line.text)
        if debris is None:
            if n < _SIGNATURE_LINES and (
                _signs(line.text, bp)
                or _is_sentence(line.text)
                or _BULLET.match(line.text)
                or (n == 0 and _is_lone_signature(line.text, body[last].text, bp))
                # The paper's name as a crawler's last field, under its tags.
                or (
                    line is body[-1]
                    and len(tail) > 1
                    and is_tag_list(tail[-2].text)
                    and _paper_field(line.text, bp)
                )
            ):
                kept.append(line)
            elif _is_sentence(line.text) or len(line.text.split()) > 8 or line.text.endswith(":"):
                return body  # the text goes on (a sentence, a long line, a list announced)
            else:
                dropped.append((line, R_PAGE_BOTTOM))
            n += 1
        else:
            dropped.append((line, debris))
    for line, reason in dropped:
        state.drop(line, reason)
    return kept
