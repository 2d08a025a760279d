"""Collect input files and read them as the offsets contract says.

Text files are UTF-8 (a BOM removed, newlines normalised), or cp1251/cp1252 when that is
certain (:func:`pipeline.text.decode_any`). HTML files become their visible text
(:mod:`pipeline.html`). Every problem is a one-line reason; nothing stops the batch.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .html import html_to_text
from .text import decode_any

logger = logging.getLogger(__name__)

#: File endings read from a folder, and the format each is read as.
FORMATS = {".txt": "text", ".html": "html", ".htm": "html"}
STDIN = "-"
DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class InputFile:
    """One input: the path as the record will show it, and where to read it from."""

    display: str
    path: Path | None  # None for standard input

    @property
    def format(self) -> str:
        """``text`` or ``html``, from the file ending."""
        return FORMATS.get(self.path.suffix.lower(), "text") if self.path else "text"


@dataclass(frozen=True)
class Article:
    """A decoded input file; ``text`` is what offsets point into."""

    source: InputFile
    data: bytes
    text: str
    encoding: str
    format: str


def collect(paths: list[str]) -> tuple[list[InputFile], list[tuple[str, str]]]:
    """Expand command-line paths into input files, in a deterministic order.

    Folders are searched recursively (following links, but never into a folder twice, so a
    link loop is reported, not followed) for ``*.txt``, ``*.html`` and ``*.htm``; ``-`` is
    standard input.

    Returns:
        The inputs, and ``(path, reason)`` for each argument or folder that could not be used.
    """
    inputs: list[InputFile] = []
    problems: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(display: str, path: Path | None) -> None:
        if display not in seen:
            seen.add(display)
            inputs.append(InputFile(display=display, path=path))

    for raw in paths:
        if raw == STDIN:
            add("<stdin>", None)
            continue
        path = Path(raw)
        if path.is_dir():
            known = len(problems)
            found = _walk(path, problems)
            if not found and len(problems) == known:
                problems.append((raw, "folder holds no .txt or .html files"))
            for file in found:
                add((Path(raw) / file.relative_to(path)).as_posix(), file)
        elif path.is_file():
            add(raw, path)
        elif path.is_symlink():
            problems.append((raw, "broken or looping symbolic link"))
        else:
            problems.append((raw, "no such file or folder"))
    for path, reason in problems:
        logger.warning("%s: %s", path, reason)
    return inputs, problems


def _walk(root: Path, problems: list[tuple[str, str]]) -> list[Path]:
    visited: set[tuple[int, int]] = set()
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=True):
        stat = os.stat(folder)
        key = (stat.st_dev, stat.st_ino)
        if key in visited:
            problems.append((folder, "symbolic link loop: folder already searched"))
            dirs[:] = []
            continue
        visited.add(key)
        dirs.sort()
        for name in sorted(files):
            file = Path(folder) / name
            if file.suffix.lower() in FORMATS and file.is_file():
                found.append(file)
    return sorted(found)


def read(source: InputFile, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read and decode one input.

    Raises:
        InputError: when the file cannot be read, is too large, binary, of an uncertain
            encoding, or holds no text.
    """
    try:
        if source.path is None:
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            size = source.path.stat().st_size
            if size > max_bytes:
                raise InputError(f"{source.display}: {size} bytes, over the limit of {max_bytes}")
            data = source.path.read_bytes()
    except OSError as exc:
        raise InputError(f"{source.display}: cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(f"{source.display}: over the limit of {max_bytes} bytes")
    if b"\x00" in data:
        raise InputError(f"{source.display}: binary file (holds NUL bytes)")
    text, encoding = decode_any(data, source.display)
    if encoding != "utf-8":
        logger.warning("%s: not UTF-8; read as %s", source.display, encoding)
    if source.format == "html":
        text = html_to_text(text)
    if not text.strip():
        raise InputError(f"{source.display}: empty file (no text)")
    return Article(source=source, data=data, text=text, encoding=encoding, format=source.format)


def iter_articles(
    inputs: list[InputFile], errors: list[tuple[str, str]], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article]:
    """Yield readable articles; unreadable ones go to ``errors`` as ``(path, reason)``."""
    for source in inputs:
        try:
            yield read(source, max_bytes)
        except InputError as exc:
            logger.warning("%s", exc)
            errors.append((source.display, str(exc)))
