"""Regenerate resources/demo/demo-signatory.json: an invented signature for the demonstration office.

    python tools/make_demo_signatory.py

The image is drawn (not anyone's real signature) and sealed with the published demonstration
passphrase, so loading the demo needs no slow key derivation. Never use this passphrase for real.
"""

from __future__ import annotations

import base64
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw, ImageFont

from opcc_desktop.services.demo_letters import DEMO_PASSPHRASE, DEMO_SIGNATORY_FILE
from opcc_desktop.services.signature_vault import seal


def signature_png() -> bytes:
    image = Image.new("RGBA", (620, 180), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(ROOT / "resources/fonts/DejaVuSans-Oblique.ttf"), 92)
    draw.text((20, 30), "R Bisby", font=font, fill=(20, 30, 80, 255))
    draw.line([(30, 150), (300, 140), (560, 152)], fill=(20, 30, 80, 255), width=4)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def main() -> int:
    sealed = seal(signature_png(), DEMO_PASSPHRASE)
    record = {
        "name": "Ray Bisby",
        "title": "Acting Police and Crime Commissioner for Cambridgeshire and Peterborough",
        "passphrase_hash": sealed.passphrase_hash,
        "key_salt": base64.b64encode(sealed.key_salt).decode(),
        "nonce": base64.b64encode(sealed.nonce).decode(),
        "sealed_signature": base64.b64encode(sealed.sealed).decode(),
    }
    path = ROOT / "resources" / Path(*DEMO_SIGNATORY_FILE)
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
