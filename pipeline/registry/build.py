"""Building registry entries from matched groups: canonical names, ids, articles, summaries."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..models import Record
from .entries import ArticleSeen, Entity, Member, RoleSeen
from .groups import _Item
from .keys import is_acronym, org_key
from .matching_rules import load_rules
from .organizations import _match_orgs, is_generic
from .people import _match_people
from .person_names import parse_person


def _month(value: str | None) -> str | None:
    return value[:7] if value else None


def _entity_id(kind: str, key: str) -> str:
    digest = hashlib.sha256(f"{kind}\0{key}".encode()).hexdigest()[:12]
    return f"{'per' if kind == 'person' else 'org'}_{digest}"


def _canonical(names: list[str], prefer=lambda _n: 0, longest: bool = True) -> str:
    """The most frequent name (preferred forms first), then the longest (organizations), then
    the first written: ``names`` come in the order of the articles' publication."""
    counts = Counter(names)
    first = {n: -i for i, n in reversed(list(enumerate(names)))}
    return max(counts, key=lambda n: (prefer(n), counts[n], len(n) if longest else 0, first[n]))


def _chronological(item: _Item) -> tuple:
    published = item.record.published.value if item.record.published else "9999"
    return (published, item.record.source.path, item.local_id)


def _articles(members: list[_Item]) -> list[ArticleSeen]:
    seen: dict[str, ArticleSeen] = {}
    for item in members:
        r = item.record
        seen.setdefault(
            r.doc_id,
            ArticleSeen(
                doc_id=r.doc_id,
                path=r.source.path,
                published=r.published.value if r.published else None,
            ),
        )
    return sorted(seen.values(), key=lambda a: (a.published or "", a.path))


def _span(articles: list[ArticleSeen]) -> tuple[str | None, str | None]:
    dates = sorted(a.published for a in articles if a.published)
    return (dates[0], dates[-1]) if dates else (None, None)


def _members(group) -> list[Member]:
    """The per-article people or organizations of one entry, in (doc_id, local_id) order."""
    return sorted(
        (Member(doc_id=g.record.doc_id, local_id=g.local_id, name=g.name) for g in group),
        key=lambda m: (m.doc_id, m.local_id),
    )


def _summary(name: str, role: str | None, articles: list[ArticleSeen], first, last) -> str:
    parts = [name]
    if role:
        parts.append(role)
    parts.append(f"{len(articles)} article{'s' if len(articles) != 1 else ''}")
    if first:
        parts.append(
            _month(first) if _month(first) == _month(last) else f"{_month(first)} to {_month(last)}"
        )
    return ", ".join(parts)


def _short_name(name: str, variants: list[str]) -> str:
    """The shortest acronym of an organization ("SPbPU"), else its name."""
    acronyms = sorted((v for v in [name, *variants] if is_acronym(v)), key=lambda v: (len(v), v))
    return acronyms[0] if acronyms else name


def _unique_ids(entities: list[Entity]) -> list[Entity]:
    """Two entries with one canonical key (one name, two people): the first keeps the id, the
    others add a hash of their first article, so that their ids do not depend on a count."""
    taken: set[str] = set()
    out = []
    for entity in sorted(
        entities, key=lambda e: (e.id, [(m.doc_id, m.local_id) for m in e.members])
    ):
        if entity.id in taken:
            first = min(m.doc_id for m in entity.members)
            suffix = hashlib.sha256(first.encode()).hexdigest()[:6]
            entity = entity.model_copy(update={"id": f"{entity.id}-{suffix}"})
        taken.add(entity.id)
        out.append(entity)
    return out


