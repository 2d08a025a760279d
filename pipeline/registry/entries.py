"""The registry's records: an entry (one line of ``uninews entities``) and its parts."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ArticleSeen(_Frozen):
    """An article where the entity appears."""

    doc_id: str
    path: str
    published: str | None


class Member(_Frozen):
    """The entity as one record has it: ``local_id`` is its ``id`` there (P1, O3)."""

    doc_id: str
    local_id: str
    name: str


class RoleSeen(_Frozen):
    """A role the person holds in one article."""

    title: str
    organization: str | None
    organization_entity: str | None
    doc_id: str
    published: str | None


class Entity(_Frozen):
    """One registry entry: a line of ``uninews entities``."""

    id: str
    kind: Literal["person", "organization"]
    name: str
    variants: list[str]
    articles: list[ArticleSeen]
    members: list[Member]
    roles: list[RoleSeen] = []
    first_seen: str | None
    last_seen: str | None
    summary: str
