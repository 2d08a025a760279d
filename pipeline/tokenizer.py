"""Text normalisation at the tokenizer, the only place spaCy lets us change the text.

A spaCy component cannot alter ``Doc.text`` once tokenized, so normalisation wraps the model's
tokenizer: the text spaCy sees has every Unicode space replaced by ``" "`` (same length, so
every offset stays an offset into the original), and the original is kept in
``doc._.source_text`` for evidence strings.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex

from .components.extensions import register_extensions
from .errors import RuleFileError
from .rules import load_lexicon
from .text import normalise_spaces

TOKENIZER_FILE = "tokenizer.json"


class SplitRule(BaseModel):
    """A regular expression for where spaCy splits a token (a suffix, or an infix)."""

    model_config = ConfigDict(extra="forbid")
    pattern: str
    comment: str = ""
    examples: list[str] = []

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {exc}") from None
        return value


class Abbreviations(BaseModel):
    """Words with a final period that stay one token."""

    model_config = ConfigDict(extra="forbid")
    comment: str = ""
    words: list[str] = []

    @field_validator("words")
    @classmethod
    def _dotted(cls, value: list[str]) -> list[str]:
        for word in value:
            if not word.endswith(".") or any(c.isspace() for c in word):
                raise ValueError(f"{word!r}: an abbreviation is one word ending in '.'")
        return value


class TokenizerRules(BaseModel):
    """``rules/tokenizer.json``: rules added to the model's own tokenizer."""

    model_config = ConfigDict(extra="forbid")
    comment: str = ""
    suffixes: list[SplitRule] = []
    infixes: list[SplitRule] = []
    abbreviations: Abbreviations = Abbreviations()


def load_tokenizer_rules(rules_dir: Path) -> TokenizerRules:
    """Read ``tokenizer.json`` from ``rules_dir`` (no extra rules when the file is absent)."""
    path = Path(rules_dir) / TOKENIZER_FILE
    if not path.exists():
        return TokenizerRules()
    try:
        return TokenizerRules.model_validate(load_lexicon(path))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise RuleFileError(f"{path}: {where}: {first['msg']}") from None


def add_tokenizer_rules(nlp: Language, rules: TokenizerRules) -> None:
    """Add ``rules`` to ``nlp``'s tokenizer (suffixes and infixes after the model's own)."""
    if rules.suffixes:
        suffixes = [*nlp.Defaults.suffixes, *(rule.pattern for rule in rules.suffixes)]
        nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    if rules.infixes:
        infixes = [*nlp.Defaults.infixes, *(rule.pattern for rule in rules.infixes)]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for word in rules.abbreviations.words:
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])


class NormalisingTokenizer:
    """Wrap a spaCy tokenizer so that it tokenizes space-normalised text.

    Args:
        inner: the model's own tokenizer.
    """

    def __init__(self, inner: Tokenizer) -> None:
        register_extensions()
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        """Tokenize ``text`` after same-length space normalisation."""
        doc = self.inner(normalise_spaces(text))
        # Kept even when unchanged: Doc.text is rebuilt from the tokens on every access.
        doc._.source_text = text
        return doc

    def pipe(self, texts, batch_size: int = 1000):  # noqa: D102 - mirrors Tokenizer.pipe
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs) -> bytes:  # noqa: D102 - delegates to the wrapped tokenizer
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs) -> NormalisingTokenizer:  # noqa: D102
        self.inner.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path, **kwargs) -> None:  # noqa: D102
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs) -> NormalisingTokenizer:  # noqa: D102
        self.inner.from_disk(path, **kwargs)
        return self
