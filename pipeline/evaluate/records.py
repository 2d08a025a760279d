"""Defensive access to predicted and gold record dicts, and their reduction to scored items."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .normalisation import normalise


@dataclass(frozen=True)
class _Item:
    """A predicted or gold item reduced to what scoring and error messages need."""

    label: str
    evidence: str | None = None
    span: tuple[int, int] | None = None
    person: str | None = None


def _dicts(container: dict[str, Any] | None, key: str) -> list[dict[str, Any]]:
    if not container:
        return []
    return [x for x in container.get(key) or [] if isinstance(x, dict)]


def _names(values: Iterable[Any]) -> list[str]:
    """Gold name lists hold strings; tolerate ``{"name": ...}`` objects too."""
    out = []
    for value in values or []:
        name = value.get("name") if isinstance(value, dict) else value
        if isinstance(name, str):
            out.append(name)
    return out


def _span(item: dict[str, Any]) -> tuple[int, int] | None:
    start, end = item.get("start"), item.get("end")
    return (start, end) if isinstance(start, int) and isinstance(end, int) else None


def _pred_item(label: str, item: dict[str, Any], person: str | None = None) -> _Item:
    """A predicted item, with evidence from its own text or its first mention."""
    mentions = _dicts(item, "mentions")
    source = item if item.get("text") or not mentions else mentions[0]
    text = source.get("text")
    return _Item(label, text if isinstance(text, str) else None, _span(source), person)


def _gold_item(label: str, item: dict[str, Any] | None = None, person: str | None = None) -> _Item:
    """A gold item, with evidence from its ``text`` or first mention (plain strings in gold)."""
    evidence = None
    if item:
        mentions = item.get("mentions") or []
        evidence = item.get("text") or (mentions[0] if mentions else None)
        if isinstance(evidence, dict):
            evidence = evidence.get("text")
    return _Item(label, evidence if isinstance(evidence, str) else None, None, person)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _org_keys(org: dict[str, Any]) -> frozenset[str]:
    names = [_text(org.get("name")), *map(_text, org.get("aliases") or [])]
    return frozenset(k for k in map(normalise, names) if k)


def _as_count(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None
