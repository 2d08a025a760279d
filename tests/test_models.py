"""Records: validation rules, JSON round trip, and the committed JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from pipeline.models import DateMention, Mention, Record, record_schema

SCHEMA = Path(__file__).resolve().parents[1] / "schema" / "record.schema.json"


def test_committed_schema_is_current():
    """Regenerate with `uninews schema -o schema/record.schema.json` after a model change."""
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == record_schema()


@pytest.mark.parametrize(
    ("value", "granularity"),
    [
        pytest.param("2024", "year", id="year"),
        pytest.param("2024-04", "month", id="month"),
        pytest.param("2024-04-17", "day", id="day"),
        pytest.param(None, None, id="unresolved"),
    ],
)
def test_date_values_follow_granularity(value, granularity):
    DateMention(
        text="x", start=0, end=1, value=value, granularity=granularity, anchor="none", method="ner"
    )


@pytest.mark.parametrize(
    ("value", "granularity"),
    [
        pytest.param("2024-04-17", "month", id="day_value_month_granularity"),
        pytest.param("2024-13", "month", id="bad_month"),
        pytest.param("April 2024", "month", id="not_iso"),
    ],
)
def test_bad_date_values_are_rejected(value, granularity):
    with pytest.raises(ValidationError):
        DateMention(
            text="x",
            start=0,
            end=1,
            value=value,
            granularity=granularity,
            anchor="none",
            method="ner",
        )


def test_extra_fields_are_forbidden():
    with pytest.raises(ValidationError, match="Extra inputs"):
        Mention(text="x", start=0, end=1, method="ner", confidence=0.5)


def test_offsets_must_fit_the_text():
    with pytest.raises(ValidationError, match="text length"):
        Mention(text="abc", start=0, end=2, method="rule")


@pytest.mark.model
def test_round_trip(nlp):
    from helpers import record_of

    record = record_of(
        nlp, "Rector Ivan Petrov of Tomsk State University visited Nanjing University in 2024."
    )
    again = Record.model_validate_json(record.model_dump_json())
    assert again == record
    assert again.people[0].roles[0].organization_id == again.organizations[0].id
