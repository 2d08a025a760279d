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

Modules: :mod:`.entries` (the output models), :mod:`.matching_rules` (word lists from the rules
folder), :mod:`.keys` (folding, organization keys, acronyms), :mod:`.person_names` (names split
for matching), :mod:`.groups` (items and union-find), :mod:`.people` and
:mod:`.organizations` (the matching), :mod:`.build` (entries from the matched groups).
"""

from .build import build_registry
from .entries import ArticleSeen, Entity, Member, RoleSeen
from .keys import fold, is_acronym, org_key
from .matching_rules import RegistryRules, load_rules
from .organizations import compatible_orgs, is_generic
from .person_names import PersonName, compatible_people, parse_person, translit_key

__all__ = [
    "ArticleSeen",
    "Entity",
    "Member",
    "PersonName",
    "RegistryRules",
    "RoleSeen",
    "build_registry",
    "compatible_orgs",
    "compatible_people",
    "fold",
    "is_acronym",
    "is_generic",
    "load_rules",
    "org_key",
    "parse_person",
    "translit_key",
]
