"""Dates: the article's publication date, and every date mention normalised to ISO.

Two parts, kept apart so the normalisation can be tested without spaCy:

* :class:`DateNormaliser` (and the convenience function :func:`normalise_date`) reads one date
  expression into ``(value, granularity, anchor)``. Absolute dates are read by token logic over
  the word lists of ``rules/date_words.json``: it knows exactly which parts the text writes, so
  a missing day or month is never filled in (``"April 2024"`` is ``2024-04``), and it is fast.
  Relative expressions (``"last year"``, ``"two months ago"``) are resolved against the
  publication date; only the few phrasings the word lists do not cover reach dateparser, always
  with ``RELATIVE_BASE`` set to the publication date, so the machine clock is never read.
* The ``uninews_dates`` component collects candidates (the model's DATE entities plus the
  patterns of ``rules/dates.jsonl``), finds the publication date, drops dates inside
  boilerplate lines, and writes ``doc.spans["dates"]``, ``doc.spans["published"]`` and
  ``doc._.published``.

Conventions (documented once, here):

* The value is the smallest calendar unit (day, month, year) that contains everything the
  expression denotes, when that unit is written: ``"late May 2025"`` -> ``2025-05``,
  ``"mid-2024"``/``"autumn 2025"``/``"Q3 2024"`` -> the year, ``"3-5 March 2024"`` ->
  ``2024-03``. A decade (``"the 1990s"``) or a bare weekday has value null.
* A range is its first day, month or year, with its last one in ``end``: ``"3-5 March 2024"``
  -> ``2024-03-03`` (end ``2024-03-05``), ``"March to May 2024"`` -> ``2024-03`` (end
  ``2024-05``), ``"2021 to 2023"`` -> ``2021`` (end ``2023``): the start is when the event is.
* Academic years (``"2024/2025"``, ``"2025/26"``, ``"2024-2025 academic year"``): the value is
  the starting year, granularity ``year``, because that is the calendar year the academic year
  is named after and begins in. Two consecutive full years joined by a dash with no "academic"
  word (``"2022-2023"``) are an ordinary range: value null.
* Numeric dates: a leading four-digit year means Y.M.D (``2025.07.17``, ``2025-07-17``);
  otherwise D.M.Y, the European and Russian convention (``17.07.2025`` is 17 July). Only with
  slashes, where US pages write M/D/Y, is ``07/17/2025`` read as M/D/Y when D/M/Y is impossible.
  Impossible dates (``31.02.2025``) are not dates.
* Anchor: ``absolute`` when the text alone fixes the date (even if it has no single ISO value,
  like a range), ``published`` when the value was computed from the publication date (relative
  expressions, and a day or month written without its year, placed in the year that puts it
  nearest the publication date), ``none`` when no value can be given (no publication date, a
  weekday, "the same year", or not a date at all).
"""

from __future__ import annotations

import calendar
import logging
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, ValidationError
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import filter_spans

from ..errors import RuleFileError
from ..rules import default_rules_dir, load_lexicon, load_patterns
from .extensions import register_extensions
from .lines import in_any, line_spans
from .tokens import (
    has_digit,
    match_windows,
    needs_number,
    pattern_reach,
    sentence_bounds,
    token_lowers,
    token_texts,
)

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

logger = logging.getLogger(__name__)

LABELS = {"DATE"}
PATTERNS_FILE = "dates.jsonl"
WORDS_FILE = "date_words.json"

Granularity = Literal["year", "month", "day"]
Anchor = Literal["absolute", "published", "none"]
Tense = Literal["past", "future"]

