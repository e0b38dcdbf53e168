"""The layers import downward only: kg <- loaders <- queries <- plkg (the application)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# package -> the project packages it must never import
FORBIDDEN = {
    "kg": {"loaders", "queries", "plkg", "bench"},
    "loaders": {"queries", "plkg", "bench"},
    "queries": {"loaders", "plkg", "bench"},
}


def imported_top_levels(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_nothing_above_it(package):
    offending = []
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = imported_top_levels(path) & FORBIDDEN[package]
        if bad:
            offending.append(f"{path.relative_to(ROOT)} imports {', '.join(sorted(bad))}")
    assert not offending, "\n".join(offending)


def test_store_interface_imports_no_backend():
    # kg.store is the interface the backends subclass; the factory (kg.backends) picks a backend.
    names = {n.module for n in ast.walk(ast.parse((ROOT / "kg" / "store.py").read_text(encoding="utf-8")))
             if isinstance(n, ast.ImportFrom) and n.module}
    assert not names & {"embedded", "neo4j_store", "kg.embedded", "kg.neo4j_store"}
