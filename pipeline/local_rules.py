"""Local overrides of the lexicons: ``rules/local/`` (or ``--local-rules DIR``).

A local folder holds files named like the main lexicons, merged over them by
:func:`pipeline.lexicons.load_lexicons`:

- ``persons.json``: ``{"names": [full names]}`` recognised as people wherever they are written;
  any list key of the main ``persons.json`` (``given_names``, ``honorifics``, ...) extends it.
- ``organizations.json``: ``{"names": {"Canonical Name": ["alias", "ACRONYM"]}}`` recognised as
  one organization; list keys of the main file extend it.
- ``titles.json``: ``{"bases": [titles]}`` extends the title bases; other list keys likewise.

Reviewers' corrections are written here by :mod:`pipeline.review.learn`; people may edit the
files by hand. Keys starting with ``_`` are comments. Unknown keys and wrong shapes stop the
pipeline with a :class:`~pipeline.errors.RuleFileError` naming the file and the key. The folder
is part of the rules hash, so records made before a change are redone.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .errors import RuleFileError
from .rules import parse_json_object

#: Environment variable naming the local folder (after ``--local-rules``).
LOCAL_ENV = "UNINEWS_LOCAL_RULES"
#: The local folder inside the rules folder when nothing else is given.
LOCAL_FOLDER = "local"
PERSONS, ORGANIZATIONS, TITLES = "persons.json", "organizations.json", "titles.json"
#: The lexicons a local folder may override.
LOCAL_FILES = (PERSONS, ORGANIZATIONS, TITLES)
#: Keys of a local file that the main file does not have: entries of their own.
OWN_KEYS = {PERSONS: "names", ORGANIZATIONS: "names"}


def local_rules_dir(rules_dir: Path | str, local: Path | str | None = None) -> Path:
    """The local folder in use: ``local`` (``--local-rules``), else ``$UNINEWS_LOCAL_RULES``,
    else ``<rules_dir>/local``. It need not exist: a missing folder overrides nothing."""
    chosen = local or os.environ.get(LOCAL_ENV) or Path(rules_dir) / LOCAL_FOLDER
    return Path(chosen)


def local_stamp(local_dir: Path | str) -> str:
    """sha256 over the names and bytes of the local lexicon files ("" when there are none),
    so that caches see a changed file however quickly it was rewritten."""
    digest = hashlib.sha256()
    found = False
    for name in LOCAL_FILES:
        path = Path(local_dir) / name
        try:
            data = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            continue
        found = True
        digest.update(name.encode() + b"\0" + data + b"\0")
    return digest.hexdigest() if found else ""


def read_local(path: Path) -> dict[str, Any]:
    """One local lexicon file as a JSON object; ``{}`` when the file does not exist.

    Raises:
        RuleFileError: on broken JSON or a value that is not an object.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except OSError as exc:
        raise RuleFileError(f"{path}: {exc.strerror or exc}") from None
    return parse_json_object(path, text, "a local lexicon")


def string_list(data: dict[str, Any], key: str, path: Path) -> list[str]:
    """``data[key]`` as a list of non-empty strings (``[]`` when absent).

    Raises:
        RuleFileError: naming the file and the key, when it has another shape.
    """
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleFileError(f"{path}: {key}: expected a list of non-empty strings")
    return [" ".join(v.split()) for v in value]


def organization_names(data: dict[str, Any], path: Path) -> dict[str, list[str]]:
    """``names`` of a local ``organizations.json``: canonical name -> aliases.

    Raises:
        RuleFileError: naming the file and the key, when it has another shape.
    """
    value = data.get("names", {})
    if not isinstance(value, dict):
        raise RuleFileError(f"{path}: names: expected an object of canonical name -> aliases")
    out: dict[str, list[str]] = {}
    for canonical, aliases in value.items():
        if not canonical.strip():
            raise RuleFileError(f"{path}: names: an organization name is empty")
        out[" ".join(canonical.split())] = string_list(
            {f"names.{canonical}": aliases}, f"names.{canonical}", path
        )
    return out


def extend(main: dict[str, Any], local: dict[str, Any], path: Path, main_path: Path) -> dict:
    """``main`` with each list key of ``local`` appended (entries already there skipped).

    Keys starting with ``_`` and the file's own key (:data:`OWN_KEYS`) are left to the caller.

    Raises:
        RuleFileError: for a key the main file does not have as a list, or a value that is not
            a list of strings; the message names the local file and the key.
    """
    merged = dict(main)
    own = OWN_KEYS.get(path.name)
    for key in local:
        if key.startswith("_") or key == own:
            continue
        if not isinstance(main.get(key), list):
            allowed = sorted(k for k, v in main.items() if isinstance(v, list))
            if own:
                allowed = sorted([own, *allowed])
            raise RuleFileError(
                f"{path}: {key}: not a list of {main_path.name}; a local file may hold "
                f"{', '.join(allowed)}"
            )
        extra = [v for v in string_list(local, key, path) if v not in main[key]]
        merged[key] = [*main[key], *dict.fromkeys(extra)]
    return merged


def write_json(path: Path, data: dict[str, Any]) -> bool:
    """Write ``data`` as sorted, indented JSON through a temporary file and one rename.

    Returns:
        False when the file already held exactly these bytes (it is then not touched).
    """
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    new = text.encode("utf-8")
    try:
        if path.read_bytes() == new:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as handle:
            handle.write(new)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return True
