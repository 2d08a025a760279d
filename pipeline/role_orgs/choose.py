"""Pick the organization of each role the rules leave open with the learned scorer, when the
rules folder has one. Open means the rules found none, or only guessed one from the context;
an organization the text states for the title ("Rector of X", "X Rector Y", "Y, Rector, X")
stands. The rules' guess is one of the features, so the scorer overrides it only where the
measured evidence of the other features is stronger."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from ..entities import OrgEntity, PersonEntity
from ..lexicons import Lexicons
from .features import DocContext, candidate_features, is_unit_name, post_kinds
from .model import FILE_NAME, RoleOrgModel


@lru_cache(maxsize=8)
def _cached(path: str, stamp: float) -> RoleOrgModel | None:
    return RoleOrgModel.load(Path(path).parent)


def load_model(rules_dir: str | Path) -> RoleOrgModel | None:
    """The scorer of ``rules_dir`` (read once while the file stays the same), or None."""
    path = Path(rules_dir) / FILE_NAME
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return None
    return _cached(str(path), stamp)


def choose_orgs(
    doc: Doc,
    text: str,
    records: list[dict],
    rule_orgs: list[OrgEntity | None],
    orgs: list[OrgEntity],
    people: list[PersonEntity],
    lex: Lexicons,
    model: RoleOrgModel | None,
    trace: list | None = None,
) -> list[OrgEntity | None]:
    """The organization of each role record: for a role the rules leave open, the scorer's
    choice among the record's organizations and none; else (or without a scorer) the rules'.

    ``trace``, when given, receives for every role its title and person offsets and the
    candidates with their features (what training reads).
    """
    if not records or (model is None and trace is None):
        return rule_orgs
    if trace is None and not any(
        _is_open(r, o, lex) for r, o in zip(records, rule_orgs, strict=True)
    ):
        return rule_orgs  # every organization is stated: nothing for the scorer
    ctx: DocContext | None = None
    person_of = {m.span_key: p for p in people for m in p.mentions}
    # the organizations the rules state (not guess) for each person's titles
    stated: dict[int, set[int]] = {}
    for record, rule_choice in zip(records, rule_orgs, strict=True):
        holder = person_of.get(tuple(record["person"]))
        if holder is not None and rule_choice is not None and not record.get("guessed_org"):
            stated.setdefault(id(holder), set()).add(id(rule_choice))
    chosen: list[OrgEntity | None] = []
    for record, rule_choice in zip(records, rule_orgs, strict=True):
        title = doc.char_span(*record["title"], alignment_mode="expand")
        if title is None or not len(title) or record.get("no_guess"):
            chosen.append(rule_choice)
            continue
        guessed = bool(record.get("guessed_org"))
        is_open = _is_open(record, rule_choice, lex)
        if not is_open and trace is None:
            chosen.append(rule_choice)  # the text states it: the rules' reading stands
            continue
        person = doc.char_span(*record["person"], alignment_mode="expand")
        if ctx is None:
            ctx = DocContext(doc, text, orgs, lex)
        kinds = post_kinds(title, lex)
        holder = person_of.get(tuple(record["person"]))
        holder_info = ctx.holder(holder, stated.get(id(holder), set()) if holder else set())
        candidates: list[OrgEntity | None] = [None, *orgs]
        features = [
            candidate_features(ctx, title, person, c, rule_choice, guessed, kinds, holder_info)
            for c in candidates
        ]
        if trace is not None:
            trace.append(
                {
                    "title": tuple(record["title"]),
                    "person": tuple(record["person"]),
                    "candidates": candidates,
                    "features": features,
                    "rule": rule_choice,
                    "open": is_open,
                }
            )
        if model is not None and is_open:
            chosen.append(candidates[model.choose(features)])
        else:
            chosen.append(rule_choice)
    return chosen


def _is_open(record: dict, rule_choice: OrgEntity | None, lex: Lexicons | None = None) -> bool:
    """The rules found no organization for the role, or only guessed one from the context, or
    found a unit alone ("Marine Biology Department Chair X"), whose parent the annotation
    prefers when the article makes it clear."""
    if rule_choice is None or record.get("guessed_org"):
        return True
    return lex is not None and is_unit_name(rule_choice.name, lex)
