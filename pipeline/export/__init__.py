"""Exports of records to the stores other systems load: SQLite, PostgreSQL, CSV, Parquet.

:func:`export` is what ``uninews export`` runs; :mod:`.tables` declares the normalised tables,
:mod:`.sql` writes them to a database, :mod:`.files` to CSV or Parquet files.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pydantic import ValidationError

from ..errors import PipelineError
from ..models import Record

logger = logging.getLogger(__name__)

#: Where ``uninews export`` writes without ``--to``.
DEFAULT_TARGET = "sqlite:///outputs/uninews.db"
FILE_FORMATS = ("csv", "parquet")


def load_records(path: Path | str) -> list[Record]:
    """Read a records file; one record per ``doc_id`` (a later line replaces an earlier one).

    Raises:
        PipelineError: when the file cannot be read or a line is not a valid record.
    """
    by_doc: dict[str, Record] = {}
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = Record.model_validate_json(line)
                except ValidationError as exc:
                    first = exc.errors()[0]
                    where = ".".join(str(p) for p in first["loc"]) or "record"
                    raise PipelineError(
                        f"{path}:{number}: {where}: {first['msg']} (check with uninews validate)"
                    ) from None
                if record.doc_id in by_doc:
                    logger.info(
                        "%s:%d: doc_id %s seen before; kept this line", path, number, record.doc_id
                    )
                by_doc[record.doc_id] = record
    except OSError as exc:
        raise PipelineError(f"{path}: {exc.strerror or exc}") from None
    return list(by_doc.values())


def export(records: list[Record], target: str, folder: Path | str | None = None) -> dict[str, int]:
    """Export ``records`` (and the cross-article registry) to ``target``.

    Args:
        records: validated records, one per ``doc_id``.
        target: a database URL (``sqlite:///...``, ``postgresql://...``) or ``csv`` /
            ``parquet`` with ``folder``.
        folder: the folder for ``csv`` and ``parquet``.

    Returns:
        Rows per table after the export.

    Raises:
        PipelineError: on an unknown target, a missing optional dependency or a store error.
    """
    from ..registry import build_registry

    if target in FILE_FORMATS:
        if folder is None:
            raise PipelineError(f"--to {target} needs a folder: --to {target} DIR")
        from .files import export_csv, export_parquet
        from .tables import all_rows

        rows = all_rows(records, build_registry(records))
        writer = export_csv if target == "csv" else export_parquet
        return writer(rows, Path(folder))
    from .sql import export_sql

    return export_sql(records, target, build_registry)
