"""The package shows the pipeline: no module imports a module of a later stage.

The stages, in order: ``core`` (the ground floor: records, outlets, places,
text keys, labels), ``web`` (the HTTP client of ``briefbook fetch``),
``read`` (bytes to articles), ``analyse`` (glossary, register, links),
``write`` (records to MyST, BibTeX, the project), ``sphinxext`` (inside
Sphinx), then the drivers at the top (``book``, ``build``, ``cli``,
``fetch``). The imports are read with :mod:`ast`, including those inside
functions, so the graph is the one the code has, not the one it declares.
"""

from __future__ import annotations

import ast
from pathlib import Path

import briefbook

PACKAGE = Path(briefbook.__file__).resolve().parent
STAGES = ("core", "web", "read", "analyse", "write", "sphinxext")
TOP = len(STAGES)


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _rank(module: str) -> int | None:
    """The stage of ``briefbook.X...`` (None for the package itself, which holds only the version)."""
    parts = module.split(".")
    if len(parts) < 2:
        return None
    return STAGES.index(parts[1]) if parts[1] in STAGES else TOP


def _imports(path: Path) -> list[str]:
    """The briefbook modules ``path`` imports (``from briefbook import x`` as ``briefbook.x``)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.split(".")[0] == "briefbook"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "briefbook":
                found += [f"briefbook.{alias.name}" for alias in node.names if alias.name != "__version__"]
            elif node.module.split(".")[0] == "briefbook":
                found.append(node.module)
    return found


def _graph() -> dict[str, list[str]]:
    return {_module(path): _imports(path) for path in sorted(PACKAGE.rglob("*.py"))}


def test_the_graph_is_read() -> None:
    graph = _graph()
    assert "briefbook.read.reader" in graph
    assert "briefbook.core.records" in graph["briefbook.read.reader"]
    assert len(graph) > 60


def test_no_module_imports_a_later_stage() -> None:
    wrong = [
        f"{module} ({STAGES[rank] if rank < TOP else 'top'}) imports {target}"
        for module, targets in _graph().items()
        if (rank := _rank(module)) is not None
        for target in targets
        if (target_rank := _rank(target)) is not None and target_rank > rank
    ]
    assert wrong == []


def test_the_ground_floor_imports_no_stage() -> None:
    wrong = [
        f"{module} imports {target}"
        for module, targets in _graph().items()
        if module.startswith("briefbook.core")
        for target in targets
        if not target.startswith("briefbook.core")
    ]
    assert wrong == []


def test_the_package_itself_imports_nothing_of_its_own() -> None:
    assert _graph()["briefbook"] == []


def test_every_module_sits_in_a_stage_or_at_the_top() -> None:
    top = {module for module in _graph() if _rank(module) == TOP}
    assert top == {
        "briefbook.book",
        "briefbook.build",
        "briefbook.buildfiles",
        "briefbook.chapterpdf",
        "briefbook.cli",
        "briefbook.downloads",
        "briefbook.editionstore",
        "briefbook.fetch",
        "briefbook.folder",
        "briefbook.steps",
        "briefbook.workers",
    }


MAX_LINES = 400


def test_every_module_reads_in_one_sitting() -> None:
    long = {
        _module(path): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := len(path.read_text("utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
