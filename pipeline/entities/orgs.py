"""Group organization mentions into organizations (see :func:`group_orgs`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..components.acronyms import ordered_match
from ..components.provenance import method_of
from ..org_variants import one_slip_apart, spelling_key
from .refs import Ref, clean_name, make_ref, name_key

#: A connector before a suffix makes it another organization ("... of Tsinghua University").
SUFFIX_BLOCKERS = {"of", "the", "at", "for", "and", "in", "&"}


@dataclass
class OrgEntity:
    """An organization and its mentions."""

    mentions: list[Ref] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    acronym_flags: list[bool] = field(default_factory=list)
    #: The canonical name of the local lexicon (``rules/local/``) that a mention is a form of.
    canonical: str | None = None

    @property
    def name(self) -> str:
        """The local canonical name; else the longest full form (not an acronym); else the
        acronym when there is nothing else."""
        if self.canonical:
            return self.canonical
        full = [m.text for m, acr in zip(self.mentions, self.acronym_flags, strict=True) if not acr]
        pool = [clean_name(t) for t in (full or [m.text for m in self.mentions])]
        return max(pool, key=lambda t: (len(t), -pool.index(t)))

    @property
    def aliases(self) -> list[str]:
        """Other forms, in order of first appearance, without case-only duplicates."""
        seen = {self.name.lower()}
        out = []
        for mention in self.mentions:
            form = clean_name(mention.text)
            if form.lower() not in seen:
                seen.add(form.lower())
                out.append(form)
        return out


def group_orgs(
    doc: Doc,
    company_suffixes: frozenset[str] = frozenset(),
    local_names: Mapping[str, Sequence[str]] | None = None,
    host_named: Sequence[tuple[str, ...]] = (),
) -> list[OrgEntity]:
    """Group ``doc.spans["orgs"]`` into organizations.

    Merges: the same name (case and a leading "the" aside), also without the "named after
    NAME" that may follow it; other spellings of one name (:mod:`pipeline.org_variants`);
    a network's name with its host after "at" or before it (``host_named``);
    an acronym and its long form; a
    short form (:func:`short_form_of`) of exactly one longer name, unless it is a separate
    organization named after a connector ("Polytechnic University" in "Peter the Great
    St. Petersburg Polytechnic University", but not "Tsinghua University" in "Institute of
    Tsinghua University"); a company's name without its legal form ("Harbin Polar Star
    Electronics" of "... Electronics Co., Ltd."), given ``company_suffixes`` as keys; the
    forms of one local canonical name (``local_names``: canonical name -> aliases, from
    ``rules/local/organizations.json``), which then names the organization.
    """
    spans = [s for s in doc.spans.get("orgs", [])]
    refs = [make_ref(doc, s) for s in spans]
    items = [(s, r) for s, r in zip(spans, refs, strict=True) if r is not None]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    by_key: dict[str, int] = {}
    for i, (_span, ref) in enumerate(items):
        key = name_key(ref.text)
        if key in by_key:
            union(i, by_key[key])
        else:
            by_key[key] = i
    _union_spellings(by_key, union)
    _union_hosted(by_key, union, host_named)
    for i, (span, _ref) in enumerate(items):
        if span._.long_form:
            lf_start, lf_end = span._.long_form
            for j, (other, _r) in enumerate(items):
                if (
                    other.start_char <= lf_start
                    and other.end_char >= lf_end
                    and not other._.long_form
                ):
                    union(i, j)
                    break
    # "Vitebsk State University named after P.M. Masherov" = "Vitebsk State University"
    for key, i in list(by_key.items()):
        named, sep, _namesake = key.partition(" named after ")
        if sep and named in by_key:
            union(i, by_key[named])
    # "Siberian Branch of RAS" = "Siberian Branch of the Russian Academy of Sciences"
    names = {name_key(ref.text) for _span, ref in items}
    bare = {_without_the(k): i for k, i in by_key.items()}
    for i, (_span, ref) in enumerate(items):
        expanded = _expand_acronyms(ref.text, names)
        if expanded is not None and _without_the(expanded) in bare:
            union(i, bare[_without_the(expanded)])
    # short forms: a form of exactly one longer name (see short_form_of)
    for key, i in by_key.items():
        forms = [
            other
            for other in by_key
            if other != key
            and (short_form_of(key, other) or _without_legal_form(key, other, company_suffixes))
        ]
        # "ITMO" of "ITMO University" and of "ITMO Faculty of Photonics": the name that is
        # the short form plus one head word is the one it stands for.
        plus_one = [f for f in forms if len(f.split()) == len(key.split()) + 1]
        if len({find(by_key[f]) for f in forms}) > 1 and len(plus_one) == 1:
            forms = plus_one
        longer = {find(by_key[other]) for other in forms}
        if len(longer) == 1 and not _names_another(key, by_key):
            union(i, longer.pop())
    canonical_of = _canonical_names(local_names or {})
    first_of: dict[str, int] = {}
    for i, (_span, ref) in enumerate(items):
        canonical = canonical_of.get(name_key(ref.text))
        if canonical is not None:
            union(i, first_of.setdefault(canonical, i))
    groups: dict[int, OrgEntity] = {}
    order: list[int] = []
    for i, (span, ref) in enumerate(items):
        root = find(i)
        if root not in groups:
            groups[root] = OrgEntity()
            order.append(root)
        entity = groups[root]
        if entity.canonical is None:
            entity.canonical = canonical_of.get(name_key(ref.text))
        entity.mentions.append(ref)
        entity.types.append(span._.org_type or "other")
        entity.acronym_flags.append(method_of(span.id_) == "acronym" or bool(span._.long_form))
    return [groups[r] for r in order]


def _union_spellings(by_key: dict[str, int], union: Callable[[int, int], None]) -> None:
    """Join the spellings of one name: diacritics, spacing or punctuation apart, or one slip
    of a letter in one long word (:mod:`pipeline.org_variants`)."""
    by_spelling: dict[str, int] = {}
    keys = list(by_key)
    for key in keys:
        spelled = spelling_key(key)
        if not spelled:
            continue
        if spelled in by_spelling:
            union(by_key[key], by_spelling[spelled])
        else:
            by_spelling[spelled] = by_key[key]
    for n, key in enumerate(keys):
        for other in keys[n + 1 :]:
            if one_slip_apart(key, other):
                union(by_key[key], by_key[other])


def _union_hosted(
    by_key: dict[str, int], union: Callable[[int, int], None], host_named: Sequence[tuple[str, ...]]
) -> None:
    """ "Confucius Institute at Lakeside University" = "Lakeside University Confucius
    Institute": a network's name with its host after "at" or before it."""
    for name in host_named:
        network = " ".join(name).lower()
        for key, i in list(by_key.items()):
            if key.startswith(network + " at "):
                host = name_key(key[len(network) + 4 :])
                other = by_key.get(f"{host} {network}")
                if other is not None:
                    union(i, other)


def _canonical_names(local_names: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Key of every local name and alias -> its canonical name (the first one listed wins)."""
    out: dict[str, str] = {}
    for canonical, aliases in local_names.items():
        for form in (canonical, *aliases):
            out.setdefault(name_key(form), canonical)
    return out


def _without_legal_form(short: str, name: str, suffixes: frozenset[str]) -> bool:
    """True when ``name`` is ``short`` followed only by company suffixes ("co ltd", "llc")."""
    if not name.startswith(short + " "):
        return False
    rest = name[len(short) + 1 :].split()
    return bool(rest) and all(word.strip(".,") in suffixes for word in rest)


def _without_the(key: str) -> str:
    return " ".join(w for w in key.split() if w != "the")


def _expand_acronyms(text: str, names: set[str]) -> str | None:
    """The key of ``text`` with each acronym inside it replaced by the one name it spells, or
    None when it holds no such acronym ("Siberian Branch of RAS" -> "siberian branch of russian
    academy of sciences")."""
    words = text.split()
    if len(words) < 2:
        return None
    changed = False
    out = []
    for word in words:
        if len(word) >= 2 and word.isalpha() and sum(c.isupper() for c in word) >= 2:
            spelled = [n for n in names if n != word.lower() and ordered_match(word, n)]
            if len(spelled) == 1:
                out.append(spelled[0])
                changed = True
                continue
        out.append(word.lower())
    return name_key(" ".join(out)) if changed else None


def short_form_of(short: str, name: str) -> bool:
    """True when ``short`` (a lower-cased key) is a short form of ``name``.

    - the end of the name, not after a connector: "polytechnic university" of "peter the great
      st. petersburg polytechnic university";
    - the part before its "of" complement: "siberian branch", "institute of physics" of
      "institute of physics of kazan federal university";
    - its first word and its head noun: "bauman university" of "bauman moscow state technical
      university", "kaveri institute" of "kaveri institute of technology and science";
    - its first word alone, when that is a distinctive name: "bauman", "rudn" (of "rudn
      university").
    """
    if name.endswith(" " + short) and name[: -len(short) - 1].split()[-1] not in SUFFIX_BLOCKERS:
        return True
    if name.startswith(short + " of "):
        return True
    words, full = short.split(), name.split()
    if len(words) == 1 and len(full) > 1 and full[0] == words[0] and len(words[0]) >= 4:
        return True
    return (
        len(words) == 2
        and len(full) > 2
        and full[0] == words[0]
        and words[1] in full[1:]
        and "of" not in full[: full.index(words[1])]
    )


def _names_another(key: str, by_key: dict[str, int]) -> bool:
    """ "tsinghua university" is named after a connector in "institute of tsinghua university":
    then it is an organization of its own, not a short form."""
    return any(
        other != key
        and other.endswith(" " + key)
        and other[: -len(key) - 1].split()[-1] in SUFFIX_BLOCKERS
        for other in by_key
    )


def org_type(entity: OrgEntity) -> str:
    """The type of the canonical name's mention, else the first specific type seen."""
    name = entity.name
    for mention, kind in zip(entity.mentions, entity.types, strict=True):
        if mention.text == name and kind != "other":
            return kind
    return next((k for k in entity.types if k != "other"), "other")
