"""Word sets and limits the organization rules read (connectors, coordinators, strong heads)."""

from __future__ import annotations

#: Words that join two coordinated organizations.
COORDINATORS = {"and", "&"}
#: Connectors after which a head's complement follows ("Academy of Sciences").
COMPLEMENT_CONNECTORS = {
    "of",
    "for",
    "de",
    "für",
    "di",
    "del",
    "della",
    "delle",
    "dei",
    "degli",
    "da",
    "do",
    "des",
    "du",
}
MAX_COMPLEMENT_TOKENS = 12
#: Head types that make a coordinated name an organization of its own.
STRONG_TYPES = frozenset({"university", "research_institute", "academy", "government"})
STRONG_COMPANY_HEADS = frozenset({"Company", "Corporation", "Group", "Holding", "Bank"})
#: Dashes that join the parts of one name when written without spaces ("China–South Asia").
JOINERS = {"-", "–", "—", "‐"}
LOCAL_RULE = "org.local"
