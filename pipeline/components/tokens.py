"""Small predicates on tokens and strings shared by the entity components."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

#: Cyrillic letters (U+0400-U+052F); a compiled search is much faster than a Python loop, and
#: this runs on nearly every token.
_CYRILLIC = re.compile("[\u0400-\u052f]")


def token_texts(doc: Doc) -> list[str]:
    """The texts of ``doc``'s tokens, computed once per Doc and shared by the components.

    Scanning a list of strings is several times cheaper than iterating the Doc, which makes a
    new ``Token`` object for every token on every pass; components scan it to find the few
    positions worth a closer look. (Tokens never change once the Doc is made.)
    """
    texts = doc.user_data.get(_TEXTS_KEY)
    if texts is None:
        texts = doc.user_data[_TEXTS_KEY] = [t.text for t in doc]
    return texts


def token_lowers(doc: Doc) -> list[str]:
    """Lower-cased token texts of ``doc``, computed once per Doc (see :func:`token_texts`)."""
    lowers = doc.user_data.get(_LOWERS_KEY)
    if lowers is None:
        lowers = doc.user_data[_LOWERS_KEY] = [t.lower() for t in token_texts(doc)]
    return lowers


def has_digit(text: str) -> bool:
    """A token that holds a digit and is not a word ("2025", "17.07.2025", "1,250")."""
    return not text.isalpha() and any(c.isdigit() for c in text)


def match_windows(
    matcher: Matcher,
    doc: Doc,
    positions: Iterable[int],
    reach: int | None,
    sentences: bool = True,
) -> list[Match]:
    """Run ``matcher`` over windows of ``reach`` tokens either side of each of the token
    ``positions`` (ascending), clipped to the position's sentence; ``reach=None`` takes the
    whole sentence. Matches are in Doc token offsets, each found once. With ``sentences``
    False the windows are not clipped, so the result is what matching the whole Doc finds
    (the parser's sentences are unreliable on a page's short lines: "Date Added: 22" |
    "May 2016").

    When every pattern holds one of the tokens at ``positions`` and is at most ``reach + 1``
    tokens long, every match lies inside the window of the position it holds, so the result is
    the same as matching whole sentences, on a fraction of the tokens.
    """
    windows: list[tuple[int, int]] = []
    bounds = sentence_bounds(doc) if sentences else [0]
    for i in positions:
        k = bisect_right(bounds, i) - 1
        first = bounds[k]
        last = bounds[k + 1] if k + 1 < len(bounds) else len(doc)
        if reach is None:
            start, end = first, last
        else:
            start, end = max(first, i - reach), min(last, i + reach + 1)
        if windows and start <= windows[-1][1] and windows[-1][0] >= first:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    matches: list[Match] = []
    for start, end in windows:
        matches.extend((m, start + s, start + e) for m, s, e in matcher(doc[start:end]))
    return matches


def pattern_reach(patterns: Iterable[list[dict]]) -> int | None:
    """How far a match can reach from any of its tokens: the longest pattern's token count
    minus one, or None when an operator ("*", "+", "{n,}") lets a pattern grow without bound
    (see :func:`match_windows`)."""
    longest = 0
    for pattern in patterns:
        length = 0
        for token in pattern:
            op = str(token.get("OP", "1"))
            if op in {"*", "+"} or (op.startswith("{") and op.rstrip("}").endswith(",")):
                return None
            if op.startswith("{"):  # "{n}", "{n,m}", "{,m}": at most the last number
                length += int(op.strip("{}").split(",")[-1])
            else:
                length += 1
        longest = max(longest, length)
    return max(longest - 1, 0)


def needs_number(pattern: list[dict], number_words: frozenset[str] = frozenset()) -> bool:
    """True when a token of ``pattern`` must be a number, so that :func:`match_windows` may
    start from the numbers: a required token that is ``LIKE_NUM`` and not alphabetic (every
    such token holds a digit), a ``LOWER`` drawn only from ``number_words``, or a ``TEXT``/
    ``LOWER``/``ORTH`` regex that asks for a digit outside any optional group."""
    for token in pattern:
        if not _required(str(token.get("OP", "1"))):
            continue
        if token.get("LIKE_NUM") is True and token.get("IS_ALPHA") is False:
            return True
        lower = token.get("LOWER")
        if isinstance(lower, dict) and set(lower.get("IN", [None])) <= number_words:
            return True
        for attr in ("TEXT", "LOWER", "ORTH"):
            value = token.get(attr)
            if isinstance(value, dict) and isinstance(value.get("REGEX"), str):
                if "\\d" in _OPTIONAL_GROUP.sub("", value["REGEX"]):
                    return True
    return False


def _required(op: str) -> bool:
    """Whether a Matcher operator makes its token occur at least once ("1", "+", "{2}",
    "{1,3}"; not "?", "*", "!", "{0,2}", "{,2}")."""
    if op in {"1", "+"}:
        return True
    if op.startswith("{"):
        least = op.strip("{}").split(",")[0]
        return least.isdigit() and int(least) >= 1
    return False


_OPTIONAL_GROUP = re.compile(r"\([^()]*\)[?*]")


def sentence_bounds(doc: Doc) -> list[int]:
    """Token offsets where ``doc``'s sentences start, computed once per Doc."""
    starts = doc.user_data.get(_SENTS_KEY)
    if starts is None:
        starts = doc.user_data[_SENTS_KEY] = [s.start for s in doc.sents]
    return starts


