"""Formatting a report as text: the score table, the summary and the errors per file."""

from __future__ import annotations

from .results import FIELDS, KINDS, MISSED, SPURIOUS, ErrorItem, FieldScore, Report

_FIELD_WIDTH = 21
_KIND_WIDTH = 16


def _quote(value: str | None) -> str:
    return "null" if value is None else repr(value)


def _describe(error: ErrorItem) -> str:
    """One error's detail: the value, what it belonged to, and its evidence."""
    if error.kind == MISSED:
        text = _quote(error.gold)
    elif error.kind == SPURIOUS:
        text = _quote(error.predicted)
    elif error.matched is not None:
        text = f"{_quote(error.matched)} -> {_quote(error.predicted)} (gold: {_quote(error.gold)})"
    else:
        text = f"{_quote(error.predicted)} (gold: {_quote(error.gold)})"
    if error.person:
        text += f" of {error.person!r}"
    # Evidence belongs to the gold item of a miss and to the predicted item otherwise.
    shown = error.gold if error.kind == MISSED else error.predicted
    if error.evidence and error.evidence != shown:
        where = f" @{error.span[0]}-{error.span[1]}" if error.span else ""
        text += f"  [evidence: {error.evidence!r}{where}]"
    return text


def _format_scores(report: Report) -> list[str]:
    header = (
        f"{'field':<{_FIELD_WIDTH}}{'precision':>9}{'recall':>8}{'f1':>7}"
        f"{'tp':>6}{'fp':>6}{'fn':>6}"
    )
    lines = [header]
    for name in FIELDS:
        s = report.scores.get(name, FieldScore())
        lines.append(
            f"{name:<{_FIELD_WIDTH}}{s.precision:>9.3f}{s.recall:>8.3f}{s.f1:>7.3f}"
            f"{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        )
    return lines


def _format_summary(report: Report) -> list[str]:
    lines = [f"files evaluated: {len(report.files)}"]
    if report.missing_predictions:
        lines.append("gold files without prediction: " + ", ".join(report.missing_predictions))
    if report.unmatched_predictions:
        lines.append("unmatched predictions: " + ", ".join(report.unmatched_predictions))
    return lines


def error_counts(report: Report) -> dict[str, dict[str, int]]:
    """Count the errors of a report per field and kind.

    Args:
        report: the result of :func:`evaluate`.

    Returns:
        ``{field: {kind: n}}`` for every field of :data:`FIELDS`, in order; kinds in
        :data:`KINDS` order, only those with at least one error.
    """
    counts: dict[str, dict[str, int]] = {name: {} for name in FIELDS}
    for error in report.errors:
        by_kind = counts.setdefault(error.field, {})
        by_kind[error.kind] = by_kind.get(error.kind, 0) + 1
    order = {kind: n for n, kind in enumerate(KINDS)}
    return {
        name: dict(sorted(by_kind.items(), key=lambda kv: order.get(kv[0], len(KINDS))))
        for name, by_kind in counts.items()
    }


def _format_error_summary(report: Report) -> list[str]:
    """``errors by field`` block: one line per field, e.g. ``5 missed, 12 spurious``."""
    lines = ["", "errors by field:"]
    for name, by_kind in error_counts(report).items():
        text = ", ".join(f"{n} {kind}" for kind, n in by_kind.items()) or "no errors"
        lines.append(f"  {name:<{_FIELD_WIDTH}}{text}")
    return lines


def _format_errors(report: Report) -> list[str]:
    rank = {(f, k): (FIELDS.index(f), KINDS.index(k)) for f in FIELDS for k in KINDS}
    lines = _format_error_summary(report)
    for file in report.files:
        errors = [e for e in report.errors if e.file == file]
        lines.append("")
        lines.append(file + (" (no prediction)" if file in report.missing_predictions else ""))
        if not errors:
            lines.append("  no errors")
        # Stable sort: within a field and kind, errors keep their order of discovery.
        for e in sorted(errors, key=lambda e: rank.get((e.field, e.kind), (99, 99))):
            lines.append(f"  {e.field:<{_FIELD_WIDTH}}{e.kind:<{_KIND_WIDTH}}{_describe(e)}")
    return lines


def format_report(report: Report, verbose: bool = False) -> str:
    """Render a report as a fixed-width table, optionally followed by every error per file.

    Args:
        report: the result of :func:`evaluate`.
        verbose: also count errors per field and kind, then list them per file, grouped by
            field and kind.

    Returns:
        The report text, without a trailing newline.
    """
    lines = _format_scores(report) + [""] + _format_summary(report)
    if verbose:
        lines += _format_errors(report)
    return "\n".join(lines)
