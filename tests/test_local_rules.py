"""Local lexicons (``rules/local/``): merged over the main ones, checked, hashed, recognised."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import record_of

from pipeline.cli import main
from pipeline.errors import RuleFileError
from pipeline.lexicons import load_lexicons
from pipeline.local_rules import LOCAL_ENV, local_rules_dir
from pipeline.rules import rules_hash

pytestmark = [pytest.mark.issue(5)]

RULES = Path(__file__).resolve().parents[1] / "rules"
LOCAL = {
    "persons.json": {
        "_comment": "learned from review",
        "names": ["Oyunbileg Tserendorj", "Nomin Bat"],
        "given_names": ["Zolzaya"],
    },
    "organizations.json": {
        "names": {"Khangai Institute of Mining and Geology": ["Khangai Mining College", "KMC"]},
        "not_org_alone": ["Gobi"],
    },
    "titles.json": {"bases": ["Chief Digital Officer"]},
}


def _write(folder: Path, files: dict[str, object]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        text = data if isinstance(data, str) else json.dumps(data)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def local_dir(tmp_path_factory) -> Path:
    return _write(tmp_path_factory.mktemp("local"), LOCAL)


@pytest.fixture(scope="module")
def local_nlp(local_dir):
    """The rules on a blank pipeline (no model), with LOCAL merged over them."""
    from pipeline.nlp import build_nlp

    return build_nlp("blank:en", rules_dir=RULES, local_rules=local_dir)


def test_local_entries_merge_over_the_main_lexicons(local_dir):
    main_lex = load_lexicons(str(RULES))
    lex = load_lexicons(str(RULES), str(local_dir))
    assert lex.local_person_names == ("Oyunbileg Tserendorj", "Nomin Bat")
    assert lex.local_org_names == {
        "Khangai Institute of Mining and Geology": ("Khangai Mining College", "KMC")
    }
    assert lex.title_bases == main_lex.title_bases | {"chief digital officer"}
    assert lex.given_names == main_lex.given_names | {"Zolzaya"}
    assert lex.not_org_alone == main_lex.not_org_alone | {"Gobi"}
    assert main_lex.local_person_names == () and main_lex.local_org_names == {}


def test_the_local_folder_defaults_to_the_environment_then_rules_local(monkeypatch, tmp_path):
    assert local_rules_dir(tmp_path, "mine") == Path("mine")
    monkeypatch.setenv(LOCAL_ENV, str(tmp_path / "env"))
    assert local_rules_dir(tmp_path) == tmp_path / "env"
    monkeypatch.delenv(LOCAL_ENV)
    assert local_rules_dir(tmp_path) == tmp_path / "local"


def test_a_rewritten_local_file_is_seen_at_once(tmp_path):
    folder = _write(tmp_path / "local", {"persons.json": {"names": ["Nomin Bat"]}})
    assert load_lexicons(str(RULES), str(folder)).local_person_names == ("Nomin Bat",)
    _write(folder, {"persons.json": {"names": ["Nomin Bot"]}})  # same size, same instant
    assert load_lexicons(str(RULES), str(folder)).local_person_names == ("Nomin Bot",)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param(
            "persons.json", {"names": "Nomin Bat"}, "names: expected a list", id="names_not_a_list"
        ),
        pytest.param(
            "persons.json", {"names": ["Nomin Bat", ""]}, "names: expected a list", id="empty_name"
        ),
        pytest.param(
            "persons.json",
            {"nicknames": ["Nomi"]},
            "nicknames: not a list of persons.json; a local file may hold chinese_surnames, ",
            id="unknown_key",
        ),
        pytest.param(
            "organizations.json",
            {"names": ["KMC"]},
            "names: expected an object of canonical name -> aliases",
            id="org_names_not_an_object",
        ),
        pytest.param(
            "organizations.json",
            {"names": {"Khangai Institute": "KMC"}},
            "names.Khangai Institute: expected a list",
            id="aliases_not_a_list",
        ),
        pytest.param(
            "organizations.json",
            {"heads": {"Laboratory": "research_institute"}},
            "heads: not a list of organizations.json",
            id="main_key_that_is_not_a_list",
        ),
        pytest.param("titles.json", {"bases": [3]}, "bases: expected a list", id="base_not_text"),
        pytest.param("titles.json", ["Chief Digital Officer"], "a JSON object", id="not_an_object"),
        pytest.param("titles.json", '{"bases": [', ":1: json: ", id="broken_json"),
    ],
)
def test_a_malformed_local_file_names_file_and_key(tmp_path, name, content, message):
    folder = _write(tmp_path / "local", {name: content})
    with pytest.raises(RuleFileError) as info:
        load_lexicons(str(RULES), str(folder))
    assert str(info.value).startswith(f"{folder / name}")
    assert message in str(info.value)


def test_extract_stops_on_a_malformed_local_file_with_one_line(tmp_path, capsys):
    folder = _write(tmp_path / "local", {"titles.json": {"bases": "Chief Digital Officer"}})
    (tmp_path / "a.txt").write_text("Rector Anna Petrova spoke.\n", encoding="utf-8")
    args = ["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.jsonl")]
    assert main([*args, "--model", "blank:en", "--local-rules", str(folder)]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert (
        line
        == f"uninews: error: {folder / 'titles.json'}: bases: expected a list of non-empty strings"
    )


def test_the_rules_hash_covers_the_local_folder_wherever_it_is(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules, ignore=shutil.ignore_patterns("local"))
    plain = rules_hash(rules)
    elsewhere = _write(tmp_path / "elsewhere", {"persons.json": {"names": ["Nomin Bat"]}})
    learned = rules_hash(rules, elsewhere)
    assert learned != plain
    # the same files under rules/local give the same hash: content counts, not the place
    shutil.copytree(elsewhere, rules / "local")
    assert rules_hash(rules) == learned
    # a rules/local that is not the folder in use does not count
    assert rules_hash(rules, tmp_path / "empty") == plain
    (rules / "local" / "README.md").write_text("notes", encoding="utf-8")
    assert rules_hash(rules) == learned
    _write(rules / "local", {"persons.json": {"names": ["Nomin Bot"]}})
    assert rules_hash(rules) != learned


def test_the_pipeline_carries_its_local_folder_into_the_rules_hash(local_nlp, local_dir):
    from pipeline.assemble import extractor_info

    assert local_nlp.meta["uninews"]["local_rules"] == str(local_dir)
    for name in ("uninews_persons", "uninews_organizations", "uninews_titles", "uninews_roles"):
        assert local_nlp.get_pipe_config(name)["local_rules"] == str(local_dir)
    assert extractor_info(local_nlp).rules_hash == rules_hash(RULES, local_dir)
    assert extractor_info(local_nlp).rules_hash != rules_hash(RULES, local_dir / "none")


def _people(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.mentions[0].rule_id) for p in record_of(nlp, text).people]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Yesterday Oyunbileg Tserendorj opened the hall.",
            [("Oyunbileg Tserendorj", "person.local")],
            id="local_name",
        ),
        pytest.param(
            "The talk by Dr. Nomin Bat was short.",
            [("Nomin Bat", "person.local")],
            id="local_name_after_honorific",
        ),
        pytest.param("Yesterday oyunbileg tserendorj came.", [], id="other_case"),
        pytest.param("Yesterday Oyunbileg Tserendorjiin came.", [], id="part_of_a_token"),
        pytest.param(
            "She studied at Nomin Bat University last year.", [], id="inside_an_organization_name"
        ),
    ],
)
def test_local_person_names(local_nlp, text, expected):
    assert _people(local_nlp, text) == expected


def test_a_local_title_makes_a_role(local_nlp):
    record = record_of(local_nlp, "Yesterday Chief Digital Officer Nomin Bat opened the hall.")
    (person,) = record.people
    assert [(r.title, r.text) for r in person.roles] == [
        ("Chief Digital Officer", "Chief Digital Officer")
    ]


def test_local_organization_names_and_aliases_are_one_organization(local_nlp):
    text = (
        "Khangai Institute of Mining and Geology opened a lab. Until 2024 it was Khangai Mining "
        "College, and students still say KMC."
    )
    record = record_of(local_nlp, text)
    assert [(o.name, o.aliases, o.type) for o in record.organizations] == [
        (
            "Khangai Institute of Mining and Geology",
            ["Khangai Mining College", "KMC"],
            "research_institute",
        )
    ]
    assert {(m.text, m.rule_id) for m in record.organizations[0].mentions} == {
        ("Khangai Institute of Mining and Geology", "org.local"),
        ("Khangai Mining College", "org.local"),
        ("KMC", "org.local"),
    }


def test_an_alias_alone_is_named_by_its_canonical_name(local_nlp):
    record = record_of(local_nlp, "Students of KMC won the cup.")
    assert [(o.name, o.aliases) for o in record.organizations] == [
        ("Khangai Institute of Mining and Geology", ["KMC"])
    ]
