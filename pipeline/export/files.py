"""CSV and Parquet: one file per table in a folder, rewritten whole on every export.

The files are a snapshot of the records given (and the registry built from them): a second
export of the same records writes byte-identical files. Each file is written to a temporary
name and renamed into place, so a reader never sees half a table.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from ..errors import PipelineError
from .tables import TABLES, Row, Table

#: Extra needed for Parquet, named in the error a bare install gives.
EXTRA_HINT = "pip install 'uninews[export]'"


def export_csv(rows: dict[str, list[Row]], folder: Path) -> dict[str, int]:
    """Write ``<table>.csv`` per table (header row, UTF-8, empty field for null)."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        tmp = folder / f".{table.name}.csv.tmp"
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(table.column_names)
            writer.writerows(_sorted(table, rows[table.name]))
        os.replace(tmp, folder / f"{table.name}.csv")
    return {t.name: len(rows[t.name]) for t in TABLES}


def export_parquet(rows: dict[str, list[Row]], folder: Path) -> dict[str, int]:
    """Write ``<table>.parquet`` per table with typed columns (string, int64)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise PipelineError(f"exporting to Parquet needs pyarrow: {EXTRA_HINT}") from None
    folder.mkdir(parents=True, exist_ok=True)
    types = {"text": pa.string(), "integer": pa.int64()}
    for table in TABLES:
        schema = pa.schema(
            [pa.field(c.name, types[c.type], nullable=c.nullable) for c in table.columns]
        )
        data = _sorted(table, rows[table.name])
        columns = list(zip(*data, strict=True)) if data else [() for _ in table.columns]
        arrow = pa.table(
            [pa.array(list(v), type=f.type) for v, f in zip(columns, schema, strict=True)],
            schema=schema,
        )
        tmp = folder / f".{table.name}.parquet.tmp"
        pq.write_table(arrow, tmp)
        os.replace(tmp, folder / f"{table.name}.parquet")
    return {t.name: len(rows[t.name]) for t in TABLES}


def _sorted(table: Table, rows: list[Row]) -> list[Row]:
    """Rows in primary-key order, so the files do not depend on the input's order."""
    positions = [table.column_names.index(c) for c in table.primary_key]
    return sorted(rows, key=lambda row: tuple(row[i] for i in positions))
