"""Names next to a job title: ``person.after_title`` ("Deputy Director Gao Jun") and
``person.before_title`` ("Hu Jinbo, Director of ...")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .names import _mark
from .words import FILLERS_BEFORE_TITLE, MAX_NAME_TOKENS


class AroundTitles:
    """Find names right after or right before a title."""

    def after_title(
        self, doc: Doc, title: Span, titles: set[int], honorifics: dict[int, tuple[int, int]]
    ) -> Span | None:
        """``Deputy Director Gao Jun``: two or more name tokens right after a title."""
        j = title.end
        first = j
        while j < len(doc) and self.is_honorific(doc[j]):
            j += 1
        end = self.name_end(doc, j, titles)
        if end - j < 2:
            return None
        if j > first:
            honorifics[j] = (doc[first].idx, doc[j - 1].idx + len(doc[j - 1]))
        span = _mark(Span(doc, j, end, label="PERSON"), "person.after_title")
        return span if self.plausible(doc, span) else None

    def before_title(self, doc: Doc, title: Span, titles: set[int]) -> Span | None:
        """``Hu Jinbo, Director of ...``: a name, a comma, optional fillers, then a title."""
        j = title.start - 1
        while j >= 0 and doc[j].lower_ in FILLERS_BEFORE_TITLE:
            j -= 1
        if j < 1 or doc[j].text != ",":
            return None
        while j >= 2 and doc[j - 1].text in self.lex.post_nominals and doc[j - 2].text == ",":
            j -= 2  # "Petr Dvorak, Ph.D., Vice-Rector"
        end = j
        start = end
        while (
            start > 0
            and end - start < MAX_NAME_TOKENS
            and (
                self.is_name_token(doc[start - 1], titles)
                or doc[start - 1].text in self.lex.particles
            )
        ):
            start -= 1
        while start < end and doc[start].is_stop:
            start += 1  # sentence-initial "The", "In"
        if end - start < 2 or any(t.ent_type_ in {"GPE", "LOC", "NORP"} for t in doc[start:end]):
            return None
        return _mark(Span(doc, start, end, label="PERSON"), "person.before_title")
