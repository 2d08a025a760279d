"""Line structure of a Doc: news files are line-oriented (title, date line, paragraphs)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .tokens import token_texts

_LINES_KEY = "uninews.lines"


def line_spans(doc: Doc) -> list[Span]:
    """One span per non-empty line, without leading or trailing whitespace tokens.

    Computed once per Doc (several components ask for the lines).
    """
    lines = doc.user_data.get(_LINES_KEY)
    if lines is None:
        lines = doc.user_data[_LINES_KEY] = _lines(doc)
    return list(lines)


def _lines(doc: Doc) -> list[Span]:
    texts = token_texts(doc)
    # A whitespace token's text is all whitespace: spaCy keeps one space after a word in the
    # word's ``whitespace_`` and makes a token of any other run.
    blank = [not t.strip() for t in texts]
    out = []
    start = None
    for i, text in enumerate(texts):
        if blank[i] and "\n" in text:
            if start is not None:
                out.append(_trim(doc, blank, start, i))
                start = None
        elif start is None and not blank[i]:
            start = i
    if start is not None:
        out.append(_trim(doc, blank, start, len(texts)))
    return out


def _trim(doc: Doc, blank: list[bool], start: int, end: int) -> Span:
    while end > start and blank[end - 1]:
        end -= 1
    return doc[start:end]


def in_any(span: Span | tuple[int, int], regions: list[Span]) -> bool:
    """Return True when ``span`` (a Span or a (start_char, end_char) pair) overlaps a region."""
    start, end = (span.start_char, span.end_char) if isinstance(span, Span) else span
    return any(start < r.end_char and r.start_char < end for r in regions)
