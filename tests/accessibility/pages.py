"""Small helpers shared by the web-page tests: a tiny PNG, hostile text, the page's outline."""

from __future__ import annotations

import itertools
import struct
import zlib
from html.parser import HTMLParser

HOSTILE = "<b>bold</b> & <script>alert('x')</script> \"quoted\" <2024>"
WELSH = "Ymateb y Comisiynydd: mae’r heddlu’n gweithio’n galed — ŵ ŷ â"
ARABIC = "استجابة المفوض للتوصية"
HEBREW = "תגובת הנציב להמלצה"
LONG_WORD = "https://www.example.org/" + "very-long-unbroken-address-" * 12


def tiny_png(width: int = 40, height: int = 20) -> bytes:
    """A plain dark-blue PNG (no image library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x1f\x3a\x5f" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


class Outline(HTMLParser):
    """Headings (level, text), tags seen, and attributes of interest, from the page's source."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[int, str]] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, dict[str, str | None]]] = []
        self._heading: int | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.append((tag, dict(attrs)))
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self._heading, self._text = int(tag[1]), []

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and tag == f"h{self._heading}":
            self.headings.append((self._heading, " ".join("".join(self._text).split())))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._text.append(data)


def outline(page: str) -> Outline:
    parser = Outline()
    parser.feed(page)
    return parser


def heading_levels_in_order(levels: list[int]) -> bool:
    """One h1, first; each later heading at most one level deeper than the one before."""
    if not levels or levels[0] != 1 or levels.count(1) != 1:
        return False
    return all(b <= a + 1 for a, b in itertools.pairwise(levels))
