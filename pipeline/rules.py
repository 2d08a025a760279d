"""Find, load and validate the rule files under ``rules/``.

Rules are data: SpanRuler/Matcher token patterns in ``rules/<concern>.jsonl`` (one pattern a
line, each with a unique ``id``) and lexicons in ``rules/<name>.json``. Every line is validated
with pydantic on load, and errors name the file, the line and the field.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import E_RULE_LINE, E_RULES_DIR, W_EMPTY_RULES, RuleFileError

logger = logging.getLogger(__name__)

RULE_ID_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$"


class RuleLine(BaseModel):
    """One pattern of a ``rules/*.jsonl`` file.

    Attributes:
        id: unique dotted id, e.g. ``role.title_before_name.1``; copied onto every span it makes.
        label: the span label; must be in the inventory the loading component declares.
        pattern: a phrase (string) or a list of token-attribute dicts (spaCy Matcher syntax).
        example: optional sentence on which the pattern must fire (checked by the tests).
        comment: optional note for rule writers.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=RULE_ID_PATTERN)
    label: str = Field(min_length=1)
    pattern: str | list[dict[str, Any]]
    example: str | None = None
    comment: str | None = None


def default_rules_dir() -> Path:
    """Return the rules folder: ``UNINEWS_RULES``, the checkout's ``rules/``, or the packaged copy.

    Raises:
        RuleFileError: when none of them exists.
    """
    env = os.environ.get("UNINEWS_RULES")
    if env:
        return check_rules_dir(Path(env))
    checkout = Path(__file__).resolve().parent.parent / "rules"
    if checkout.is_dir():
        return checkout
    packaged = Path(str(resources.files("pipeline") / "_rules"))
    return check_rules_dir(packaged)


def check_rules_dir(path: Path) -> Path:
    """Return ``path`` if it is a folder, else raise a ``RuleFileError`` that says what to do."""
    if not path.is_dir():
        raise RuleFileError(E_RULES_DIR.format(path=path))
    return path


def load_patterns(path: Path, labels: set[str]) -> list[RuleLine]:
    """Load and validate a JSONL pattern file.

    Args:
        path: the ``rules/<concern>.jsonl`` file.
        labels: the label inventory of the component that loads it.

    Returns:
        The validated lines, in file order. Blank lines and lines starting with ``//`` are skipped.

    Raises:
        RuleFileError: on a missing file, bad JSON, a schema error, an unknown label or a
            duplicate id; the message names file, line and field.
    """
    return _load_patterns_cached(path.resolve(), frozenset(labels))


@lru_cache(maxsize=64)
def _load_patterns_cached(path: Path, labels: frozenset[str]) -> list[RuleLine]:
    if not path.is_file():
        raise RuleFileError(f"{path}: rules file not found")
    out: list[RuleLine] = []
    seen: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.strip()
            if not line or line.startswith("//"):
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RuleFileError(
                    E_RULE_LINE.format(path=path, line=number, field="json", message=exc.msg)
                ) from None
            try:
                rule = RuleLine.model_validate(data)
            except ValidationError as exc:
                first = exc.errors()[0]
                field = ".".join(str(p) for p in first["loc"]) or "line"
                raise RuleFileError(
                    E_RULE_LINE.format(path=path, line=number, field=field, message=first["msg"])
                ) from None
            if rule.label not in labels:
                raise RuleFileError(
                    E_RULE_LINE.format(
                        path=path,
                        line=number,
                        field="label",
                        message=f"{rule.label!r} is not one of {sorted(labels)}",
                    )
                )
            if rule.id in seen:
                raise RuleFileError(
                    E_RULE_LINE.format(
                        path=path,
                        line=number,
                        field="id",
                        message=f"{rule.id!r} already used on line {seen[rule.id]}",
                    )
                )
            seen[rule.id] = number
            out.append(rule)
    if not out:
        logger.warning(W_EMPTY_RULES.format(path=path))
    return out


def load_lexicon(path: Path) -> dict[str, Any]:
    """Load a JSON lexicon (an object whose values are lists or mappings of strings).

    Raises:
        RuleFileError: when the file is missing or not a JSON object.
    """
    return _load_lexicon_cached(path.resolve())


@lru_cache(maxsize=64)
def _load_lexicon_cached(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise RuleFileError(f"{path}: lexicon file not found")
    return parse_json_object(path, path.read_text(encoding="utf-8"), "a lexicon")


def parse_json_object(path: Path, text: str, what: str) -> dict[str, Any]:
    """``text`` (the content of ``path``) as a JSON object.

    Raises:
        RuleFileError: on broken JSON (naming the line) or a value that is not an object
            ("``what`` must be a JSON object").
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RuleFileError(
            E_RULE_LINE.format(path=path, line=exc.lineno, field="json", message=exc.msg)
        ) from None
    if not isinstance(data, dict):
        raise RuleFileError(f"{path}: {what} must be a JSON object")
    return data


def rules_hash(rules_dir: Path, local_dir: Path | None = None) -> str:
    """Return a short sha256 over every rules file (name and bytes), for the record's provenance.

    Args:
        rules_dir: the rules folder.
        local_dir: the local overrides in use (:mod:`pipeline.local_rules`; default
            ``<rules_dir>/local``). Their files count as ``local/<name>`` wherever the folder
            is, and ``<rules_dir>/local`` counts only when it is the one in use, so the hash
            depends on the rules' content, not on where the local folder lives.
    """
    default_local = rules_dir / "local"
    local_dir = local_dir if local_dir is not None else default_local
    files = [
        (path.relative_to(rules_dir).as_posix(), path)
        for path in rules_dir.rglob("*")
        if not path.is_relative_to(default_local)
    ]
    if local_dir.is_dir():
        files += [
            (f"local/{path.relative_to(local_dir).as_posix()}", path)
            for path in local_dir.rglob("*")
        ]
    digest = hashlib.sha256()
    for name, path in sorted(files, key=lambda item: Path(item[0]).parts):
        if path.is_file() and path.suffix in {".jsonl", ".json", ".tsv"}:
            digest.update(name.encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
