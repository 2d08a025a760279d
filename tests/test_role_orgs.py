"""The role -> organization scorer: the model, its features, and what it decides in text.

Sentences are our own; each shows one phenomenon, with a negative beside it.
"""

from __future__ import annotations

import json

import pytest
from conftest import RULES
from helpers import record_of, roles_of

from pipeline.assemble import SourceInfo, doc_to_record, extractor_info
from pipeline.errors import RuleFileError
from pipeline.role_orgs import Example, RoleOrgModel, fit
from pipeline.role_orgs.training import Labelled, accuracy, cross_validate

# -- the model -------------------------------------------------------------------------------


def _examples(n: int = 40) -> list[Example]:
    """Roles whose correct candidate has feature "near"; a distractor has "far" (and is the
    rules' choice half of the time, so the rules feature alone cannot decide)."""
    out = []
    for k in range(n):
        rule_far = k % 2 == 0
        out.append(
            Example(
                [
                    {"null": 1.0},
                    {"org": 1.0, "near": 1.0, **({} if rule_far else {"rule": 1.0})},
                    {"org": 1.0, "far": 1.0, **({"rule": 1.0} if rule_far else {})},
                ],
                [1],
            )
        )
    return out


def test_fit_learns_which_feature_marks_the_correct_candidate():
    model = fit(_examples())
    assert model.weights["near"] > model.weights.get("far", 0.0)
    assert model.choose([{"null": 1.0}, {"org": 1.0, "far": 1.0}, {"org": 1.0, "near": 1.0}]) == 2


def test_fit_ignores_roles_without_a_correct_candidate():
    unreachable = [Example([{"null": 1.0}, {"org": 1.0, "far": 1.0}], [])] * 50
    model = fit(_examples() + unreachable)
    assert model.weights["near"] > 0


def test_fit_accepts_several_correct_candidates():
    examples = [
        Example([{"null": 1.0}, {"org": 1.0, "a": 1.0}, {"org": 1.0, "b": 1.0}], [1, 2])
    ] * 20
    model = fit(examples)
    scores = [model.score(f) for f in examples[0].candidates]
    assert scores[0] < min(scores[1:])


def test_choose_takes_the_first_of_equal_scores():
    assert RoleOrgModel({}).choose([{"null": 1.0}, {"org": 1.0}]) == 0


def test_weights_round_trip_through_the_rules_folder(tmp_path):
    model = fit(_examples())
    model.about = {"training_roles": 40}
    model.save(tmp_path / "role_orgs.json")
    loaded = RoleOrgModel.load(tmp_path)
    assert loaded is not None
    assert loaded.about["training_roles"] == 40
    assert loaded.weights == pytest.approx(model.weights, abs=1e-4)


def test_a_rules_folder_without_weights_leaves_roles_to_the_rules(tmp_path):
    assert RoleOrgModel.load(tmp_path) is None


@pytest.mark.parametrize("content", ["{", '{"weights": [1, 2]}', '{"no": 1}'])
def test_a_broken_weights_file_is_a_clear_error(tmp_path, content):
    (tmp_path / "role_orgs.json").write_text(content, encoding="utf-8")
    with pytest.raises(RuleFileError, match="role_orgs.json"):
        RoleOrgModel.load(tmp_path)


def test_the_shipped_weights_read_as_the_language_does():
    """rules/role_orgs.json is numbers by feature name (no text of any article), and the
    weights learned say what a reader knows: an office of state takes no organization, an
    organization right after the name is the holder's, one only in a later sentence is not."""
    model = RoleOrgModel.load(RULES)
    assert model is not None
    data = json.loads((RULES / "role_orgs.json").read_text(encoding="utf-8"))
    assert all(isinstance(v, float | int) for v in data["weights"].values())
    w = model.weights
    assert w["null&state_post"] > 0
    assert w["after_same_sent_adj"] > 0 > w["only_later"]


def test_cross_validation_keeps_files_apart():
    """Every file's roles are scored by a model trained without that file."""
    roles = [
        Labelled(f"f{k % 10}.txt", e, 2 if k % 2 == 0 else 1) for k, e in enumerate(_examples())
    ]
    assert accuracy(roles, None) == pytest.approx(0.5)
    assert cross_validate(roles) == pytest.approx(1.0)


# -- features, on sentences of our own ---------------------------------------------------------


def _trace(nlp, text: str) -> list[dict]:
    doc = nlp(text)
    source = SourceInfo.from_bytes("t.txt", text.encode("utf-8"))
    trace: list[dict] = []
    meta = nlp.meta["uninews"]
    doc_to_record(doc, source, extractor_info(nlp), meta["rules_dir"], role_org_trace=trace)
    return trace


