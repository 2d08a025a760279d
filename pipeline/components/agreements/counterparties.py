"""Counterparties: the partner named by the "with" phrase of a counted noun, its verb, or the
link words of a count without a noun of its own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .holders import _noun_phrase
from .spans import TokenRange, _Candidate


class _CounterpartyFinder:
    """The "with" phrase of a count; a part of :class:`AgreementCounter`, which sets these."""

    _counterparty_preps: frozenset[str]

    def _counterparty_object(self, head: Token) -> Token | None:
        """The object of the "with" phrase of the counted noun (or of its verb)."""
        preps = [
            c for c in head.rights if c.dep_ == "prep" and c.lower_ in self._counterparty_preps
        ]
        # "signed 5 agreements with X": the parser often hangs "with" on the verb.
        if not preps and head.dep_ in {"dobj", "obj"}:
            preps = [
                c
                for c in head.head.rights
                if c.dep_ == "prep" and c.lower_ in self._counterparty_preps and c.i > head.i
            ]
        for prep in preps:
            for child in prep.children:
                if child.dep_ == "pobj":
                    return child
        return None

    def _counterparty(self, head: Token) -> TokenRange | None:
        """Token range of the "with ..." object of the counted noun (or of its verb)."""
        partner = self._counterparty_object(head)
        return _noun_phrase(partner) if partner is not None else None

    def _link_counterparty(self, doc: Doc, candidate: _Candidate) -> TokenRange | None:
        """The partner of an elliptical count: the "with" phrase that ends or follows its link.

        Found by position, since the parser hangs "17 of them with Mongolian partners" on the
        antecedent or the verb as often as on the number.
        """
        for i in (candidate.end - 1, candidate.end):
            if i < len(doc) and doc[i].lower_ in self._counterparty_preps:
                partner = next((c for c in doc[i].children if c.dep_ == "pobj"), None)
                return _noun_phrase(partner) if partner is not None else None
        return None
