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
   lacking a required modifier ("50 research institutes"), and, when the doc is parsed, numbers
   that do not attach to the head inside the noun phrase ("five universities signed agreements").
4. Overlaps are resolved (agreement counts before other quantities, then the longest), and the
   dependency parse gives the holder (subject of the governing verb) and the counterparty
   (object of "with", conjuncts included).

Counted agreements go to ``doc.spans["agreements"]``; other counted nouns (students, staff,
years, percentages) go to ``doc.spans["quantities"]`` so later stages can tell them apart.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from ..errors import RuleFileError
from ..rules import RuleLine, check_rules_dir, default_rules_dir, load_lexicon, load_patterns
from .extensions import register_extensions

logger = logging.getLogger(__name__)

AGREEMENT_LABEL = "AGREEMENT_COUNT"
QUANTITY_LABEL = "QUANTITY"
LABELS = {AGREEMENT_LABEL, QUANTITY_LABEL}
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

    _kinds: dict[str, tuple[str, int]] = PrivateAttr(default_factory=dict)
    _qualifier_words: dict[tuple[str, ...], Qualifier] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        """Index every word by its grammatical kind, and qualifier phrases by their words."""
        for kind, table in (
            ("unit", self.units),
            ("ten", self.tens),
            ("multiplier", self.multipliers),
            ("scale", self.scales),
        ):
            for word, value in table.items():
                self._kinds[word.lower()] = (kind, value)
        for word in self.articles:
            self._kinds[word.lower()] = ("article", 0)
        for word in self.joiners:
            self._kinds[word.lower()] = ("joiner", 0)
        for phrase, qualifier in self.qualifiers.items():
            self._qualifier_words[tuple(phrase.lower().split())] = qualifier

    @property
    def number_words(self) -> list[str]:
        """Every word that can open or continue a number, joiners and articles excluded."""
        return sorted(w for w, (kind, _) in self._kinds.items() if kind not in _NON_VALUE_KINDS)

    @property
    def hyphens(self) -> frozenset[str]:
        """The joiners that are punctuation rather than words (``-`` and its Unicode kin)."""
        return frozenset(j for j in self.joiners if not j.isalpha())

    @property
    def max_qualifier_words(self) -> int:
        """Length in words of the longest qualifier phrase."""
        return max((len(words) for words in self._qualifier_words), default=0)

    def word_kind(self, word: str) -> str | None:
        """Return the grammatical kind of ``word`` (unit, ten, ..., joiner), or None."""
        found = self._kinds.get(word.lower())
        return found[0] if found else None

    def parse(self, text: str) -> int | None:
        """Return the value of a number in digits or words, or None; see :func:`parse_number`."""
        words = self._split(text)
        if len(words) == 1 and (value := _parse_digits(words[0])) is not None:
            return value
        total = current = 0
        previous = "start"
        for word in words:
            kind, value = self._classify(word)
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

    def _classify(self, word: str) -> tuple[str | None, int]:
        digits = _parse_digits(word)
        if digits is not None:
            return "digits", digits
        return self._kinds.get(word, (None, 0))


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
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    forms: list[str] = Field(min_length=1)
    requires: list[str] = Field(default_factory=list)


