"""Find organization mentions: cleaned NER ORG entities plus capitalised chains with a head noun.

Rules (ids on each span):
- ``org.ner``: an ORG entity without a leading "the", cut before any title or person inside it
  ("JITRI First Deputy Director Gao Jun" -> "JITRI"), dropped when it names a group or event
  ("Gansu Province Delegation").
- ``org.repeated``: another occurrence of a name found elsewhere in the article.
- ``org.head_chain``: a chain of capitalised words (with of/the/and/for inside) that contains an
  organization head noun from ``rules/organizations.json`` ("Lanzhou Jiaotong University",
  "St. Petersburg Branch of the Russian Academy of Sciences"). Two heads joined by "and"
  ("Lanzhou University and Nanjing University") are two organizations.
- ``org.local``: a name or alias of the local lexicon (``rules/local/organizations.json``,
  written from reviewers' decisions), wherever it is written as whole tokens with the same case;
  it replaces the organizations and model entities it overlaps, and a person's name inside it
  ("Tserendorj" in "Tserendorj Institute"), but not a person's name it is only part of. Its
  type is that of the canonical name; assembly makes the canonical name the organization's.

Output: ``doc.spans["orgs"]`` (label ``ORG``), ``Span._.org_type`` from the first typed head.
"""

from .component import Organizations, make_organizations
from .words import (
    COMPLEMENT_CONNECTORS,
    COORDINATORS,
    JOINERS,
    LOCAL_RULE,
    MAX_COMPLEMENT_TOKENS,
    STRONG_COMPANY_HEADS,
    STRONG_TYPES,
)

__all__ = [
    "COMPLEMENT_CONNECTORS",
    "COORDINATORS",
    "JOINERS",
    "LOCAL_RULE",
    "MAX_COMPLEMENT_TOKENS",
    "STRONG_COMPANY_HEADS",
    "STRONG_TYPES",
    "Organizations",
    "make_organizations",
]
