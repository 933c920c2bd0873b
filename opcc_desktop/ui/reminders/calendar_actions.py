"""File → Export deadlines to calendar (.ics): every open deadline, for Outlook to import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ...services.office import Office
from ..common.error_dialogs import show_error, show_info

ICS_FILTER = "Calendar files (*.ics);;All files (*)"


def export_calendar(parent: QWidget, office: Office, today, folder: str) -> Path | None:
    suggested = str(Path(folder) / f"OPCC deadlines {today:%Y-%m-%d}.ics")
    chosen, _ = QFileDialog.getSaveFileName(parent, "Export deadlines to calendar", suggested, ICS_FILTER)
    if not chosen:
        return None
    path = Path(chosen) if chosen.lower().endswith(".ics") else Path(chosen + ".ics")
    from ..common.file_dialogs import remember_folder

    remember_folder(path)
    try:
        path.write_bytes(office.reminders.calendar(today))
    except OSError as error:
        show_error(parent, "Export deadlines", f"Could not write {path}:\n{error.strerror or error}")
        return None
    show_info(parent, "Export deadlines",
              f"Saved {path}.\n\nIn Outlook: File → Open & Export → Import/Export → iCalendar (.ics). "
              "Importing a newer file updates the same events instead of adding copies.")
    return path
