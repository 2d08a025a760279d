"""String normalisation for comparison, and title and name similarity (CONTRACT.md)."""

from __future__ import annotations

import re
import unicodedata

_NO_BREAK_SPACES = "\u00a0\u2007\u202f\u2060"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
# The contract's punctuation minus ".", which must survive until honorifics ("Ms.") are removed.
# Typographic quotes are the same punctuation as ' and " in running text, so they go too.
_PUNCT_BUT_DOT = ",;:'\"()\u2018\u2019\u201c\u201d"
_HONORIFICS = ("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "academician", "sir", "madam")
_LEADING_THE = re.compile(r"the\s+")
_LEADING_HONORIFIC = re.compile(r"(?:" + "|".join(_HONORIFICS) + r")(?:\.\s*|\s+)")
_SPACES = re.compile(r"\s+")
_TRANSLATE_DASHES_AND_PUNCT = str.maketrans(
    {**{c: " " for c in _NO_BREAK_SPACES + _DASHES}, **{c: None for c in _PUNCT_BUT_DOT}}
)

#: Words ignored by title similarity.
TITLE_STOPWORDS = frozenset({"of", "the", "for", "and", "at", "in", "on", "a", "an"})
#: Minimum Jaccard overlap of title words for two titles to count as similar.
TITLE_JACCARD = 0.6
#: Minimum Jaccard overlap of name words (ignoring :data:`TITLE_STOPWORDS`) for a spurious and a
#: missed name to be listed as one ``wrong_span`` error when neither contains the other.
SPAN_JACCARD = 0.6


def normalise(s: str | None, *, strip_honorific: bool = True) -> str:
    """Normalise a string for comparison, as CONTRACT.md prescribes.

    Steps: Unicode NFKC; no-break spaces to spaces; lower case; punctuation ``,;:'"()`` removed;
    hyphens and dashes to spaces; a leading "the" and leading honorifics (also stacked, as in
    "Prof. Dr.") removed; then "." removed and runs of spaces collapsed. Honorifics go before the
    dots so that "Ms. Liu" becomes "liu". A prefix is only removed when something follows it, so
    "Professor" alone stays "professor".

    Args:
        s: the string; None counts as empty.
        strip_honorific: remove leading honorifics (titles keep them, see :func:`title_similar`).

    Returns:
        The normalised string, possibly empty.
    """
    if not s:
        return ""
    text = unicodedata.normalize("NFKC", s).lower().translate(_TRANSLATE_DASHES_AND_PUNCT)
    text = _SPACES.sub(" ", text).strip()
    text = _strip_prefixes(text, strip_honorific)
    return _SPACES.sub(" ", text.replace(".", "")).strip()


def _strip_prefixes(text: str, strip_honorific: bool) -> str:
    prefixes = (_LEADING_THE, _LEADING_HONORIFIC) if strip_honorific else (_LEADING_THE,)
    changed = True
    while changed:
        changed = False
        for pattern in prefixes:
            match = pattern.match(text)
            if match and match.end() < len(text):
                text = text[match.end() :]
                changed = True
    return text


def _title_words(normalised: str) -> set[str]:
    return {w for w in normalised.split() if w not in TITLE_STOPWORDS}


def title_similar(a: str | None, b: str | None) -> bool:
    """Tell whether two role titles match.

    Titles match when equal after normalisation, or when the Jaccard overlap of their word sets,
    ignoring :data:`TITLE_STOPWORDS`, is at least :data:`TITLE_JACCARD`. Honorific-like words are
    kept here, because in a title ("Professor of Physics") they are the content.

    Args:
        a: a title.
        b: another title.

    Returns:
        True when the titles are similar; empty titles are never similar.
    """
    na, nb = normalise(a, strip_honorific=False), normalise(b, strip_honorific=False)
    if not na or not nb:
        return False
    if na == nb:
        return True
    wa, wb = _title_words(na), _title_words(nb)
    union = wa | wb
    return bool(union) and len(wa & wb) / len(union) >= TITLE_JACCARD


def span_overlap(predicted: str | None, gold: str | None) -> float:
    """Tell how much two names overlap in text, for listing a near miss as ``wrong_span``.

    Names overlap when, after :func:`normalise`, one contains the other as whole words ("institute
    of physics" in "institute of physics of kazan federal university", "yulia kravtsova" in
    "yulia kravtsova appointed"), or when the Jaccard overlap of their word sets, ignoring
    :data:`TITLE_STOPWORDS`, is at least :data:`SPAN_JACCARD` (the same words in another order).
    The contained name must hold a word that is not a stopword, so "of" overlaps nothing.

    Args:
        predicted: a predicted name.
        gold: a gold name.

    Returns:
        0.0 when the names do not overlap (or either is empty); else the Jaccard overlap of all
        their words, in (0, 1], so that the closer of two candidate pairs can be preferred.
    """
    a, b = normalise(predicted), normalise(gold)
    if not a or not b:
        return 0.0
    words_a, words_b = set(a.split()), set(b.split())
    jaccard = len(words_a & words_b) / len(words_a | words_b)
    shorter = a if len(a) <= len(b) else b
    longer = b if shorter is a else a
    if _title_words(shorter) and f" {shorter} " in f" {longer} ":
        return jaccard
    content_a, content_b = _title_words(a), _title_words(b)
    union = content_a | content_b
    if union and len(content_a & content_b) / len(union) >= SPAN_JACCARD:
        return jaccard
    return 0.0
