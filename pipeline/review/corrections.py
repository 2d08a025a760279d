"""Reviewers' decisions (``corrections.jsonl``) and how they change every later extraction.

One JSON object per line (:class:`Correction`): who decided what, when, on which value of which
article, with the evidence text. Several decisions on the same value merge, the last one wins.

What a decision changes at extraction (:func:`apply_corrections`):

- On the article it was made on (same ``doc_id``), the value at ``start``/``end`` of the same
  ``field`` is rejected (removed), edited (new name, title, organization of a role, date value,
  count, with ``method: "correction"``) or added (a new value at those offsets; a role is added
  to the record's person named in ``person``).
- On every article, old or new, "in that context" means the same field and the same surface
  text: a rejected person, organization or location name is not extracted anywhere (compared as
  ``uninews evaluate`` compares names); dates, counts and roles are rejected only where they
  were rejected, since a number or a title is wrong in one sentence, not everywhere.

Accepted names and titles reach new articles through the local lexicons instead:
:mod:`.learn` writes them to ``rules/local/``, where the pipeline's own components recognise
them. The corrections file is part of the extraction fingerprint (and the local lexicons part of
the rules hash), so records made before a decision are redone by the next incremental run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import PipelineError

Action = Literal["reject", "edit", "add", "confirm"]
FieldName = Literal[
    "person", "organization", "location", "role", "date", "agreement_count", "published", "article"
]
#: Fields whose rejected names are suppressed in every article.
NAME_FIELDS = ("person", "organization", "location")
_ISO = {
    4: ("year", re.compile(r"^\d{4}$")),
    7: ("month", re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")),
    10: ("day", re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")),
}
_QUALIFIERS = ("exact", "more_than", "less_than", "about", "at_least", "up_to")
_HONORIFIC = re.compile(r"^(mr|mrs|ms|dr|prof|professor)\.?\s+", re.I)


class CorrectionError(PipelineError):
    """A corrections file or a correction that cannot be used."""


class Correction(BaseModel):
    """One reviewer decision on one value (or a whole article, with ``field: "article"``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    doc_id: str = Field(min_length=1, max_length=64)
    path: str = Field(max_length=4096)
    action: Action
    field: FieldName
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    #: ``text[start:end]`` of the article: the evidence the decision is about.
    text: str = Field(max_length=2000)
    #: The value as extracted (name, title, ISO date, count), if any.
    value: str | None = Field(default=None, max_length=2000)
    #: The corrected value: a name, a title, an ISO date, a count; for ``add``, the new value.
    new_value: str | None = Field(default=None, max_length=2000)
    #: For roles: the organization the title belongs to (a name in the record), or null.
    organization: str | None = Field(default=None, max_length=2000)
    #: For an added role: the name of the person of the record who holds it.
    person: str | None = Field(default=None, max_length=2000)
    #: For agreement counts: the corrected qualifier.
    qualifier: str | None = None
    reviewer: str = Field(default="reviewer", max_length=200)
    time: str = Field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    #: The sentence around the value, for the record of why.
    evidence: str = Field(default="", max_length=5000)

    @model_validator(mode="after")
    def _consistent(self) -> Correction:
        if self.end < self.start:
            raise ValueError(f"end {self.end} before start {self.start}")
        if self.field != "article" and len(self.text) != self.end - self.start:
            raise ValueError("text length does not match end - start")
        if self.action in ("edit", "add") and self.field != "article":
            if not (self.new_value or "").strip() and self.field != "role":
                raise ValueError(f"{self.action} needs new_value")
            if self.field in ("date", "published") and iso_granularity(self.new_value) is None:
                raise ValueError(f"new_value {self.new_value!r} is not an ISO date")
            if self.field == "agreement_count" and not (self.new_value or "").isdigit():
                raise ValueError(f"new_value {self.new_value!r} is not a count")
        if self.field == "role" and self.action == "add" and not (self.person or "").strip():
            raise ValueError("adding a role needs person (the name of who holds it)")
        if self.qualifier is not None and self.qualifier not in _QUALIFIERS:
            raise ValueError(f"qualifier {self.qualifier!r} is not one of {_QUALIFIERS}")
        return self

    @property
    def target(self) -> tuple[str, str, int, int]:
        """What the decision is about; a later decision on the same target replaces it."""
        return (self.doc_id, self.field, self.start, self.end)


def iso_granularity(value: str | None) -> str | None:
    """``year``/``month``/``day`` for an ISO date at that granularity, else None."""
    if not value:
        return None
    found = _ISO.get(len(value))
    return found[0] if found and found[1].match(value) else None


def normalise_name(text: str) -> str:
    """A name as ``uninews evaluate`` compares it (case, "the", honorific, punctuation)."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text).replace("\u00a0", " ").lower().strip()
    text = re.sub(r"^the\s+", "", text)
    text = _HONORIFIC.sub("", text)
    text = re.sub(r"[.,;:'\"()]", "", text)
    text = re.sub(r"[-\u2010-\u2015]", " ", text)
    return " ".join(text.split())


def load_corrections(path: Path | str) -> list[Correction]:
    """Read a corrections file, merged: one decision per target, the last line wins.

    Raises:
        CorrectionError: naming the file and line of a malformed decision.
    """
    return merge(read_corrections(path))


def read_corrections(path: Path | str) -> list[Correction]:
    """Every decision of a corrections file, in file order (not merged).

    Raises:
        CorrectionError: naming the file and line of a malformed decision.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise CorrectionError(f"{path}: {exc.strerror or exc}") from None
    decisions: list[Correction] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            decisions.append(Correction.model_validate_json(line))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "line"
            raise CorrectionError(f"{path}:{number}: {where}: {first['msg']}") from None
    return decisions


def merge(decisions: Iterable[Correction]) -> list[Correction]:
    """Keep the last decision per target, in the order the targets were first decided."""
    last: dict[tuple[str, str, int, int], Correction] = {}
    for decision in decisions:
        last.pop(decision.target, None)
        last[decision.target] = decision
    return list(last.values())


def corrections_hash(path: Path | None) -> str:
    """sha256 of a corrections file's bytes ("" when there is none), for the fingerprint."""
    if path is None or not path.is_file():
        return ""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def append_correction(path: Path, correction: Correction) -> None:
    """Append one decision as a JSON line, flushed to disk before returning."""
    import os

    line = correction.model_dump_json() + "\n"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())


