"""The cross-article registry: one entry per real-world person or organization across articles.

Within an article, :mod:`pipeline.entities` has already grouped mentions into one person or
organization each. Here those per-article entities are matched across articles, conservatively
(a wrong merge misleads a CRM more than a missed one):

People
    - equal names after normalisation (case, accents, punctuation) and a transliteration key
      whose rules are data (``rules/registry.json``): Arseniev = Arsenyev, Dmitry = Dmitriy;
    - initials against given names: "A.I. Rudskoi" = "Andrei Ivanovich Rudskoi" = "Andrei
      Rudskoi", only when exactly one compatible, at least as complete, name exists: "A. Petrova"
      with both "Anna Petrova" and "Irina Petrova" in the corpus joins neither, and "Anna
      Petrova" never joins "Irina Petrova";
    - surname-first names (Chinese, Korean, Vietnamese surnames from ``rules/persons.json``)
      match only as written; one-word names never match across articles.

Organizations
    - equal names (case, a leading "the", punctuation aside);
    - a shared acronym ("SPbPU") or a short form that ends the full name ("Tashkent State
      Technical University" of "Islam Karimov Tashkent State Technical University"), only when
      the full names are compatible: "KUT" of Kashubian and of Kvarken University of Technology
      stay two entities;
    - an organization named only by its acronym joins the one organization that has it as an
      alias, when the two articles also share a place or another organization;
    - generic unit names ("International Office", "School of Civil Engineering") say what a unit
      is, not whose: they stay entities of their own article.

Ids are a hash of the entry's kind and canonical key, never of the order of a run, so an entity
keeps its id across runs and corpora as long as its canonical name does.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .models import Record
from .rules import default_rules_dir, load_lexicon

logger = logging.getLogger(__name__)

_PUNCT = re.compile(r"[.,;:'\"()\u2018\u2019\u201c\u201d]")
_DASHES = re.compile(r"[\u2010-\u2015-]")
_INITIALS = re.compile(r"^(?:[A-Z\u0400-\u042f][a-z]?\.)+$|^[A-Z]$")


# -- the registry's records ------------------------------------------------------------------
class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ArticleSeen(_Frozen):
    """An article where the entity appears."""

    doc_id: str
    path: str
    published: str | None


class Member(_Frozen):
    """The entity as one record has it: ``local_id`` is its ``id`` there (P1, O3)."""

    doc_id: str
    local_id: str
    name: str


class RoleSeen(_Frozen):
    """A role the person holds in one article."""

    title: str
    organization: str | None
    organization_entity: str | None
    doc_id: str
    published: str | None


class Entity(_Frozen):
    """One registry entry: a line of ``uninews entities``."""

    id: str
    kind: Literal["person", "organization"]
    name: str
    variants: list[str]
    articles: list[ArticleSeen]
    members: list[Member]
    roles: list[RoleSeen] = []
    first_seen: str | None
    last_seen: str | None
    summary: str


# -- rules -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class RegistryRules:
    """Word lists and transliteration rules the matching reads from the rules folder."""

    transliteration: tuple[tuple[re.Pattern, str], ...]
    surname_first: frozenset[str]
    post_nominals: frozenset[str]
    particles: frozenset[str]
    honorifics: frozenset[str]
    generic_org_words: frozenset[str]
    connectors: frozenset[str]


@lru_cache(maxsize=8)
def load_rules(rules_dir: Path | None = None) -> RegistryRules:
    """Load ``registry.json``, ``persons.json`` and ``organizations.json`` from ``rules_dir``."""
    folder = Path(rules_dir) if rules_dir else default_rules_dir()
    registry = load_lexicon(folder / "registry.json")
    persons = load_lexicon(folder / "persons.json")
    orgs = load_lexicon(folder / "organizations.json")
    surname_first = [
        *persons.get("chinese_surnames", []),
        *persons.get("korean_surnames", []),
        *persons.get("vietnamese_surnames", []),
    ]
    generic = [
        *registry.get("generic_org_words", []),
        *orgs.get("heads", {}),
        *orgs.get("unit_heads", []),
        *orgs.get("field_words", []),
        *orgs.get("connectors", []),
    ]
    return RegistryRules(
        transliteration=tuple((re.compile(a), b) for a, b in registry["transliteration"]),
        surname_first=frozenset(fold(s) for s in surname_first),
        post_nominals=frozenset(persons.get("post_nominals", [])),
        particles=frozenset(p.lower() for p in persons.get("particles", [])),
        honorifics=frozenset(h.lower().rstrip(".") for h in persons.get("honorifics", [])),
        generic_org_words=frozenset(fold(w) for w in generic),
        connectors=frozenset(fold(w) for w in orgs.get("connectors", [])),
    )


# -- normalisation ---------------------------------------------------------------------------
def fold(text: str) -> str:
    """Lower case, accents removed (NFKD), Unicode compatibility forms unified."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def translit_key(word: str, rules: RegistryRules) -> str:
    """The matching key of one name word: folded, then the transliteration rules in order."""
    parts = []
    for part in fold(word).split("-"):
        for pattern, replacement in rules.transliteration:
            part = pattern.sub(replacement, part)
        parts.append(part)
    return "-".join(p for p in parts if p)


