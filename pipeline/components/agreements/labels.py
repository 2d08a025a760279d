"""Labels of the agreement counter: the span labels it writes (and their rank in an overlap),
its span-group keys, and the entity and dependency label sets its checks on the parse read.
"""

from __future__ import annotations

AGREEMENT_LABEL = "AGREEMENT_COUNT"
QUANTITY_LABEL = "QUANTITY"
#: Pattern labels of numbers without a counted noun of their own; their spans end up labelled
#: as what they count (an agreement count or a quantity).
ELLIPTICAL_LABEL = "ELLIPTICAL_COUNT"
PARTITIVE_LABEL = "PARTITIVE_COUNT"
TOTAL_LABEL = "TOTAL_COUNT"
LABELS = {AGREEMENT_LABEL, QUANTITY_LABEL, ELLIPTICAL_LABEL, PARTITIVE_LABEL, TOTAL_LABEL}
#: Labels whose matches carry their own counted noun.
NOUN_LABELS = frozenset({AGREEMENT_LABEL, QUANTITY_LABEL})
#: Which candidate wins an overlap (lower first): "five more agreements" is an agreement count,
#: "five more" with no noun is elliptical rather than a quantity of "more".
_RANK = {
    AGREEMENT_LABEL: 0,
    ELLIPTICAL_LABEL: 1,
    PARTITIVE_LABEL: 1,
    TOTAL_LABEL: 1,
    QUANTITY_LABEL: 2,
}
SPANS_KEY = "agreements"
QUANTITIES_KEY = "quantities"

#: An entity type on the number itself means NER read it as something other than a count
#: ("In 2023 agreements were signed", "a three-year agreement", "the first agreement").
NON_COUNT_ENTITIES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"})

#: Entity types of names: a number inside one is part of the name ("Group of Seven").
NAME_ENTITIES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)

#: Dependency labels that keep a token inside the noun phrase of the counted head; the number
#: must reach the head through these ("a hundred and twenty exchange programmes" parses as
#: a -> hundred <- twenty (conj) -> exchange -> programmes).
NOUN_PHRASE_DEPS = frozenset(
    {
        "nummod",
        "quantmod",
        "amod",
        "compound",
        "nmod",
        "det",
        "punct",
        "npadvmod",
        "conj",
        "cc",
        "advmod",
    }
)

#: Labels under which a head modifies a noun further right ("two project partners"): the head
#: is then not the counted noun.
PRENOMINAL_DEPS = frozenset({"compound", "amod", "nmod"})

#: The singular genitive ending. A number cannot count a singular possessor, so in "three joint
#: bachelor's programmes" it counts the head, and the possessor is a modifier of it.
GENITIVE_MARKERS = frozenset({"'s", "\u2019s"})

#: Labels of tokens that stand as noun phrases; between an elliptical count and its antecedent
#: such a token is another candidate referent ("45 agreements and hosts students, 40 of them").
NOMINAL_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "obj", "pobj", "attr", "appos", "dative", "oprd"}
)

#: Pronouns: never a counted referent, and as possessors ("its 40 agreements") not a holder.
PRONOUNS = frozenset(
    "i you he she it we they me him her us them my your his its our their this that these those "
    "which who whom whose what".split()
)

#: Dependencies followed upward from the counted noun to its governing verb: objects,
#: prepositional attachments, appositions ("..., including two joint institutes"), coordination
#: and control ("plans to open two joint centres").
CLIMB_DEPS = frozenset(
    {"dobj", "obj", "pobj", "prep", "appos", "conj", "attr", "dative", "oprd", "xcomp", "pcomp"}
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})

#: A relative pronoun as subject stands for the noun the relative clause hangs on
#: ("the university, which has 40 joint laboratories").
RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})

#: Right-hand dependents that belong to a name-like noun phrase ("University of Helsinki").
NOUN_PHRASE_RIGHT_DEPS = frozenset({"compound", "flat", "nummod"})
