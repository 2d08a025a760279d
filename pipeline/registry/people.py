"""Matching people across articles: exact names, then initials against given names."""

from __future__ import annotations

from collections import defaultdict

from .groups import _Groups, _Item
from .person_names import compatible_people


def _match_people(items: list[_Item]) -> list[list[int]]:
    groups = _Groups(len(items))
    affiliations = [set(item.affiliations) for item in items]
    context = [set(item.context) for item in items]

    def allowed(i: int, j: int) -> bool:
        """Two groups of one name are one person only when their articles share an
        organization, and their roles do not tie them to different organizations."""
        a, b = groups.find(i), groups.find(j)
        if a == b:
            return True
        if affiliations[a] and affiliations[b] and affiliations[a].isdisjoint(affiliations[b]):
            return False
        return bool(context[a] & context[b])

    def union(i: int, j: int) -> None:
        a, b = groups.find(i), groups.find(j)
        if a == b:
            return
        groups.union(a, b)
        root, other = (a, b) if groups.find(a) == a else (b, a)
        affiliations[root] |= affiliations[other]
        context[root] |= context[other]

    first: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        first[item.key].append(i)
    for members in first.values():
        for i in members[1:]:
            target = next((j for j in members if j != i and allowed(i, j)), None)
            if target is not None:
                union(i, target)
    # Candidates are decided on the exact-name groups, before any merge of names, so the
    # result does not depend on the order of the records.
    clusters = list(groups.clusters().values())
    rep = [items[c[0]].parsed for c in clusters]
    by_surname: dict[str, list[int]] = defaultdict(list)
    for n, name in enumerate(rep):
        if name.matchable and not name.surname_first:
            by_surname[name.surname].append(n)
    decisions = []
    for members in by_surname.values():
        for n in members:
            candidates = [
                m
                for m in members
                if m != n
                and rep[m].specificity >= rep[n].specificity
                and compatible_people(rep[n], rep[m])
                and allowed(clusters[n][0], clusters[m][0])
            ]
            if all(
                compatible_people(rep[a], rep[b]) for a in candidates for b in candidates if a < b
            ):
                decisions.extend((clusters[n][0], clusters[m][0]) for m in candidates)
    for i, j in decisions:
        if allowed(i, j):
            union(i, j)
    return list(groups.clusters().values())
