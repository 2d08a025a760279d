"""Records (and the cross-article registry) as normalised rows with keys, for any store.

One declaration of the tables (:data:`TABLES`) serves every target: the SQL stores create them
from it, and CSV and Parquet write one file per table with these columns in this order. Keys are
derived from the records, never from the order of a run: an article's ``doc_id``, and below it
``doc_id:P1`` (a person), ``doc_id:O2`` (an organization), ``doc_id:P1:R1`` (a role), ...
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from ..models import Record


@dataclass(frozen=True)
class Column:
    """A column: its name, ``text`` or ``integer``, and whether it may be null."""

    name: str
    type: str = "text"
    nullable: bool = True


@dataclass(frozen=True)
class ForeignKey:
    """``column`` references ``table``'s primary key (a single column)."""

    column: str
    table: str
    target: str


@dataclass(frozen=True)
class Table:
    """A table: columns, a primary key (one or more columns) and foreign keys."""

    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    #: Rows of an article carry ``doc_id``; registry rows are rebuilt as a whole instead.
    per_article: bool = True

    @property
    def column_names(self) -> list[str]:
        """Column names in order."""
        return [c.name for c in self.columns]


def _c(name: str, type: str = "text", nullable: bool = True) -> Column:
    return Column(name, type, nullable)


def _key(name: str) -> Column:
    return Column(name, "text", False)


_SPAN = (_c("text"), _c("start_char", "integer"), _c("end_char", "integer"), _c("method"))
_RULE = (_c("rule_id"),)
_ARTICLE_FK = ForeignKey("doc_id", "articles", "doc_id")

TABLES: tuple[Table, ...] = (
    Table(
        "articles",
        (
            _key("doc_id"),
            _key("path"),
            _key("sha256"),
            _c("bytes", "integer"),
            _c("encoding"),
            _c("format"),
            _c("title"),
            _c("published"),
            _c("published_text"),
            _c("published_start", "integer"),
            _c("published_end", "integer"),
            _key("schema_version"),
            _c("extractor_version"),
            _c("model"),
            _c("model_version"),
            _c("rules_hash"),
            _c("record"),
        ),
        ("doc_id",),
    ),
    Table(
        "people",
        (_key("person_id"), _key("doc_id"), _key("local_id"), _key("name"), _c("honorific")),
        ("person_id",),
        (_ARTICLE_FK,),
    ),
    Table(
        "organizations",
        (_key("organization_id"), _key("doc_id"), _key("local_id"), _key("name"), _c("type")),
        ("organization_id",),
        (_ARTICLE_FK,),
    ),
    Table(
        "roles",
        (
            _key("role_id"),
            _key("person_id"),
            _key("doc_id"),
            _key("title"),
            _c("organization"),
            _c("organization_id"),
            *_SPAN,
            *_RULE,
        ),
        ("role_id",),
        (
            ForeignKey("person_id", "people", "person_id"),
            _ARTICLE_FK,
            ForeignKey("organization_id", "organizations", "organization_id"),
        ),
    ),
    Table(
        "aliases",
        (_key("alias_id"), _key("organization_id"), _key("doc_id"), _key("alias")),
        ("alias_id",),
        (ForeignKey("organization_id", "organizations", "organization_id"), _ARTICLE_FK),
    ),
    Table(
        "locations",
        (_key("location_id"), _key("doc_id"), _key("name")),
        ("location_id",),
        (_ARTICLE_FK,),
    ),
    Table(
        "dates",
        (
            _key("date_id"),
            _key("doc_id"),
            *_SPAN,
            *_RULE,
            _c("value"),
            _c("granularity"),
            _c("anchor"),
            _c("end_value"),
        ),
        ("date_id",),
        (_ARTICLE_FK,),
    ),
    Table(
        "agreement_counts",
        (
            _key("agreement_id"),
            _key("doc_id"),
            *_SPAN,
            *_RULE,
            _c("count", "integer", False),
            _key("qualifier"),
            _c("object"),
            _c("holder"),
            _c("holder_id"),
            _c("counterparty"),
        ),
        ("agreement_id",),
        (_ARTICLE_FK, ForeignKey("holder_id", "organizations", "organization_id")),
    ),
    Table(
        "mentions",
        (
            _key("mention_id"),
            _key("doc_id"),
            _key("entity_kind"),
            _key("entity_key"),
            _c("person_id"),
            _c("organization_id"),
            _c("location_id"),
            *_SPAN,
            *_RULE,
        ),
        ("mention_id",),
        (
            _ARTICLE_FK,
            ForeignKey("person_id", "people", "person_id"),
            ForeignKey("organization_id", "organizations", "organization_id"),
            ForeignKey("location_id", "locations", "location_id"),
        ),
    ),
    Table(
        "entities",
        (
            _key("entity_id"),
            _key("kind"),
            _key("name"),
            _c("article_count", "integer", False),
            _c("first_seen"),
            _c("last_seen"),
            _key("summary"),
        ),
        ("entity_id",),
        per_article=False,
    ),
    Table(
        "entity_variants",
        (_key("entity_id"), _key("variant")),
        ("entity_id", "variant"),
        (ForeignKey("entity_id", "entities", "entity_id"),),
        per_article=False,
    ),
    Table(
        "entity_members",
        (
            _key("entity_id"),
            _key("member_key"),
            _key("doc_id"),
            _c("person_id"),
            _c("organization_id"),
            _key("name"),
        ),
        ("entity_id", "member_key"),
        (
            ForeignKey("entity_id", "entities", "entity_id"),
            _ARTICLE_FK,
            ForeignKey("person_id", "people", "person_id"),
            ForeignKey("organization_id", "organizations", "organization_id"),
        ),
        per_article=False,
    ),
)

