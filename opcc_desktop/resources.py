"""Locate the resource files (fonts, icon, demonstration data), however the program was installed.

This is the ONLY module that knows how the program was installed; nothing else builds paths from
`__file__`, `sys.executable` or `sys._MEIPASS` (`tests/test_resource_lookup.py` checks that). The
repository keeps them in ONE place, the top-level `resources/` folder. One rule finds them:

1. `resources_data/` beside this module, where they are packaged: a wheel or `pip install .`
   (setup.py copies the folder into the built package) and a PyInstaller build (the spec puts it at
   the same place under the bundle's `_internal` folder, where this module's `__file__` points);
2. otherwise the checkout's `resources/` beside the package (running from the source tree or from an
   editable install, `pip install -e .`).
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_ICON = ("icons", "opcc-desktop.png")
APP_ICON_ICO = ("icons", "opcc-desktop.ico")

PACKAGE_DATA = Path(__file__).resolve().parent / "resources_data"
CHECKOUT_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def is_frozen() -> bool:
    """True inside a PyInstaller build (for the log; resources are found the same way either way)."""
    return bool(getattr(sys, "frozen", False)) and getattr(sys, "_MEIPASS", None) is not None


def resources_dir() -> Path:
    """The folder holding the resources: the packaged copy when there is one, else the checkout's."""
    return PACKAGE_DATA if PACKAGE_DATA.is_dir() else CHECKOUT_RESOURCES


def resource_path(*parts: str) -> Path:
    """Path of one resource file, e.g. `resource_path("fonts", "DejaVuSans.ttf")`."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing resource {'/'.join(parts)} (looked in {resources_dir()})")
    return path


def app_icon_path() -> Path:
    """The window icon (PNG; the Windows executables embed `icons/opcc-desktop.ico`)."""
    return resource_path(*APP_ICON)
