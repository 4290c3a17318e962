"""What can be wrong with an input file, and how to say it.

A :class:`~briefbook.core.records.Problem` holds its :class:`ProblemKind`
and the values its message needs (a field's name, a length, the text that
was lost), not only words: the command line says it in English
(:func:`english`, the problem's ``message``), the conversion report, a page
of the Vietnamese book, in Vietnamese (:func:`vietnamese`), each from the
same kind and values. Numbers are written with each language's digit
grouping ("1,234" and "1.234"). What a library or the system said in
English (PyYAML's diagnosis, an OS error, an exception's text) is given on
the command line only: the Vietnamese says what is wrong and where (the
problem's line and column).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Protocol

__all__ = ["UNKNOWN", "ProblemKind", "Value", "english", "unknown_summary", "vietnamese"]

Value = str | int
"""A value in a problem's message: text as it is, a number to be grouped."""


class HasKind(Protocol):
    """A problem, as far as :func:`unknown_summary` needs it."""

    @property
    def kind(self) -> ProblemKind: ...


class ProblemKind(Enum):
    """What a problem is about, for the code that acts on it and for its
    message in each language (see :data:`_TEXTS`)."""

    OTHER = "other"
    """A message of its own (its values are the message)."""
    # Warnings: the article is in the book.
    NO_DATE = "no-date"
    """The reader found no date."""
    NO_AUTHOR = "no-author"
    """The reader found no author."""
    NO_OUTLET = "no-outlet"
    """The reader found neither the outlet nor the source."""
    LONG_TITLE = "long-title"
    TITLE_FROM_TEXT = "title-from-text"
    """The text has no headline: the title is its first sentence."""
    OVERRIDE_UNKNOWN = "override-unknown"
    OVERRIDE_DATE = "override-date"
    OVERRIDE_GROUP = "override-group"
    OVERRIDE_TEXT = "override-text"
    URL_NOT_WEB = "url-not-web"
    # Errors: the article is not in the book.
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    LONG_LINE = "long-line"
    ARTICLE_TOO_LARGE = "article-too-large"
    CONTROL_CHARACTERS = "control-characters"
    EMPTY = "empty"
    PAGE_TOO_LARGE = "page-too-large"
    NO_PAGE_ARTICLE = "no-page-article"
    NO_PAGE_TEXT = "no-page-text"
    NO_TITLE = "no-title"
    NO_BODY = "no-body"
    NOT_RECORDS = "not-records"
    NOT_A_TABLE = "not-a-table-of-articles"
    TABLE_ROW = "table-row"
    NO_RECORD_TEXT = "no-record-text"
    DEBRIS = "debris"
    OVERRIDES_TOO_LARGE = "overrides-too-large"
    OVERRIDES_TOO_LONG = "overrides-too-long"
    OVERRIDES_EXPAND = "overrides-expand"
    OVERRIDES_YAML = "overrides-yaml"
    OVERRIDES_NOT_MAPPING = "overrides-not-mapping"
    CANNOT_READ = "cannot-read"
    READ_FAILED = "read-failed"
    WRITE_FAILED = "write-failed"
    TEXT_LOST = "text-lost"

    @staticmethod
    def missing(field: str) -> ProblemKind:
        """The kind of the problem an editor's ``field`` (``date``, ``author``,
        ``outlet``, ``source``) settles; :attr:`OTHER` for any other field."""
        return _MISSING.get(field, ProblemKind.OTHER)


_MISSING = {
    "date": ProblemKind.NO_DATE,
    "author": ProblemKind.NO_AUTHOR,
    "outlet": ProblemKind.NO_OUTLET,
    "source": ProblemKind.NO_OUTLET,
}

