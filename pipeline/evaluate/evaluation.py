"""Evaluation run: pair predictions with gold files by name and sum every field's scores."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from .fields import (
    _score_counts,
    _score_dates,
    _score_locations,
    _score_organizations,
    _score_published,
)
from .matching import _Tally
from .people import _score_people
from .records import _text
from .results import FIELDS, FieldScore, Report

logger = logging.getLogger(__name__)

_SCORERS: tuple[Callable[[_Tally, dict[str, Any], dict[str, Any]], None], ...] = (
    _score_published,
    _score_people,
    _score_organizations,
    _score_locations,
    _score_dates,
    _score_counts,
)


def _basename(path: str) -> str:
    return PurePosixPath(path.replace("\\", "/")).name


def _index_predictions(
    predictions: list[dict[str, Any]], wanted: set[str]
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Key predictions by basename of ``source.path``; return them and the unmatched paths."""
    by_name: dict[str, dict[str, Any]] = {}
    unmatched: list[str] = []
    for number, record in enumerate(predictions, start=1):
        source = record.get("source") if isinstance(record.get("source"), dict) else {}
        path = _text(source.get("path"))
        if not path:
            raise ValueError(f"prediction {number}: no source.path to pair it with a gold file")
        name = _basename(path)
        if name not in wanted:
            unmatched.append(path)
        elif name in by_name:
            raise ValueError(f"two predictions share the file name {name!r}; cannot pair with gold")
        else:
            by_name[name] = record
    return by_name, unmatched


def evaluate(predictions: list[dict[str, Any]], gold: list[dict[str, Any]]) -> Report:
    """Score predicted records against gold annotations.

    Predictions pair with gold entries by file name (gold ``file`` against the basename of
    ``source.path``). A gold file without a prediction counts every gold item as missed;
    predictions without a gold entry are not scored but listed in the report.

    Args:
        predictions: records in the contract format.
        gold: gold entries in the ``gold.jsonl`` format.

    Returns:
        Micro-averaged counts per field and every error.

    Raises:
        ValueError: when a gold entry has no ``file``, a gold file is annotated twice, a
            prediction has no ``source.path``, or two predictions share a gold file's name.
    """
    names: list[str] = []
    for number, entry in enumerate(gold, start=1):
        name = _basename(_text(entry.get("file")))
        if not name:
            raise ValueError(f"gold entry {number}: no 'file'")
        if name in names:
            raise ValueError(f"gold entry {number}: file {name!r} is annotated twice")
        names.append(name)
    by_name, unmatched = _index_predictions(predictions, set(names))

    totals = {name: [0, 0, 0] for name in FIELDS}
    report = Report(scores={}, files=names, unmatched_predictions=unmatched)
    for name, entry in zip(names, gold, strict=True):
        record = by_name.get(name)
        if record is None:
            report.missing_predictions.append(name)
            logger.debug("no prediction for gold file %s", name)
        tally = _Tally(name)
        for scorer in _SCORERS:
            scorer(tally, record or {}, entry)
        for field_name, counts in tally.counts.items():
            totals[field_name] = [a + b for a, b in zip(totals[field_name], counts, strict=True)]
        report.errors.extend(tally.errors)
    report.scores = {name: FieldScore(*totals[name]) for name in FIELDS}
    return report
