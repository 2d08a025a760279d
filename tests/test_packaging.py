"""A non-editable install finds rules/ inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
    )
    (path,) = out.glob("uninews-*.whl")
    return path


def test_wheel_ships_every_rules_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for rule_file in (REPO / "rules").iterdir():
        if rule_file.suffix in {".json", ".jsonl"}:
            assert f"pipeline/_rules/{rule_file.name}" in names


def test_wheel_declares_entry_points(wheel):
    with zipfile.ZipFile(wheel) as archive:
        (entry,) = [n for n in archive.namelist() if n.endswith("entry_points.txt")]
        text = archive.read(entry).decode()
    assert "uninews = pipeline.cli:main" in text
    assert "uninews_roles = pipeline.components.roles:make_roles" in text


def test_packaged_rules_are_found_without_a_checkout(wheel, tmp_path):
    """Unpack the wheel elsewhere and resolve the rules folder from there."""
    zipfile.ZipFile(wheel).extractall(tmp_path)
    code = (
        "import pipeline.rules as r; p = r.default_rules_dir(); "
        "print(p.name, (p / 'titles.json').is_file())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["_rules", "True"]


def test_wheel_ships_the_review_page_assets(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for asset in (REPO / "pipeline" / "review" / "static").iterdir():
        assert f"pipeline/review/static/{asset.name}" in names
