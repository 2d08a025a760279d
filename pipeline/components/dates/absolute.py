"""Absolute dates: the value of the parts an expression writes, ranges (their first and last
day, month or year), academic years, and a day or month without a year placed nearest the
publication date.
"""

from __future__ import annotations

import calendar
from datetime import date

from .parts import _Part, _Tokens
from .values import UNRESOLVED, DateValue, Tense, _iso
from .words import DateWords


class _AbsoluteDates:
    """Calendar parts to a value; a part of :class:`DateNormaliser`, which sets these."""

    words: DateWords

    def _absolute_value(
        self, tokens: _Tokens, base: date | None, tense: Tense | None = None
    ) -> DateValue:
        parts = tokens.parts
        if not parts:
            return UNRESOLVED  # only a weekday: which week is not written
        if any(p.years > 1 or p.months > 1 for p in parts):
            return DateValue(None, None, "absolute")  # "2024 2025", "March April": no reading
        academic = self._academic_year(tokens)
        if academic is not None:
            return DateValue(str(academic), "year", "absolute")
        if set(tokens.words) & self.words.part_words:
            for part in parts:  # "the 2nd week of July 2025": 2 counts weeks, not days
                part.numbers.clear()
        # Fill each side of a range from its neighbours: "3-5 March 2024" gives the left side
        # its month and year, "March 3-5, 2024" gives the left side its year.
        for part in parts:
            if part.month is not None and part.day is None:
                part.day = self._day_from_numbers(part)
        for i, part in enumerate(parts):
            neighbours = parts[i + 1 :] + parts[:i][::-1]
            if part.year is None:
                part.year = next((n.year for n in neighbours if n.year is not None), None)
            if part.month is None and part.numbers:
                part.month = next((n.month for n in neighbours if n.month is not None), None)
                if part.month is not None:
                    part.day = self._day_from_numbers(part)
        for part in parts:
            if part.day is not None and not self._valid(part.year, part.month, part.day):
                return DateValue(None, None, "absolute")
        if len(parts) >= 2:
            return self._range(parts[0], parts[-1], base, tense)
        years = {p.year for p in parts}
        months = {p.month for p in parts}
        days = {p.day for p in parts}
        year = years.pop() if len(years) == 1 else -1
        if year == -1:
            return DateValue(None, None, "absolute")  # a range across years
        month = months.pop() if len(months) == 1 else None
        day = days.pop() if len(days) == 1 and month is not None else None
        if year is None:
            return self._yearless(month, day, base, tense)
        return _iso(year, month, day, "absolute")

    def _range(
        self, first: _Part, last: _Part, base: date | None, tense: Tense | None = None
    ) -> DateValue:
        """A range is its first day, month or year, with the last one as ``end``."""
        if first.year is None:
            start = self._yearless(first.month, first.day, base, tense)
            if start.value is None:
                return start
            year = int(start.value[:4])
            end_year = last.year if last.year is not None else year
            end = _iso(end_year, last.month, last.day if last.month else None, start.anchor)
            return start._replace(end=end.value)
        start = _iso(first.year, first.month, first.day if first.month else None, "absolute")
        if first.month is not None and last.month is None and last.year == first.year:
            return start  # "07-Dec-2015": the year written after a hyphen is no range end
        end_year = last.year if last.year is not None else first.year
        end = _iso(end_year, last.month, last.day if last.month else None, "absolute")
        return start._replace(end=end.value)

    def _day_from_numbers(self, part: _Part) -> int | None:
        days = [n for n in part.numbers if 1 <= n <= 31]
        return days[0] if len(days) == 1 else None

    def _academic_year(self, tokens: _Tokens) -> int | None:
        """Return the starting year of ``2024/2025``, ``2025/26``, ``2024-2025 academic year``."""
        parts = tokens.parts
        if len(parts) != 2 or parts[0].year is None or parts[0].months or parts[1].months:
            return None
        first = parts[0].year
        if parts[1].year is not None:
            second, short = parts[1].year, False
        elif len(parts[1].numbers) == 1:
            second, short = parts[1].numbers[0] + (first // 100) * 100, True
        else:
            return None
        if second != first + 1:
            return None
        named = bool(set(tokens.words) & self.words.academic_words)
        if named or short or tokens.separators[0] == "/":
            return first
        return None

    def _yearless(
        self, month: int | None, day: int | None, base: date | None, tense: Tense | None = None
    ) -> DateValue:
        """Place a day or month written without a year in the year nearest ``base``; with a
        ``tense``, in the nearest year on that side of ``base`` (its own month included)."""
        if month is None or base is None:
            return UNRESOLVED
        best: tuple[int, int] | None = None
        for year in (base.year - 1, base.year, base.year + 1):  # earlier first: ties go past
            if day is not None and not self._valid(year, month, day):
                continue
            # Distance from the publication date to the day, or to the nearest day of the month.
            first = date(year, month, day or 1)
            last = date(year, month, day or calendar.monthrange(year, month)[1])
            if (tense == "past" and first > base) or (tense == "future" and last < base):
                continue
            distance = max((first - base).days, (base - last).days, 0)
            if best is None or distance < best[0]:
                best = (distance, year)
        if best is None:
            return UNRESOLVED
        return _iso(best[1], month, day, "published")