class ObjectLexicon(BaseModel):
    """``rules/agreement_objects.json``: what counts as an agreement-like object.

    Attributes:
        comment: free text for rule writers.
        objects: kind name -> its forms and required modifiers.
        modifier_stop: words and punctuation that end the modifiers between number and head.
        counterparty_prepositions: prepositions that introduce the partner ("with").
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    comment: str | None = None
    objects: dict[str, ObjectKind] = Field(min_length=1)
    modifier_stop: list[str]
    counterparty_prepositions: list[str]

    _by_form: dict[str, ObjectKind] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        """Index object kinds by their surface forms."""
        for kind in self.objects.values():
            for form in kind.forms:
                self._by_form[form.lower()] = kind

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
        return {
            "object_heads": self.objects.heads,
            "modifier_stop": sorted({w.lower() for w in self.objects.modifier_stop}),
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
    """A validated match, in token indices; ``end`` is one past the head."""

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
        for rule in self.rules:
            self.matcher.add(rule.id, [expand_macros(rule, macros, path)])
        self._modifier_stop = frozenset(macros["modifier_stop"])
        self._counterparty_preps = frozenset(
            p.lower() for p in self.lexicons.objects.counterparty_prepositions
        )
        logger.debug("%s: %d patterns from %s", name, len(self.rules), path)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["agreements"]`` (and ``["quantities"]``); see the module docstring."""
        parsed = doc.has_annotation("DEP")
        candidates = []
        for match_id, start, end in self.matcher(doc):
            rule_id = doc.vocab.strings[match_id]
            candidate = self._candidate(doc, rule_id, start, end, parsed)
            if candidate is not None:
                candidates.append(candidate)
        agreements: list[Span] = []
        quantities: list[Span] = []
        # A number inside a date ("opens on 20 June") is the date's, not a quantity; and span
        # extensions are keyed by offsets, so a quantity there would overwrite the date's.
        dates = [(s.start, s.end) for s in doc.spans.get("dates", [])]
        for candidate in _resolve(candidates):
            if candidate.label == AGREEMENT_LABEL:
                agreements.append(self._agreement_span(doc, candidate, parsed))
            elif self.quantities and not any(
                candidate.start < end and start < candidate.end for start, end in dates
            ):
                quantities.append(_make_span(doc, candidate, candidate.end))
        doc.spans[SPANS_KEY] = agreements
        if self.quantities:
            doc.spans[QUANTITIES_KEY] = quantities
        return doc

    # -- validation ---------------------------------------------------------------------------

    def _candidate(
        self, doc: Doc, rule_id: str, start: int, end: int, parsed: bool
    ) -> _Candidate | None:
        label = self.labels[rule_id]
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

    def _split_number(self, doc: Doc, start: int, head: int) -> tuple[int, int] | None:
        """Return ``(number_end, value)`` for the longest number prefix of ``doc[start:head]``."""
        numbers = self.lexicons.numbers
        for number_end in range(head, start, -1):
            value = numbers.parse(" ".join(t.text for t in doc[start:number_end]))
            if value is not None:
                return number_end, value
        return None

    def _plausible(
        self, doc: Doc, label: str, start: int, number_end: int, head: int, parsed: bool
    ) -> bool:
        numbers = self.lexicons.numbers
        # A match that starts inside a longer number ("five" of "twenty-five") is not a count
        # of its own; the longer match carries it.
        previous = doc[start - 1] if start > 0 else None
        if previous is not None and (
            self._is_number_word(previous) or previous.text in numbers.hyphens
        ):
            return False
        # "three-year agreement", "two-thirds": a hyphen right after the number makes it part
        # of a compound modifier, not a count of the head.
        if number_end < head and doc[number_end].text in numbers.hyphens:
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
            kind = self.lexicons.objects.kind_of(doc[head].text)
            required = {w.lower() for w in kind.requires} if kind else set()
            if required and not required & {t.lower_ for t in modifiers}:
                return False
        if parsed:
            head_token = doc[head]
            if head_token.dep_ in PRENOMINAL_DEPS and head_token.head.i > head:
                return False
            if not any(_reaches(doc[i], head_token, start) for i in range(start, number_end)):
                return False
        return True

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

    # -- spans --------------------------------------------------------------------------------

    def _agreement_span(self, doc: Doc, candidate: _Candidate, parsed: bool) -> Span:
        head = doc[candidate.head]
        holder = _holder(head) if parsed else None
        counterparty = self._counterparty(head) if parsed else None
        end = max(candidate.end, counterparty[1]) if counterparty else candidate.end
        span = _make_span(doc, candidate, end)
        span._.holder_span = _char_range(doc, holder)
        span._.counterparty_span = _char_range(doc, counterparty)
        return span

    def _counterparty(self, head: Token) -> tuple[int, int] | None:
        """Token range of the "with ..." object of the counted noun (or of its verb)."""
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
                    return _noun_phrase(child)
        return None


def _make_span(doc: Doc, candidate: _Candidate, end: int) -> Span:
    span = Span(doc, candidate.start, end, label=candidate.label, span_id=candidate.rule_id)
    span._.count = candidate.count
    span._.qualifier = candidate.qualifier
    # The counted object is the noun phrase after the number: "active agreements".
    counted = doc[candidate.number_end : candidate.end]
    span._.object_span = (counted.start_char, counted.end_char)
    return span


def _char_range(doc: Doc, tokens: tuple[int, int] | None) -> tuple[int, int] | None:
    if tokens is None:
        return None
    span = doc[tokens[0] : tokens[1]]
    return span.start_char, span.end_char


def _resolve(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping candidates: agreement counts first, then the longest, then earliest."""
    ranked = sorted(
        candidates,
        key=lambda c: (c.label != AGREEMENT_LABEL, -(c.end - c.start), c.start),
    )
    taken: set[int] = set()
    kept: list[_Candidate] = []
    for candidate in ranked:
        tokens = set(range(candidate.number_start, candidate.end))
        if tokens & taken:
            continue
        taken |= tokens
        kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _same_entity(first: Token, second: Token) -> bool:
    """True when both tokens lie in one named entity."""
    if first.ent_iob_ == "O" or second.ent_iob_ == "O":
        return False
    low, high = sorted((first.i, second.i))
    return all(t.ent_iob_ == "I" for t in first.doc[low + 1 : high + 1])


def _reaches(token: Token, head: Token, lower: int) -> bool:
    """True when ``token`` hangs on ``head`` through noun-phrase-internal dependencies only."""
    while token.i != head.i:
        if token.dep_ not in NOUN_PHRASE_DEPS or token.head.i == token.i:
            return False
        token = token.head
        if not lower <= token.i <= head.i:
            return False
    return True


def _holder(head: Token) -> tuple[int, int] | None:
    """Token range of whoever holds the counted objects, from the dependency parse.

    Climbs from the counted noun through objects, prepositions, appositions and conjuncts to
    the first predicate with a subject; a counted noun that is itself the subject has no holder
    in the sentence ("Three major projects are underway"), unless a passive names an agent.
    """
    token = head
    for _ in range(len(head.doc)):
        if token.dep_ == "nsubjpass":
            return _agent(token.head)
        if token.dep_ in SUBJECT_DEPS or token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            return None
        token = token.head
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                subject = token.head
            return _noun_phrase(subject)
    return None


def _agent(verb: Token) -> tuple[int, int] | None:
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            return _noun_phrase(pobj) if pobj is not None else None
    return None


def _noun_phrase(token: Token) -> tuple[int, int]:
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
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is not None:
        start, end = min(start, entity.start), max(end, entity.end)
    # Quotes and commas at the edges of a subtree are not part of the name.
    doc = token.doc
    while start < token.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > token.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
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
