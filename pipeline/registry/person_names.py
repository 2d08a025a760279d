"""Person names split for matching: transliteration keys, initials, surname-first names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .keys import fold
from .matching_rules import RegistryRules

_INITIALS = re.compile(r"^(?:[A-Z\u0400-\u042f][a-z]?\.)+$|^[A-Z]$")


def translit_key(word: str, rules: RegistryRules) -> str:
    """The matching key of one name word: folded, then the transliteration rules in order."""
    parts = []
    for part in fold(word).split("-"):
        for pattern, replacement in rules.transliteration:
            part = pattern.sub(replacement, part)
        parts.append(part)
    return "-".join(p for p in parts if p)


@dataclass(frozen=True)
class PersonName:
    """A name split for matching: given-name parts (full keys or initials) and a surname key."""

    given: tuple[tuple[str, bool], ...]  # (key, is_initial)
    surname: str
    surname_first: bool
    exact: str  # every word's key, in order

    @property
    def specificity(self) -> int:
        """Two per given name spelled out, one per initial."""
        return sum(1 if initial else 2 for _key, initial in self.given)

    @property
    def matchable(self) -> bool:
        """One-word names (and names of initials only) never match across articles."""
        return bool(self.given) and bool(self.surname)


def parse_person(name: str, rules: RegistryRules) -> PersonName:
    """Split a person's name into given-name parts and surname keys."""
    words = [w for w in name.replace(",", " ").split() if w not in rules.post_nominals]
    words = [w for w in words if w.lower().rstrip(".") not in rules.honorifics] or words
    keys = [translit_key(w.rstrip("."), rules) for w in words]
    exact = " ".join(keys)
    if len(words) >= 2 and fold(words[0]) in rules.surname_first and not _INITIALS.match(words[1]):
        # "Huang Jianping": surname first; matched only as written.
        return PersonName(((exact, False),), fold(words[0]), True, exact)
    given: list[tuple[str, bool]] = []
    for word in words[:-1]:
        if _INITIALS.match(word):
            given.extend((c.lower(), True) for c in word if c.isalpha() and c.isupper())
        elif word.lower() not in rules.particles:
            given.append((translit_key(word, rules), False))
    surname = keys[-1] if words and not _INITIALS.match(words[-1]) else ""
    return PersonName(tuple(given), surname, False, exact)


def compatible_people(a: PersonName, b: PersonName) -> bool:
    """True when the two names may be the same person (initials agree with given names)."""
    if not (a.matchable and b.matchable) or a.surname_first != b.surname_first:
        return False
    if a.surname_first:
        return a.exact == b.exact
    if a.surname != b.surname:
        return False
    for (ka, ia), (kb, ib) in zip(a.given, b.given, strict=False):
        if ia or ib:
            if ka[0] != kb[0]:
                return False
        elif ka != kb:
            return False
    return True
