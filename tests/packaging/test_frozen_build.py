"""Build the PyInstaller folder bundle from packaging/opcc-desktop.spec and run the frozen `smoke` headless.

Slow (about 20–60 s of PyInstaller), so it runs only when asked:

    OPCC_PACKAGING_TEST=1 python3 tools/dev.py test -m packaging

(`tools/dev.py` then also installs the `[package]` extra, i.e. PyInstaller.) It proves that the spec,
its hidden imports and the bundled resources are right: the frozen program opens the window,
loads the demonstration office from the packaged `resources_data/`, and renders a letter with the bundled fonts.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "opcc-desktop.spec"
ENABLED = os.environ.get("OPCC_PACKAGING_TEST") == "1"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.packaging,
    pytest.mark.skipif(not ENABLED, reason="set OPCC_PACKAGING_TEST=1 to build the PyInstaller bundle"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    pytest.importorskip("PyInstaller", reason="pip install .[package] (tools/dev.py does with OPCC_PACKAGING_TEST=1)")
    work = tmp_path_factory.mktemp("pyinstaller")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
        cwd=ROOT, check=False, capture_output=True, text=True, timeout=1800,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    print(f"\nPyInstaller build: {time.perf_counter() - started:.1f} s")
    folder = work / "dist" / "opcc-desktop"
    yield folder
    shutil.rmtree(work, ignore_errors=True)


def _exe(folder: Path, name: str) -> Path:
    return folder / (name + (".exe" if os.name == "nt" else ""))


def _run(exe: Path, *args: str, data_dir: Path):
    # An empty PYTHONPATH and a foreign working folder: the frozen program must not see the checkout.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(QT_QPA_PLATFORM="offscreen", OPCC_DESKTOP_DATA_DIR=str(data_dir))
    return subprocess.run([str(exe), *args], cwd=data_dir, env=env, check=False, capture_output=True, text=True, timeout=300)


def test_folder_layout(bundle):
    assert _exe(bundle, "opcc-desktop").is_file()
    assert _exe(bundle, "opcc-desktop-cli").is_file()
    internal = bundle / "_internal"
    assert (internal / "opcc_desktop" / "resources_data" / "demo" / "demo-office.json").is_file()
    assert (internal / "opcc_desktop" / "resources_data" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (internal / "opcc_desktop" / "resources_data" / "icons" / "opcc-desktop.png").is_file()
    names = {p.name.lower() for p in internal.rglob("*")}
    assert not any("webengine" in n or "qt6quick" in n or "qt6qml" in n for n in names), "unused Qt modules bundled"
    assert not [n for n in names if n.endswith(".qm") and not n.startswith(("qt_en", "qtbase_en"))], "translations"
    assert not [n for n in names if "gtk" in n or "eglfs" in n or "opengl32sw" in n], "unused plugins or their libraries"


def test_frozen_smoke_passes_headless(bundle, tmp_path):
    started = time.perf_counter()
    result = _run(_exe(bundle, "opcc-desktop-cli"), "smoke", "--today", "2026-11-22", data_dir=tmp_path)
    print(f"\nfrozen smoke, process start to exit: {time.perf_counter() - started:.2f} s\n{result.stdout}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "loaded 5 inspection(s), 3 open s.55 response(s)" in result.stdout
    assert "smoke test passed" in result.stdout


def test_frozen_command_line_and_data_folder(bundle, tmp_path):
    cli = _exe(bundle, "opcc-desktop-cli")
    assert _run(cli, "--version", data_dir=tmp_path).stdout.startswith("opcc-desktop ")
    assert _run(cli, "demo", data_dir=tmp_path).returncode == 0
    assert (tmp_path / "opcc-desktop.sqlite3").is_file()
    assert (tmp_path / "logs" / "opcc-desktop.log").is_file()
    letter = _run(cli, "letter", "29536", "--out", str(tmp_path / "letter.pdf"), data_dir=tmp_path)
    assert letter.returncode == 0, letter.stderr
    assert (tmp_path / "letter.pdf").read_bytes().startswith(b"%PDF")
    smoke_on_file = _run(cli, "smoke", "--db", str(tmp_path / "opcc-desktop.sqlite3"), data_dir=tmp_path)
    assert smoke_on_file.returncode == 0, smoke_on_file.stderr


def test_frozen_windowed_executable_runs_the_smoke_test_too(bundle, tmp_path):
    result = _run(_exe(bundle, "opcc-desktop"), "smoke", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
