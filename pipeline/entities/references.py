"""Resolve a reference ("the university", "the Polytechnic", "SPbPU") to an organization."""

from __future__ import annotations

from .orgs import OrgEntity, org_type, short_form_of
from .refs import name_key

#: Words that may precede a generic reference to an organization ("the university").
DETERMINERS = {"the", "this", "our", "its", "their", "that"}


def resolve_reference(
    text: str, start: int, orgs: list[OrgEntity], heads: dict[str, str | None]
) -> OrgEntity | None:
    """Resolve "the university", "the Polytechnic", "SPbPU" to an organization.

    An exact mention wins; a definite generic reference ("the university") goes to the
    closest preceding organization whose type its head noun implies.
    """
    key = name_key(text)
    for entity in orgs:
        if any(name_key(m.text) == key for m in entity.mentions):
            return entity
    words = text.split()
    generic = len(words) > 1 and words[0].lower() in DETERMINERS
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    head = words[0][:1].upper() + words[0][1:].lower() if len(words) == 1 else ""
    if not (generic and head in heads):
        # "Rheinfeld" for "Rheinfeld University of Applied Sciences"; not "the University"
        # for "University Council"
        owners = [e for e in orgs if any(short_form_of(key, name_key(m.text)) for m in e.mentions)]
        if len(owners) == 1:
            return owners[0]
    if len(words) != 1:
        return None
    kind = heads.get(head)
    if not kind:
        return None
    # Company names often have no head noun ("Al Waha Petrochemicals"): "the company" may be
    # any organization that is not a university, institute, academy or government body.
    kinds = {kind, "other"} if kind == "company" else {kind}
    best: tuple[int, OrgEntity] | None = None
    for entity in orgs:
        if org_type(entity) not in kinds:
            continue
        before = [m.start for m in entity.mentions if m.start < start]
        if before and (best is None or max(before) > best[0]):
            best = (max(before), entity)
    return best[1] if best else None
