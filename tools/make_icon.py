#!/usr/bin/env python3
"""Draw the application icon: resources/icons/opcc-desktop.png (256 px) and .ico (16–256 px).

    python tools/make_icon.py

A navy rounded square with a white "55" (the s.55 deadline) over a gold bar. Uses Pillow (a
ReportLab dependency) and the bundled DejaVu Sans Bold, so it gives the same pixels everywhere.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
NAVY, GOLD, WHITE = (20, 45, 95, 255), (230, 180, 40, 255), (255, 255, 255, 255)
SIZE = 256


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((8, 8, SIZE - 8, SIZE - 8), radius=44, fill=NAVY)
    pen.rectangle((48, 186, SIZE - 48, 204), fill=GOLD)
    font = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "DejaVuSans-Bold.ttf"), 120)
    pen.text((SIZE / 2, 112), "55", font=font, fill=WHITE, anchor="mm")
    return image


def main() -> int:
    ICONS.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.save(ICONS / "opcc-desktop.png")
    image.save(ICONS / "opcc-desktop.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print(ICONS / "opcc-desktop.png", ICONS / "opcc-desktop.ico")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
