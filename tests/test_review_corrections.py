"""Corrections: the decision format, and decisions changing every later extraction (through
the local lexicons they teach, ``rules/local/``, for names and titles in new articles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from review_articles import (
    ARTICLE_A,
    ARTICLE_B,
    ARTICLE_COLLEGE,
    ARTICLE_EXPEDITION,
    ARTICLE_NEW,
    COLLEGE,
    INSTITUTE,
    NAME,
    TITLE,
    write,
)

from pipeline.cli import main
from pipeline.evaluate import evaluate, load_jsonl
from pipeline.extract import Options, run_extract
from pipeline.models import Record
from pipeline.review.corrections import Correction, CorrectionError, load_corrections

pytestmark = [pytest.mark.model, pytest.mark.issue(5)]


def _records(path: Path) -> dict[str, dict]:
    return {Path(r["source"]["path"]).name: r for r in map(json.loads, path.open())}


def _decision(
    record: dict, text: str, action: str, field: str, surface: str, **extra
) -> Correction:
    start = text.index(surface)
    return Correction(
        id=f"{action}-{field}-{start}",
        doc_id=record["doc_id"],
        path=record["source"]["path"],
        action=action,
        field=field,
        start=start,
        end=start + len(surface),
        text=surface,
        **extra,
    )


def _save(path: Path, decisions: list[Correction]) -> None:
    path.write_text("".join(d.model_dump_json() + "\n" for d in decisions), encoding="utf-8")


def _people(record: dict) -> set[str]:
    return {p["name"] for p in record["people"]}


def _orgs(record: dict) -> set[str]:
    return {o["name"] for o in record["organizations"]}


def _roles(record: dict) -> set[tuple[str, str, str | None]]:
    return {
        (p["name"], r["title"], r["organization"]) for p in record["people"] for r in p["roles"]
    }


def _extract(inputs: list[Path], out: Path, corrections: Path, local: Path) -> dict[str, dict]:
    """``uninews extract`` as a user runs it after a review: learn, build, extract, correct."""
    args = ["extract", *map(str, inputs), "-o", str(out), "--corrections", str(corrections)]
    assert main([*args, "--local-rules", str(local)]) == 0
    return _records(out)


@pytest.fixture()
def batch(nlp, tmp_path):
    """Articles A and B extracted into tmp/out/records.jsonl."""
    inputs = write(tmp_path / "in", {"a.txt": ARTICLE_A, "b.txt": ARTICLE_B})
    out = tmp_path / "out" / "records.jsonl"
    run_extract(nlp, [str(p) for p in inputs], out)
    return tmp_path, out, _records(out)


def test_a_name_accepted_on_one_article_is_a_person_with_a_role_in_a_new_article(
    nlp, batch, local_rules
):
    tmp, out, records = batch
    new = write(tmp / "later", {"new.txt": ARTICLE_EXPEDITION})
    run_extract(nlp, [str(p) for p in new], tmp / "before" / "records.jsonl")
    before = _records(tmp / "before" / "records.jsonl")["new.txt"]
    assert NAME not in _people(before)  # the error the correction must fix

    corrections = out.parent / "corrections.jsonl"
    _save(
        corrections, [_decision(records["a.txt"], ARTICLE_A, "confirm", "person", NAME, value=NAME)]
    )
    after = _extract(new, tmp / "after" / "records.jsonl", corrections, local_rules)["new.txt"]
    (person,) = [p for p in after["people"] if p["name"] == NAME]
    # Found by the persons component from rules/local, not patched into the record afterwards.
    assert [(m["text"], m["method"], m["rule_id"]) for m in person["mentions"]] == [
        (NAME, "rule", "person.local")
    ]
    assert (NAME, "Dean of the Faculty of Geology", INSTITUTE) in _roles(after)


@pytest.fixture()
def college(nlp, tmp_path):
    """ARTICLE_COLLEGE extracted, and ARTICLE_EXPEDITION extracted before any review."""
    inputs = write(tmp_path / "in", {"college.txt": ARTICLE_COLLEGE})
    out = tmp_path / "out" / "records.jsonl"
    run_extract(nlp, [str(p) for p in inputs], out)
    new = write(tmp_path / "later", {"new.txt": ARTICLE_EXPEDITION})
    run_extract(nlp, [str(p) for p in new], tmp_path / "before" / "records.jsonl")
    before = _records(tmp_path / "before" / "records.jsonl")["new.txt"]
    return tmp_path, _records(out)["college.txt"], new, before


def test_an_edited_role_title_is_a_role_in_a_new_article(college, local_rules):
    tmp, record, new, before = college
    assert _roles(record) == {("Bolor Ganbaatar", "Officer", COLLEGE)}  # "Chief Digital" missed
    assert ("Sarnai Dorjsuren", "Officer", INSTITUTE) in _roles(before)
    decision = _decision(
        record,
        ARTICLE_COLLEGE,
        "edit",
        "role",
        "Officer",
        value="Officer",
        new_value=TITLE,
        organization=COLLEGE,
    )
    corrections = tmp / "corrections.jsonl"
    _save(corrections, [decision])
    after = _extract(new, tmp / "after" / "records.jsonl", corrections, local_rules)["new.txt"]
    (role,) = [r for p in after["people"] if p["name"] == "Sarnai Dorjsuren" for r in p["roles"]]
    assert (role["title"], role["text"], role["organization"]) == (TITLE, TITLE, INSTITUTE)
    assert ARTICLE_EXPEDITION[role["start"] : role["end"]] == TITLE
    assert json.loads((local_rules / "titles.json").read_text()) == {"bases": [TITLE]}


def test_a_renamed_organization_is_one_organization_with_its_alias_in_a_new_article(
    college, local_rules
):
    tmp, record, new, before = college
    assert {COLLEGE, INSTITUTE} <= _orgs(before)  # two organizations before the review
    decision = _decision(
        record, ARTICLE_COLLEGE, "edit", "organization", COLLEGE, value=COLLEGE, new_value=INSTITUTE
    )
    corrections = tmp / "corrections.jsonl"
    _save(corrections, [decision])
    after = _extract(new, tmp / "after" / "records.jsonl", corrections, local_rules)["new.txt"]
    (org,) = [o for o in after["organizations"] if INSTITUTE in (o["name"], *o["aliases"])]
    assert (org["name"], org["aliases"], org["type"]) == (
        INSTITUTE,
        [COLLEGE],
        "research_institute",
    )
    assert [m["text"] for m in org["mentions"]] == [INSTITUTE, COLLEGE, INSTITUTE]
    assert not any(
        COLLEGE in (o["name"], *o["aliases"]) for o in after["organizations"] if o is not org
    )
    # and the reviewed article itself, re-extracted, says the same
    again = _extract(
        [tmp / "in" / "college.txt"], tmp / "out" / "records.jsonl", corrections, local_rules
    )
    assert [(o["name"], o["aliases"]) for o in again["college.txt"]["organizations"]] == [
        (INSTITUTE, [COLLEGE])
    ]


def test_a_role_added_by_selection_is_in_its_article_and_in_the_gold(nlp, college):
    tmp, record, _new, _before = college
    person = "Bolor Ganbaatar"
    added = _decision(
        record,
        ARTICLE_COLLEGE,
        "add",
        "role",
        TITLE,
        new_value=TITLE,
        person=person,
        organization=COLLEGE,
    )
    # a role already at those offsets is not added twice
    again = _decision(record, ARTICLE_COLLEGE, "add", "role", "Officer", person=person)
    corrections = tmp / "corrections.jsonl"
    _save(corrections, [added, again])
    out = tmp / "out" / "records.jsonl"
    run_extract(nlp, [str(tmp / "in" / "college.txt")], out, Options(corrections=corrections))
    (holder,) = _records(out)["college.txt"]["people"]
    assert [(r["title"], r["organization"], r["method"]) for r in holder["roles"]] == [
        (TITLE, COLLEGE, "correction"),
        ("Officer", COLLEGE, "rule"),
    ]
    assert holder["roles"][0]["rule_id"] == f"correction.{added.id}"
    gold = tmp / "gold.jsonl"
    assert (
        main(["review", str(out), "--export-gold", str(gold), "--corrections", str(corrections)])
        == 0
    )
    (entry,) = load_jsonl(gold)
    assert {"title": TITLE, "organization": COLLEGE} in entry["people"][0]["roles"]


def test_extract_learns_into_local_rules_and_a_second_run_skips_everything(
    batch, local_rules, capsys
):
    tmp, out, records = batch
    corrections = tmp / "corrections.jsonl"
    _save(
        corrections, [_decision(records["a.txt"], ARTICLE_A, "confirm", "person", NAME, value=NAME)]
    )
    args = ["extract", str(tmp / "in"), "-o", str(out), "--corrections", str(corrections)]
    args += ["--local-rules", str(local_rules)]
    capsys.readouterr()
    assert main(args) == 0
    err = capsys.readouterr().err
    assert f"uninews: learned 1 name into {local_rules}/\n" in err
    assert "processed 2, skipped 0" in err
    assert json.loads((local_rules / "persons.json").read_text()) == {"names": [NAME]}
    learned = {p.name: p.read_bytes() for p in local_rules.iterdir()}
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "processed 0, skipped 2 unchanged" in err and "learned" not in err
    assert {p.name: p.read_bytes() for p in local_rules.iterdir()} == learned


def test_an_organization_rejected_on_one_article_is_not_extracted_in_a_new_article(nlp, batch):
    tmp, out, records = batch
    org = "Tomsk Polytechnic University"
    decision = _decision(records["a.txt"], ARTICLE_A, "reject", "organization", org)
    corrections = out.parent / "corrections.jsonl"
    _save(corrections, [decision])
    new = write(tmp / "later", {"new.txt": ARTICLE_NEW})
    run_extract(nlp, [str(p) for p in new], tmp / "before" / "records.jsonl")
    assert org in _orgs(_records(tmp / "before" / "records.jsonl")["new.txt"])
    run_extract(
        nlp,
        [str(p) for p in new],
        tmp / "after" / "records.jsonl",
        Options(corrections=corrections),
    )
    after = _records(tmp / "after" / "records.jsonl")["new.txt"]
    assert org not in _orgs(after)
    assert "Kazan Federal University" in _orgs(after)  # only the rejected name goes


@pytest.mark.parametrize(
    ("field", "surface", "extra", "check"),
    [
        pytest.param(
            "agreement_count",
            "3 agreements",
            {"new_value": "4", "qualifier": "at_least"},
            lambda r: (
                [(a["count"], a["qualifier"], a["method"]) for a in r["agreement_counts"]]
                == [(4, "at_least", "correction")]
            ),
            id="count_edited",
        ),
        pytest.param(
            "date",
            "15 March 2025",
            {"new_value": "2025-03"},
            lambda r: (
                ("2025-03", "month", "correction")
                in {(d["value"], d["granularity"], d["method"]) for d in r["dates"]}
            ),
            id="date_value_edited",
        ),
        pytest.param(
            "person",
            NAME,
            {"new_value": "Oyunbileg Tserendorjiin"},
            lambda r: "Oyunbileg Tserendorjiin" in _people(r) and NAME not in _people(r),
            id="person_renamed",
        ),
        pytest.param(
            "role",
            "Vice-Rector",
            {
                "new_value": "Vice-Rector",
                "organization": "Mongolian University of Science and Technology",
            },
            lambda r: (
                {
                    (x["title"], x["organization"], x["method"])
                    for p in r["people"]
                    for x in p["roles"]
                }
                == {("Vice-Rector", "Mongolian University of Science and Technology", "correction")}
            ),
            id="role_organization_edited",
        ),
    ],
)
def test_an_edit_changes_its_article_and_keeps_the_record_true(
    nlp, batch, field, surface, extra, check
):
    tmp, out, records = batch
    corrections = out.parent / "corrections.jsonl"
    _save(corrections, [_decision(records["a.txt"], ARTICLE_A, "edit", field, surface, **extra)])
    assert not check(records["a.txt"])
    run_extract(nlp, [str(tmp / "in" / "a.txt")], out, Options(corrections=corrections))
    corrected = _records(out)["a.txt"]
    assert check(corrected)
    record = Record.model_validate(corrected)
    from pipeline.assemble import check_offsets

    check_offsets(record, ARTICLE_A)


def test_an_added_organization_is_in_its_article(nlp, batch):
    tmp, out, records = batch
    corrections = out.parent / "corrections.jsonl"
    _save(
        corrections,
        [
            _decision(
                records["a.txt"],
                ARTICLE_A,
                "add",
                "organization",
                "Annual Report",
                new_value="Annual Report Office",
            )
        ],
    )
    run_extract(nlp, [str(tmp / "in" / "a.txt")], out, Options(corrections=corrections))
    org = next(
        o for o in _records(out)["a.txt"]["organizations"] if o["name"] == "Annual Report Office"
    )
    assert [(m["text"], m["method"]) for m in org["mentions"]] == [("Annual Report", "correction")]


def test_a_new_correction_redoes_records_on_the_next_incremental_run(nlp, batch):
    tmp, out, records = batch
    inputs = [str(tmp / "in" / n) for n in ("a.txt", "b.txt")]
    corrections = out.parent / "corrections.jsonl"
    _save(corrections, [])
    assert run_extract(nlp, inputs, out, Options(corrections=corrections)).processed == 2
    assert run_extract(nlp, inputs, out, Options(corrections=corrections)).skipped == 2
    org = "Tomsk Polytechnic University"
    _save(corrections, [_decision(records["a.txt"], ARTICLE_A, "reject", "organization", org)])
    summary = run_extract(nlp, inputs, out, Options(corrections=corrections))
    assert summary.processed == 2
    assert org not in _orgs(_records(out)["a.txt"])


def test_extract_applies_the_corrections_beside_its_output_and_says_so(batch, local_rules, capsys):
    tmp, out, records = batch
    _save(
        out.parent / "corrections.jsonl",
        [_decision(records["a.txt"], ARTICLE_A, "confirm", "person", NAME, value=NAME)],
    )
    code = main(["extract", str(tmp / "in"), "-o", str(out), "--local-rules", str(local_rules)])
    assert code == 0
    err = capsys.readouterr().err
    assert f"applying 1 corrections from {out.parent / 'corrections.jsonl'}" in err
    assert f"learned 1 name into {local_rules}/" in err
    assert NAME in _people(_records(out)["b.txt"])  # found there through rules/local


def test_extract_stops_on_a_malformed_corrections_file(batch, capsys):
    tmp, out, _ = batch
    bad = tmp / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    assert main(["extract", str(tmp / "in"), "-o", str(out), "--corrections", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"uninews: error: {bad}:1: ")


def test_exported_gold_scores_the_corrected_rerun_perfectly(nlp, batch):
    tmp, out, records = batch
    corrections = out.parent / "corrections.jsonl"
    _save(
        corrections,
        [
            _decision(
                records["a.txt"],
                ARTICLE_A,
                "reject",
                "organization",
                "Tomsk Polytechnic University",
            )
        ],
    )
    gold = tmp / "gold.jsonl"
    assert main(["review", str(out), "--export-gold", str(gold)]) == 0
    entries = load_jsonl(gold)
    assert [e["file"] for e in entries] == ["a.txt"]  # only reviewed articles
    before = evaluate(load_jsonl(out), entries).to_dict()
    run_extract(nlp, [str(tmp / "in" / "a.txt")], out, Options(corrections=corrections))
    after = evaluate(load_jsonl(out), entries).to_dict()
    key = "organizations"
    assert _f1(before, key) < 1.0 and _f1(after, key) == 1.0


def _f1(report: dict, field: str) -> float:
    return report["scores"][field]["f1"]


CASE = dict(id="c1", doc_id="d", path="a.txt", start=0, end=3, text="abc")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        pytest.param({"action": "drop"}, "action", id="unknown_action"),
        pytest.param({"end": 2}, "text length", id="text_not_the_span"),
        pytest.param(
            {"action": "edit", "field": "date", "new_value": "15/03/2025"}, "ISO", id="date_not_iso"
        ),
        pytest.param(
            {"action": "edit", "field": "agreement_count", "new_value": "four"},
            "count",
            id="count_not_number",
        ),
        pytest.param(
            {"action": "add", "field": "person", "new_value": " "},
            "new_value",
            id="add_without_value",
        ),
        pytest.param({"script": "x"}, "Extra inputs", id="unknown_key"),
        pytest.param(
            {"action": "add", "field": "role", "new_value": "Dean"},
            "needs person",
            id="role_added_without_person",
        ),
        pytest.param({"id": "../../etc"}, "pattern", id="id_with_path"),
    ],
)
def test_a_malformed_decision_is_refused_with_file_and_line(tmp_path, changes, message):
    line = {"action": "reject", "field": "person", **CASE, **changes}
    path = tmp_path / "corrections.jsonl"
    path.write_text("\n" + json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(CorrectionError, match=rf"corrections.jsonl:2: .*{message}"):
        load_corrections(path)


def test_decisions_on_the_same_value_merge_and_the_last_wins(tmp_path):
    path = tmp_path / "corrections.jsonl"
    first = Correction(action="reject", field="person", **CASE)
    other = Correction(
        action="reject", field="person", **{**CASE, "id": "c2", "start": 1, "end": 4, "text": "bcd"}
    )
    last = Correction(action="confirm", field="person", **{**CASE, "id": "c3"})
    _save(path, [first, other, last])
    assert [(c.id, c.action) for c in load_corrections(path)] == [
        ("c2", "reject"),
        ("c3", "confirm"),
    ]
