"""Counted objects: which nouns are agreement-like, what modifiers they require, and the words
that mark counts without a noun of their own (``rules/agreement_objects.json``).
"""

from __future__ import annotations

from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field

from .partnership import PartnershipLexicon


class ObjectKind(BaseModel):
    """One kind of counted object in ``rules/agreement_objects.json``.

    Attributes:
        forms: lower-case surface forms, singular and plural.
        requires: modifiers of which one must appear between number and head (empty: none).
        counterparty_suffices: a "with <partner>" phrase on the head stands in for a required
            modifier ("five new programmes with Russian partners").
        context_suffices: a sentence that makes the counted institutions partners stands in
            for a required modifier ("signed MoUs with 30 universities"; see ``partnership``).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    forms: list[str] = Field(min_length=1)
    requires: list[str] = Field(default_factory=list)
    counterparty_suffices: bool = False
    context_suffices: bool = False


class EllipsisLexicon(BaseModel):
    """The ``ellipsis`` part of ``rules/agreement_objects.json``: counts without their own noun.

    Attributes:
        anaphors: words after "N of" that point back to counted things ("17 of them").
        markers: words that introduce a subset as a bare number ("including five in Asia").
        heads: words that stand in for the counted noun ("five more", "three others").
        prepositions: words after a bare number that open its partner phrase ("seven with
            institutions in the EU", "17 from Russia").
        min_count: smallest count read as a count; "one of them" picks out an item.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    anaphors: list[str] = Field(min_length=1)
    markers: list[str] = Field(default_factory=list)
    heads: list[str] = Field(default_factory=list)
    prepositions: list[str] = Field(default_factory=lambda: ["with"])
    min_count: int = Field(default=2, ge=0)


class TotalsLexicon(BaseModel):
    """The ``totals`` part of ``rules/agreement_objects.json``: "the number of X ... to N".

    Attributes:
        nouns: nouns whose "of" phrase names what is counted ("number", "total").
        prepositions: prepositions that introduce the value ("to 50", "at 12").
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    nouns: list[str] = Field(min_length=1)
    prepositions: list[str] = Field(default_factory=list)


class ObjectLexicon(BaseModel):
    """``rules/agreement_objects.json``: what counts as an agreement-like object.

    Attributes:
        comment: free text for rule writers.
        objects: kind name -> its forms and required modifiers.
        modifier_stop: words and punctuation that end the modifiers between number and head.
        counterparty_prepositions: prepositions that introduce the partner ("with").
        partner_nouns: heads of a "with" phrase that name partners ("universities"); a named
            entity is a partner too.
        ellipsis: what marks a count without a counted noun of its own.
        totals: what marks the value of a "number of" phrase.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    comment: str | None = None
    objects: dict[str, ObjectKind] = Field(min_length=1)
    modifier_stop: list[str]
    counterparty_prepositions: list[str]
    partner_nouns: list[str] = Field(default_factory=list)
    ordinal_heads: list[str] = Field(default_factory=list)
    partnership: PartnershipLexicon
    ellipsis: EllipsisLexicon
    totals: TotalsLexicon

    @cached_property
    def _by_form(self) -> dict[str, ObjectKind]:
        """Object kinds by their lower-cased surface forms (a plain attribute once computed)."""
        return {form.lower(): kind for kind in self.objects.values() for form in kind.forms}

    @property
    def heads(self) -> list[str]:
        """Every surface form of every object kind."""
        return sorted(self._by_form)

    def kind_of(self, word: str) -> ObjectKind | None:
        """Return the object kind whose forms include ``word`` (any case), or None."""
        return self._by_form.get(word.lower())
