"""The Windows recipes cannot be built here; check the promises they make as text, and the version info."""

import ast
import importlib.util
import re
import sys
import xml.etree.ElementTree as ET

import pytest
from pathlib import Path

from opcc_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def _version_info_module():
    spec = importlib.util.spec_from_file_location("version_info", PACKAGING / "version_info.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("version_info", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_version_info_comes_from_the_project(tmp_path):
    module = _version_info_module()
    info = module.read_product_info(ROOT)
    assert info.name == "opcc-desktop" and info.version == __version__
    text = module.write_version_file(tmp_path / "v.txt", ROOT).read_text(encoding="utf-8")
    numbers = tuple(int(n) for n in __version__.split(".")) + (0,) * (4 - len(__version__.split(".")))
    assert f"filevers={numbers}" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    ast.parse(text)  # PyInstaller evaluates it as a Python expression


def test_version_numbers_for_windows():
    product = _version_info_module().ProductInfo
    assert product("x", "", "1.2.3").version_tuple == (1, 2, 3, 0)
    assert product("x", "", "1.2.3.4.5").version_tuple == (1, 2, 3, 4)
    assert product("x", "", "2.0rc1").version_tuple == (2, 0, 0, 0)


def test_spec_builds_a_folder_with_two_executables_and_no_upx():
    spec = (PACKAGING / "opcc-desktop.spec").read_text(encoding="utf-8")
    ast.parse(spec)
    assert "upx=True" not in spec and spec.count("upx=False") >= 2
    assert '"opcc-desktop", False' in spec and '"opcc-desktop-cli", True' in spec
    assert "COLLECT(" in spec and "exclude_binaries=True" in spec  # a folder build, not onefile
    assert "opcc-desktop.ico" in spec and "write_version_file" in spec
    assert '(str(ROOT / "resources"), "opcc_desktop/resources_data")' in spec


def test_inno_setup_is_per_user_and_keeps_user_data():
    iss = (PACKAGING / "opcc-desktop.iss").read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest$", iss, re.MULTILINE)
    assert "{autoprograms}" in iss  # Start-menu shortcut
    assert "[UninstallDelete]" not in iss.replace("no [UninstallDelete] section", "")
    assert "{localappdata}" not in iss.lower()  # never touches the data folder


def test_msi_is_per_machine_and_upgrades():
    root = ET.parse(PACKAGING / "opcc-desktop.wxs").getroot()
    ns = {"w": "http://wixtoolset.org/schemas/v4/wxs"}
    package = root.find("w:Package", ns)
    assert package.get("Scope") == "perMachine"
    assert package.get("Version") == "$(var.Version)"
    assert re.fullmatch(r"[0-9A-F-]{36}", package.get("UpgradeCode"))
    assert package.find("w:MajorUpgrade", ns) is not None
    assert package.find(".//w:Shortcut", ns).get("Target") == "[INSTALLFOLDER]opcc-desktop.exe"


def test_build_script_and_readme_name_every_artefact():
    script = (PACKAGING / "build_windows.ps1").read_text(encoding="utf-8")
    readme = (PACKAGING / "README.md").read_text(encoding="utf-8")
    for name in ("opcc-desktop.spec", "opcc-desktop.iss", "opcc-desktop.wxs", "smoke"):
        assert name in script
    for name in ("build_windows.ps1", "PrivilegesRequired=lowest", "msiexec", "opcc-desktop-cli.exe smoke",
                 "%LOCALAPPDATA%"):
        assert name in readme


def _spec_filters():
    """packaging/bundle_filters.py, which the spec imports (it sits beside it, outside any package)."""
    spec = importlib.util.spec_from_file_location("bundle_filters", PACKAGING / "bundle_filters.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return vars(module)


@pytest.mark.parametrize("dest, foreign", [
    ("PySide6/Qt/translations/qtbase_de.qm", True),   # Linux and macOS wheels
    ("PySide6\\translations\\qtbase_de.qm", True),     # Windows wheels: the layout the old pruning missed
    ("PySide6\\translations\\qt_fr.qm", True),
    ("PySide6\\translations\\qtbase_en.qm", False),
    ("PySide6/Qt/translations/qt_en.qm", False),
    ("opcc_desktop/resources_data/demo/demo-office.json", False),
])
def test_translations_are_pruned_on_every_platform(dest, foreign):
    assert _spec_filters()["foreign_translation"](dest) is foreign


@pytest.mark.parametrize("dest, unused", [
    ("PySide6\\plugins\\platforms\\qdirect2d.dll", True),
    ("PySide6\\plugins\\platforms\\qwindows.dll", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),  # the smoke test runs offscreen
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
    ("PySide6\\plugins\\tls\\qschannelbackend.dll", True),
    ("PySide6\\plugins\\imageformats\\qjpeg.dll", False),
    ("PySide6\\plugins\\imageformats\\qtiff.dll", True),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", False),
])
def test_unused_qt_plugins_are_left_out(dest, unused):
    assert _spec_filters()["unused_plugin"](dest) is unused


def test_windows_opengl_fallbacks_are_left_out():
    libs = _spec_filters()["UNUSED_LIBS"]
    assert "opengl32sw" in libs and "d3dcompiler" in libs
