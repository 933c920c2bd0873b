"""`pip install` of a built wheel gives a working app, far from the checkout.

The wheel is built from a copy of the source files (as a clean clone would have them), installed into
a fresh virtual environment in a temporary folder, and its commands are run from another temporary
folder with no PYTHONPATH: nothing of the checkout (its `resources/`, its `.venv`) can be seen. This
is the test that would have caught "missing resource demo/demo-office.json" after `pip install .`.

Slow (a fresh environment installs PySide6; pip reuses what it has downloaded), but `.ci/run` runs
it: `tools/dev.py test` runs every test.
"""

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
SOURCE_FILES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md")
SOURCE_FOLDERS = ("opcc_desktop", "resources")

pytestmark = pytest.mark.slow


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(extra)
    return env


def _run(args: list[str], cwd: Path, timeout: int = 900, **extra_env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=_clean_env(**extra_env), check=False, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    for name in SOURCE_FILES:
        source.mkdir(exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    for name in SOURCE_FOLDERS:
        shutil.copytree(ROOT / name, source / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "resources_data"))
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(work / "dist"),
                  str(source)], cwd=work)
    assert built.returncode == 0, built.stdout + built.stderr
    wheel = next((work / "dist").glob("opcc_desktop-*.whl"))
    environment = work / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    bin_dir = environment / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    install = _run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], cwd=work)
    assert install.returncode == 0, install.stdout + install.stderr
    shutil.rmtree(source)  # the installed app must not need it
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    yield {"wheel": wheel, "python": python, "bin": bin_dir, "cwd": elsewhere, "environment": environment}


def _app(installed, *args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    exe = installed["bin"] / ("opcc-desktop.exe" if os.name == "nt" else "opcc-desktop")
    data = installed["cwd"] / "data"
    return _run([str(exe), "--db", str(data / "office.sqlite3"), *args], cwd=installed["cwd"], timeout=timeout,
                QT_QPA_PLATFORM="offscreen", OPCC_DESKTOP_DATA_DIR=str(data))


def test_the_wheel_carries_the_resources(installed):
    from zipfile import ZipFile

    names = set(ZipFile(installed["wheel"]).namelist())
    for wanted in ("demo/demo-office.json", "fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf",
                   "icons/opcc-desktop.png", "icons/opcc-desktop.ico"):
        assert f"opcc_desktop/resources_data/{wanted}" in names


def test_the_installed_package_finds_its_own_resources(installed):
    found = _run([str(installed["python"]), "-c",
                  "import opcc_desktop, opcc_desktop.resources as r; print(opcc_desktop.__file__); print(r.resources_dir())"],
                 cwd=installed["cwd"])
    assert found.returncode == 0, found.stderr
    module, folder = found.stdout.splitlines()
    assert Path(module).is_relative_to(installed["environment"])
    assert Path(folder).name == "resources_data" and Path(folder).is_relative_to(installed["environment"])


def test_demo_letter_document_export_and_smoke_run_from_the_installed_wheel(installed):
    out = installed["cwd"]
    demo = _app(installed, "demo")
    assert demo.returncode == 0, demo.stdout + demo.stderr

    letter = _app(installed, "letter", "29536", "--out", str(out / "letter.pdf"), "--date", "2026-11-22")
    assert letter.returncode == 0, letter.stdout + letter.stderr
    text = "".join(page.extract_text() for page in PdfReader(out / "letter.pdf").pages)
    assert "Home Secretary" in text

    response = _app(installed, "document", "29536", "--kind", "published_response", "--out", str(out / "response.pdf"))
    assert response.returncode == 0, response.stdout + response.stderr
    assert len(PdfReader(out / "response.pdf").pages) >= 1

    export = _app(installed, "export", str(out / "office.json"))
    assert export.returncode == 0, export.stdout + export.stderr
    assert '"inspections"' in (out / "office.json").read_text(encoding="utf-8")

    smoke = _app(installed, "smoke", timeout=600)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke test passed" in smoke.stdout
