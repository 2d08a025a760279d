"""What a count without a noun of its own refers to: the antecedent of an elliptical count,
the extent of its phrase, and where the object of a partitive starts.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from .holders import _is_owner
from .labels import NOMINAL_DEPS, NON_COUNT_ENTITIES, PRONOUNS, SUBJECT_DEPS
from .spans import _Candidate, _Count


def _number_head(doc: Doc, candidate: _Candidate) -> int:
    """The token of a multi-word number that hangs outside it ("dozen" of "a dozen")."""
    for i in range(candidate.number_start, candidate.number_end):
        if not candidate.number_start <= doc[i].head.i < candidate.number_end:
            return i
    return candidate.number_end - 1


def _antecedent(doc: Doc, candidate: _Candidate, counts: Sequence[_Count]) -> _Count | None:
    """The count an elliptical count refers back to, or None.

    It is the nearest count before it, in the same sentence or the one just before, with no
    other possible referent (a common noun standing as a noun phrase) in between: in "45
    agreements and hosts students, 40 of them ..." the students come between. The subject of
    the count's own clause is not one ("14 joint projects, and the centre would add five more":
    the centre adds them). Durations are passed over ("18 agreements over 5 years, 4 of which
    ..."): NER reads them as dates.
    """
    before = [
        c
        for c in counts
        if c.start < candidate.start and doc[c.anchor].ent_type_ not in NON_COUNT_ENTITIES
    ]
    if not before:
        return None
    antecedent = max(before, key=lambda c: c.start)
    sentence = doc[candidate.number_start].sent
    antecedent_sentence = doc[antecedent.anchor].sent
    if antecedent_sentence.start != sentence.start and antecedent_sentence.end != sentence.start:
        return None
    inside = set(range(antecedent.start, antecedent.end)) | _own_subtree(doc[antecedent.anchor])
    number = doc[_number_head(doc, candidate)]
    path = {t.i for t in number.ancestors}
    for verb in number.ancestors:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.i not in path:
                inside |= {t.i for t in child.subtree}
    between = doc[antecedent.end : candidate.start]
    if any(t.i not in inside and _possible_referent(t) for t in between):
        return None
    return antecedent


def _phrase_end(token: Token) -> int:
    """One past the last token of ``token``'s own phrase, without conjuncts, "and" or final dots."""
    doc = token.doc
    end = max(_own_subtree(token)) + 1
    while end > token.i + 1 and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    return end


def _own_subtree(token: Token) -> set[int]:
    """Indices of ``token``'s subtree without its conjuncts (which are referents of their own)."""
    out = {token.i}
    for child in token.children:
        if child.dep_ != "conj":
            out |= _own_subtree(child)
    return out


def _possible_referent(token: Token) -> bool:
    """True for a common noun standing as a noun phrase, which a count could refer back to.

    Names, numbers and pronouns are not (a name is one thing, not several); a conjunct is
    nominal when what it is conjoined with is ("agreements and students", not "has and expects").
    """
    if token.ent_iob_ != "O" or token.like_num or token.lower_ in PRONOUNS or not token.is_alpha:
        return False
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in NOMINAL_DEPS


def _object_start(noun: Token) -> int:
    """Where the object of a partitive starts: after its determiners, possessor and number."""
    start = noun.left_edge.i
    for child in noun.lefts:
        if child.dep_ in {"det", "nummod", "quantmod", "predet"} or _is_owner(child):
            start = max(start, child.right_edge.i + 1)
        elif child.dep_ == "poss" and child.lower_ in PRONOUNS:
            start = max(start, child.i + 1)
    doc = noun.doc
    while start < noun.i and doc[start].dep_ == "det":
        start += 1
    return start
