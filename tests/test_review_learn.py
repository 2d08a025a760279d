"""Learning: reviewers' decisions written into the local lexicons (``rules/local/``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import RuleFileError
from pipeline.review.corrections import Correction
from pipeline.review.learn import learn

pytestmark = [pytest.mark.issue(5)]

RULES = Path(__file__).resolve().parents[1] / "rules"
_count = 0


def _c(action: str, field: str, text: str, **extra) -> Correction:
    """A decision on ``text`` (offsets do not matter to learning)."""
    global _count
    _count += 1
    return Correction(
        id=f"d{_count}",
        doc_id="d0c",
        path="a.txt",
        action=action,
        field=field,
        start=0,
        end=len(text),
        text=text,
        **extra,
    )


def _read(folder: Path, name: str) -> dict:
    return json.loads((folder / name).read_text(encoding="utf-8"))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize(
    ("decision", "expected"),
    [
        pytest.param(
            _c("confirm", "person", "Tserendorj", value="Oyunbileg Tserendorj"),
            ["Oyunbileg Tserendorj"],
            id="confirmed_person_learns_its_name",
        ),
        pytest.param(
            _c("add", "person", "Prof. Nomin Bat", new_value="Prof. Nomin Bat"),
            ["Nomin Bat"],
            id="added_person_without_honorific",
        ),
        pytest.param(
            _c("edit", "person", "Nomin Bat", value="Nomin Bat", new_value="Nomin  Batbayar"),
            ["Nomin Batbayar"],
            id="edited_person_learns_the_new_name",
        ),
        pytest.param(
            _c("reject", "person", "Nomin Bat", value="Nomin Bat"), None, id="reject_learns_nothing"
        ),
        pytest.param(
            _c("confirm", "location", "Darkhan", value="Darkhan"), None, id="locations_not_learned"
        ),
    ],
)
def test_person_names_learned(local_rules, decision, expected):
    report = learn([decision], local_rules)
    if expected is None:
        assert not report.changed and not any(local_rules.iterdir())
    else:
        assert _read(local_rules, "persons.json") == {"names": expected}


def test_organizations_added_confirmed_and_renamed(local_rules):
    learn(
        [
            _c("add", "organization", "Erdenet Lab", new_value="Erdenet Lab"),
            _c("confirm", "organization", "KMC", value="Khangai Mining College"),
            _c(
                "edit",
                "organization",
                "KMC",
                value="Khangai Mining College",
                new_value="Khangai Institute of Mining and Geology",
            ),
            # a name already known as an alias is not a new organization
            _c("confirm", "organization", "KMC", value="the Khangai Mining College"),
        ],
        local_rules,
    )
    assert _read(local_rules, "organizations.json") == {
        "names": {
            "Erdenet Lab": [],
            "Khangai Institute of Mining and Geology": ["Khangai Mining College", "KMC"],
        }
    }


def test_a_rename_of_a_rename_keeps_every_old_name_as_an_alias(local_rules):
    learn(
        [
            _c("edit", "organization", "Old College", value="Old College", new_value="New Inst"),
            _c("edit", "organization", "New Inst", value="New Inst", new_value="Newest University"),
        ],
        local_rules,
    )
    assert _read(local_rules, "organizations.json") == {
        "names": {"Newest University": ["New Inst", "Old College"]}
    }


def test_role_titles_learned_as_written_unless_the_main_lexicon_has_them(local_rules):
    report = learn(
        [
            _c("edit", "role", "Officer", value="Officer", new_value="Chief Digital Officer"),
            _c("add", "role", "Head of Outreach", new_value=" Head of  Outreach", person="A B"),
            _c("edit", "role", "Rector", value="Rector", new_value="Vice-Rector"),  # known
            _c("edit", "role", "Dean", value="Dean"),  # the organization only: no title
            _c("edit", "role", "CDO", value="CDO", new_value="chief digital officer"),  # learned
        ],
        local_rules,
        rules_dir=RULES,
    )
    assert _read(local_rules, "titles.json") == {
        "bases": ["Chief Digital Officer", "Head of Outreach"]
    }
    assert report.titles_added == 2 and report.names_added == 0


def test_a_later_reject_removes_a_learned_name(local_rules):
    person, org = "Oyunbileg Tserendorj", "Khangai Institute of Mining and Geology"
    learned = [
        _c("confirm", "person", person, value=person),
        _c("confirm", "person", "Nomin Bat", value="Nomin Bat"),
        _c("edit", "organization", "KMC", value="Khangai Mining College", new_value=org),
        _c("add", "organization", "Erdenet Lab", new_value="Erdenet Lab"),
    ]
    learn(learned, local_rules)
    rejected = [
        _c("reject", "person", "Tserendorj", value=person),  # a surname mention of the row
        _c("reject", "organization", "KMC", value=org),
        _c("reject", "organization", "Erdenet lab"),  # compared as evaluate compares names
    ]
    report = learn([*learned, *rejected], local_rules)
    assert _read(local_rules, "persons.json") == {"names": ["Nomin Bat"]}
    assert _read(local_rules, "organizations.json") == {"names": {}}
    assert report.names_removed == 5 and report.line() == f"removed 5 names from {local_rules}/"
    # accepted again after the reject: learned again (decisions replay in file order)
    learn([*learned, *rejected, learned[0]], local_rules)
    assert _read(local_rules, "persons.json") == {"names": ["Nomin Bat", person]}


def test_an_alias_rejected_leaves_its_organization(local_rules):
    org = "Khangai Institute of Mining and Geology"
    learn(
        [
            _c("edit", "organization", "KMC", value="Khangai Mining College", new_value=org),
            _c("reject", "organization", "KMC"),
        ],
        local_rules,
    )
    assert _read(local_rules, "organizations.json") == {"names": {org: ["Khangai Mining College"]}}


def test_learning_the_same_decisions_again_changes_no_byte(local_rules):
    decisions = [
        _c("confirm", "person", "Zolzaya Erdene", value="Zolzaya Erdene"),
        _c("confirm", "person", "anna petrova", value="anna petrova"),
        _c("confirm", "person", "Anna Petrova", value="Anna Petrova"),  # the same name
        _c("edit", "organization", "KMC", value="KMC", new_value="Khangai Institute"),
        _c("edit", "role", "Officer", value="Officer", new_value="Chief Digital Officer"),
    ]
    first = learn(decisions, local_rules)
    assert first.changed
    # two people, an organization and its alias; one title
    assert first.line() == f"learned 4 names and 1 title into {local_rules}/"
    before = _snapshot(local_rules)
    mtimes = {p.name: p.stat().st_mtime_ns for p in local_rules.iterdir()}
    again = learn(decisions, local_rules)
    assert not again.changed and again.written == []
    assert _snapshot(local_rules) == before
    assert {p.name: p.stat().st_mtime_ns for p in local_rules.iterdir()} == mtimes
    # sorted, indented, one trailing newline; no temporary file left behind
    text = (local_rules / "persons.json").read_text(encoding="utf-8")
    assert text == '{\n  "names": [\n    "anna petrova",\n    "Zolzaya Erdene"\n  ]\n}\n'
    assert sorted(before) == ["organizations.json", "persons.json", "titles.json"]


def test_hand_written_entries_stay(local_rules):
    (local_rules / "persons.json").write_text(
        json.dumps({"_comment": "ours", "names": ["Dorj Bat"], "given_names": ["Oyunbileg"]}),
        encoding="utf-8",
    )
    learn([_c("confirm", "person", "Nomin Bat", value="Nomin Bat")], local_rules)
    assert _read(local_rules, "persons.json") == {
        "_comment": "ours",
        "given_names": ["Oyunbileg"],
        "names": ["Dorj Bat", "Nomin Bat"],
    }


def test_a_malformed_local_file_stops_learning_with_file_and_key(local_rules):
    (local_rules / "organizations.json").write_text('{"names": ["A", "B"]}', encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"organizations.json: names: expected an object"):
        learn([_c("confirm", "organization", "A", value="A")], local_rules)
