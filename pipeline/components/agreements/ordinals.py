"""Ordinals that number partners or agreements: "our 12th partner in Korea" -> 12, "the 28th
MoU with a university in Japan" -> 28, "the first Russian partner of the university" -> 1.

An ordinal counts only agreement-like objects and partners (``ordinal_heads`` in
``rules/agreement_objects.json``), with at most three words between it and its head that are
not themselves numbers or stop words ("first Russian partner", "55th Exchange Agreement");
"the second visit" or "the first time" count nothing. The ordinal words are data too
(``ordinals`` in ``rules/numbers.json``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..tokens import token_lowers
from .number_words import EXACT
from .spans import _Candidate

RULE_ID = "agreement.count.ordinal"
#: Heads an ordinal always numbers: partners ("our 12th partner", "the fifth partner
#: university"); an agreement's ordinal counts only with a partner or a possessor ("the 28th
#: MoU with ...", "our 55th exchange agreement"), not in a history ("the first agreement was
#: signed in 1998").
PARTNER_HEADS = frozenset({"partner", "partners", "partnership", "collaboration"})
POSSESSIVES = frozenset({"our", "its", "their", "his", "her", "'s", "’s"})
MAX_MODIFIERS = 3
_DIGIT_ORDINAL = re.compile(r"^(\d{1,4})(?:st|nd|rd|th)$", re.I)


def ordinal_value(text: str, words: dict[str, int]) -> int | None:
    """The value of "28th", "1st" or "first"; None for anything else."""
    found = _DIGIT_ORDINAL.match(text)
    if found:
        return int(found.group(1))
    return words.get(text.lower())


def ordinal_candidates(
    doc: Doc, words: dict[str, int], heads: frozenset[str], label: str
) -> list[_Candidate]:
    """Candidates for ordinals before an agreement-like head (see the module docstring)."""
    out = []
    lowers = token_lowers(doc)
    for i, lower in enumerate(lowers):
        # the cheap test on the text first: only digits and ordinal words can be ordinals
        if not (lower[:1].isdigit() or lower in words):
            continue
        value = ordinal_value(lower, words)
        if value is None:
            continue
        token = doc[i]
        if token.i > 0 and doc[token.i - 1].lower_ in {"a", "an"}:
            continue  # "as a third partner in a trilateral school": one more, not the third
        k = token.i + 1
        while k < len(doc) and k - token.i <= MAX_MODIFIERS + 1:
            current = doc[k]
            if current.lower_ in heads:
                if current.lower_ in PARTNER_HEADS or _numbers_a_relation(doc, token.i, k):
                    out.append(
                        _Candidate(
                            label, RULE_ID, token.i, token.i, token.i + 1, k + 1, value, EXACT
                        )
                    )
                break
            if (
                current.is_stop
                or current.is_punct
                or current.is_space
                or current.like_num
                or ordinal_value(current.text, words) is not None
            ):
                break
            k += 1
    return out


def _numbers_a_relation(doc: Doc, ordinal: int, head: int) -> bool:
    """A partner phrase right after the head ("with", "between") or a possessor before the
    ordinal ("our", "the university's")."""
    after = {t.lower_ for t in doc[head + 1 : head + 3]}
    if after & {"with", "between"}:
        return True
    return ordinal > 0 and doc[ordinal - 1].lower_ in POSSESSIVES
