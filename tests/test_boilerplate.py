"""Site boilerplate lines are marked and yield no entities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import record_of

RULES = Path(__file__).resolve().parents[1] / "rules"


def _examples():
    for line in (RULES / "boilerplate.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rule = json.loads(line)
            yield pytest.param(rule["example"], rule["id"], id=rule["id"])


@pytest.mark.parametrize(("line", "rule_id"), list(_examples()))
def test_each_rule_fires_on_its_example(blank_nlp, line, rule_id):
    doc = blank_nlp("Title of the article\n\n" + line + "\n")
    assert [(s.text, s.id_) for s in doc.spans["boilerplate"]] == [(line, rule_id)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Read more about the programme in the brochure the Rector sent to all partners.",
            id="long_prose_line",
        ),
        pytest.param("The share of foreign students grew.", id="word_inside_sentence"),
    ],
)
def test_prose_is_not_boilerplate(blank_nlp, text):
    assert list(blank_nlp("Title\n" + text).spans["boilerplate"]) == []


@pytest.mark.model
def test_boilerplate_yields_no_entities(nlp):
    text = (
        "Kazan Federal University hosts guests\n\nText.\n\n"
        ">>Перейти к новости\nShare: VK | Telegram\n"
    )
    record = record_of(nlp, text)
    assert all(m.start < text.index(">>") for o in record.organizations for m in o.mentions)
    assert record.people == []
