"""The package's plan, checked: subpackages by pipeline stage, a store that imports no
analysis, no import cycle (imports under TYPE_CHECKING and inside functions count), no
module too long to read."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "storyline"
STAGES = ("read", "analyse", "connect", "store", "present", "serve")
# What the store may import besides itself: the data model, its errors and sizes.
STORE_MAY_IMPORT = ("storyline.store", "storyline.models", "storyline.errors", "storyline.sizes")
MAX_LINES = 700


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _imports(path: Path) -> set[str]:
    """The storyline modules `path` imports, wherever in the file."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("storyline"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                out.add(full if full in MODULES else node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("storyline"))
    return out


GRAPH = {
    name: {i for i in _imports(path) if i in MODULES} - {name} for name, path in MODULES.items()
}


def test_the_package_is_grouped_by_pipeline_stage() -> None:
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").exists(), stage


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("storyline.store")))
def test_the_store_imports_no_analysis(module: str) -> None:
    others = {i for i in _imports(MODULES[module]) if not i.startswith(STORE_MAY_IMPORT)}
    assert not others, f"{module} imports {others}"


def test_there_is_no_import_cycle() -> None:
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> None:
        if module in done:
            return
        assert module not in visiting, " -> ".join([*visiting[visiting.index(module) :], module])
        visiting.append(module)
        for imported in sorted(GRAPH[module]):
            if not module.startswith(imported + "."):  # a package's own __init__
                visit(imported)
        visiting.pop()
        done.add(module)

    for module in sorted(GRAPH):
        visit(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_too_long(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module}: {lines} lines"
