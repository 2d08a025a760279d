"""The state of incremental runs: which file's content has a current record.

One SQLite database beside the output (``records.jsonl`` -> ``records.state.sqlite``) holds,
for every file path ever extracted into that output, the content's sha256, the fingerprint of
the pipeline that made the record (uninews version and code, model, rules hash), and the record
itself.
A file is skipped when its sha256 and the fingerprint are unchanged. Each batch of records is
committed in one transaction, so a run killed at any moment loses at most the batch in flight,
which the next run redoes; the JSONL output is rewritten from this table only when a run ends.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    path        TEXT PRIMARY KEY,   -- source.path as the record shows it
    sha256      TEXT NOT NULL,      -- of the file's bytes
    fingerprint TEXT NOT NULL,      -- of the pipeline that made the record
    record      TEXT NOT NULL,      -- the validated record, one JSON line
    updated     TEXT NOT NULL       -- UTC time of extraction
);
"""


def state_path(out: Path) -> Path:
    """``outputs/records.jsonl`` -> ``outputs/records.state.sqlite``."""
    return out.with_name(out.name.removesuffix(".jsonl") + ".state.sqlite")


class StateStore:
    """Records of one output, keyed by file path.

    Args:
        path: the SQLite file (created when missing).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path, timeout=60)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def is_current(self, path: str, sha256: str, fingerprint: str) -> bool:
        """True when ``path`` has a record of this content made by this pipeline."""
        row = self.db.execute(
            "SELECT 1 FROM records WHERE path = ? AND sha256 = ? AND fingerprint = ?",
            (path, sha256, fingerprint),
        ).fetchone()
        return row is not None

    def put_many(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """Store ``(path, sha256, fingerprint, record_json)`` rows in one transaction."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.db:
            self.db.executemany(
                "INSERT INTO records (path, sha256, fingerprint, record, updated) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET "
                "sha256 = excluded.sha256, fingerprint = excluded.fingerprint, "
                "record = excluded.record, updated = excluded.updated",
                [(*row, now) for row in rows],
            )

    def records(self) -> Iterator[str]:
        """Every stored record (JSON text), ordered by path."""
        for (record,) in self.db.execute("SELECT record FROM records ORDER BY path"):
            yield record

    def __len__(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM records").fetchone()[0]

    def close(self) -> None:
        """Close the database."""
        self.db.close()
