"""A conversion from scratch that starts from the same record of editions as another.

A conversion's output is a function of the articles and of the project's
record of editions (:data:`briefbook.core.editions.EDITIONS_FILE`): a chapter
changed since the last edition says so. A fresh project to compare an
updated one with is therefore converted once (to be a project), given the
record the updated one was compared with, its caches removed, and converted
again.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from briefbook.book import Conversion, convert
from briefbook.core.editions import EDITIONS_FILE, UNHASHED, History, dump_history


def convert_fresh(articles: Path, out: Path, previous: History, *args: Any, **kwargs: Any) -> Conversion:
    """``convert(articles, out, ...)`` into a new ``out`` whose record is ``previous``, without caches."""
    shutil.rmtree(out, ignore_errors=True)
    convert(articles, out, *args, **kwargs)
    if previous.editions:
        (out / EDITIONS_FILE).write_text(dump_history(previous), "utf-8")
    shutil.rmtree(out / "_build", ignore_errors=True)
    return convert(articles, out, *args, **kwargs)


EDITION_FILES = frozenset({EDITIONS_FILE, *UNHASHED})


def without_editions(files: Mapping[str, str]) -> dict[str, str]:
    """``files`` but the record of editions and the pages made from it."""
    return {rel: text for rel, text in files.items() if rel not in EDITION_FILES}
