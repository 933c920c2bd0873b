"""Headless Chromium (Debian's `chromium` + `chromium-driver`) driven by Selenium, and axe-core inside it.

`.ci/run` installs both packages; where /usr/bin/chromium exists the browser tests never skip (a broken
browser fails them). Elsewhere, without Chromium, they skip and say why.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars",
]
_DEBIAN_CHROMIUM = Path("/usr/bin/chromium")


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def start_browser():
    """A fresh headless Chromium with its own profile folder; the caller quits it."""
    binary = _find("chromium", "chromium-browser", "google-chrome")
    driver_path = _find("chromedriver")
    if (binary is None or driver_path is None) and not _DEBIAN_CHROMIUM.exists():
        pytest.skip("Chromium and chromedriver are not installed (apt-get install chromium chromium-driver; "
                    ".ci/run installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary or str(_DEBIAN_CHROMIUM)
    profile = tempfile.mkdtemp(prefix="opcc-chromium-")
    for argument in [*CHROMIUM_ARGS, f"--user-data-dir={profile}", "--window-size=1280,900"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(driver_path or "/usr/bin/chromedriver"))
    driver.set_script_timeout(60)
    driver._opcc_profile = profile  # type: ignore[attr-defined]
    return driver


def stop_browser(driver) -> None:
    profile = getattr(driver, "_opcc_profile", None)
    driver.quit()
    if profile:
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path, width: int = 1280) -> None:
    """Load the file with the viewport `width` CSS pixels wide (320 px, or 640 px for 200 % zoom of 1280)."""
    driver.set_window_size(width, 900)
    driver.get(path.resolve().as_uri())
    inner = driver.execute_script("return window.innerWidth")
    if inner != width:  # window chrome differs between builds: make the viewport exactly `width`
        driver.set_window_size(width + (width - inner), 900)
        driver.get(path.resolve().as_uri())


def axe_violations(driver) -> list[dict]:
    """Run axe-core's WCAG 2.0/2.1/2.2 A and AA rules on the loaded page; return the violations."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(JSON.stringify({violations: r.violations.map(v => ({id: v.id, impact: v.impact, "
        "help: v.help, nodes: v.nodes.map(n => n.html.slice(0, 160))})), "
        "rules: r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length, "
        "version: r.testEngine.version})))"
        ".catch(e => done(JSON.stringify({error: String(e)})));",
        WCAG_TAGS,
    )
    report = json.loads(result)
    assert "error" not in report, report
    assert report["version"] == "4.14.1" and report["rules"] > 30, f"axe-core did not run its rules: {report}"
    return report["violations"]


def horizontal_overflow(driver) -> tuple[int, int]:
    """(document scroll width, viewport width): no horizontal scrolling when the first is not larger."""
    return tuple(driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]"))  # type: ignore[return-value]
