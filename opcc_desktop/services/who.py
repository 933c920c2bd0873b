"""Who is making a change: the signed-in (Windows) user name, recorded in history and audit lines."""

from __future__ import annotations

import getpass


def current_user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name available must not stop a save
        return "unknown user"
