"""Names that go on with the person a body is named after: "Vitebsk State University named
after P.M. Masherov", "Karaganda University named after academician E.A. Buketov". The
person is part of the name, not a person of the article."""

from __future__ import annotations

from spacy.tokens import Doc, Span

#: Lower-case words that may stand between "named after" and the name ("academician").
NAMESAKE_FILLERS = frozenset({"academician", "professor", "the", "saint", "st", "st."})
MAX_NAME_TOKENS = 6


class NamedAfter:
    """Extend an organization over "named after NAME"."""

    def named_after(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """The spans, each extended over a "named after NAME" that follows it; the persons
        those names were read as leave ``doc.spans["persons"]``."""
        persons = list(doc.spans.get("persons", []))
        person_at = {p.start: p for p in persons}
        out, taken = [], []
        for span in spans:
            end = self.namesake_end(doc, span.end, person_at)
            if end is None:
                out.append(span)
                continue
            longer = Span(doc, span.start, end, label=span.label_, span_id=span.id_)
            out.append(longer)
            taken.append(longer)
        if taken:
            doc.spans["persons"] = [
                p for p in persons if not any(t.start <= p.start and p.end <= t.end for t in taken)
            ]
        return out

    @staticmethod
    def namesake_end(doc: Doc, j: int, person_at: dict[int, Span]) -> int | None:
        """Where "named after [academician] NAME" starting at token ``j`` ends, or None."""
        if j + 2 >= len(doc) or (doc[j].lower_, doc[j + 1].lower_) != ("named", "after"):
            return None
        k = j + 2
        while k < len(doc) and doc[k].lower_ in NAMESAKE_FILLERS:
            k += 1
        if k in person_at:
            return person_at[k].end
        end = k
        while end < len(doc) and end - k < MAX_NAME_TOKENS:
            token = doc[end]
            if not (token.text[:1].isupper() and (token.is_alpha or token.text.endswith("."))):
                break
            end += 1
        return end if end > k else None
