"""The record contract (../shared/CONTRACT.md) as frozen pydantic v2 models.

Public field names are an interface: add fields freely, rename or drop only with a
``SCHEMA_VERSION`` bump and a README note. This module imports nothing but pydantic.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.2"

Method = Literal["ner", "rule", "acronym", "coreference", "lexicon", "correction"]
Granularity = Literal["year", "month", "day"]
Anchor = Literal["absolute", "published", "none"]
Qualifier = Literal["exact", "more_than", "less_than", "about", "at_least", "up_to"]
OrgType = Literal["university", "research_institute", "academy", "company", "government", "other"]

_ISO_BY_GRANULARITY = {
    "year": re.compile(r"^\d{4}$"),
    "month": re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"),
    "day": re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"),
}


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Record):
    """Evidence: ``text == source_text[start:end]``, with how it was found."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    method: Method
    rule_id: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"end {self.end} before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("text length does not match end - start")
        return self


class Mention(Span):
    """One place where an entity is named."""


class Role(_Record):
    """A post a person holds; ``text`` is the title as written at ``start``/``end``."""

    title: str
    text: str
    organization: str | None = None
    organization_id: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    method: Method
    rule_id: str | None = None


class Person(_Record):
    """One real-world person, however often mentioned."""

    id: str
    name: str
    honorific: str | None = None
    mentions: list[Mention]
    roles: list[Role] = []


class Organization(_Record):
    """One real-world organization; ``name`` is the longest full form."""

    id: str
    name: str
    aliases: list[str] = []
    type: OrgType = "other"
    mentions: list[Mention]


class Location(_Record):
    """A place (country, region, city)."""

    name: str
    mentions: list[Mention]


class DateMention(Span):
    """A date with its ISO value at the granularity the text states."""

    value: str | None
    granularity: Granularity | None
    anchor: Anchor
    # For a range ("3-5 June 2025"), ``value`` is its start and ``end_value`` its last day.
    end_value: str | None = None

    @model_validator(mode="after")
    def _iso(self) -> DateMention:
        if self.value is None:
            return self
        if self.granularity is None or not _ISO_BY_GRANULARITY[self.granularity].match(self.value):
            raise ValueError(f"value {self.value!r} is not ISO at granularity {self.granularity}")
        return self


class Published(Span):
    """The article's own publication date (day precision)."""

    value: str = Field(pattern=_ISO_BY_GRANULARITY["day"].pattern)


class AgreementCount(Span):
    """A statement counting agreements, memoranda, joint institutes, projects, ..."""

    count: int = Field(ge=0)
    qualifier: Qualifier
    object: str | None = None
    holder: str | None = None
    holder_id: str | None = None
    counterparty: str | None = None


class Quantity(Span):
    """A counted quantity that is not an agreement count (students, staff, participants)."""

    count: int = Field(ge=0)
    qualifier: Qualifier
    object: str | None = None


class Source(_Record):
    """Where the record's text came from."""

    path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    bytes: int = Field(ge=0)
    encoding: str = "utf-8"
    format: Literal["text", "html"] = "text"


class Extractor(_Record):
    """What produced the record, so a rules or model change can be traced."""

    version: str
    model: str
    model_version: str
    rules_hash: str


class Record(_Record):
    """One article's extraction result: one JSON line of ``uninews extract``."""

    schema_version: str = SCHEMA_VERSION
    doc_id: str
    source: Source
    # For inputs that are not plain text (HTML): the extracted text the offsets point into.
    text: str | None = None
    title: str | None
    published: Published | None
    people: list[Person]
    organizations: list[Organization]
    locations: list[Location]
    dates: list[DateMention]
    agreement_counts: list[AgreementCount]
    quantities: list[Quantity] = []
    extractor: Extractor

    @model_validator(mode="after")
    def _references(self) -> Record:
        org_names = {o.id: o.name for o in self.organizations}
        for person in self.people:
            for role in person.roles:
                if role.organization_id is None:
                    if role.organization is not None:
                        raise ValueError(f"role {role.title!r} names an organization without id")
                elif org_names.get(role.organization_id) != role.organization:
                    raise ValueError(
                        f"role {role.title!r}: organization_id {role.organization_id!r} "
                        f"is not {role.organization!r} in this record"
                    )
        return self


def record_schema() -> dict:
    """Return the JSON Schema of :class:`Record` (what ``uninews schema`` prints)."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"uninews-record-{SCHEMA_VERSION}"
    return schema
