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

Modules, one concern each:

* ``values``: :class:`DateValue`, :class:`Reading` and the ISO helpers.
* ``words``: the word lists of ``rules/date_words.json``.
* ``parts``: one expression split into calendar parts (the module's one regex).
* ``absolute``: absolute dates, ranges, academic years, dates without a year.
* ``relative``: relative expressions, and the dateparser fallback.
* ``normaliser``: :class:`DateNormaliser` and :func:`normalise_date`.
* ``candidates``: DATE entities and rule matches as candidates.
* ``published``: the publication date.
* ``component``: :class:`Dates` and the ``uninews_dates`` factory.

Importing this package registers the factory; every name the old single module offered is
re-exported here.
"""

from .component import LABELS, PATTERNS_FILE, Dates, make_dates
from .normaliser import DateNormaliser, normalise_date
from .parts import DATE_TOKEN_RE
from .values import NOT_A_DATE, UNRESOLVED, Anchor, DateValue, Granularity, Reading, Tense
from .words import WORDS_FILE, DateWords, load_date_words

__all__ = [
    "DATE_TOKEN_RE",
    "LABELS",
    "NOT_A_DATE",
    "PATTERNS_FILE",
    "UNRESOLVED",
    "WORDS_FILE",
    "Anchor",
    "DateNormaliser",
    "DateValue",
    "DateWords",
    "Dates",
    "Granularity",
    "Reading",
    "Tense",
    "load_date_words",
    "make_dates",
    "normalise_date",
]
