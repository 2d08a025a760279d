"""Holders: who holds the counted objects (a possessor, the subject of the governing verb,
or a passive's agent), and the noun phrase of a party (shared with counterparties).
"""

from __future__ import annotations

from spacy.tokens import Token

from .labels import (
    CLIMB_DEPS,
    GENITIVE_MARKERS,
    NAME_ENTITIES,
    NOUN_PHRASE_RIGHT_DEPS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
)
from .spans import TokenRange


def _holder(head: Token, number_start: int | None = None) -> TokenRange | None:
    """Token range of whoever holds the counted objects, from the dependency parse.

    A possessor before the number holds them (see :func:`_possessor`). Otherwise climbs from
    the counted noun through objects, prepositions, appositions and conjuncts to the first
    predicate with a subject; a counted noun that is itself the subject has no holder in the
    sentence ("Three major projects are underway"), unless a passive names an agent.
    """
    if number_start is not None and (owner := _possessor(head, number_start)) is not None:
        return owner
    token = head
    for _ in range(len(head.doc)):
        if token.dep_ == "nsubjpass":
            return _agent(token.head)
        if token.dep_ in SUBJECT_DEPS or token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            return None
        token = token.head
        # Stray quotes get a subject label at times ("» ISU now has ..."): skip punctuation.
        subject = next((c for c in token.children if c.dep_ == "nsubj" and not c.is_punct), None)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                subject = token.head
            return _noun_phrase(subject)
    return None


def _possessor(head: Token, before: int) -> TokenRange | None:
    """The possessor left of ``before`` that holds ``head`` ("DUEE's", "the institute's").

    A possessive pronoun ("its 40 agreements") is left to the clause.
    """
    for child in head.lefts:
        if child.i < before and _is_owner(child):
            return _noun_phrase(child)
    return None


def _is_owner(token: Token) -> bool:
    """True for a possessor that owns the noun ("DUEE's", "the academy's"), not one that
    classifies it ("joint bachelor's programmes", even as "the joint bachelor's programmes").

    An owner is a name, or a determined noun without adjectives or compounds of its own.
    """
    if token.dep_ != "poss" or token.lower_ in PRONOUNS:
        return False
    if token.ent_type_ in NAME_ENTITIES:
        return True
    deps = {c.dep_ for c in token.children}
    return "det" in deps and not deps & {"amod", "compound", "nmod"}


def _agent(verb: Token) -> TokenRange | None:
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            return _noun_phrase(pobj) if pobj is not None else None
    return None


def _noun_phrase(token: Token) -> TokenRange:
    """Token range of the noun phrase headed by ``token``, coordinated conjuncts included.

    Left dependents (determiners, adjectives, compounds) are kept whole; on the right only
    name-like parts ("of Helsinki"), the rest of a named entity and conjuncts are, so relative
    clauses and appositions stay out.
    """
    start, end = token.left_edge.i, token.i + 1
    for child in token.rights:
        if child.dep_ in NOUN_PHRASE_RIGHT_DEPS or (child.dep_ == "prep" and child.lower_ == "of"):
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "conj":
            end = max(end, _noun_phrase(child)[1])
    doc = token.doc
    if token.ent_iob_ in {"B", "I"}:
        # The rest of the named entity around the token (IOB: B opens one, I continues it).
        first = token.i
        while doc[first].ent_iob_ == "I" and first > 0:
            first -= 1
        last = token.i + 1
        while last < len(doc) and doc[last].ent_iob_ == "I":
            last += 1
        start, end = min(start, first), max(end, last)
    # Quotes and commas at the edges of a subtree are not part of the name.
    while start < token.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    # Nor is the genitive ending that NER sometimes keeps ("Harbor University's").
    while end > token.i + 1 and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in GENITIVE_MARKERS
    ):
        end -= 1
    return start, end
