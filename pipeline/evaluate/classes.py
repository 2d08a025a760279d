"""Error classes: each error of a report put in a named class by the shape of its values, so
that error analysis counts classes before and after a change (``uninews evaluate --classes``).

The classes are the ones the real-news work named (the issue "Quality on real news"):

- people: a surname in capitals ("Andrey PETROV"), initials before or after the surname
  ("A.I. Petrov", "Petrov A.I."), an honorific inside the name, else the error's kind;
- roles: "Professor" (or another rank) read as a role where it is an honorific;
- roles+org: the organization not found (null), one where gold has none, another one chosen;
  missed and spurious titles;
- organizations: a single word in capitals (a surname, an honour, a label), a wrong extent;
- agreement counts: ordinals that number partners, partner institutions, other;
- published, dates, locations: by kind.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from .results import MISSED, SPURIOUS, WRONG_ORG, WRONG_SPAN, ErrorItem, Report

_INITIALS = re.compile(r"(?:^|\s)(?:[A-Z][a-z]?\.\s?){1,3}[A-Z]|\s(?:[A-Z][a-z]?\.){1,3}$")
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|tenth)\b")
_PARTNERS = re.compile(r"universit|institution|partner|college|varsit|institute", re.I)
#: Ranks that are honorifics before a name ("Professor Ivan Lee said"), in lower case.
RANKS = frozenset({"professor", "associate professor", "assistant professor", "prof", "prof."})


def _in_capitals(word: str) -> bool:
    """A word of two or more letters, all capitals ("PETROV", "SEOUL")."""
    return len(word) >= 2 and word.isalpha() and word.isupper()


def _is_null(value: str | None) -> bool:
    return value is None or value == "" or value == "null"


def error_class(error: ErrorItem, honorifics: Iterable[str] = ()) -> str:
    """The class of one error, as "field: class"."""
    field, kind = error.field, error.kind
    values = " ".join(v for v in (error.predicted, error.gold) if v)
    if field == "people":
        if any(_in_capitals(w) for w in re.split(r"[\s,()-]+", values)):
            return "people: surname in capitals"
        if _INITIALS.search(values):
            return "people: initials before or after the surname"
        words = {w.lower().rstrip(".") for w in values.split()}
        if words & {h.lower().rstrip(".") for h in honorifics}:
            return "people: honorific in the name"
        return f"people: other {kind}"
    if field == "roles":
        if kind == SPURIOUS and (error.predicted or "").lower() in RANKS:
            return 'roles: a rank as an honorific ("Professor")'
        return f"roles: {kind}"
    if field == "roles+org":
        if kind == WRONG_ORG:
            if _is_null(error.predicted):
                return "roles+org: organization not found (null)"
            if _is_null(error.gold):
                return "roles+org: organization where gold has none"
            return "roles+org: other organization chosen"
        return f"roles+org: {kind} (title)"
    if field == "organizations":
        value = error.predicted or ""
        if kind == SPURIOUS and _in_capitals(value):
            return "organizations: a word in capitals (surname, honour, label)"
        if kind == WRONG_SPAN:
            return "organizations: wrong extent"
        return f"organizations: other {kind}"
    if field in {"agreement_counts", "agreement_qualifier"}:
        text = (error.evidence or "").lower()
        name = field.replace("_", " ")
        if _ORDINAL.search(text):
            return f"{name}: ordinals"
        if kind == MISSED and _PARTNERS.search(text):
            return f"{name}: partner institutions"
        return f"{name}: other {kind}"
    return f"{field}: {kind}"


def class_counts(report: Report, honorifics: Iterable[str] = ()) -> Counter[str]:
    """How many errors of the report fall in each class."""
    honorifics = frozenset(honorifics)
    return Counter(error_class(e, honorifics) for e in report.errors)


def format_classes(columns: Mapping[str, Counter[str]]) -> str:
    """A Markdown table of class counts, one column per run (e.g. "before", "after")."""
    names = sorted(set().union(*columns.values())) if columns else []
    lines = [
        "| error class | " + " | ".join(columns) + " |",
        "| --- |" + " ---: |" * len(columns),
    ]
    for name in names:
        lines.append(
            f"| {name} | " + " | ".join(str(c.get(name, 0)) for c in columns.values()) + " |"
        )
    return "\n".join(lines)