# --- applying --------------------------------------------------------------------------------


class Corrections:
    """Decisions ready to apply to records: per article, and the rejected names of every one."""

    def __init__(self, decisions: Iterable[Correction]) -> None:
        self.decisions = merge(decisions)
        self.by_doc: dict[str, list[Correction]] = {}
        self.rejected_names: dict[str, set[str]] = {f: set() for f in NAME_FIELDS}
        for c in self.decisions:
            self.by_doc.setdefault(c.doc_id, []).append(c)
            if c.field in NAME_FIELDS and c.action == "reject":
                self.rejected_names[c.field].add(normalise_name(c.text))

    @classmethod
    def from_file(cls, path: Path | str | None) -> Corrections:
        """Load a corrections file; no path or no file gives no corrections."""
        if path is None or not Path(path).is_file():
            return cls([])
        return cls(load_corrections(path))

    def __bool__(self) -> bool:
        return bool(self.decisions)

    def apply(self, record: dict[str, Any], text: str) -> dict[str, Any]:
        """Return a corrected copy of a record (as a dict) whose text is ``text``."""
        out = json.loads(json.dumps(record))
        for c in self.by_doc.get(out["doc_id"], []):
            if c.field != "article" and text[c.start : c.end] == c.text:
                _APPLY[c.action](out, c)
        _reject_names(out, self.rejected_names)
        _tidy(out)
        return out


