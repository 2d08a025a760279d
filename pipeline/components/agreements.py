"""Agreement counts: "more than 60 active agreements with Chinese universities" -> 60, more_than.

How a count is found:

1. Token patterns from ``rules/agreements.jsonl`` propose ``number + modifiers + head`` sequences.
   Patterns may name a lexicon list as ``"@name"`` inside ``IN``/``NOT_IN`` (see
   :meth:`Lexicons.macros`), so number words and object heads live once, in
   ``rules/numbers.json`` and ``rules/agreement_objects.json``.
2. Each match is split into a number (the longest prefix :func:`parse_number` accepts), its
   modifiers and the head; the qualifier is the longest phrase of ``numbers.json`` that ends right
   before the number (:func:`find_qualifier`).
3. Checks drop what is not a count: ordinals, hyphenated compounds ("three-year"), dates, objects
   lacking a required modifier ("50 research institutes", unless the kind accepts a "with
   <partner>" phrase instead: "five new programmes with Russian partners"), and, when the doc
   is parsed, numbers that do not attach to the head inside the noun phrase ("five universities
   signed agreements"); a singular genitive inside the modifiers does not break the noun phrase
   ("three joint bachelor's programmes").
4. Overlaps are resolved (agreement counts, then counts without a noun of their own, then other
   quantities; then the longest), and the dependency parse gives the holder (a possessor before
   the number, else the subject of the governing verb) and the counterparty (object of "with",
   conjuncts included).
5. Counts without a counted noun of their own need the parse. An *elliptical* count ("27
   agreements, seven with institutions in the EU", "17 of them with ...", "at least five more")
   takes the object, label and holder of its antecedent: the nearest count before it, in the
   same sentence or the one before, with no other noun that could be the referent in between
   ("240 students, 40 of them from Kazakhstan" stays a quantity). A *partitive* ("fewer than ten
   of DUEE's 45 international agreements") counts the noun of its "of" phrase, and a *total*
   gives the value of a "number of" phrase ("brings the number of its agreements to 50").

Counted agreements go to ``doc.spans["agreements"]``; other counted nouns (students, staff,
years, percentages) go to ``doc.spans["quantities"]`` so later stages can tell them apart.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from ..errors import RuleFileError
from ..rules import RuleLine, check_rules_dir, default_rules_dir, load_lexicon, load_patterns
from .extensions import register_extensions
from .tokens import (
    has_digit,
    match_windows,
    needs_number,
    pattern_reach,
    token_lowers,
    token_texts,
)

logger = logging.getLogger(__name__)

AGREEMENT_LABEL = "AGREEMENT_COUNT"
QUANTITY_LABEL = "QUANTITY"
#: Pattern labels of numbers without a counted noun of their own; their spans end up labelled
#: as what they count (an agreement count or a quantity).
ELLIPTICAL_LABEL = "ELLIPTICAL_COUNT"
PARTITIVE_LABEL = "PARTITIVE_COUNT"
TOTAL_LABEL = "TOTAL_COUNT"
LABELS = {AGREEMENT_LABEL, QUANTITY_LABEL, ELLIPTICAL_LABEL, PARTITIVE_LABEL, TOTAL_LABEL}
#: Labels whose matches carry their own counted noun.
NOUN_LABELS = frozenset({AGREEMENT_LABEL, QUANTITY_LABEL})
#: Which candidate wins an overlap (lower first): "five more agreements" is an agreement count,
#: "five more" with no noun is elliptical rather than a quantity of "more".
_RANK = {
    AGREEMENT_LABEL: 0,
    ELLIPTICAL_LABEL: 1,
    PARTITIVE_LABEL: 1,
    TOTAL_LABEL: 1,
    QUANTITY_LABEL: 2,
}
SPANS_KEY = "agreements"
QUANTITIES_KEY = "quantities"

PATTERNS_FILE = "agreements.jsonl"
NUMBERS_FILE = "numbers.json"
OBJECTS_FILE = "agreement_objects.json"

#: A string value ``"@name"`` inside ``IN``/``NOT_IN`` of a pattern names a lexicon list.
MACRO_PREFIX = "@"

Qualifier = Literal["exact", "more_than", "less_than", "about", "at_least", "up_to"]
EXACT: Qualifier = "exact"

#: An entity type on the number itself means NER read it as something other than a count
#: ("In 2023 agreements were signed", "a three-year agreement", "the first agreement").
NON_COUNT_ENTITIES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"})

#: Entity types of names: a number inside one is part of the name ("Group of Seven").
NAME_ENTITIES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)

#: Dependency labels that keep a token inside the noun phrase of the counted head; the number
#: must reach the head through these ("a hundred and twenty exchange programmes" parses as
#: a -> hundred <- twenty (conj) -> exchange -> programmes).
NOUN_PHRASE_DEPS = frozenset(
    {
        "nummod",
        "quantmod",
        "amod",
        "compound",
        "nmod",
        "det",
        "punct",
        "npadvmod",
        "conj",
        "cc",
        "advmod",
    }
)

#: Labels under which a head modifies a noun further right ("two project partners"): the head
#: is then not the counted noun.
PRENOMINAL_DEPS = frozenset({"compound", "amod", "nmod"})

#: The singular genitive ending. A number cannot count a singular possessor, so in "three joint
#: bachelor's programmes" it counts the head, and the possessor is a modifier of it.
GENITIVE_MARKERS = frozenset({"'s", "\u2019s"})

#: Labels of tokens that stand as noun phrases; between an elliptical count and its antecedent
#: such a token is another candidate referent ("45 agreements and hosts students, 40 of them").
NOMINAL_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "obj", "pobj", "attr", "appos", "dative", "oprd"}
)

#: Pronouns: never a counted referent, and as possessors ("its 40 agreements") not a holder.
PRONOUNS = frozenset(
    "i you he she it we they me him her us them my your his its our their this that these those "
    "which who whom whose what".split()
)

#: Dependencies followed upward from the counted noun to its governing verb: objects,
#: prepositional attachments, appositions ("..., including two joint institutes"), coordination
#: and control ("plans to open two joint centres").
CLIMB_DEPS = frozenset(
    {"dobj", "obj", "pobj", "prep", "appos", "conj", "attr", "dative", "oprd", "xcomp", "pcomp"}
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})

#: A relative pronoun as subject stands for the noun the relative clause hangs on
#: ("the university, which has 40 joint laboratories").
RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})

#: Right-hand dependents that belong to a name-like noun phrase ("University of Helsinki").
NOUN_PHRASE_RIGHT_DEPS = frozenset({"compound", "flat", "nummod"})


# --------------------------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------------------------


class NumberLexicon(BaseModel):
    """``rules/numbers.json``: number words and qualifier phrases.

    Attributes:
        comment: free text for rule writers.
        units: "one" .. "nineteen"; add to the current group.
        tens: "twenty" .. "ninety"; add to the current group.
        multipliers: "hundred", "dozen"; multiply the current group.
        scales: "thousand", "million"; close the current group.
        articles: "a", "an"; may open a number before a multiplier or scale ("a dozen").
        joiners: "and" and hyphens inside a number ("twenty-five", "a hundred and twenty").
        qualifiers: phrase -> qualifier ("more than" -> ``more_than``).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    comment: str | None = None
    units: dict[str, int]
    tens: dict[str, int]
    multipliers: dict[str, int]
    scales: dict[str, int]
    articles: list[str]
    joiners: list[str] = Field(min_length=1)
    qualifiers: dict[str, Qualifier]

    @cached_property
    def _kinds(self) -> dict[str, tuple[str, int]]:
        """Every word by its grammatical kind and value (a plain attribute once computed:
        pydantic's private attributes are slow to read, and this is read per candidate)."""
        kinds: dict[str, tuple[str, int]] = {}
        for kind, table in (
            ("unit", self.units),
            ("ten", self.tens),
            ("multiplier", self.multipliers),
            ("scale", self.scales),
        ):
            for word, value in table.items():
                kinds[word.lower()] = (kind, value)
        for word in self.articles:
            kinds[word.lower()] = ("article", 0)
        for word in self.joiners:
            kinds[word.lower()] = ("joiner", 0)
        return kinds

    @cached_property
    def _qualifier_words(self) -> dict[tuple[str, ...], Qualifier]:
        """Qualifier phrases by their lower-cased words."""
        return {tuple(p.lower().split()): q for p, q in self.qualifiers.items()}

    @property
    def number_words(self) -> list[str]:
        """Every word that can open or continue a number, joiners and articles excluded."""
        return sorted(w for w, (kind, _) in self._kinds.items() if kind not in _NON_VALUE_KINDS)

    @cached_property
    def hyphens(self) -> frozenset[str]:
        """The joiners that are punctuation rather than words (``-`` and its Unicode kin)."""
        return frozenset(j for j in self.joiners if not j.isalpha())

    @cached_property
    def max_qualifier_words(self) -> int:
        """Length in words of the longest qualifier phrase."""
        return max((len(words) for words in self._qualifier_words), default=0)

    def word_kind(self, word: str) -> str | None:
        """Return the grammatical kind of ``word`` (unit, ten, ..., joiner), or None."""
        found = self._kinds.get(word.lower())
        return found[0] if found else None

    def parse(self, text: str) -> int | None:
        """Return the value of a number in digits or words, or None; see :func:`parse_number`."""
        if (value := _parse_digits(text)) is not None:
            return value  # the common case: one token of digits
        words = self._split(text)
        if len(words) == 1 and (value := _parse_digits(words[0])) is not None:
            return value
        total = current = 0
        previous = "start"
        kinds = self._kinds
        for word in words:
            kind, value = self._classify(word, kinds)
            if kind is None or kind not in _MAY_FOLLOW[previous]:
                return None
            if kind in {"digits", "unit", "ten"}:
                current += value
            elif kind == "multiplier":
                current = (current or 1) * value
            elif kind == "scale":
                total += (current or 1) * value
                current = 0
            previous = kind
        if previous in _NON_VALUE_KINDS or previous == "start":
            return None
        return total + current

    def qualifier(self, words: Sequence[str]) -> tuple[Qualifier, int]:
        """Return the qualifier whose phrase ends ``words``, and its length in words.

        Args:
            words: the words right before a number, in text order (any case).

        Returns:
            The longest qualifier phrase that is a suffix of ``words`` as ``(qualifier, n)``,
            or ``("exact", 0)`` when none is.
        """
        lowered = tuple(w.lower() for w in words)
        for size in range(min(len(lowered), self.max_qualifier_words), 0, -1):
            found = self._qualifier_words.get(lowered[-size:])
            if found is not None:
                return found, size
        return EXACT, 0

    def _split(self, text: str) -> list[str]:
        # The tokenizer splits "twenty-five" into three tokens; do the same for plain strings.
        for hyphen in self.hyphens:
            text = text.replace(hyphen, f" {hyphen} ")
        return text.lower().split()

    def _classify(self, word: str, kinds: dict[str, tuple[str, int]]) -> tuple[str | None, int]:
        digits = _parse_digits(word)
        if digits is not None:
            return "digits", digits
        return kinds.get(word, (None, 0))


