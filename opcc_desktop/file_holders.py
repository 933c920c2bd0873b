"""Which programs hold a file open, on Windows (the Restart Manager API); elsewhere, nobody is named.

Used to say which program stops a restore ("WINWORD.EXE (process 4242) has it open"). Any failure of
the API just means no names: the caller's plain message stands on its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

ERROR_MORE_DATA = 234


def programs_holding(path: Path) -> list[str]:  # pragma: no cover - Windows only; callers take a seam
    if sys.platform != "win32":
        return []
    try:
        return _restart_manager_list(path)
    except Exception:  # noqa: BLE001 - names are a courtesy; never let them break the message
        return []


def _restart_manager_list(path: Path) -> list[str]:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    class UniqueProcess(ctypes.Structure):
        _fields_ = [("dwProcessId", wintypes.DWORD), ("ProcessStartTime", wintypes.FILETIME)]

    class ProcessInfo(ctypes.Structure):
        _fields_ = [("Process", UniqueProcess), ("strAppName", ctypes.c_wchar * 256),
                    ("strServiceShortName", ctypes.c_wchar * 64), ("ApplicationType", ctypes.c_int),
                    ("AppStatus", wintypes.ULONG), ("TSSessionId", wintypes.DWORD), ("bRestartable", wintypes.BOOL)]

    rm = ctypes.WinDLL("rstrtmgr")  # type: ignore[attr-defined]
    session = wintypes.DWORD()
    key = ctypes.create_unicode_buffer(64)
    if rm.RmStartSession(ctypes.byref(session), 0, key) != 0:
        return []
    try:
        files = (wintypes.LPCWSTR * 1)(str(path))
        if rm.RmRegisterResources(session, 1, files, 0, None, 0, None) != 0:
            return []
        needed, count, reasons = wintypes.UINT(0), wintypes.UINT(0), wintypes.DWORD(0)
        result = rm.RmGetList(session, ctypes.byref(needed), ctypes.byref(count), None, ctypes.byref(reasons))
        if result == 0 or result != ERROR_MORE_DATA or needed.value == 0:
            return []
        infos = (ProcessInfo * needed.value)()
        count = wintypes.UINT(needed.value)
        if rm.RmGetList(session, ctypes.byref(needed), ctypes.byref(count), infos, ctypes.byref(reasons)) != 0:
            return []
        return [f"{infos[i].strAppName} (process {infos[i].Process.dwProcessId})" for i in range(count.value)]
    finally:
        rm.RmEndSession(session)
