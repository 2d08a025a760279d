"""``uninews schema`` and ``validate``: the record schema, and records checked against it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import ValidationError

from .status import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE


def cmd_schema(args: argparse.Namespace) -> int:
    """``uninews schema``."""
    from ..models import record_schema

    text = json.dumps(record_schema(), indent=2, sort_keys=True) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """``uninews validate``."""
    from ..models import Record

    try:
        handle = open(args.file, encoding="utf-8")
    except OSError as exc:
        print(f"uninews: error: {args.file}: {exc.strerror}", file=sys.stderr)
        return EXIT_USAGE
    bad = total = 0
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            total += 1
            try:
                Record.model_validate_json(line)
            except ValidationError as exc:
                bad += 1
                for error in exc.errors():
                    where = ".".join(str(p) for p in error["loc"]) or "record"
                    print(f"{args.file}:{number}: {where}: {error['msg']}")
    print(f"uninews: {total - bad} of {total} records valid", file=sys.stderr)
    return EXIT_PARTIAL if bad else EXIT_OK
