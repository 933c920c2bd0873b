"""Render the demonstration office's versions of seeds 001 and 002, to set beside the seed texts.

    python tools/seed_letters.py OUT_DIR

Writes seed-001-letter.pdf and seed-002-response.pdf (and PNG pages at 60 dpi when `pdftoppm` is
installed) into OUT_DIR, from a throwaway database loaded with the demonstration office.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from opcc_desktop.services.office import Office
    from opcc_desktop.services.seed_documents import seed_001_letter, seed_002_response

    with tempfile.TemporaryDirectory() as folder:
        office = Office.open(Path(folder) / "seeds.sqlite3")
        office.load_demo(date(2026, 11, 22))
        for name, pdf in (("seed-001-letter", seed_001_letter(office)), ("seed-002-response", seed_002_response(office))):
            path = args.out / f"{name}.pdf"
            path.write_bytes(pdf.data)
            print(f"{path}: {pdf.pages} pages, SHA-256 {pdf.sha256}")
            if shutil.which("pdftoppm"):
                subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(args.out / name)], check=True)
        office.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
