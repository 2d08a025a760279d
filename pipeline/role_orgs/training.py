"""Train and measure the role-organization scorer on gold (``uninews train-role-orgs``).

Each data set is a folder of texts and its gold file. The pipeline runs over the texts with
the rules alone; every role it finds whose holder and title match a gold role becomes one
training example: its candidates (the record's organizations and none) with their features,
and as correct the candidates that denote the gold role's organization or an alternative's
(as ``uninews evaluate`` decides it). The scorer learns from the open roles only (those whose
organization the rules did not read from the text, :func:`pipeline.role_orgs.choose_orgs`);
the report counts all. Roles whose person or title is wrong teach nothing about
the organization and are left out; so are roles none of whose candidates is correct.

Only the weights enter the repository, never the texts.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from spacy.language import Language

from ..assemble import SourceInfo, doc_to_record, extractor_info
from ..compare import held_out
from ..corpus import collect, iter_articles
from ..evaluate import load_jsonl
from ..evaluate.normalisation import normalise, title_similar
from ..evaluate.people import _options, _OrgResolver
from ..evaluate.records import _dicts, _text
from .model import Example, RoleOrgModel, fit


@dataclass
class Labelled:
    """One role of one file: the example, and what the rules chose (its index)."""

    file: str
    example: Example
    rule_index: int
    title: str = ""  # for reports: the title and the candidates' names
    names: list[str] = field(default_factory=list)
    open: bool = True  # the rules found no organization or only guessed one: the scorer's


@dataclass
class DataSet:
    name: str
    roles: list[Labelled] = field(default_factory=list)


def _person_of(record: dict[str, Any], offsets: tuple[int, int]) -> dict[str, Any] | None:
    for person in _dicts(record, "people"):
        for mention in _dicts(person, "mentions"):
            if (mention.get("start"), mention.get("end")) == offsets:
                return person
    return None


def _role_of(person: dict[str, Any], offsets: tuple[int, int]) -> dict[str, Any] | None:
    for role in _dicts(person, "roles"):
        if (role.get("start"), role.get("end")) == offsets:
            return role
    return None


def label_roles(
    file: str, record: dict[str, Any], gold: dict[str, Any], trace: list[dict]
) -> list[Labelled]:
    """The training examples of one file's roles (see the module's docstring)."""
    resolver = _OrgResolver(record, gold)
    gold_people: dict[str, dict[str, Any]] = {}
    for person in _dicts(gold, "people"):
        gold_people.setdefault(normalise(_text(person.get("name"))), person)
    ids = {_text(o.get("name")): _text(o.get("id")) for o in _dicts(record, "organizations")}
    out = []
    for item in trace:
        person = _person_of(record, item["person"])
        if person is None:
            continue
        gold_person = gold_people.get(normalise(_text(person.get("name"))))
        role = _role_of(person, item["title"])
        if gold_person is None or role is None:
            continue
        title = _text(role.get("title"))
        options = [
            org
            for gold_role in _dicts(gold_person, "roles") + _dicts(gold_person, "optional_roles")
            for gold_title, org in _options(gold_role)
            if title_similar(title, gold_title)
        ]
        if not options:
            continue
        correct = []
        for index, entity in enumerate(item["candidates"]):
            if entity is None:
                keys = frozenset()
            else:
                keys = resolver.pred_keys(
                    {"organization": entity.name, "organization_id": ids.get(entity.name, "")}
                )
            if any(resolver.same(keys, org) for org in options):
                correct.append(index)
        example = Example(item["features"], correct)
        names = [e.name if e is not None else "none" for e in item["candidates"]]
        rule = item["candidates"].index(item["rule"])
        desc = f"{title} / {person.get('name')}"
        out.append(Labelled(file, example, rule, desc, names, item["open"]))
    return out


def collect_examples(nlp: Language, texts: Path, gold_file: Path, name: str) -> DataSet:
    """Run the pipeline (rules alone) over ``texts`` and label the roles of files in gold."""
    gold = {PurePosixPath(_text(g.get("file"))).name: g for g in load_jsonl(gold_file)}
    rules_dir = nlp.meta.get("uninews", {}).get("rules_dir", "")
    extractor = extractor_info(nlp)
    inputs, _ = collect([str(texts)])
    articles = [a for a in iter_articles(inputs, []) if Path(a.source.display).name in gold]
    data = DataSet(name)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True):
        source = SourceInfo(
            article.source.display,
            hashlib.sha256(article.data).hexdigest(),
            len(article.data),
            article.encoding,
            article.format,
        )
        trace: list[dict] = []
        record = doc_to_record(
            doc, source, extractor, rules_dir, role_org_trace=trace, rules_only=True
        )
        file = Path(article.source.display).name
        data.roles += label_roles(file, record.model_dump(), gold[file], trace)
    return data


def accuracy(roles: Sequence[Labelled], model: RoleOrgModel | None) -> float:
    """The share of roles whose chosen candidate is correct: the scorer's for open roles,
    the rules' for the others (and for all without a model)."""
    if not roles:
        return 0.0
    hits = 0
    for role in roles:
        if model is None or not role.open:
            choice = role.rule_index
        else:
            choice = model.choose(role.example.candidates)
        hits += choice in role.example.correct
    return hits / len(roles)


