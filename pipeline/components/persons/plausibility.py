"""Whether a candidate is a person's name: not part of an organization's, a place's, an
award's or a ship's name, nor a namesake ("named after X")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..tokens import has_cyrillic, is_capitalised, is_verb_like

#: Countries whose names are also common surnames or given names ("Michael Jordan").
NAME_COUNTRIES = frozenset({"Jordan", "Chad", "Georgia", "Israel", "Kenya", "Lesotho"})


class Plausibility:
    """Reject candidates that name something other than a person."""

    def plausible(self, doc: Doc, span: Span) -> bool:
        """Reject names that run into an organization (``Sun Yat-sen University``), a place
        (``Ho Chi Minh City``) or an award (``the Yuan Longping Prize``: a namesake), or that
        complete an organization's name (``Universität für Bodenkultur Wien``)."""
        if span.text.replace(" ", "") in self.lex.post_nominals:
            return False  # "M.Hum", "Sp.S.": a degree after a name
        k = span.start
        if (
            k >= 2
            and doc[k - 1].lower_ in self.lex.org_connectors
            and doc[k - 2].text in self.lex.org_heads
        ):
            return False
        if (
            len(span) > 1
            and self.lex.is_country(span[-1].text)
            and span[-1].text not in NAME_COUNTRIES
        ):
            return False  # "Riverton Japan": a place and its country, not a name
        if (
            len(span) > 1
            and span[-1].text in self.lex.org_heads
            and span[-2].text in self.lex.field_words
        ):
            return False  # "Tartu Science Park": a head after a field word, not "Park" the surname
        if any(t.text in self.lex.award_words for t in span):
            return False  # "Heng Medal" of "the Zhang Heng Medal": an award's word
        after_the = self.after_the(doc, span)
        if len(span) > 1 and self.namesake_word(span[-1].text, after_the):
            return False  # "Marie Skłodowska-Curie Actions", "the Jan Heweliusz Hall"
        if k >= 1 and doc[k - 1].text in self.lex.name_first_heads:
            return False  # "Universiti Teknologi Nusantara": the name of a university
        if k >= 1 and doc[k - 1].text in self.lex.feature_words and doc[k - 1].text[:1].isupper():
            return False  # "San Pedro Sula", "São Carlos", "Lake Victoria": a place's name
        j = span.end
        # a title right after the name ends it: "Amir Haddad Director School of Law"
        title_starts = {t.start for t in doc.spans.get("titles", [])}
        while (
            j < len(doc)
            and j not in title_starts
            and (is_capitalised(doc[j]) or doc[j].text == "-")
            and not doc[j].is_space
            and doc[j].text not in self.lex.headline_verbs
            and not is_verb_like(doc[j])
        ):
            word = doc[j].text
            if word in self.lex.org_heads or word in self.lex.place_words:
                return False  # "... University", "Ho Chi Minh City"
            if word in self.lex.award_words or self.namesake_word(word, after_the):
                return False  # "the Yuan Longping Prize ...", "the Vernadsky Programme"
            j += 1
        return not has_cyrillic(span.text)

    def namesake_word(self, word: str, after_the: bool) -> bool:
        """A word that makes the name before it a thing's ("Actions", "Programme"; "Hall"
        only after "the", as it is also a surname)."""
        return word in self.lex.namesake_words or (
            after_the and word in self.lex.namesake_words_after_the
        )

    @staticmethod
    def after_the(doc: Doc, span: Span) -> bool:
        """Whether "the" stands before the name, over capitalised words ("the Jan Heweliusz
        Hall" when the model's name is "Heweliusz Hall")."""
        k = span.start - 1
        while k >= 0 and is_capitalised(doc[k]):
            k -= 1
        return k >= 0 and doc[k].lower_ == "the"

    @staticmethod
    def named_after(doc: Doc, span: Span) -> bool:
        """ "University of Uzbekistan named after Mirzo Ulugbek": a namesake, not a participant."""
        k = span.start - 1
        while (
            k >= 0
            and k >= span.start - 8
            and doc[k].lower_ not in {"after", ".", ";"}
            and "\n" not in doc[k].text
        ):
            k -= 1  # "named after the first President of Russia B.N. Yeltsin", in one clause
        return k >= 1 and doc[k].lower_ == "after" and doc[k - 1].lower_ == "named"

    def vessel(self, doc: Doc, span: Span) -> bool:
        """ "Akademik Oparin", "the R/V Polarstern": a ship's name, not a person."""
        before = doc[span.start - 1].text if span.start > 0 else ""
        return span[0].text in self.lex.vessel_prefixes or before in self.lex.vessel_prefixes
