"""Name rules beyond a start token: Russian-style patronymic full names
(``person.patronymic``), a given name and a surname of the region's shape
(``person.surname_shape``) and names coordinated with a known name (``person.coordinated``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..tokens import is_initial, token_texts
from .names import _is_hyphen_part, _mark


class NameRules:
    """Find patronymic full names and coordinated names."""

    def capital_surname_names(self, doc: Doc, titles: set[int]) -> list[Span]:
        """ "WANG Jinlong", "Vasyl HORDIYENKO": a surname in capitals (see :mod:`.capitals`) with
        the ordinary-case name words next to it (two at most), surname first or last."""
        out = []
        for k in sorted(self.capitals(doc, titles)):
            end = k + 1
            while end < len(doc) and end - k <= 2 and self._plain_name_word(doc[end], titles):
                end += 1
            while (
                end + 1 < len(doc)
                and _is_hyphen_part(doc[end])
                and self._plain_name_word(doc[end + 1], titles)
            ):
                end += 2  # "CHOI Oe-chool"
            start = k
            if end == k + 1:
                while start > 0 and k - start < 2 and self._plain_name_word(doc[start - 1], titles):
                    start -= 1
                while (
                    start > 1
                    and _is_hyphen_part(doc[start - 1])
                    and self._plain_name_word(doc[start - 2], titles)
                ):
                    start -= 2  # "Jia-Hao LIN"
            if end - start < 2 or not self._personal_pair(doc, start, end, titles):
                continue
            span = _mark(Span(doc, start, end, label="PERSON"), "person.capital_surname")
            if self.plausible(doc, span):
                out.append(span)
        return out

    def _plain_name_word(self, token, titles: set[int]) -> bool:
        return (
            (token.is_alpha or "-" in token.text)
            and not token.is_upper
            and not token.is_stop
            and self.is_name_token(token, titles)
        )

    def _personal_pair(self, doc: Doc, start: int, end: int, titles: set[int]) -> bool:
        """A known or hyphenated given name, the model's person, or a title or honorific
        right before: "Both KNU", "Partnership KNUST" are none."""
        words = doc[start:end]
        if any(t.ent_type_ == "PERSON" for t in words):
            return True
        if any(
            t.text in self.lex.given_names
            or t.text.title() in self.lex.chinese_surnames
            or "-" in t.text
            for t in words
        ):
            return True  # a hyphen token inside the span is a hyphenated given name
        before = doc[start - 1] if start > 0 else None
        return before is not None and (before.i in titles or self.is_honorific(before))

    def surname_shaped_names(self, doc: Doc, titles: set[int]) -> list[Span]:
        """ "Aigul Bekova", "Timur Karimov", "Nino Beridze": a capitalised word and a word
        with a surname ending of Russia, Ukraine, the Caucasus or Central Asia, both name
        words, the first not opening its sentence unless a name word follows no further."""
        texts = token_texts(doc)
        out = []
        for k in range(1, len(texts)):
            if not self.lex.is_surname_shaped(texts[k]):
                continue
            first = doc[k - 1]
            if not (first.is_alpha and first.text[:1].isupper()) or first.is_upper:
                continue
            if (
                first.text in self.lex.countries
                or first.text in self.lex.field_words
                or first.ent_type_ in {"GPE", "NORP"}
            ):
                continue  # "Uzbekistan Rahimzoda", "Science Petrova": no given name
            if not (self.is_name_token(first, titles) and self.is_name_token(doc[k], titles)):
                continue
            span = _mark(Span(doc, k - 1, k + 1, label="PERSON"), "person.surname_shape")
            if self.plausible(doc, span):
                out.append(span)
        return out

    def patronymic_names(self, doc: Doc, titles: set[int]) -> list[Span]:
        """Russian-style full names: given name, patronymic, surname ("Ilnur Faritovich
        Sabirov"), whatever the given name; the middle word ends in a patronymic suffix."""
        texts = token_texts(doc)
        out = []
        for m in range(1, len(texts) - 1):
            if not self.lex.is_patronymic(texts[m]):
                continue
            trio = doc[m - 1 : m + 2]
            if any(not self.is_name_token(t, titles) or is_initial(t) for t in trio):
                continue
            if doc[m + 1].is_sent_start or doc[m].is_sent_start:
                continue
            out.append(_mark(Span(doc, m - 1, m + 2, label="PERSON"), "person.patronymic"))
        return out

    def coordinated(self, doc: Doc, people: list[Span], titles: set[int]) -> list[Span]:
        """ "Abena Darko and Musa Garba Idris", "Ane Urkiola and Koldo Iturbe": two to four
        name words joined by "and" to a person's name are a person's name too (honorifics
        aside: "Nerea Aranburu and Dr. Mikel Lasa")."""
        out = []
        for person in people:
            after = person.end
            if after + 2 < len(doc) and doc[after].lower_ == "and":
                first = after + 1
                while first < len(doc) and self.is_honorific(doc[first]):
                    first += 1
                end = first
                while end < len(doc) and end - first < 4 and self.name_word(doc[end], titles):
                    end += 1
                if 2 <= end - first <= 4 and not self.name_word_follows(doc, end):
                    span = Span(doc, first, end, label="PERSON")
                    if self.plausible(doc, span):
                        out.append(_mark(span, "person.coordinated"))
            before = person.start - 1
            while before > 0 and self.is_honorific(doc[before]):
                before -= 1
            if before >= 2 and doc[before].lower_ == "and":
                start = before
                while start > 0 and before - start < 4 and self.name_word(doc[start - 1], titles):
                    start -= 1
                if 2 <= before - start <= 4 and not self.name_word_follows(doc, start - 1):
                    span = Span(doc, start, before, label="PERSON")
                    if self.plausible(doc, span):
                        out.append(_mark(span, "person.coordinated"))
        return out
