"""Per-file tally, one-to-one matching of predicted and gold items, and near misses.

One-to-one matching uses maximum bipartite matching (Kuhn's augmenting paths; H. W. Kuhn, "The
Hungarian method for the assignment problem", 1955), so scores do not depend on list order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .normalisation import span_overlap
from .records import _Item
from .results import FIELDS, MISSED, SPURIOUS, WRONG_SPAN, ErrorItem


class _Tally:
    """Counts and errors of one gold file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.counts: dict[str, list[int]] = {name: [0, 0, 0] for name in FIELDS}
        self.errors: list[ErrorItem] = []

    def hit(self, name: str) -> None:
        self.counts[name][0] += 1

    def spurious(self, name: str, item: _Item) -> None:
        self.counts[name][1] += 1
        self.errors.append(
            ErrorItem(
                self.file,
                name,
                SPURIOUS,
                predicted=item.label,
                person=item.person,
                evidence=item.evidence,
                span=item.span,
            )
        )

    def missed(self, name: str, item: _Item) -> None:
        self.counts[name][2] += 1
        self.errors.append(
            ErrorItem(
                self.file, name, MISSED, gold=item.label, person=item.person, evidence=item.evidence
            )
        )

    def wrong(self, name: str, kind: str, matched: str | None, pred: _Item, gold: _Item) -> None:
        """Record a near miss: one false positive plus one false negative."""
        self.counts[name][1] += 1
        self.counts[name][2] += 1
        self.errors.append(
            ErrorItem(
                self.file,
                name,
                kind,
                predicted=pred.label,
                gold=gold.label,
                person=pred.person,
                matched=matched,
                evidence=pred.evidence,
                span=pred.span,
            )
        )


Edge = Callable[[int, int], bool]


def _max_matching(n_pred: int, n_gold: int, edge: Edge) -> dict[int, int]:
    """Maximum bipartite matching by augmenting paths; returns ``{pred index: gold index}``."""
    adjacency = [[j for j in range(n_gold) if edge(i, j)] for i in range(n_pred)]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adjacency[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(n_pred):
        augment(i, set())
    return {i: j for j, i in owner.items()}


@dataclass(frozen=True)
class _Matching:
    pairs: dict[int, int]
    spurious: list[int]
    missed: list[int]


def _match(
    n_pred: int, n_gold: int, edge: Edge, optional: Callable[[int], bool] | None = None
) -> _Matching:
    """Match one-to-one; unmatched predictions that fit only an optional item are dropped.

    A leftover prediction that fits a required gold item (a duplicate) stays a false positive
    even when it also fits an optional one.
    """
    pairs = _max_matching(n_pred, n_gold, edge)
    matched_gold = set(pairs.values())

    def ignorable(i: int) -> bool:
        return optional is not None and optional(i) and not any(edge(i, j) for j in range(n_gold))

    spurious = [i for i in range(n_pred) if i not in pairs and not ignorable(i)]
    missed = [j for j in range(n_gold) if j not in matched_gold]
    return _Matching(pairs, spurious, missed)


@dataclass(frozen=True)
class _NearMiss:
    """How to turn a leftover (false positive, false negative) pair into one ``wrong_*`` error.

    Attributes:
        kind: the error kind.
        edge: whether predicted item ``i`` nearly matches gold item ``j``.
        matched: label of what did match, from the predicted index (None: nothing to show).
        preds: predicted items as the error shows them (e.g. the organization).
        golds: gold items as the error shows them.
        closeness: with it, pairs are chosen greedily, closest first (ties in list order),
            instead of by maximum matching; used where any overlap is an edge, so that a
            loose pair does not take the partner of a close one.
    """

    kind: str
    edge: Edge
    matched: Callable[[int], str | None]
    preds: Sequence[_Item]
    golds: Sequence[_Item]
    closeness: Callable[[int, int], float] | None = None


def _closest_pairs(
    n_a: int, n_b: int, edge: Edge, closeness: Callable[[int, int], float]
) -> dict[int, int]:
    """Pair ``a`` with ``b`` one-to-one, greedily by decreasing closeness; returns ``{a: b}``."""
    candidates = sorted(
        (-closeness(a, b), a, b) for a in range(n_a) for b in range(n_b) if edge(a, b)
    )
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, a, b in candidates:
        if a not in pairs and b not in taken:
            pairs[a] = b
            taken.add(b)
    return pairs


def _span_near_miss(preds: Sequence[_Item], golds: Sequence[_Item]) -> _NearMiss:
    """Pair a spurious and a missed name whose texts overlap into one ``wrong_span`` error."""
    overlap = [[span_overlap(p.label, g.label) for g in golds] for p in preds]
    return _NearMiss(
        WRONG_SPAN,
        lambda i, j: overlap[i][j] > 0,
        lambda i: None,
        preds,
        golds,
        lambda i, j: overlap[i][j],
    )


def _near_pairs(near: _NearMiss, spurious: list[int], missed: list[int]) -> dict[int, int]:
    """Pair leftover predictions with leftover gold items; ``{spurious pos: missed pos}``."""

    def edge(a: int, b: int) -> bool:
        return near.edge(spurious[a], missed[b])

    if near.closeness is None:
        return _max_matching(len(spurious), len(missed), edge)
    closeness = near.closeness
    return _closest_pairs(
        len(spurious), len(missed), edge, lambda a, b: closeness(spurious[a], missed[b])
    )


def _record(
    tally: _Tally,
    name: str,
    matching: _Matching,
    preds: Sequence[_Item],
    golds: Sequence[_Item],
    near: _NearMiss | None = None,
) -> None:
    """Add a matching to the tally; with ``near``, leftovers that nearly match pair up."""
    for _ in matching.pairs:
        tally.hit(name)
    spurious, missed = matching.spurious, matching.missed
    near_pairs: dict[int, int] = {}
    if near is not None:
        near_pairs = _near_pairs(near, spurious, missed)
        for a, b in sorted(near_pairs.items()):
            i, j = spurious[a], missed[b]
            tally.wrong(name, near.kind, near.matched(i), near.preds[i], near.golds[j])
    taken = set(near_pairs.values())
    for a, i in enumerate(spurious):
        if a not in near_pairs:
            tally.spurious(name, preds[i])
    for b, j in enumerate(missed):
        if b not in taken:
            tally.missed(name, golds[j])
