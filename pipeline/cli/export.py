"""``uninews export`` and ``entities``: records into tables, and the cross-article registry."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .status import EXIT_OK, EXIT_USAGE


def cmd_export(args: argparse.Namespace) -> int:
    """``uninews export``."""
    from ..export import DEFAULT_TARGET, FILE_FORMATS, export, load_records

    to = args.to or [DEFAULT_TARGET]
    target, folder = to[0], to[1] if len(to) > 1 else None
    if len(to) > 2 or (target in FILE_FORMATS) != (folder is not None):
        usage = "--to csv DIR, --to parquet DIR, or --to DATABASE_URL"
        print(f"uninews: error: {usage}, not --to {' '.join(to)}", file=sys.stderr)
        return EXIT_USAGE
    records = load_records(args.records)
    counts = export(records, target, folder)
    if not args.quiet:
        where = f"{target} {folder}" if folder else _redacted(target)
        tables = ", ".join(f"{name} {n}" for name, n in counts.items())
        print(f"uninews: exported {len(records)} records to {where}: {tables}", file=sys.stderr)
    return EXIT_OK


def _redacted(url: str) -> str:
    """A database URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def cmd_entities(args: argparse.Namespace) -> int:
    """``uninews entities``."""
    from ..export import load_records
    from ..registry import build_registry

    entities = build_registry(load_records(args.records), args.rules)
    lines = "".join(entity.model_dump_json() + "\n" for entity in entities)
    if args.output == "-":
        sys.stdout.write(lines)
    else:
        out = Path(args.output)
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        tmp.write_text(lines, encoding="utf-8")
        os.replace(tmp, out)
    if args.summary:
        for entity in entities:
            print(entity.summary)
    if not args.quiet:
        people = sum(e.kind == "person" for e in entities)
        where = "stdout" if args.output == "-" else args.output
        print(
            f"uninews: {people} people and {len(entities) - people} organizations "
            f"from {args.records}; output {where}",
            file=sys.stderr,
        )
    return EXIT_OK
