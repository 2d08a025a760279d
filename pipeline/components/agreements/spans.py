"""The records a match becomes on its way to a span: a validated candidate, then a count;
which candidates survive an overlap, and the span (with its extensions) written for a count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from .labels import _RANK, AGREEMENT_LABEL
from .number_words import Qualifier


@dataclass(frozen=True)
class _Candidate:
    """A validated match, in token indices; ``end`` is one past the head (or the link words)."""

    label: str
    rule_id: str
    start: int
    number_start: int
    number_end: int
    end: int
    count: int
    qualifier: Qualifier

    @property
    def head(self) -> int:
        return self.end - 1


TokenRange = tuple[int, int]


@dataclass(frozen=True)
class _Count:
    """A count ready to become a span; ranges are in tokens.

    Attributes:
        anchor: the token that stands for the counted things: the head noun, or for a count
            without a noun of its own, the number.
        obj: the counted object ("active agreements"); an elliptical count borrows its
            antecedent's.
        elliptical: the count refers back to an antecedent (its partner is found by position).
    """

    label: str
    rule_id: str
    start: int
    end: int
    anchor: int
    count: int
    qualifier: Qualifier
    obj: TokenRange
    holder: TokenRange | None = None
    counterparty: TokenRange | None = None
    elliptical: bool = False


def _make_span(doc: Doc, count: _Count) -> Span:
    span = Span(doc, count.start, count.end, label=count.label, span_id=count.rule_id)
    span._.count = count.count
    span._.qualifier = count.qualifier
    # The counted object is the noun phrase after the number: "active agreements".
    span._.object_span = _char_range(doc, count.obj)
    if count.label == AGREEMENT_LABEL:
        span._.holder_span = _char_range(doc, count.holder)
        span._.counterparty_span = _char_range(doc, count.counterparty)
    return span


def _char_range(doc: Doc, tokens: TokenRange | None) -> tuple[int, int] | None:
    if tokens is None:
        return None
    span = doc[tokens[0] : tokens[1]]
    return span.start_char, span.end_char


def _resolve(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping candidates: by label rank (:data:`_RANK`), the longest, the earliest."""
    ranked = sorted(candidates, key=lambda c: (_RANK[c.label], -(c.end - c.start), c.start))
    taken: set[int] = set()
    kept: list[_Candidate] = []
    for candidate in ranked:
        tokens = set(range(candidate.number_start, candidate.end))
        if tokens & taken:
            continue
        taken |= tokens
        kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _release_partners(counts: list[_Count]) -> list[_Count]:
    """Return ``counts`` in text order, each "with" phrase kept by one count only.

    The parser often hangs "40 of them with X" on the verb, where the antecedent's fallback
    finds it too; the phrase belongs to the count without a noun, which names it by position.
    """
    claimed = {c.counterparty for c in counts if c.elliptical and c.counterparty is not None}
    kept = [
        replace(c, counterparty=None, end=c.anchor + 1)
        if not c.elliptical and c.counterparty in claimed
        else c
        for c in counts
    ]
    return sorted(kept, key=lambda c: c.start)