# The one regex of this module. normalise_date() is a pure function on a string (no spaCy
# tokenizer), so it splits the expression itself, in one pass, into:
#   numeric: a whole numeric date; Y.M.D / Y-M-D / Y/M/D (groups ymd_*), D.M.Y / D-M-Y / D/M/Y
#            (groups dmy_*), or Chinese Y年M月D日 (groups cjk_*); the separator must repeat.
#   number:  digits with an optional ordinal ("17th") or decade ("1990s") suffix.
#   word:    letters in any script, optionally followed by digits ("q3").
#   sep:     a range separator between two date parts ("3-5 March", "2024/2025").
# Everything else (spaces, commas, dots, apostrophes) separates tokens and is dropped.
DATE_TOKEN_RE = re.compile(
    r"""
    (?P<numeric>
        (?P<ymd_y>\d{4})(?P<ymd_sep>[./-])(?P<ymd_m>\d{1,2})(?P=ymd_sep)(?P<ymd_d>\d{1,2})(?!\d)
      | (?P<dmy_d>\d{1,2})(?P<dmy_sep>[./-])(?P<dmy_m>\d{1,2})(?P=dmy_sep)(?P<dmy_y>\d{4})(?!\d)
      | (?P<cjk_y>\d{4})年(?P<cjk_m>\d{1,2})月(?:(?P<cjk_d>\d{1,2})日)?
    )
    | (?P<number>(?P<digits>\d+)(?P<suffix>st|nd|rd|th|s)?)
    | (?P<word>[^\W\d_]+\d*)
    | (?P<sep>[-–—/])
    """,
    re.VERBOSE,
)


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


class DateWords(BaseModel):
    """The word lists of ``rules/date_words.json`` (all lower case)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    comment: str = ""
    months: dict[str, int]
    weekdays: frozenset[str]
    day_offsets: dict[str, int]
    modifiers: dict[str, int]
    units: dict[str, str]
    plural_units: dict[str, str]
    ago_words: frozenset[str]
    number_words: dict[str, int]
    relative_cues: frozenset[str]
    anaphoric: frozenset[str]
    range_words: frozenset[str]
    academic_words: frozenset[str]
    part_words: frozenset[str]
    ignorable: frozenset[str]
    trim_words: frozenset[str]
    update_labels: frozenset[str]
    future_markers: frozenset[str] = frozenset()
    past_markers: frozenset[str] = frozenset()

    @property
    def relative(self) -> frozenset[str]:
        """Words that make an expression depend on a reference date."""
        return (
            frozenset(self.day_offsets)
            | frozenset(self.modifiers)
            | self.ago_words
            | self.relative_cues
            | self.anaphoric
        )

    @property
    def known(self) -> frozenset[str]:
        """Every word the lexicon logic understands; others send relative text to dateparser."""
        return (
            self.relative
            | frozenset(self.months)
            | frozenset(self.units)
            | frozenset(self.plural_units)
            | frozenset(self.number_words)
            | self.ignorable
            | self.part_words
            | self.academic_words
        )


def load_date_words(path: Path) -> DateWords:
    """Load and validate ``rules/date_words.json``.

    Raises:
        RuleFileError: when the file is missing, not JSON, or a field is missing or mistyped.
    """
    data = load_lexicon(path)
    try:
        return DateWords.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field_name = ".".join(str(p) for p in first["loc"]) or "file"
        raise RuleFileError(f"{path}: {field_name}: {first['msg']}") from None


# --- reading one expression -----------------------------------------------------------------


@dataclass
class _Part:
    """The calendar parts written in one side of a (possible) range."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    numbers: list[int] = field(default_factory=list)  # day candidates, or a 2-digit year
    years: int = 0
    months: int = 0

    def is_empty(self) -> bool:
        return not (self.years or self.months or self.numbers or self.day)


@dataclass
class _Tokens:
    """An expression split by :data:`DATE_TOKEN_RE` and classified against the word lists."""

    words: list[str] = field(default_factory=list)
    parts: list[_Part] = field(default_factory=lambda: [_Part()])
    separators: list[str] = field(default_factory=list)
    invalid: bool = False  # an impossible numeric date, or an out-of-range year
    decade: bool = False
    has_calendar: bool = False  # a year, month, weekday, numeric date or decade is written


