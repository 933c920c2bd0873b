"""`python -m opcc_desktop`: the same as the `opcc-desktop` command."""

import gc

gc.disable()  # from the very first import: see app.main (main switches it back on)

import sys  # noqa: E402

from .app import main  # noqa: E402

sys.exit(main())
