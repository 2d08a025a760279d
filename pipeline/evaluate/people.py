"""Scorers of people and their roles (title alone, and title with organization)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .matching import _match, _Matching, _NearMiss, _record, _span_near_miss, _Tally
from .normalisation import normalise, title_similar
from .records import _dicts, _gold_item, _org_keys, _pred_item, _text
from .results import WRONG_ORG


class _OrgResolver:
    """Decides whether a predicted role's organization is the gold role's organization."""

    def __init__(self, pred: dict[str, Any], gold: dict[str, Any]) -> None:
        self._gold_ids: dict[str, set[int]] = {}
        for index, org in enumerate(_dicts(gold, "organizations")):
            for key in _org_keys(org):
                self._gold_ids.setdefault(key, set()).add(index)
        self._pred_by_name: dict[str, frozenset[str]] = {}
        self._pred_by_id: dict[str, frozenset[str]] = {}
        for org in _dicts(pred, "organizations"):
            keys = _org_keys(org)
            if name := normalise(_text(org.get("name"))):
                self._pred_by_name[name] = self._pred_by_name.get(name, frozenset()) | keys
            if isinstance(org.get("id"), str):
                self._pred_by_id[org["id"]] = keys

    def pred_keys(self, role: dict[str, Any]) -> frozenset[str]:
        """Normalised names of a predicted role's organization, with that org's aliases."""
        key = normalise(_text(role.get("organization")))
        if not key:
            return frozenset()
        by_id = self._pred_by_id.get(_text(role.get("organization_id")), frozenset())
        return frozenset({key}) | self._pred_by_name.get(key, frozenset()) | by_id

    def same(self, pred_keys: frozenset[str], gold_org: Any) -> bool:
        """True when both are null or both denote the same gold organization."""
        gold_key = normalise(_text(gold_org))
        if not gold_key or not pred_keys:
            return not gold_key and not pred_keys
        gold_ids = self._gold_ids.get(gold_key)
        if not gold_ids:
            # The gold role names an organization outside the gold list (an optional one).
            return gold_key in pred_keys
        return any(self._gold_ids.get(k, set()) & gold_ids for k in pred_keys)


@dataclass(frozen=True)
class _PredRole:
    title: str
    org: str | None
    org_keys: frozenset[str]
    raw: dict[str, Any]


def _options(role: dict[str, Any]) -> list[tuple[str, Any]]:
    """A gold role's acceptable (title, organization) pairs: itself and its alternatives."""
    options = [(_text(role.get("title")), role.get("organization"))]
    options += [
        (_text(a.get("title")), a.get("organization")) for a in _dicts(role, "alternatives")
    ]
    return options


def _role_label(title: str, org: Any, with_org: bool) -> str:
    if not with_org:
        return title
    return f"{title} @ {org}" if _text(org) else f"{title} @ null"


class _RoleScorer:
    """Scores the roles of one person pair (or of an unpaired person) in both role fields."""

    def __init__(self, tally: _Tally, orgs: _OrgResolver) -> None:
        self.tally = tally
        self.orgs = orgs

    def pred_roles(self, person: dict[str, Any]) -> list[_PredRole]:
        return [
            _PredRole(
                _text(r.get("title")),
                _text(r.get("organization")) or None,
                self.orgs.pred_keys(r),
                r,
            )
            for r in _dicts(person, "roles")
        ]

    def fits(self, role: _PredRole, gold_role: dict[str, Any], with_org: bool) -> bool:
        return any(
            title_similar(role.title, title)
            and (not with_org or self.orgs.same(role.org_keys, org))
            for title, org in _options(gold_role)
        )

    def matching(
        self, roles: list[_PredRole], gold_person: dict[str, Any], with_org: bool
    ) -> _Matching:
        required, optional = _dicts(gold_person, "roles"), _dicts(gold_person, "optional_roles")
        return _match(
            len(roles),
            len(required),
            lambda i, j: self.fits(roles[i], required[j], with_org),
            lambda i: any(self.fits(roles[i], o, with_org) for o in optional),
        )

    def score(self, pred_person: dict[str, Any] | None, gold_person: dict[str, Any] | None) -> None:
        """Score roles of a matched pair; a missing side makes every role of the other an error."""
        roles = self.pred_roles(pred_person) if pred_person else []
        gold_roles = _dicts(gold_person, "roles")
        pred_name = _text((pred_person or {}).get("name"))
        gold_name = _text((gold_person or {}).get("name"))
        for name, with_org in (("roles", False), ("roles+org", True)):
            preds = [
                _pred_item(_role_label(r.title, r.org, with_org), r.raw, pred_name) for r in roles
            ]
            golds = [
                _gold_item(
                    _role_label(_text(g.get("title")), g.get("organization"), with_org),
                    person=gold_name,
                )
                for g in gold_roles
            ]
            near = None
            if with_org:
                near = _NearMiss(
                    WRONG_ORG,
                    lambda i, j: self.fits(roles[i], gold_roles[j], with_org=False),
                    lambda i: roles[i].title,
                    [_pred_item(r.org or "null", r.raw, pred_name) for r in roles],
                    [
                        _gold_item(_text(g.get("organization")) or "null", person=gold_name)
                        for g in gold_roles
                    ],
                )
            matching = self.matching(roles, gold_person or {}, with_org)
            _record(self.tally, name, matching, preds, golds, near)


def _pair_people(
    pred_people: list[dict[str, Any]],
    gold_people: list[dict[str, Any]],
    role_hits: Callable[[int, int], int],
) -> dict[int, int]:
    """Pair people with equal normalised names, one-to-one.

    Within a group of equal names any pairing gives the same people score, so pairs are chosen
    greedily by the number of matching roles: a duplicate without roles does not steal the pair.
    """
    pred_keys = [normalise(_text(p.get("name"))) for p in pred_people]
    gold_keys = [normalise(_text(g.get("name"))) for g in gold_people]
    candidates = [
        (-role_hits(i, j), i, j)
        for i, pk in enumerate(pred_keys)
        for j, gk in enumerate(gold_keys)
        if pk and pk == gk
    ]
    pairs: dict[int, int] = {}
    used_gold: set[int] = set()
    for _, i, j in sorted(candidates):
        if i not in pairs and j not in used_gold:
            pairs[i] = j
            used_gold.add(j)
    return pairs


def _score_people(tally: _Tally, pred: dict[str, Any], gold: dict[str, Any]) -> None:
    pred_people, gold_people = _dicts(pred, "people"), _dicts(gold, "people")
    roles = _RoleScorer(tally, _OrgResolver(pred, gold))

    def role_hits(i: int, j: int) -> int:
        return len(roles.matching(roles.pred_roles(pred_people[i]), gold_people[j], False).pairs)

    pairs = _pair_people(pred_people, gold_people, role_hits)
    matched_gold = set(pairs.values())
    matching = _Matching(
        pairs,
        [i for i in range(len(pred_people)) if i not in pairs],
        [j for j in range(len(gold_people)) if j not in matched_gold],
    )
    preds = [_pred_item(_text(p.get("name")), p) for p in pred_people]
    golds = [_gold_item(_text(g.get("name")), g) for g in gold_people]
    _record(tally, "people", matching, preds, golds, _span_near_miss(preds, golds))
    for i, j in sorted(pairs.items()):
        roles.score(pred_people[i], gold_people[j])
    for i in matching.spurious:
        roles.score(pred_people[i], None)
    for j in matching.missed:
        roles.score(None, gold_people[j])
