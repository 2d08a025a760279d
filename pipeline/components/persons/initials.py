"""Names written as initials and a surname (``person.initials``): "L.V. Orlova",
"Yu.L. Skvortsov", "R.Sh. Valiev", "N.Karimov" (no space), as Russian and Central Asian
sites write them.

The tokenizer cuts such initials in several ways ("Yu" "." "L.", "R.Sh" "."), so the shape is
read on the text: one to three initials of one letter (or a digraph of a Russian letter: Yu,
Ya, Ye, Yo, Zh, Kh, Ts, Ch, Sh), each with its dot, then a
capitalised surname (hyphenated parts allowed). A single initial is a name only where the
surname is no common word and something personal stands around it: a title or honorific
before it, or the model reading the surname as a person ("A. Introduction" in a numbered
list is none); or when the initial is glued to a surname of four letters or more
("K.Holmgren" after "the dean of the Faculty of X").

The surname may come first ("Orlova L.V.", ``person.surname_initials``): two or three initials
after a surname of the region's shape ("-ova", "-enko", "-shvili"), or after any capitalised
surname with a title or honorific before it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .names import _mark

#: Dotted abbreviations of places, which read like initials ("the U.S. Army").
_PLACE_ABBREVIATIONS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "U.S.A.", "U.A.E.", "P.R."})
#: Endings of common nouns, never of a surname after a glued initial ("A.Introduction").
_WORD_ENDINGS = ("tion", "sion", "ment", "ness", "ity")
_SURNAME_INITIALS = re.compile(
    r"(?<![\w.])([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ((?:(?:[A-Z]|Yu|Ya|Ye|Yo|Zh|Kh|Ts|Ch|Sh)\.){2,3})"
    r"(?![\w])"
)
_INITIALS_NAME = re.compile(
    r"(?<![\w.])((?:(?:[A-Z]|Yu|Ya|Ye|Yo|Zh|Kh|Ts|Ch|Sh)\.\s?){1,3})"
    r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w])"
)


class InitialNames:
    """Find names of initials and a surname."""

    def initial_names(self, doc: Doc, titles: set[int]) -> list[Span]:
        """Spans of "initials + surname" names (see the module docstring)."""
        out = []
        # Doc.text is rebuilt from the tokens at each access; the text as read has the same
        # offsets (spaces normalised at the same length)
        for match in _INITIALS_NAME.finditer(doc._.source_text or doc.text):
            initials, surname = match.group(1), match.group(2)
            if initials.replace(" ", "") in _PLACE_ABBREVIATIONS:
                continue
            pieces = [p + "." for p in initials.replace(" ", "").split(".") if p]
            if any(p.lower() in self.lex.honorifics or p.lower() == "st." for p in pieces):
                continue  # "Dr. Chen", "Ms. Wang", "St. Petersburg"
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or "\n" in span.text:
                continue
            last = span[-1]
            if not self.is_name_token(last, titles) or last.is_stop:
                continue
            letters = initials.count(".")
            # "K.Holmgren": an initial glued to a long surname is a name's shape of its own
            glued = (
                letters == 1
                and " " not in initials
                and len(surname) >= 4
                and not surname.endswith(_WORD_ENDINGS)
            )
            if letters < 2 and not glued and not self._personal_context(doc, span):
                continue
            if surname in self.lex.org_heads or surname in self.lex.place_words:
                continue
            out.append(_mark(Span(doc, span.start, span.end, label="PERSON"), "person.initials"))
        return out

    def surname_initial_names(self, doc: Doc, titles: set[int]) -> list[Span]:
        """Spans of "surname + initials" names ("Orlova L.V.", see the module docstring)."""
        out = []
        for match in _SURNAME_INITIALS.finditer(doc._.source_text or doc.text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or "\n" in span.text:
                continue
            first = span[0]
            if not self.is_name_token(first, titles) or first.text in self.lex.org_heads:
                continue
            if not (self.lex.is_surname_shaped(first.text) or self._personal_context(doc, span)):
                continue
            out.append(
                _mark(Span(doc, span.start, span.end, label="PERSON"), "person.surname_initials")
            )
        return out

    def _personal_context(self, doc: Doc, span: Span) -> bool:
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and (
            before.i in self._title_tokens(doc) or self.is_honorific(before)
        ):
            return True
        return span[-1].ent_type_ == "PERSON"

    @staticmethod
    def _title_tokens(doc: Doc) -> set[int]:
        return {t.i for s in doc.spans.get("titles", []) for t in s}
