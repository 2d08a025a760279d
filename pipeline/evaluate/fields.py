"""Scorers of the record-level fields: published, organizations, locations, dates, counts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .matching import _match, _NearMiss, _record, _span_near_miss, _Tally
from .normalisation import normalise
from .records import _as_count, _dicts, _gold_item, _names, _org_keys, _pred_item, _text
from .results import WRONG_QUALIFIER, WRONG_VALUE


def _score_published(tally: _Tally, pred: dict[str, Any], gold: dict[str, Any]) -> None:
    published = pred.get("published") if isinstance(pred.get("published"), dict) else {}
    value = _text(published.get("value")).strip() or None
    expected = _text(gold.get("published")).strip() or None
    pred_item = _pred_item(value or "", published)
    if expected is None:
        if value is not None:
            tally.spurious("published", pred_item)
    elif value == expected:
        tally.hit("published")
    elif value is None:
        tally.missed("published", _gold_item(expected))
    else:
        tally.wrong("published", WRONG_VALUE, None, pred_item, _gold_item(expected))


def _score_organizations(tally: _Tally, pred: dict[str, Any], gold: dict[str, Any]) -> None:
    pred_orgs, gold_orgs = _dicts(pred, "organizations"), _dicts(gold, "organizations")
    pred_keys = [_org_keys(o) for o in pred_orgs]
    gold_keys = [_org_keys(o) for o in gold_orgs]
    optional = {normalise(n) for n in _names(gold.get("optional_organizations"))} - {""}
    matching = _match(
        len(pred_orgs),
        len(gold_orgs),
        lambda i, j: bool(pred_keys[i] & gold_keys[j]),
        lambda i: bool(pred_keys[i] & optional),
    )
    preds = [_pred_item(_text(o.get("name")), o) for o in pred_orgs]
    golds = [_gold_item(_text(o.get("name")), o) for o in gold_orgs]
    _record(tally, "organizations", matching, preds, golds, _span_near_miss(preds, golds))


def _score_locations(tally: _Tally, pred: dict[str, Any], gold: dict[str, Any]) -> None:
    pred_locs = _dicts(pred, "locations")
    pred_keys = [normalise(_text(loc.get("name"))) for loc in pred_locs]
    gold_names = _names(gold.get("locations"))
    gold_keys = [normalise(n) for n in gold_names]
    optional = {normalise(n) for n in _names(gold.get("optional_locations"))} - {""}
    matching = _match(
        len(pred_locs),
        len(gold_names),
        lambda i, j: bool(pred_keys[i]) and pred_keys[i] == gold_keys[j],
        lambda i: pred_keys[i] in optional,
    )
    preds = [_pred_item(_text(loc.get("name")), loc) for loc in pred_locs]
    golds = [_gold_item(n) for n in gold_names]
    _record(tally, "locations", matching, preds, golds, _span_near_miss(preds, golds))


def _date_values(items: Iterable[Any], ends: bool = False) -> dict[str, dict[str, Any]]:
    """Distinct non-null ISO values, each with the first item that carries it.

    With ``ends``, a predicted range's ``end_value`` is a value of its own: gold lists a range
    ("May 3 to 13, 2012") as two dates, its start and its end.
    """
    values: dict[str, dict[str, Any]] = {}
    for item in items:
        entry = item if isinstance(item, dict) else {"value": item}
        keys = ("value", "end_value") if ends else ("value",)
        for key in keys:
            value = _text(entry.get(key)).strip()
            if value:
                values.setdefault(value, entry)
    return values


def _score_dates(tally: _Tally, pred: dict[str, Any], gold: dict[str, Any]) -> None:
    predicted = _date_values(_dicts(pred, "dates"), ends=True)
    expected = _date_values(gold.get("dates") or [])
    optional = _date_values(gold.get("optional_dates") or [])
    for value, item in predicted.items():
        if value in expected:
            tally.hit("dates")
        elif value not in optional:
            tally.spurious("dates", _pred_item(value, item))
    for value, item in expected.items():
        if value not in predicted:
            tally.missed("dates", _gold_item(value, item))


def _score_counts(tally: _Tally, pred: dict[str, Any], gold: dict[str, Any]) -> None:
    pred_counts, gold_counts = _dicts(pred, "agreement_counts"), _dicts(gold, "agreement_counts")
    pc = [_as_count(c.get("count")) for c in pred_counts]
    gc = [_as_count(c.get("count")) for c in gold_counts]
    pq = [_text(c.get("qualifier")).strip().lower() or None for c in pred_counts]
    gq = [_text(c.get("qualifier")).strip().lower() or None for c in gold_counts]

    def same_count(i: int, j: int) -> bool:
        return pc[i] is not None and pc[i] == gc[j]

    def same_qualified(i: int, j: int) -> bool:
        return same_count(i, j) and pq[i] == gq[j]

    preds = [_pred_item(str(pc[i]), c) for i, c in enumerate(pred_counts)]
    golds = [_gold_item(str(gc[j]), c) for j, c in enumerate(gold_counts)]
    _record(tally, "agreement_counts", _match(len(pc), len(gc), same_count), preds, golds)

    qpreds = [_pred_item(f"{pc[i]} {pq[i]}", c) for i, c in enumerate(pred_counts)]
    qgolds = [_gold_item(f"{gc[j]} {gq[j]}", c) for j, c in enumerate(gold_counts)]
    near = _NearMiss(
        WRONG_QUALIFIER,
        same_count,
        lambda i: str(pc[i]),
        [_pred_item(pq[i] or "null", c) for i, c in enumerate(pred_counts)],
        [_gold_item(gq[j] or "null", c) for j, c in enumerate(gold_counts)],
    )
    matching = _match(len(pc), len(gc), same_qualified)
    _record(tally, "agreement_qualifier", matching, qpreds, qgolds, near)
