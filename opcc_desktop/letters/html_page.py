"""Building blocks of the accessible web pages (published response, agenda, minutes). Pure: stdlib only.

Every page is one self-contained UTF-8 file: no scripts, no external files (the logo is a `data:` URI),
`lang="en-GB"`, a `<title>`, and a style sheet that keeps text at 4.5:1 contrast or better and reflows
at 320 px and 400 % zoom. Every user string goes through `text()` or `paragraphs()`, which escape it,
so `<b>`, `&` and `<script>` are shown literally; `dir="auto"` lets right-to-left text read correctly.
"""

from __future__ import annotations

import base64
import html
import re
import struct
from collections.abc import Iterable
from datetime import date

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_UK_DATE = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")
_BULLET = re.compile(r"^\s*[-•–*]\s+")

# Colours: text #1b1b1b on white is 17:1, headings #1f3a5f 11.7:1, muted #4a4a4a 8.9:1, notice text on
# its pale background 9.6:1; all well above the 4.5:1 that WCAG 1.4.3 asks of normal text.
STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #ffffff; color: #1b1b1b;
  font-family: "Segoe UI", Arial, "Helvetica Neue", "DejaVu Sans", sans-serif; font-size: 1rem; line-height: 1.5; }
.page { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
header.masthead { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: center;
  justify-content: space-between; border-bottom: 3px solid #1f3a5f; padding-bottom: 0.75rem; margin-bottom: 1.25rem; }
.office { font-weight: 700; font-size: 1.25rem; color: #1f3a5f; margin: 0; }
.logo { max-width: 100%; height: auto; max-height: 5rem; width: auto; }
h1, h2, h3, h4 { color: #1f3a5f; line-height: 1.25; margin: 1.5em 0 0.5em; }
h1 { font-size: 1.6rem; margin-top: 0.5rem; }
h2 { font-size: 1.35rem; border-bottom: 1px solid #8a9bb0; padding-bottom: 0.2em; }
h3 { font-size: 1.15rem; }
h4 { font-size: 1rem; }
p, li, dd, dt, h1, h2, h3, h4 { overflow-wrap: anywhere; }
td, th, td p, td li { overflow-wrap: break-word; }
.table-region table { min-width: 40rem; }  /* narrower screens scroll the table, never the page (WCAG 1.4.10) */
@media (max-width: 30em) { h1 { font-size: 1.35rem; } h2 { font-size: 1.2rem; } }
.statute, .meta { color: #4a4a4a; }
dl.details { display: grid; grid-template-columns: minmax(8rem, 12rem) 1fr; gap: 0.4rem 1rem; margin: 0; }
dl.details dt { font-weight: 700; }
dl.details dd { margin: 0; }
@media (max-width: 30em) {
  dl.details { display: block; }
  dl.details dd { margin: 0 0 0.6rem; }
}
section.finding { border-left: 4px solid #8a9bb0; padding: 0.1rem 0 0.1rem 0.9rem; margin: 1.25rem 0; }
.finding-text { font-weight: 600; }
.none { font-style: italic; color: #4a4a4a; }
.notice { background: #fdf3e7; color: #5c2d00; border: 2px solid #8a4b00; padding: 0.5rem 0.75rem; font-weight: 700; }
.signoff { margin-top: 2rem; }
.signoff p { margin: 0.15rem 0; }
.table-region { overflow-x: auto; max-width: 100%; }
.table-region:focus { outline: 3px solid #1f3a5f; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 700; color: #1f3a5f; padding-bottom: 0.3rem; }
th, td { border: 1px solid #8a9bb0; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
td p, td ul { margin: 0 0 0.4rem; }
td > :last-child { margin-bottom: 0; }
thead th { background: #1f3a5f; color: #ffffff; }
tbody th { background: #e6ecf3; }
ul { padding-left: 1.4rem; }
"""


def text(value: str) -> str:
    """Literal text as HTML: control characters dropped, escaped (quotes too), newlines as `<br>`."""
    value = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return html.escape(value, quote=True).replace("\n", "<br>")


def split_paragraphs(value: str) -> tuple[str, ...]:
    parts = _BLANK_LINES.split(value.replace("\r\n", "\n").replace("\r", "\n"))
    return tuple(part.strip() for part in parts if part.strip())


def paragraphs(values: Iterable[str], css_class: str = "") -> str:
    """Each string a `<p dir="auto">`: its direction follows its first strong character."""
    attribute = f' class="{css_class}"' if css_class else ""
    return "\n".join(f'<p dir="auto"{attribute}>{text(v)}</p>' for v in values if v.strip())


def lines_as_blocks(lines: Iterable[str]) -> str:
    """Lines as paragraphs, runs of "- item" lines as a real list (as in the key findings)."""
    out: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if items:
            out.append("<ul>\n" + "\n".join(f'<li dir="auto">{text(item)}</li>' for item in items) + "\n</ul>")
            items.clear()

    for line in lines:
        if not line.strip():
            continue
        if _BULLET.match(line):
            items.append(_BULLET.sub("", line, count=1))
            continue
        flush()
        out.append(f'<p dir="auto">{text(line)}</p>')
    flush()
    return "\n".join(out)


def time_element(day: date | None, shown: str = "") -> str:
    if day is None:
        return text(shown)
    return f'<time datetime="{day.isoformat()}">{text(shown or day.strftime("%d/%m/%Y"))}</time>'


def text_with_dates(value: str) -> str:
    """Escaped text in which every dd/mm/yyyy date is a `<time>` (action due dates and updates)."""

    def wrap(match: re.Match[str]) -> str:
        day, month, year = match.groups()
        try:
            return time_element(date(int(year), int(month), int(day)), match.group(0))
        except ValueError:
            return match.group(0)

    return _UK_DATE.sub(wrap, text(value))


def png_size(png: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG's header, or None when the bytes are not a PNG."""
    if len(png) < 24 or png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", png[16:24])
    return (width, height) if width and height else None


def logo_image(png: bytes | None, alt: str) -> str:
    """The logo as an embedded image with its alt text; nothing without a readable PNG or alt text."""
    size = png_size(png) if png else None
    if png is None or size is None or not alt.strip():
        return ""
    data = base64.b64encode(png).decode("ascii")
    return (f'<img class="logo" src="data:image/png;base64,{data}" alt="{text(alt.strip())}" '
            f'width="{size[0]}" height="{size[1]}">')


def page(title: str, body: str) -> str:
    """The whole document: doctype, language, character set, viewport, title and style sheet."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(title)}</title>\n"
        '<meta name="generator" content="OPCC Desktop">\n'
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<div class="page">\n{body}\n</div>\n</body>\n</html>\n'
    )


def masthead(office_name: str, logo_png: bytes | None, logo_alt: str) -> str:
    logo = logo_image(logo_png, logo_alt)
    office = f'<p class="office" dir="auto">{text(office_name)}</p>' if office_name.strip() else ""
    return f'<header class="masthead">\n{office}\n{logo}\n</header>' if office or logo else ""


DEMONSTRATION_NOTICE = "DEMONSTRATION – NOT A REAL OFFICE"


def demonstration_notice(demonstration: bool) -> str:
    """The demonstration office says so at the top of its pages, in words."""
    return f'<p class="notice">{DEMONSTRATION_NOTICE}</p>' if demonstration else ""
