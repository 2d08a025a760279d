"""Validating a Matcher match: split it into number, modifiers and head, and drop what is not
a count (ordinals, compounds, dates, names, objects lacking a required modifier, numbers that
do not reach the head in the parse).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..tokens import token_texts
from .labels import (
    AGREEMENT_LABEL,
    GENITIVE_MARKERS,
    NAME_ENTITIES,
    NON_COUNT_ENTITIES,
    NOUN_LABELS,
    NOUN_PHRASE_DEPS,
    PRENOMINAL_DEPS,
    QUANTITY_LABEL,
    TOTAL_LABEL,
)
from .lexicons import Lexicons
from .number_words import _NON_VALUE_KINDS, EXACT, Qualifier, _parse_digits
from .partnership import PartnershipContext
from .spans import _Candidate

#: Units of time a number before the counted noun may measure ("two 5-year agreements").
DURATION_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})


class _CandidateChecks:
    """Matches to validated candidates; a part of :class:`AgreementCounter`, which sets these."""

    lexicons: Lexicons
    labels: dict[str, str]
    _modifier_stop: frozenset[str]
    _elliptical_heads: frozenset[str]
    _subset_markers: frozenset[str]
    _partner_nouns: frozenset[str]
    _partnership: PartnershipContext

    def _candidate(
        self, doc: Doc, rule_id: str, start: int, end: int, parsed: bool
    ) -> _Candidate | None:
        label = self.labels[rule_id]
        if label not in NOUN_LABELS:
            return self._bare_candidate(doc, rule_id, label, start, end, parsed)
        # Quantities have an open-class head; without a parse nothing tells the counted noun
        # from the next word, so they are left out rather than guessed.
        if label == QUANTITY_LABEL and not parsed:
            return None
        head = end - 1
        split = self._split_number(doc, start, head)
        if split is None:
            return None
        number_end, count = split
        if not self._plausible(doc, label, start, number_end, head, parsed):
            return None
        qualifier, qualifier_start = self._qualifier(doc, start)
        return _Candidate(label, rule_id, qualifier_start, start, number_end, end, count, qualifier)

    def _bare_candidate(
        self, doc: Doc, rule_id: str, label: str, start: int, end: int, parsed: bool
    ) -> _Candidate | None:
        """A number without a counted noun of its own, with link words ("with", "including")."""
        # What such a number counts is only found through the parse.
        if not parsed:
            return None
        # A total is the number alone, "including [qualifier] N" ends in it, and the others
        # end in at least one link word after it.
        leading = doc[start].lower_ in self._subset_markers
        if label == TOTAL_LABEL:
            number_start, split = start, self._split_number(doc, start, end)
        elif leading:
            number_start, split = self._number_suffix(doc, start + 1, end)
        else:
            number_start, split = start, self._split_number(doc, start, end - 1)
        if split is None:
            return None
        number_end, count = split
        link = doc[number_end:end]
        if (label == TOTAL_LABEL or leading) and link:
            return None
        if label == TOTAL_LABEL and self._total_phrase(doc, start, number_end) is None:
            return None
        # "including 300 students": the number counts a noun of its own, not a subset.
        if leading and doc[number_start:number_end].root.head.i != start:
            return None
        start = number_start
        if count < self.lexicons.objects.ellipsis.min_count or any(
            self._is_number_word(t) for t in link
        ):
            return None
        if not self._standalone_number(doc, start, number_end, len(doc)):
            return None
        number = doc[start:number_end]
        if any(t.ent_type_ in NAME_ENTITIES | NON_COUNT_ENTITIES for t in number):
            return None
        # "five more students": "more" modifies a noun of its own, which the number counts.
        last = doc[end - 1]
        if (
            last.lower_ in self._elliptical_heads
            and last.head.i > last.i
            and last.dep_ in PRENOMINAL_DEPS | {"nummod", "advmod", "quantmod"}
        ):
            return None
        qualifier, qualifier_start = self._qualifier(doc, start)
        return _Candidate(label, rule_id, qualifier_start, start, number_end, end, count, qualifier)

    def _number_suffix(self, doc: Doc, start: int, end: int) -> tuple[int, tuple[int, int] | None]:
        """Return ``(number_start, (end, value))`` for the longest number ending at ``end``."""
        numbers = self.lexicons.numbers
        texts = token_texts(doc)
        for number_start in range(start, end):
            value = numbers.parse(" ".join(texts[number_start:end]))
            if value is not None:
                return number_start, (end, value)
        return start, None

    def _split_number(self, doc: Doc, start: int, head: int) -> tuple[int, int] | None:
        """Return ``(number_end, value)`` for the longest number prefix of ``doc[start:head]``."""
        numbers = self.lexicons.numbers
        texts = token_texts(doc)
        for number_end in range(head, start, -1):
            value = numbers.parse(" ".join(texts[start:number_end]))
            if value is not None:
                return number_end, value
        return None

    def _standalone_number(self, doc: Doc, start: int, number_end: int, limit: int) -> bool:
        """False for the tail of a longer number ("five" of "twenty-five") or a compound.

        ``limit`` is where the words that may follow the number end (the counted head).
        """
        hyphens = self.lexicons.numbers.hyphens
        # A match that starts inside a longer number is not a count of its own; the longer
        # match carries it. A hyphen followed by a space is a dash or a bullet ("- two joint
        # programmes"), not part of a number.
        previous = doc[start - 1] if start > 0 else None
        if previous is not None and (
            self._is_number_word(previous)
            or (previous.text in hyphens and not previous.whitespace_)
        ):
            return False
        # "three-year agreement", "two-thirds": a hyphen right after the number makes it part
        # of a compound modifier, not a count of the head.
        return not (number_end < limit and doc[number_end].text in hyphens)

    def _plausible(
        self, doc: Doc, label: str, start: int, number_end: int, head: int, parsed: bool
    ) -> bool:
        if not self._standalone_number(doc, start, number_end, head):
            return False
        modifiers = doc[number_end:head]
        if any(
            (self._is_number_word(t) and not self._duration(doc, t.i, head))
            or t.lower_ in self._modifier_stop
            for t in modifiers
        ):
            return False
        number = doc[start:number_end]
        if any(t.ent_type_ in NAME_ENTITIES for t in number):
            return False
        if label == QUANTITY_LABEL and not self._plausible_quantity(doc, number, head):
            return False
        if label == AGREEMENT_LABEL:
            # "two 5-year agreements": the model's DATE takes the count into the duration
            in_duration = (
                self._is_number_word(doc[number_end])
                and self._duration(doc, number_end, head)
                and not any(len(t.text) == 4 and t.text.isdigit() for t in number)  # a year
            )
            if not in_duration and any(t.ent_type_ in NON_COUNT_ENTITIES for t in number):
                return False
            if not self._kind_allows(doc[head], modifiers, parsed):
                return False
            if self._both_parties(doc, start, number_end, head):
                return False
        if parsed:
            head_token = doc[head]
            if head_token.dep_ in PRENOMINAL_DEPS and head_token.head.i > head:
                return False
            if not any(_reaches(doc[i], head_token, start) for i in range(start, number_end)):
                return False
        return True

    def _duration(self, doc: Doc, i: int, head: int) -> bool:
        """A number that measures time before the head ("two 5-year agreements", "three
        10 year contracts"): a modifier of the head, not a second count."""
        k = i + 1
        if k < head and doc[k].text in self.lexicons.numbers.hyphens:
            k += 1
        return k < head and doc[k].lower_ in DURATION_UNITS

    def _kind_allows(self, head: Token, modifiers: Iterable[Token], parsed: bool) -> bool:
        """True when ``head`` is an object head whose required modifier (or partner) is there."""
        kind = self.lexicons.objects.kind_of(head.text)
        if kind is None:
            return False
        required = {w.lower() for w in kind.requires}
        if not required or required & {t.lower_ for t in modifiers}:
            return True
        if kind.context_suffices and parsed and self._partnership(head):
            return True
        return kind.counterparty_suffices and parsed and self._has_partner(head)

    def _both_parties(self, doc: Doc, start: int, number_end: int, head: int) -> bool:
        """ "The two universities signed an agreement", "between two historic universities":
        the parties themselves, not a count of partners (a modifier after "the" makes it one:
        "the two Malaysian universities")."""
        kind = self.lexicons.objects.kind_of(doc[head].text)
        if kind is None or not kind.context_suffices:
            return False
        if doc[start:number_end].text.lower() not in {"two", "2"} or start == 0:
            return False
        before = doc[start - 1].lower_
        if before == "between":
            return True  # "a collaboration between two historic universities"
        return number_end == head and before in {"the", "these", "both"}

    def _has_partner(self, head: Token) -> bool:
        """True when ``head`` has a "with" phrase naming a partner (an entity or partner noun)."""
        partner = self._counterparty_object(head)
        if partner is None:
            return False
        return partner.ent_type_ in NAME_ENTITIES or partner.lower_ in self._partner_nouns

    @staticmethod
    def _plausible_quantity(doc: Doc, number: Span, head: int) -> bool:
        # "In 2023 students ...": a date entity that stops short of the head is a date, while
        # "5 years" (one DATE entity with its head) is a quantity.
        for token in number:
            if token.ent_type_ in NON_COUNT_ENTITIES and not _same_entity(token, doc[head]):
                return False
        # A capitalised number word inside a sentence is part of a name ("One Belt, One Road").
        first = number[0]
        return not (first.is_title and first.is_alpha and not first.is_sent_start)

    def _is_number_word(self, token: Token) -> bool:
        """True for digits and number words ("60", "twenty", "dozen"); ordinals are not."""
        kind = self.lexicons.numbers.word_kind(token.text)
        return _parse_digits(token.text) is not None or (
            kind is not None and kind not in _NON_VALUE_KINDS
        )

    def _qualifier(self, doc: Doc, start: int) -> tuple[Qualifier, int]:
        """Return the qualifier before the number at ``start``, and where its phrase starts."""
        numbers = self.lexicons.numbers
        # A qualifier never crosses a line break, so the window stops at whitespace tokens.
        window: list[str] = []
        for token in reversed(doc[max(0, start - numbers.max_qualifier_words) : start]):
            if token.is_space:
                break
            window.insert(0, token.text)
        qualifier, size = numbers.qualifier(window)
        if size == 0:
            return EXACT, start
        return qualifier, start - size


def _same_entity(first: Token, second: Token) -> bool:
    """True when both tokens lie in one named entity."""
    if first.ent_iob_ == "O" or second.ent_iob_ == "O":
        return False
    low, high = sorted((first.i, second.i))
    return all(t.ent_iob_ == "I" for t in first.doc[low + 1 : high + 1])


def _reaches(token: Token, head: Token, lower: int) -> bool:
    """True when ``token`` hangs on ``head`` through noun-phrase-internal dependencies only."""
    while token.i != head.i:
        inside = token.dep_ in NOUN_PHRASE_DEPS or _descriptive_genitive(token)
        if not inside or token.head.i == token.i:
            return False
        token = token.head
        if not lower <= token.i <= head.i:
            return False
    return True


def _descriptive_genitive(token: Token) -> bool:
    """True for a singular possessor marked by "'s" ("master's" in "two master's programmes")."""
    return token.dep_ == "poss" and any(
        c.dep_ == "case" and c.lower_ in GENITIVE_MARKERS for c in token.children
    )
