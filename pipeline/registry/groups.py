"""The per-article items the registry matches, and the union-find that groups them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..models import Record
from .person_names import PersonName


class _Groups:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def clusters(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return out


@dataclass
class _Item:
    """One per-article person or organization."""

    record: Record
    local_id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    parsed: PersonName | None = None
    key: str = ""  # exact matching key (article-scoped when it must not match elsewhere)
    affiliations: frozenset[str] = frozenset()  # registry ids of the organizations of its roles
    context: frozenset[str] = frozenset()  # registry ids of its article's organizations
