"""Pages saved as one file by a browser: MHTML (``.mhtml``, ``.mht``).

Chromium's "Webpage, Single File" and Internet Explorer's "Web Archive"
save a page as a MIME message (RFC 2557, ``multipart/related``): the page's
HTML first, in quoted-printable or base64, then its pictures and styles,
with the page's address in a ``Snapshot-Content-Location`` or the part's
``Content-Location`` header. The page is the first ``text/html`` part; it
is then read as any saved page.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage
from pathlib import PurePath

from briefbook.core.problems import ProblemKind
from briefbook.read.decoding import ArticleError

__all__ = ["MHTML_SUFFIXES", "unpack_mhtml"]

MHTML_SUFFIXES = frozenset({".mhtml", ".mht"})


def unpack_mhtml(data: bytes, path: PurePath) -> tuple[bytes, str]:
    """The page's HTML (its bytes, with a ``<meta charset>`` where the part
    names one) and its address; raises :class:`ArticleError` when the file
    holds no HTML page."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage):
        raise ArticleError(path, ProblemKind.NO_PAGE_TEXT)
    address = str(message.get("Snapshot-Content-Location", "") or "")
    for part in message.walk():
        if part.get_content_type() != "text/html" or part.is_multipart():
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        charset = part.get_content_charset()
        if charset and re.fullmatch(r"[a-z0-9_.:-]{1,40}", charset):
            # The part's charset, which its HTML may not repeat, for the page's reader.
            payload = f'<meta charset="{charset}">'.encode("ascii") + payload
        return payload, address or str(part.get("Content-Location", "") or "")
    raise ArticleError(path, ProblemKind.NO_PAGE_TEXT)
