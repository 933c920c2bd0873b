"""Windows taskbar identity: the app's own AppUserModelID, so its windows group under its icon.

Without it Windows groups the window by the executable that started it, which is `python.exe` when run
from source, and a pinned shortcut would not match the running window. The Start-menu shortcuts that
the installers make carry the same ID (packaging/opcc-desktop.iss and .wxs), so a pinned "OPCC Desktop"
and the running window are one taskbar button with the app's icon. Must be set before the first window
is created. Does nothing elsewhere (stdlib only; no Qt).
"""

from __future__ import annotations

import logging
import sys
from typing import Any

log = logging.getLogger(__name__)

APP_USER_MODEL_ID = "OPCC.OPCCDesktop"  # CompanyName.ProductName; never change it (pinned shortcuts use it)


def _shell32() -> Any:
    if sys.platform == "win32":  # (also tells mypy where ctypes.windll exists)
        import ctypes

        return ctypes.windll.shell32
    raise OSError("shell32 is a Windows library")


def set_app_user_model_id(platform: str = sys.platform, shell32: Any = None) -> bool:
    """Tell Windows this process is OPCC Desktop; True when it was set (only ever on Windows)."""
    if platform != "win32":
        return False
    try:
        result = (shell32 or _shell32()).SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)
    except (AttributeError, OSError) as exc:  # an old or unusual Windows: the default grouping is fine
        log.info("AppUserModelID not set: %s", exc)
        return False
    return result == 0  # S_OK
