"""Names screen readers announce, given once a window or dialog is built.

Qt finds a field's name from its label only when the label is the field's *sibling*; the forms put
each field in a holder with its error label, so the label's buddy link alone is not announced.
`name_fields(root)` copies each label's text (without the `&` mnemonic, the `*` required mark and a
trailing colon) to its buddy's accessible name, and uses the tool tip for icon-only buttons. Fields
that already have a name keep it. `tests/ui/test_accessibility.py` checks every field is named.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def label_to_name(text: str) -> str:
    """"HMICFRS &reference" → "HMICFRS reference"; "&Title *" → "Title (required)"; "&&" stays "&"."""
    required = text.rstrip().endswith("*")
    name = re.sub(r"&(.)", r"\1", text).rstrip(" *:").strip()
    return f"{name} (required)" if required else name


def name_fields(root: QWidget) -> int:
    """Give every unnamed labelled field its label's text, every unnamed icon button its tool tip; how many."""
    named = 0
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and not buddy.accessibleName() and label.text().strip():
            buddy.setAccessibleName(label_to_name(label.text()))
            named += 1
    for button in root.findChildren(QAbstractButton):
        if not button.text() and not button.accessibleName() and button.toolTip():
            button.setAccessibleName(button.toolTip())
            named += 1
    return named
