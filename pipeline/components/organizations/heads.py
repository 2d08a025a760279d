"""Head nouns: cut a chain to the name around its heads ("University", "Institute") and
type an organization by its head (``Span._.org_type``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .words import COMPLEMENT_CONNECTORS, MAX_COMPLEMENT_TOKENS


class HeadNouns:
    """Find an organization name's extent and type from its head nouns."""

    def has_head(self, doc: Doc, start: int, end: int) -> bool:
        """True when a head noun stands in ``doc[start:end]``."""
        return any(doc[k].text in self.lex.org_heads for k in range(start, end))

    def head_extent(self, doc: Doc, start: int, end: int) -> Span | None:
        """Cut a chain after its last head noun and that head's of-complement."""
        heads = [k for k in range(start, end) if doc[k].text in self.lex.org_heads]
        if not heads:
            return None
        # "Delegates of the Zhejiang ... Institute": words before "of" with no head of their own
        # are not part of the name.
        for k in range(start, heads[0]):
            if doc[k].lower_ in COMPLEMENT_CONNECTORS:
                start = k + 1
        while start < end and doc[start].lower_ in self.lex.org_connectors:
            start += 1
        if any(doc[h - 1].text in self.lex.event_words for h in heads if h > start):
            return None  # "International Summer School": an event
        if any(doc[k].text in self.lex.award_words for k in range(start, end)):
            return None  # "Humboldt Research Award"
        stop = heads[-1] + 1
        if heads == [start]:
            # a head-first name: "Universitas Gadjah Mada", "Universiti Teknologi Malaysia",
            # or an English one before its complement: "Consulate General of Brazil"; not a
            # field: "Under-Secretary for University Affairs"
            words_end = stop
            while words_end < end and doc[words_end].lower_ not in self.lex.org_connectors:
                words_end += 1
            if doc[start].text in self.lex.name_first_heads or (
                words_end < end and doc[words_end].lower_ in COMPLEMENT_CONNECTORS
            ):
                stop = words_end
        if stop < len(doc) and doc[stop].text in self.lex.not_org_last_words:
            return None  # "QS World University Rankings": a ranking named after a head noun
        if stop < end and doc[stop].lower_ in COMPLEMENT_CONNECTORS:
            k = stop + 1
            while k < end and doc[k].lower_ == "the":
                k += 1
            comp_end = k
            while comp_end < end and comp_end - k < MAX_COMPLEMENT_TOKENS:
                comp_end += 1
            if comp_end > k:
                stop = comp_end
        if (
            stop < end
            and doc[stop].text == ","
            and self.listed_in_complement(doc, start, stop, set())
            and not self.has_head(doc, stop + 1, end)
        ):
            # "University of Information Technologies, Mechanics, and Optics": the complement
            # lists fields, one of which is a head word ("Technologies")
            stop = end
        while stop > start and doc[stop - 1].lower_ in self.lex.org_connectors:
            stop -= 1
        if stop - start == 1 and doc[start].text in self.lex.org_heads:
            return None  # "University" alone is a reference, not a name
        return Span(doc, start, stop, label="ORG")

    def org_type(self, span: Span) -> str:
        """The type of the name's head noun (see :meth:`type_of_words`)."""
        return self.type_of_words([t.text for t in span])

    def type_of_words(self, words: list[str]) -> str:
        """The type of a name's head noun: the last typed head before an "of"/"for"
        complement ("Volga Aerospace University", "Suzhou ... Institute of Tsinghua University"),
        else the first typed head after it ("Shanghai Branch of the Chinese Academy ..."),
        else ``other``."""
        before: str | None = None
        for word in words:
            if word.lower() in COMPLEMENT_CONNECTORS:
                break
            before = self.lex.org_heads.get(word) or before
        if before:
            return before
        for word in words:
            kind = self.lex.org_heads.get(word)
            if kind:
                return kind
        return "other"
