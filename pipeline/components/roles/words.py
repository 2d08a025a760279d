"""Word sets and limits the role patterns read (between names, titles and appointments)."""

from __future__ import annotations

#: Words between a name's comma and its title: "Hu Jinbo, the Director of ...".
FILLERS = frozenset(
    {"the", "a", "an", "currently", "also", "now", "as", "its", "their", "our"}
    | {"honorable", "honourable", "respected", "esteemed"}
)
#: A possessive after a name's comma: "X, the university's president", "X, Lakeside's provost".
POSSESSIVE_MARKS = frozenset({"'s", "’s"})
APPOINTMENT_VERBS = frozenset(
    {"appointed", "elected", "named", "became", "becomes", "serves", "served", "promoted"}
    | {"reappointed"}
)
AUXILIARIES = frozenset(
    {"has", "have", "had", "been", "was", "were", "is", "will", "be", "recently", "newly"}
    | {"officially", "as", "the", "to", "who", "also"}
)
#: "Bassi, who is Head of ...".
COPULAS = frozenset({"is", "was", "remains"})
#: What joins the posts a name holds after it: "A, Dean, Department of X; Director, Y Center".
APPOSITION_JOINERS = frozenset({",", ";", "&"})
#: Words that join the names of a list: "Vice-Rectors A, B and C".
LIST_JOINERS = frozenset({",", "and"})
MAX_COMPLEMENT_TOKENS = 6
#: How far back (tokens) a stack of titles before a name may start.
MAX_STACK_TOKENS = 40
