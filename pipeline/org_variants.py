"""Spellings of one organization's name within one article.

Real releases spell a partner's name more than one way in the same text: with and without
diacritics ("Ünye University", "Unye University"), with a space or without ("Lake Side
College", "Lakeside College"), with a curly or a straight apostrophe, and with a slip of one
letter in one long word ("Halvorsen University", "Halvorson University"). A reader takes them
for one organization; so does :func:`pipeline.entities.group_orgs`, through the two tests here.

A one-letter difference is accepted only inside a long word (a short word's letter changes
the name: "Iowa", "Iona") that keeps its first letter, and never when one word is the other
plus the ending of an adjective or a demonym ("Korea University", "Korean University").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Shortest word in which one letter more, less or changed is taken as a slip.
MIN_SLIP_WORD = 6
#: Endings that turn a place into its adjective ("Austria" -> "Austrian"): not a slip.
ADJECTIVE_ENDINGS = ("n", "an", "ian", "ese", "i")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
#: Letters NFKD leaves alone but readers take for their plain forms.
_PLAIN = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


@lru_cache(maxsize=8192)
def spelling_words(name: str) -> tuple[str, ...]:
    """The name's words without case, diacritics, punctuation or a leading "the"."""
    text = unicodedata.normalize("NFKD", name.lower().translate(_PLAIN))
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = tuple(w for w in _NOT_WORD.split(text.replace("'", "").replace("’", "")) if w)
    return words[1:] if words[:1] == ("the",) and len(words) > 1 else words


def spelling_key(name: str) -> str:
    """One key for every spelling of a name that differs in case, diacritics, punctuation or
    spacing: "Lake Side College" and "Lakeside College" share "lakesidecollege"."""
    return "".join(spelling_words(name))


def one_slip_apart(a: str, b: str) -> bool:
    """True when two names differ in one long word by one letter added, dropped, changed or
    two neighbours swapped, and are otherwise the same words."""
    wa, wb = spelling_words(a), spelling_words(b)
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if min(len(x), len(y)) < MIN_SLIP_WORD or x[0] != y[0] or not (x.isalpha() and y.isalpha()):
        return False
    short, long_ = sorted((x, y), key=len)
    if long_.startswith(short) and long_[len(short) :] in ADJECTIVE_ENDINGS:
        return False
    return _one_edit(x, y)


def _one_edit(x: str, y: str) -> bool:
    """Damerau-Levenshtein distance exactly one."""
    if x == y or abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        pos = [i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q]
        if len(pos) == 1:
            return True
        i, j = (pos + [0, 0])[:2]
        return len(pos) == 2 and j == i + 1 and x[i] == y[j] and x[j] == y[i]
    short, long_ = sorted((x, y), key=len)
    i = next((k for k, (p, q) in enumerate(zip(short, long_, strict=False)) if p != q), len(short))
    return short[i:] == long_[i + 1 :]
