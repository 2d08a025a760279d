"""Tests for pipeline.evaluate: one parametrized case per matching phenomenon."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluate import (
    FIELDS,
    MISSED,
    SPURIOUS,
    WRONG_ORG,
    WRONG_QUALIFIER,
    WRONG_SPAN,
    WRONG_VALUE,
    FieldScore,
    Report,
    error_counts,
    evaluate,
    format_report,
    load_jsonl,
    normalise,
    span_overlap,
    title_similar,
)

SEED_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "gold.jsonl"

SPBPU = "Peter the Great St. Petersburg Polytechnic University"
GANSU = "Gansu Science and Technology Department"
OFFICE = "Office of International Cooperation"


# --- builders ----------------------------------------------------------------------------------


def gold_entry(file: str = "a.txt", **fields: Any) -> dict[str, Any]:
    """A gold entry with every list empty unless given."""
    entry: dict[str, Any] = {
        "file": file,
        "published": None,
        "people": [],
        "organizations": [],
        "optional_organizations": [],
        "locations": [],
        "optional_locations": [],
        "dates": [],
        "optional_dates": [],
        "agreement_counts": [],
    }
    entry.update(fields)
    return entry


def record(file: str = "a.txt", **fields: Any) -> dict[str, Any]:
    """A predicted record for ``corpus/<file>`` with every list empty unless given."""
    rec: dict[str, Any] = {
        "source": {"path": f"corpus/{file}"},
        "published": None,
        "people": [],
        "organizations": [],
        "locations": [],
        "dates": [],
        "agreement_counts": [],
    }
    rec.update(fields)
    return rec


def person(name: str, *roles: tuple[str, str | None]) -> dict[str, Any]:
    return {
        "name": name,
        "mentions": [{"text": name, "start": 0, "end": len(name)}],
        "roles": [{"title": t, "organization": o} for t, o in roles],
    }


def org(name: str, *aliases: str) -> dict[str, Any]:
    return {"name": name, "aliases": list(aliases)}


def gold_to_record(entry: dict[str, Any]) -> dict[str, Any]:
    """The prediction a perfect extractor would write for a gold entry."""
    published = entry.get("published")
    return record(
        entry["file"],
        published={"text": published, "value": published} if published else None,
        people=[
            {
                "name": p["name"],
                "mentions": [{"text": m} for m in p.get("mentions", [])],
                "roles": [
                    {"title": r["title"], "organization": r["organization"]} for r in p["roles"]
                ],
            }
            for p in entry["people"]
        ],
        organizations=[org(o["name"], *o["aliases"]) for o in entry["organizations"]],
        locations=[{"name": n, "mentions": []} for n in entry["locations"]],
        dates=[{"text": d["text"], "value": d["value"]} for d in entry["dates"]],
        agreement_counts=[dict(c) for c in entry["agreement_counts"]],
    )


def counts(report: Report, field: str) -> tuple[int, int, int]:
    s = report.scores[field]
    return s.tp, s.fp, s.fn


def kinds(report: Report, field: str) -> list[str]:
    return [e.kind for e in report.errors if e.field == field]


def score_one(pred: dict[str, Any], gold: dict[str, Any]) -> Report:
    return evaluate([pred], [gold])


# --- normalisation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("Ms. Liu Yemei", "liu yemei", id="honorific_with_dot"),
        pytest.param("Dr Smith", "smith", id="honorific_without_dot"),
        pytest.param("Prof. Dr. Hans Weber", "hans weber", id="stacked_honorifics"),
        pytest.param("Academician Ivanov", "ivanov", id="academician"),
        pytest.param("Mrs. Brown", "brown", id="mrs_not_mr"),
        pytest.param("Professor Zhang", "zhang", id="professor_long_form"),
        pytest.param("Dr.Smith", "smith", id="honorific_glued_by_dot"),
        pytest.param("Professor", "professor", id="honorific_alone_is_kept"),
        pytest.param("Drake University", "drake university", id="honorific_prefix_of_word"),
        pytest.param("The University of Oxford", "university of oxford", id="leading_the"),
        pytest.param("Theodore Roosevelt", "theodore roosevelt", id="the_prefix_of_word"),
        pytest.param("Peter the Great", "peter the great", id="inner_the_kept"),
        pytest.param("Liu\u00a0Yemei", "liu yemei", id="no_break_space"),
        pytest.param("Liu\u202fYemei", "liu yemei", id="narrow_no_break_space"),
        pytest.param("Vice-Rector", "vice rector", id="hyphen"),
        pytest.param("Vice\u2011Rector", "vice rector", id="non_breaking_hyphen"),
        pytest.param("Vice\u2013Rector", "vice rector", id="en_dash"),
        pytest.param("Vice \u2014 Rector", "vice rector", id="em_dash_spaced"),
        pytest.param("Vice\u2212Rector", "vice rector", id="minus_sign"),
        pytest.param("St. Petersburg", "st petersburg", id="dot_removed"),
        pytest.param("Xi'an", "xian", id="apostrophe_removed"),
        pytest.param('"Gansu" (China); North:', "gansu china north", id="punctuation_removed"),
        pytest.param(
            "  Lanzhou   Jiaotong\n University ",
            "lanzhou jiaotong university",
            id="spaces_collapsed",
        ),
        pytest.param("ＳＰｂＰＵ", "spbpu", id="nfkc_fullwidth"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("Rector", "rector", id="case"),
        pytest.param(
            "Vice-Rector for International Affairs",
            "Vice Rector for International Affairs",
            id="hyphen_vs_space",
        ),
        pytest.param(
            "Director of the Office of International Cooperation",
            "Director, Office of International Cooperation",
            id="stopwords_ignored",
        ),
        pytest.param("First Deputy Director", "Deputy Director", id="jaccard_two_thirds"),
        pytest.param(
            "Professor of Physics",
            "Professor of Physics and Chemistry",
            id="honorific_word_counts_in_titles",
        ),
    ],
)
def test_title_similar_positive(a: str, b: str) -> None:
    assert title_similar(a, b)
    assert title_similar(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            "Director",
            "Director of the Office of International Cooperation",
            id="short_form_below_threshold",
        ),
        pytest.param("Rector", "Vice-Rector", id="half_overlap"),
        pytest.param("Chairman", "Rector", id="disjoint"),
        pytest.param("", "", id="empty_titles"),
        pytest.param("of the", "for an", id="stopwords_only"),
    ],
)
def test_title_similar_negative(a: str, b: str) -> None:
    assert not title_similar(a, b)


# --- scores ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "p", "r", "f1"),
    [
        pytest.param(0, 0, 0, 1.0, 1.0, 1.0, id="nothing_to_do"),
        pytest.param(0, 2, 0, 0.0, 1.0, 0.0, id="only_false_positives"),
        pytest.param(0, 1, 1, 0.0, 0.0, 0.0, id="all_wrong"),
        pytest.param(1, 1, 0, 0.5, 1.0, 2 / 3, id="half_precision"),
    ],
)
def test_field_score(tp: int, fp: int, fn: int, p: float, r: float, f1: float) -> None:
    score = FieldScore(tp, fp, fn)
    assert (score.precision, score.recall, score.f1) == pytest.approx((p, r, f1))


# --- published ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_value", "pred_value", "expected", "error_kinds"),
    [
        pytest.param("2025-07-17", "2025-07-17", (1, 0, 0), [], id="equal"),
        pytest.param("2025-07-17", "2025-07-18", (0, 1, 1), [WRONG_VALUE], id="wrong_date"),
        pytest.param("2025-07-17", None, (0, 0, 1), [MISSED], id="not_found"),
        pytest.param(None, "2025-07-17", (0, 1, 0), [SPURIOUS], id="invented"),
        pytest.param(None, None, (0, 0, 0), [], id="both_null"),
    ],
)
def test_published(
    gold_value: str | None,
    pred_value: str | None,
    expected: tuple[int, int, int],
    error_kinds: list[str],
) -> None:
    published = {"text": pred_value, "value": pred_value} if pred_value else None
    report = score_one(record(published=published), gold_entry(published=gold_value))
    assert counts(report, "published") == expected
    assert kinds(report, "published") == error_kinds


# --- people ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pred_names", "gold_names", "expected"),
    [
        pytest.param(["Liu Yemei"], ["Liu Yemei"], (1, 0, 0), id="equal"),
        pytest.param(["Ms. Liu Yemei"], ["Liu Yemei"], (1, 0, 0), id="honorific_ignored"),
        pytest.param(
            ["Liu Yemei", "Liu Yemei"],
            ["Liu Yemei"],
            (1, 1, 0),
            id="duplicate_is_one_hit_one_false_positive",
        ),
        pytest.param(
            ["Liu Yemei", "Liu  Yemei."],
            ["Liu Yemei"],
            (1, 1, 0),
            id="near_duplicate_after_normalising",
        ),
        pytest.param(["Liu"], ["Liu Yemei"], (0, 1, 1), id="partial_name_is_wrong"),
        pytest.param([], ["Liu Yemei", "Li Peng"], (0, 0, 2), id="none_found"),
    ],
)
def test_people(pred_names: list[str], gold_names: list[str], expected: tuple) -> None:
    pred = record(people=[person(n) for n in pred_names])
    gold = gold_entry(people=[{"name": n, "mentions": [n], "roles": []} for n in gold_names])
    assert counts(score_one(pred, gold), "people") == expected


# --- organizations -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pred_orgs", "expected"),
    [
        pytest.param([org(SPBPU, "SPbPU")], (1, 0, 0), id="same_name"),
        pytest.param([org("The " + SPBPU)], (1, 0, 0), id="leading_the"),
        pytest.param([org("SPbPU")], (1, 0, 0), id="pred_name_is_gold_alias"),
        pytest.param([org("Polytechnic", "spbpu")], (1, 0, 0), id="pred_alias_is_gold_alias"),
        pytest.param([org(SPBPU), org("SPbPU")], (1, 1, 0), id="split_costs_false_positive"),
        pytest.param([org("Polytechnic")], (0, 1, 1), id="no_shared_name"),
    ],
)
def test_organizations(pred_orgs: list[dict[str, Any]], expected: tuple) -> None:
    gold = gold_entry(organizations=[org(SPBPU, "SPbPU", "St. Petersburg Polytechnic University")])
    assert counts(score_one(record(organizations=pred_orgs), gold), "organizations") == expected


@pytest.mark.parametrize(
    "pred_orgs",
    [
        pytest.param([org("Alpha Institute", "AI"), org("AI")], id="ambiguous_first"),
        pytest.param([org("AI"), org("Alpha Institute", "AI")], id="ambiguous_last"),
    ],
)
def test_organizations_matching_is_not_order_dependent(pred_orgs: list[dict[str, Any]]) -> None:
    # Greedy matching would give "Alpha Institute" the AI org and leave the second one unmatched.
    gold = gold_entry(organizations=[org("AI"), org("Alpha Institute")])
    assert counts(score_one(record(organizations=pred_orgs), gold), "organizations") == (2, 0, 0)


@pytest.mark.parametrize(
    ("pred_orgs", "expected"),
    [
        pytest.param([org("Tsinghua University")], (0, 0, 1), id="optional_name_not_counted"),
        pytest.param([org("THU", "Tsinghua University")], (0, 0, 1), id="optional_via_pred_alias"),
        pytest.param(
            [org("JITRI"), org("Jiangsu Industrial Technology Research Institute")],
            (1, 1, 0),
            id="duplicate_of_required_still_counts",
        ),
        pytest.param(
            [org("Jiangsu Industrial Technology Research Institute"), org("JITRI")],
            (1, 1, 0),
            id="duplicate_also_optional_still_counts",
        ),
    ],
)
def test_optional_organizations(pred_orgs: list[dict[str, Any]], expected: tuple) -> None:
    gold = gold_entry(
        organizations=[org("Jiangsu Industrial Technology Research Institute", "JITRI")],
        optional_organizations=["Tsinghua University", "JITRI"],
    )
    assert counts(score_one(record(organizations=pred_orgs), gold), "organizations") == expected


# --- locations ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pred_names", "expected"),
    [
        pytest.param(["Xi’an", "China"], (2, 0, 0), id="curly_apostrophe"),
        pytest.param(["China", "Russia"], (1, 0, 1), id="optional_not_counted"),
        pytest.param(["China", "Moscow"], (1, 1, 1), id="wrong_location"),
        pytest.param(["China", "China"], (1, 1, 1), id="duplicate"),
    ],
)
def test_locations(pred_names: list[str], expected: tuple) -> None:
    pred = record(locations=[{"name": n, "mentions": []} for n in pred_names])
    gold = gold_entry(locations=["China", "Xi'an"], optional_locations=["Russia"])
    assert counts(score_one(pred, gold), "locations") == expected


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pred_values", "expected"),
    [
        pytest.param(["2025-07-17", "2023"], (2, 0, 0), id="all_found"),
        pytest.param(
            ["2025-07-17", "2025-07-17", "2023"], (2, 0, 0), id="distinct_values_counted_once"
        ),
        pytest.param(["2025-07-17", None, "2023"], (2, 0, 0), id="null_value_ignored"),
        pytest.param(["2025-07-17", "2023", "2025-07-16"], (2, 0, 0), id="optional_not_counted"),
        pytest.param(["2025-07-17", "2023-01"], (1, 1, 1), id="wrong_granularity"),
    ],
)
def test_dates(pred_values: list[str | None], expected: tuple) -> None:
    pred = record(dates=[{"text": str(v), "value": v} for v in pred_values])
    gold = gold_entry(
        dates=[{"text": "2025.07.17", "value": "2025-07-17"}, {"text": "2023", "value": "2023"}],
        optional_dates=[{"text": "yesterday", "value": "2025-07-16"}],
    )
    assert counts(score_one(pred, gold), "dates") == expected


@pytest.mark.parametrize(
    ("end_value", "expected"),
    [
        pytest.param("2012-05-13", (2, 0, 0), id="range_end_is_a_date_of_its_own"),
        pytest.param(None, (1, 0, 1), id="range_without_end_misses_the_end"),
        pytest.param("2012-05-14", (1, 1, 1), id="wrong_range_end"),
    ],
)
def test_a_predicted_range_counts_its_end(end_value: str | None, expected: tuple) -> None:
    text = "May 3 to 13, 2012"
    pred = record(dates=[{"text": text, "value": "2012-05-03", "end_value": end_value}])
    gold = gold_entry(
        dates=[{"text": text, "value": "2012-05-03"}, {"text": text, "value": "2012-05-13"}]
    )
    assert counts(score_one(pred, gold), "dates") == expected


# --- agreement counts --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pred_counts", "expected_counts", "expected_qualifier", "qualifier_kinds"),
    [
        pytest.param([(60, "more_than"), (3, "exact")], (2, 0, 0), (2, 0, 0), [], id="all_right"),
        pytest.param(
            [(60, "exact"), (3, "exact")],
            (2, 0, 0),
            (1, 1, 1),
            [WRONG_QUALIFIER],
            id="wrong_qualifier",
        ),
        pytest.param(
            [(61, "more_than")], (0, 1, 2), (0, 1, 2), [SPURIOUS, MISSED, MISSED], id="wrong_count"
        ),
        pytest.param(
            [(3, "exact"), (3, "exact"), (60, "more_than")],
            (2, 1, 0),
            (2, 1, 0),
            [SPURIOUS],
            id="duplicate_count",
        ),
    ],
)
def test_agreement_counts(
    pred_counts: list[tuple[int, str]],
    expected_counts: tuple,
    expected_qualifier: tuple,
    qualifier_kinds: list[str],
) -> None:
    pred = record(
        agreement_counts=[
            {"text": f"{c} agreements", "count": c, "qualifier": q} for c, q in pred_counts
        ]
    )
    gold = gold_entry(
        agreement_counts=[
            {"text": "more than 60 active agreements", "count": 60, "qualifier": "more_than"},
            {"text": "Three major projects", "count": 3, "qualifier": "exact"},
        ]
    )
    report = score_one(pred, gold)
    assert counts(report, "agreement_counts") == expected_counts
    assert counts(report, "agreement_qualifier") == expected_qualifier
    assert kinds(report, "agreement_qualifier") == qualifier_kinds


# --- roles -------------------------------------------------------------------------------------

GANSU_GOLD = gold_entry(
    "gansu.txt",
    people=[
        {
            "name": "Liu Yemei",
            "mentions": ["Liu Yemei"],
            "roles": [
                {
                    "title": "Director of the Office of International Cooperation",
                    "organization": GANSU,
                    "alternatives": [{"title": "Director", "organization": OFFICE}],
                }
            ],
        },
        {
            "name": "Li Peng",
            "mentions": ["Li Peng"],
            "roles": [
                {"title": "Associate Professor", "organization": "Lanzhou Jiaotong University"}
            ],
            "optional_roles": [{"title": "intern", "organization": SPBPU}],
        },
        {
            "name": "Dmitry Arseniev",
            "mentions": ["Dmitry Arseniev"],
            "roles": [{"title": "Vice-Rector for International Affairs", "organization": SPBPU}],
        },
    ],
    organizations=[
        org(SPBPU, "SPbPU", "Polytechnic University"),
        org(GANSU),
        org("Lanzhou Jiaotong University"),
    ],
    optional_organizations=[OFFICE, "International Cooperation Office"],
)


@pytest.mark.parametrize(
    ("people", "pred_orgs", "expected_roles", "expected_roles_org", "roles_org_kinds"),
    [
        pytest.param(
            [person("Liu Yemei", ("Director of the Office of International Cooperation", GANSU))],
            [],
            (1, 0, 0),
            (1, 0, 0),
            [],
            id="main_title_and_org",
        ),
        pytest.param(
            [person("Liu Yemei", ("Director", OFFICE))],
            [],
            (1, 0, 0),
            (1, 0, 0),
            [],
            id="alternative_title_and_optional_org",
        ),
        pytest.param(
            [person("Liu Yemei", ("Director", GANSU))],
            [],
            (1, 0, 0),
            (0, 1, 1),
            [WRONG_ORG],
            id="alternative_title_with_main_org",
        ),
        pytest.param(
            [person("Liu Yemei", ("Director", "International Cooperation Office"))],
            [],
            (1, 0, 0),
            (0, 1, 1),
            [WRONG_ORG],
            id="other_optional_org_is_wrong",
        ),
        pytest.param(
            [person("Dmitry Arseniev", ("Vice Rector for International Affairs", "SPbPU"))],
            [],
            (1, 0, 0),
            (1, 0, 0),
            [],
            id="pred_org_is_gold_alias",
        ),
        pytest.param(
            [person("Dmitry Arseniev", ("Vice Rector for International Affairs", "Polytech"))],
            [org("Polytech", "SPbPU")],
            (1, 0, 0),
            (1, 0, 0),
            [],
            id="pred_org_resolved_through_pred_aliases",
        ),
        pytest.param(
            [person("Dmitry Arseniev", ("Vice Rector for International Affairs", None))],
            [],
            (1, 0, 0),
            (0, 1, 1),
            [WRONG_ORG],
            id="null_org_against_gold_org",
        ),
        pytest.param(
            [
                person(
                    "Li Peng",
                    ("Associate Professor", "Lanzhou Jiaotong University"),
                    ("Intern", SPBPU),
                )
            ],
            [],
            (1, 0, 0),
            (1, 0, 0),
            [],
            id="optional_role_ignored",
        ),
        pytest.param(
            [
                person(
                    "Li Peng",
                    ("Associate Professor", "Lanzhou Jiaotong University"),
                    ("Associate Professor", "Lanzhou Jiaotong University"),
                )
            ],
            [],
            (1, 1, 0),
            (1, 1, 0),
            [SPURIOUS],
            id="duplicate_role",
        ),
        pytest.param(
            [person("Li Peng", ("Dean", None))],
            [],
            (0, 1, 1),
            (0, 1, 1),
            [SPURIOUS, MISSED],
            id="wrong_title",
        ),
        pytest.param(
            [person("Wang Wei", ("Dean", None))],
            [],
            (0, 1, 0),
            (0, 1, 0),
            [SPURIOUS],
            id="roles_of_false_positive_person",
        ),
    ],
)
def test_roles(
    people: list[dict[str, Any]],
    pred_orgs: list[dict[str, Any]],
    expected_roles: tuple,
    expected_roles_org: tuple,
    roles_org_kinds: list[str],
) -> None:
    names = {p["name"] for p in people}
    # Gold people absent from the prediction are left out, so their roles do not count as missed.
    gold = dict(GANSU_GOLD, people=[p for p in GANSU_GOLD["people"] if p["name"] in names])
    report = score_one(record("gansu.txt", people=people, organizations=pred_orgs), gold)
    assert counts(report, "roles") == expected_roles
    assert counts(report, "roles+org") == expected_roles_org
    assert kinds(report, "roles+org") == roles_org_kinds


def test_roles_of_missed_person_are_missed() -> None:
    report = score_one(record("gansu.txt"), GANSU_GOLD)
    assert counts(report, "people") == (0, 0, 3)
    assert counts(report, "roles") == (0, 0, 3)
    assert counts(report, "roles+org") == (0, 0, 3)


def test_roles_both_null_org() -> None:
    gold = gold_entry(
        people=[
            {
                "name": "Hu Jinbo",
                "mentions": [],
                "roles": [{"title": "Director", "organization": None}],
            }
        ]
    )
    report = score_one(record(people=[person("Hu Jinbo", ("Director", None))]), gold)
    assert counts(report, "roles+org") == (1, 0, 0)


def test_duplicate_person_keeps_the_copy_with_roles() -> None:
    pred = record(
        "gansu.txt",
        people=[person("Li Peng"), person("Li Peng", ("Associate Professor", None))],
    )
    gold = dict(GANSU_GOLD, people=[GANSU_GOLD["people"][1]])
    report = score_one(pred, gold)
    assert counts(report, "people") == (1, 1, 0)
    assert counts(report, "roles") == (1, 0, 0)


def test_wrong_org_error_names_both_organizations() -> None:
    pred = record("gansu.txt", people=[person("Liu Yemei", ("Director", GANSU))])
    gold = dict(GANSU_GOLD, people=[GANSU_GOLD["people"][0]])
    (error,) = [e for e in score_one(pred, gold).errors if e.field == "roles+org"]
    assert (error.kind, error.matched, error.predicted) == (WRONG_ORG, "Director", GANSU)
    assert error.gold == GANSU
    assert error.person == "Liu Yemei"


# --- whole files -------------------------------------------------------------------------------

FULL_GOLD = gold_entry(
    "full.txt",
    published="2025-07-17",
    people=GANSU_GOLD["people"],
    organizations=GANSU_GOLD["organizations"],
    optional_organizations=GANSU_GOLD["optional_organizations"],
    locations=["China", "Lanzhou"],
    dates=[{"text": "April 2024", "value": "2024-04"}],
    agreement_counts=[{"text": "two agreements", "count": 2, "qualifier": "exact"}],
)


def test_perfect_prediction_scores_one_everywhere() -> None:
    report = evaluate([gold_to_record(FULL_GOLD)], [FULL_GOLD])
    for name in FIELDS:
        score = report.scores[name]
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), name
        assert score.fp == score.fn == 0, name
    assert report.scores["people"].tp == 3
    assert report.errors == []


def test_missing_prediction_counts_every_gold_item_missed() -> None:
    report = evaluate([], [FULL_GOLD])
    assert report.missing_predictions == ["full.txt"]
    expected_fn = {
        "published": 1,
        "people": 3,
        "roles": 3,
        "roles+org": 3,
        "organizations": 3,
        "locations": 2,
        "dates": 1,
        "agreement_counts": 1,
        "agreement_qualifier": 1,
    }
    assert {name: counts(report, name) for name in FIELDS} == {
        name: (0, 0, fn) for name, fn in expected_fn.items()
    }


def test_prediction_without_gold_is_listed_not_scored() -> None:
    report = evaluate(
        [gold_to_record(FULL_GOLD), record("other.txt", people=[person("X")])], [FULL_GOLD]
    )
    assert report.unmatched_predictions == ["corpus/other.txt"]
    assert report.scores["people"].fp == 0


def test_pairing_uses_basename_of_source_path() -> None:
    pred = gold_to_record(FULL_GOLD)
    pred["source"]["path"] = "/data/in/sub/full.txt"
    assert evaluate([pred], [FULL_GOLD]).missing_predictions == []


@pytest.mark.parametrize(
    ("predictions", "gold", "message"),
    [
        pytest.param(
            [], [gold_entry("a.txt"), gold_entry("a.txt")], "annotated twice", id="gold_file_twice"
        ),
        pytest.param(
            [record("a.txt"), record("a.txt")],
            [gold_entry("a.txt")],
            "share the file name",
            id="prediction_twice",
        ),
        pytest.param(
            [{"people": []}], [gold_entry("a.txt")], "no source.path", id="prediction_without_path"
        ),
    ],
)
def test_evaluate_rejects_ambiguous_input(
    predictions: list[dict[str, Any]], gold: list[dict[str, Any]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        evaluate(predictions, gold)


# --- wrong_span: a spurious and a missed name that overlap are listed as one error ------------

KFU_PHYSICS = "Institute of Physics of Kazan Federal University"


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        pytest.param("Institute of Physics", KFU_PHYSICS, id="nested_unit_cut_short"),
        pytest.param("Yulia Kravtsova Appointed", "Yulia Kravtsova", id="headline_word_swallowed"),
        pytest.param(
            "Kazan Federal University Institute of Physics", KFU_PHYSICS, id="same_words_reordered"
        ),
        pytest.param("Dmitry Yu", "Dmitry Yu. Zakharov", id="name_cut_at_initial"),
        pytest.param("Prof. Belova", "Olga Viktorovna Belova", id="honorific_ignored"),
        pytest.param("the Tien Shan Mountains", "Tien Shan", id="leading_the_and_extra_word"),
        pytest.param("Central Asia Held", "Central Asia", id="trailing_verb"),
    ],
)
def test_span_overlap_positive(predicted: str, gold: str) -> None:
    assert 0 < span_overlap(predicted, gold) <= 1
    assert span_overlap(gold, predicted) == span_overlap(predicted, gold)


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        pytest.param("Kazan Federal University", "Ural Federal University", id="generic_words"),
        pytest.param("Tomsk State University", "Tomsk Polytechnic University", id="same_city"),
        pytest.param("Russia", "Russian Academy of Sciences", id="prefix_of_a_word"),
        pytest.param("of the", "Institute of Physics", id="stopwords_only"),
        pytest.param("China", "Russia", id="disjoint"),
        pytest.param("", "China", id="empty"),
        pytest.param("Li Peng", "Liu Yemei", id="different_people"),
    ],
)
def test_span_overlap_negative(predicted: str, gold: str) -> None:
    assert span_overlap(predicted, gold) == 0


def _with_names(field: str, names: list[str]) -> list[Any]:
    """Predicted items of ``field`` named ``names``."""
    if field == "people":
        return [person(n) for n in names]
    if field == "organizations":
        return [org(n) for n in names]
    return [{"name": n, "mentions": [{"text": n, "start": 0, "end": len(n)}]} for n in names]


def _gold_names(field: str, names: list[str]) -> list[Any]:
    if field == "people":
        return [{"name": n, "mentions": [n], "roles": []} for n in names]
    if field == "organizations":
        return [{"name": n, "aliases": []} for n in names]
    return list(names)


@pytest.mark.parametrize(
    ("field", "pred_names", "gold_names", "expected_kinds", "expected_counts"),
    [
        pytest.param(
            "organizations",
            ["Institute of Physics"],
            [KFU_PHYSICS],
            [WRONG_SPAN],
            (0, 1, 1),
            id="org_cut_short",
        ),
        pytest.param(
            "people",
            ["Yulia Kravtsova Appointed"],
            ["Yulia Kravtsova"],
            [WRONG_SPAN],
            (0, 1, 1),
            id="person_too_long",
        ),
        pytest.param(
            "locations",
            ["Central Asia Held", "Lanzhou"],
            ["Central Asia", "Lanzhou"],
            [WRONG_SPAN],
            (1, 1, 1),
            id="location_next_to_a_hit",
        ),
        pytest.param(
            "organizations",
            ["University", "Institute of Physics"],
            [KFU_PHYSICS],
            [SPURIOUS, WRONG_SPAN],
            (0, 2, 1),
            id="closest_pair_wins_over_list_order",
        ),
        pytest.param(
            "organizations",
            ["Institute of Physics", "Institute of Physics"],
            [KFU_PHYSICS],
            [SPURIOUS, WRONG_SPAN],
            (0, 2, 1),
            id="one_gold_pairs_once",
        ),
        pytest.param(
            "organizations",
            ["Ural Federal University"],
            ["Kazan Federal University"],
            [MISSED, SPURIOUS],
            (0, 1, 1),
            id="negative_generic_words",
        ),
        pytest.param(
            "locations",
            ["Russia"],
            ["Russian Federation"],
            [MISSED, SPURIOUS],
            (0, 1, 1),
            id="negative_prefix_of_a_word",
        ),
        pytest.param(
            "people",
            ["Li Peng"],
            ["Liu Yemei"],
            [MISSED, SPURIOUS],
            (0, 1, 1),
            id="negative_other_person",
        ),
        pytest.param(
            "people",
            ["Yulia Kravtsova", "Yulia Kravtsova Appointed"],
            ["Yulia Kravtsova"],
            [SPURIOUS],
            (1, 1, 0),
            id="negative_gold_already_found",
        ),
    ],
)
def test_wrong_span_pairing(
    field: str,
    pred_names: list[str],
    gold_names: list[str],
    expected_kinds: list[str],
    expected_counts: tuple[int, int, int],
) -> None:
    pred = record(**{field: _with_names(field, pred_names)})
    gold = gold_entry(**{field: _gold_names(field, gold_names)})
    report = score_one(pred, gold)
    assert counts(report, field) == expected_counts
    assert sorted(kinds(report, field)) == expected_kinds
    for error in report.errors:
        if error.kind == WRONG_SPAN:
            assert span_overlap(error.predicted, error.gold) > 0
            assert error.predicted in pred_names and error.gold in gold_names


def test_wrong_span_keeps_counts_and_roles_of_unpaired_people() -> None:
    pred = record(people=[person("Yulia Kravtsova Appointed", ("Rector", None))])
    gold = gold_entry(
        people=[{"name": "Yulia Kravtsova", "roles": [{"title": "Rector", "organization": None}]}]
    )
    report = score_one(pred, gold)
    assert [counts(report, f) for f in ("people", "roles", "roles+org")] == [(0, 1, 1)] * 3
    assert kinds(report, "roles") == [SPURIOUS, MISSED]


def test_wrong_span_line_shows_both_names() -> None:
    pred = record(organizations=[org("Institute of Physics")])
    gold = gold_entry(organizations=[{"name": KFU_PHYSICS, "aliases": []}])
    text = format_report(score_one(pred, gold), verbose=True)
    assert f"wrong_span      'Institute of Physics' (gold: '{KFU_PHYSICS}')" in text


# --- report text -------------------------------------------------------------------------------


def test_format_report_table_rows_in_field_order() -> None:
    text = format_report(evaluate([gold_to_record(FULL_GOLD)], [FULL_GOLD]), verbose=False)
    lines = text.splitlines()
    assert lines[0].split() == ["field", "precision", "recall", "f1", "tp", "fp", "fn"]
    assert [line.split()[0] for line in lines[1 : 1 + len(FIELDS)]] == list(FIELDS)
    assert lines[2].split() == ["people", "1.000", "1.000", "1.000", "3", "0", "0"]
    assert "full.txt" not in text


def test_verbose_report_names_file_and_missed_item() -> None:
    pred = gold_to_record(FULL_GOLD)
    pred["people"] = [p for p in pred["people"] if p["name"] != "Li Peng"]
    text = format_report(evaluate([pred], [FULL_GOLD]), verbose=True)
    file_line = text.splitlines().index("full.txt")
    errors = text.splitlines()[file_line + 1 :]
    assert any(line.split()[:3] == ["people", "missed", "'Li"] for line in errors)
    assert any(
        "roles" in line and "'Associate Professor'" in line and "Li Peng" in line for line in errors
    )


def test_verbose_report_shows_wrong_org() -> None:
    pred = record("gansu.txt", people=[person("Liu Yemei", ("Director", "Gansu Office"))])
    gold = dict(GANSU_GOLD, people=[GANSU_GOLD["people"][0]])
    text = format_report(evaluate([pred], [gold]), verbose=True)
    assert f"wrong_org       'Director' -> 'Gansu Office' (gold: '{GANSU}')" in text


# --- input -------------------------------------------------------------------------------------


def test_load_jsonl_reads_objects_and_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"file": "a.txt"}\n\n{"file": "b.txt"}\n', encoding="utf-8")
    assert [row["file"] for row in load_jsonl(path)] == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    ("content", "line"),
    [
        pytest.param('{"file": "a.txt"}\n{"file": \n', 2, id="truncated_object"),
        pytest.param('{"file": "a.txt"}\n\n[1, 2]\n', 3, id="not_an_object"),
    ],
)
def test_load_jsonl_names_file_and_line(tmp_path: Path, content: str, line: int) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=rf"bad\.jsonl:{line}:"):
        load_jsonl(path)


# --- seeds -------------------------------------------------------------------------------------


def test_seed_gold_against_itself() -> None:
    if not SEED_GOLD.is_file():
        pytest.skip(f"seed gold not found at {SEED_GOLD}")
    gold = [
        json.loads(line)
        for line in SEED_GOLD.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    report = evaluate([gold_to_record(entry) for entry in gold], gold)
    assert report.errors == []
    assert report.missing_predictions == []
    assert all(report.scores[name].f1 == 1.0 for name in FIELDS)
    assert report.scores["people"].tp == sum(len(entry["people"]) for entry in gold)


# --- errors by field (summary block of --verbose) -----------------------------------------------

ORG_MIX_PRED = record(
    organizations=[org("Institute of Physics"), org("Bogus Holdings"), org(GANSU)],
    locations=[{"name": "Lanzhou"}],
)
ORG_MIX_GOLD = gold_entry(
    organizations=[
        {"name": KFU_PHYSICS, "aliases": []},
        {"name": "Ministry of Education", "aliases": []},
        {"name": GANSU, "aliases": []},
    ],
    locations=["China"],
)


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        pytest.param(
            gold_to_record(FULL_GOLD),
            FULL_GOLD,
            {name: "no errors" for name in FIELDS},
            id="perfect",
        ),
        pytest.param(
            ORG_MIX_PRED,
            ORG_MIX_GOLD,
            {
                "organizations": "1 missed, 1 spurious, 1 wrong_span",
                "locations": "1 missed, 1 spurious",
                "people": "no errors",
            },
            id="kinds_in_report_order",
        ),
        pytest.param(
            record(people=[person("Li Peng", ("Director", "Gansu Office"))]),
            gold_entry(
                people=[
                    {"name": "Li Peng", "roles": [{"title": "Director", "organization": GANSU}]}
                ]
            ),
            {"roles": "no errors", "roles+org": "1 wrong_org", "organizations": "no errors"},
            id="role_with_wrong_org",
        ),
    ],
)
def test_verbose_summary_block(
    pred: dict[str, Any], gold: dict[str, Any], expected: dict[str, str]
) -> None:
    lines = format_report(score_one(pred, gold), verbose=True).splitlines()
    start = lines.index("errors by field:")
    block = lines[start + 1 : start + 1 + len(FIELDS)]
    assert [line.split()[0] for line in block] == list(FIELDS)
    found = {line.split()[0]: line.split(None, 1)[1] for line in block}
    assert {name: found[name] for name in expected} == expected
    assert start < lines.index(gold["file"]), "the summary comes before the per-file lines"


def test_error_counts_add_up_to_error_list() -> None:
    report = score_one(ORG_MIX_PRED, ORG_MIX_GOLD)
    by_field = error_counts(report)
    assert list(by_field) == list(FIELDS)
    assert sum(n for kinds_ in by_field.values() for n in kinds_.values()) == len(report.errors)
    assert by_field["organizations"] == {MISSED: 1, SPURIOUS: 1, WRONG_SPAN: 1}


def test_summary_block_only_when_verbose() -> None:
    report = score_one(ORG_MIX_PRED, ORG_MIX_GOLD)
    assert "errors by field" not in format_report(report, verbose=False)
    assert "errors by field" in format_report(report, verbose=True)
