"""The model's PERSON entities, trimmed to the name itself (``person.ner``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..tokens import is_initial
from .words import MAX_NAME_TOKENS


class NerPersons:
    """Clean the model's PERSON entities."""

    def clean(
        self,
        doc: Doc,
        start: int,
        end: int,
        titles: set[int],
        honorifics: dict[int, tuple[int, int]],
    ) -> Span | None:
        """Trim an NER PERSON span to the name itself, or return None when it is no name."""
        first = start
        while start < end and (
            self.is_honorific(doc[start])
            or doc[start].i in titles
            or not (doc[start].is_alpha or is_initial(doc[start]))
        ):
            start += 1
        if start > first and self.is_honorific(doc[start - 1]):
            honorifics[start] = (doc[first].idx, doc[start - 1].idx + len(doc[start - 1]))
        while end - start > 1 and doc[end - 1].i in titles:
            end -= 1  # "G. Lind Counselor": a title the model took into the name
        while end > start and not (doc[end - 1].is_alpha or is_initial(doc[end - 1])):
            if doc[end - 1].text.rstrip(".").isalpha():  # "Jun." at a sentence end
                break
            end -= 1
        if end <= start or doc[start].text in self.lex.feature_words:
            return None  # "Mount Merapi", "São Carlos"
        if start == first and end - start >= 2 and self.first_name_left_out(doc, start, titles):
            start -= 1  # "the Rector, Maite" + "Moreno Varga": the model cut the name
        while (
            end < len(doc)
            and doc[end - 1].text in self.lex.particles
            and self.is_name_token(doc[end], titles)
        ):
            end += 1  # a name never ends in a particle: "Ursula von der" + "Leyen"
        while (
            end + 1 < len(doc)
            and doc[end].text in self.lex.particles
            and doc[end].text.islower()
            and self.is_name_token(doc[end + 1], titles)
        ):
            end += 2  # "Nurul Huda" + "binti Rahman": a particle continues the name
        if (
            end < len(doc)
            and (end + 1 == len(doc) or "\n" in doc[end + 1].text)
            and doc[end].text.isalpha()
            and not doc[end].ent_type_
            and self.is_name_token(doc[end], titles)
        ):
            end += 1  # "Photo by Luis Alberto Gómez Ruiz": the line's last word, left out
        # "Kenta" + "SAITO", "TANAKA" + "Hiroshi": a surname in capitals the model left out
        caps = self.capitals(doc, titles)
        while end < len(doc) and end in caps and end - start < MAX_NAME_TOKENS:
            end += 1
        while start > 0 and start - 1 in caps and end - start < MAX_NAME_TOKENS:
            start -= 1
        words = doc[start:end]
        if any(
            not self.is_name_token(t, titles) and t.text not in self.lex.particles for t in words
        ):
            return None
        return Span(doc, start, end, label="PERSON")

    def first_name_left_out(self, doc: Doc, start: int, titles: set[int]) -> bool:
        """A capitalised word right before the model's name, at the start of a name slot
        (after a comma, a bracket, a line break, an honorific or a title), which the model
        tagged as nothing: the name's first word, left out ("Rector, Maite Moreno
        Varga", "Officer, Bertil G. Lind")."""
        if start == 0:
            return False
        word = doc[start - 1]
        if word.ent_type_ or word.is_sent_start or not word.is_alpha or word.is_stop:
            return False
        if not self.is_name_token(word, titles) or word.text.isupper():
            return False
        before = doc[start - 2] if start >= 2 else None
        return (
            before is None
            or before.text in {",", "(", ";", ":"}
            or before.is_space
            or self.is_honorific(before)
            or before.i in titles
        )
