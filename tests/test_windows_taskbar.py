"""Windows groups the app's windows under its own AppUserModelID, the one its shortcuts carry."""

import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

from opcc_desktop import windows_taskbar
from opcc_desktop.windows_taskbar import APP_USER_MODEL_ID, set_app_user_model_id

ROOT = Path(__file__).resolve().parent.parent


class FakeShell32:
    def __init__(self, result=0):
        self.calls: list[str] = []
        self.result = result

    def SetCurrentProcessExplicitAppUserModelID(self, app_id):
        self.calls.append(app_id)
        return self.result


def test_set_on_windows():
    shell32 = FakeShell32()
    assert set_app_user_model_id("win32", shell32) is True
    assert shell32.calls == [APP_USER_MODEL_ID]


def test_a_failure_is_not_fatal():
    assert set_app_user_model_id("win32", FakeShell32(result=-2147024809)) is False  # E_INVALIDARG


def test_nothing_happens_elsewhere():
    shell32 = FakeShell32()
    assert set_app_user_model_id("linux", shell32) is False
    assert set_app_user_model_id("darwin", shell32) is False
    assert shell32.calls == []
    if sys.platform != "win32":
        assert set_app_user_model_id() is False  # the real call: no ctypes.windll is touched


def test_the_installers_shortcuts_carry_the_same_id():
    iss = (ROOT / "packaging" / "opcc-desktop.iss").read_text(encoding="utf-8")
    assert iss.count(f'AppUserModelID: "{APP_USER_MODEL_ID}"') == 2  # Start menu and desktop
    ns = {"w": "http://wixtoolset.org/schemas/v4/wxs"}
    prop = ET.parse(ROOT / "packaging" / "opcc-desktop.wxs").getroot().find(".//w:Shortcut/w:ShortcutProperty", ns)
    assert prop.get("Key") == "System.AppUserModel.ID" and prop.get("Value") == APP_USER_MODEL_ID


def test_set_before_the_application_and_its_first_window_exist(tmp_path):
    code = textwrap.dedent("""
        from opcc_desktop import windows_taskbar
        from opcc_desktop.ui.shell import application
        from PySide6.QtWidgets import QApplication
        seen = []
        application.set_app_user_model_id = lambda: seen.append(QApplication.instance() is None) or True
        app = application.create_application([])
        print(seen)
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", OPCC_DESKTOP_DATA_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], env=env, check=False, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[True]"
    assert windows_taskbar.APP_USER_MODEL_ID == "OPCC.OPCCDesktop"  # pinned shortcuts depend on it: never change
