"""Error classes of `uninews evaluate --classes`: one case per class, with values of our own."""

from __future__ import annotations

from collections import Counter

import pytest

from pipeline.evaluate import ErrorItem
from pipeline.evaluate.classes import error_class, format_classes


def _error(field: str, kind: str, predicted=None, gold=None, evidence=None) -> ErrorItem:
    return ErrorItem("a.txt", field, kind, predicted, gold, evidence=evidence)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        pytest.param(
            _error("people", "missed", gold="Tomas HOLM"),
            "people: surname in capitals",
            id="surname_in_capitals",
        ),
        pytest.param(
            _error("people", "wrong_span", "Holm", "T.A. Holm"),
            "people: initials before or after the surname",
            id="initials_before",
        ),
        pytest.param(
            _error("people", "missed", gold="Holm T.A."),
            "people: initials before or after the surname",
            id="initials_after",
        ),
        pytest.param(
            _error("people", "spurious", "Dr Anna Berg"),
            "people: honorific in the name",
            id="honorific_in_the_name",
        ),
        pytest.param(
            _error("people", "missed", gold="Anna Berg"), "people: other missed", id="other"
        ),
        pytest.param(
            _error("roles", "spurious", "Professor"),
            'roles: a rank as an honorific ("Professor")',
            id="rank_as_honorific",
        ),
        pytest.param(_error("roles", "spurious", "Rector"), "roles: spurious", id="role"),
        pytest.param(
            _error("roles+org", "wrong_org", "null", "Lakeside University"),
            "roles+org: organization not found (null)",
            id="organization_not_found",
        ),
        pytest.param(
            _error("roles+org", "wrong_org", "Hill College", "null"),
            "roles+org: organization where gold has none",
            id="organization_where_gold_has_none",
        ),
        pytest.param(
            _error("roles+org", "wrong_org", "Hill College", "Lakeside University"),
            "roles+org: other organization chosen",
            id="other_organization",
        ),
        pytest.param(
            _error("organizations", "spurious", "HOLM"),
            "organizations: a word in capitals (surname, honour, label)",
            id="word_in_capitals",
        ),
        pytest.param(
            _error("organizations", "spurious", "Lakeside Forum"),
            "organizations: other spurious",
            id="other_organization_error",
        ),
        pytest.param(
            _error("agreement_counts", "missed", evidence="our 12th partner"),
            "agreement counts: ordinals",
            id="ordinal",
        ),
        pytest.param(
            _error("agreement_counts", "missed", evidence="MoUs with 40 universities"),
            "agreement counts: partner institutions",
            id="partners",
        ),
        pytest.param(_error("dates", "spurious", "2024-05-03"), "dates: spurious", id="dates"),
    ],
)
def test_error_class(error, expected):
    assert error_class(error, honorifics={"Dr", "Dr."}) == expected


def test_class_table_has_a_column_per_run():
    table = format_classes(
        {"before": Counter({"dates: missed": 3}), "after": Counter({"dates: spurious": 1})}
    )
    assert table.splitlines() == [
        "| error class | before | after |",
        "| --- | ---: | ---: |",
        "| dates: missed | 3 | 0 |",
        "| dates: spurious | 0 | 1 |",
    ]


def test_evaluate_prints_classes_with_a_before_column(tmp_path, capsys):
    import json

    from pipeline.cli import main

    gold = {"file": "a.txt", "people": [{"name": "Tomas HOLM"}]}
    before = {"source": {"path": "a.txt"}, "people": []}
    after = {"source": {"path": "a.txt"}, "people": [{"name": "Tomas HOLM"}]}
    files = {}
    for name, value in (("gold", gold), ("before", before), ("after", after)):
        files[name] = tmp_path / f"{name}.jsonl"
        files[name].write_text(json.dumps(value) + "\n", encoding="utf-8")
    args = ["evaluate", str(files["after"]), str(files["gold"]), "--classes"]
    assert main([*args, "--before", str(files["before"])]) == 0
    out = capsys.readouterr().out
    assert "| error class | before | after |" in out
    assert "| people: surname in capitals | 1 | 0 |" in out
