"""The cross-article registry (issue 6): one entity per real-world person or organization."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.export import load_records
from pipeline.models import Record
from pipeline.registry import Entity, build_registry, is_generic, load_rules, translit_key

GOLD = json.loads((Path(__file__).parent / "data" / "registry_gold.json").read_text("utf-8"))

pytestmark = pytest.mark.issue(6)


# -- records made by hand ----------------------------------------------------------------------
def _mention(text: str) -> dict:
    return {"text": text, "start": 0, "end": len(text), "method": "ner"}


def make_record(
    doc: str,
    people: list[tuple[str, str | None]] = (),
    orgs: list[tuple[str, list[str]]] = (),
    places: list[str] = (),
    published: str | None = "2025-01-01",
) -> Record:
    """A record with ``people`` as (name, title at the first organization or None)."""
    organizations = [
        {"id": f"O{n}", "name": name, "aliases": aliases, "mentions": [_mention(name)]}
        for n, (name, aliases) in enumerate(orgs, start=1)
    ]
    persons = []
    for n, (name, title) in enumerate(people, start=1):
        roles = []
        if title:
            roles.append(
                {
                    "title": title,
                    "text": title,
                    "organization": orgs[0][0],
                    "organization_id": "O1",
                    "start": 0,
                    "end": len(title),
                    "method": "rule",
                }
            )
        persons.append({"id": f"P{n}", "name": name, "mentions": [_mention(name)], "roles": roles})
    pub = None
    if published:
        pub = {"text": published, "start": 0, "end": len(published), "method": "rule"}
        pub["value"] = published
    return Record.model_validate(
        {
            "doc_id": hashlib.sha256(doc.encode()).hexdigest()[:16],
            "source": {"path": doc, "sha256": hashlib.sha256(doc.encode()).hexdigest(), "bytes": 1},
            "title": doc,
            "published": pub,
            "people": persons,
            "organizations": organizations,
            "locations": [{"name": p, "mentions": [_mention(p)]} for p in places],
            "dates": [],
            "agreement_counts": [],
            "extractor": {"version": "0", "model": "m", "model_version": "0", "rules_hash": "r"},
        }
    )


def entity_of(entities: list[Entity], doc: str, name: str) -> str:
    """The id of the entity that holds ``name`` (a person, or an organization or alias) in the
    record of file ``doc`` (matched by the end of its path)."""
    hits = {
        e.id
        for e in entities
        for m in e.members
        if any(a.doc_id == m.doc_id and Path(a.path).name == Path(doc).name for a in e.articles)
        and (m.name == name or (e.kind == "organization" and name in e.variants + [e.name]))
    }
    assert len(hits) == 1, f"{doc}: {name!r} found in {sorted(hits)}"
    return hits.pop()


SPBPU = "Peter the Great St. Petersburg Polytechnic University"


def _registry(*records: Record) -> list[Entity]:
    return build_registry(list(records))


# -- one test per kind of variant --------------------------------------------------------------
@pytest.mark.parametrize(
    "names",
    [
        pytest.param(["A.I. Rudskoi", "Andrei Ivanovich Rudskoi", "Andrei Rudskoi"], id="initials"),
        pytest.param(["E.S. Morozova", "Elena Sergeevna Morozova"], id="initials_patronymic"),
        pytest.param(["Dmitry Arseniev", "Dmitry Arsenyev", "Dmitriy Arseniev"], id="arseniev"),
        pytest.param(["Andrey Rudskoy", "Andrei Rudskoi"], id="ey_oy_endings"),
        pytest.param(["Aleksei Kuznetsov", "Alexey Kuznetsov"], id="ks_x"),
        pytest.param(["Yuri Vasiliev", "Iurii Vasilyev"], id="yu_iu_ii"),
        pytest.param(["Natalia Vasilieva", "Natalya Vassilyeva"], id="ya_ia_double_s"),
        pytest.param(["Pyotr Fyodorov", "Petr Fedorov"], id="yo_e"),
        pytest.param(["María José Fernández", "Maria Jose Fernandez"], id="accents"),
        pytest.param(["Wang Lei", "Wang Lei"], id="chinese_as_written"),
    ],
)
def test_variants_of_one_person_are_one_entity(names):
    records = [
        make_record(f"a{n}.txt", [(name, "Rector")], [(SPBPU, ["SPbPU"])])
        for n, name in enumerate(names)
    ]
    people = [e for e in _registry(*records) if e.kind == "person"]
    assert len(people) == 1, [e.summary for e in people]
    assert len(people[0].articles) == len(names)


@pytest.mark.parametrize(
    "names",
    [
        pytest.param(["Anna Petrova", "Irina Petrova"], id="shared_surname"),
        pytest.param(["A. Petrova", "Anna Petrova", "Alla Petrova"], id="ambiguous_initial"),
        pytest.param(["Carlos A. Ruiz", "Carlos E. Ruiz"], id="conflicting_middle_initial"),
        pytest.param(["Ivan Petrov", "Ivan Petrova"], id="surname_gender"),
        pytest.param(["Zhang Lihua", "Zhang Yifan"], id="chinese_shared_surname"),
        pytest.param(["Wang Lei", "Lei Wang"], id="chinese_order_kept"),
        pytest.param(["Gao Yanping", "Zhou Yanping"], id="chinese_shared_given_name"),
        pytest.param(["Petrova", "Petrova"], id="one_word_names"),
    ],
)
def test_different_people_stay_apart(names):
    records = [
        make_record(f"a{n}.txt", [(name, None)], [(SPBPU, ["SPbPU"])])
        for n, name in enumerate(names)
    ]
    people = [e for e in _registry(*records) if e.kind == "person"]
    assert len(people) == len(names), [e.summary for e in people]


def test_one_name_at_two_universities_is_two_people():
    one = make_record(
        "a.txt", [("Li Wenjing", "Director")], [("Beijing Institute of Technology", [])]
    )
    two = make_record("b.txt", [("Li Wenjing", "Dean")], [("Sun Yat-sen University", [])])
    assert len([e for e in _registry(one, two) if e.kind == "person"]) == 2


def test_one_name_without_a_shared_organization_is_two_people():
    one = make_record("a.txt", [("Wang Lei", None)], [("Dalian Maritime University", [])])
    two = make_record("b.txt", [("Wang Lei", None)], [("Tianjin University", [])])
    assert len([e for e in _registry(one, two) if e.kind == "person"]) == 2


def test_acronym_only_article_joins_the_full_name():
    full = make_record("a.txt", [], [(SPBPU, ["SPbPU"])], ["St. Petersburg"])
    short = make_record("b.txt", [], [("SPbPU", [])], ["St. Petersburg"])
    orgs = _registry(full, short)
    assert len(orgs) == 1 and orgs[0].name == SPBPU and orgs[0].variants == ["SPbPU"]
    assert orgs[0].summary == f"{SPBPU} (SPbPU), 2 articles, 2025-01"


def test_acronym_only_article_without_shared_context_stays_apart():
    full = make_record("a.txt", [], [("Universidad Politécnica de Madrid", ["UPM"])], ["Madrid"])
    short = make_record("b.txt", [], [("UPM", [])], ["Malaysia"])
    assert len(_registry(full, short)) == 2


def test_one_acronym_of_two_different_names_never_merges():
    one = make_record("a.txt", [], [("Kashubian University of Technology", ["KUT"])])
    two = make_record("b.txt", [], [("Kvarken University of Technology", ["KUT"])])
    three = make_record("c.txt", [], [("KUT", [])], ["Poland"])
    assert len(_registry(one, two, three)) == 3


def test_short_form_that_ends_the_full_name_joins_it():
    one = make_record("a.txt", [], [("Islam Karimov Tashkent State Technical University", [])])
    two = make_record("b.txt", [], [("Tashkent State Technical University", ["TSTU"])])
    assert len(_registry(one, two)) == 1


def test_generic_unit_names_stay_in_their_article():
    one = make_record("a.txt", [], [("International Office", [])])
    two = make_record("b.txt", [], [("International Office", [])])
    assert len(_registry(one, two)) == 2


def test_person_summary_names_role_organization_articles_and_months():
    records = [
        make_record(
            "a.txt",
            [("Dmitry Arseniev", "Vice-Rector for International Affairs")],
            [(SPBPU, ["SPbPU"])],
            published="2023-03-15",
        ),
        make_record(
            "b.txt",
            [("Dmitry Arsenyev", "Vice-Rector for International Affairs")],
            [(SPBPU, ["SPbPU"])],
            published="2025-07-08",
        ),
    ]
    person = next(e for e in _registry(*records) if e.kind == "person")
    assert person.summary == (
        "Dmitry Arseniev, Vice-Rector for International Affairs of SPbPU, 2 articles, "
        "2023-03 to 2025-07"
    )
    assert (person.first_seen, person.last_seen) == ("2023-03-15", "2025-07-08")
    assert [r.doc_id for r in person.roles] == [records[0].doc_id, records[1].doc_id]


def test_ids_do_not_depend_on_order_or_on_other_articles():
    a = make_record("a.txt", [("Anna Petrova", "Rector")], [(SPBPU, ["SPbPU"])])
    b = make_record("b.txt", [("Irina Petrova", "Dean")], [("Tomsk State University", ["TSU"])])
    both = _registry(a, b)
    assert _registry(b, a) == both
    assert {e.id for e in _registry(a)} <= {e.id for e in both}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Arseniev", "Arsenyev", True),
        ("Dmitry", "Dmitrii", True),
        ("Rudskoy", "Rudskoi", True),
        ("Aleksandr", "Alexandr", True),
        ("Khabarov", "Habarov", True),
        ("Ivanov", "Ivanova", False),
        ("Lebedev", "Lebedeva", False),
        ("Anna", "Irina", False),
    ],
)
def test_transliteration_key(a, b, same):
    rules = load_rules()
    assert (translit_key(a, rules) == translit_key(b, rules)) is same


# -- the sample corpus against the gold list of who is who -------------------------------------
@pytest.fixture(scope="module")
def corpus_registry(records_file):
    return build_registry(load_records(records_file))


@pytest.mark.model
@pytest.mark.parametrize(
    "group", GOLD["same"], ids=[f"{g['why']}-{g['members'][0][1]}" for g in GOLD["same"]]
)
def test_corpus_same_entity(corpus_registry, group):
    ids = {entity_of(corpus_registry, doc, name) for doc, name in group["members"]}
    assert len(ids) == 1, group


@pytest.mark.model
@pytest.mark.parametrize(
    "case", GOLD["different"], ids=[f"{c['why']}-{c['pair'][0][1]}" for c in GOLD["different"]]
)
def test_corpus_different_entities(corpus_registry, case):
    (doc_a, a), (doc_b, b) = case["pair"]
    assert entity_of(corpus_registry, doc_a, a) != entity_of(corpus_registry, doc_b, b)


@pytest.mark.model
def test_corpus_registry_has_no_duplicates(corpus_registry, records_file):
    records = load_records(records_file)
    members = [(m.doc_id, m.local_id) for e in corpus_registry for m in e.members]
    assert (
        len(members)
        == len(set(members))
        == sum(len(r.people) + len(r.organizations) for r in records)
    )
    assert len({e.id for e in corpus_registry}) == len(corpus_registry)
    same_name = {c["pair"][0][1] for c in GOLD["different"] if c["why"] == "same_name"}
    rules = load_rules()
    by_name: dict[tuple[str, str], int] = {}
    for e in corpus_registry:
        one_word = e.kind == "person" and len(e.name.split()) == 1  # never matched across
        generic = e.kind == "organization" and is_generic(e.name, rules)  # units of one article
        if not (one_word or generic):
            by_name[(e.kind, e.name)] = by_name.get((e.kind, e.name), 0) + 1
    duplicated = {name for (_kind, name), n in by_name.items() if n > 1}
    assert duplicated <= same_name


@pytest.mark.model
def test_cli_entities_writes_jsonl(records_file, tmp_path, capsys):
    out = tmp_path / "entities.jsonl"
    assert main(["entities", str(records_file), "-o", str(out), "--summary"]) == 0
    captured = capsys.readouterr()
    lines = out.read_text(encoding="utf-8").splitlines()
    entities = [Entity.model_validate_json(line) for line in lines]
    assert len(captured.out.splitlines()) == len(entities)
    assert any(
        e.summary.startswith("Dmitr")
        and "Vice-Rector for International Affairs of SPbPU, 3 articles" in e.summary
        for e in entities
    )
    assert "people and" in captured.err


def test_cli_entities_missing_file(tmp_path, capsys):
    assert main(["entities", str(tmp_path / "nope.jsonl"), "-o", "-"]) == 2
    assert capsys.readouterr().err.startswith("uninews: error:")
