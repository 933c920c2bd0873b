"""Message boxes that always show user text literally, and the last-resort unexpected-error dialog.

Every box is a `QMessageBox` instance with `Qt.PlainText` (the static helpers guess rich text,
so a title such as `Vetting & counter-corruption <2024>` could be mangled). All of them end in
`QMessageBox.exec`, which tests replace with a stub.
"""

from __future__ import annotations

import logging
import platform
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from ... import __version__

log = logging.getLogger(__name__)

Button = QMessageBox.StandardButton


def plain_message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    *,
    informative: str = "",
    detail: str = "",
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> QMessageBox:
    """A configured (not yet shown) message box whose texts are all plain."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if informative:
        box.setInformativeText(informative)
    if detail:
        box.setDetailedText(detail)  # always plain in Qt
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def ask_to_save(parent: QWidget | None, heading: str, save: Callable[[], bool], revert: Callable[[], object]) -> bool:
    """Save, Discard or Cancel for a form with unsaved changes: True when it is fine to leave it."""
    answer = plain_message_box(
        parent, QMessageBox.Icon.Question, "Unsaved changes", f"Save the changes to “{heading}”?",
        informative="If you don't save, your changes will be lost.",
        buttons=Button.Save | Button.Discard | Button.Cancel, default=Button.Save,
    ).exec()
    if answer == Button.Save:
        return save()
    if answer == Button.Discard:
        revert()
        return True
    return False


def show_error(parent: QWidget | None, title: str, text: str, *, detail: str = "") -> None:
    plain_message_box(parent, QMessageBox.Icon.Critical, title, text, detail=detail).exec()


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    plain_message_box(parent, QMessageBox.Icon.Warning, title, text).exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    plain_message_box(parent, QMessageBox.Icon.Information, title, text).exec()


def ask_yes_no(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """Yes/No question; True only when the user chose Yes."""
    box = plain_message_box(
        parent, QMessageBox.Icon.Question, title, text,
        buttons=Button.Yes | Button.No, default=Button.Yes if default_yes else Button.No,
    )
    return box.exec() == Button.Yes


def environment_summary(log_file: Path | None) -> str:
    """Version, operating system and log location, for support requests."""
    return "\n".join(
        [
            f"OPCC Desktop {__version__}",
            f"Operating system: {platform.platform()}",
            f"Python {platform.python_version()}, Qt {qVersion()}",
            f"Log file: {log_file if log_file else 'not available (logging to file failed)'}",
        ]
    )


def show_unexpected_error(
    parent: QWidget | None,
    exc: BaseException,
    tb: TracebackType | None,
    log_file: Path | None,
) -> None:
    """Tell the user something went wrong, without closing the application."""
    text = (
        "Something went wrong and OPCC Desktop could not finish what it was doing. "
        "Your saved records are safe; unsaved changes in the open form are still there.\n\n"
        f"{type(exc).__name__}: {exc}"
    )
    detail = environment_summary(log_file) + "\n\n" + "".join(traceback.format_exception(type(exc), exc, tb))
    plain_message_box(
        parent, QMessageBox.Icon.Critical, "OPCC Desktop – unexpected error", text,
        informative=environment_summary(log_file), detail=detail,
    ).exec()
