"""Safe file names for evidence copied into the data folder (the original name is kept for display).

Whatever a user attaches (`..\\..\\x`, `CON.txt`, `a:b?.pdf`, control characters, 300-character
names), the stored name is one plain path component that Windows and Linux both accept.
"""

from __future__ import annotations

import re
import unicodedata

# Windows device names, whatever the extension ("CON.txt", "com¹.pdf" and "CONIN$.doc" all open a device):
# COM/LPT with 0-9 and the superscript digits Windows also accepts, and the console's CONIN$/CONOUT$.
_DIGITS = "0123456789\u00b9\u00b2\u00b3"
RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            *(f"{port}{digit}" for port in ("COM", "LPT") for digit in _DIGITS)}
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
    if stem.split(".")[0].rstrip(" ").upper() in RESERVED:
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


# What opening does for a file of this type, when it is more than showing it (Windows runs or scripts
# these, or Office runs their macros): the window asks before opening one.
_RUNS = {"exe", "com", "scr", "pif", "msi", "msp", "msix", "appx", "application", "appref-ms", "cpl", "dll",
         "lnk", "url", "scf", "inf", "reg", "hta", "jar", "gadget", "msc", "iso", "img", "vhd", "vhdx", "chm"}
_SCRIPTS = {"bat", "cmd", "ps1", "psm1", "psd1", "vbs", "vbe", "js", "jse", "wsf", "wsh", "ws", "sh", "py", "pyw",
            "pl", "rb", "applescript", "command"}
_MACROS = {"docm", "dotm", "xlsm", "xltm", "xlam", "xlsb", "pptm", "potm", "ppam", "ppsm", "sldm", "accdb", "mdb",
           "accde", "mde", "one", "xll"}


def risk_of_opening(name: str) -> str | None:
    """Why opening `name` needs the user's say-so ("runs a program", …), or None for a document."""
    suffix = name.rstrip(". ").rpartition(".")[2].lower() if "." in name else ""
    if suffix in _RUNS:
        return "runs a program or changes Windows settings when opened"
    if suffix in _SCRIPTS:
        return "is a script: opening it runs it"
    if suffix in _MACROS:
        return "is an Office file that can contain macros"
    return None