def _features(item: dict, name: str | None) -> dict[str, float]:
    for entity, features in zip(item["candidates"], item["features"], strict=True):
        if (entity.name if entity is not None else None) == name:
            return features
    raise AssertionError(f"no candidate {name!r}")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "feature", "present"),
    [
        pytest.param(
            "Minister of Education Anna Berg visited Lakeside University.",
            "null&state_post",
            True,
            id="office_of_state_favours_none",
        ),
        pytest.param(
            "Rector Anna Berg visited Lakeside University.",
            "null&state_post",
            False,
            id="university_post_is_no_office_of_state",
        ),
    ],
)
def test_features_of_none(nlp, text, feature, present):
    (item,) = _trace(nlp, text)
    assert (feature in _features(item, None)) is present


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "org", "feature", "present"),
    [
        pytest.param(
            "Anna Berg of Lakeside University opened the forum. Later Chairperson Anna Berg "
            "thanked Hill College for the visit.",
            "Lakeside University",
            "holder_linked",
            True,
            id="holder_named_with_the_organization_elsewhere",
        ),
        pytest.param(
            "Anna Berg of Lakeside University opened the forum. Later Chairperson Anna Berg "
            "thanked Hill College for the visit.",
            "Hill College",
            "holder_linked",
            False,
            id="another_organization_is_not_linked_to_the_holder",
        ),
        pytest.param(
            "Lakeside University (LU) hosted the meeting. Anna Berg, Director, LU Centre for "
            "Water Studies, spoke.",
            "Lakeside University",
            "inside_rule",
            True,
            id="parent_named_inside_the_unit_the_rules_chose",
        ),
        pytest.param(
            "Rector Anna Berg welcomed the guests to Lakeside University.",
            "Lakeside University",
            "after_same_sent_near",
            True,
            id="organization_after_the_name_in_the_sentence",
        ),
        pytest.param(
            "Rector Anna Berg welcomed the guests. Lakeside University has 40 partners.",
            "Lakeside University",
            "only_later",
            True,
            id="organization_only_in_a_later_sentence",
        ),
    ],
)
def test_features_of_an_organization(nlp, text, org, feature, present):
    (item,) = _trace(nlp, text)
    assert (feature in _features(item, org)) is present


# -- what the scorer decides -------------------------------------------------------------------

DECISIONS = [
    pytest.param(
        "Rector Anna Berg welcomed the guests to Lakeside University.",
        {("Anna Berg", "Rector", "Lakeside University")},
        id="university_post_with_the_only_university_after_it",
    ),
    pytest.param(
        "Anna Berg, Programme Coordinator, presented the courses of Lakeside University.",
        {("Anna Berg", "Programme Coordinator", "Lakeside University")},
        id="post_with_the_organization_later_in_the_sentence",
    ),
    pytest.param(
        "Governor Anna Berg opened the new campus of Lakeside University.",
        {("Anna Berg", "Governor", None)},
        id="office_of_state_stays_without_organization",
    ),
    pytest.param(
        "The delegation was welcomed by Rector Anna Berg. Lakeside University has 40 partners.",
        {("Anna Berg", "Rector", None)},
        id="organization_only_in_a_later_sentence_is_not_tied",
    ),
    pytest.param(
        "Nanjing Polytechnic and Nanjing Normal University met. Nanjing Deputy Dean Zhou Ming "
        "spoke.",
        {("Zhou Ming", "Deputy Dean", None)},
        id="organization_named_ambiguously_is_never_guessed",
    ),
    pytest.param(
        "Lakeside University hosted the guests. The visitors met Marine Biology Department "
        "Chair Anna Berg and the rector of Lakeside University.",
        {("Anna Berg", "Chair", "Lakeside University")},
        id="unit_alone_before_a_post_gives_way_to_its_university",
    ),
    pytest.param(
        "The Faculty of Law of Lakeside University hosted the guests. Faculty of Law Dean Anna "
        "Berg spoke.",
        {("Anna Berg", "Dean", "Faculty of Law of Lakeside University")},
        id="unit_named_with_its_university_stands",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), DECISIONS)
def test_scorer_decisions(nlp, text, expected):
    assert roles_of(record_of(nlp, text)) == expected


# -- the command -----------------------------------------------------------------------------


@pytest.mark.model
def test_train_role_orgs_reports_and_writes_weights(tmp_path, capsys):
    """Two articles of our own with gold: the command prints the rules beside the scorer and
    writes weights only (numbers by feature name)."""
    from pipeline.cli import main

    texts = tmp_path / "texts"
    texts.mkdir()
    articles = {
        "a1.txt": "Rector Anna Berg welcomed the guests to Lakeside University on 3 May.",
        "a2.txt": "Governor Tomas Holm opened the new campus of Hill College on 4 May.",
    }
    gold = [
        {
            "file": "a1.txt",
            "people": [
                {
                    "name": "Anna Berg",
                    "roles": [{"title": "Rector", "organization": "Lakeside University"}],
                }
            ],
            "organizations": [{"name": "Lakeside University"}],
        },
        {
            "file": "a2.txt",
            "people": [
                {"name": "Tomas Holm", "roles": [{"title": "Governor", "organization": None}]}
            ],
            "organizations": [{"name": "Hill College"}],
        },
    ]
    for name, text in articles.items():
        (texts / name).write_text(text, encoding="utf-8")
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text("\n".join(json.dumps(g) for g in gold) + "\n", encoding="utf-8")
    out = tmp_path / "role_orgs.json"
    assert main(["train-role-orgs", "--data", str(texts), str(gold_file), "-o", str(out)]) == 0
    report = capsys.readouterr().out
    assert "| part | roles | rules | scorer |" in report
    assert "| texts (training) | 2 |" in report
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["training_roles"] == 2
    assert all(isinstance(v, float | int) for v in data["weights"].values())
    assert "Anna" not in out.read_text(encoding="utf-8")


def test_train_role_orgs_needs_folders_and_gold_that_exist(tmp_path, capsys):
    from pipeline.cli import main

    missing = tmp_path / "none"
    assert main(["train-role-orgs", "--data", str(missing), str(missing / "g.jsonl")]) == 2
    assert "not a folder" in capsys.readouterr().err
