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


#: Legacy single-byte encodings tried, in order, when a file is not UTF-8.
FALLBACK_ENCODINGS = ("cp1251", "cp1252")
#: Share of non-ASCII words that must read as real words for an encoding to count as certain.
CERTAINTY = 0.95


def decode(data: bytes, name: str = "<input>") -> str:
    """Decode UTF-8 file bytes the way the offsets contract reads them.

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
    return _newlines(text)


def decode_any(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """Decode UTF-8, or a legacy encoding (cp1251, cp1252/latin-1) when it is certain.

    A legacy encoding is certain when it is the only candidate under which the words holding
    non-ASCII letters read as words of one script: all Cyrillic for cp1251 ("Новости"), mostly
    ASCII with a few accented letters for cp1252 ("Universität"). cp1251 bytes read as cp1252
    give words of accented letters only ("Íîâîñòè"), and the reverse gives mixed-script words
    ("Universitдt"), so the two rarely both pass.

    Returns:
        ``(text, encoding)`` with newlines normalised.

    Raises:
        InputError: when the bytes are neither UTF-8 nor certainly one legacy encoding.
    """
    try:
        return decode(data, name), "utf-8"
    except InputError as utf8_error:
        passing = []
        for encoding in FALLBACK_ENCODINGS:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible(text, encoding):
                passing.append((encoding, text))
        if len(passing) == 1:
            encoding, text = passing[0]
            return _newlines(text), encoding
        reason = "could be several encodings" if passing else "encoding could not be determined"
        raise InputError(f"{utf8_error}; {reason}, so it was not read") from None


def _plausible(text: str, encoding: str) -> bool:
    if any(unicodedata.category(c) == "Cc" and c not in "\n\r\t" for c in text):
        return False
    words = [w for w in "".join(c if c.isalpha() else " " for c in text).split() if not w.isascii()]
    if not words:
        return False
    good = sum(_reads_as(word, encoding) for word in words)
    return good >= CERTAINTY * len(words)


def _reads_as(word: str, encoding: str) -> bool:
    if encoding == "cp1251":
        return all("CYRILLIC" in unicodedata.name(c, "") for c in word)
    ascii_letters = sum(c.isascii() for c in word)
    return ascii_letters * 2 >= len(word) and all("LATIN" in unicodedata.name(c, "") for c in word)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _is_space(char: str) -> bool:
    return char != "\n" and (unicodedata.category(char) == "Zs" or char in _EXTRA_SPACES)


#: Every space-like character but the newline (all in the BMP), mapped to " " (built once:
#: str.translate is fast, a per-character category lookup is not).
_SPACES = str.maketrans(
    {chr(code): " " for code in range(0x10000) if _is_space(chr(code)) and chr(code) != " "}
)


def normalise_spaces(text: str) -> str:
    """Replace every non-newline space-like character by ``" "``; the length never changes."""
    return text.translate(_SPACES)
