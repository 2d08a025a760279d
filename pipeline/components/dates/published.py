"""The publication date: the first full date on a labelled boilerplate line ("Published:"
before "Updated:"), else a date line near the top (a date beside page fields only, see
:mod:`.date_lines`), else a press release's dateline at the top, else a date line near the
bottom.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..lines import line_spans
from .candidates import _Candidate
from .date_lines import DateLineWords, is_date_line, is_dateline
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
    line_words: DateLineWords

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
        # The last line is a bottom line, also in a text of a few lines.
        for line in lines[: min(self.top_lines, len(lines) - 1)]:
            found = self._date_only_line(doc, candidates, line)
            if found is not None:
                return (*found, "top_line")
        for line in lines[: self.top_lines]:
            found = self._dateline(doc, candidates, line)
            if found is not None:
                return (*found, "dateline")
        for line in lines[-self.bottom_lines :][::-1]:
            found = self._date_only_line(doc, candidates, line)
            if found is not None:
                return (*found, "bottom_line")
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
                if is_date_line(line, cand.start, cand.end, self.line_words):
                    reading = self._absolute_day(doc, cand)
                    if reading is not None:
                        return cand, reading
        return None

    def _dateline(
        self, doc: Doc, candidates: list[_Candidate], line: Span
    ) -> tuple[_Candidate, Reading] | None:
        for cand in candidates:
            if line.start <= cand.start and cand.end <= line.end:
                if is_dateline(doc, line, cand.start, cand.end, self.line_words):
                    reading = self._absolute_day(doc, cand)
                    if reading is not None:
                        return cand, reading
        return None

    def _absolute_day(self, doc: Doc, cand: _Candidate) -> Reading | None:
        reading = self.normaliser.read(doc[cand.start : cand.end].text, None)
        if reading.date.granularity == "day" and reading.date.anchor == "absolute":
            return reading
        return None
