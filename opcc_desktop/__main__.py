"""`python -m opcc_desktop`: the same as the `opcc-desktop` command."""

import gc

gc.disable()  # from the very first import: see app.main (main switches it back on)

import sys

from .app import main

sys.exit(main())
