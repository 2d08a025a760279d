"""The ``uninews_dates`` component: writes ``doc.spans["dates"]`` (each span normalised, in
the tense of its sentence), ``doc.spans["published"]`` and ``doc._.published``; and its
factory.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, SpanGroup

from ...rules import default_rules_dir, load_patterns
from ..extensions import register_extensions
from ..lines import in_any
from ..tokens import needs_number, pattern_reach, sentence_bounds, token_lowers
from .candidates import _CandidateFinder
from .date_lines import load_date_line_words
from .normaliser import DateNormaliser
from .published import _PublicationDate
from .values import DateValue, Tense
from .words import WORDS_FILE, load_date_words

logger = logging.getLogger(__name__)

LABELS = {"DATE"}
PATTERNS_FILE = "dates.jsonl"


class Dates(_CandidateFinder, _PublicationDate):
    """Find and normalise date mentions and the article's publication date.

    Args:
        nlp: the pipeline (for its vocab).
        name: component name.
        rules_dir: folder holding ``dates.jsonl`` and ``date_words.json``.
        ner_labels: entity labels of the model taken as date candidates.
        published_rules: ids of boilerplate rules whose lines label the publication date.
        top_lines: a line holding only a date within this many non-empty lines from the top is
            the publication date.
        bottom_lines: same, counted from the bottom.
        min_year: the earliest year a bare four-digit number may denote.
        max_year: the latest year a bare four-digit number may denote.
        cache_size: size of the ``(text, published)`` normalisation cache.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        rules_dir: str,
        ner_labels: Iterable[str],
        published_rules: Iterable[str],
        top_lines: int,
        bottom_lines: int,
        min_year: int,
        max_year: int,
        cache_size: int,
    ) -> None:
        register_extensions()
        self.name = name
        root = Path(rules_dir) if rules_dir else default_rules_dir()
        self.ner_labels = frozenset(ner_labels)
        self.published_rules = frozenset(published_rules)
        self.top_lines = top_lines
        self.bottom_lines = bottom_lines
        self.line_words = load_date_line_words(str(root))
        self.matcher = Matcher(nlp.vocab, validate=True)
        patterns = []
        for rule in load_patterns(root / PATTERNS_FILE, LABELS):
            pattern = rule.pattern
            if isinstance(pattern, str):  # a phrase: match its words case-insensitively
                pattern = [{"LOWER": token.lower_} for token in nlp.make_doc(pattern)]
            self.matcher.add(rule.id, [pattern])
            patterns.append(pattern)
        # When every pattern needs a token with a digit, the Matcher (the costly part of this
        # component) runs only on short windows around such tokens; else on the whole Doc.
        self._gated = all(needs_number(p) for p in patterns)
        self._reach = pattern_reach(patterns)
        self.words = load_date_words(root / WORDS_FILE)
        self.normaliser = DateNormaliser(
            self.words, min_year=min_year, max_year=max_year, cache_size=cache_size
        )

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["dates"]``, ``doc.spans["published"]`` and ``doc._.published``."""
        candidates = self._candidates(doc)
        published = self._published(doc, candidates)
        boilerplate = list(doc.spans.get("boilerplate", []))
        value = published[1].date.value if published else None
        dates: list[Span] = []
        for cand in candidates:
            is_published = published is not None and cand == published[0]
            if not is_published and in_any(doc[cand.start : cand.end], boilerplate):
                continue
            span = Span(doc, cand.start, cand.end, label="DATE", span_id=cand.rule_id)
            reading = self.normaliser.read(span.text, value, self._tense(span))
            if not reading.is_date:
                logger.debug("not a date: %r", span.text)
                continue
            _set_date(span, reading.date)
            dates.append(span)
        doc.spans["dates"] = dates
        doc._.published = value
        group = SpanGroup(doc, name="published")
        if published is not None:
            cand, reading, source = published
            span = Span(doc, cand.start, cand.end, label="PUBLISHED", span_id=cand.rule_id)
            _set_date(span, reading.date)
            group.append(span)
            group.attrs["source"] = source  # which evidence located it: a rule id or a position
        doc.spans["published"] = group
        return doc

    def _tense(self, span: Span) -> Tense | None:
        """Which way the span's sentence points from the publication date, if it says so:
        "will" makes it future; "was", "had" or a main verb in -ed past; both or neither,
        None."""
        bounds = sentence_bounds(span.doc)
        k = bisect_right(bounds, span.start) - 1
        end = bounds[k + 1] if k + 1 < len(bounds) else len(span.doc)
        words = set(token_lowers(span.doc)[bounds[k] : end])
        future = bool(words & self.words.future_markers)
        past = bool(words & self.words.past_markers) or span.sent.root.lower_.endswith("ed")
        if future == past:
            return None
        return "future" if future else "past"


def _set_date(span: Span, value: DateValue) -> None:
    span._.date_value = value.value
    span._.date_end = value.end
    span._.date_granularity = value.granularity
    span._.date_anchor = value.anchor


@Language.factory(
    "uninews_dates",
    assigns=[
        "doc.spans",
        "doc._.published",
        "span._.date_value",
        "span._.date_granularity",
        "span._.date_anchor",
    ],
    default_config={
        "rules_dir": "",
        "ner_labels": ["DATE"],
        "published_rules": ["boilerplate.ru.published", "boilerplate.en.published"],
        "top_lines": 4,
        "bottom_lines": 3,
        "min_year": 1900,
        "max_year": 2100,
        "cache_size": 4096,
    },
)
def make_dates(
    nlp: Language,
    name: str,
    rules_dir: str,
    ner_labels: list[str],
    published_rules: list[str],
    top_lines: int,
    bottom_lines: int,
    min_year: int,
    max_year: int,
    cache_size: int,
) -> Dates:
    """Build the ``uninews_dates`` component."""
    return Dates(
        nlp,
        name,
        rules_dir=rules_dir,
        ner_labels=ner_labels,
        published_rules=published_rules,
        top_lines=top_lines,
        bottom_lines=bottom_lines,
        min_year=min_year,
        max_year=max_year,
        cache_size=cache_size,
    )