TABLE_BY_NAME = {t.name: t for t in TABLES}
ARTICLE_TABLES = [t for t in TABLES if t.per_article]
REGISTRY_TABLES = [t for t in TABLES if not t.per_article]

Row = tuple


def _span(item) -> tuple:
    return (item.text, item.start, item.end, item.method, item.rule_id)


def article_rows(record: Record) -> dict[str, list[Row]]:
    """The rows of one record, per table, in the order of :data:`TABLES`' columns."""
    doc = record.doc_id
    published = record.published
    rows: dict[str, list[Row]] = {t.name: [] for t in ARTICLE_TABLES}
    rows["articles"].append(
        (
            doc,
            record.source.path,
            record.source.sha256,
            record.source.bytes,
            record.source.encoding,
            record.source.format,
            record.title,
            published.value if published else None,
            published.text if published else None,
            published.start if published else None,
            published.end if published else None,
            record.schema_version,
            record.extractor.version,
            record.extractor.model,
            record.extractor.model_version,
            record.extractor.rules_hash,
            record.model_dump_json(),
        )
    )
    org_key = {o.id: f"{doc}:{o.id}" for o in record.organizations}
    mentions = rows["mentions"]

    def mention(kind: str, key: str, refs: tuple, item) -> None:
        number = len(mentions) + 1
        mentions.append((f"{doc}:M{number}", doc, kind, key, *refs, *_span(item)))

    for org in record.organizations:
        key = org_key[org.id]
        rows["organizations"].append((key, doc, org.id, org.name, org.type))
        for n, alias in enumerate(org.aliases, start=1):
            rows["aliases"].append((f"{key}:A{n}", key, doc, alias))
        for m in org.mentions:
            mention("organization", key, (None, key, None), m)
    for person in record.people:
        key = f"{doc}:{person.id}"
        rows["people"].append((key, doc, person.id, person.name, person.honorific))
        for n, role in enumerate(person.roles, start=1):
            rows["roles"].append(
                (
                    f"{key}:R{n}",
                    key,
                    doc,
                    role.title,
                    role.organization,
                    org_key.get(role.organization_id) if role.organization_id else None,
                    *_span(role),
                )
            )
        for m in person.mentions:
            mention("person", key, (key, None, None), m)
    for n, location in enumerate(record.locations, start=1):
        key = f"{doc}:L{n}"
        rows["locations"].append((key, doc, location.name))
        for m in location.mentions:
            mention("location", key, (None, None, key), m)
    for n, date in enumerate(record.dates, start=1):
        rows["dates"].append(
            (
                f"{doc}:D{n}",
                doc,
                *_span(date),
                date.value,
                date.granularity,
                date.anchor,
                date.end_value,
            )
        )
    for n, count in enumerate(record.agreement_counts, start=1):
        rows["agreement_counts"].append(
            (
                f"{doc}:C{n}",
                doc,
                *_span(count),
                count.count,
                count.qualifier,
                count.object,
                count.holder,
                org_key.get(count.holder_id) if count.holder_id else None,
                count.counterparty,
            )
        )
    return rows


def registry_rows(entities: Iterable) -> dict[str, list[Row]]:
    """The registry tables' rows from :class:`pipeline.registry.Entity` objects."""
    rows: dict[str, list[Row]] = {t.name: [] for t in REGISTRY_TABLES}
    for entity in entities:
        rows["entities"].append(
            (
                entity.id,
                entity.kind,
                entity.name,
                len(entity.articles),
                entity.first_seen,
                entity.last_seen,
                entity.summary,
            )
        )
        for variant in entity.variants:
            rows["entity_variants"].append((entity.id, variant))
        for member in entity.members:
            key = f"{member.doc_id}:{member.local_id}"
            person = key if entity.kind == "person" else None
            org = key if entity.kind == "organization" else None
            rows["entity_members"].append((entity.id, key, member.doc_id, person, org, member.name))
    return rows


def all_rows(records: list[Record], entities: Iterable) -> dict[str, list[Row]]:
    """Every table's rows for ``records`` and the registry built from them."""
    rows: dict[str, list[Row]] = {t.name: [] for t in TABLES}
    for record in records:
        for name, items in article_rows(record).items():
            rows[name].extend(items)
    for name, items in registry_rows(entities).items():
        rows[name].extend(items)
    return rows


def record_of(row_json: str) -> Record:
    """A record back from the ``articles.record`` column."""
    return Record.model_validate(json.loads(row_json))
