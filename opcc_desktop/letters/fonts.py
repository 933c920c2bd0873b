"""Register the bundled DejaVu Sans family with ReportLab (once per process).

Parsing the four TrueType files costs ~65 ms of every `letter` command, so each face's parsed tables
are kept in a small cache beside the data (`cache/fonts`), keyed by the file's size and time and the
ReportLab version; a missing, stale or unreadable cache entry is simply parsed again (and rewritten).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace, unShapedFontGlob  # type: ignore[attr-defined]

from opcc_desktop.resources import resource_path

log = logging.getLogger(__name__)
REGULAR = "OPCC-DejaVuSans"
BOLD = "OPCC-DejaVuSans-Bold"
ITALIC = "OPCC-DejaVuSans-Oblique"
BOLD_ITALIC = "OPCC-DejaVuSans-BoldOblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
_NOT_CACHED = ("_pdfScale",)  # a lambda made from unitsPerEm; rebuilt on load


def font_cache_dir() -> Path | None:
    """Where parsed faces are kept; None turns the cache off (OPCC_FONT_CACHE=off)."""
    if os.environ.get("OPCC_FONT_CACHE", "").lower() == "off":
        return None
    from opcc_desktop.paths import data_dir

    return data_dir() / "cache" / "fonts"


def _cache_file(folder: Path, path: Path) -> Path:
    stat = path.stat()
    key = f"{path.name}|{stat.st_size}|{stat.st_mtime_ns}|{reportlab.Version}"
    return folder / f"{path.stem}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.pickle"


def _pdf_scale(units_per_em: int) -> Callable[[float], float]:
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _load_face(path: Path, folder: Path | None) -> TTFontFace:
    cached = _cache_file(folder, path) if folder is not None else None
    if cached is not None and cached.exists():
        try:
            state: dict[str, Any] = pickle.loads(cached.read_bytes())
            face = TTFontFace.__new__(TTFontFace)
            face.__dict__.update(state)
            face._pdfScale = _pdf_scale(face.unitsPerEm)  # type: ignore[attr-defined]
            return face
        except Exception:  # noqa: BLE001 - a damaged cache entry is parsed again
            log.info("Font cache entry %s unreadable; parsing %s again", cached, path.name)
    face = TTFontFace(str(path))
    if cached is not None:
        _save(cached, {k: v for k, v in face.__dict__.items() if k not in _NOT_CACHED})
    return face


def _save(target: Path, state: dict[str, Any]) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(state, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)  # whole or not at all, even with two processes at once
    except OSError as error:  # a read-only data folder: fonts are parsed each time, nothing else changes
        log.info("Font cache not written (%s)", error)


class _CachedTTFont(TTFont):
    """A TTFont built around an already parsed face (what TTFont.__init__ does after parsing)."""

    def __init__(self, name: str, face: TTFontFace):
        self.fontName = name
        self.face = face
        self.encoding = TTEncoding()
        self.state: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, pattern) for pattern in unShapedFontGlob)


def _font(name: str, path: Path) -> TTFont:
    try:
        return _CachedTTFont(name, _load_face(path, font_cache_dir()))
    except Exception:
        log.exception("Cached font loading failed; parsing %s", path.name)
        return TTFont(name, str(path))


def register_fonts() -> str:
    """Register the four faces as one family (so <b> and <i> work); return the regular face's name."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(_font(name, resource_path("fonts", filename)))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    return REGULAR
