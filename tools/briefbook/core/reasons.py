"""Why the reader took text out of an article: the reasons the conversion
report gives, one vocabulary for the reader's stages and the paragraph
cleaner (:mod:`briefbook.read.inline`), on the ground floor because a
:class:`~briefbook.core.records.DroppedLine` holds one."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Reason"]


class Reason(StrEnum):
    """Why the reader took a line, or a span of one, out of the text, as the
    conversion report shows it. What a reason is about is a
    :class:`~briefbook.core.records.DroppedLine`'s ``detail`` (``METADATA``,
    "ngày": the report says "siêu dữ liệu: ngày"). The boilerplate
    catalogue's own reasons (``data/boilerplate.yaml``) are its data; one
    that is a reason's text is that reason when read
    (:func:`briefbook.read.boilerplate.load_boilerplate`), so code finds it by
    the member, never by its text."""

    METADATA = "siêu dữ liệu"
    REPEAT = "lặp lại"
    SUMMARY = "tóm tắt tin liên quan"
    BLOCK = "tiêu đề khối"
    MARKUP = "đánh dấu Markdown"
    LABEL = "nhãn chuyên mục"
    SAPO_REPEAT = "sapo lặp lại"
    CAPTION_LINE = "chú thích ảnh"
    CAPTION_REPEAT = "chú thích ảnh (lặp lại)"
    """A caption the text gives again as the start of a sentence."""
    MARKDOWN = "ảnh, địa chỉ liên kết"
    LINK_LINE = "dòng liên kết"
    """A Markdown line of links only: the page's navigation or a teaser's headline."""
    PROMPTED = "tiêu đề được giới thiệu"
    PAGE_TOP = "phần đầu trang"
    PAGE_BOTTOM = "phần cuối trang"
    CREDIT_LINE = "nguồn ảnh"
    FURNITURE = "lặp lại ở nhiều bài (khung trang)"
    TEASER = "tin liên quan: tiêu đề lặp lại trong bài"
    """A headline among the paragraphs that the page's related list also gives."""
    SIGNOFF = "dấu kết bài"
    """The "/." that closes an article."""
    GLUED_TAIL = "phần cuối trang dính vào bài"
    """The page's widgets a crawler glued after the byline at the text's end."""
    LINK_BOX = "hộp liên kết tin khác"
    GALLERY = "chú thích ảnh (bộ ảnh)"
    TEASER_SUMMARY = "tóm tắt tin khác"
    """Another article's teaser (its dateline opens it) inside the text."""
    TITLE_REPLACED = "tiêu đề trong bài, thay bằng tiêu đề được khai báo"
    """The text's own headline, where a declared title stands instead (an
    editor's sidecar or front matter, a clipper's)."""
