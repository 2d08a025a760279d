"""How a span was found, derived from the id of the rule that made it.

The method is a function of the rule id rather than a span extension because spaCy keys span
extension values by character offsets: two spans over the same characters (a quantity and a date,
a name found by NER and by a rule) would share, and overwrite, one value.
"""

from __future__ import annotations

#: Rule-id prefixes and suffixes that name a method other than "rule".
_ACRONYM_PREFIX = "acronym."
_NER_SUFFIX = ".ner"
_COREF_MARK = "coref"


def method_of(rule_id: str | None) -> str:
    """Return ner, acronym, coreference or rule for a span's ``id_`` ("" means the model's NER).

    Examples:
        >>> method_of(""), method_of("org.ner"), method_of("person.surname_coref")
        ('ner', 'ner', 'coreference')
        >>> method_of("acronym.defined"), method_of("role.title_before_name")
        ('acronym', 'rule')
    """
    if not rule_id or rule_id.endswith(_NER_SUFFIX):
        return "ner"
    if rule_id.startswith(_ACRONYM_PREFIX):
        return "acronym"
    if _COREF_MARK in rule_id:
        return "coreference"
    return "rule"
