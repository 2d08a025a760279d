"""Matching keys of names: case and accent folding, organization keys, acronyms."""

from __future__ import annotations

import re
import unicodedata

_PUNCT = re.compile(r"[.,;:'\"()\u2018\u2019\u201c\u201d]")
_DASHES = re.compile(r"[\u2010-\u2015-]")


def fold(text: str) -> str:
    """Lower case, accents removed (NFKD), Unicode compatibility forms unified."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def org_key(name: str) -> str:
    """An organization name's matching key: folded, punctuation and a leading "the" removed."""
    text = _DASHES.sub(" ", _PUNCT.sub("", fold(name)))
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def is_acronym(form: str) -> bool:
    """ "SPbPU", "UrFU", "HIT": one word of at most 10 letters, at least two capitals."""
    bare = form.replace(".", "").replace("-", "").replace("&", "")
    return (
        " " not in form.strip()
        and 2 <= len(bare) <= 10
        and bare.isalnum()
        and sum(c.isupper() for c in bare) >= 2
    )
