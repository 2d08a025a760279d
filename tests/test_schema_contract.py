"""The record schema as a contract (issue 6): versioned, committed, documented, compatible."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.models import SCHEMA_VERSION, record_schema

REPO = Path(__file__).resolve().parents[1]
COMMITTED = json.loads((REPO / "schema" / "record.schema.json").read_text(encoding="utf-8"))
BASELINE = json.loads(
    (Path(__file__).parent / "data" / "schema_baseline_1.json").read_text(encoding="utf-8")
)

pytestmark = pytest.mark.issue(6)


def test_version_is_major_dot_minor():
    assert re.fullmatch(r"\d+\.\d+", SCHEMA_VERSION)


def test_committed_schema_carries_the_version():
    assert COMMITTED["$id"] == f"uninews-record-{SCHEMA_VERSION}"
    assert COMMITTED["properties"]["schema_version"]["default"] == SCHEMA_VERSION


def test_readme_documents_the_current_version():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f'| `schema_version` | `"{SCHEMA_VERSION}"`' in readme


def test_readme_documents_every_field():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## The record") :]
    for field in record_schema()["properties"]:
        assert f"| `{field}` |" in section, field


def _objects(schema: dict) -> dict[str, dict]:
    return {"Record": schema, **{k: v for k, v in schema["$defs"].items() if "properties" in v}}


@pytest.mark.skipif(int(SCHEMA_VERSION.split(".")[0]) != BASELINE["major"], reason="new major")
@pytest.mark.parametrize("name", ["Record", *sorted(BASELINE["$defs"])])
def test_minor_versions_only_add_optional_fields(name):
    """Within a major version, no field is dropped or renamed and none becomes required;
    such a change bumps the major version (and needs a new baseline file)."""
    baseline = BASELINE["Record"] if name == "Record" else BASELINE["$defs"][name]
    current = _objects(record_schema())[name]
    assert set(baseline["properties"]) <= set(current["properties"]), "a field was dropped"
    assert set(current.get("required", [])) <= set(baseline["required"]), "a new required field"
