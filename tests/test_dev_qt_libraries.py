"""`tools/dev.py run` names the missing X11 libraries Qt's xcb plugin needs and the apt-get line for them.

The check asks `ldd` about the platform plugin; here it is pointed at a fake plugin, compiled to need
libraries that were then deleted, so ldd really reports them "not found" on any Linux machine.
"""

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("dev_tool", ROOT / "tools" / "dev.py")
assert spec is not None and spec.loader is not None
dev = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dev)

on_linux_with_a_compiler = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("gcc") is None or shutil.which("ldd") is None,
    reason="the check runs on Linux only; building the fake plugin needs gcc and ldd")


def _shared_library(path: Path, *needed: Path) -> Path:
    source = path.with_suffix(".c")
    source.write_text("int opcc_fake(void) { return 0; }\n")
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(path), f"-Wl,-soname,{path.name}", str(source),
                    "-Wl,--no-as-needed", *map(str, needed)], check=True, capture_output=True)
    return path


@pytest.fixture
def fake_plugin(tmp_path):
    """A `libqxcb.so` that needs libxcb-icccm.so.94 and libxkbcommon-x11.so.90 (versions no machine has), neither of which exists."""
    stubs = tmp_path / "stubs"
    stubs.mkdir()
    needed = [_shared_library(stubs / "libxcb-icccm.so.94"), _shared_library(stubs / "libxkbcommon-x11.so.90")]
    plugin = _shared_library(tmp_path / "libqxcb.so", *needed)
    shutil.rmtree(stubs)
    return plugin


@pytest.fixture
def linux_xcb(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)


@pytest.mark.parametrize("soname, package", [
    ("libxcb-icccm.so.4", "libxcb-icccm4"), ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libX11-xcb.so.1", "libx11-xcb1"), ("libxcb-render-util.so.0", "libxcb-render-util0"),
])
def test_debian_package_names_follow_the_policy_rule(soname, package):
    assert dev.debian_package(soname) == package


@on_linux_with_a_compiler
def test_run_prints_the_apt_line_for_what_is_missing_and_exits_1(fake_plugin, linux_xcb, monkeypatch, capsys):
    monkeypatch.setenv("OPCC_QT_PLATFORM_PLUGIN", str(fake_plugin))
    monkeypatch.setattr(dev, "ensure_environment", lambda: Path(sys.executable))
    started = []
    monkeypatch.setattr(dev.subprocess, "call", lambda *a, **k: started.append(a) or 0)
    assert dev.main(["run"]) == 1
    assert started == [], "the app must not be started"
    err = capsys.readouterr().err
    assert "\n    sudo apt-get install libxcb-icccm94 libxkbcommon-x11-90\n" in err
    assert "libxcb-icccm.so.94, libxkbcommon-x11.so.90" in err


@on_linux_with_a_compiler
def test_nothing_is_printed_when_every_library_is_there(tmp_path, linux_xcb, monkeypatch, capsys):
    monkeypatch.setenv("OPCC_QT_PLATFORM_PLUGIN", str(_shared_library(tmp_path / "libqxcb.so")))
    assert dev.check_qt_libraries(Path(sys.executable)) == 0
    assert capsys.readouterr().err == ""


@on_linux_with_a_compiler
def test_other_platforms_and_offscreen_are_not_checked(fake_plugin, linux_xcb, monkeypatch):
    monkeypatch.setenv("OPCC_QT_PLATFORM_PLUGIN", str(fake_plugin))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert dev.check_qt_libraries(Path(sys.executable)) == 0
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setattr(dev.sys, "platform", "darwin")  # macOS and Windows: the wheels carry what Qt needs
    assert dev.check_qt_libraries(Path(sys.executable)) == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_the_check_finds_the_installed_pyside6_plugin_by_asking_qt(monkeypatch):
    monkeypatch.delenv("OPCC_QT_PLATFORM_PLUGIN", raising=False)
    plugin = dev.qt_platform_plugin(Path(sys.executable))
    assert plugin is not None and plugin.name == "libqxcb.so" and plugin.is_file()