def apply_corrections(record_json: str, text: str, corrections: Corrections) -> str:
    """Apply decisions to one record line; the result is validated and its offsets checked.

    Raises:
        ValueError: when the corrected record would not be valid (it then stays uncorrected
            by the caller's choice).
    """
    from ..assemble import check_offsets
    from ..models import Record

    if not corrections:
        return record_json
    fixed = Record.model_validate(corrections.apply(json.loads(record_json), text))
    check_offsets(fixed, text)
    return fixed.model_dump_json()


def _span(c: Correction, method: str = "correction") -> dict[str, Any]:
    return {
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "method": method,
        "rule_id": f"correction.{c.id}",
    }


def _at(item: dict[str, Any], c: Correction) -> bool:
    return item.get("start") == c.start and item.get("end") == c.end


def _entities(record: dict[str, Any], field: str) -> list[dict[str, Any]]:
    key = {"person": "people", "organization": "organizations", "location": "locations"}[field]
    return record[key]


def _entity_at(record: dict[str, Any], c: Correction) -> dict[str, Any] | None:
    for entity in _entities(record, c.field):
        if any(_at(m, c) for m in entity["mentions"]):
            return entity
    return None


def _reject(record: dict[str, Any], c: Correction) -> None:
    if c.field in NAME_FIELDS:
        for entity in _entities(record, c.field):
            entity["mentions"] = [m for m in entity["mentions"] if not _at(m, c)]
    elif c.field == "role":
        for person in record["people"]:
            person["roles"] = [r for r in person["roles"] if not _at(r, c)]
    elif c.field == "date":
        record["dates"] = [d for d in record["dates"] if not _at(d, c)]
    elif c.field == "agreement_count":
        record["agreement_counts"] = [a for a in record["agreement_counts"] if not _at(a, c)]
    elif c.field == "published" and record.get("published") and _at(record["published"], c):
        record["published"] = None


def _edit(record: dict[str, Any], c: Correction) -> None:
    new = (c.new_value or "").strip()
    if c.field in NAME_FIELDS:
        entity = _entity_at(record, c)
        if entity is None:
            _add(record, c)
            return
        if c.field == "organization" and entity["name"] != new:
            _rename_org(record, entity, new)
        entity["name"] = new
        for m in entity["mentions"]:
            if _at(m, c):
                m.update(method="correction", rule_id=f"correction.{c.id}")
    elif c.field == "role":
        for person in record["people"]:
            for role in person["roles"]:
                if _at(role, c):
                    if new:
                        role["title"] = new
                    org = _org_named(record, c.organization)
                    role["organization"] = org["name"] if org else None
                    role["organization_id"] = org["id"] if org else None
                    role.update(method="correction", rule_id=f"correction.{c.id}")
    elif c.field in ("date", "published"):
        items = record["dates"] if c.field == "date" else [record.get("published") or {}]
        for d in items:
            if _at(d, c):
                d.update(value=new, method="correction", rule_id=f"correction.{c.id}")
                if c.field == "date":
                    d.update(granularity=iso_granularity(new), end_value=None)
    elif c.field == "agreement_count":
        for a in record["agreement_counts"]:
            if _at(a, c):
                a.update(count=int(new), method="correction", rule_id=f"correction.{c.id}")
                if c.qualifier:
                    a["qualifier"] = c.qualifier


def _add(record: dict[str, Any], c: Correction) -> None:
    new = (c.new_value or c.text).strip()
    if c.field in NAME_FIELDS:
        _add_mention(record, c.field, new, _span(c))
    elif c.field == "role":
        _add_role(record, c, new)
    elif c.field == "date":
        if not any(_at(d, c) for d in record["dates"]):
            granularity = iso_granularity(new)
            record["dates"].append(
                {**_span(c), "value": new, "granularity": granularity, "anchor": "absolute"}
            )
    elif c.field == "agreement_count":
        if not any(_at(a, c) for a in record["agreement_counts"]):
            record["agreement_counts"].append(
                {**_span(c), "count": int(new), "qualifier": c.qualifier or "exact"}
            )
    elif c.field == "published":
        record["published"] = {**_span(c), "value": new}


