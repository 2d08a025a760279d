"""Line structure of a Doc: news files are line-oriented (title, date line, paragraphs)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .tokens import token_texts

_LINES_KEY = "uninews.lines"


def line_spans(doc: Doc) -> list[Span]:
    """One span per non-empty line, without leading or trailing whitespace tokens.

    Computed once per Doc (several components ask for the lines). The cache holds token
    offsets, not spans: a span refers to its Doc, and a Doc that refers to itself through its
    ``user_data`` is freed only by the cycle collector, so memory would grow with the batch.
    """
    bounds = doc.user_data.get(_LINES_KEY)
    if bounds is None:
        bounds = doc.user_data[_LINES_KEY] = _lines(doc)
    return [doc[start:end] for start, end in bounds]


def _lines(doc: Doc) -> list[tuple[int, int]]:
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


def _trim(doc: Doc, blank: list[bool], start: int, end: int) -> tuple[int, int]:
    while end > start and blank[end - 1]:
        end -= 1
    return start, end


def in_any(span: Span | tuple[int, int], regions: list[Span]) -> bool:
    """Return True when ``span`` (a Span or a (start_char, end_char) pair) overlaps a region."""
    start, end = (span.start_char, span.end_char) if isinstance(span, Span) else span
    return any(start < r.end_char and r.start_char < end for r in regions)


#: Dashes that end a dateline ("DOHA — The university ...").
DATELINE_DASHES = frozenset({"-", "–", "—"})


def dateline_dash(doc: Doc, k: int, spaced: bool = True) -> bool:
    """True when the dash of a dateline stands at token ``k``, right after its place in
    capitals: "DOHA — ...", or with the state's abbreviation as US releases write it
    ("RIVER FALLS, Wis. — ..."). With ``spaced``, the dash needs a space after it
    ("DOHA-based" is no dateline)."""
    if k < len(doc) and doc[k].text in DATELINE_DASHES and (doc[k].whitespace_ or not spaced):
        return True
    if k + 2 >= len(doc) or doc[k].text != ",":
        return False
    j = k + 1
    state = doc[j].text
    if not (
        state[:1].isupper()
        and len(state.replace(".", "")) <= 5
        and state.replace(".", "").isalpha()
    ):
        return False
    j += 1
    if j < len(doc) and doc[j].text == "." and not doc[j - 1].whitespace_:
        j += 1  # "Ind" "." as the tokenizer may split it
    return j < len(doc) and doc[j].text in DATELINE_DASHES
