"""Every rules file loads and validates; errors name file, line and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import RuleFileError
from pipeline.lexicons import load_lexicons
from pipeline.rules import load_patterns, rules_hash

RULES = Path(__file__).resolve().parents[1] / "rules"


def test_every_jsonl_line_has_a_unique_id():
    seen: dict[str, str] = {}
    for path in sorted(RULES.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("//"):
                continue
            rule_id = json.loads(line)["id"]
            assert rule_id not in seen, f"{path.name}:{number} repeats {rule_id} ({seen[rule_id]})"
            seen[rule_id] = f"{path.name}:{number}"
    assert len(seen) > 10


def test_lexicons_load():
    lex = load_lexicons(str(RULES))
    assert "vice rector" in lex.title_bases
    assert "Liu" in lex.chinese_surnames
    assert lex.org_heads["University"] == "university"


@pytest.mark.parametrize(
    ("line", "field"),
    [
        pytest.param(
            '{"id": "x.y", "label": "BOILERPLATE", "pattern": "a", "extra": 1}',
            "extra",
            id="extra_field",
        ),
        pytest.param('{"id": "Bad Id", "label": "BOILERPLATE", "pattern": "a"}', "id", id="bad_id"),
        pytest.param('{"id": "x.y", "label": "NOPE", "pattern": "a"}', "label", id="unknown_label"),
        pytest.param('{"id": "x.y", "label": "BOILERPLATE"', "json", id="broken_json"),
    ],
)
def test_bad_rule_line_names_file_line_and_field(tmp_path, line, field):
    path = tmp_path / "boilerplate.jsonl"
    path.write_text('{"id": "ok.one", "label": "BOILERPLATE", "pattern": "a"}\n' + line + "\n")
    with pytest.raises(RuleFileError) as info:
        load_patterns(path, {"BOILERPLATE"})
    assert f"{path}:2: {field}" in str(info.value)


def test_duplicate_id_is_rejected(tmp_path):
    path = tmp_path / "x.jsonl"
    rule = '{"id": "dup.one", "label": "L", "pattern": "a"}\n'
    path.write_text(rule * 2)
    with pytest.raises(RuleFileError, match="already used on line 1"):
        load_patterns(path, {"L"})


def test_rules_hash_changes_with_content(tmp_path):
    (tmp_path / "a.json").write_text("{}")
    before = rules_hash(tmp_path)
    (tmp_path / "a.json").write_text('{"x": []}')
    assert rules_hash(tmp_path) != before
