"""What import-linter (`make check`, pyproject.toml [tool.importlinter]) cannot see: pages/ and app.py
are scripts, not a package. They may use Streamlit, never DuckDB or SQL; and nothing shadows a library
next to app.py."""

from __future__ import annotations

import ast
import importlib.machinery
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPTS = sorted([ROOT / "app.py", *(ROOT / "pages").glob("*.py")])


def imports_of(path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("path", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_pages_use_no_database_directly(path):
    assert not imports_of(path) & {"duckdb", "altair", "pptx", "docx"}
    assert "SELECT " not in path.read_text("utf-8")


def test_no_generic_module_next_to_app():
    """Streamlit puts the app folder on sys.path: a stray top-level module can shadow a library."""
    top = {p.stem for p in ROOT.glob("*.py")}
    assert top == {"app", "serve"}  # the pages' entry, and the server that serves it (serve.py)
    elsewhere = [p for p in sys.path if Path(p or ".").resolve() != ROOT]
    for name in top:  # neither shadows an installed or standard module
        assert importlib.machinery.PathFinder.find_spec(name, elsewhere) is None, name
