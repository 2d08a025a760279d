"""Mentions with their offsets, and the clean form of a name: names never keep trailing
punctuation ("Gao Jun." -> "Gao Jun"), except for abbreviations that end in a dot ("Co.",
initials such as "K.")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..components.provenance import method_of

#: Trailing characters a name never keeps, and the abbreviations whose dot it does keep.
TRAILING_PUNCT = ".,;:!?"
KEEP_DOT = re.compile(r"(?:(?:^|[\s.])\w\.|\b(?:Co|Inc|Ltd|Ltda|Corp|Pvt|St|Jr|Sr)\.)$")


@dataclass
class Ref:
    """One mention, with char offsets into the document text."""

    start: int
    end: int
    text: str
    method: str
    rule_id: str | None
    span_key: tuple[int, int]  # offsets of the span it came from, before trimming


def clean_name(text: str) -> str:
    """A canonical form: every run of (Unicode) white space becomes one ASCII space."""
    return " ".join(text.split())


def source_text(doc: Doc) -> str:
    """The text as read (before space normalisation)."""
    return doc._.source_text or doc.text


def make_ref(doc: Doc, span: Span, method: str | None = None) -> Ref | None:
    """A mention of ``span`` with trailing punctuation trimmed; None when nothing is left."""
    return ref_at(
        doc,
        span.start_char,
        span.end_char,
        rule_id=span.id_ or None,
        method=method or method_of(span.id_),
    )


def ref_at(doc: Doc, start: int, end: int, *, rule_id: str | None, method: str) -> Ref | None:
    """A mention of the characters ``start:end``, trailing punctuation trimmed, or None."""
    text = source_text(doc)
    key = (start, end)
    while end > start and text[end - 1] in TRAILING_PUNCT and not KEEP_DOT.search(text[start:end]):
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    return Ref(
        start=start, end=end, text=text[start:end], method=method, rule_id=rule_id, span_key=key
    )


def name_key(text: str) -> str:
    """A name compared without case, spacing or a leading "the"."""
    words = " ".join(text.split()).lower()
    return words[4:] if words.startswith("the ") else words
