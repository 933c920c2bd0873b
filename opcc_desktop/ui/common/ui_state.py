"""Window layout remembered between runs (geometry, splitters, table headers, last filter).

Kept in an INI file beside the database (`paths.ui_state_file()`), never in the database: it is
about this user's screen, not the office's records.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter, QWidget

from ... import paths

log = logging.getLogger(__name__)


def state_settings() -> QSettings:
    """The INI-backed QSettings; the folder is created if it can be."""
    path = paths.ui_state_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # unwritable data folder: Qt will simply not persist
        log.warning("Cannot create %s: %s", path.parent, exc)
    return QSettings(str(path), QSettings.Format.IniFormat)


def save_widget_state(key: str, widget: QWidget) -> None:
    """Store a main window's geometry and dock/toolbar state, a header's or splitter's state,
    or any other widget's geometry, under `key`."""
    settings = state_settings()
    if isinstance(widget, QMainWindow):
        settings.setValue(f"{key}/geometry", widget.saveGeometry())
        settings.setValue(f"{key}/state", widget.saveState())
    elif isinstance(widget, (QHeaderView, QSplitter)):
        settings.setValue(f"{key}/state", widget.saveState())
    else:
        settings.setValue(f"{key}/geometry", widget.saveGeometry())
    settings.sync()


def restore_widget_state(key: str, widget: QWidget) -> bool:
    """Restore what `save_widget_state` stored; False (widget untouched) when nothing usable is stored."""
    settings = state_settings()
    restored = False
    geometry = _bytes(settings.value(f"{key}/geometry"))
    state = _bytes(settings.value(f"{key}/state"))
    if isinstance(widget, QMainWindow):
        if geometry is not None:
            restored = widget.restoreGeometry(geometry)
        if state is not None:
            restored = widget.restoreState(state) or restored
    elif isinstance(widget, (QHeaderView, QSplitter)):
        if state is not None:
            restored = widget.restoreState(state)
    elif geometry is not None:
        restored = widget.restoreGeometry(geometry)
    return restored


def save_text(key: str, value: str) -> None:
    settings = state_settings()
    settings.setValue(key, value)
    settings.sync()


def load_text(key: str, default: str = "") -> str:
    value = state_settings().value(key, default)
    return value if isinstance(value, str) else default


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, (bytes, bytearray)) and value:
        return QByteArray(bytes(value))
    return None
