"""Group person mentions into people (see :func:`group_people`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .refs import Ref, clean_name, make_ref, source_text


@dataclass
class PersonEntity:
    """A person and their mentions."""

    name: str
    words: tuple[str, ...]
    honorific: str | None = None
    mentions: list[Ref] = field(default_factory=list)


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