Match = tuple[int, int, int]
_TEXTS_KEY = "uninews.token_texts"
_LOWERS_KEY = "uninews.token_lowers"
_SENTS_KEY = "uninews.sentence_starts"


def has_cyrillic(text: str) -> bool:
    """Return True when ``text`` holds a Cyrillic letter (Russian boilerplate is not English)."""
    return _CYRILLIC.search(text) is not None


def is_capitalised(token: Token) -> bool:
    """A name-like token: starts with an upper-case letter (St., SPbPU, Xi'an, Anna-Lena)."""
    text = token.text
    return bool(text) and text[0].isupper() and not has_cyrillic(text)


def is_acronym(token: Token) -> bool:
    """An acronym-shaped token: letters only, at least two capitals, starts with a capital.

    Examples: ``JITRI``, ``SPbPU``, ``KFU``. Not: ``Mr``, ``A``, ``COVID-19``.
    """
    return is_acronym_text(token.text)


def is_acronym_text(text: str) -> bool:
    """:func:`is_acronym` on a token's text."""
    return (
        len(text) >= 2
        and text.isalpha()
        and text[0].isupper()
        and sum(c.isupper() for c in text) >= 2
        and not has_cyrillic(text)
    )


def is_initial(token: Token) -> bool:
    """A name initial: ``K.``, ``A.I.``, or a Russian two-letter one such as ``Yu.``."""
    text = token.text
    if len(text) < 2 or not text.endswith("."):
        return False
    parts = text[:-1].split(".")
    return all(
        part.isalpha()
        and part[0].isupper()
        and (len(part) == 1 or len(part) == 2 and part[1].islower())
        for part in parts
    )


#: Dependency labels that only a verb (or a verb-like head) governs.
#: (Not "aux": the parser reads the Turkish given name "Can" in "Mehmet Can Aydogan" as one.)
_VERB_CHILDREN = {"nsubj", "nsubjpass", "dobj", "ccomp", "xcomp", "dative"}


def is_verb_like(token: Token) -> bool:
    """True when the parse makes ``token`` a verb ("Opens" in a title-case headline)."""
    return any(child.dep_ in _VERB_CHILDREN for child in token.children)


def overlaps(a: Span, b: Span) -> bool:
    """Return True when two spans of one doc share a token."""
    return a.start < b.end and b.start < a.end
