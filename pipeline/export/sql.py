"""SQL stores: SQLite (stdlib ``sqlite3``) and PostgreSQL (``psycopg`` 3), one code path.

An export creates the tables when they are missing, then in one transaction: deletes the rows
of every exported ``doc_id`` (and of older articles with the same source path, whose content has
changed since), inserts the records' rows, and rebuilds the registry tables from all articles
now in the store. Exporting the same records again therefore changes nothing.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from ..errors import PipelineError
from ..models import Record
from .tables import ARTICLE_TABLES, REGISTRY_TABLES, TABLES, Table, article_rows, registry_rows

logger = logging.getLogger(__name__)

_TYPES = {"text": "TEXT", "integer": "BIGINT"}


@dataclass(frozen=True)
class Dialect:
    """What differs between the SQL stores: the parameter marker and how to connect."""

    name: str
    placeholder: str
    connect: Callable[[str], Any]


def _quote(name: str) -> str:
    return f'"{name}"'


def create_statements(table: Table) -> list[str]:
    """``CREATE TABLE IF NOT EXISTS`` and its indexes, valid in SQLite and PostgreSQL."""
    parts = [
        f"{_quote(c.name)} {_TYPES[c.type]}{'' if c.nullable else ' NOT NULL'}"
        for c in table.columns
    ]
    parts.append(f"PRIMARY KEY ({', '.join(map(_quote, table.primary_key))})")
    for fk in table.foreign_keys:
        parts.append(
            f"FOREIGN KEY ({_quote(fk.column)}) REFERENCES {_quote(fk.table)} ({_quote(fk.target)})"
        )
    statements = [f"CREATE TABLE IF NOT EXISTS {_quote(table.name)} ({', '.join(parts)})"]
    indexed = {fk.column for fk in table.foreign_keys} - {table.primary_key[0]}
    for column in sorted(indexed):
        statements.append(
            f"CREATE INDEX IF NOT EXISTS {_quote(f'{table.name}_{column}_idx')} "
            f"ON {_quote(table.name)} ({_quote(column)})"
        )
    return statements


def _connect_sqlite(url: str):
    path = sqlite_path(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _connect_postgres(url: str):
    try:
        import psycopg
    except ImportError:
        raise PipelineError(
            "exporting to PostgreSQL needs psycopg: pip install 'uninews[export]'"
        ) from None
    try:
        return psycopg.connect(url)
    except psycopg.Error as exc:
        raise PipelineError(f"cannot connect to PostgreSQL: {str(exc).strip()}") from None


DIALECTS = {
    "sqlite": Dialect("sqlite", "?", _connect_sqlite),
    "postgresql": Dialect("postgresql", "%s", _connect_postgres),
}


def sqlite_path(url: str) -> Path:
    """The file of ``sqlite:///relative/path.db`` or ``sqlite:////absolute/path.db``."""
    if not url.startswith("sqlite:///") or url == "sqlite:///":
        raise PipelineError(f"not a SQLite URL: {url} (use sqlite:///path/to/file.db)")
    return Path(unquote(url[len("sqlite:///") :]))


def dialect_of(url: str) -> Dialect:
    """The dialect of a database URL (``sqlite:///...``, ``postgresql://...``)."""
    scheme = urlparse(url).scheme.split("+")[0]
    if scheme == "postgres":
        scheme = "postgresql"
    if scheme not in DIALECTS:
        raise PipelineError(f"unknown database URL: {url} (use sqlite:/// or postgresql://)")
    return DIALECTS[scheme]


def export_sql(records: list[Record], url: str, build_registry) -> dict[str, int]:
    """Upsert ``records`` into the database at ``url`` and rebuild its registry tables.

    Args:
        records: the records to export (one per ``doc_id``).
        url: ``sqlite:///path.db`` or ``postgresql://user@host:port/db``.
        build_registry: a function from all stored records to registry entities.

    Returns:
        The number of rows in each table after the export.

    Raises:
        PipelineError: when the database cannot be reached or the export fails (nothing is
            changed then: the transaction is rolled back).
    """
    dialect = dialect_of(url)
    connection = dialect.connect(url)
    mark = dialect.placeholder
    try:
        cursor = connection.cursor()
        for table in TABLES:
            for statement in create_statements(table):
                cursor.execute(statement)
        connection.commit()
        doc_ids = sorted({r.doc_id for r in records})
        paths = sorted({r.source.path for r in records})
        replaced = _replaced_doc_ids(cursor, mark, paths, set(doc_ids))
        for table in reversed(REGISTRY_TABLES):
            cursor.execute(f"DELETE FROM {_quote(table.name)}")
        for table in reversed(ARTICLE_TABLES):
            for doc_id in doc_ids + replaced:
                cursor.execute(f"DELETE FROM {_quote(table.name)} WHERE doc_id = {mark}", (doc_id,))
        rows = [article_rows(record) for record in records]
        for table in ARTICLE_TABLES:
            _insert(cursor, mark, table, [row for item in rows for row in item[table.name]])
        cursor.execute('SELECT "record" FROM "articles" ORDER BY "doc_id"')
        stored = [Record.model_validate_json(row[0]) for row in cursor.fetchall()]
        registry = registry_rows(build_registry(stored))
        for table in REGISTRY_TABLES:
            _insert(cursor, mark, table, registry[table.name])
        counts = {}
        for table in TABLES:
            cursor.execute(f"SELECT COUNT(*) FROM {_quote(table.name)}")
            counts[table.name] = cursor.fetchone()[0]
        connection.commit()
    except Exception as exc:
        connection.rollback()
        if isinstance(exc, PipelineError):
            raise
        if isinstance(exc, sqlite3.Error) or type(exc).__module__.startswith("psycopg"):
            raise PipelineError(f"export to {dialect.name} failed: {exc}") from exc
        raise
    finally:
        connection.close()
    if replaced:
        logger.info("replaced %d older articles with the same path", len(replaced))
    return counts


def _replaced_doc_ids(cursor, mark: str, paths: list[str], keep: set[str]) -> list[str]:
    """Articles stored under one of ``paths`` with another content: the file has changed."""
    found: set[str] = set()
    for path in paths:
        cursor.execute(f'SELECT "doc_id" FROM "articles" WHERE "path" = {mark}', (path,))
        found.update(row[0] for row in cursor.fetchall())
    return sorted(found - keep)


def _insert(cursor, mark: str, table: Table, rows: list[tuple]) -> None:
    if not rows:
        return
    columns = ", ".join(map(_quote, table.column_names))
    marks = ", ".join([mark] * len(table.columns))
    cursor.executemany(f"INSERT INTO {_quote(table.name)} ({columns}) VALUES ({marks})", rows)
