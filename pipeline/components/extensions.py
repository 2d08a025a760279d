"""Every custom ``Doc``/``Span`` attribute uninews uses, declared in one place.

Values stored here must stay plain JSON-able data (str, int, tuples of char offsets), never
``Span`` objects, so docs survive ``Doc.to_bytes`` and multi-process ``nlp.pipe``.
Components call :func:`register_extensions` from their factory; it is idempotent.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_EXTENSIONS: dict[str, object] = {
    # The text as read, before same-length space normalisation.
    "source_text": None,
    # ISO date (YYYY-MM-DD) of the article's own publication date, or None.
    "published": None,
    # Roles as plain records (see pipeline.components.roles), or None before uninews_roles.
    "roles": None,
}

SPAN_EXTENSIONS: dict[str, object] = {
    # Dates: ISO value at its granularity (or None), granularity, and anchor.
    "date_value": None,
    "date_granularity": None,
    "date_anchor": None,
    "date_end": None,  # ISO value of a range's last day, month or year
    # People: (start_char, end_char) of an honorific written before the name, or None.
    "honorific": None,
    # Acronyms: (start_char, end_char) of the long form the acronym stands for.
    "long_form": None,
    # Organizations: type (university, research_institute, academy, company, government, other).
    "org_type": None,
    # Agreement counts.
    "count": None,
    "qualifier": None,
    "object_span": None,  # (start_char, end_char) of the counted object
    "holder_span": None,  # (start_char, end_char) or None
    "counterparty_span": None,  # (start_char, end_char) or None
}


def register_extensions() -> None:
    """Declare every uninews extension on ``Doc`` and ``Span`` (safe to call repeatedly)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
