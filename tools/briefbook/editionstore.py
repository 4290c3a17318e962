"""The kept PDFs of the book's editions (the build's side of :mod:`briefbook.core.editions`).

After a successful build, the PDF of a recorded edition is kept in the
project as :data:`~briefbook.core.editions.PDF_DIR`/``<id>.pdf`` (so it is
committed with the project and survives a fresh clone), the PDFs of the
editions past the last ``briefbook_keep_editions`` are removed (only files
named after a recorded edition: nothing else in the folder is touched), and
the kept ones are shipped with the HTML book at the same path (the PDF is
kept once the PDF and its downloads are made, before the HTML is built).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from briefbook.core.editions import EDITIONS_FILE, PDF_DIR, load_history
from briefbook.write.project import keep_editions

__all__ = ["keep", "ship"]


def _kept_ids(docs: Path) -> tuple[list[str], list[str]]:
    """The recorded editions whose PDF is kept (newest first), and the others."""
    try:
        text: str | None = (docs / EDITIONS_FILE).read_text("utf-8")
    except OSError:
        text = None
    ids = [e.id for e in reversed(load_history(text).editions)]
    bound = keep_editions(docs)
    return ids[:bound], ids[bound:]


def _copy(src: Path, dst: Path) -> None:
    if dst.is_file() and dst.stat().st_size == src.stat().st_size and dst.read_bytes() == src.read_bytes():
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_name(f".{dst.name}.tmp")
    shutil.copy2(src, tmp)
    tmp.replace(dst)


def keep(docs: Path, edition: str, pdf: Path | None) -> None:
    """Keep ``pdf`` (when built) as the PDF of ``edition`` when it is a recorded
    edition whose PDF is not kept yet; remove the PDFs of editions past the bound."""
    kept, dropped = _kept_ids(docs)
    store = docs / PDF_DIR
    if pdf is not None and edition in kept and not (store / f"{edition}.pdf").is_file():
        _copy(pdf, store / f"{edition}.pdf")
    for old in dropped:
        (store / f"{old}.pdf").unlink(missing_ok=True)


def ship(docs: Path, html: Path) -> None:
    """Copy the kept PDFs into the HTML book at the same path (and only those)."""
    kept, _ = _kept_ids(docs)
    names = {f"{e}.pdf" for e in kept if (docs / PDF_DIR / f"{e}.pdf").is_file()}
    for name in sorted(names):
        _copy(docs / PDF_DIR / name, html / PDF_DIR / name)
    for old in (html / PDF_DIR).glob("*.pdf"):
        if old.name not in names:
            old.unlink()
