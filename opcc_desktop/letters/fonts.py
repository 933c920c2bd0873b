"""Register the bundled DejaVu Sans family with ReportLab (once per process)."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from opcc_desktop.resources import resource_path

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


def register_fonts() -> str:
    """Register the four faces as one family (so <b> and <i> work); return the regular face's name."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    return REGULAR
