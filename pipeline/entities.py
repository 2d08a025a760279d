"""Group mentions into entities: one person or organization per real-world referent.

Pure functions over the spans the components produced; :mod:`pipeline.assemble` turns the
groups into records. Names never keep trailing punctuation ("Gao Jun." -> "Gao Jun"), except
for abbreviations that end in a dot ("Co.", initials such as "K.").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .components.acronyms import ordered_match
from .components.provenance import method_of
from .org_variants import one_slip_apart, spelling_key

#: Trailing characters a name never keeps, and the abbreviations whose dot it does keep.
TRAILING_PUNCT = ".,;:!?"
KEEP_DOT = re.compile(r"(?:(?:^|[\s.])\w\.|\b(?:Co|Inc|Ltd|Ltda|Corp|Pvt|St|Jr|Sr)\.)$")
#: Words that may precede a generic reference to an organization ("the university").
DETERMINERS = {"the", "this", "our", "its", "their", "that"}
#: A connector before a suffix makes it another organization ("... of Tsinghua University").
SUFFIX_BLOCKERS = {"of", "the", "at", "for", "and", "in", "&"}


@dataclass
class Ref:
    """One mention, with char offsets into the document text."""

    start: int
    end: int
    text: str
    method: str
    rule_id: str | None
    span_key: tuple[int, int]  # offsets of the span it came from, before trimming


@dataclass
class PersonEntity:
    """A person and their mentions."""

    name: str
    words: tuple[str, ...]
    honorific: str | None = None
    mentions: list[Ref] = field(default_factory=list)


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


def clean_name(text: str) -> str:
    """A canonical form: every run of (Unicode) white space becomes one ASCII space."""
    return " ".join(text.split())


def source_text(doc: Doc) -> str:
    """The text as read (before space normalisation)."""
    return doc._.source_text or doc.text


def make_ref(doc: Doc, span: Span, method: str | None = None) -> Ref | None:
    """A mention of ``span`` with trailing punctuation trimmed; None when nothing is left."""
    return ref_at(
        doc,
        span.start_char,
        span.end_char,
        rule_id=span.id_ or None,
        method=method or method_of(span.id_),
    )


def ref_at(doc: Doc, start: int, end: int, *, rule_id: str | None, method: str) -> Ref | None:
    """A mention of the characters ``start:end``, trailing punctuation trimmed, or None."""
    text = source_text(doc)
    key = (start, end)
    while end > start and text[end - 1] in TRAILING_PUNCT and not KEEP_DOT.search(text[start:end]):
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    return Ref(
        start=start, end=end, text=text[start:end], method=method, rule_id=rule_id, span_key=key
    )


def _key(text: str) -> str:
    words = " ".join(text.split()).lower()
    return words[4:] if words.startswith("the ") else words


# -- people ---------------------------------------------------------------------------------

_GLUED_INITIALS = re.compile(r"^((?:[A-Z][a-z]?\.)+)([A-Z][a-z]+(?:-[A-Z][a-z]+)?)$")


def group_people(doc: Doc, patronymic_suffixes: tuple[str, ...] = ()) -> list[PersonEntity]:
    """Group ``doc.spans["persons"]`` into people.

    Full names come first in text order; a name whose words include all words of an earlier
    one (or the reverse) with the same last word is the same person ("Elena Morozova",
    "Elena Sergeevna Morozova"), or ends in its patronymic ("Elena Sergeevna"), or begins the
    other ("Anna Berg", "Anna Berg Lindqvist"). Single words
    attach to the one person whose name holds them; a single word nobody's name holds is kept
    only with an honorific ("Mr. Smith") or a title right before it ("Mayor Aboutaleb").
    """
    text = source_text(doc)
    people: list[PersonEntity] = []
    singles: list[tuple[Ref, Span]] = []
    for span in doc.spans.get("persons", []):
        ref = make_ref(doc, span)
        if ref is None:
            continue
        words = tuple(w.lower() for w in ref.text.replace("-", " ").split())
        if len(words) == 1 and _GLUED_INITIALS.match(ref.text):
            # "N.Karimov": an initial glued to the surname is a name of two words
            words = tuple(w.lower() for w in _GLUED_INITIALS.match(ref.text).groups())
        if len(words) < 2:
            singles.append((ref, span))
            continue
        matches = [p for p in people if _same_person(p.words, words, patronymic_suffixes)]
        # "A. Petrova" beside "Anna Petrova" and "Alla Petrova" is neither of them for sure
        person = matches[0] if len(matches) == 1 else None
        if person is None:
            person = PersonEntity(name=clean_name(ref.text), words=words)
            people.append(person)
        person.mentions.append(ref)
        if len(words) > len(person.words):
            # compare later mentions with the fullest form seen, which names the person
            person.words, person.name = words, clean_name(ref.text)
        if person.honorific is None and span._.honorific:
            person.honorific = text[slice(*span._.honorific)]
    title_ends = {t.end for t in doc.spans.get("titles", [])}
    for ref, span in singles:
        word = ref.text.lower()
        owners = [p for p in people if word in p.words]
        if len(owners) == 1:
            owners[0].mentions.append(ref)
        elif not owners and (span._.honorific or span.start in title_ends):
            # "Mr. Smith"; "Mayor Aboutaleb of Rotterdam", "Vice President Temer": a title
            # right before a single name makes it a person's
            honorific = text[slice(*span._.honorific)] if span._.honorific else None
            person = PersonEntity(name=clean_name(ref.text), words=(word,), honorific=honorific)
            person.mentions.append(ref)
            people.append(person)
    for person in people:
        person.mentions.sort(key=lambda m: m.start)
    return people


def _initials_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """ "d.s. orlov" / "d. s. orlov" of "dmitry sergeevich orlov" (and of "dmitry orlov"): the
    same surname, and the initials are the first letters of the other names, in order."""
    if len(short) < 2 or len(full) < 2 or short[-1] != full[-1]:
        return False
    letters = [c for w in short[:-1] for c in w.split(".") if c]
    if not letters or not all(w.endswith(".") for w in short[:-1]):
        return False
    given = full[:-1]
    if len(letters) > len(given) or any(w.endswith(".") for w in given):
        return False
    return all(g.startswith(letter) for letter, g in zip(letters, given, strict=False))


def _same_person(a: tuple[str, ...], b: tuple[str, ...], patronymic_suffixes=()) -> bool:
    """Same words, in any order ("Tanaka Hiroshi" and "Hiroshi Tanaka": East Asian names are
    written both ways); or one name's words inside the other's with the same surname or a
    patronymic ("Elena Morozova", "Elena Sergeevna Morozova", "Elena Sergeevna")."""
    if a == b or (len(a) >= 2 and sorted(a) == sorted(b)):
        return True
    if _initials_of(a, b) or _initials_of(b, a):
        return True
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) < 2 or not set(small) <= set(large):
        return False
    if large[: len(small)] == small:
        return True  # "Anna Berg" then "Anna Berg Lindqvist": the fuller form of one name
    return small[-1] == large[-1] or small[-1].endswith(tuple(patronymic_suffixes))


# -- organizations -------------------------------------------------------------------------
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
        key = _key(ref.text)
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
    names = {_key(ref.text) for _span, ref in items}
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
        canonical = canonical_of.get(_key(ref.text))
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
            entity.canonical = canonical_of.get(_key(ref.text))
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
                host = _key(key[len(network) + 4 :])
                other = by_key.get(f"{host} {network}")
                if other is not None:
                    union(i, other)


def _canonical_names(local_names: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Key of every local name and alias -> its canonical name (the first one listed wins)."""
    out: dict[str, str] = {}
    for canonical, aliases in local_names.items():
        for form in (canonical, *aliases):
            out.setdefault(_key(form), canonical)
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
    return _key(" ".join(out)) if changed else None


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


def resolve_reference(
    text: str, start: int, orgs: list[OrgEntity], heads: dict[str, str | None]
) -> OrgEntity | None:
    """Resolve "the university", "the Polytechnic", "SPbPU" to an organization.

    An exact mention wins; a definite generic reference ("the university") goes to the
    closest preceding organization whose type its head noun implies.
    """
    key = _key(text)
    for entity in orgs:
        if any(_key(m.text) == key for m in entity.mentions):
            return entity
    words = text.split()
    generic = len(words) > 1 and words[0].lower() in DETERMINERS
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    head = words[0][:1].upper() + words[0][1:].lower() if len(words) == 1 else ""
    if not (generic and head in heads):
        # "Rheinfeld" for "Rheinfeld University of Applied Sciences"; not "the University"
        # for "University Council"
        owners = [e for e in orgs if any(short_form_of(key, _key(m.text)) for m in e.mentions)]
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
