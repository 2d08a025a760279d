"""Calendar parts: one date expression split by a single regex into the years, months, days
and range separators it writes, with impossible dates and out-of-range years marked invalid.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field

from .words import DateWords

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


class _PartReader:
    """Text to calendar parts; a part of :class:`DateNormaliser`, which sets these."""

    words: DateWords
    min_year: int
    max_year: int

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
