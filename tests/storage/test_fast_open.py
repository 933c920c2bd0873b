"""Opening an up-to-date office is cheap: no sqlite-utils import, no migration, names kept in step."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from opcc_desktop.errors import NewerSchemaError
from opcc_desktop.services.office import Office
from opcc_desktop.storage.migration_names import MIGRATION_NAMES
from opcc_desktop.storage.migrations import known_migration_names

ROOT = Path(__file__).resolve().parents[2]


def test_the_light_list_of_migration_names_matches_the_migrations():
    assert list(MIGRATION_NAMES) == known_migration_names()


def _modules_after_opening(path: Path) -> set[str]:
    script = ("import sys, datetime\nfrom opcc_desktop.services.office import Office\n"
              f"office = Office.open({str(path)!r})\n"
              "office.due(datetime.date(2026, 11, 22), within_days=None)\n"
              "print('\\n'.join(sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_an_up_to_date_office_opens_and_lists_s55_deadlines_without_sqlite_utils(tmp_path):
    path = tmp_path / "office.sqlite3"
    office = Office.open(path)  # creates and migrates (this one does need sqlite-utils)
    office.close()
    loaded = _modules_after_opening(path)
    assert "opcc_desktop.services.deadlines" in loaded
    assert "sqlite_utils" not in loaded
    assert "opcc_desktop.services.inspections" not in loaded  # services are built on first use


def test_services_are_built_on_first_use_and_share_the_connection(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    try:
        assert "inspections" not in vars(office)
        assert office.inspections.db.conn is office.conn
        assert office.inspections is office.inspections
    finally:
        office.close()


def test_a_newer_schema_is_still_refused_on_the_light_path(tmp_path):
    path = tmp_path / "office.sqlite3"
    Office.open(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('opcc', 'm9999_future', '')")
    conn.close()
    with pytest.raises(NewerSchemaError, match="m9999_future"):
        Office.open(path)
