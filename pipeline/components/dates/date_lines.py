"""Which line of a page is its publication date line, in the shapes real sites print it.

A news page's own date stands on a short line near its top or bottom, next to other fields of
the page: a label ("Published Date:", "Release time:", "Date Added:"), a view counter ("Hits:
1520", "viewed: 31", "has been viewed 77 times"), a byline ("Author: ...", "Editor: ...",
"By ..."), a clock time ("11:35", "GMT"), a weekday, a section label ("News", "CAMPUS NEWS /", "-
International cooperation"). A press release instead opens its first paragraph with a dateline:
"(Nairobi, 2 March 2018) The university ...", "[Busan, Korea, March 9th, 2024]", "Surabaya,
Indonesia, 9 March 2024 - The university ...".

Both tests look at the tokens of one line outside one date candidate; the words they accept are
data (``rules/date_lines.json``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ...rules import load_lexicon

DATE_LINES_FILE = "date_lines.json"


@dataclass(frozen=True)
class DateLineWords:
    """The words ``rules/date_lines.json`` allows beside a publication date.

    Attributes:
        field_words: labels, counters and their words ("published", "hits", "viewed", "on").
        byline_labels: labels after which a name runs until the next separator or label
            ("author", "editor", "by").
        update_labels: words that make a line a "last updated" line, never the publication date.
        separators: tokens that end a byline or a section label ("|", "/", "-").
        dateline_ends: tokens that may follow a press release's dateline (")", "]", dashes).
        max_free_words: other words a date line may hold (a section label: "CAMPUS NEWS").
    """

    field_words: frozenset[str]
    byline_labels: frozenset[str]
    update_labels: frozenset[str]
    separators: frozenset[str]
    dateline_ends: frozenset[str]
    max_free_words: int


@lru_cache(maxsize=8)
def load_date_line_words(rules_dir: str) -> DateLineWords:
    """Read ``date_lines.json`` from ``rules_dir``."""
    data = load_lexicon(Path(rules_dir) / DATE_LINES_FILE)
    return DateLineWords(
        field_words=frozenset(w.lower() for w in data["field_words"]),
        byline_labels=frozenset(w.lower() for w in data["byline_labels"]),
        update_labels=frozenset(w.lower() for w in data["update_labels"]),
        separators=frozenset(data["separators"]),
        dateline_ends=frozenset(data["dateline_ends"]),
        max_free_words=int(data["max_free_words"]),
    )


def _is_word(token: Token) -> bool:
    return any(c.isalpha() for c in token.text)


def _latin(token: Token) -> bool:
    return any(c.isascii() and c.isalpha() for c in token.text)


def is_date_line(line: Span, start: int, end: int, words: DateLineWords) -> bool:
    """True when ``line`` holds, besides the date at tokens ``start:end``, only page fields.

    Numbers (counters, clock times, codes), punctuation, field words and words in another
    script ("승인") are fields; a byline label frees the words after it up to the next
    separator; at most ``max_free_words`` other words may stand there (a section label).
    An "updated" line is never the publication date line.
    """
    free = 0
    in_byline = False
    for token in line:
        if start <= token.i < end or token.is_space:
            continue
        lower = token.lower_.rstrip(":")
        if lower in words.update_labels:
            return False
        if token.text in words.separators:
            # "2017.11.10 | Anna Berg": words after a pipe are a byline or another field
            in_byline = token.text == "|"
            continue
        if not _is_word(token) or token.is_punct:
            continue
        if lower in words.byline_labels:
            in_byline = True
            continue
        if lower in words.field_words or not _latin(token) or in_byline:
            continue
        free += 1
        if free > words.max_free_words:
            return False
    return True


def is_dateline(doc: Doc, line: Span, start: int, end: int, words: DateLineWords) -> bool:
    """True for a press release's dateline: place names and commas, then the date, then a
    closing bracket or a dash ("(Nakuru, 2 March 2018)", "Surabaya, Indonesia, 9 March
    2024 -"). The place part starts the line, or follows an opening bracket or a colon."""
    if end >= line.end or doc[end].text not in words.dateline_ends | {"."}:
        return False
    if doc[end].text == "." and start - line.start > 4:
        return False  # "Depok, June 3rd, 2023. The ...": a full stop ends only a short dateline
    if start - 1 < line.start or doc[start - 1].text != ",":
        return False
    places = 0
    k = start - 1
    while k >= line.start:
        token = doc[k]
        if token.text in {"(", "[", ":"} or token.is_space:
            break
        if token.text == ",":
            k -= 1
            continue
        if not (token.is_alpha and token.text[:1].isupper()):
            return False
        places += 1
        if places > 6:
            return False
        k -= 1
    return places > 0
