"""Typed access to the JSON lexicons under ``rules/`` (titles, person names, organizations),
with the local overrides of ``rules/local/`` merged over them (:mod:`pipeline.local_rules`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from .errors import RuleFileError
from .local_rules import (
    ORGANIZATIONS,
    PERSONS,
    TITLES,
    extend,
    local_rules_dir,
    local_stamp,
    organization_names,
    read_local,
    string_list,
)
from .rules import load_lexicon


@dataclass(frozen=True)
class Lexicons:
    """All word lists the entity components share, loaded once per rules folder."""

    title_bases: frozenset[str]  # lower-cased, hyphens as spaces
    title_modifiers: frozenset[str]  # lower-cased
    title_capitalized_only: frozenset[str]
    title_lowercase_ok_modifiers: frozenset[str]
    title_complement_preps: frozenset[str]
    to_complement_bases: frozenset[str]  # title keys: "ambassador" (+ "to Brazil")
    title_org_preps: frozenset[str]
    led_by: tuple[tuple[str, ...], ...]  # "headed by" as word tuples
    on_behalf_of: tuple[tuple[str, ...], ...]
    delegation_words: frozenset[str]
    host_verbs: tuple[tuple[str, ...], ...]  # "welcomed by"
    relative_possessives: frozenset[str]  # "whose": "Vavilov Reagents LLC, whose Director X"
    possessive_pronouns: frozenset[str]  # "its": "... Hanbit Co., Ltd. Its CEO, Lee"
    represent_verbs: frozenset[str]  # "X represented the Ministry of ..."
    appointment_phrases: tuple[tuple[str, ...], ...]  # "takes office as"
    subject_pronouns: frozenset[str]  # "she was elected Chair of ..."
    university_posts: frozenset[str]  # title keys of a university's own posts ("vice rector")
    honorific_ranks: frozenset[str]  # title keys of ranks used as honorifics ("professor")
    shared_posts: frozenset[str]  # title keys of posts of universities and others ("director")
    mission_posts: frozenset[str]  # title keys of a diplomatic mission's posts ("consul general")
    state_posts: frozenset[str]  # title keys of offices of state ("minister", "mayor")
    mission_heads: tuple[tuple[str, ...], ...]  # ("Embassy",), ("Consulate", "General")
    visit_verbs: tuple[tuple[str, ...], ...]  # "visited", "arrived at"
    honorifics: frozenset[str]  # lower-cased
    post_nominals: frozenset[str]
    patronymic_suffixes: tuple[str, ...]
    surname_suffixes: tuple[str, ...]  # "-ova", "-enko", "-shvili": surnames of the region
    vessel_prefixes: frozenset[str]  # "Akademik Oparin" is a ship
    namesake_words: frozenset[str]  # "Lomonosov Readings": a thing named after a person
    namesake_words_after_the: frozenset[str]  # "the Jean Monnet Hall" (but "Stuart Hall")
    long_surname_first: frozenset[str]  # surname-first names of three or four words (Vietnamese,
    # Singapore and Malaysia spellings of Chinese surnames)
    particles: frozenset[str]
    given_names: frozenset[str]
    chinese_surnames: frozenset[str]  # and Korean, Vietnamese: surname-first names
    org_heads: dict[str, str | None]
    org_connectors: frozenset[str]
    not_org_last_words: frozenset[str]
    not_org_alone: frozenset[str]
    name_first_heads: frozenset[str]  # "Universiti Teknologi ...": the name follows the head
    venue_words: frozenset[str]  # "Hall", "Memorial": "the Kanysh Satbayev Hall of ..."
    headline_verbs: frozenset[str]
    unit_heads: frozenset[str]
    in_place_heads: tuple[tuple[str, ...], ...]  # word tuples: ("Representative", "Office")
    descriptive_first_words: frozenset[str]  # "Joint" in "... Open Joint Laboratory for X"
    host_named: tuple[tuple[str, ...], ...]  # ("Confucius", "Institute"): named by its host
    event_words: frozenset[str]
    generic_name_words: frozenset[str]  # "Technical University" (+ "in Graz")
    group_last_words: frozenset[str]  # "University of Oregon Delegation": the name ends before
    event_heads: frozenset[str]  # "Forum of Rectors", "Signing Ceremony": events, not bodies
    generic_adjectives: frozenset[str]  # "a Top Brazilian University": a description
    not_org_acronyms: frozenset[str]
    award_words: frozenset[str]
    field_words: frozenset[str]
    not_org_first_words: frozenset[str]
    company_suffixes: frozenset[str]
    not_locations: frozenset[str]
    locative_prepositions: frozenset[str]
    feature_words: frozenset[str]
    countries: frozenset[str]  # country names; "Lakeside A&M University USA"
    cities: frozenset[str]  # capitals and large cities, places wherever they stand
    regions: frozenset[str]  # continents and world regions: "Africa", "Central Asia"
    place_words: frozenset[str]
    #: From the local folder: full names that are people wherever they are written.
    local_person_names: tuple[str, ...] = ()
    #: From the local folder: canonical organization name -> its aliases.
    local_org_names: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def honorific_stems(self) -> frozenset[str]:
        """Honorifics lower-cased without their final dot: "Ing." and "Ing" are one."""
        return frozenset(h.rstrip(".") for h in self.honorifics)

    @cached_property
    def _patronymic(self) -> re.Pattern[str]:
        # At least three letters before the suffix: "Igor-evna", not a short word "Eva".
        suffixes = "|".join(re.escape(s) for s in self.patronymic_suffixes)
        return re.compile(f"^.{{3,}}(?:{suffixes})$", re.S)

    @cached_property
    def _surname(self) -> re.Pattern[str]:
        suffixes = "|".join(re.escape(s) for s in self.surname_suffixes)
        return re.compile(f"^[A-Z].{{2,}}(?:{suffixes})$", re.S)

    @cached_property
    def _surname_endings(self) -> tuple[str, ...]:
        return tuple(self.surname_suffixes)

    def is_surname_shaped(self, text: str) -> bool:
        """A capitalised word with a surname ending of Russia, Ukraine, the Caucasus or Central
        Asia ("Bekova", "Kovalenko", "Beridze"), with three letters or more before it."""
        # the ending first: most words have none of them
        return (
            text.endswith(self._surname_endings)
            and text.isalpha()
            and self._surname.match(text) is not None
        )

    def is_country(self, text: str) -> bool:
        """A country's name as the lexicon writes it, or in capitals ("THAILAND")."""
        return text in self.countries or (text.isupper() and text.title() in self.countries)

    def is_city(self, text: str) -> bool:
        """A city of the lexicon as it writes it, or in capitals ("SEOUL")."""
        return text in self.cities or (text.isupper() and text.title() in self.cities)

    def has_in_place_head(self, words: list[str]) -> bool:
        """Whether ``words`` hold a head whose name goes on over "in PLACE" ("Embassy",
        "Representative Office"): a mission or an office named by where it is."""
        return any(
            tuple(words[k : k + len(head)]) == head
            for head in self.in_place_heads
            for k in range(len(words))
        )

    def is_place_name(self, text: str) -> bool:
        """A country, a city or a world region of the lexicon ("Nepal", "BISHKEK", "Central
        Asia"): a place, whatever the model calls it."""
        return (
            self.is_country(text)
            or self.is_city(text)
            or text in self.regions
            or (text.isupper() and text.title() in self.regions)
        )

    def is_patronymic(self, text: str) -> bool:
        """A capitalised word ending in a patronymic suffix ("Igorevna", "Serikuly")."""
        return text[:1].isupper() and text.isalpha() and self._patronymic.match(text) is not None

    @property
    def company_suffix_keys(self) -> frozenset[str]:
        """Company suffixes lower-cased without dots and commas ("co", "ltd", "llc")."""
        return frozenset(s.strip(".,").lower() for s in self.company_suffixes)

    @property
    def longest_title(self) -> int:
        """Number of words in the longest title base."""
        return max(len(t.split()) for t in self.title_bases)


