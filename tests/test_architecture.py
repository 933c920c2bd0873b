"""Layering rules from AGENTS.md, enforced by walking every module's imports and calls with `ast`."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "opcc_desktop"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _layer(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    package_parts = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package_parts[: len(package_parts) - node.level + 1])
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _touches(imports: set[str], prefix: str) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for name in imports)


def test_there_are_modules_to_check():
    assert len(MODULES) > 20
    assert {"ui", "domain", "storage", "services", "letters"} <= {_layer(p) for p in MODULES}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layering(path):
    layer = _layer(path)
    imports = _imports(path)
    if layer not in ("ui",):
        assert not _touches(imports, "PySide6"), "Qt may only be imported by opcc_desktop/ui"
    if layer == "ui":
        for forbidden in ("opcc_desktop.storage", "sqlite_utils", "sqlite3"):
            assert not _touches(imports, forbidden), f"the UI must go through services, not {forbidden}"
    if layer in ("domain", "letters"):
        for forbidden in ("opcc_desktop.storage", "opcc_desktop.services", "sqlite_utils", "sqlite3"):
            assert not _touches(imports, forbidden), f"{layer} must stay pure (no {forbidden})"
    if layer == "domain":
        assert not _touches(imports, "reportlab")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_sql_only_in_storage(path):
    if _layer(path) == "storage":
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("execute", "executescript", "executemany", "query"):
            pytest.fail(f"{path.name} line {node.lineno}: SQL belongs in opcc_desktop/storage")
    assert not _touches(_imports(path), "sqlite3")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_item_widgets_and_small_modules(path):
    source = path.read_text(encoding="utf-8")
    for widget in ("QTableWidget", "QListWidget", "QTreeWidget"):
        assert widget not in source, "list views use QAbstractTableModel"
    assert source.count("\n") <= 450, "keep modules small: split this one"
