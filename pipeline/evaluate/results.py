"""Evaluation results: scored fields, error kinds, per-field counts, errors and the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Scored fields, in report order.
FIELDS: tuple[str, ...] = (
    "published",
    "people",
    "roles",
    "roles+org",
    "organizations",
    "locations",
    "dates",
    "agreement_counts",
    "agreement_qualifier",
)

#: Error kinds, in report order. ``wrong_span``, ``wrong_org``, ``wrong_qualifier`` and
#: ``wrong_value`` each stand for one false positive plus one false negative whose other
#: attributes did match (for ``wrong_span``: whose names overlap, see :func:`span_overlap`).
MISSED = "missed"
SPURIOUS = "spurious"
WRONG_SPAN = "wrong_span"
WRONG_ORG = "wrong_org"
WRONG_QUALIFIER = "wrong_qualifier"
WRONG_VALUE = "wrong_value"
KINDS: tuple[str, ...] = (MISSED, SPURIOUS, WRONG_SPAN, WRONG_ORG, WRONG_QUALIFIER, WRONG_VALUE)


@dataclass(frozen=True)
class FieldScore:
    """Counts of one field, with precision, recall and F1 derived from them.

    Attributes:
        tp: true positives.
        fp: false positives.
        fn: false negatives.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp), or 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), or 1.0 when nothing was to be found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall, 0.0 when both are 0."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class ErrorItem:
    """One scoring error, with enough context to find it in the source file.

    Attributes:
        file: gold file name.
        field: one of :data:`FIELDS`.
        kind: one of :data:`KINDS`.
        predicted: the predicted value (for ``wrong_org`` the predicted organization, for
            ``wrong_qualifier`` the predicted qualifier), or None.
        gold: the gold value in the same sense, or None.
        person: the person a role belongs to, for ``roles`` and ``roles+org``.
        matched: what did match in a ``wrong_*`` error: the role title or the count.
        evidence: text of the predicted item (spurious) or of the gold item (missed), if known.
        span: ``(start, end)`` offsets of a predicted item, if known.
    """

    file: str
    field: str
    kind: str
    predicted: str | None = None
    gold: str | None = None
    person: str | None = None
    matched: str | None = None
    evidence: str | None = None
    span: tuple[int, int] | None = None


@dataclass
class Report:
    """Evaluation result over all gold files.

    Attributes:
        scores: micro-averaged counts per field, keyed and ordered as :data:`FIELDS`.
        errors: every error, in gold file order.
        files: gold files evaluated, in gold order.
        missing_predictions: gold files for which no prediction exists (all items missed).
        unmatched_predictions: ``source.path`` of predictions with no gold entry (not scored).
    """

    scores: dict[str, FieldScore]
    errors: list[ErrorItem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    missing_predictions: list[str] = field(default_factory=list)
    unmatched_predictions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable view, with P/R/F1 next to the counts.

        Returns:
            A dict with ``scores``, ``errors``, ``files``, ``missing_predictions`` and
            ``unmatched_predictions``.
        """
        return {
            "scores": {
                name: {
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                }
                for name, s in self.scores.items()
            },
            "errors": [vars(e) | {"span": list(e.span) if e.span else None} for e in self.errors],
            "files": list(self.files),
            "missing_predictions": list(self.missing_predictions),
            "unmatched_predictions": list(self.unmatched_predictions),
        }
