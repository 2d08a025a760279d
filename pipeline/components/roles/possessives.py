"""The organization a possessive before a title refers to: "ORG, whose TITLE", "Its TITLE",
"The company's Research Director"."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .phrases import Offsets


class Possessives:
    """Organizations and references ("the company") given by a possessive."""

    def from_possessive(self, doc: Doc, title: Span) -> Offsets | None:
        """ "ORG, whose TITLE": the organization right before the relative pronoun. "Its TITLE":
        the nearest organization (or "the company"-style reference) before it, in this sentence
        or the one before."""
        j = title.start
        if j == 0:
            return None
        word = doc[j - 1].lower_
        if word in self.lex.relative_possessives:
            k = j - 1
            if k > 0 and doc[k - 1].text == ",":
                k -= 1
            mention = self.orgs_end.get(k)
            if mention is not None:
                return (mention.start_char, mention.end_char)
            return self.generic_reference_ending(doc, k)
        if word in self.lex.possessive_pronouns:
            for k in range(j - 1, self.window_start(doc, title), -1):
                mention = self.orgs_end.get(k)
                if mention is not None:
                    return (mention.start_char, mention.end_char)
                reference = self.generic_reference_ending(doc, k)
                if reference is not None:
                    return reference
        return None

    def generic_reference_ending(self, doc: Doc, end: int) -> Offsets | None:
        """ "the company" / "the University" ending at token ``end`` (exclusive), as offsets
        for assembly to resolve, or None."""
        if end < 2 or doc[end - 2].lower_ != "the":
            return None
        head = doc[end - 1]
        if head.text.capitalize() not in self.lex.org_heads:
            return None
        return (doc[end - 2].idx, head.idx + len(head))

    def possessive_reference(self, doc: Doc, start: int) -> Offsets | None:
        """ "The company's Research Director": "The company", for assembly to resolve."""
        if start >= 3 and doc[start - 1].text in {"'s", "’s"}:
            return self.generic_reference_ending(doc, start - 1)
        return None

    def _possessive_org(self, doc: Doc, start: int) -> Span | None:
        if start >= 1 and doc[start - 1].text in {"'s", "’s"}:
            return self.orgs_end.get(start - 1)
        return None