#: The word kinds that may follow each kind inside a number (a tiny grammar of English
#: cardinals): "twenty - five", "a hundred and twenty", "2 dozen", "three thousand two hundred".
_MAY_FOLLOW: dict[str, frozenset[str]] = {
    "start": frozenset({"digits", "unit", "ten", "article"}),
    "article": frozenset({"multiplier", "scale"}),
    "digits": frozenset({"multiplier", "scale"}),
    "unit": frozenset({"multiplier", "scale"}),
    "ten": frozenset({"unit", "joiner", "scale"}),
    "joiner": frozenset({"unit", "ten"}),
    "multiplier": frozenset({"unit", "ten", "joiner", "scale"}),
    "scale": frozenset({"unit", "ten", "joiner"}),
}
_NON_VALUE_KINDS = frozenset({"article", "joiner"})


def _parse_digits(word: str) -> int | None:
    """Return the value of ``60``, ``1,000`` or ``12,500``; None for anything else."""
    groups = word.split(",")
    if not all(group.isascii() and group.isdecimal() for group in groups):
        return None
    # Commas must group thousands, else "1,5" (a decimal comma) would read as 15.
    if len(groups) > 1 and (len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    return int("".join(groups))


class ObjectKind(BaseModel):
    """One kind of counted object in ``rules/agreement_objects.json``.

    Attributes:
        forms: lower-case surface forms, singular and plural.
        requires: modifiers of which one must appear between number and head (empty: none).
        counterparty_suffices: a "with <partner>" phrase on the head stands in for a required
            modifier ("five new programmes with Russian partners").
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    forms: list[str] = Field(min_length=1)
    requires: list[str] = Field(default_factory=list)
    counterparty_suffices: bool = False


class EllipsisLexicon(BaseModel):
    """The ``ellipsis`` part of ``rules/agreement_objects.json``: counts without their own noun.

    Attributes:
        anaphors: words after "N of" that point back to counted things ("17 of them").
        markers: words that introduce a subset as a bare number ("including five in Asia").
        heads: words that stand in for the counted noun ("five more", "three others").
        min_count: smallest count read as a count; "one of them" picks out an item.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    anaphors: list[str] = Field(min_length=1)
    markers: list[str] = Field(default_factory=list)
    heads: list[str] = Field(default_factory=list)
    min_count: int = Field(default=2, ge=0)


class TotalsLexicon(BaseModel):
    """The ``totals`` part of ``rules/agreement_objects.json``: "the number of X ... to N".

    Attributes:
        nouns: nouns whose "of" phrase names what is counted ("number", "total").
        prepositions: prepositions that introduce the value ("to 50", "at 12").
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    nouns: list[str] = Field(min_length=1)
    prepositions: list[str] = Field(default_factory=list)


class ObjectLexicon(BaseModel):
    """``rules/agreement_objects.json``: what counts as an agreement-like object.

    Attributes:
        comment: free text for rule writers.
        objects: kind name -> its forms and required modifiers.
        modifier_stop: words and punctuation that end the modifiers between number and head.
        counterparty_prepositions: prepositions that introduce the partner ("with").
        partner_nouns: heads of a "with" phrase that name partners ("universities"); a named
            entity is a partner too.
        ellipsis: what marks a count without a counted noun of its own.
        totals: what marks the value of a "number of" phrase.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    comment: str | None = None
    objects: dict[str, ObjectKind] = Field(min_length=1)
    modifier_stop: list[str]
    counterparty_prepositions: list[str]
    partner_nouns: list[str] = Field(default_factory=list)
    ellipsis: EllipsisLexicon
    totals: TotalsLexicon

    @cached_property
    def _by_form(self) -> dict[str, ObjectKind]:
        """Object kinds by their lower-cased surface forms (a plain attribute once computed)."""
        return {form.lower(): kind for kind in self.objects.values() for form in kind.forms}

    @property
    def heads(self) -> list[str]:
        """Every surface form of every object kind."""
        return sorted(self._by_form)

    def kind_of(self, word: str) -> ObjectKind | None:
        """Return the object kind whose forms include ``word`` (any case), or None."""
        return self._by_form.get(word.lower())


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


# --------------------------------------------------------------------------------------------
# The component
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    """A validated match, in token indices; ``end`` is one past the head (or the link words)."""

    label: str
    rule_id: str
    start: int
    number_start: int
    number_end: int
    end: int
    count: int
    qualifier: Qualifier

    @property
    def head(self) -> int:
        return self.end - 1


TokenRange = tuple[int, int]


@dataclass(frozen=True)
class _Count:
    """A count ready to become a span; ranges are in tokens.

    Attributes:
        anchor: the token that stands for the counted things: the head noun, or for a count
            without a noun of its own, the number.
        obj: the counted object ("active agreements"); an elliptical count borrows its
            antecedent's.
        elliptical: the count refers back to an antecedent (its partner is found by position).
    """

    label: str
    rule_id: str
    start: int
    end: int
    anchor: int
    count: int
    qualifier: Qualifier
    obj: TokenRange
    holder: TokenRange | None = None
    counterparty: TokenRange | None = None
    elliptical: bool = False


class AgreementCounter:
    """Find counts of agreements (and, optionally, of anything else) in a document.

    Args:
        nlp: the pipeline (for its vocab).
        name: component name.
        rules_dir: folder holding ``agreements.jsonl``, ``numbers.json`` and
            ``agreement_objects.json``; empty for :func:`pipeline.rules.default_rules_dir`.
        quantities: also write other counted nouns to ``doc.spans["quantities"]``.
    """

    def __init__(self, nlp: Language, name: str, *, rules_dir: str, quantities: bool) -> None:
        register_extensions()
        self.name = name
        self.quantities = quantities
        folder = check_rules_dir(Path(rules_dir)) if rules_dir else default_rules_dir()
        self.lexicons = Lexicons.load(folder)
        path = folder / PATTERNS_FILE
        self.rules = load_patterns(path, LABELS)
        self.labels = {rule.id: rule.label for rule in self.rules}
        macros = self.lexicons.macros()
        self.matcher = Matcher(nlp.vocab, validate=True)
        patterns = [expand_macros(rule, macros, path) for rule in self.rules]
        for rule, pattern in zip(self.rules, patterns, strict=True):
            self.matcher.add(rule.id, [pattern])
        # When every pattern needs a number (digits or a number word), the Matcher (the costly
        # part of this component) runs only on windows around the numbers, as long as the
        # longest pattern either side.
        self._number_words = frozenset(macros["number_words"])
        self._gated = all(needs_number(p, self._number_words) for p in patterns)
        self._reach = pattern_reach(patterns)
        self._modifier_stop = frozenset(macros["modifier_stop"])
        self._counterparty_preps = frozenset(macros["counterparty_prepositions"])
        self._elliptical_heads = frozenset(macros["elliptical_heads"])
        self._subset_markers = frozenset(macros["subset_markers"])
        objects = self.lexicons.objects
        self._partner_nouns = frozenset(w.lower() for w in objects.partner_nouns)
        self._total_nouns = frozenset(w.lower() for w in objects.totals.nouns)
        self._total_preps = frozenset(w.lower() for w in objects.totals.prepositions)
        logger.debug("%s: %d patterns from %s", name, len(self.rules), path)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["agreements"]`` (and ``["quantities"]``); see the module docstring."""
        parsed = doc.has_annotation("DEP")
        candidates = []
        for match_id, start, end in self._matches(doc):
            rule_id = doc.vocab.strings[match_id]
            candidate = self._candidate(doc, rule_id, start, end, parsed)
            if candidate is not None:
                candidates.append(candidate)
        # A number inside a date ("opens on 20 June") is the date's, not a quantity; and span
        # extensions are keyed by offsets, so a quantity there would overwrite the date's.
        dates = [(s.start, s.end) for s in doc.spans.get("dates", [])]
        resolved = [
            c
            for c in _resolve(candidates)
            if c.label == AGREEMENT_LABEL
            or not any(c.start < end and start < c.end for start, end in dates)
        ]
        counts = [self._count(doc, c, parsed) for c in resolved if c.label in NOUN_LABELS]
        by_anchor = {count.anchor: count for count in counts}
        # In text order, so that "nine with X and four with Y" can chain through "nine".
        for candidate in resolved:
            if candidate.label == ELLIPTICAL_LABEL:
                count = self._elliptical(doc, candidate, counts)
            elif candidate.label == PARTITIVE_LABEL:
                count = self._partitive(doc, candidate, by_anchor)
            elif candidate.label == TOTAL_LABEL:
                count = self._total(doc, candidate)
            else:
                continue
            if count is not None:
                counts.append(count)
        counts = _release_partners(counts)
        doc.spans[SPANS_KEY] = [_make_span(doc, c) for c in counts if c.label == AGREEMENT_LABEL]
        if self.quantities:
            doc.spans[QUANTITIES_KEY] = [
                _make_span(doc, c) for c in counts if c.label == QUANTITY_LABEL
            ]
        return doc

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The Matcher's matches around the numbers of ``doc`` (see ``_gated``)."""
        if not self._gated or not doc.has_annotation("SENT_START"):
            return self.matcher(doc)
        words = self._number_words
        numbers = [
            i
            for i, (text, lower) in enumerate(zip(token_texts(doc), token_lowers(doc), strict=True))
            if lower in words or has_digit(text)
        ]
        return match_windows(self.matcher, doc, numbers, self._reach)

    # -- validation ---------------------------------------------------------------------------

    def _candidate(
        self, doc: Doc, rule_id: str, start: int, end: int, parsed: bool
    ) -> _Candidate | None:
        label = self.labels[rule_id]
        if label not in NOUN_LABELS:
            return self._bare_candidate(doc, rule_id, label, start, end, parsed)
        # Quantities have an open-class head; without a parse nothing tells the counted noun
        # from the next word, so they are left out rather than guessed.
        if label == QUANTITY_LABEL and not parsed:
            return None
        head = end - 1
        split = self._split_number(doc, start, head)
        if split is None:
            return None
        number_end, count = split
        if not self._plausible(doc, label, start, number_end, head, parsed):
            return None
        qualifier, qualifier_start = self._qualifier(doc, start)
        return _Candidate(label, rule_id, qualifier_start, start, number_end, end, count, qualifier)

    def _bare_candidate(
        self, doc: Doc, rule_id: str, label: str, start: int, end: int, parsed: bool
    ) -> _Candidate | None:
        """A number without a counted noun of its own, with link words ("with", "including")."""
        # What such a number counts is only found through the parse.
        if not parsed:
            return None
        # A total is the number alone, "including [qualifier] N" ends in it, and the others
        # end in at least one link word after it.
        leading = doc[start].lower_ in self._subset_markers
        if label == TOTAL_LABEL:
            number_start, split = start, self._split_number(doc, start, end)
        elif leading:
            number_start, split = self._number_suffix(doc, start + 1, end)
        else:
            number_start, split = start, self._split_number(doc, start, end - 1)
        if split is None:
            return None
        number_end, count = split
        link = doc[number_end:end]
        if (label == TOTAL_LABEL or leading) and link:
            return None
        if label == TOTAL_LABEL and self._total_phrase(doc, start, number_end) is None:
            return None
        # "including 300 students": the number counts a noun of its own, not a subset.
        if leading and doc[number_start:number_end].root.head.i != start:
            return None
        start = number_start
        if count < self.lexicons.objects.ellipsis.min_count or any(
            self._is_number_word(t) for t in link
        ):
            return None
        if not self._standalone_number(doc, start, number_end, len(doc)):
            return None
        number = doc[start:number_end]
        if any(t.ent_type_ in NAME_ENTITIES | NON_COUNT_ENTITIES for t in number):
            return None
        # "five more students": "more" modifies a noun of its own, which the number counts.
        last = doc[end - 1]
        if (
            last.lower_ in self._elliptical_heads
            and last.head.i > last.i
            and last.dep_ in PRENOMINAL_DEPS | {"nummod", "advmod", "quantmod"}
        ):
            return None
        qualifier, qualifier_start = self._qualifier(doc, start)
        return _Candidate(label, rule_id, qualifier_start, start, number_end, end, count, qualifier)

    def _number_suffix(self, doc: Doc, start: int, end: int) -> tuple[int, tuple[int, int] | None]:
        """Return ``(number_start, (end, value))`` for the longest number ending at ``end``."""
        numbers = self.lexicons.numbers
        texts = token_texts(doc)
        for number_start in range(start, end):
            value = numbers.parse(" ".join(texts[number_start:end]))
            if value is not None:
                return number_start, (end, value)
        return start, None

    def _split_number(self, doc: Doc, start: int, head: int) -> tuple[int, int] | None:
        """Return ``(number_end, value)`` for the longest number prefix of ``doc[start:head]``."""
        numbers = self.lexicons.numbers
        texts = token_texts(doc)
        for number_end in range(head, start, -1):
            value = numbers.parse(" ".join(texts[start:number_end]))
            if value is not None:
                return number_end, value
        return None

    def _standalone_number(self, doc: Doc, start: int, number_end: int, limit: int) -> bool:
        """False for the tail of a longer number ("five" of "twenty-five") or a compound.

        ``limit`` is where the words that may follow the number end (the counted head).
        """
        hyphens = self.lexicons.numbers.hyphens
        # A match that starts inside a longer number is not a count of its own; the longer
        # match carries it. A hyphen followed by a space is a dash or a bullet ("- two joint
        # programmes"), not part of a number.
        previous = doc[start - 1] if start > 0 else None
        if previous is not None and (
            self._is_number_word(previous)
            or (previous.text in hyphens and not previous.whitespace_)
        ):
            return False
        # "three-year agreement", "two-thirds": a hyphen right after the number makes it part
        # of a compound modifier, not a count of the head.
        return not (number_end < limit and doc[number_end].text in hyphens)

    def _plausible(
        self, doc: Doc, label: str, start: int, number_end: int, head: int, parsed: bool
    ) -> bool:
        if not self._standalone_number(doc, start, number_end, head):
            return False
        modifiers = doc[number_end:head]
        if any(self._is_number_word(t) or t.lower_ in self._modifier_stop for t in modifiers):
            return False
        number = doc[start:number_end]
        if any(t.ent_type_ in NAME_ENTITIES for t in number):
            return False
        if label == QUANTITY_LABEL and not self._plausible_quantity(doc, number, head):
            return False
        if label == AGREEMENT_LABEL:
            if any(t.ent_type_ in NON_COUNT_ENTITIES for t in number):
                return False
            if not self._kind_allows(doc[head], modifiers, parsed):
                return False
        if parsed:
            head_token = doc[head]
            if head_token.dep_ in PRENOMINAL_DEPS and head_token.head.i > head:
                return False
            if not any(_reaches(doc[i], head_token, start) for i in range(start, number_end)):
                return False
        return True

    def _kind_allows(self, head: Token, modifiers: Iterable[Token], parsed: bool) -> bool:
        """True when ``head`` is an object head whose required modifier (or partner) is there."""
        kind = self.lexicons.objects.kind_of(head.text)
        if kind is None:
            return False
        required = {w.lower() for w in kind.requires}
        if not required or required & {t.lower_ for t in modifiers}:
            return True
        return kind.counterparty_suffices and parsed and self._has_partner(head)

    def _has_partner(self, head: Token) -> bool:
        """True when ``head`` has a "with" phrase naming a partner (an entity or partner noun)."""
        partner = self._counterparty_object(head)
        if partner is None:
            return False
        return partner.ent_type_ in NAME_ENTITIES or partner.lower_ in self._partner_nouns

    @staticmethod
    def _plausible_quantity(doc: Doc, number: Span, head: int) -> bool:
        # "In 2023 students ...": a date entity that stops short of the head is a date, while
        # "5 years" (one DATE entity with its head) is a quantity.
        for token in number:
            if token.ent_type_ in NON_COUNT_ENTITIES and not _same_entity(token, doc[head]):
                return False
        # A capitalised number word inside a sentence is part of a name ("One Belt, One Road").
        first = number[0]
        return not (first.is_title and first.is_alpha and not first.is_sent_start)

    def _is_number_word(self, token: Token) -> bool:
        """True for digits and number words ("60", "twenty", "dozen"); ordinals are not."""
        kind = self.lexicons.numbers.word_kind(token.text)
        return _parse_digits(token.text) is not None or (
            kind is not None and kind not in _NON_VALUE_KINDS
        )

    def _qualifier(self, doc: Doc, start: int) -> tuple[Qualifier, int]:
        """Return the qualifier before the number at ``start``, and where its phrase starts."""
        numbers = self.lexicons.numbers
        # A qualifier never crosses a line break, so the window stops at whitespace tokens.
        window: list[str] = []
        for token in reversed(doc[max(0, start - numbers.max_qualifier_words) : start]):
            if token.is_space:
                break
            window.insert(0, token.text)
        qualifier, size = numbers.qualifier(window)
        if size == 0:
            return EXACT, start
        return qualifier, start - size

    # -- counts -------------------------------------------------------------------------------

    def _count(self, doc: Doc, candidate: _Candidate, parsed: bool) -> _Count:
        """A count with its own noun; agreement counts get holder and counterparty."""
        holder = counterparty = None
        end = candidate.end
        if candidate.label == AGREEMENT_LABEL and parsed:
            head = doc[candidate.head]
            holder = _holder(head, candidate.number_start)
            counterparty = self._counterparty(head)
            if counterparty is not None:
                end = max(end, counterparty[1])
        return _Count(
            candidate.label,
            candidate.rule_id,
            candidate.start,
            end,
            candidate.head,
            candidate.count,
            candidate.qualifier,
            (candidate.number_end, candidate.end),
            holder,
            counterparty,
        )

    def _elliptical(
        self, doc: Doc, candidate: _Candidate, counts: Sequence[_Count]
    ) -> _Count | None:
        """An elliptical count takes what it counts from its antecedent, or is dropped."""
        antecedent = _antecedent(doc, candidate, counts)
        if antecedent is None:
            return None
        anchor = _number_head(doc, candidate)
        counterparty = self._link_counterparty(doc, candidate)
        end = max(candidate.end, counterparty[1]) if counterparty else candidate.end
        if candidate.end == candidate.number_end:
            # "including five in Latin America": the evidence runs to the end of the phrase.
            end = max(end, _phrase_end(doc[anchor]))
        holder = antecedent.holder or _holder(doc[anchor], candidate.number_start)
        return _Count(
            antecedent.label,
            candidate.rule_id,
            candidate.start,
            end,
            anchor,
            candidate.count,
            candidate.qualifier,
            antecedent.obj,
            holder,
            counterparty,
            elliptical=True,
        )

    def _partitive(
        self, doc: Doc, candidate: _Candidate, by_anchor: dict[int, _Count]
    ) -> _Count | None:
        """A partitive ("ten of DUEE's 45 agreements") counts the noun of its "of" phrase."""
        link = doc[candidate.number_end]
        if not candidate.number_start <= link.head.i < candidate.number_end:
            return None
        noun = next((c for c in link.children if c.dep_ == "pobj"), None)
        if noun is None:
            return None
        anchor = _number_head(doc, candidate)
        inner = by_anchor.get(noun.i)
        if inner is not None:
            label, obj, counterparty = inner.label, inner.obj, inner.counterparty
            holder = inner.holder
        elif self._kind_allows(noun, doc[link.i + 1 : noun.i], parsed=True):
            label, obj = AGREEMENT_LABEL, (_object_start(noun), noun.i + 1)
            counterparty = self._counterparty(noun)
            holder = _possessor(noun, noun.i)
        else:
            return None
        if label == AGREEMENT_LABEL:
            holder = holder or _holder(doc[anchor], candidate.number_start)
        end = max(noun.i + 1, counterparty[1] if counterparty else 0)
        return _Count(
            label,
            candidate.rule_id,
            candidate.start,
            end,
            anchor,
            candidate.count,
            candidate.qualifier,
            obj,
            holder,
            counterparty,
        )

    def _total_phrase(self, doc: Doc, start: int, number_end: int) -> tuple[Token, Token] | None:
        """``(noun, counted)`` when the number gives the value of "the number of <counted>".

        "has reached 45" and "is 30" make the number the object or complement of the verb;
        "brings the number ... to 50" and "stands at 12" put it after a preposition. The noun
        ("number") is the verb's subject or object, before the value, and its "of" phrase must
        name an agreement object.
        """
        number = doc[start:number_end].root
        if number.dep_ == "pobj" and number.head.lower_ in self._total_preps:
            verb = number.head.head
        elif number.dep_ in {"attr", "dobj"}:
            verb = number.head
        else:
            return None
        noun = next(
            (
                c
                for c in verb.children
                if c.dep_ in {"nsubj", "nsubjpass", "dobj"}
                and c.lower_ in self._total_nouns
                and c.i < number.i
            ),
            None,
        )
        if noun is None:
            return None
        of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None:
            return None
        counted = next((c for c in of.children if c.dep_ == "pobj"), None)
        if counted is None or not self._kind_allows(counted, doc[of.i + 1 : counted.i], True):
            return None
        return noun, counted

    def _total(self, doc: Doc, candidate: _Candidate) -> _Count | None:
        """The value of "the number of <agreements>" ("... to more than 50")."""
        phrase = self._total_phrase(doc, candidate.number_start, candidate.number_end)
        if phrase is None:
            return None
        noun, counted = phrase
        counterparty = self._counterparty(counted)
        # Only a named possessor: the subject of "brings the number ... to 50" is often the
        # cause ("The new memoranda bring ..."), not the holder.
        holder = _possessor(counted, counted.i)
        return _Count(
            AGREEMENT_LABEL,
            candidate.rule_id,
            min(noun.left_edge.i, candidate.start),
            candidate.end,
            _number_head(doc, candidate),
            candidate.count,
            candidate.qualifier,
            (_object_start(counted), counted.i + 1),
            holder,
            counterparty,
        )

    # -- counterparty -------------------------------------------------------------------------

    def _counterparty_object(self, head: Token) -> Token | None:
        """The object of the "with" phrase of the counted noun (or of its verb)."""
        preps = [
            c for c in head.rights if c.dep_ == "prep" and c.lower_ in self._counterparty_preps
        ]
        # "signed 5 agreements with X": the parser often hangs "with" on the verb.
        if not preps and head.dep_ in {"dobj", "obj"}:
            preps = [
                c
                for c in head.head.rights
                if c.dep_ == "prep" and c.lower_ in self._counterparty_preps and c.i > head.i
            ]
        for prep in preps:
            for child in prep.children:
                if child.dep_ == "pobj":
                    return child
        return None

    def _counterparty(self, head: Token) -> TokenRange | None:
        """Token range of the "with ..." object of the counted noun (or of its verb)."""
        partner = self._counterparty_object(head)
        return _noun_phrase(partner) if partner is not None else None

    def _link_counterparty(self, doc: Doc, candidate: _Candidate) -> TokenRange | None:
        """The partner of an elliptical count: the "with" phrase that ends or follows its link.

        Found by position, since the parser hangs "17 of them with Mongolian partners" on the
        antecedent or the verb as often as on the number.
        """
        for i in (candidate.end - 1, candidate.end):
            if i < len(doc) and doc[i].lower_ in self._counterparty_preps:
                partner = next((c for c in doc[i].children if c.dep_ == "pobj"), None)
                return _noun_phrase(partner) if partner is not None else None
        return None


def _make_span(doc: Doc, count: _Count) -> Span:
    span = Span(doc, count.start, count.end, label=count.label, span_id=count.rule_id)
    span._.count = count.count
    span._.qualifier = count.qualifier
    # The counted object is the noun phrase after the number: "active agreements".
    span._.object_span = _char_range(doc, count.obj)
    if count.label == AGREEMENT_LABEL:
        span._.holder_span = _char_range(doc, count.holder)
        span._.counterparty_span = _char_range(doc, count.counterparty)
    return span


def _char_range(doc: Doc, tokens: TokenRange | None) -> tuple[int, int] | None:
    if tokens is None:
        return None
    span = doc[tokens[0] : tokens[1]]
    return span.start_char, span.end_char


def _resolve(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping candidates: by label rank (:data:`_RANK`), the longest, the earliest."""
    ranked = sorted(candidates, key=lambda c: (_RANK[c.label], -(c.end - c.start), c.start))
    taken: set[int] = set()
    kept: list[_Candidate] = []
    for candidate in ranked:
        tokens = set(range(candidate.number_start, candidate.end))
        if tokens & taken:
            continue
        taken |= tokens
        kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _release_partners(counts: list[_Count]) -> list[_Count]:
    """Return ``counts`` in text order, each "with" phrase kept by one count only.

    The parser often hangs "40 of them with X" on the verb, where the antecedent's fallback
    finds it too; the phrase belongs to the count without a noun, which names it by position.
    """
    claimed = {c.counterparty for c in counts if c.elliptical and c.counterparty is not None}
    kept = [
        replace(c, counterparty=None, end=c.anchor + 1)
        if not c.elliptical and c.counterparty in claimed
        else c
        for c in counts
    ]
    return sorted(kept, key=lambda c: c.start)


def _number_head(doc: Doc, candidate: _Candidate) -> int:
    """The token of a multi-word number that hangs outside it ("dozen" of "a dozen")."""
    for i in range(candidate.number_start, candidate.number_end):
        if not candidate.number_start <= doc[i].head.i < candidate.number_end:
            return i
    return candidate.number_end - 1


def _antecedent(doc: Doc, candidate: _Candidate, counts: Sequence[_Count]) -> _Count | None:
    """The count an elliptical count refers back to, or None.

    It is the nearest count before it, in the same sentence or the one just before, with no
    other possible referent (a common noun standing as a noun phrase) in between: in "45
    agreements and hosts students, 40 of them ..." the students come between. The subject of
    the count's own clause is not one ("14 joint projects, and the centre would add five more":
    the centre adds them). Durations are passed over ("18 agreements over 5 years, 4 of which
    ..."): NER reads them as dates.
    """
    before = [
        c
        for c in counts
        if c.start < candidate.start and doc[c.anchor].ent_type_ not in NON_COUNT_ENTITIES
    ]
    if not before:
        return None
    antecedent = max(before, key=lambda c: c.start)
    sentence = doc[candidate.number_start].sent
    antecedent_sentence = doc[antecedent.anchor].sent
    if antecedent_sentence.start != sentence.start and antecedent_sentence.end != sentence.start:
        return None
    inside = set(range(antecedent.start, antecedent.end)) | _own_subtree(doc[antecedent.anchor])
    number = doc[_number_head(doc, candidate)]
    path = {t.i for t in number.ancestors}
    for verb in number.ancestors:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.i not in path:
                inside |= {t.i for t in child.subtree}
    between = doc[antecedent.end : candidate.start]
    if any(t.i not in inside and _possible_referent(t) for t in between):
        return None
    return antecedent


def _phrase_end(token: Token) -> int:
    """One past the last token of ``token``'s own phrase, without conjuncts, "and" or final dots."""
    doc = token.doc
    end = max(_own_subtree(token)) + 1
    while end > token.i + 1 and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    return end


def _own_subtree(token: Token) -> set[int]:
    """Indices of ``token``'s subtree without its conjuncts (which are referents of their own)."""
    out = {token.i}
    for child in token.children:
        if child.dep_ != "conj":
            out |= _own_subtree(child)
    return out


def _possible_referent(token: Token) -> bool:
    """True for a common noun standing as a noun phrase, which a count could refer back to.

    Names, numbers and pronouns are not (a name is one thing, not several); a conjunct is
    nominal when what it is conjoined with is ("agreements and students", not "has and expects").
    """
    if token.ent_iob_ != "O" or token.like_num or token.lower_ in PRONOUNS or not token.is_alpha:
        return False
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in NOMINAL_DEPS


def _object_start(noun: Token) -> int:
    """Where the object of a partitive starts: after its determiners, possessor and number."""
    start = noun.left_edge.i
    for child in noun.lefts:
        if child.dep_ in {"det", "nummod", "quantmod", "predet"} or _is_owner(child):
            start = max(start, child.right_edge.i + 1)
        elif child.dep_ == "poss" and child.lower_ in PRONOUNS:
            start = max(start, child.i + 1)
    doc = noun.doc
    while start < noun.i and doc[start].dep_ == "det":
        start += 1
    return start


def _same_entity(first: Token, second: Token) -> bool:
    """True when both tokens lie in one named entity."""
    if first.ent_iob_ == "O" or second.ent_iob_ == "O":
        return False
    low, high = sorted((first.i, second.i))
    return all(t.ent_iob_ == "I" for t in first.doc[low + 1 : high + 1])


def _reaches(token: Token, head: Token, lower: int) -> bool:
    """True when ``token`` hangs on ``head`` through noun-phrase-internal dependencies only."""
    while token.i != head.i:
        inside = token.dep_ in NOUN_PHRASE_DEPS or _descriptive_genitive(token)
        if not inside or token.head.i == token.i:
            return False
        token = token.head
        if not lower <= token.i <= head.i:
            return False
    return True


def _descriptive_genitive(token: Token) -> bool:
    """True for a singular possessor marked by "'s" ("master's" in "two master's programmes")."""
    return token.dep_ == "poss" and any(
        c.dep_ == "case" and c.lower_ in GENITIVE_MARKERS for c in token.children
    )


def _holder(head: Token, number_start: int | None = None) -> TokenRange | None:
    """Token range of whoever holds the counted objects, from the dependency parse.

    A possessor before the number holds them (see :func:`_possessor`). Otherwise climbs from
    the counted noun through objects, prepositions, appositions and conjuncts to the first
    predicate with a subject; a counted noun that is itself the subject has no holder in the
    sentence ("Three major projects are underway"), unless a passive names an agent.
    """
    if number_start is not None and (owner := _possessor(head, number_start)) is not None:
        return owner
    token = head
    for _ in range(len(head.doc)):
        if token.dep_ == "nsubjpass":
            return _agent(token.head)
        if token.dep_ in SUBJECT_DEPS or token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            return None
        token = token.head
        # Stray quotes get a subject label at times ("» ISU now has ..."): skip punctuation.
        subject = next((c for c in token.children if c.dep_ == "nsubj" and not c.is_punct), None)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                subject = token.head
            return _noun_phrase(subject)
    return None


def _possessor(head: Token, before: int) -> TokenRange | None:
    """The possessor left of ``before`` that holds ``head`` ("DUEE's", "the institute's").

    A possessive pronoun ("its 40 agreements") is left to the clause.
    """
    for child in head.lefts:
        if child.i < before and _is_owner(child):
            return _noun_phrase(child)
    return None


def _is_owner(token: Token) -> bool:
    """True for a possessor that owns the noun ("DUEE's", "the academy's"), not one that
    classifies it ("joint bachelor's programmes", even as "the joint bachelor's programmes").

    An owner is a name, or a determined noun without adjectives or compounds of its own.
    """
    if token.dep_ != "poss" or token.lower_ in PRONOUNS:
        return False
    if token.ent_type_ in NAME_ENTITIES:
        return True
    deps = {c.dep_ for c in token.children}
    return "det" in deps and not deps & {"amod", "compound", "nmod"}


def _agent(verb: Token) -> TokenRange | None:
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            return _noun_phrase(pobj) if pobj is not None else None
    return None


def _noun_phrase(token: Token) -> TokenRange:
    """Token range of the noun phrase headed by ``token``, coordinated conjuncts included.

    Left dependents (determiners, adjectives, compounds) are kept whole; on the right only
    name-like parts ("of Helsinki"), the rest of a named entity and conjuncts are, so relative
    clauses and appositions stay out.
    """
    start, end = token.left_edge.i, token.i + 1
    for child in token.rights:
        if child.dep_ in NOUN_PHRASE_RIGHT_DEPS or (child.dep_ == "prep" and child.lower_ == "of"):
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "conj":
            end = max(end, _noun_phrase(child)[1])
    doc = token.doc
    if token.ent_iob_ in {"B", "I"}:
        # The rest of the named entity around the token (IOB: B opens one, I continues it).
        first = token.i
        while doc[first].ent_iob_ == "I" and first > 0:
            first -= 1
        last = token.i + 1
        while last < len(doc) and doc[last].ent_iob_ == "I":
            last += 1
        start, end = min(start, first), max(end, last)
    # Quotes and commas at the edges of a subtree are not part of the name.
    while start < token.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    # Nor is the genitive ending that NER sometimes keeps ("Harbor University's").
    while end > token.i + 1 and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in GENITIVE_MARKERS
    ):
        end -= 1
    return start, end


@Language.factory(
    "uninews_agreements",
    assigns=["doc.spans"],
    default_config={"rules_dir": "", "quantities": True},
)
def make_agreements(nlp: Language, name: str, rules_dir: str, quantities: bool) -> AgreementCounter:
    """Build the ``uninews_agreements`` component."""
    return AgreementCounter(nlp, name, rules_dir=rules_dir, quantities=quantities)
