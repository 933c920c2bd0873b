"""Build step that pyproject.toml cannot express: copy the top-level `resources/` folder (fonts, icon,
demonstration data) into the built package as `opcc_desktop/resources_data/`, so a wheel and
`pip install .` carry it.

`resources/` stays the one source in the repository: nothing is copied into the source tree, and an
editable install (`pip install -e .`, what tools/dev.py does) reads the checkout's folder directly.
A symbolic link would not do: Git for Windows checks links out as plain text files by default.
`opcc_desktop/resources.py` finds the folder in every layout; `tests/test_wheel_install.py` builds a
wheel and runs the installed app from outside the checkout.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"
PACKAGED_AS = Path("opcc_desktop", "resources_data")  # opcc_desktop/resources.py: PACKAGE_DATA


class BuildPyWithResources(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # the checkout's resources/ is used in place
            return
        target = Path(self.build_lib) / PACKAGED_AS
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(RESOURCES, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if not self.editable_mode:
            target = Path(self.build_lib) / PACKAGED_AS
            outputs += [str(target / path.relative_to(RESOURCES)) for path in RESOURCES.rglob("*") if path.is_file()]
        return outputs


setup(cmdclass={"build_py": BuildPyWithResources})
