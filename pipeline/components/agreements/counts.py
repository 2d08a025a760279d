"""Counts from validated candidates: a count of its own noun, and the counts without one
(elliptical, partitive, total) that borrow what they count from the parse or an antecedent.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from .holders import _holder, _possessor
from .labels import AGREEMENT_LABEL
from .referents import _antecedent, _number_head, _object_start, _phrase_end
from .spans import _Candidate, _Count


class _CountBuilder:
    """Candidates to counts; a part of :class:`AgreementCounter`, which sets these."""

    _total_nouns: frozenset[str]
    _total_preps: frozenset[str]

    def _count(self, doc: Doc, candidate: _Candidate, parsed: bool) -> _Count:
        """A count with its own noun; agreement counts get holder and counterparty."""
        holder = counterparty = None
        end = candidate.end
        if candidate.label == AGREEMENT_LABEL and parsed:
            head = doc[candidate.head]
            holder = _holder(head, candidate.number_start)
            counterparty = self._counterparty(head)
            if counterparty is not None:
                end = max(end, counterparty[1])
        return _Count(
            candidate.label,
            candidate.rule_id,
            candidate.start,
            end,
            candidate.head,
            candidate.count,
            candidate.qualifier,
            (candidate.number_end, candidate.end),
            holder,
            counterparty,
        )

    def _elliptical(
        self, doc: Doc, candidate: _Candidate, counts: Sequence[_Count]
    ) -> _Count | None:
        """An elliptical count takes what it counts from its antecedent, or is dropped."""
        antecedent = _antecedent(doc, candidate, counts)
        if antecedent is None:
            return None
        anchor = _number_head(doc, candidate)
        counterparty = self._link_counterparty(doc, candidate)
        end = max(candidate.end, counterparty[1]) if counterparty else candidate.end
        if candidate.end == candidate.number_end:
            # "including five in Latin America": the evidence runs to the end of the phrase.
            end = max(end, _phrase_end(doc[anchor]))
        holder = antecedent.holder or _holder(doc[anchor], candidate.number_start)
        return _Count(
            antecedent.label,
            candidate.rule_id,
            candidate.start,
            end,
            anchor,
            candidate.count,
            candidate.qualifier,
            antecedent.obj,
            holder,
            counterparty,
            elliptical=True,
        )

    def _partitive(
        self, doc: Doc, candidate: _Candidate, by_anchor: dict[int, _Count]
    ) -> _Count | None:
        """A partitive ("ten of DUEE's 45 agreements") counts the noun of its "of" phrase."""
        link = doc[candidate.number_end]
        if not candidate.number_start <= link.head.i < candidate.number_end:
            return None
        noun = next((c for c in link.children if c.dep_ == "pobj"), None)
        if noun is None:
            return None
        anchor = _number_head(doc, candidate)
        inner = by_anchor.get(noun.i)
        if inner is not None:
            label, obj, counterparty = inner.label, inner.obj, inner.counterparty
            holder = inner.holder
        elif self._kind_allows(noun, doc[link.i + 1 : noun.i], parsed=True):
            label, obj = AGREEMENT_LABEL, (_object_start(noun), noun.i + 1)
            counterparty = self._counterparty(noun)
            holder = _possessor(noun, noun.i)
        else:
            return None
        if label == AGREEMENT_LABEL:
            holder = holder or _holder(doc[anchor], candidate.number_start)
        end = max(noun.i + 1, counterparty[1] if counterparty else 0)
        return _Count(
            label,
            candidate.rule_id,
            candidate.start,
            end,
            anchor,
            candidate.count,
            candidate.qualifier,
            obj,
            holder,
            counterparty,
        )

    def _total_phrase(self, doc: Doc, start: int, number_end: int) -> tuple[Token, Token] | None:
        """``(noun, counted)`` when the number gives the value of "the number of <counted>".

        "has reached 45" and "is 30" make the number the object or complement of the verb;
        "brings the number ... to 50" and "stands at 12" put it after a preposition. The noun
        ("number") is the verb's subject or object, before the value, and its "of" phrase must
        name an agreement object.
        """
        number = doc[start:number_end].root
        if number.dep_ == "pobj" and number.head.lower_ in self._total_preps:
            verb = number.head.head
        elif number.dep_ in {"attr", "dobj"}:
            verb = number.head
        else:
            return None
        noun = next(
            (
                c
                for c in verb.children
                if c.dep_ in {"nsubj", "nsubjpass", "dobj"}
                and c.lower_ in self._total_nouns
                and c.i < number.i
            ),
            None,
        )
        if noun is None:
            return None
        of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None:
            return None
        counted = next((c for c in of.children if c.dep_ == "pobj"), None)
        if counted is None or not self._kind_allows(counted, doc[of.i + 1 : counted.i], True):
            return None
        return noun, counted

    def _total(self, doc: Doc, candidate: _Candidate) -> _Count | None:
        """The value of "the number of <agreements>" ("... to more than 50")."""
        phrase = self._total_phrase(doc, candidate.number_start, candidate.number_end)
        if phrase is None:
            return None
        noun, counted = phrase
        counterparty = self._counterparty(counted)
        # Only a named possessor: the subject of "brings the number ... to 50" is often the
        # cause ("The new memoranda bring ..."), not the holder.
        holder = _possessor(counted, counted.i)
        return _Count(
            AGREEMENT_LABEL,
            candidate.rule_id,
            min(noun.left_edge.i, candidate.start),
            candidate.end,
            _number_head(doc, candidate),
            candidate.count,
            candidate.qualifier,
            (_object_start(counted), counted.i + 1),
            holder,
            counterparty,
        )
