"""Name tokens and name extents: honorifics, the tokens that may stand in a name, where a
name may start and where it ends; shared by every name rule."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..tokens import (
    has_cyrillic,
    is_capitalised,
    is_initial,
    is_verb_like,
    token_lowers,
    token_texts,
)
from .capitals import capital_surnames
from .words import MAX_NAME_TOKENS


class NameTokens:
    """Classify tokens of names and find the end of a name."""

    def is_honorific(self, token: Token) -> bool:
        """True for Mr., Ms., Dr., Prof., Academician, ...; a dotted honorific written without
        its dot ("Eng Ahmed Ali") is one unless it follows a word of the name ("Tan Eng
        Chye", where "Eng" is a given name)."""
        lower = token.text.lower()
        if lower in self.lex.honorifics:
            return True
        if lower.rstrip(".") not in self.dotted_honorifics:
            return False
        if token.text.endswith("."):
            return True
        doc, i = token.doc, token.i
        if i + 1 < len(doc) and doc[i + 1].text == "." and not token.whitespace_:
            return True  # "Eng" "." split by the tokenizer
        prev = doc[i - 1] if i > 0 else None
        return not (
            prev is not None
            and prev.is_alpha
            and prev.text[:1].isupper()
            and prev.lower_ not in self.lex.honorifics
            and prev.lower_ not in self.dotted_honorifics
            and prev.lower_ not in self.title_words
            and (
                not prev.is_sent_start
                or prev.text in self.lex.chinese_surnames
                or prev.text in self.lex.given_names
            )
        )

    def capitals(self, doc: Doc, titles: set[int]) -> frozenset[int]:
        """Indices of the words in capitals that may be surnames (see :mod:`.capitals`)."""
        return capital_surnames(
            doc, titles, self.not_name_words, self.lex.given_names, self.lex.chinese_surnames
        )

    def is_name_token(self, token: Token, titles: set[int]) -> bool:
        """A token that can stand inside a person's name."""
        text = token.text
        if token.i in titles or self.is_honorific(token) or text in self.lex.headline_verbs:
            return False
        if text in self.lex.org_heads and text not in self.lex.chinese_surnames:
            return False  # "University", but not the surname "Park"
        if text in self.lex.place_words or text in self.lex.company_suffixes:
            return False  # "Ho Chi Minh City", "Orbital Vale Sistemas Ltda"
        if token.is_alpha and len(text) >= 2 and text.isupper():
            if token.i in self.capitals(token.doc, titles):
                return True  # a surname in capitals (ZHANG Wei), whatever the parse says
            if text.title() not in self.lex.chinese_surnames:
                return False  # an acronym (UAS, KFU)
        word = text[:-1] if text.endswith(".") else text  # "Jun." at a stop
        if not (
            is_initial(token)
            or (is_capitalised(token) and word.isalpha())
            or _is_hyphen_part(token)
        ):
            return False
        if has_cyrillic(text):
            return False
        # The parse last, as the costly test: the parser sometimes makes a patronymic a verb
        # ("Igorevna"), which stays a name.
        return not is_verb_like(token) or self.lex.is_patronymic(text)

    def name_starts(self, doc: Doc) -> list[int]:
        """Positions where a name may start: an honorific, a known given name or a Chinese
        surname (the only tokens the name rules start from), found on the token texts."""
        lex = self.lex
        return [
            i
            for i, (text, lower) in enumerate(zip(token_texts(doc), token_lowers(doc), strict=True))
            if text in lex.given_names
            or text in lex.chinese_surnames
            or lower in lex.honorifics
            or lower.rstrip(".") in self.dotted_honorifics
        ]

    def name_word(self, token: Token, titles: set[int]) -> bool:
        """A capitalised alphabetic word that may stand in a name (no initials, no acronyms)."""
        return token.is_alpha and self.is_name_token(token, titles) and not token.is_sent_start

    @staticmethod
    def name_word_follows(doc: Doc, k: int) -> bool:
        """True when the token at ``k`` (if any) is capitalised: the run is part of a longer
        name, e.g. "Kazan Federal" of "Kazan Federal University"."""
        return 0 <= k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha

    def name_end(self, doc: Doc, i: int, titles: set[int]) -> int:
        """Return the end of a name starting at ``i`` (particles allowed inside)."""
        end = i
        while end < len(doc) and end - i < MAX_NAME_TOKENS:
            token = doc[end]
            after_initial = is_initial(doc[end - 1]) or (
                end - 2 > i and self.split_initial(doc, doc[end - 2])
            )
            if end > i and token.is_sent_start and (token.is_stop or not after_initial):
                break  # a name never runs into the next sentence ("... Wang Li. The ...")
            if self.is_name_token(token, titles):
                end += 1
                if token.text.endswith(".") and not is_initial(token):
                    break  # "Jun." ends a sentence
                if end - 1 > i and self.split_initial(doc, token):
                    # "Yu" "." "Zakharov": the tokenizer split the dot of a middle initial; a
                    # name's first word is no initial ("said Prof. Li. According to ...")
                    end += 1
            elif (
                token.text in self.lex.particles
                and end + 1 < len(doc)
                and self.is_name_token(doc[end + 1], titles)
                and end > i
            ):
                end += 1
            else:
                break
        while end > i and (doc[end - 1].text in self.lex.particles or doc[end - 1].text == "-"):
            end -= 1
        return end

    @staticmethod
    def split_initial(doc: Doc, token: Token) -> bool:
        """ "Dmitry Yu. Zakharov" tokenized as "Yu", ".": a one- or two-letter initial."""
        i = token.i
        return (
            len(token.text) <= 2
            and token.text[0].isupper()
            and token.text.isalpha()
            and not token.whitespace_
            and i + 2 < len(doc)
            and doc[i + 1].text == "."
            and doc[i + 2].text[:1].isupper()
        )


def _is_hyphen_part(token: Token) -> bool:
    """A hyphen or the word after it inside a hyphenated name (Anna-Lena, Yat-sen)."""
    doc = token.doc
    if token.text == "-":
        return not token.whitespace_ and token.i > 0 and not doc[token.i - 1].whitespace_
    return (
        token.i > 0
        and doc[token.i - 1].text == "-"
        and not doc[token.i - 1].whitespace_
        and token.is_alpha
    )


def _mark(span: Span, rule_id: str) -> Span:
    span.id_ = rule_id
    return span