# "Overrides" are an article's sidecar (NAME.yaml) or front matter: in
# Vietnamese "thông tin bổ sung", the README's "tệp NAME.yaml kèm theo".
_TEXTS: dict[ProblemKind, tuple[str, str]] = {
    ProblemKind.NO_DATE: ("no date found", "không tìm thấy ngày đăng"),
    ProblemKind.NO_AUTHOR: ("no author found", "không tìm thấy tác giả"),
    ProblemKind.NO_OUTLET: ("no outlet or source found", "không tìm thấy cơ quan đăng hay nguồn"),
    ProblemKind.LONG_TITLE: ("title is {0} characters long", "tiêu đề dài {0} ký tự"),
    ProblemKind.TITLE_FROM_TEXT: (
        "the text has no headline: the title is its first sentence (a NAME.yaml can give one)",
        "bài không có dòng tiêu đề: tiêu đề lấy từ câu đầu của bài"
        " (tệp NAME.yaml kèm theo có thể ghi tiêu đề)",
    ),
    ProblemKind.OVERRIDE_UNKNOWN: (
        "unknown override field {0}",
        "thông tin bổ sung có trường {0} không dùng được (bỏ qua)",
    ),
    ProblemKind.OVERRIDE_DATE: (
        "override {0}: cannot read {1} as a date",
        "thông tin bổ sung, trường {0}: không đọc được {1} thành ngày tháng",
    ),
    ProblemKind.OVERRIDE_GROUP: (
        "override group: expected true or false, got {0}",
        "thông tin bổ sung, trường group: cần true hoặc false, nhưng có {0}",
    ),
    ProblemKind.OVERRIDE_TEXT: (
        "override {0}: expected text, got {1}",
        "thông tin bổ sung, trường {0}: cần một dòng chữ, nhưng có {1}",
    ),
    ProblemKind.URL_NOT_WEB: (
        "url {0} is not an http or https address: shown as text, not linked",
        "địa chỉ {0} không phải địa chỉ http hay https: hiện thành chữ, không thành liên kết",
    ),
    ProblemKind.BINARY: (
        "binary file (NUL bytes, no Unicode byte-order mark)",
        "tệp nhị phân (có byte NUL, không có dấu thứ tự byte của Unicode)",
    ),
    ProblemKind.UNDECODABLE: (
        "cannot decode as {0} (byte 0x{1} at offset {2}), nor as {3} Vietnamese; save it as UTF-8",
        "không giải mã được theo {0} (byte 0x{1} ở vị trí {2}), cũng không theo các bảng mã tiếng Việt"
        " {3}; hãy lưu tệp ở dạng UTF-8",
    ),
    ProblemKind.LONG_LINE: (
        "line of {0} characters (at most {1}): break it into paragraphs",
        "dòng dài {0} ký tự (tối đa {1}): hãy ngắt thành các đoạn",
    ),
    ProblemKind.ARTICLE_TOO_LARGE: (
        "{0} bytes: too large for an article (at most {1})",
        "{0} byte: quá lớn cho một bài báo (tối đa {1})",
    ),
    ProblemKind.CONTROL_CHARACTERS: (
        "{0} control characters: not a text article",
        "{0} ký tự điều khiển: không phải một bài dạng văn bản",
    ),
    ProblemKind.EMPTY: ("empty file", "tệp rỗng"),
    ProblemKind.PAGE_TOO_LARGE: (
        "{0} bytes: too large for a web page (at most {1})",
        "{0} byte: quá lớn cho một trang web (tối đa {1})",
    ),
    ProblemKind.NO_PAGE_ARTICLE: (
        "no article text found in the web page",
        "không tìm thấy bài viết trong trang web",
    ),
    ProblemKind.NO_PAGE_TEXT: ("no text found in the web page", "không tìm thấy chữ nào trong trang web"),
    ProblemKind.NO_TITLE: (
        "no title: the file holds only metadata or debris",
        "không có tiêu đề: tệp chỉ có siêu dữ liệu hoặc phần thừa của trang",
    ),
    ProblemKind.NO_BODY: ("no body text after the title", "không có nội dung sau tiêu đề"),
    ProblemKind.NOT_RECORDS: (
        "not a crawler's records in JSON (an object, a list of objects, or one object a line): {0}",
        "không phải bản ghi JSON của trình thu thập tin (một đối tượng, một danh sách đối tượng,"
        " hoặc mỗi dòng một đối tượng): {0}",
    ),
    ProblemKind.NOT_A_TABLE: (
        "not a crawler's table of articles (CSV, TSV: a header, then an article a row): {0}",
        "không phải bảng bài báo của trình thu thập tin"
        " (CSV, TSV: một dòng tiêu đề cột, rồi mỗi dòng một bài): {0}",
    ),
    ProblemKind.TABLE_ROW: (
        "row {0} holds {1} cells under a header of {2}: its cells are not separated as the header's",
        "dòng {0} có {1} ô dưới dòng tiêu đề {2} cột: các ô không được phân cách như dòng tiêu đề",
    ),
    ProblemKind.NO_RECORD_TEXT: (
        "the record has no article text (fields: {0})",
        "bản ghi không có nội dung bài (các trường: {0})",
    ),
    ProblemKind.DEBRIS: (
        "no article: the first line, {0}, opens page debris ({1}); "
        "give the article's title in a sidecar if it is one",
        "không phải bài báo: dòng đầu, {0}, mở đầu một phần thừa của trang ({1}); "
        "nếu đó là một bài, hãy ghi tiêu đề của bài trong tệp .yaml kèm theo",
    ),
    ProblemKind.OVERRIDES_TOO_LARGE: (
        "{0} bytes: too large for overrides (at most {1})",
        "{0} byte: thông tin bổ sung quá lớn (tối đa {1})",
    ),
    ProblemKind.OVERRIDES_TOO_LONG: (
        "overrides of {0} characters: too large (at most {1})",
        "thông tin bổ sung dài {0} ký tự: quá lớn (tối đa {1})",
    ),
    ProblemKind.OVERRIDES_EXPAND: (
        "overrides grow past {0} characters once their aliases are expanded",
        "thông tin bổ sung vượt quá {0} ký tự khi mở các bí danh (alias) YAML",
    ),
    ProblemKind.OVERRIDES_YAML: (
        "overrides are not valid YAML: {0}",
        "thông tin bổ sung không đọc được theo cú pháp YAML",
    ),
    ProblemKind.OVERRIDES_NOT_MAPPING: (
        "overrides must be a mapping of field: value",
        "thông tin bổ sung phải gồm các dòng “trường: giá trị”",
    ),
    ProblemKind.CANNOT_READ: ("cannot read: {0}", "không đọc được tệp từ ổ đĩa"),
    ProblemKind.READ_FAILED: (
        "cannot be read (briefbook failed: {0}: {1})",
        "không đọc được do lỗi của briefbook ({0}); hãy báo lỗi này cho người phát triển",
    ),
    ProblemKind.WRITE_FAILED: (
        "cannot be written (briefbook failed: {0}: {1})",
        "không viết được thành chương do lỗi của briefbook ({0}); hãy báo lỗi này cho người phát triển",
    ),
    ProblemKind.TEXT_LOST: (
        "text not accounted for: {0}",
        "có chữ không vào chương mà cũng không có trong danh sách dòng đã bỏ: {0}",
    ),
}


