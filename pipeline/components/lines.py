"""Line structure of a Doc: news files are line-oriented (title, date line, paragraphs)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span


def line_spans(doc: Doc) -> Iterator[Span]:
    """Yield one span per non-empty line, without leading or trailing whitespace tokens."""
    start = None
    for token in doc:
        is_break = token.is_space and "\n" in token.text
        if is_break:
            if start is not None:
                yield _trim(doc, start, token.i)
                start = None
        elif start is None and not token.is_space:
            start = token.i
    if start is not None:
        yield _trim(doc, start, len(doc))


def _trim(doc: Doc, start: int, end: int) -> Span:
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end]


def in_any(span: Span | tuple[int, int], regions: list[Span]) -> bool:
    """Return True when ``span`` (a Span or a (start_char, end_char) pair) overlaps a region."""
    start, end = (span.start_char, span.end_char) if isinstance(span, Span) else span
    return any(start < r.end_char and r.start_char < end for r in regions)
