"""Safe file names for evidence copied into the data folder (the original name is kept for display).

Whatever a user attaches (`..\\..\\x`, `CON.txt`, `a:b?.pdf`, control characters, 300-character
names), the stored name is one plain path component that Windows and Linux both accept.
"""

from __future__ import annotations

import re
import unicodedata

RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
MAX_STEM = 80
MAX_SUFFIX = 12


def safe_file_name(original: str) -> str:
    """One path component: no directories, no forbidden or control characters, no reserved device
    name, no trailing dot or space, never empty, at most ~95 characters (the extension kept)."""
    name = re.split(r"[\\/]", original)[-1]
    name = unicodedata.normalize("NFC", name)
    name = FORBIDDEN.sub("_", name).strip().strip(". ")
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or len(suffix) > MAX_SUFFIX or not suffix.isalnum():
        stem, suffix = name, ""
    stem = stem.strip(". ")[:MAX_STEM].strip(". ") or "attachment"
    if stem.split(".")[0].upper() in RESERVED:
        stem = f"_{stem}"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def unique_name(name: str, taken: set[str]) -> str:
    """`name`, or `name (2)`, `name (3)`… so that it is not in `taken` (compared case-insensitively)."""
    lowered = {t.casefold() for t in taken}
    if name.casefold() not in lowered:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    number = 2
    while True:
        candidate = f"{stem} ({number})" + (f".{suffix}" if suffix else "")
        if candidate.casefold() not in lowered:
            return candidate
        number += 1
