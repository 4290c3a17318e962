"""Leave one outlet out: the reader with no data entry naming the outlet.

The package is copied, every entry of its data files that names the outlet
(its names, short names and domains, in the entry itself or in the comment
just above it) is removed from the copy, and the outlet's articles are read
by a fresh process that imports the copy (bench/reader_eval.py --child).
Rules in the code that were grown from an outlet cannot be removed this way
and stay.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from reader_corpus import CORPUS, PACKAGE, Gold, Result

EVAL = Path(__file__).resolve().parent / "reader_eval.py"

# Other names an outlet goes by in the reader's data (besides the gold
# outlet name, the outlet id and the domains of the gold URLs).
ALIASES: dict[str, tuple[str, ...]] = {
    "vnexpress": ("VnExpress", "vnexpress.net", "VnExpress International", "e.vnexpress.net"),
    "ione": ("iOne", "ione.vnexpress.net"),
    "dantri": ("Dân trí", "Dantri", "dantri.com.vn"),
    "nld": ("Người Lao Động", "NLĐO", "nld.com.vn"),
    "thanhnien": ("Thanh Niên", "Báo Thanh niên", "TNO", "thanhnien.vn", "thanhnien.com.vn"),
    "tuoitre": ("Tuổi Trẻ", "TTO", "Tuoi Tre", "tuoitre.vn"),
    "zing": ("Zing", "Zing News", "ZingNews", "znews.vn", "news.zing.vn"),
    "24h": ("24h", "24h.com.vn"),
    "genk": ("GenK", "genk.vn"),
    "sggp": ("SGGP", "SGGPO", "Sài Gòn Giải Phóng", "sggp.org.vn"),
    "vtv": ("VTV", "vtv.vn"),
    "vov": ("VOV", "vov.vn"),
    "htv": ("HTV", "htv.com.vn"),
    "laodong": ("Lao Động", "laodong.vn"),
    "vietnamplus": ("VietnamPlus", "Vietnam+", "TTXVN", "VNA", "vietnamplus.vn"),
    "baochinhphu": ("Báo Điện tử Chính phủ", "baochinhphu.vn"),
    "moh": ("Bộ Y tế", "moh.gov.vn"),
    "suckhoedoisong": ("Sức khỏe & Đời sống", "SKĐS", "suckhoedoisong.vn"),
    "nhandan": ("Nhân Dân", "NDO", "nhandan.vn"),
    "vietnamnews": ("Việt Nam News", "Viet Nam News", "vietnamnews.vn"),
    "baomoi": ("baomoi", "Báo Mới", "baomoi.com"),
}


def outlet_keys(outlet_id: str, golds: Sequence[Gold]) -> list[str]:
    """The names an outlet's data entries would use."""
    keys = {outlet_id, *ALIASES.get(outlet_id, ())}
    for g in golds:
        if g.outlet_id == outlet_id:
            if g.outlet:
                keys.add(g.outlet)
            host = urlsplit(g.url or "").hostname or ""
            if host:
                keys.add(host.removeprefix("www."))
    return sorted(k for k in keys if len(k) >= 2)


def _mentions(text: str, keys: Sequence[str]) -> bool:
    """Whether ``text`` names one of ``keys``: as a whole word, with its
    capitals ("Thanh Niên" is the paper, "thanh niên" youth); domains in
    any case."""
    text = unicodedata.normalize("NFC", text)
    for key in keys:
        key = unicodedata.normalize("NFC", key)
        domain = "." in key and " " not in key
        flags = re.IGNORECASE if domain else 0
        if re.search(rf"(?<![\w.]){re.escape(key)}(?![\w])", text, flags):
            return True
    return False


