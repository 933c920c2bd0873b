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
        return subprocess.call([str(python), "-m", "opcc_desktop", *rest], cwd=ROOT)
    linted = 0 if focussed(rest) else lint(python)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    tested = subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)
    if linted and not tested:
        print("tests passed, but ruff or mypy found problems (above)", file=sys.stderr)
    return tested or linted


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
