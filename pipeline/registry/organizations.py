"""Matching organizations across articles: names, acronyms, short forms, generic units."""

from __future__ import annotations

import logging
from collections import defaultdict

from ..models import Record
from .groups import _Groups, _Item
from .keys import is_acronym, org_key
from .matching_rules import RegistryRules

logger = logging.getLogger(__name__)


def is_generic(name: str, rules: RegistryRules) -> bool:
    """A name made only of unit words ("International Office", "Faculty of Chemistry")."""
    words = org_key(name).split()
    return bool(words) and all(w in rules.generic_org_words for w in words)


def compatible_orgs(a: str, b: str, rules: RegistryRules) -> bool:
    """Equal keys, or one name ends the other after a word that is not a connector and has
    at least three words ("tashkent state technical university")."""
    ka, kb = org_key(a), org_key(b)
    if ka == kb:
        return True
    short, long = sorted((ka, kb), key=len)
    if len(short.split()) < 3 or not long.endswith(" " + short):
        return False
    return long[: -len(short) - 1].split()[-1] not in rules.connectors


def _context(record: Record, rules: RegistryRules) -> set[str]:
    """The specific organization names of an article (for acronym-only matches)."""
    return {
        org_key(org.name)
        for org in record.organizations
        if not is_generic(org.name, rules) and not is_acronym(org.name)
    }


def _supported(item: _Item, owners: list[_Item], rules: RegistryRules) -> bool:
    """An acronym-only organization and its one candidate owner are one when the article
    shares another organization with the owner's articles, or names a place that is part of
    the owner's name ("St. Petersburg" for "Peter the Great St. Petersburg Polytechnic
    University")."""
    theirs = set().union(*(_context(o.record, rules) for o in owners))
    if _context(item.record, rules) & theirs:
        return True
    names = {f" {org_key(o.name)} " for o in owners}
    places = {org_key(loc.name) for loc in item.record.locations}
    return any(f" {place} " in name for place in places if place for name in names)


def _match_orgs(items: list[_Item], rules: RegistryRules) -> list[list[int]]:
    groups = _Groups(len(items))
    first: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.key in first:
            groups.union(i, first[item.key])
        else:
            first[item.key] = i
    full = [
        i for i, it in enumerate(items) if not is_acronym(it.name) and not it.key.startswith("doc:")
    ]
    # Full names joined by a shared acronym or a non-acronym alias, or one ending the other.
    by_alias: dict[str, list[int]] = defaultdict(list)
    for i in full:
        for alias in items[i].aliases:
            if is_acronym(alias):
                by_alias[alias].append(i)
    for members in by_alias.values():
        for i in members:
            for j in members:
                if i < j and compatible_orgs(items[i].name, items[j].name, rules):
                    groups.union(i, j)
    by_key = {items[i].key: i for i in full}
    for i in full:
        for alias in items[i].aliases:
            if is_acronym(alias) or is_generic(alias, rules):
                continue
            j = by_key.get(org_key(alias))
            if j is not None and len(org_key(alias).split()) >= 2:
                groups.union(i, j)
    suffix_of: dict[int, set[int]] = defaultdict(set)
    for i in full:
        for j in full:
            if items[i].key != items[j].key and len(items[i].key) < len(items[j].key):
                if compatible_orgs(items[i].name, items[j].name, rules):
                    suffix_of[i].add(groups.find(j))
    for i, longer in suffix_of.items():
        if len(longer) == 1:
            groups.union(i, longer.pop())
    # Acronym-only organizations: the one full name with that alias, confirmed by context.
    owners: dict[str, set[int]] = defaultdict(set)
    for alias, members in by_alias.items():
        owners[alias] = {groups.find(i) for i in members}
    clusters = groups.clusters()
    for i, item in enumerate(items):
        if not is_acronym(item.name) or len(owners.get(item.name, ())) != 1:
            continue
        root = next(iter(owners[item.name]))
        if _supported(item, [items[j] for j in clusters[root]], rules):
            groups.union(i, root)
        else:
            logger.info("%s in %s: no shared place or organization", item.name, item.record.doc_id)
    return list(groups.clusters().values())
