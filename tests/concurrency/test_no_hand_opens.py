"""The database file is never opened by hand where this process may have it open in SQLite.

On POSIX, closing any descriptor of a file drops every fcntl lock the process holds on it, SQLite's
included; `Office.open` reading the header with open()/close() let another process delete the WAL
under the window's connection. The modules that open, check and copy the live file ask SQLite instead.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "opcc_desktop"
LIVE_FILE_MODULES = ["storage/database.py", "storage/backup.py", "storage/first_paint.py", "services/office.py"]
HAND_OPENS = {"open", "read_bytes", "read_text", "write_bytes", "copyfile", "copy", "copy2", "copyfileobj"}


@pytest.mark.parametrize("module", LIVE_FILE_MODULES)
def test_no_hand_opens_of_the_database_file(module):
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in HAND_OPENS:
                found.append(f"line {node.lineno}: {name}()")
    assert found == []
