"""The date normaliser: one date expression to ``(value, granularity, anchor)``, cached, and
:func:`normalise_date` with the default word lists.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path

from ...rules import default_rules_dir
from .absolute import _AbsoluteDates
from .parts import _PartReader
from .relative import _RelativeDates
from .values import NOT_A_DATE, DateValue, Reading, Tense
from .words import WORDS_FILE, DateWords, load_date_words


class DateNormaliser(_PartReader, _AbsoluteDates, _RelativeDates):
    """Read date expressions into ISO values; results are cached on ``(text, published)``.

    Call it for ``(value, granularity, anchor)``, or use ``read(text, published)`` for a
    :class:`Reading` that also says whether the text is a date at all.

    Args:
        words: the word lists of ``rules/date_words.json``.
        min_year: the earliest year a bare four-digit number may denote.
        max_year: the latest year a bare four-digit number may denote.
        cache_size: how many ``(text, published)`` readings to keep.
    """

    def __init__(
        self,
        words: DateWords,
        *,
        min_year: int = 1900,
        max_year: int = 2100,
        cache_size: int = 4096,
    ) -> None:
        self.words = words
        self.min_year = min_year
        self.max_year = max_year
        self._relative = words.relative
        self._known = words.known
        self.read: Callable[..., Reading] = lru_cache(maxsize=cache_size)(self._read)
        self.dateparser_calls = 0  # for tests and timing: how often the fallback ran

    def __call__(self, text: str, published: str | None) -> DateValue:
        """Return ``(value, granularity, anchor)`` for ``text``; see :meth:`read`."""
        return self.read(text, published).date

    def _read(self, text: str, published: str | None, tense: Tense | None = None) -> Reading:
        """Read one date expression (cached by ``read``).

        Args:
            text: the date text, e.g. ``"17 July 2025"`` or ``"last year"``.
            published: the article's publication date as ``YYYY-MM-DD``, or None.
            tense: ``"past"`` or ``"future"`` when the sentence says which way a date without
                a year lies from the publication date ("In January she was elected", "will
                arrive in October"); None for the nearest.

        Returns:
            The reading; see the package docstring for the conventions.

        Raises:
            ValueError: when ``published`` is not an ISO date.
        """
        base = date.fromisoformat(published) if published else None
        tokens = self._tokenize(text)
        if tokens.invalid:
            return NOT_A_DATE
        words = set(tokens.words)
        has_year = any(p.years for p in tokens.parts)
        if not has_year and words & self._relative:
            return Reading(self._relative_value(tokens, text, base), True)
        if not tokens.has_calendar:
            return NOT_A_DATE
        if tokens.decade:
            return Reading(DateValue(None, None, "absolute"), True)
        return Reading(self._absolute_value(tokens, base, tense), True)


@lru_cache(maxsize=4)
def _default_normaliser(rules_dir: str) -> DateNormaliser:
    return DateNormaliser(load_date_words(Path(rules_dir) / WORDS_FILE))


def normalise_date(text: str, published: str | None) -> DateValue:
    """Normalise one date expression with the default word lists.

    Args:
        text: the date text as written, e.g. ``"17.07.2025"``, ``"April 2024"``, ``"yesterday"``.
        published: the article's publication date (``YYYY-MM-DD``) for relative expressions,
            or None.

    Returns:
        ``(value, granularity, anchor)``: ``value`` is ISO at ``granularity`` (``"2024"``,
        ``"2024-04"``, ``"2024-04-17"``) or None; ``anchor`` is ``"absolute"``,
        ``"published"`` or ``"none"``. Plain numbers give ``(None, None, "none")``.

    Raises:
        ValueError: when ``published`` is not an ISO date.
        RuleFileError: when ``rules/date_words.json`` cannot be loaded.
    """
    return _default_normaliser(str(default_rules_dir()))(text, published)
