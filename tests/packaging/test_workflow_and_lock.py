"""The Windows workflow and the release lock file, checked here because they cannot run here.

The workflow is validated against GitHub's workflow schema (the one check-jsonschema ships; actionlint
cannot be installed on this project's machines) and checked for the promises it makes. The lock file
must pin, with hashes, everything pyproject.toml asks for on the Windows build's Python.
"""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
WINDOWS = ROOT / ".github" / "workflows" / "windows-build.yml"
LOCK = ROOT / "packaging" / "requirements-windows.txt"
WINDOWS_PY312 = {"python_version": "3.12", "python_full_version": "3.12.8", "sys_platform": "win32",
                 "platform_system": "Windows", "os_name": "nt", "platform_machine": "AMD64", "extra": "package"}


def test_every_workflow_is_valid_for_github():
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             *map(str, WORKFLOWS)], check=False, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_windows_runs_the_whole_suite_on_every_push_and_pull_request():
    text = WINDOWS.read_text(encoding="utf-8")
    triggers = text.split("\non:\n", 1)[1].split("\n\n", 1)[0]
    assert re.search(r"^  push:$", triggers, re.MULTILINE) and re.search(r"^  pull_request:$", triggers, re.MULTILINE)
    assert "paths" not in triggers and "tags" not in triggers and "branches" not in triggers
    assert text.count("runs-on: windows-latest") == 2
    assert "py -3.12 tools\\dev.py test" in text
    assert "python3 tools/dev.py lint" in text  # ruff and mypy, on Linux


def test_windows_builds_smoke_runs_installs_upgrades_and_uninstalls():
    text = WINDOWS.read_text(encoding="utf-8")
    assert ".\\packaging\\build_windows.ps1 -Python 3.12" in text
    assert 'opcc-desktop.exe -ArgumentList "smoke"' in text and "& $cli smoke" in text
    assert "previous.msi" in text and "git describe --tags" in text and "Version=0.0.1" in text
    assert '@("/i", "`"$env:RUNNER_TEMP\\previous.msi`"")' in text and '@("/i", "`"$msi`"")' in text
    assert '@("/x", "`"$msi`"")' in text
    assert "$p.ExitCode -ne 0 -and $p.ExitCode -ne 3010" in text  # every msiexec exit code
    assert text.count("Invoke-Msiexec \"") == 3
    assert "actions/upload-artifact@v4" in text and "dist/*.msi" in text and "dist/*.exe" in text


def _lock() -> dict[str, tuple[str, int]]:
    pins: dict[str, tuple[str, int]] = {}
    name = None
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==([^\s\\]+)", line)
        if match:
            name = canonicalize_name(match.group(1))
            pins[name] = (match.group(2), 0)
        elif line.strip().startswith("--hash=sha256:") and name:
            version, hashes = pins[name]
            pins[name] = (version, hashes + 1)
    return pins


def test_the_lock_pins_with_hashes_everything_the_windows_build_needs():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["package"]]
    wanted.append(Requirement("setuptools>=68"))  # builds the app in the locked environment
    pins = _lock()
    assert pins and all(hashes > 0 for _version, hashes in pins.values()), "every pin has its hashes"
    for requirement in wanted:
        if requirement.marker and not requirement.marker.evaluate(WINDOWS_PY312):
            continue
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is not in {LOCK.name}"
        assert requirement.specifier.contains(pins[name][0], prereleases=True), f"{name}=={pins[name][0]} vs {requirement}"


def test_the_build_uses_the_lock_and_the_readme_says_how_to_refresh_it():
    script = (ROOT / "packaging" / "build_windows.ps1").read_text(encoding="utf-8")
    assert "--require-hashes" in script and "packaging\\requirements-windows.txt" in script
    assert "--no-build-isolation" in script
    readme = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    command = LOCK.read_text(encoding="utf-8").splitlines()[1].strip("# ").strip()
    assert command.startswith("uv pip compile ") and "--generate-hashes" in command
    assert command in readme, "packaging/README.md gives the command that made the lock file"
