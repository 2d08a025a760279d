"""The ``uninews_agreements`` component: runs the patterns of ``agreements.jsonl`` and writes
the counts to ``doc.spans["agreements"]`` (and ``["quantities"]``); and its factory.
"""

from __future__ import annotations

import logging
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from ...rules import check_rules_dir, default_rules_dir, load_patterns
from ..extensions import register_extensions
from ..tokens import (
    has_digit,
    match_windows,
    needs_number,
    pattern_reach,
    token_lowers,
    token_texts,
)
from .candidates import _CandidateChecks
from .counterparties import _CounterpartyFinder
from .counts import _CountBuilder
from .labels import (
    AGREEMENT_LABEL,
    ELLIPTICAL_LABEL,
    LABELS,
    NOUN_LABELS,
    PARTITIVE_LABEL,
    QUANTITIES_KEY,
    QUANTITY_LABEL,
    SPANS_KEY,
    TOTAL_LABEL,
)
from .lexicons import PATTERNS_FILE, Lexicons, expand_macros
from .ordinals import ordinal_candidates
from .partnership import PartnershipContext
from .spans import _make_span, _release_partners, _resolve

logger = logging.getLogger(__name__)


class AgreementCounter(_CandidateChecks, _CountBuilder, _CounterpartyFinder):
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
        self._partnership = PartnershipContext(objects.partnership)
        self._ordinal_heads = frozenset(w.lower() for w in objects.ordinal_heads)
        self._total_nouns = frozenset(w.lower() for w in objects.totals.nouns)
        self._total_preps = frozenset(w.lower() for w in objects.totals.prepositions)
        logger.debug("%s: %d patterns from %s", name, len(self.rules), path)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["agreements"]`` (and ``["quantities"]``); see the package docstring."""
        parsed = doc.has_annotation("DEP")
        candidates = []
        for match_id, start, end in self._matches(doc):
            rule_id = doc.vocab.strings[match_id]
            candidate = self._candidate(doc, rule_id, start, end, parsed)
            if candidate is not None:
                candidates.append(candidate)
        candidates += ordinal_candidates(
            doc, self.lexicons.numbers.ordinals, self._ordinal_heads, AGREEMENT_LABEL
        )
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


@Language.factory(
    "uninews_agreements",
    assigns=["doc.spans"],
    default_config={"rules_dir": "", "quantities": True},
)
def make_agreements(nlp: Language, name: str, rules_dir: str, quantities: bool) -> AgreementCounter:
    """Build the ``uninews_agreements`` component."""
    return AgreementCounter(nlp, name, rules_dir=rules_dir, quantities=quantities)
