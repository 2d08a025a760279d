"""The word lists and transliteration rules the registry's matching reads from the rules folder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..rules import default_rules_dir, load_lexicon
from .keys import fold


@dataclass(frozen=True)
class RegistryRules:
    """Word lists and transliteration rules the matching reads from the rules folder."""

    transliteration: tuple[tuple[re.Pattern, str], ...]
    surname_first: frozenset[str]
    post_nominals: frozenset[str]
    particles: frozenset[str]
    honorifics: frozenset[str]
    generic_org_words: frozenset[str]
    connectors: frozenset[str]


@lru_cache(maxsize=8)
def load_rules(rules_dir: Path | None = None) -> RegistryRules:
    """Load ``registry.json``, ``persons.json`` and ``organizations.json`` from ``rules_dir``."""
    folder = Path(rules_dir) if rules_dir else default_rules_dir()
    registry = load_lexicon(folder / "registry.json")
    persons = load_lexicon(folder / "persons.json")
    orgs = load_lexicon(folder / "organizations.json")
    surname_first = [
        *persons.get("chinese_surnames", []),
        *persons.get("korean_surnames", []),
        *persons.get("vietnamese_surnames", []),
    ]
    generic = [
        *registry.get("generic_org_words", []),
        *orgs.get("heads", {}),
        *orgs.get("unit_heads", []),
        *orgs.get("field_words", []),
        *orgs.get("connectors", []),
    ]
    return RegistryRules(
        transliteration=tuple((re.compile(a), b) for a, b in registry["transliteration"]),
        surname_first=frozenset(fold(s) for s in surname_first),
        post_nominals=frozenset(persons.get("post_nominals", [])),
        particles=frozenset(p.lower() for p in persons.get("particles", [])),
        honorifics=frozenset(h.lower().rstrip(".") for h in persons.get("honorifics", [])),
        generic_org_words=frozenset(fold(w) for w in generic),
        connectors=frozenset(fold(w) for w in orgs.get("connectors", [])),
    )
