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

Modules, one concern each:

* ``labels``: span labels, span-group keys, entity and dependency label sets.
* ``number_words``: numbers in digits or words, and qualifier phrases (``numbers.json``).
* ``objects``: counted object kinds and the ellipsis/total words (``agreement_objects.json``).
* ``lexicons``: loading both lexicons, the ``"@name"`` pattern lists, :func:`parse_number`.
* ``spans``: candidate and count records, overlap resolution, the spans written.
* ``candidates``: validating a match into a candidate.
* ``counts``: candidates into counts (own noun, elliptical, partitive, total).
* ``referents``: the antecedent of an elliptical count, phrase extents.
* ``holders``: the holder of a count, and a party's noun phrase.
* ``counterparties``: the "with" partner of a count.
* ``component``: :class:`AgreementCounter` and the ``uninews_agreements`` factory.

Importing this package registers the factory; every name the old single module offered is
re-exported here.
"""

from .component import AgreementCounter, make_agreements
from .labels import (
    AGREEMENT_LABEL,
    CLIMB_DEPS,
    ELLIPTICAL_LABEL,
    GENITIVE_MARKERS,
    LABELS,
    NAME_ENTITIES,
    NOMINAL_DEPS,
    NON_COUNT_ENTITIES,
    NOUN_LABELS,
    NOUN_PHRASE_DEPS,
    NOUN_PHRASE_RIGHT_DEPS,
    PARTITIVE_LABEL,
    PRENOMINAL_DEPS,
    PRONOUNS,
    QUANTITIES_KEY,
    QUANTITY_LABEL,
    RELATIVE_PRONOUNS,
    SPANS_KEY,
    SUBJECT_DEPS,
    TOTAL_LABEL,
)
from .lexicons import (
    MACRO_PREFIX,
    NUMBERS_FILE,
    OBJECTS_FILE,
    PATTERNS_FILE,
    Lexicons,
    expand_macros,
    find_qualifier,
    parse_number,
    parse_qualifier,
)
from .number_words import EXACT, NumberLexicon, Qualifier
from .objects import EllipsisLexicon, ObjectKind, ObjectLexicon, TotalsLexicon
from .spans import TokenRange

__all__ = [
    "AGREEMENT_LABEL",
    "CLIMB_DEPS",
    "ELLIPTICAL_LABEL",
    "EXACT",
    "GENITIVE_MARKERS",
    "LABELS",
    "MACRO_PREFIX",
    "NAME_ENTITIES",
    "NOMINAL_DEPS",
    "NON_COUNT_ENTITIES",
    "NOUN_LABELS",
    "NOUN_PHRASE_DEPS",
    "NOUN_PHRASE_RIGHT_DEPS",
    "NUMBERS_FILE",
    "OBJECTS_FILE",
    "PARTITIVE_LABEL",
    "PATTERNS_FILE",
    "PRENOMINAL_DEPS",
    "PRONOUNS",
    "QUANTITIES_KEY",
    "QUANTITY_LABEL",
    "RELATIVE_PRONOUNS",
    "SPANS_KEY",
    "SUBJECT_DEPS",
    "TOTAL_LABEL",
    "AgreementCounter",
    "EllipsisLexicon",
    "Lexicons",
    "NumberLexicon",
    "ObjectKind",
    "ObjectLexicon",
    "Qualifier",
    "TokenRange",
    "TotalsLexicon",
    "expand_macros",
    "find_qualifier",
    "make_agreements",
    "parse_number",
    "parse_qualifier",
]
