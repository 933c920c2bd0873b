"""`python -m opcc_desktop`: the same as the `opcc-desktop` command."""

import sys

from .app import main

sys.exit(main())
