"""Reading JSON Lines input (predictions and gold) with file:line errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSON Lines file of objects; blank lines are skipped.

    Args:
        path: the file to read (UTF-8, a BOM is tolerated).

    Returns:
        One dict per non-blank line.

    Raises:
        ValueError: when a line is not valid JSON or not a JSON object; the message names the
            file and the line number.
        OSError: when the file cannot be read.
    """
    rows: list[dict[str, Any]] = []
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(
                    f"{path}:{number}: invalid JSON: {exc.msg} (column {exc.colno})"
                ) from None
            if not isinstance(row, dict):
                raise ValueError(
                    f"{path}:{number}: expected a JSON object, got {type(row).__name__}"
                )
            rows.append(row)
    return rows
