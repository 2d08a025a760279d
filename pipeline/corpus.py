"""Collect input files and read them as the offsets contract says (UTF-8, BOM off, ``\\n``)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .text import decode

logger = logging.getLogger(__name__)

#: File name patterns read from a folder.
PATTERNS = ("*.txt",)
STDIN = "-"


@dataclass(frozen=True)
class InputFile:
    """One input: the path as the record will show it, and where to read it from."""

    display: str
    path: Path | None  # None for standard input


@dataclass(frozen=True)
class Article:
    """A decoded input file."""

    source: InputFile
    data: bytes
    text: str


def collect(paths: list[str]) -> tuple[list[InputFile], list[tuple[str, str]]]:
    """Expand command-line paths into input files, in a deterministic order.

    Folders are searched recursively for ``*.txt``; ``-`` is standard input.

    Returns:
        The inputs, and ``(path, reason)`` for each argument that could not be used.
    """
    inputs: list[InputFile] = []
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == STDIN:
            inputs.append(InputFile(display="<stdin>", path=None))
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted({p for pattern in PATTERNS for p in path.rglob(pattern) if p.is_file()})
            if not found:
                problems.append((raw, "folder holds no .txt files"))
            for file in found:
                display = (Path(raw) / file.relative_to(path)).as_posix()
                if display not in seen:
                    seen.add(display)
                    inputs.append(InputFile(display=display, path=file))
        elif path.is_file():
            if raw not in seen:
                seen.add(raw)
                inputs.append(InputFile(display=raw, path=path))
        else:
            problems.append((raw, "no such file or folder"))
    return inputs, problems


def read(source: InputFile) -> Article:
    """Read and decode one input.

    Raises:
        InputError: when the file cannot be read, is not UTF-8, or holds no text.
    """
    try:
        data = sys.stdin.buffer.read() if source.path is None else source.path.read_bytes()
    except OSError as exc:
        raise InputError(f"{source.display}: cannot read: {exc.strerror or exc}") from None
    if b"\x00" in data:
        raise InputError(f"{source.display}: binary file (holds NUL bytes)")
    text = decode(data, source.display)
    if not text.strip():
        raise InputError(f"{source.display}: empty file")
    return Article(source=source, data=data, text=text)


def iter_articles(inputs: list[InputFile], errors: list[tuple[str, str]]) -> Iterator[Article]:
    """Yield readable articles; unreadable ones go to ``errors`` as ``(path, reason)``."""
    for source in inputs:
        try:
            yield read(source)
        except InputError as exc:
            logger.warning("%s", exc)
            errors.append((source.display, str(exc)))
