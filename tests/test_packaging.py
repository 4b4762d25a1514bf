"""The wheel holds every package of the source tree (pyproject.toml lists them by hand)."""

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def test_every_python_package_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "bpviz").rglob("__init__.py")}
    assert found - listed == set(), "packages missing from pyproject.toml (a wheel would lack them)"
    assert {p for p in listed if not p.startswith("bpviz.assets")} - found == set()


def test_every_asset_folder_with_files_is_packaged():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    data = config["tool"]["setuptools"]["package-data"]
    for folder in (ROOT / "assets").iterdir():
        if folder.is_dir() and folder.name != "screenshots" and any(folder.iterdir()):
            name = f"bpviz.assets.{folder.name}"
            assert name in listed and name in data, f"assets/{folder.name} is not in the wheel"
