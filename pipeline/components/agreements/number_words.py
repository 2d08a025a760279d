"""Number words: reading "60", "1,000", "twenty-five" or "a dozen" as an integer, and the
qualifier phrase ("more than", "nearly") that ends right before a number (``rules/numbers.json``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Qualifier = Literal["exact", "more_than", "less_than", "about", "at_least", "up_to"]
EXACT: Qualifier = "exact"


class NumberLexicon(BaseModel):
    """``rules/numbers.json``: number words and qualifier phrases.

    Attributes:
        comment: free text for rule writers.
        units: "one" .. "nineteen"; add to the current group.
        tens: "twenty" .. "ninety"; add to the current group.
        multipliers: "hundred", "dozen"; multiply the current group.
        scales: "thousand", "million"; close the current group.
        articles: "a", "an"; may open a number before a multiplier or scale ("a dozen").
        joiners: "and" and hyphens inside a number ("twenty-five", "a hundred and twenty").
        qualifiers: phrase -> qualifier ("more than" -> ``more_than``).
        ordinals: "first" .. "twentieth" -> value, for ordinals that number partners.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    comment: str | None = None
    units: dict[str, int]
    tens: dict[str, int]
    multipliers: dict[str, int]
    scales: dict[str, int]
    ordinals: dict[str, int] = Field(default_factory=dict)
    articles: list[str]
    joiners: list[str] = Field(min_length=1)
    qualifiers: dict[str, Qualifier]

    @cached_property
    def _kinds(self) -> dict[str, tuple[str, int]]:
        """Every word by its grammatical kind and value (a plain attribute once computed:
        pydantic's private attributes are slow to read, and this is read per candidate)."""
        kinds: dict[str, tuple[str, int]] = {}
        for kind, table in (
            ("unit", self.units),
            ("ten", self.tens),
            ("multiplier", self.multipliers),
            ("scale", self.scales),
        ):
            for word, value in table.items():
                kinds[word.lower()] = (kind, value)
        for word in self.articles:
            kinds[word.lower()] = ("article", 0)
        for word in self.joiners:
            kinds[word.lower()] = ("joiner", 0)
        return kinds

    @cached_property
    def _qualifier_words(self) -> dict[tuple[str, ...], Qualifier]:
        """Qualifier phrases by their lower-cased words."""
        return {tuple(p.lower().split()): q for p, q in self.qualifiers.items()}

    @property
    def number_words(self) -> list[str]:
        """Every word that can open or continue a number, joiners and articles excluded."""
        return sorted(w for w, (kind, _) in self._kinds.items() if kind not in _NON_VALUE_KINDS)

    @cached_property
    def hyphens(self) -> frozenset[str]:
        """The joiners that are punctuation rather than words (``-`` and its Unicode kin)."""
        return frozenset(j for j in self.joiners if not j.isalpha())

    @cached_property
    def max_qualifier_words(self) -> int:
        """Length in words of the longest qualifier phrase."""
        return max((len(words) for words in self._qualifier_words), default=0)

    def word_kind(self, word: str) -> str | None:
        """Return the grammatical kind of ``word`` (unit, ten, ..., joiner), or None."""
        found = self._kinds.get(word.lower())
        return found[0] if found else None

    def parse(self, text: str) -> int | None:
        """Return the value of a number in digits or words, or None; see :func:`parse_number`."""
        if (value := _parse_digits(text)) is not None:
            return value  # the common case: one token of digits
        words = self._split(text)
        if len(words) == 1 and (value := _parse_digits(words[0])) is not None:
            return value
        total = current = 0
        previous = "start"
        kinds = self._kinds
        for word in words:
            kind, value = self._classify(word, kinds)
            if kind is None or kind not in _MAY_FOLLOW[previous]:
                return None
            if kind in {"digits", "unit", "ten"}:
                current += value
            elif kind == "multiplier":
                current = (current or 1) * value
            elif kind == "scale":
                total += (current or 1) * value
                current = 0
            previous = kind
        if previous in _NON_VALUE_KINDS or previous == "start":
            return None
        return total + current

    def qualifier(self, words: Sequence[str]) -> tuple[Qualifier, int]:
        """Return the qualifier whose phrase ends ``words``, and its length in words.

        Args:
            words: the words right before a number, in text order (any case).

        Returns:
            The longest qualifier phrase that is a suffix of ``words`` as ``(qualifier, n)``,
            or ``("exact", 0)`` when none is.
        """
        lowered = tuple(w.lower() for w in words)
        for size in range(min(len(lowered), self.max_qualifier_words), 0, -1):
            found = self._qualifier_words.get(lowered[-size:])
            if found is not None:
                return found, size
        return EXACT, 0

    def _split(self, text: str) -> list[str]:
        # The tokenizer splits "twenty-five" into three tokens; do the same for plain strings.
        for hyphen in self.hyphens:
            text = text.replace(hyphen, f" {hyphen} ")
        return text.lower().split()

    def _classify(self, word: str, kinds: dict[str, tuple[str, int]]) -> tuple[str | None, int]:
        digits = _parse_digits(word)
        if digits is not None:
            return "digits", digits
        return kinds.get(word, (None, 0))


#: The word kinds that may follow each kind inside a number (a tiny grammar of English
#: cardinals): "twenty - five", "a hundred and twenty", "2 dozen", "three thousand two hundred".
_MAY_FOLLOW: dict[str, frozenset[str]] = {
    "start": frozenset({"digits", "unit", "ten", "article"}),
    "article": frozenset({"multiplier", "scale"}),
    "digits": frozenset({"multiplier", "scale"}),
    "unit": frozenset({"multiplier", "scale"}),
    "ten": frozenset({"unit", "joiner", "scale"}),
    "joiner": frozenset({"unit", "ten"}),
    "multiplier": frozenset({"unit", "ten", "joiner", "scale"}),
    "scale": frozenset({"unit", "ten", "joiner"}),
}
_NON_VALUE_KINDS = frozenset({"article", "joiner"})


def _parse_digits(word: str) -> int | None:
    """Return the value of ``60``, ``1,000`` or ``12,500``; None for anything else."""
    groups = word.split(",")
    if not all(group.isascii() and group.isdecimal() for group in groups):
        return None
    # Commas must group thousands, else "1,5" (a decimal comma) would read as 15.
    if len(groups) > 1 and (len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    return int("".join(groups))
