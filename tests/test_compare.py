"""``uninews compare``: the bare-NER mapping, and the command end to end on a tiny corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.cli import EXIT_OK, EXIT_USAGE, main
from pipeline.compare import LABEL_FIELDS, entities_to_prediction, load_full_model
from pipeline.evaluate import FIELDS, evaluate

pytestmark = pytest.mark.model

# --- the entity -> field mapping (pure: a handmade doc, no model) ------------------------------

WORDS = (
    "Rector Yulia Kravtsova of Kazan Federal University met Russian students in Kazan , "
    "Russia , near the Volga on 12 May 2025 ; Yulia Kravtsova spoke ."
).split()
TAGS = {
    1: "B-PERSON", 2: "I-PERSON",
    4: "B-ORG", 5: "I-ORG", 6: "I-ORG",
    8: "B-NORP",
    11: "B-GPE",
    13: "B-GPE",
    17: "B-LOC",
    19: "B-DATE", 20: "I-DATE", 21: "I-DATE",
    23: "B-PERSON", 24: "I-PERSON",
}  # fmt: skip


@pytest.fixture(scope="module")
def handmade_doc() -> Doc:
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=WORDS, ents=[TAGS.get(i, "O") for i in range(len(WORDS))])


def test_mapping_fills_only_what_evaluate_reads(handmade_doc: Doc) -> None:
    pred = entities_to_prediction("corpus/dev/a.txt", handmade_doc.ents)
    assert pred["source"] == {"path": "corpus/dev/a.txt"}
    assert pred["published"] is None
    assert pred["agreement_counts"] == []


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        pytest.param("people", ["Yulia Kravtsova"], id="person_once_per_distinct_text"),
        pytest.param("organizations", ["Kazan Federal University"], id="org_as_written"),
        pytest.param("locations", ["Kazan", "Russia", "Volga"], id="gpe_and_loc"),
    ],
)
def test_mapping_names(handmade_doc: Doc, field: str, expected: list[str]) -> None:
    pred = entities_to_prediction("a.txt", handmade_doc.ents)
    assert [item["name"] for item in pred[field]] == expected


def test_mapping_details(handmade_doc: Doc) -> None:
    pred = entities_to_prediction("a.txt", handmade_doc.ents)
    (kravtsova,) = pred["people"]
    assert kravtsova["roles"] == []
    assert [m["text"] for m in kravtsova["mentions"]] == ["Yulia Kravtsova"] * 2
    start, end = kravtsova["mentions"][0]["start"], kravtsova["mentions"][0]["end"]
    assert handmade_doc.text[start:end] == "Yulia Kravtsova"
    assert pred["organizations"][0]["aliases"] == []
    start = handmade_doc.text.index("12 May 2025")
    assert pred["dates"] == [
        {"text": "12 May 2025", "value": None, "start": start, "end": start + len("12 May 2025")}
    ]
    assert "Russian" not in json.dumps(pred), "NORP is not a field"


def test_mapping_labels() -> None:
    assert LABEL_FIELDS == {
        "PERSON": "people",
        "ORG": "organizations",
        "GPE": "locations",
        "LOC": "locations",
        "DATE": "dates",
    }


def test_bare_dates_score_zero_but_names_score(handmade_doc: Doc) -> None:
    gold = {
        "file": "a.txt",
        "people": [{"name": "Yulia Kravtsova", "roles": []}],
        "organizations": [{"name": "Kazan Federal University", "aliases": ["KFU"]}],
        "locations": ["Kazan", "Russia"],
        "optional_locations": ["Volga"],
        "dates": [{"text": "12 May 2025", "value": "2025-05-12"}],
    }
    report = evaluate([entities_to_prediction("a.txt", handmade_doc.ents)], [gold])
    assert {f: report.scores[f].f1 for f in ("people", "organizations", "locations", "dates")} == {
        "people": 1.0,
        "organizations": 1.0,
        "locations": 1.0,
        "dates": 0.0,
    }


# --- the command ---------------------------------------------------------------------------------

ARTICLES = {
    "alpha.txt": (
        "Kazan Federal University Opens Lab with Tsinghua University\n\n"
        "Kazan Federal University and Tsinghua University opened a joint laboratory in Kazan "
        "on 12 May 2025. Rector Ilshat Gafurov said the universities have signed "
        "12 agreements.\n"
    ),
    "beta.txt": (
        "Delegation from Gansu Visits Novosibirsk\n\n"
        "On 3 June 2025, Ms. Liu Yemei, Director of the Gansu Science and Technology "
        "Department, visited Novosibirsk State University in Novosibirsk, Russia.\n"
    ),
}
GOLD = [
    {
        "file": "alpha.txt",
        "published": None,
        "people": [
            {
                "name": "Ilshat Gafurov",
                "roles": [{"title": "Rector", "organization": "Kazan Federal University"}],
            }
        ],
        "organizations": [
            {"name": "Kazan Federal University", "aliases": []},
            {"name": "Tsinghua University", "aliases": []},
        ],
        "locations": ["Kazan"],
        "dates": [{"text": "12 May 2025", "value": "2025-05-12"}],
        "agreement_counts": [{"text": "12 agreements", "count": 12, "qualifier": "exact"}],
    },
    {
        "file": "beta.txt",
        "published": None,
        "people": [
            {
                "name": "Liu Yemei",
                "roles": [
                    {"title": "Director", "organization": "Gansu Science and Technology Department"}
                ],
            }
        ],
        "organizations": [
            {"name": "Gansu Science and Technology Department", "aliases": []},
            {"name": "Novosibirsk State University", "aliases": []},
        ],
        "locations": ["Gansu", "Novosibirsk", "Russia"],
        "dates": [{"text": "3 June 2025", "value": "2025-06-03"}],
        "agreement_counts": [],
    },
]


def write_corpus(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    gold = [g for g in GOLD if g["file"] in names]
    (folder / "gold.jsonl").write_text(
        "".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8"
    )
    return folder


def tables(output: str) -> dict[str, dict[str, tuple[float, float]]]:
    """``{table heading: {field: (bare F1, uninews F1)}}`` from the command's output."""
    found: dict[str, dict[str, tuple[float, float]]] = {}
    heading = ""
    for line in output.splitlines():
        if line.startswith("### "):
            heading = line[4:]
            found[heading] = {}
        elif line.startswith("| ") and heading and not line.startswith(("| field", "| ---")):
            name, bare, ours = (cell.strip() for cell in line.strip("|").split("|"))
            found[heading][name] = (float(bare), float(ours))
    return found


