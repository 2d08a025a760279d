"""Text normalisation at the tokenizer, the only place spaCy lets us change the text.

A spaCy component cannot alter ``Doc.text`` once tokenized, so normalisation wraps the model's
tokenizer: the text spaCy sees has every Unicode space replaced by ``" "`` (same length, so
every offset stays an offset into the original), and the original is kept in
``doc._.source_text`` for evidence strings.
"""

from __future__ import annotations

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .components.extensions import register_extensions
from .text import normalise_spaces


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
