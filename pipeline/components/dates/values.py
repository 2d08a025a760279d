"""Date values: what a normalised date expression reads as (ISO value, granularity, anchor,
range end), and the helpers that build one at year, month or day granularity.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, NamedTuple

Granularity = Literal["year", "month", "day"]
Anchor = Literal["absolute", "published", "none"]
Tense = Literal["past", "future"]


class DateValue(NamedTuple):
    """A normalised date: ISO ``value`` at ``granularity``, and what it is ``anchor``-ed to."""

    value: str | None
    granularity: Granularity | None
    anchor: Anchor
    end: str | None = None  # for a range, the ISO value of its last day, month or year


class Reading(NamedTuple):
    """What :meth:`DateNormaliser.read` found: the value, and whether the text is a date at all.

    ``is_date`` is False for text with no calendar part (``"1,000"``, ``"50"``, ``"20 years"``,
    an impossible ``"31.02.2025"``, a year outside the accepted range).
    """

    date: DateValue
    is_date: bool


NOT_A_DATE = Reading(DateValue(None, None, "none"), False)
UNRESOLVED = DateValue(None, None, "none")


def _iso(year: int, month: int | None, day: int | None, anchor: Anchor) -> DateValue:
    if month is None:
        return DateValue(f"{year:04d}", "year", anchor)
    if day is None:
        return DateValue(f"{year:04d}-{month:02d}", "month", anchor)
    return DateValue(f"{year:04d}-{month:02d}-{day:02d}", "day", anchor)


def _published_day(value: date) -> DateValue:
    return DateValue(value.isoformat(), "day", "published")