def org_key(name: str) -> str:
    """An organization name's matching key: folded, punctuation and a leading "the" removed."""
    text = _DASHES.sub(" ", _PUNCT.sub("", fold(name)))
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def is_acronym(form: str) -> bool:
    """ "SPbPU", "UrFU", "HIT": one word of at most 10 letters, at least two capitals."""
    bare = form.replace(".", "").replace("-", "").replace("&", "")
    return (
        " " not in form.strip()
        and 2 <= len(bare) <= 10
        and bare.isalnum()
        and sum(c.isupper() for c in bare) >= 2
    )


# -- people ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class PersonName:
    """A name split for matching: given-name parts (full keys or initials) and a surname key."""

    given: tuple[tuple[str, bool], ...]  # (key, is_initial)
    surname: str
    surname_first: bool
    exact: str  # every word's key, in order

    @property
    def specificity(self) -> int:
        """Two per given name spelled out, one per initial."""
        return sum(1 if initial else 2 for _key, initial in self.given)

    @property
    def matchable(self) -> bool:
        """One-word names (and names of initials only) never match across articles."""
        return bool(self.given) and bool(self.surname)


def parse_person(name: str, rules: RegistryRules) -> PersonName:
    """Split a person's name into given-name parts and surname keys."""
    words = [w for w in name.replace(",", " ").split() if w not in rules.post_nominals]
    words = [w for w in words if w.lower().rstrip(".") not in rules.honorifics] or words
    keys = [translit_key(w.rstrip("."), rules) for w in words]
    exact = " ".join(keys)
    if len(words) >= 2 and fold(words[0]) in rules.surname_first and not _INITIALS.match(words[1]):
        # "Huang Jianping": surname first; matched only as written.
        return PersonName(((exact, False),), fold(words[0]), True, exact)
    given: list[tuple[str, bool]] = []
    for word in words[:-1]:
        if _INITIALS.match(word):
            given.extend((c.lower(), True) for c in word if c.isalpha() and c.isupper())
        elif word.lower() not in rules.particles:
            given.append((translit_key(word, rules), False))
    surname = keys[-1] if words and not _INITIALS.match(words[-1]) else ""
    return PersonName(tuple(given), surname, False, exact)


def compatible_people(a: PersonName, b: PersonName) -> bool:
    """True when the two names may be the same person (initials agree with given names)."""
    if not (a.matchable and b.matchable) or a.surname_first != b.surname_first:
        return False
    if a.surname_first:
        return a.exact == b.exact
    if a.surname != b.surname:
        return False
    for (ka, ia), (kb, ib) in zip(a.given, b.given, strict=False):
        if ia or ib:
            if ka[0] != kb[0]:
                return False
        elif ka != kb:
            return False
    return True


# -- the union-find both kinds use ------------------------------------------------------------
class _Groups:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def clusters(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return out


@dataclass
class _Item:
    """One per-article person or organization."""

    record: Record
    local_id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    parsed: PersonName | None = None
    key: str = ""  # exact matching key (article-scoped when it must not match elsewhere)
    affiliations: frozenset[str] = frozenset()  # registry ids of the organizations of its roles
    context: frozenset[str] = frozenset()  # registry ids of its article's organizations


def _match_people(items: list[_Item]) -> list[list[int]]:
    groups = _Groups(len(items))
    affiliations = [set(item.affiliations) for item in items]
    context = [set(item.context) for item in items]

    def allowed(i: int, j: int) -> bool:
        """Two groups of one name are one person only when their articles share an
        organization, and their roles do not tie them to different organizations."""
        a, b = groups.find(i), groups.find(j)
        if a == b:
            return True
        if affiliations[a] and affiliations[b] and affiliations[a].isdisjoint(affiliations[b]):
            return False
        return bool(context[a] & context[b])

    def union(i: int, j: int) -> None:
        a, b = groups.find(i), groups.find(j)
        if a == b:
            return
        groups.union(a, b)
        root, other = (a, b) if groups.find(a) == a else (b, a)
        affiliations[root] |= affiliations[other]
        context[root] |= context[other]

    first: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        first[item.key].append(i)
    for members in first.values():
        for i in members[1:]:
            target = next((j for j in members if j != i and allowed(i, j)), None)
            if target is not None:
                union(i, target)
    # Candidates are decided on the exact-name groups, before any merge of names, so the
    # result does not depend on the order of the records.
    clusters = list(groups.clusters().values())
    rep = [items[c[0]].parsed for c in clusters]
    by_surname: dict[str, list[int]] = defaultdict(list)
    for n, name in enumerate(rep):
        if name.matchable and not name.surname_first:
            by_surname[name.surname].append(n)
    decisions = []
    for members in by_surname.values():
        for n in members:
            candidates = [
                m
                for m in members
                if m != n
                and rep[m].specificity >= rep[n].specificity
                and compatible_people(rep[n], rep[m])
                and allowed(clusters[n][0], clusters[m][0])
            ]
            if all(
                compatible_people(rep[a], rep[b]) for a in candidates for b in candidates if a < b
            ):
                decisions.extend((clusters[n][0], clusters[m][0]) for m in candidates)
    for i, j in decisions:
        if allowed(i, j):
            union(i, j)
    return list(groups.clusters().values())


# -- organizations ---------------------------------------------------------------------------
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


# -- building entries ------------------------------------------------------------------------
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
