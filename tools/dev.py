#!/usr/bin/env python3
"""One-step set-up for developers and CI: `python3 tools/dev.py run` or `python3 tools/dev.py test`.

Creates `.venv` beside the project with the Python running this script, installs the project and
its test dependencies there (again only when pyproject.toml changes), then opens the app or runs
the whole test suite. `test` first runs ruff and mypy (settings in pyproject.toml) unless it is
given test paths, and fails when they find anything; `lint` runs only them. Standard library only, so it works on a fresh machine and on Windows
(`py tools\\dev.py run`).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".opcc-installed"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def extras() -> str:
    """`test`, plus `package` (PyInstaller) when the packaging test is wanted (OPCC_PACKAGING_TEST=1)."""
    return "test,package" if os.environ.get("OPCC_PACKAGING_TEST") == "1" else "test"


def ensure_environment() -> Path:
    python = venv_python()
    if not python.exists():
        print(f"Creating {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras().encode()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        print("Installing OPCC Desktop and its dependencies …", flush=True)
        subprocess.check_call([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
        subprocess.check_call([str(python), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[{extras()}]"])
        STAMP.write_text(wanted)
    return python


# Where Qt's plugins are, asked of Qt itself (in the .venv's Python); `OPCC_QT_PLATFORM_PLUGIN` names
# another platform plugin instead (the tests point it at a fake one).
PLUGINS_QUERY = ("from PySide6.QtCore import QLibraryInfo; "
                 "print(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))")
NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package of a shared library, by Debian policy's naming rule (§8.1):
    `libxcb-icccm.so.4` → `libxcb-icccm4`, a name ending in a digit takes a hyphen:
    `libxkbcommon-x11.so.0` → `libxkbcommon-x11-0`."""
    name, _, version = soname.partition(".so")
    major = version.lstrip(".").split(".")[0]
    name = name.lower()
    if not major:
        return name
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def missing_libraries(library: Path) -> list[str]:
    """The shared libraries `ldd` cannot find for `library` (its dependencies' too), in ldd's order."""
    result = subprocess.run(["ldd", str(library)], capture_output=True, text=True, check=False)
    return list(dict.fromkeys(NOT_FOUND.findall(result.stdout + result.stderr)))


def qt_platform_plugin(python: Path) -> Path | None:
    """The xcb platform plugin of the PySide6 in the environment (None when Qt cannot be asked)."""
    named = os.environ.get("OPCC_QT_PLATFORM_PLUGIN")
    if named:
        return Path(named)
    result = subprocess.run([str(python), "-c", PLUGINS_QUERY], capture_output=True, text=True, check=False)
    plugin = Path(result.stdout.strip()) / "platforms" / "libqxcb.so"
    return plugin if result.returncode == 0 and plugin.is_file() else None


def check_qt_libraries(python: Path) -> int:
    """Before opening the window on Linux: the X11 (xcb) libraries Qt needs that are not installed, with
    the one apt-get line that installs them (Qt's own message names only xcb-cursor, whatever is missing).

    Nothing to check on Windows and macOS (PySide6's wheels carry everything their platform plugin
    needs), under another Qt platform (QT_QPA_PLATFORM=offscreen, wayland…) or without `ldd`.
    """
    platform = os.environ.get("QT_QPA_PLATFORM", "xcb")
    if not sys.platform.startswith("linux") or not platform.startswith("xcb") or shutil.which("ldd") is None:
        return 0
    plugin = qt_platform_plugin(python)
    if plugin is None:
        return 0
    missing = missing_libraries(plugin)
    if not missing:
        return 0
    packages = sorted(dict.fromkeys(debian_package(name) for name in missing))
    print(f"Qt cannot open a window: its X11 platform plugin needs {', '.join(missing)}, which "
          f"{'is' if len(missing) == 1 else 'are'} not installed. On Debian or Ubuntu install "
          f"{'it' if len(missing) == 1 else 'them'} with:\n\n    sudo apt-get install {' '.join(packages)}\n\n"
          "(elsewhere, install the packages that provide those files; "
          f"`ldd {plugin}` lists what is missing)", file=sys.stderr)
    return 1


def focussed(pytest_args: list[str]) -> bool:
    """True when the test command names test files or folders (`test -q -x tests/ui`): lint only the whole run."""
    return any((ROOT / arg.split("::")[0]).exists() for arg in pytest_args if not arg.startswith("-"))


def lint(python: Path) -> int:
    """ruff and mypy over the project, with the settings in pyproject.toml; non-zero when either finds anything."""
    failed = 0
    for name, command in (("ruff", ["-m", "ruff", "check", "."]), ("mypy", ["-m", "mypy"])):
        print(f"{name} …", flush=True)
        failed |= subprocess.call([str(python), *command], cwd=ROOT) != 0
    return int(failed)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "lint", "setup"}:
        print("usage: tools/dev.py run [APP ARGS…] | test [PYTEST ARGS…] | lint | setup", file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    python = ensure_environment()
    if command == "setup":
        return 0
    if command == "lint":
        return lint(python)
    if command == "run":
        return check_qt_libraries(python) or subprocess.call([str(python), "-m", "opcc_desktop", *rest], cwd=ROOT)
    # OPCC_LINT=0: tests only (the Windows CI job; lint runs on Linux against the pinned environment).
    linted = 0 if focussed(rest) or os.environ.get("OPCC_LINT") == "0" else lint(python)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    tested = subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)
    if linted and not tested:
        print("tests passed, but ruff or mypy found problems (above)", file=sys.stderr)
    return tested or linted


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
