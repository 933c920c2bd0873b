"""The operation runner: the standard message for a user-facing error, the Changes published with
their initiator, bugs left to the crash dialog, long calls on a worker; the editor ignores its own echo."""

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from opcc_desktop.errors import NotFoundError, ValidationError
from opcc_desktop.domain.models import FieldError
from opcc_desktop.services.changes import Changes
from opcc_desktop.ui.common.operations import FAILED, Failed, at_fields, on_own_connection, run_op, run_op_in_background
from opcc_desktop.ui.common.workers import pending_tasks


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_a_user_facing_error_becomes_the_standard_message_and_nothing_is_published(parent, bus,
                                                                                  answer_message_boxes):
    shown = answer_message_boxes(QMessageBox.StandardButton.Ok)
    heard = []
    bus.changed.connect(heard.append)

    def gone():
        raise NotFoundError("Inspection 7 no longer exists.")

    assert run_op(parent, "Cannot open the inspection", gone, bus) is FAILED
    assert isinstance(FAILED, Failed) and not FAILED
    assert shown == [("Cannot open the inspection", "Inspection 7 no longer exists.")] and heard == []


def test_changes_are_published_with_their_initiator_alone_in_a_tuple_or_a_report(parent, bus):
    heard = []
    bus.changed.connect(lambda changes: heard.append((changes, bus.initiator)))
    changes = Changes(inspections=frozenset({3}))
    editor = object()
    assert run_op(parent, "Save", lambda: (3, changes), bus, initiator=editor) == (3, changes)
    assert heard == [(changes, editor)] and bus.initiator is None  # only while it is delivered

    class Report:
        def __init__(self):
            self.changes = changes

    run_op(parent, "Import", Report, bus)
    assert heard[-1] == (changes, None)


def test_field_problems_can_be_shown_at_the_fields_instead(parent):
    at = []
    problem = ValidationError([FieldError("title", "is required")])

    def invalid():
        raise problem

    assert run_op(parent, "Save", invalid, failure=at_fields(at.append)) is FAILED  # no message box (it would fail)
    assert at == [problem]


def test_a_bug_is_not_swallowed(parent):
    with pytest.raises(ZeroDivisionError):
        run_op(parent, "Save", lambda: 1 / 0)
    with pytest.raises(OSError):
        run_op(parent, "Save", Path("/nonexistent/folder/file").read_text)  # only `disk=True` calls tell OSError


def test_a_long_call_runs_on_a_worker_with_its_own_connection(qtbot, parent, bus, demo_office):
    threads, results, heard = [], [], []
    bus.changed.connect(heard.append)
    today = demo_office.inspections.find("DEMO-001").published

    def work(office):
        threads.append(threading.current_thread())
        assert office is not demo_office
        return office.load_demo(today)

    run_op_in_background(parent, "Load", on_own_connection(demo_office.path, work), results.append, bus)
    qtbot.waitUntil(lambda: bool(results) and pending_tasks() == 0, timeout=10000)
    assert threads and threads[0] is not threading.main_thread()
    assert heard and heard[0] is results[0].changes


def test_the_editor_ignores_the_echo_of_its_own_save_but_not_anyone_elses(qtbot, demo_office, bus, today_provider,
                                                                          monkeypatch):
    from opcc_desktop.ui.inspections.inspection_editor import InspectionEditor

    editor = InspectionEditor(demo_office, bus, today_provider)
    qtbot.addWidget(editor)
    inspection = demo_office.inspections.find("DEMO-002")
    editor.load(inspection.id)
    reloads = []
    real = editor._populate
    monkeypatch.setattr(editor, "_populate", lambda *a, **k: (reloads.append(a), real(*a, **k)))
    editor.view.comments_edit.setPlainText("New wording of the response.")
    assert editor.save()
    assert len(reloads) == 1  # the saved record, shown once: the echo was recognised as ours
    assert not hasattr(editor, "_saving")  # no flag
    bus.publish(Changes(inspections=frozenset({inspection.id})), initiator=object())  # someone else's change
    assert len(reloads) == 2
