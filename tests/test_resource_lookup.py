"""Resources are found the same way from a checkout and from a frozen build, through one function."""

import ast
import sys
from pathlib import Path

import pytest

from opcc_desktop import resources

PACKAGE = Path(__file__).resolve().parent.parent / "opcc_desktop"
MODULES = sorted(PACKAGE.rglob("*.py"))
ALLOWED = PACKAGE / "resources.py"


def _offences(path: Path) -> list[str]:
    """Uses of `sys.executable`, `sys._MEIPASS`, `sys.frozen` or `__file__`: the start-up layout leaking out."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in ("executable", "_MEIPASS", "frozen"):
            if isinstance(node.value, ast.Name) and node.value.id == "sys":
                found.append(f"line {node.lineno}: sys.{node.attr}")
        elif isinstance(node, ast.Name) and node.id == "__file__":
            found.append(f"line {node.lineno}: __file__")
        elif isinstance(node, ast.Constant) and node.value in ("_MEIPASS", "frozen", "executable"):
            found.append(f"line {node.lineno}: getattr(sys, {node.value!r})")
    return found


@pytest.mark.parametrize("path", [p for p in MODULES if p != ALLOWED], ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_resources_py_knows_how_the_program_was_started(path):
    assert _offences(path) == [], "find files through opcc_desktop/resources.py (resource_path), not by hand"


def test_the_checker_sees_what_it_forbids():
    assert _offences(ALLOWED)  # resources.py itself does it, legitimately


def test_checkout_layout():
    assert not resources.PACKAGE_DATA.exists(), "the checkout's resources/ is the one source: nothing copied into the package"
    assert resources.resources_dir() == PACKAGE.parent / "resources"
    assert resources.resource_path("fonts", "DejaVuSans.ttf").is_file()
    assert not resources.is_frozen()


def test_packaged_layout_wins_when_present(tmp_path, monkeypatch):
    """A wheel and a frozen build both carry the folder as `opcc_desktop/resources_data/`."""
    packaged = tmp_path / "opcc_desktop" / "resources_data"
    (packaged / "icons").mkdir(parents=True)
    (packaged / "icons" / "opcc-desktop.png").write_bytes(b"png")
    monkeypatch.setattr(resources, "PACKAGE_DATA", packaged)
    assert resources.resources_dir() == packaged
    assert resources.app_icon_path() == packaged / "icons" / "opcc-desktop.png"
    with pytest.raises(FileNotFoundError, match="missing resource fonts/DejaVuSans.ttf"):
        resources.resource_path("fonts", "DejaVuSans.ttf")


def test_frozen_is_reported(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert resources.is_frozen()


def test_the_wheel_and_the_spec_package_the_folder_where_the_lookup_expects_it():
    root = PACKAGE.parent
    assert 'PACKAGED_AS = Path("opcc_desktop", "resources_data")' in (root / "setup.py").read_text(encoding="utf-8")
    spec = (root / "packaging" / "opcc-desktop.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "opcc_desktop/resources_data")' in spec
    assert resources.PACKAGE_DATA == PACKAGE / "resources_data"


@pytest.mark.parametrize("parts", [resources.APP_ICON, resources.APP_ICON_ICO, ("demo", "demo-office.json"),
                                   ("fonts", "DejaVuSans.ttf"), ("fonts", "DejaVuSans-Bold.ttf")])
def test_every_named_resource_exists(parts):
    assert resources.resource_path(*parts).stat().st_size > 0
