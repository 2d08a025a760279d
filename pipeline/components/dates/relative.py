"""Relative dates: "last year", "two months ago", "next September" resolved against the
publication date from the word lists, and the few other phrasings through dateparser.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from .parts import _Tokens
from .values import UNRESOLVED, DateValue, _iso, _published_day
from .words import DateWords

if TYPE_CHECKING:
    from dateparser.date import DateDataParser


class _RelativeDates:
    """Relative expressions to a value; a part of :class:`DateNormaliser`, which sets these."""

    words: DateWords
    _known: frozenset[str]
    dateparser_calls: int

    def _relative_value(self, tokens: _Tokens, text: str, base: date | None) -> DateValue:
        words = tokens.words
        present = set(words)
        if base is None or present & self.words.anaphoric:
            return UNRESOLVED
        if not present <= self._known:  # e.g. "last Monday", "the day before yesterday"
            return self._dateparser_value(text, base)
        if present & self.words.ago_words:
            return self._ago(tokens, base)
        offsets = [self.words.day_offsets[w] for w in words if w in self.words.day_offsets]
        if len(offsets) == 1:
            return _published_day(base + timedelta(days=offsets[0]))
        modifiers = [self.words.modifiers[w] for w in words if w in self.words.modifiers]
        units = [self.words.units[w] for w in words if w in self.words.units]
        months = [self.words.months[w] for w in words if w in self.words.months]
        if len(modifiers) != 1 or present & set(self.words.plural_units):
            return UNRESOLVED  # "the coming months", "recent years": a period, not a date
        step = modifiers[0]
        if units == ["year"]:
            year = base.year + step
            if len(months) == 1:  # "in May this year"
                return _iso(year, months[0], None, "published")
            return _iso(year, None, None, "published")
        if units == ["month"] and not months:
            month_index = base.year * 12 + base.month - 1 + step
            return _iso(month_index // 12, month_index % 12 + 1, None, "published")
        if not units and len(months) == 1:  # "last May", "this March", "next September"
            month = months[0]
            year = base.year
            if step < 0 and month >= base.month:
                year -= 1
            elif step > 0 and month <= base.month:
                year += 1
            return _iso(year, month, None, "published")
        return UNRESOLVED  # "this week", "next day": no day/month/year value

    def _ago(self, tokens: _Tokens, base: date) -> DateValue:
        """Resolve ``"two years ago"``, ``"3 months ago"``, ``"a day ago"``."""
        words = tokens.words
        numbers = [n for p in tokens.parts for n in p.numbers]
        counts = [self.words.number_words[w] for w in words if w in self.words.number_words]
        units = [
            self.words.units.get(w) or self.words.plural_units.get(w)
            for w in words
            if w in self.words.units or w in self.words.plural_units
        ]
        amounts = numbers + counts
        if len(amounts) != 1 or len(units) != 1:
            return UNRESOLVED
        amount, unit = amounts[0], units[0]
        if unit == "day":
            return _published_day(base - timedelta(days=amount))
        if unit == "month":
            month_index = base.year * 12 + base.month - 1 - amount
            return _iso(month_index // 12, month_index % 12 + 1, None, "published")
        if unit == "year":
            return _iso(base.year - amount, None, None, "published")
        return UNRESOLVED  # weeks and decades have no day/month/year value

    def _dateparser_value(self, text: str, base: date) -> DateValue:
        """Resolve a relative phrasing the word lists do not cover (``"last Monday"``).

        dateparser is given the publication date as ``RELATIVE_BASE`` so it never reads the
        clock, and only its day, month and year periods are kept.
        """
        self.dateparser_calls += 1
        data = _dateparser_for(base).get_date_data(text)
        if data.date_obj is None or data.period not in ("day", "month", "year"):
            return UNRESOLVED
        found = data.date_obj.date()
        if data.period == "year":
            return _iso(found.year, None, None, "published")
        if data.period == "month":
            return _iso(found.year, found.month, None, "published")
        return _published_day(found)


@lru_cache(maxsize=32)
def _dateparser_for(base: date) -> DateDataParser:
    # Imported lazily: dateparser costs ~0.3 s to import and most runs never need it.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],  # no language detection: ~10x faster, and our pages are English
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": False,
        },
    )