def _say(template: str, values: Sequence[Value], group: str) -> str:
    words = [f"{v:,}".replace(",", group) if isinstance(v, int) else v for v in values]
    return template.format(*words)


def english(kind: ProblemKind, values: Sequence[Value]) -> str:
    """The message in English (the command line's)."""
    if kind is ProblemKind.OTHER:
        return " ".join(str(v) for v in values)
    return _say(_TEXTS[kind][0], values, ",")


def vietnamese(kind: ProblemKind, values: Sequence[Value]) -> str:
    """The message in Vietnamese (the conversion report's)."""
    if kind is ProblemKind.OTHER:
        return " ".join(str(v) for v in values)
    return _say(_TEXTS[kind][1], values, ".")


#: A date, author or outlet that an article's text does not give: common in
#: copies of pages, and no fault of the file. The command line says how many
#: in one line (:func:`unknown_summary`), not a line per article and field.
UNKNOWN = {
    ProblemKind.NO_DATE: "date",
    ProblemKind.NO_AUTHOR: "author",
    ProblemKind.NO_OUTLET: "outlet or source",
}


def unknown_summary(kinds: Iterable[HasKind]) -> str | None:
    """ "the text gives no date in 1 article, no author in 2 articles: ..."
    for the :data:`UNKNOWN` among ``kinds``' problems; None if there are none."""
    found = [k.kind for k in kinds]
    counts = [(what, found.count(kind)) for kind, what in UNKNOWN.items()]
    parts = [f"no {what} in {n} {'article' if n == 1 else 'articles'}" for what, n in counts if n]
    if not parts:
        return None
    hint = "the report names them; a NAME.yaml beside an article can give them (README: Editor overrides)"
    return "the text gives " + ", ".join(parts) + ": " + hint
