"""Fixtures for window tests: a real SQLite file per test, a fixed `today`, and no real modal dialogs."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from opcc_desktop.services.office import Office

TODAY = date(2026, 11, 22)


@pytest.fixture
def today_provider():
    """The injected clock every widget under test uses."""
    return lambda: TODAY


@pytest.fixture
def office(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    yield office
    office.close()


@pytest.fixture
def demo_office(office):
    office.load_demo(TODAY)
    return office


@pytest.fixture
def bus(qapp):
    from opcc_desktop.ui.common.event_bus import EventBus

    return EventBus()


class UnexpectedModal(AssertionError):
    pass


@pytest.fixture(autouse=True)
def _no_real_modals(monkeypatch):
    """A test that opens a message box or file dialog it did not stub fails instead of hanging."""

    def refuse_box(box, *_args):
        raise UnexpectedModal(f"unexpected message box: {box.windowTitle()!r}: {box.text()!r}")

    def refuse_file_dialog(*_args, **_kwargs):
        raise UnexpectedModal("unexpected file dialog")

    monkeypatch.setattr(QMessageBox, "exec", refuse_box)
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse_file_dialog))


@pytest.fixture
def answer_message_boxes(monkeypatch):
    """Stub `QMessageBox.exec`: answers with the given button and records (title, text) of each box."""
    shown: list[tuple[str, str]] = []

    def install(button=QMessageBox.StandardButton.Yes):
        def fake_exec(box, *_args):
            shown.append((box.windowTitle(), box.text()))
            return button

        monkeypatch.setattr(QMessageBox, "exec", fake_exec)
        return shown

    return install


@pytest.fixture
def demo_office_file(tmp_path):
    """The demonstration office exported to a JSON file (as another PC would give it)."""
    source = Office.open(tmp_path / "source.sqlite3")
    source.load_demo(TODAY)
    path = tmp_path / "exported.json"
    source.export_json(path)
    source.close()
    return path
