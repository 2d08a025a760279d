"""Short forms of a name the text gives in full: "Halvorsen Mada" of "Halvorsen Mada
University", "Kyoto Halvorsen" of "Kyoto Halvorsen University". The model often reads such a
pair of capitalised words as a person ("Halvorsen Mada and Lakeside are ready to ..."); a name
that is exactly an organization's name without its head noun, with no honorific or title of
its own, and coordinated with another organization or short form ("Hill, Lakeside, and Kyoto
Halvorsen"), is the organization's short form. Alone it may be the namesake himself ("founded
by Anna Berg")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..tokens import token_texts


class ShortForms:
    """Take the short forms of organizations back from the persons."""

    def short_forms(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Organization mentions for the persons that are short forms of ``spans``; those
        persons leave ``doc.spans["persons"]``."""
        stems = {
            tuple(t.text for t in span[:-1])
            for span in spans
            if len(span) >= 2 and span[-1].text in self.lex.org_heads
        }
        if not any(len(stem) >= 2 for stem in stems):
            return []
        persons = list(doc.spans.get("persons", []))
        titled = {t.end for t in doc.spans.get("titles", [])}
        texts = token_texts(doc)
        taken, out = [], []
        for person in persons:
            words = tuple(texts[person.start : person.end])
            if len(words) < 2 or words not in stems or person._.honorific or person.start in titled:
                continue
            if person.end < len(doc) and texts[person.end] in self.lex.org_heads:
                continue  # the full name itself
            if not self.coordinated_with_org(doc, person, stems, spans):
                continue
            taken.append(person)
            out.append(Span(doc, person.start, person.end, label="ORG", span_id="org.short_form"))
        if taken:
            doc.spans["persons"] = [p for p in persons if p not in taken]
        return out

    @staticmethod
    def coordinated_with_org(
        doc: Doc, person: Span, stems: set[tuple[str, ...]], spans: list[Span]
    ) -> bool:
        """An organization, or another short form, across "and" or a comma next to ``person``."""
        texts = token_texts(doc)
        starts = {s.start for s in spans}
        ends = {s.end for s in spans}
        j = person.start
        while j > 0 and texts[j - 1] in _JOINERS:
            j -= 1
        if j < person.start and (
            j in ends or any(tuple(texts[j - len(s) : j]) == s for s in stems if len(s) <= j)
        ):
            return True
        k = person.end
        while k < len(doc) and texts[k] in _JOINERS:
            k += 1
        return k > person.end and (
            k in starts or any(tuple(texts[k : k + len(s)]) == s for s in stems)
        )


_JOINERS = frozenset({"and", ",", "&"})
