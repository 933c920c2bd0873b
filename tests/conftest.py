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


@pytest.fixture(autouse=True)
def _cheap_passphrase_hashing(request, monkeypatch):
    """scrypt at N=2^17 costs ~0.4 s a call and every demo office seals a signature: tests use a small N
    unless marked `real_kdf` (tests/services/test_passphrase_cost.py checks the real one)."""
    if request.node.get_closest_marker("real_kdf") is None:
        from opcc_desktop.services import signature_vault

        monkeypatch.setattr(signature_vault, "SCRYPT_N", 2**10)
