"""Guard against the PySide6 6.12.0 + CPython 3.11 crash ("none_dealloc").

That build dropped a reference to `None` on every call of a Qt method returning void, so after a
few thousand calls None's refcount hit zero and the interpreter aborted. pyproject.toml pins
PySide6 < 6.12 on 3.11; this test fails (or kills the run) if a bad build slips in.
"""

import sys

from PySide6.QtWidgets import QApplication, QLabel

SET_TEXT_CALLS = 20_000
PROCESS_EVENTS_CALLS = 1_000
ALLOWED_DRIFT = 100


def test_many_void_qt_calls_do_not_leak_or_free_none(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for n in range(SET_TEXT_CALLS):
        label.setText(str(n))  # void C++ method
    for _ in range(PROCESS_EVENTS_CALLS):
        QApplication.processEvents()
    after = sys.getrefcount(None)
    assert label.text() == str(SET_TEXT_CALLS - 1)
    if sys.version_info < (3, 12):  # from 3.12 None is immortal and its refcount is meaningless
        assert after >= before - ALLOWED_DRIFT, f"None's refcount fell from {before} to {after}"
    label.deleteLater()
