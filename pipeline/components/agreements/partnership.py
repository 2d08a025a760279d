"""Whether counted institutions are partners: "signed MoUs with 312 universities", "protocols
between the university and 26 universities", "46 universities have signed the consensus", "a
partner of nearly 30 universities". A count of universities, institutions or colleges is an
agreement count only there; "27 universities took part in the forum", "one of the 13 national
research universities" and "rectors of 40 universities" are not.

The cue words (signing, agreements, cooperation, partners) are data: ``partnership`` in
``rules/agreement_objects.json``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Token


class PartnershipLexicon(BaseModel):
    """The ``partnership`` part of ``rules/agreement_objects.json``.

    Attributes:
        cues: words that make a sentence about partnership ("signed", "mous", "cooperation").
        cue_prefixes: word beginnings that do the same ("collaborat", "cooperat", "partner").
        with_prepositions: prepositions whose object is a partner ("with", "between").
        partner_heads: nouns whose "of" phrase names partners ("a partner of 30 universities").
        subject_deps: dependencies of a count that is a party itself ("26 universities signed").
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    cues: list[str] = Field(min_length=1)
    cue_prefixes: list[str] = Field(default_factory=list)
    with_prepositions: list[str] = Field(min_length=1)
    partner_heads: list[str] = Field(default_factory=list)
    subject_deps: list[str] = Field(default_factory=list)


class PartnershipContext:
    """Decide, from the parse, whether a counted noun names partners of an agreement."""

    def __init__(self, lexicon: PartnershipLexicon) -> None:
        self.cues = frozenset(w.lower() for w in lexicon.cues)
        self.prefixes = tuple(w.lower() for w in lexicon.cue_prefixes)
        self.with_preps = frozenset(w.lower() for w in lexicon.with_prepositions)
        self.partner_heads = frozenset(w.lower() for w in lexicon.partner_heads)
        self.subject_deps = frozenset(lexicon.subject_deps)

    def is_cue(self, token: Token) -> bool:
        """A word of signing, agreement, cooperation or partnership."""
        lower = token.lower_
        return lower in self.cues or lower.startswith(self.prefixes)

    def __call__(self, head: Token) -> bool:
        """True when the noun ``head`` names the partners of an agreement or cooperation."""
        noun = head
        while noun.dep_ == "conj" and noun.head.i != noun.i:
            noun = noun.head  # "the centre and six institutions signed": the first conjunct
        sentence = noun.sent
        if noun.dep_ == "pobj":
            prep = noun.head
            if prep.lower_ in self.with_preps:
                return self.is_cue(prep.head) or any(self.is_cue(t) for t in sentence)
            if prep.lower_ == "of":
                return prep.head.lower_ in self.partner_heads
            return False
        if noun.dep_ in self.subject_deps:
            return any(self.is_cue(t) for t in sentence)
        return False
