"""The rule files of the agreement counter: the two lexicons loaded and validated, the
``"@name"`` lists they lend to the patterns of ``agreements.jsonl``, and number reading with
the default ``numbers.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ...errors import RuleFileError
from ...rules import RuleLine, default_rules_dir, load_lexicon
from .number_words import NumberLexicon, Qualifier
from .objects import ObjectLexicon

PATTERNS_FILE = "agreements.jsonl"
NUMBERS_FILE = "numbers.json"
OBJECTS_FILE = "agreement_objects.json"

#: A string value ``"@name"`` inside ``IN``/``NOT_IN`` of a pattern names a lexicon list.
MACRO_PREFIX = "@"


_ModelT = TypeVar("_ModelT", bound=BaseModel)


def _load_model(path: Path, model: type[_ModelT]) -> _ModelT:
    """Validate a JSON lexicon; errors name the file and the field, as rule-line errors do."""
    try:
        return model.model_validate(load_lexicon(path))
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "file"
        raise RuleFileError(f"{path}: {field}: {first['msg']}") from None


@dataclass(frozen=True)
class Lexicons:
    """The two lexicons the component reads, plus the pattern macros derived from them."""

    numbers: NumberLexicon
    objects: ObjectLexicon

    @classmethod
    def load(cls, rules_dir: Path) -> Lexicons:
        """Load and validate ``numbers.json`` and ``agreement_objects.json`` from ``rules_dir``.

        Raises:
            RuleFileError: when a file is missing or does not match its schema.
        """
        return cls(
            numbers=_load_model(rules_dir / NUMBERS_FILE, NumberLexicon),
            objects=_load_model(rules_dir / OBJECTS_FILE, ObjectLexicon),
        )

    def macros(self) -> dict[str, list[str]]:
        """Return the lists a pattern can name as ``"@name"``."""
        numbers = self.numbers
        objects = self.objects
        return {
            "object_heads": objects.heads,
            "modifier_stop": sorted({w.lower() for w in objects.modifier_stop}),
            "counterparty_prepositions": sorted(
                {w.lower() for w in objects.counterparty_prepositions}
            ),
            "anaphors": sorted({w.lower() for w in objects.ellipsis.anaphors}),
            "elliptical_prepositions": sorted({w.lower() for w in objects.ellipsis.prepositions}),
            "elliptical_heads": sorted({w.lower() for w in objects.ellipsis.heads}),
            "subset_markers": sorted({w.lower() for w in objects.ellipsis.markers}),
            "qualifier_words": sorted(
                {w for phrase in numbers.qualifiers for w in phrase.lower().split()}
            ),
            "number_words": numbers.number_words,
            "number_parts": sorted({*numbers.number_words, *(j.lower() for j in numbers.joiners)}),
            "articles": sorted({a.lower() for a in numbers.articles}),
        }


@lru_cache(maxsize=1)
def _default_numbers() -> NumberLexicon:
    return _load_model(default_rules_dir() / NUMBERS_FILE, NumberLexicon)


def parse_number(text: str, lexicon: NumberLexicon | None = None) -> int | None:
    """Read a cardinal number written in digits or in English words.

    Args:
        text: e.g. ``"60"``, ``"1,000"``, ``"three"``, ``"twenty-five"``, ``"a dozen"``,
            ``"one hundred and twenty"``.
        lexicon: the number words; defaults to ``numbers.json`` of the default rules folder.

    Returns:
        The value, or None when ``text`` is not a cardinal: ordinals ("first", "1st"),
        decimals, plurals such as "dozens", or words outside the lexicon.
    """
    return (lexicon or _default_numbers()).parse(text)


def find_qualifier(
    words: Sequence[str], lexicon: NumberLexicon | None = None
) -> tuple[Qualifier, int]:
    """Find the qualifier phrase that ends right before a number.

    Args:
        words: the words preceding the number, in text order.
        lexicon: defaults to ``numbers.json`` of the default rules folder.

    Returns:
        ``(qualifier, number_of_words)``; ``("exact", 0)`` when no qualifier phrase ends there.
    """
    return (lexicon or _default_numbers()).qualifier(words)


def parse_qualifier(text: str, lexicon: NumberLexicon | None = None) -> Qualifier:
    """Map a qualifier phrase to its contract value.

    Args:
        text: the words before a number, e.g. ``"more than"``, ``"nearly"``, ``"at least"``;
            only the longest known phrase at the end of ``text`` counts.
        lexicon: defaults to ``numbers.json`` of the default rules folder.

    Returns:
        One of ``exact``, ``more_than``, ``less_than``, ``about``, ``at_least``, ``up_to``;
        ``exact`` when ``text`` ends in no known qualifier.
    """
    return find_qualifier(text.split(), lexicon)[0]


def expand_macros(rule: RuleLine, macros: dict[str, list[str]], path: Path) -> list[dict]:
    """Return ``rule.pattern`` with every ``"@name"`` list reference replaced by the list.

    Raises:
        RuleFileError: when the pattern is a phrase or names an unknown list.
    """
    if isinstance(rule.pattern, str):
        raise RuleFileError(f"{path}: {rule.id}: pattern: expected a list of token patterns")
    return [
        {key: _expand_value(value, macros, path, rule.id) for key, value in token.items()}
        for token in rule.pattern
    ]


def _expand_value(value: Any, macros: dict[str, list[str]], path: Path, rule_id: str) -> Any:
    if isinstance(value, dict):
        return {key: _expand_value(inner, macros, path, rule_id) for key, inner in value.items()}
    if isinstance(value, str) and value.startswith(MACRO_PREFIX):
        name = value.removeprefix(MACRO_PREFIX)
        if name not in macros:
            raise RuleFileError(
                f"{path}: {rule_id}: pattern: unknown list {value!r} "
                f"(known: {', '.join(MACRO_PREFIX + m for m in sorted(macros))})"
            )
        return macros[name]
    return value
