"""Faults: a second build at once, a LaTeX state or doctree cut short, a full
or read-only disk, and a build killed at any moment (the swap included)
leave a good book in place, and the next build succeeds."""

from __future__ import annotations

import fcntl
import hashlib
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefbook.book import convert
from briefbook.build import CLEAN_RETRY_NOTE, DISK, build

from .books import SEEDS

SEED = SEEDS / "000_33420b19da835728.txt"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-article book, built (HTML and PDF): copy it before changing it."""
    articles = tmp_path_factory.mktemp("fault-articles")
    shutil.copy(SEED, articles / SEED.name)
    docs = tmp_path_factory.mktemp("fault-book") / "docs"
    convert(articles, docs)
    result = build(docs)
    assert result.ok, [s.summary for s in result.steps]
    return docs


def _copy(docs: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "docs"
    shutil.copytree(docs, copy, symlinks=True)
    return copy


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "briefbook.cli", *args]


def test_a_truncated_aux_is_dropped_and_the_pdf_built_again(built: Path, tmp_path: Path) -> None:
    docs = _copy(built, tmp_path)
    aux = next((docs / "_build" / "latex").glob("*.aux"))
    data = aux.read_bytes()
    aux.write_bytes(data[: len(data) // 2])
    (docs / "index.md").write_text((docs / "index.md").read_text("utf-8") + "\nThêm.\n", "utf-8")
    result = build(docs, html=False)
    assert result.ok, [s.summary for s in result.steps]
    (pdf_step,) = [s for s in result.steps if s.name == "PDF (xelatex)"]
    assert CLEAN_RETRY_NOTE in pdf_step.notes
    again = build(docs, html=False)  # the next build needs no retry
    assert again.ok and all(CLEAN_RETRY_NOTE not in s.notes for s in again.steps)


def test_a_truncated_doctree_does_not_break_later_builds(tmp_path: Path) -> None:
    # Built in place: a copy elsewhere would make Sphinx start a new environment.
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(SEED, articles / SEED.name)
    docs = tmp_path / "docs"
    convert(articles, docs)
    assert build(docs).ok
    for doctree in (docs / "_build" / "doctrees" / "shared").rglob("*.doctree"):
        doctree.write_bytes(doctree.read_bytes()[: doctree.stat().st_size // 2])
    result = build(docs)
    assert result.ok, [s.summary for s in result.steps]
    assert build(docs).ok


def test_a_second_build_waits_for_the_first(built: Path, tmp_path: Path) -> None:
    docs = _copy(built, tmp_path)
    (docs / "index.md").write_text((docs / "index.md").read_text("utf-8") + "\nThêm.\n", "utf-8")
    # This process holds the project's lock as a running build would.
    lock = (docs / "_build" / ".lock").open("a+b")
    fcntl.flock(lock, fcntl.LOCK_EX)
    second = subprocess.Popen(
        _cli("build", str(docs), "--html"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert second.stderr is not None
    line = second.stderr.readline()  # it says so, then waits
    assert "another build of" in line and "waiting for it to end" in line, line
    time.sleep(1.0)
    assert second.poll() is None, "the second build did not wait"
    fcntl.flock(lock, fcntl.LOCK_UN)
    lock.close()
    _, err = second.communicate(timeout=600)
    assert second.returncode == 0, err
    assert (docs / "_build" / "html" / "index.html").is_file()


def test_a_full_disk_is_one_line_naming_the_path(built: Path, tmp_path: Path) -> None:
    docs = _copy(built, tmp_path)
    before = _digests(docs / "_build" / "html")
    log = docs / "_build" / "logs" / "html.log"
    log.unlink()
    log.symlink_to("/dev/full")  # writes there fail with ENOSPC
    (docs / "index.md").write_text((docs / "index.md").read_text("utf-8") + "\nThêm.\n", "utf-8")
    result = subprocess.run(_cli("build", str(docs), "--html"), capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"error: cannot write {log}: No space left on device" in result.stderr.splitlines()
    assert not (docs / "_build" / ".staging").exists()
    assert _digests(docs / "_build" / "html") == before
    log.unlink()
    assert build(docs, pdf=False).ok


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "ro"
    folder.mkdir()
    yield folder
    subprocess.run(["chattr", "-R", "-i", str(folder)], check=False)


def test_a_read_only_build_folder_is_one_line_naming_the_path(built: Path, read_only: Path) -> None:
    docs = _copy(built, read_only)
    before = _digests(docs / "_build" / "html")
    # Root ignores file modes: the immutable attribute stops it as a read-only disk would.
    subprocess.run(["chattr", "+i", str(docs / "_build")], check=True)
    result = subprocess.run(_cli("build", str(docs), "--html"), capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("error: ")]
    assert len(lines) == 1 and lines[0].startswith(f"error: cannot write {docs / '_build'}/"), lines
    assert _digests(docs / "_build" / "html") == before
    assert DISK == "files"


# Runs a build that kills itself right after the first step of publishing the
# HTML: the first rename or removal of `_build/html` or of the staged tree.
KILL_AT_SWAP = """
import os, pathlib, shutil, signal, sys
from briefbook.build import build

def deadly(path):
    p = pathlib.Path(os.fsdecode(path))
    return p.name in ("html", ".old-html") and p.parent.name != "work"

def wrap(real):
    def wrapper(*args, **kwargs):
        result = real(*args, **kwargs)
        if any(deadly(a) for a in args[:2] if isinstance(a, (str, bytes, os.PathLike))):
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return wrapper

os.rename = wrap(os.rename)
shutil.rmtree = wrap(shutil.rmtree)
pathlib.Path.rename = wrap(pathlib.Path.rename)
pathlib.Path.replace = wrap(pathlib.Path.replace)
build(pathlib.Path(sys.argv[1]), pdf=False)
"""


def test_a_build_killed_at_any_moment_leaves_a_good_book(built: Path, tmp_path: Path) -> None:
    docs = _copy(built, tmp_path)
    html = docs / "_build" / "html"
    pdf = docs / "_build" / "pdf"
    good_html, good_pdf = _digests(html), _digests(pdf)
    # Killed at the swap itself.
    (docs / "index.md").write_text((docs / "index.md").read_text("utf-8") + "\nThêm.\n", "utf-8")
    killed = subprocess.run([sys.executable, "-c", KILL_AT_SWAP, str(docs)], capture_output=True, check=False)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (html / "index.html").is_file(), "no _build/html after a kill at the swap"
    assert _digests(pdf) == good_pdf
    # Killed at random moments of whole builds.
    rng = random.Random(16)
    for _ in range(3):
        (docs / "index.md").write_text((docs / "index.md").read_text("utf-8") + "\nThêm.\n", "utf-8")
        proc = subprocess.Popen(
            _cli("build", str(docs)), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.2, 10.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert (html / "index.html").is_file()
        assert next(pdf.glob("*.pdf")).stat().st_size > 10_000
        current = _digests(html)
        assert current["index.html"] and len(current) >= len(good_html) - 2
    result = build(docs)
    assert result.ok, [s.summary for s in result.steps]
    assert (html / "index.html").is_file()


def test_a_conversion_into_a_read_only_folder_is_one_line(read_only: Path) -> None:
    articles = read_only / "articles"
    articles.mkdir()
    shutil.copy(SEED, articles / SEED.name)
    docs = read_only / "docs"
    docs.mkdir()
    subprocess.run(["chattr", "+i", str(docs)], check=True)
    result = subprocess.run(
        _cli("convert", str(articles), "--out", str(docs)), capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("error: ")]
    assert len(lines) == 1 and lines[0].startswith(f"error: cannot write {docs}/"), result.stderr
