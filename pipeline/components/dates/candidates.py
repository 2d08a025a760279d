"""Date candidates: the model's DATE entities (cut at line breaks, trimmed) and the matches
of ``rules/dates.jsonl``, without overlaps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..tokens import has_digit, match_windows, token_texts
from .words import DateWords


@dataclass(frozen=True)
class _Candidate:
    start: int  # token offsets
    end: int
    method: Literal["ner", "rule"]
    rule_id: str

    @property
    def length(self) -> int:
        return self.end - self.start


class _CandidateFinder:
    """A doc to date candidates; a part of :class:`Dates`, which sets these."""

    matcher: Matcher
    ner_labels: frozenset[str]
    words: DateWords
    _gated: bool
    _reach: int | None

    def _candidates(self, doc: Doc) -> list[_Candidate]:
        """Model DATE entities and rule matches, trimmed, without overlaps, in text order.

        A rule span replaces the NER spans it overlaps only when it is longer; among rule
        matches the longest wins (spaCy's ``filter_spans``).
        """
        if self._gated and doc.has_annotation("SENT_START"):
            digits = (i for i, text in enumerate(token_texts(doc)) if has_digit(text))
            matches = match_windows(self.matcher, doc, digits, self._reach, sentences=False)
        else:
            matches = self.matcher(doc)
        rule_spans = filter_spans(
            Span(doc, start, end, label=match_id) for match_id, start, end in matches
        )
        rules = [_Candidate(s.start, s.end, "rule", doc.vocab.strings[s.label]) for s in rule_spans]
        ner = [
            trimmed
            for ent in doc.ents
            if ent.label_ in self.ner_labels
            for start, end in _split_lines(ent)
            if (trimmed := self._trim(doc, start, end)) is not None
        ]
        # Longest first; on a tie the NER span stays (a rule wins only when strictly longer).
        ordered = sorted(rules + ner, key=lambda c: (-c.length, c.method == "rule", c.start))
        taken: list[_Candidate] = []
        for cand in ordered:
            if all(cand.end <= t.start or t.end <= cand.start for t in taken):
                taken.append(cand)
        return sorted(taken, key=lambda c: c.start)

    def _trim(self, doc: Doc, start: int, end: int) -> _Candidate | None:
        """Drop leading/trailing prepositions and punctuation the model put inside a DATE."""

        def strip(token_index: int) -> bool:
            token = doc[token_index]
            return token.is_punct or token.is_space or token.lower_ in self.words.trim_words

        while start < end and strip(start):
            start += 1
        while end > start and strip(end - 1):
            end -= 1
        return _Candidate(start, end, "ner", "") if end > start else None


def _split_lines(span: Span) -> list[tuple[int, int]]:
    """Token ranges of ``span`` cut at line breaks: the model sometimes joins a title's last
    words to the date on the next line ("summer school\n\n17.07.2025")."""
    pieces: list[tuple[int, int]] = []
    start = span.start
    for token in span:
        if token.is_space and "\n" in token.text:
            pieces.append((start, token.i))
            start = token.i + 1
    pieces.append((start, span.end))
    return [(a, b) for a, b in pieces if b > a]
