"""Chains of capitalised words, with lower-case connectors inside, that may name an
organization ("St. Petersburg Branch of the Russian Academy of Sciences")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..acronyms import clipped_blend
from ..tokens import (
    has_cyrillic,
    is_acronym,
    is_capitalised,
    is_initial,
    is_verb_like,
    token_lowers,
    token_texts,
)
from .words import JOINERS, STRONG_TYPES

#: Articles glued to the next word of an Arabic name ("al-Nadir", "el-Sheikh", "ash-Sharq").
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "ash", "az"})


class CapitalisedChains:
    """Find the runs of capitalised words organization names are cut from."""

    def is_word(self, token: Token, blocked: set[int]) -> bool:
        """A capitalised token that may stand in an organization name."""
        text = token.text
        if token.i in blocked or text in self.lex.headline_verbs:
            return False  # headline verbs: "Tomsk State University Signs Agreement With ..."
        if not (
            text in self.lex.company_suffixes  # "Mustafa Kaya Medikal A.Ş."
            # "I.M. Sechenov First Moscow State Medical University"
            or (
                is_initial(token)
                and token.i + 1 < len(token.doc)
                and is_capitalised(token.doc[token.i + 1])
            )
            or (
                is_capitalised(token)
                and (text.isalpha() or text.rstrip(".").isalpha() or is_acronym(token))
            )
        ):
            return False
        # The parse is read last: it is the costly test.
        return not (token.is_space or has_cyrillic(text) or is_verb_like(token))

    def chains(self, doc: Doc, blocked: set[int]) -> list[tuple[int, int]]:
        """Maximal runs of capitalised words with lower-case connectors inside."""
        out = []
        texts, lowers = token_texts(doc), token_lowers(doc)
        connectors = self.lex.org_connectors
        i = 0
        n = len(doc)
        while i < n:
            # A chain starts with a capitalised word (every company suffix is one too).
            if not texts[i][:1].isupper():
                i += 1
                continue
            if lowers[i] in connectors or not self.is_word(doc[i], blocked):
                i += 1
                continue
            start = end = i
            j = i
            while j < n:
                if lowers[j] in connectors or self.extra_space(doc, j, start):
                    j += 1  # "University  of X": a doubled space of a scraped page is no break
                    continue
                token = doc[j]
                if token.text == "," and self.listed_in_complement(doc, start, j, blocked):
                    j += 1  # "Ministry of Higher Education, Science and Innovation"
                elif (
                    token.text in {"'s", "’s"}
                    and j + 1 < n
                    and self.is_word(doc[j + 1], blocked)
                    and (
                        any(doc[k].lower_ == "of" for k in range(start, j))
                        or doc[j - 1].text in {"People", "Peoples"}
                    )
                ):
                    # "Ministry of Education of the People's Republic of China", "Lakeside
                    # Municipal People's Government"
                    j += 1
                elif self.is_word(token, blocked):
                    end = j = j + 1
                elif self.article_prefix(doc, j, blocked):
                    end = j = j + 3  # "Karim al-Nadir University": an article glued on
                elif token.text in JOINERS and not token.whitespace_ and not doc[j - 1].whitespace_:
                    j += 1
                    nxt = doc[j] if j < n else None
                    if (
                        nxt is not None
                        and nxt.is_alpha
                        and nxt.is_lower
                        and nxt.lower_ not in self.lex.org_connectors
                    ):
                        end = j = j + 1  # "Sun Yat-sen University": a lower-case part of a name
                else:
                    break
            # "China University of Petroleum (Beijing)": a place in brackets is part of the name
            if (
                end + 2 < n
                and doc[end].text == "("
                and doc[end + 2].text == ")"
                and is_capitalised(doc[end + 1])
                and doc[end + 1].is_alpha
                and not is_acronym(doc[end + 1])
                and not clipped_blend(doc[end + 1].text, doc[start:end].text)
                and self.has_head(doc, start, end)
            ):
                end = j = end + 3
            # "Haiyun Intelligent Equipment Co., Ltd.": a company suffix after a comma
            while (
                end + 1 < n
                and doc[end].text == ","
                and doc[end + 1].text in self.lex.company_suffixes
            ):
                end = j = end + 2
            while start < end and (
                doc[start].is_stop or doc[start].lower_ in self.lex.org_connectors
            ):
                start += 1  # "The", "In", "At" at a sentence start
            if end > start:
                out.append((start, end))
            i = max(end, i + 1)
        return out

    def extra_space(self, doc: Doc, j: int, start: int) -> bool:
        """A run of spaces (no line break, no tab) next to a connector inside a name
        ("University  of X"); between two capitalised words it may end a sentence whose stop
        the page lost ("the Alliance  Lakeside University is ..."), so it stays a break there."""
        token = doc[j]
        if not (j > start and token.is_space and not token.text.strip(" \u00a0")):
            return False
        if j + 1 >= len(doc) or doc[j + 1].is_space:
            return False
        connectors = self.lex.org_connectors
        return doc[j + 1].lower_ in connectors or doc[j - 1].lower_ in connectors

    def article_prefix(self, doc: Doc, j: int, blocked: set[int]) -> bool:
        """An Arabic article glued to a capitalised word inside a name: "al-Nadir",
        "el-Sheikh" (tokens "al", "-", "Nadir")."""
        return (
            doc[j].lower_ in ARABIC_ARTICLES
            and j + 2 < len(doc)
            and doc[j + 1].text in JOINERS
            and not doc[j].whitespace_
            and not doc[j + 1].whitespace_
            and self.is_word(doc[j + 2], blocked)
        )

    def listed_in_complement(self, doc: Doc, start: int, comma: int, blocked: set[int]) -> bool:
        """A comma inside an "of"/"for" complement that lists names: "of A, B and C",
        "Center for Central, Eastern and South-Eastern Europe"."""
        if not any(doc[k].lower_ in {"of", "for"} for k in range(start, comma)):
            return False
        k = comma + 1
        while k < len(doc) and k - comma <= 6:
            token = doc[k]
            if token.lower_ == "and":
                last = k + 1
                while last < len(doc) and self.is_word(doc[last], blocked):
                    if self.lex.org_heads.get(doc[last].text) in STRONG_TYPES:
                        return False  # "of Riverton, and Hill College": a name of its own
                    last += 1
                return last > k + 1
            if not (self.is_word(token, blocked) or token.text == ","):
                return False
            if self.lex.org_heads.get(token.text) in STRONG_TYPES:
                return False  # "of Information Technologies, Lakeside University and ...": names
            k += 1
        return False