def test_compare_command_on_tiny_corpus(tmp_path: Path, capsys) -> None:
    write_corpus(tmp_path / "corpus" / "dev", ["alpha.txt", "beta.txt"])
    seeds = write_corpus(tmp_path / "seeds", ["beta.txt"])
    argv = ["compare", "--corpus", str(tmp_path / "corpus"), "--split", "dev"]
    assert main([*argv, "--seeds", str(seeds)]) == EXIT_OK
    output = capsys.readouterr().out
    assert output.startswith("model: ")
    assert "| field | bare spaCy F1 | uninews F1 |" in output
    found = tables(output)
    assert [h.split(" (")[0] for h in found] == ["dev", "seeds"]
    assert "2 files, 2 in gold" in next(iter(found))
    for rows in found.values():
        assert list(rows) == list(FIELDS)
        assert all(0.0 <= f1 <= 1.0 for pair in rows.values() for f1 in pair)
    dev = found[next(iter(found))]
    for name in ("roles", "roles+org", "dates", "agreement_counts"):
        assert dev[name][0] == 0.0, f"bare spaCy cannot score on {name}"
    assert dev["dates"][1] > 0.0 and dev["agreement_counts"][1] > 0.0


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        pytest.param(["--split", "nowhere"], "no gold file", id="split_without_gold"),
        pytest.param(["--seeds", "MISSING"], "check --seeds", id="seeds_without_gold"),
    ],
)
def test_compare_usage_errors(tmp_path: Path, capsys, extra: list[str], message: str) -> None:
    write_corpus(tmp_path / "dev", ["alpha.txt"])
    extra = [str(tmp_path / x) if x == "MISSING" else x for x in extra]
    argv = ["compare", "--corpus", str(tmp_path), "--split", "dev", *extra]
    assert main(argv) == EXIT_USAGE
    assert message in capsys.readouterr().err


def test_bare_model_keeps_its_full_pipeline() -> None:
    from pipeline.nlp import UNUSED_COMPONENTS, load_model

    full = load_full_model()
    assert set(UNUSED_COMPONENTS) & set(full.pipe_names)
    assert full.meta["name"] == load_model().meta["name"]


@pytest.mark.parametrize(
    ("name", "held"),
    [
        pytest.param("ru14_nsu-heilongjiang.txt", True, id="ends_in_4"),
        pytest.param("am08_delegation.txt", True, id="ends_in_8"),
        pytest.param("cx10_yu-southeast.txt", False, id="ends_in_0"),
        pytest.param("alpha.txt", False, id="no_number"),
    ],
)
def test_held_out_files_by_the_last_digit_of_their_number(name: str, held: bool) -> None:
    from pipeline.compare import held_out

    assert held_out(name, "48") is held
    assert held_out(name, "") is False


def test_compare_any_folder_against_any_gold_with_parts(tmp_path: Path, capsys) -> None:
    folder = write_corpus(tmp_path / "texts", ["alpha.txt", "beta.txt"])
    gold = tmp_path / "elsewhere.jsonl"
    (folder / "gold.jsonl").rename(gold)
    (folder / "alpha.txt").rename(folder / "a1_alpha.txt")
    (folder / "beta.txt").rename(folder / "b4_beta.txt")
    entries = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    for entry in entries:
        entry["file"] = {"alpha.txt": "a1_alpha.txt", "beta.txt": "b4_beta.txt"}[entry["file"]]
    gold.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
    argv = ["compare", "--texts", str(folder), "--gold", str(gold), "--holdout", "48"]
    assert main(argv) == EXIT_OK
    found = tables(capsys.readouterr().out)
    headings = [h.split(" (")[0] for h in found]
    assert headings == ["texts", "texts: dev part", "texts: held-out part"]
    assert "1 files" in list(found)[1] and "1 files" in list(found)[2]


def test_texts_needs_gold(tmp_path: Path, capsys) -> None:
    write_corpus(tmp_path / "texts", ["alpha.txt"])
    assert main(["compare", "--texts", str(tmp_path / "texts")]) == EXIT_USAGE
    assert "--texts and --gold go together" in capsys.readouterr().err