def title_key(words: list[str]) -> str:
    """Normalise title words for lexicon lookup: lower case, hyphens split into words."""
    return " ".join(" ".join(w.lower().replace("-", " ").split()) for w in words)


def _strings(data: dict, key: str, path: Path) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleFileError(f"{path}: {key}: expected a list of strings")
    return value


def load_lexicons(rules_dir: str, local_dir: str | None = None) -> Lexicons:
    """Load and check every lexicon file of ``rules_dir``, with ``local_dir`` merged over them.

    Args:
        rules_dir: the rules folder.
        local_dir: the local overrides (default: :func:`pipeline.local_rules.local_rules_dir`,
            ``$UNINEWS_LOCAL_RULES`` or ``<rules_dir>/local``); a missing folder adds nothing.

    The result is cached per folder pair and per content of the local files, so a pipeline
    built after a reviewer's decision was learned sees it.

    Raises:
        RuleFileError: when a file is missing or a field has the wrong shape; for a local file,
            the message names the file and the key.
    """
    local = str(local_rules_dir(rules_dir, local_dir or None))
    return _load_lexicons(rules_dir, local, local_stamp(local))


@lru_cache(maxsize=8)
def _load_lexicons(rules_dir: str, local_dir: str, stamp: str) -> Lexicons:
    root, local = Path(rules_dir), Path(local_dir)
    titles_path, persons_path = root / TITLES, root / PERSONS
    orgs_path, locs_path = root / ORGANIZATIONS, root / "locations.json"
    titles, persons = load_lexicon(titles_path), load_lexicon(persons_path)
    orgs, locs = load_lexicon(orgs_path), load_lexicon(locs_path)
    local_persons, local_orgs = read_local(local / PERSONS), read_local(local / ORGANIZATIONS)
    titles = extend(titles, read_local(local / TITLES), local / TITLES, titles_path)
    persons = extend(persons, local_persons, local / PERSONS, persons_path)
    orgs = extend(orgs, local_orgs, local / ORGANIZATIONS, orgs_path)
    heads = orgs.get("heads")
    if not isinstance(heads, dict):
        raise RuleFileError(f"{orgs_path}: heads: expected an object of word -> type")
    return Lexicons(
        title_bases=frozenset(title_key([t]) for t in _strings(titles, "bases", titles_path)),
        title_modifiers=frozenset(m.lower() for m in _strings(titles, "modifiers", titles_path)),
        title_capitalized_only=frozenset(
            title_key([t]) for t in _strings(titles, "capitalized_only", titles_path)
        ),
        title_lowercase_ok_modifiers=frozenset(
            _strings(titles, "lowercase_ok_modifiers", titles_path)
        ),
        title_complement_preps=frozenset(_strings(titles, "complement_prepositions", titles_path)),
        to_complement_bases=frozenset(
            title_key([b]) for b in _strings(titles, "to_complement_bases", titles_path)
        ),
        title_org_preps=frozenset(_strings(titles, "organization_prepositions", titles_path)),
        led_by=tuple(tuple(p.split()) for p in titles["context_phrases"]["led_by"]),
        on_behalf_of=tuple(tuple(p.split()) for p in titles["context_phrases"]["on_behalf_of"]),
        delegation_words=frozenset(titles["context_phrases"]["delegation_words"]),
        host_verbs=tuple(tuple(p.split()) for p in titles["context_phrases"]["host_verbs"]),
        relative_possessives=frozenset(titles["context_phrases"]["relative_possessives"]),
        possessive_pronouns=frozenset(titles["context_phrases"]["possessive_pronouns"]),
        represent_verbs=frozenset(titles["context_phrases"]["represent_verbs"]),
        appointment_phrases=tuple(
            tuple(p.split()) for p in titles["context_phrases"]["appointment_phrases"]
        ),
        subject_pronouns=frozenset(titles["context_phrases"]["subject_pronouns"]),
        university_posts=frozenset(
            title_key([p]) for p in titles["context_phrases"]["university_posts"]
        ),
        honorific_ranks=frozenset(
            title_key([p]) for p in titles["context_phrases"]["honorific_ranks"]
        ),
        shared_posts=frozenset(title_key([p]) for p in titles["context_phrases"]["shared_posts"]),
        mission_posts=frozenset(title_key([p]) for p in titles["context_phrases"]["mission_posts"]),
        state_posts=frozenset(title_key([p]) for p in titles["context_phrases"]["state_posts"]),
        mission_heads=tuple(
            tuple(h.replace("-", " - ").split()) for h in titles["context_phrases"]["mission_heads"]
        ),
        visit_verbs=tuple(tuple(p.split()) for p in titles["context_phrases"]["visit_verbs"]),
        honorifics=frozenset(h.lower() for h in _strings(persons, "honorifics", persons_path)),
        post_nominals=frozenset(_strings(persons, "post_nominals", persons_path)),
        patronymic_suffixes=tuple(_strings(persons, "patronymic_suffixes", persons_path)),
        surname_suffixes=tuple(_strings(persons, "surname_suffixes", persons_path)),
        particles=frozenset(_strings(persons, "particles", persons_path)),
        given_names=frozenset(_strings(persons, "given_names", persons_path)),
        chinese_surnames=frozenset(
            _strings(persons, "chinese_surnames", persons_path)
            + _strings(persons, "korean_surnames", persons_path)
            + _strings(persons, "vietnamese_surnames", persons_path)
        ),
        vessel_prefixes=frozenset(_strings(persons, "vessel_prefixes", persons_path)),
        namesake_words=frozenset(_strings(persons, "namesake_words", persons_path)),
        namesake_words_after_the=frozenset(
            _strings(persons, "namesake_words_after_the", persons_path)
        ),
        long_surname_first=frozenset(_strings(persons, "vietnamese_surnames", persons_path))
        | frozenset(_strings(persons, "southern_chinese_surnames", persons_path)),
        org_heads=dict(heads),
        org_connectors=frozenset(_strings(orgs, "connectors", orgs_path)),
        not_org_last_words=frozenset(_strings(orgs, "not_org_last_words", orgs_path)),
        not_org_alone=frozenset(_strings(orgs, "not_org_alone", orgs_path)),
        venue_words=frozenset(_strings(orgs, "venue_words", orgs_path)),
        name_first_heads=frozenset(_strings(orgs, "name_first_heads", orgs_path)),
        headline_verbs=frozenset(_strings(orgs, "headline_verbs", orgs_path)),
        unit_heads=frozenset(_strings(orgs, "unit_heads", orgs_path)),
        in_place_heads=tuple(tuple(h.split()) for h in _strings(orgs, "in_place_heads", orgs_path)),
        descriptive_first_words=frozenset(_strings(orgs, "descriptive_first_words", orgs_path)),
        host_named=tuple(tuple(h.split()) for h in _strings(orgs, "host_named", orgs_path)),
        event_words=frozenset(_strings(orgs, "event_words", orgs_path)),
        generic_name_words=frozenset(_strings(orgs, "generic_name_words", orgs_path)),
        group_last_words=frozenset(_strings(orgs, "group_last_words", orgs_path)),
        event_heads=frozenset(_strings(orgs, "event_heads", orgs_path)),
        generic_adjectives=frozenset(_strings(orgs, "generic_adjectives", orgs_path)),
        not_org_acronyms=frozenset(_strings(orgs, "not_org_acronyms", orgs_path)),
        award_words=frozenset(_strings(orgs, "award_words", orgs_path)),
        field_words=frozenset(_strings(orgs, "field_words", orgs_path)),
        not_org_first_words=frozenset(_strings(orgs, "not_org_first_words", orgs_path)),
        company_suffixes=frozenset(_strings(orgs, "company_suffixes", orgs_path)),
        not_locations=frozenset(_strings(locs, "not_locations", locs_path)),
        locative_prepositions=frozenset(_strings(locs, "locative_prepositions", locs_path)),
        feature_words=frozenset(_strings(locs, "feature_words", locs_path)),
        countries=frozenset(_strings(locs, "countries", locs_path)),
        cities=frozenset(_strings(locs, "cities", locs_path)),
        regions=frozenset(_strings(locs, "regions", locs_path)),
        place_words=frozenset(_strings(locs, "place_words", locs_path)),
        local_person_names=tuple(
            dict.fromkeys(string_list(local_persons, "names", local / PERSONS))
        ),
        local_org_names={
            name: tuple(aliases)
            for name, aliases in organization_names(local_orgs, local / ORGANIZATIONS).items()
        },
    )
