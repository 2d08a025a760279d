"""Reading news files and normalising their spacing without moving any offset.

Offsets in records point into the text *as read*: UTF-8 (a BOM removed), ``\\r\\n`` and ``\\r``
read as ``\\n``, as Python's text mode does. Before the text reaches spaCy, every Unicode space
(no-break, thin, ideographic, ...) and zero-width character is replaced by an ASCII space, one
character for one character, so spaCy's offsets are the original offsets.
"""

from __future__ import annotations

import unicodedata

from .errors import InputError

#: Characters that are not category Zs but behave as invisible separators in web text.
_EXTRA_SPACES = {"\t", "\u200b", "\u2060", "\ufeff"}


def decode(data: bytes, name: str = "<input>") -> str:
    """Decode file bytes the way the offsets contract reads them.

    Args:
        data: raw file content.
        name: file name for the error message.

    Returns:
        The text with a leading BOM removed and newlines normalised to ``\\n``.

    Raises:
        InputError: when the bytes are not valid UTF-8.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r})"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_space(char: str) -> bool:
    return char != "\n" and (unicodedata.category(char) == "Zs" or char in _EXTRA_SPACES)


def normalise_spaces(text: str) -> str:
    """Replace every non-newline space-like character by ``" "``; the length never changes."""
    if text.isascii():
        return text.replace("\t", " ")
    return "".join(" " if _is_space(c) else c for c in text)