def build_registry(records: Iterable[Record], rules_dir: Path | str | None = None) -> list[Entity]:
    """Resolve people and organizations across ``records`` into registry entries.

    Args:
        records: validated records (any order; the result does not depend on it).
        rules_dir: the rules folder (default: the built-in rules).

    Returns:
        Organizations, then people, each sorted by id.
    """
    rules = load_rules(Path(rules_dir) if rules_dir else None)
    records = sorted(records, key=lambda r: (r.doc_id, r.source.path))
    org_items: list[_Item] = []
    for r in records:
        for o in r.organizations:
            key = org_key(o.name)
            if is_generic(o.name, rules):
                key = f"doc:{r.doc_id}:{key}"
            elif is_acronym(o.name):
                key = f"acr:{o.name}"
            org_items.append(_Item(r, o.id, o.name, list(o.aliases), key=key))
    orgs: list[Entity] = []
    org_entity: dict[tuple[str, str], str] = {}
    for members in _match_orgs(org_items, rules):
        group = sorted((org_items[i] for i in members), key=_chronological)
        names = [g.name for g in group]
        name = _canonical(names, prefer=lambda n: not is_acronym(n))
        variants = sorted({*names, *(a for g in group for a in g.aliases)} - {name})
        scope = group[0].key if group[0].key.startswith("doc:") else ""
        eid = _entity_id("organization", scope or org_key(name))
        acronyms = sorted(
            (v for v in [name, *variants] if is_acronym(v)), key=lambda v: (len(v), v)
        )
        articles = _articles(group)
        first, last = _span(articles)
        shown = f"{name} ({acronyms[0]})" if acronyms and acronyms[0] != name else name
        orgs.append(
            Entity(
                id=eid,
                kind="organization",
                name=name,
                variants=variants,
                articles=articles,
                members=_members(group),
                first_seen=first,
                last_seen=last,
                summary=_summary(shown, None, articles, first, last),
            )
        )
        for g in group:
            org_entity[(g.record.doc_id, g.local_id)] = eid
    orgs = _unique_ids(orgs)
    # ids may have moved in _unique_ids; rebuild the lookup from the members.
    org_entity = {(m.doc_id, m.local_id): e.id for e in orgs for m in e.members}
    org_short = {e.id: _short_name(e.name, e.variants) for e in orgs}

    person_items: list[_Item] = []
    for r in records:
        context = frozenset(org_entity[(r.doc_id, o.id)] for o in r.organizations)
        for p in r.people:
            parsed = parse_person(p.name, rules)
            key = parsed.exact if parsed.matchable else f"doc:{r.doc_id}:{parsed.exact}"
            affiliations = frozenset(
                org_entity[(r.doc_id, role.organization_id)]
                for role in p.roles
                if role.organization_id
            )
            person_items.append(
                _Item(
                    r,
                    p.id,
                    p.name,
                    parsed=parsed,
                    key=key,
                    affiliations=affiliations,
                    context=context,
                )
            )
    people: list[Entity] = []
    for members in _match_people(person_items):
        group = sorted((person_items[i] for i in members), key=_chronological)
        name = _canonical(
            [g.name for g in group],
            prefer=lambda n: not any(initial for _k, initial in parse_person(n, rules).given[:1]),
            longest=False,
        )
        roles: list[RoleSeen] = []
        for g in group:
            person = next(p for p in g.record.people if p.id == g.local_id)
            published = g.record.published.value if g.record.published else None
            for role in person.roles:
                roles.append(
                    RoleSeen(
                        title=role.title,
                        organization=role.organization,
                        organization_entity=org_entity.get((g.record.doc_id, role.organization_id))
                        if role.organization_id
                        else None,
                        doc_id=g.record.doc_id,
                        published=published,
                    )
                )
        roles.sort(key=lambda x: (x.published or "", x.doc_id, x.title))
        role_line = None
        if roles:
            counts = Counter((x.title, x.organization_entity) for x in roles)
            title, org = max(counts, key=lambda k: (counts[k], k[1] is not None, k[0]))
            role_line = f"{title} of {org_short[org]}" if org else title
        articles = _articles(group)
        first, last = _span(articles)
        parsed = parse_person(name, rules)
        scope = group[0].key if group[0].key.startswith("doc:") else ""
        people.append(
            Entity(
                id=_entity_id("person", scope or parsed.exact),
                kind="person",
                name=name,
                variants=sorted({g.name for g in group} - {name}),
                articles=articles,
                members=_members(group),
                roles=roles,
                first_seen=first,
                last_seen=last,
                summary=_summary(name, role_line, articles, first, last),
            )
        )
    return orgs + _unique_ids(people)