def _strip_yaml(lines: list[str], keys: Sequence[str]) -> tuple[list[str], list[str]]:
    """Remove every list item that names a key, in the item or in the
    comment lines just above it; an emptied list becomes ``[]``."""
    indent = [len(line) - len(line.lstrip()) for line in lines]
    drop: set[int] = set()
    removed: list[str] = []
    i = 0
    while i < len(lines):
        stripped = lines[i].lstrip()
        if not stripped.startswith("- "):
            i += 1
            continue
        end = i + 1
        while end < len(lines) and (not lines[end].strip() or indent[end] > indent[i]):
            end += 1
        start = i
        while start > 0 and lines[start - 1].lstrip().startswith("#") and indent[start - 1] >= indent[i]:
            start -= 1
        item = "\n".join(lines[i:end])
        comment = "\n".join(lines[start:i])
        inner = [j for j in range(i + 1, end) if lines[j].lstrip().startswith("- ")]
        own = "\n".join(lines[j] for j in range(i, end) if not inner or j < inner[0])
        if _mentions(own, keys) or _mentions(comment, keys) or (not inner and _mentions(item, keys)):
            drop.update(range(start, end))
            removed.append(item.strip())
            i = end
        else:
            i += 1
    kept = [line for j, line in enumerate(lines) if j not in drop]
    out = []
    for j, line in enumerate(kept):
        following = next((x for x in kept[j + 1 :] if x.strip() and not x.lstrip().startswith("#")), "")
        deeper = len(following) - len(following.lstrip()) > len(line) - len(line.lstrip())
        if line.rstrip().endswith(":") and not line.lstrip().startswith("#") and not deeper:
            line = line.rstrip() + " []"
        out.append(line)
    return out, removed


def strip_outlet(data: Path, keys: Sequence[str]) -> list[str]:
    """Remove the outlet's entries from the data files in ``data`` (a copy)."""
    removed: list[str] = []
    for path in sorted(data.iterdir()):
        if path.name.startswith("LICENSE") or path.suffix not in (".yaml", ".yml", ".tsv", ".txt"):
            continue
        lines = path.read_text("utf-8").splitlines()
        if path.suffix in (".yaml", ".yml"):
            new, gone = _strip_yaml(lines, keys)
            try:
                yaml.safe_load("\n".join(new))
            except yaml.YAMLError as exc:
                raise SystemExit(f"{path.name}: not YAML once the outlet is removed: {exc}") from exc
        else:
            new = [x for x in lines if x.startswith("#") or not _mentions(x, keys)]
            gone = [x for x in lines if x not in new]
        if gone:
            removed += [f"{path.name}: {g}" for g in gone]
            path.write_text("\n".join(new) + "\n", "utf-8")
    return removed


def leave_out(
    outlet_id: str, golds: Sequence[Gold], corpus: Path = CORPUS
) -> tuple[list[Result] | None, list[str]]:
    """The outlet's articles read by a fresh process whose briefbook has no
    data entry naming the outlet, and the entries removed; ``None`` for the
    articles when no entry names the outlet (the reader is the same)."""
    with tempfile.TemporaryDirectory(prefix="reader-eval-") as tmp:
        copy = Path(tmp) / "briefbook"
        shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
        removed = strip_outlet(copy / "data", outlet_keys(outlet_id, golds))
        if not removed:
            return None, []
        env = dict(os.environ, PYTHONPATH=tmp, READER_EVAL_PACKAGE=str(copy))
        proc = subprocess.run(
            [sys.executable, str(EVAL), "--child", outlet_id, "--corpus", str(corpus)],
            env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if proc.returncode:
            raise SystemExit(f"leaving {outlet_id} out failed:\n{proc.stderr}")
        rows = json.loads(proc.stdout)
    results = [Result(**{**row, "must_not_kept": tuple(row["must_not_kept"])}) for row in rows]
    return results, removed


def leave_each_out(
    outlet_ids: Sequence[str], golds: Sequence[Gold], corpus: Path = CORPUS
) -> dict[str, tuple[list[Result] | None, list[str]]]:
    """:func:`leave_out` for each outlet, as many children at once as the
    machine has cores."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        runs = pool.map(lambda outlet_id: leave_out(outlet_id, golds, corpus), outlet_ids)
        return dict(zip(outlet_ids, runs, strict=True))
