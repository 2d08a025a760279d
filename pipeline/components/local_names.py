"""Names of the local lexicons (``rules/local/``), found as whole tokens, case-sensitively.

Reviewers' accepted names reach the pipeline through these lists (:mod:`pipeline.review.learn`
writes them, :mod:`pipeline.lexicons` merges them): ``uninews_persons`` makes every occurrence of
a local person name a PERSON, ``uninews_organizations`` every occurrence of a local organization
name or alias an ORG, each replacing the model entities it overlaps.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .lines import in_any


class LocalNames:
    """A phrase matcher on ``ORTH`` for surface forms, each standing for a key (its name).

    Args:
        nlp: the pipeline (its tokenizer splits the names as it splits articles).
        surfaces: ``(surface, key)`` pairs; the first key given for a surface wins.
    """

    def __init__(self, nlp: Language, surfaces: Iterable[tuple[str, str]]) -> None:
        self.key_of: dict[str, str] = {}
        for surface, key in surfaces:
            self.key_of.setdefault(surface, key)
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for surface in self.key_of:
            self.matcher.add(surface, [nlp.make_doc(surface)])

    def __bool__(self) -> bool:
        return bool(self.key_of)

    def find(self, doc: Doc, label: str, rule_id: str, skip: list[Span]) -> list[tuple[Span, str]]:
        """Longest non-overlapping occurrences outside ``skip`` (boilerplate): spans with
        ``label`` and ``rule_id``, each with the key of its surface, in text order."""
        if not self.key_of:
            return []
        strings = doc.vocab.strings
        keys: dict[tuple[int, int], str] = {}
        for match_id, start, end in self.matcher(doc):
            keys.setdefault((start, end), self.key_of[strings[match_id]])
        spans = [Span(doc, s, e, label=label, span_id=rule_id) for s, e in keys]
        return [
            (span, keys[(span.start, span.end)])
            for span in sorted(filter_spans(spans))
            if not in_any(span, skip)
        ]


def overlaps(span: Span, others: Iterable[Span]) -> bool:
    """True when ``span`` shares a token with any of ``others``."""
    return any(span.start < o.end and o.start < span.end for o in others)


def claim_entities(doc: Doc, spans: list[Span], label: str) -> None:
    """Make ``spans`` entities with ``label`` in ``doc.ents``, dropping the model's entities
    they overlap (later components read ``doc.ents``: a local name is no place, no ORG)."""
    if not spans:
        return
    kept = [e for e in doc.ents if not overlaps(e, spans)]
    claimed = [Span(doc, s.start, s.end, label=label) for s in spans]
    doc.ents = sorted(kept + claimed, key=lambda e: e.start)
