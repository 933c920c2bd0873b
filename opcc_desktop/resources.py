"""Locate files in the top-level `resources/` folder, from a source checkout or a frozen build.

This is the ONLY module that knows how the program was started: from a checkout the folder sits
beside the package; in a PyInstaller build the spec copies it to `resources/` under the bundle's
data folder, which PyInstaller publishes as `sys._MEIPASS` (the `_internal` folder of a onedir
build). Nothing else builds paths from `__file__`, `sys.executable` or `sys._MEIPASS`
(`tests/test_resource_lookup.py` checks that).
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_ICON = ("icons", "opcc-desktop.png")
APP_ICON_ICO = ("icons", "opcc-desktop.ico")


def is_frozen() -> bool:
    """True inside a PyInstaller build."""
    return bool(getattr(sys, "frozen", False)) and getattr(sys, "_MEIPASS", None) is not None


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, under `sys._MEIPASS` when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of one resource file, e.g. `resource_path("fonts", "DejaVuSans.ttf")`."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing resource {'/'.join(parts)} (looked in {resources_dir()})")
    return path


def app_icon_path() -> Path:
    """The window icon (PNG; the Windows executables embed `icons/opcc-desktop.ico`)."""
    return resource_path(*APP_ICON)
