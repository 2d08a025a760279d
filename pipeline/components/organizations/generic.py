"""Spans that look like organization names but describe, count or hold an event: "American
Universities", "a Top Brazilian University", "the Forum of Rectors of Universities", and a
surname in capitals the model calls an organization ("Yavuz ATAR"); and a country written after
a name ("Lakeside A&M University USA", "Daqing Institute of Mining (China)"), which is no part
of it."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..persons.capitals import CAPITAL_SURNAMES_KEY
from ..tokens import token_texts

ARTICLES = frozenset({"a", "an", "another", "one"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})


class GenericNames:
    """Drop descriptions, events and surnames; trim a country written after a name."""

    def not_a_name(self, doc: Doc, span: Span, persons: list[Span]) -> bool:
        """True for a description, an event or a surname in capitals (see the module)."""
        words = token_texts(doc)[span.start : span.end]
        of = next((k for k, w in enumerate(words) if w.lower() == "of"), len(words))
        before_of = words[:of]
        heads = [w for w in before_of if self.head_word(w)]
        if heads and heads[-1] not in self.lex.org_heads:
            return True  # the head is a plural: "American Universities", "Centers of ..."
        if any(w in self.lex.event_heads for w in before_of):
            return True  # "Forum of Rectors", "MOU Signing Ceremony"
        if self.description(doc, span):
            return True
        if len(words) == 2 and words[1] == "Government" and self.country_or_people(doc[span.start]):
            return True  # "the UK Government", "the Chinese Government": a generic group
        text = " ".join(words)
        if self.lex.is_place_name(text):
            return True  # "Nepal", "THAILAND", "BISHKEK" alone: a place the model calls one
        return len(span) == 1 and self.surname_in_capitals(doc, span[0], persons)

    def head_word(self, text: str) -> bool:
        """An organization head noun, singular or plural ("University", "Universities")."""
        if text in self.lex.org_heads:
            return True
        singular = text[:-3] + "y" if text.endswith("ies") else text[:-1]
        return text.endswith("s") and singular in self.lex.org_heads

    def description(self, doc: Doc, span: Span) -> bool:
        """Only nationalities, generic adjectives and head nouns, with an indefinite article
        before them or a generic adjective among them ("a Chinese University", "Top
        Brazilian University")."""
        words = token_texts(doc)[span.start : span.end]
        generic = [w in self.lex.generic_adjectives for w in words]
        for k, (word, is_generic) in enumerate(zip(words, generic, strict=True)):
            if is_generic or word in self.lex.org_heads:
                continue
            if not _nationality(doc[span.start + k]):
                return False
        before = doc[span.start - 1] if span.start > 0 else None
        article = before is not None and before.lower_ in ARTICLES
        # "Top Brazilian University", with the adjective left out of the span
        adjective = before is not None and before.text in self.lex.generic_adjectives
        return article or adjective or any(generic) or self.opens_event(doc, span.end)

    def opens_event(self, doc: Doc, k: int) -> bool:
        """Capitalised words from token ``k`` that end in an event's head ("... Presidents
        Forum"): "Asian University" in "Asian University Presidents Forum" describes who
        meets."""
        for j in range(k, min(k + 3, len(doc))):
            if not (doc[j].is_alpha and doc[j].text[:1].isupper()):
                return False
            if doc[j].text in self.lex.event_heads:
                return j > k
        return False

    @staticmethod
    def surname_in_capitals(doc: Doc, token, persons: list[Span]) -> bool:
        """A word in capitals the persons component read as a surname, or one standing right
        next to a person's name ("Tae-Ung EOM" with the name cut by the model)."""
        if token.i in doc.user_data.get(CAPITAL_SURNAMES_KEY, frozenset()):
            return True
        return token.text.isupper() and any(
            p.end == token.i or p.start == token.i + 1 for p in persons
        )

    def country_or_people(self, token) -> bool:
        """A country's name or a nationality ("UK", "Chinese")."""
        return self.country(token) or _nationality(token)

    def country(self, token) -> bool:
        """A country's name or short form (USA, UK), whatever label the model gave it."""
        return token.text in self.lex.countries or token.ent_type_ in _PLACE_LABELS

    def without_country(self, doc: Doc, span: Span) -> Span:
        """ "Lakeside A&M University USA", "Daqing Institute of Mining (China)": a country
        written in brackets after a name, or right after its head noun (no "of" before it),
        is left out; a head-first name keeps its place ("Universitas Indonesia")."""
        end = span.end
        if end - span.start > 3 and doc[end - 1].text == ")" and doc[end - 3].text == "(":
            if self.country(doc[end - 2]) and self.has_head(doc, span.start, end - 3):
                return Span(doc, span.start, end - 3, label=span.label_, span_id=span.id_)
            return span
        if end - span.start > 2 and self.country(doc[end - 1]):
            last = doc[end - 2]
            if last.text in self.lex.org_heads and last.text not in self.lex.name_first_heads:
                return Span(doc, span.start, end - 1, label=span.label_, span_id=span.id_)
        return span


_NATIONALITY_ENDINGS = ("an", "ese", "ish", "ic", "i")


def _nationality(token) -> bool:
    """A nationality adjective ("Chinese", "Brazilian", "Turkish", "Iraqi"), by the model's
    label or by its ending (the model often folds it into an organization)."""
    text = token.text
    return token.ent_type_ == "NORP" or (
        text[:1].isupper() and text.isalpha() and text.endswith(_NATIONALITY_ENDINGS)
    )
