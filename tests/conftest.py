"""Shared fixtures. Qt tests run offscreen; every test gets its own real SQLite file."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date

import pytest

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the real per-user data folder from a test."""
    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "office.sqlite3"