class DateNormaliser:
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
            The reading; see the module docstring for the conventions.

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

    # -- tokens --

    def _tokenize(self, text: str) -> _Tokens:
        clean = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("'s", "")
        out = _Tokens()
        for match in DATE_TOKEN_RE.finditer(clean):
            kind = match.lastgroup
            part = out.parts[-1]
            if kind == "numeric":
                self._add_numeric(out, part, match)
            elif kind == "number":
                self._add_number(out, part, match)
            elif kind == "word":
                word = match.group("word")
                out.words.append(word)
                if word in self.words.months:
                    part.month = self.words.months[word]
                    part.months += 1
                    out.has_calendar = True
                elif word in self.words.weekdays:
                    out.has_calendar = True
                elif word in self.words.range_words and not part.is_empty():
                    out.separators.append(word)
                    out.parts.append(_Part())
            elif kind == "sep" and not part.is_empty():
                out.separators.append(match.group("sep"))
                out.parts.append(_Part())
        out.parts = [p for p in out.parts if not p.is_empty()]
        return out

    def _add_numeric(self, out: _Tokens, part: _Part, match: re.Match[str]) -> None:
        groups = match.groupdict()
        if groups["ymd_y"]:
            candidates = [(groups["ymd_y"], groups["ymd_m"], groups["ymd_d"])]
        elif groups["cjk_y"]:
            candidates = [(groups["cjk_y"], groups["cjk_m"], groups["cjk_d"])]
        else:
            candidates = [(groups["dmy_y"], groups["dmy_m"], groups["dmy_d"])]
            if groups["dmy_sep"] == "/":
                # US pages write M/D/Y with slashes; used only when D/M/Y is impossible.
                candidates.append((groups["dmy_y"], groups["dmy_d"], groups["dmy_m"]))
        for y, m, d in candidates:
            year, month, day = int(y), int(m), int(d) if d else None
            if self._valid(year, month, day):
                part.year, part.month, part.day = year, month, day
                part.years += 1
                part.months += 1
                out.has_calendar = True
                return
        out.invalid = True

    def _add_number(self, out: _Tokens, part: _Part, match: re.Match[str]) -> None:
        digits = match.group("digits")
        suffix = match.group("suffix")
        if suffix == "s":
            out.decade = True
            out.has_calendar = True
        elif len(digits) == 4 and not suffix:
            year = int(digits)
            if not self.min_year <= year <= self.max_year:
                out.invalid = True
                return
            part.year = year
            part.years += 1
            out.has_calendar = True
        elif len(digits) <= 2:
            part.numbers.append(int(digits))

    def _valid(self, year: int | None, month: int | None, day: int | None) -> bool:
        if year is not None and not self.min_year <= year <= self.max_year:
            return False
        if month is not None and not 1 <= month <= 12:
            return False
        if day is not None:
            if month is None:
                return False
            # Without a year, allow 29 February (leap year 2000 as the reference).
            return 1 <= day <= calendar.monthrange(year or 2000, month)[1]
        return True

    # -- absolute --

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

    # -- relative --

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


def _iso(year: int, month: int | None, day: int | None, anchor: Anchor) -> DateValue:
    if month is None:
        return DateValue(f"{year:04d}", "year", anchor)
    if day is None:
        return DateValue(f"{year:04d}-{month:02d}", "month", anchor)
    return DateValue(f"{year:04d}-{month:02d}-{day:02d}", "day", anchor)


def _published_day(value: date) -> DateValue:
    return DateValue(value.isoformat(), "day", "published")


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


# --- the component --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    start: int  # token offsets
    end: int
    method: Literal["ner", "rule"]
    rule_id: str

    @property
    def length(self) -> int:
        return self.end - self.start


