"""What every page of a letter carries besides its text: "Page x of y", the DRAFT marking, images."""

from __future__ import annotations

import io
from typing import Any, Literal, TypeGuard

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image

from opcc_desktop.letters.fonts import BOLD, register_fonts
from opcc_desktop.letters.pdf_metadata import attach_xmp

PAGE_WIDTH, PAGE_HEIGHT = A4
GREY = colors.HexColor("#555555")
DRAFT_WORDS = "DRAFT – NOT SIGNED"


def draw_draft_watermark(canv: Canvas) -> None:
    """A large pale diagonal "DRAFT" across the page."""
    canv.saveState()
    canv.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.16))
    canv.setFont(BOLD, 110)
    canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canv.rotate(45)
    canv.drawCentredString(0, -35, "DRAFT")
    canv.restoreState()


def draw_draft_line(canv: Canvas) -> None:
    """A plain "DRAFT – NOT SIGNED" line at the top, for photocopies."""
    canv.saveState()
    canv.setFillColor(colors.HexColor("#b3261e"))
    canv.setFont(BOLD, 9)
    canv.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 8 * mm, DRAFT_WORDS)
    canv.restoreState()


def draw_draft_marking(canv: Canvas) -> None:
    """A large pale diagonal "DRAFT" across the page, plus a plain line at the top for photocopies."""
    draw_draft_watermark(canv)
    draw_draft_line(canv)


DEMONSTRATION_WORDS = "DEMONSTRATION – NOT A REAL OFFICE"


def draw_demonstration_marking(canv: Canvas) -> None:
    """The demonstration office's pages say so, above the footer, on every page."""
    canv.saveState()
    canv.setFillColor(colors.HexColor("#8a4b00"))
    canv.setFont(BOLD, 9)
    canv.drawCentredString(PAGE_WIDTH / 2, 4.5 * mm, DEMONSTRATION_WORDS)
    canv.restoreState()


def numbered_canvas_class(pages: list[int], bottom_margin: float, draft: bool, demonstration: bool = False) -> type[Canvas]:
    """A canvas that holds its pages back until the end, then stamps "Page x of y" (and DRAFT) on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # ReportLab's own (unstubbed) page reset

        def save(self) -> None:
            total = len(self._held)
            pages.append(total)
            for state in self._held:
                self.__dict__.update(state)
                self.saveState()
                self.setFont(register_fonts(), 8.5)
                self.setFillColor(GREY)
                self.drawCentredString(PAGE_WIDTH / 2, bottom_margin / 2, f"Page {self.getPageNumber()} of {total}")
                self.restoreState()
                if draft:  # the top line first in the page's content (read first when text is extracted)
                    code: list[str] = self._code  # type: ignore[attr-defined]  # ReportLab's page content
                    start = len(code)
                    draw_draft_line(self)
                    line = code[start:]
                    del code[start:]
                    code[:0] = line
                    draw_draft_watermark(self)  # over the text, so filled table cells do not hide it
                if demonstration:
                    draw_demonstration_marking(self)
                super().showPage()
            attach_xmp(self)
            super().save()

    return NumberedCanvas


def image_flowable(png: bytes, max_width: float, max_height: float, align: Literal["LEFT", "RIGHT"] = "LEFT") -> Flowable:
    """An image scaled to fit the box, keeping its shape."""
    reader = ImageReader(io.BytesIO(png))
    width, height = reader.getSize()
    scale = min(max_width / width, max_height / height)
    image = Image(io.BytesIO(png), width=width * scale, height=height * scale)
    image.hAlign = align
    return image


def image_is_usable(png: bytes | None) -> TypeGuard[bytes]:
    """True when ReportLab can read the image (a broken logo must not stop a letter)."""
    if not png:
        return False
    try:
        ImageReader(io.BytesIO(png)).getSize()
    except Exception:  # noqa: BLE001 - any decoder failure means "do not draw it"
        return False
    return True
