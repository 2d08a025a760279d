"""Date words: the word lists of ``rules/date_words.json`` (months, weekdays, relative cues,
range and academic words, tense markers), loaded and validated.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from ...errors import RuleFileError
from ...rules import load_lexicon

WORDS_FILE = "date_words.json"


class DateWords(BaseModel):
    """The word lists of ``rules/date_words.json`` (all lower case)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    comment: str = ""
    months: dict[str, int]
    weekdays: frozenset[str]
    day_offsets: dict[str, int]
    modifiers: dict[str, int]
    units: dict[str, str]
    plural_units: dict[str, str]
    ago_words: frozenset[str]
    number_words: dict[str, int]
    relative_cues: frozenset[str]
    anaphoric: frozenset[str]
    range_words: frozenset[str]
    academic_words: frozenset[str]
    part_words: frozenset[str]
    ignorable: frozenset[str]
    trim_words: frozenset[str]
    update_labels: frozenset[str]
    future_markers: frozenset[str] = frozenset()
    past_markers: frozenset[str] = frozenset()

    @property
    def relative(self) -> frozenset[str]:
        """Words that make an expression depend on a reference date."""
        return (
            frozenset(self.day_offsets)
            | frozenset(self.modifiers)
            | self.ago_words
            | self.relative_cues
            | self.anaphoric
        )

    @property
    def known(self) -> frozenset[str]:
        """Every word the lexicon logic understands; others send relative text to dateparser."""
        return (
            self.relative
            | frozenset(self.months)
            | frozenset(self.units)
            | frozenset(self.plural_units)
            | frozenset(self.number_words)
            | self.ignorable
            | self.part_words
            | self.academic_words
        )


def load_date_words(path: Path) -> DateWords:
    """Load and validate ``rules/date_words.json``.

    Raises:
        RuleFileError: when the file is missing, not JSON, or a field is missing or mistyped.
    """
    data = load_lexicon(path)
    try:
        return DateWords.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field_name = ".".join(str(p) for p in first["loc"]) or "file"
        raise RuleFileError(f"{path}: {field_name}: {first['msg']}") from None