class Dates:
    """Find and normalise date mentions and the article's publication date.

    Args:
        nlp: the pipeline (for its vocab).
        name: component name.
        rules_dir: folder holding ``dates.jsonl`` and ``date_words.json``.
        ner_labels: entity labels of the model taken as date candidates.
        published_rules: ids of boilerplate rules whose lines label the publication date.
        top_lines: a line holding only a date within this many non-empty lines from the top is
            the publication date.
        bottom_lines: same, counted from the bottom.
        min_year: the earliest year a bare four-digit number may denote.
        max_year: the latest year a bare four-digit number may denote.
        cache_size: size of the ``(text, published)`` normalisation cache.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        rules_dir: str,
        ner_labels: Iterable[str],
        published_rules: Iterable[str],
        top_lines: int,
        bottom_lines: int,
        min_year: int,
        max_year: int,
        cache_size: int,
    ) -> None:
        register_extensions()
        self.name = name
        root = Path(rules_dir) if rules_dir else default_rules_dir()
        self.ner_labels = frozenset(ner_labels)
        self.published_rules = frozenset(published_rules)
        self.top_lines = top_lines
        self.bottom_lines = bottom_lines
        self.matcher = Matcher(nlp.vocab, validate=True)
        patterns = []
        for rule in load_patterns(root / PATTERNS_FILE, LABELS):
            pattern = rule.pattern
            if isinstance(pattern, str):  # a phrase: match its words case-insensitively
                pattern = [{"LOWER": token.lower_} for token in nlp.make_doc(pattern)]
            self.matcher.add(rule.id, [pattern])
            patterns.append(pattern)
        # When every pattern needs a token with a digit, the Matcher (the costly part of this
        # component) runs only on short windows around such tokens; else on the whole Doc.
        self._gated = all(needs_number(p) for p in patterns)
        self._reach = pattern_reach(patterns)
        self.words = load_date_words(root / WORDS_FILE)
        self.normaliser = DateNormaliser(
            self.words, min_year=min_year, max_year=max_year, cache_size=cache_size
        )

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["dates"]``, ``doc.spans["published"]`` and ``doc._.published``."""
        candidates = self._candidates(doc)
        published = self._published(doc, candidates)
        boilerplate = list(doc.spans.get("boilerplate", []))
        value = published[1].date.value if published else None
        dates: list[Span] = []
        for cand in candidates:
            is_published = published is not None and cand == published[0]
            if not is_published and in_any(doc[cand.start : cand.end], boilerplate):
                continue
            span = Span(doc, cand.start, cand.end, label="DATE", span_id=cand.rule_id)
            reading = self.normaliser.read(span.text, value, self._tense(span))
            if not reading.is_date:
                logger.debug("not a date: %r", span.text)
                continue
            _set_date(span, reading.date)
            dates.append(span)
        doc.spans["dates"] = dates
        doc._.published = value
        group = SpanGroup(doc, name="published")
        if published is not None:
            cand, reading, source = published
            span = Span(doc, cand.start, cand.end, label="PUBLISHED", span_id=cand.rule_id)
            _set_date(span, reading.date)
            group.append(span)
            group.attrs["source"] = source  # which evidence located it: a rule id or a position
        doc.spans["published"] = group
        return doc

    def _tense(self, span: Span) -> Tense | None:
        """Which way the span's sentence points from the publication date, if it says so:
        "will" makes it future; "was", "had" or a main verb in -ed past; both or neither,
        None."""
        bounds = sentence_bounds(span.doc)
        k = bisect_right(bounds, span.start) - 1
        end = bounds[k + 1] if k + 1 < len(bounds) else len(span.doc)
        words = set(token_lowers(span.doc)[bounds[k] : end])
        future = bool(words & self.words.future_markers)
        past = bool(words & self.words.past_markers) or span.sent.root.lower_.endswith("ed")
        if future == past:
            return None
        return "future" if future else "past"

    # -- candidates --

    def _candidates(self, doc: Doc) -> list[_Candidate]:
        """Model DATE entities and rule matches, trimmed, without overlaps, in text order.

        A rule span replaces the NER spans it overlaps only when it is longer; among rule
        matches the longest wins (spaCy's ``filter_spans``).
        """
        if self._gated and doc.has_annotation("SENT_START"):
            digits = (i for i, text in enumerate(token_texts(doc)) if has_digit(text))
            matches = match_windows(self.matcher, doc, digits, self._reach)
        else:
            matches = self.matcher(doc)
        rule_spans = filter_spans(
            Span(doc, start, end, label=match_id) for match_id, start, end in matches
        )
        rules = [_Candidate(s.start, s.end, "rule", doc.vocab.strings[s.label]) for s in rule_spans]
        ner = [
            trimmed
            for ent in doc.ents
            if ent.label_ in self.ner_labels
            for start, end in _split_lines(ent)
            if (trimmed := self._trim(doc, start, end)) is not None
        ]
        # Longest first; on a tie the NER span stays (a rule wins only when strictly longer).
        ordered = sorted(rules + ner, key=lambda c: (-c.length, c.method == "rule", c.start))
        taken: list[_Candidate] = []
        for cand in ordered:
            if all(cand.end <= t.start or t.end <= cand.start for t in taken):
                taken.append(cand)
        return sorted(taken, key=lambda c: c.start)

    def _trim(self, doc: Doc, start: int, end: int) -> _Candidate | None:
        """Drop leading/trailing prepositions and punctuation the model put inside a DATE."""

        def strip(token_index: int) -> bool:
            token = doc[token_index]
            return token.is_punct or token.is_space or token.lower_ in self.words.trim_words

        while start < end and strip(start):
            start += 1
        while end > start and strip(end - 1):
            end -= 1
        return _Candidate(start, end, "ner", "") if end > start else None

    # -- publication date --

    def _published(
        self, doc: Doc, candidates: list[_Candidate]
    ) -> tuple[_Candidate, Reading, str] | None:
        """Find the publication date: a labelled line, else a date-only line near top or bottom.

        Labelled lines whose label says "updated" rank last, so "Published: ..." wins over
        "Updated: ..." wherever they stand; among equals the first in the text wins.
        """
        lines = list(line_spans(doc))
        labelled: list[tuple[_Candidate, Reading, str]] = []
        updated: list[tuple[_Candidate, Reading, str]] = []
        for line in doc.spans.get("boilerplate", []):
            if line.id_ not in self.published_rules:
                continue
            found = self._first_day(doc, candidates, line)
            if found is not None:
                target = updated if line[0].lower_ in self.words.update_labels else labelled
                target.append((*found, line.id_))
        if labelled:
            return labelled[0]
        positional = [("top_line", lines[: self.top_lines])]
        positional.append(("bottom_line", lines[-self.bottom_lines :][::-1]))
        for source, region in positional:
            for line in region:
                found = self._date_only_line(doc, candidates, line)
                if found is not None:
                    return (*found, source)
        return updated[0] if updated else None

    def _first_day(
        self, doc: Doc, candidates: list[_Candidate], line: Span
    ) -> tuple[_Candidate, Reading] | None:
        for cand in candidates:
            if line.start <= cand.start and cand.end <= line.end:
                reading = self._absolute_day(doc, cand)
                if reading is not None:
                    return cand, reading
        return None

    def _date_only_line(
        self, doc: Doc, candidates: list[_Candidate], line: Span
    ) -> tuple[_Candidate, Reading] | None:
        for cand in candidates:
            if line.start <= cand.start and cand.end <= line.end:
                rest = [t for t in line if not cand.start <= t.i < cand.end]
                if all(t.is_punct or t.is_space for t in rest):
                    reading = self._absolute_day(doc, cand)
                    return (cand, reading) if reading is not None else None
        return None

    def _absolute_day(self, doc: Doc, cand: _Candidate) -> Reading | None:
        reading = self.normaliser.read(doc[cand.start : cand.end].text, None)
        if reading.date.granularity == "day" and reading.date.anchor == "absolute":
            return reading
        return None


