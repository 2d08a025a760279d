"""The publication date: the first full date on a labelled boilerplate line ("Published:"
before "Updated:"), else a line holding only a date near the top or the bottom.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..lines import line_spans
from .candidates import _Candidate
from .normaliser import DateNormaliser
from .values import Reading
from .words import DateWords


class _PublicationDate:
    """Candidates to the publication date; a part of :class:`Dates`, which sets these."""

    words: DateWords
    normaliser: DateNormaliser
    published_rules: frozenset[str]
    top_lines: int
    bottom_lines: int

    def _published(
        self, doc: Doc, candidates: list[_Candidate]
    ) -> tuple[_Candidate, Reading, str] | None:
        """Find the publication date: a labelled line, else a date-only line near top or bottom.

        Labelled lines whose label says "updated" rank last, so "Published: ..." wins over
        "Updated: ..." wherever they stand; among equals the first in the text wins.
        """
        lines = list(line_spans(doc))
        labelled: list[tuple[_Candidate, Reading, str]] = []
        updated: list[tuple[_Candidate, Reading, str]] = []
        for line in doc.spans.get("boilerplate", []):
            if line.id_ not in self.published_rules:
                continue
            found = self._first_day(doc, candidates, line)
            if found is not None:
                target = updated if line[0].lower_ in self.words.update_labels else labelled
                target.append((*found, line.id_))
        if labelled:
            return labelled[0]
        positional = [("top_line", lines[: self.top_lines])]
        positional.append(("bottom_line", lines[-self.bottom_lines :][::-1]))
        for source, region in positional:
            for line in region:
                found = self._date_only_line(doc, candidates, line)
                if found is not None:
                    return (*found, source)
        return updated[0] if updated else None

    def _first_day(
        self, doc: Doc, candidates: list[_Candidate], line: Span
    ) -> tuple[_Candidate, Reading] | None:
        for cand in candidates:
            if line.start <= cand.start and cand.end <= line.end:
                reading = self._absolute_day(doc, cand)
                if reading is not None:
                    return cand, reading
        return None

    def _date_only_line(
        self, doc: Doc, candidates: list[_Candidate], line: Span
    ) -> tuple[_Candidate, Reading] | None:
        for cand in candidates:
            if line.start <= cand.start and cand.end <= line.end:
                rest = [t for t in line if not cand.start <= t.i < cand.end]
                if all(t.is_punct or t.is_space for t in rest):
                    reading = self._absolute_day(doc, cand)
                    return (cand, reading) if reading is not None else None
        return None

    def _absolute_day(self, doc: Doc, cand: _Candidate) -> Reading | None:
        reading = self.normaliser.read(doc[cand.start : cand.end].text, None)
        if reading.date.granularity == "day" and reading.date.anchor == "absolute":
            return reading
        return None
