"""Layers run one way: pages/ui → loaders → indicators → store. The core never imports Streamlit."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

FORBIDDEN = {
    "store": {"streamlit", "altair", "indicators", "loaders", "ui", "pages"},
    "indicators": {"streamlit", "loaders", "ui", "pages", "duckdb"},
    "reports": {"streamlit", "loaders", "ui", "pages", "duckdb"},
    "vn": {"streamlit", "altair", "duckdb", "store", "indicators", "loaders", "reports", "ui", "pages"},
    "loaders": {"streamlit", "ui", "pages", "duckdb"},
    "ui": {"duckdb"},
    "pages": {"duckdb"},
}


def imports_of(path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layer_imports(package):
    offenders = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = imports_of(path) & FORBIDDEN[package]
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_no_generic_module_next_to_app():
    """Streamlit puts the app folder on sys.path: a stray top-level module can shadow a library."""
    top = {p.stem for p in ROOT.glob("*.py")}
    assert top == {"app"}