def _split_lines(span: Span) -> list[tuple[int, int]]:
    """Token ranges of ``span`` cut at line breaks: the model sometimes joins a title's last
    words to the date on the next line ("summer school\n\n17.07.2025")."""
    pieces: list[tuple[int, int]] = []
    start = span.start
    for token in span:
        if token.is_space and "\n" in token.text:
            pieces.append((start, token.i))
            start = token.i + 1
    pieces.append((start, span.end))
    return [(a, b) for a, b in pieces if b > a]


def _set_date(span: Span, value: DateValue) -> None:
    span._.date_value = value.value
    span._.date_end = value.end
    span._.date_granularity = value.granularity
    span._.date_anchor = value.anchor


@Language.factory(
    "uninews_dates",
    assigns=[
        "doc.spans",
        "doc._.published",
        "span._.date_value",
        "span._.date_granularity",
        "span._.date_anchor",
    ],
    default_config={
        "rules_dir": "",
        "ner_labels": ["DATE"],
        "published_rules": ["boilerplate.ru.published", "boilerplate.en.published"],
        "top_lines": 3,
        "bottom_lines": 3,
        "min_year": 1900,
        "max_year": 2100,
        "cache_size": 4096,
    },
)
def make_dates(
    nlp: Language,
    name: str,
    rules_dir: str,
    ner_labels: list[str],
    published_rules: list[str],
    top_lines: int,
    bottom_lines: int,
    min_year: int,
    max_year: int,
    cache_size: int,
) -> Dates:
    """Build the ``uninews_dates`` component."""
    return Dates(
        nlp,
        name,
        rules_dir=rules_dir,
        ner_labels=ner_labels,
        published_rules=published_rules,
        top_lines=top_lines,
        bottom_lines=bottom_lines,
        min_year=min_year,
        max_year=max_year,
        cache_size=cache_size,
    )