def _confirm(record: dict[str, Any], c: Correction) -> None:
    """A confirmed value stays as extracted (a confirmed name is added where it was missing)."""
    if c.field in NAME_FIELDS and _entity_at(record, c) is None:
        _add(record, c)


_APPLY = {"reject": _reject, "edit": _edit, "add": _add, "confirm": _confirm}


def _add_mention(record: dict[str, Any], field: str, name: str, mention: dict[str, Any]) -> None:
    entities = _entities(record, field)
    for entity in entities:
        if any(
            m["start"] == mention["start"] and m["end"] == mention["end"]
            for m in entity["mentions"]
        ):
            return
    key = normalise_name(name)
    for entity in entities:
        if normalise_name(entity["name"]) == key or key in {
            normalise_name(a) for a in entity.get("aliases", [])
        }:
            entity["mentions"].append(mention)
            entity["mentions"].sort(key=lambda m: m["start"])
            return
    if field == "person":
        entities.append(
            {
                "id": _new_id(entities, "P"),
                "name": name,
                "honorific": None,
                "mentions": [mention],
                "roles": [],
            }
        )
    elif field == "organization":
        entities.append(
            {
                "id": _new_id(entities, "O"),
                "name": name,
                "aliases": [],
                "type": "other",
                "mentions": [mention],
            }
        )
    else:
        entities.append({"name": name, "mentions": [mention]})


def _add_role(record: dict[str, Any], c: Correction, title: str) -> None:
    """Give the record's person named ``c.person`` the role at the decision's offsets (unless
    that person already has a role there)."""
    key = normalise_name(c.person or "")
    person = next((p for p in record["people"] if normalise_name(p["name"]) == key), None)
    if person is None or any(_at(r, c) for r in person["roles"]):
        return
    org = _org_named(record, c.organization)
    person["roles"].append(
        {
            **_span(c),
            "title": title,
            "organization": org["name"] if org else None,
            "organization_id": org["id"] if org else None,
        }
    )
    person["roles"].sort(key=lambda r: r["start"])


def _new_id(entities: list[dict[str, Any]], prefix: str) -> str:
    numbers = [int(e["id"][1:]) for e in entities if str(e.get("id", ""))[1:].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"


def _org_named(record: dict[str, Any], name: str | None) -> dict[str, Any] | None:
    if not name:
        return None
    key = normalise_name(name)
    for org in record["organizations"]:
        if normalise_name(org["name"]) == key or key in {normalise_name(a) for a in org["aliases"]}:
            return org
    return None


def _rename_org(record: dict[str, Any], org: dict[str, Any], new: str) -> None:
    old = org["name"]
    if old not in org["aliases"] and normalise_name(old) != normalise_name(new):
        org["aliases"].append(old)
    for person in record["people"]:
        for role in person["roles"]:
            if role.get("organization_id") == org["id"]:
                role["organization"] = new
    for a in record["agreement_counts"]:
        if a.get("holder_id") == org["id"]:
            a["holder"] = new


def _reject_names(record: dict[str, Any], rejected: dict[str, set[str]]) -> None:
    for field, names in rejected.items():
        if not names:
            continue
        for entity in _entities(record, field):
            entity["mentions"] = [
                m for m in entity["mentions"] if normalise_name(m["text"]) not in names
            ]
            if normalise_name(entity["name"]) in names:
                entity["mentions"] = []


def _tidy(record: dict[str, Any]) -> None:
    """Drop entities left without mentions, and references to organizations that went."""
    for key in ("people", "organizations", "locations"):
        record[key] = [e for e in record[key] if e["mentions"]]
    orgs = {o["id"]: o["name"] for o in record["organizations"]}
    for person in record["people"]:
        for role in person["roles"]:
            if role.get("organization_id") not in orgs:
                role["organization"] = role["organization_id"] = None
            else:
                role["organization"] = orgs[role["organization_id"]]
    for a in record["agreement_counts"]:
        if a.get("holder_id") and a["holder_id"] not in orgs:
            a["holder_id"] = None
