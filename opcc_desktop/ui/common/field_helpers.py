"""Small conversions shared by the forms: "; "-separated lists and editable combo boxes."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

LIST_SEPARATOR = "; "


def split_list(text: str) -> tuple[str, ...]:
    """"Cumbria; Lancashire ;" becomes ("Cumbria", "Lancashire")."""
    return tuple(part.strip() for part in text.split(";") if part.strip())


def join_list(items: tuple[str, ...] | list[str]) -> str:
    return LIST_SEPARATOR.join(items)


def set_combo_text(combo: QComboBox, text: str) -> None:
    """Select `text` in the list, or (for an editable combo) show it as typed when it is not listed."""
    index = combo.findText(text)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable():
        combo.setCurrentIndex(-1)
        combo.setEditText(text)
    elif text:
        combo.addItem(text)
        combo.setCurrentIndex(combo.count() - 1)

