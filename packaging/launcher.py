"""Entry script PyInstaller freezes (both executables): the same `main` as `opcc-desktop` and `python -m opcc_desktop`."""

import multiprocessing
import sys

from opcc_desktop.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