def cross_validate(roles: Sequence[Labelled], folds: int = 5, seed: int = 0, **kw) -> float:
    """Accuracy of models trained on the other folds (folds by file, so no article is in both
    the training and the test part)."""
    files = sorted({r.file for r in roles})
    random.Random(seed).shuffle(files)
    fold_of = {f: i % folds for i, f in enumerate(files)}
    hits = 0
    for k in range(folds):
        train = [r.example for r in roles if fold_of[r.file] != k and r.open]
        test = [r for r in roles if fold_of[r.file] == k]
        hits += round(accuracy(test, fit(train, **kw)) * len(test))
    return hits / len(roles) if roles else 0.0


def split_held_out(data: DataSet, digits: str) -> tuple[list[Labelled], list[Labelled]]:
    """The dev part and the held-out part of a data set (``--holdout``)."""
    if not digits:
        return data.roles, []
    dev = [r for r in data.roles if not held_out(r.file, digits)]
    test = [r for r in data.roles if held_out(r.file, digits)]
    return dev, test


def train(
    nlp: Language,
    train_sets: Sequence[tuple[Path, Path]],
    test_sets: Sequence[tuple[Path, Path]] = (),
    holdout: str = "",
    l2: float = 0.01,
) -> tuple[RoleOrgModel, str]:
    """Train on ``train_sets`` (texts, gold) and report the rules against the scorer.

    With ``holdout``, the held-out part of each training set (``uninews compare --holdout``)
    is kept out of training and scored like a test set. The report is a Markdown table: per
    part, the roles that teach the organization, and the share whose organization the rules
    and the scorer choose correctly (on training data by 5-fold cross-validation over files).
    """
    train_roles: list[Labelled] = []
    parts: list[tuple[str, list[Labelled], bool]] = []
    for texts, gold in train_sets:
        data = collect_examples(nlp, texts, gold, texts.name)
        dev, held = split_held_out(data, holdout)
        train_roles += dev
        parts.append((f"{data.name} (training)", dev, True))
        if held:
            parts.append((f"{data.name} (held out)", held, False))
    for texts, gold in test_sets:
        data = collect_examples(nlp, texts, gold, texts.name)
        parts.append((f"{data.name} (test)", data.roles, False))
    model = fit([r.example for r in train_roles if r.open], l2=l2)
    model.about = {
        "about": "role -> organization scorer; see pipeline/role_orgs (uninews train-role-orgs)",
        "l2": l2,
        "training_roles": sum(r.open for r in train_roles),
        "training_files": len({r.file for r in train_roles}),
    }
    lines = [
        "| part | roles | rules | scorer |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, roles, is_training in parts:
        learned = cross_validate(roles, l2=l2) if is_training else accuracy(roles, model)
        how = " (5-fold)" if is_training else ""
        lines.append(
            f"| {name} | {len(roles)} | {accuracy(roles, None):.3f} | {learned:.3f}{how} |"
        )
    return model, "\n".join(lines)
