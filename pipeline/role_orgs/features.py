"""Features of one (role, candidate organization) pair, for the role-organization scorer.

A role's candidates are every organization of the record and "none" (null). Each candidate is
described by a sparse dict of named features, mostly 0/1: what the rules chose, where the
organization is mentioned relative to the title and the holder's name (the same sentence, the
one before, right after "of"), what kind of organization it is and what kind of post the title
is, and how prominent the organization is in the article (first named, most named, in the
headline). The weights live in ``rules/role_orgs.json`` (:mod:`pipeline.role_orgs.model`).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..entities import OrgEntity, PersonEntity, org_type
from ..lexicons import Lexicons, title_key

Features = dict[str, float]

#: Prepositions that put an organization right after a title or a name ("Rector of X").
LINKS = frozenset({"of", "at", "from", "in", "for"})


@dataclass
class _Mention:
    start: int  # token index
    end: int
    sent: int  # sentence index


class DocContext:
    """What the features need of one document, computed once per document."""

    def __init__(self, doc: Doc, text: str, orgs: list[OrgEntity], lex: Lexicons) -> None:
        self.doc = doc
        self.lex = lex
        self.sent_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self.mentions: dict[int, list[_Mention]] = {}
        for entity in orgs:
            self.mentions[id(entity)] = self._mentions(entity)
        counts = {id(e): len(e.mentions) for e in orgs}
        self.types = {id(e): org_type(e) for e in orgs}
        self.units = {id(e): self._is_unit(e) for e in orgs}
        firsts = {id(e): min((m.start for m in e.mentions), default=1 << 30) for e in orgs}
        universities = [e for e in orgs if self.types[id(e)] == "university"]
        self.n_universities = len(universities)
        self.first = min(firsts, key=firsts.get) if firsts else None
        self.first_university = (
            min((id(e) for e in universities), key=firsts.get) if universities else None
        )
        self.most = max(counts, key=counts.get) if counts else None
        self.most_university = (
            max((id(e) for e in universities), key=counts.get) if universities else None
        )
        self.counts = counts
        self.all_mentions = sorted(
            (m.start, m.end, k) for k, ms in self.mentions.items() for m in ms
        )
        self.all_starts = [m[0] for m in self.all_mentions]
        self.entity_at = {m[0]: m[2] for m in self.all_mentions}
        self.names = {id(e): {clean.lower() for clean in [e.name, *e.aliases]} for e in orgs}
        newline = text.find("\n")
        self.headline_end = newline if newline > 0 else len(text)

    def _mentions(self, entity: OrgEntity) -> list[_Mention]:
        out = []
        for ref in entity.mentions:
            span = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
            if span is not None and len(span):
                out.append(_Mention(span.start, span.end, self.sent_of(span.start)))
        return out

    def holder(self, person: PersonEntity | None, stated: set[int]) -> Holder:
        """What the article says of ``person`` elsewhere (see :class:`Holder`)."""
        linked: set[int] = set()
        if person is not None:
            doc = self.doc
            for ref in person.mentions:
                span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
                if span is None:
                    continue
                j = span.end
                if j < len(doc) and (doc[j].lower_ in LINKS or doc[j].text in {"(", ","}):
                    j += 1
                    while j < len(doc) and doc[j].lower_ == "the":
                        j += 1
                    if j in self.entity_at:
                        linked.add(self.entity_at[j])
        return Holder(frozenset(linked), frozenset(stated))

    def _is_unit(self, entity: OrgEntity) -> bool:
        return is_unit_name(entity.name, self.lex)

    def others_between(self, key: int, start: int, end: int) -> int:
        """How many mentions of other organizations lie within tokens [start, end)."""
        k = bisect_right(self.all_starts, start - 1)
        count = 0
        while k < len(self.all_mentions) and self.all_mentions[k][0] < end:
            s, e, owner = self.all_mentions[k]
            if e <= end and owner != key:
                count += 1
            k += 1
        return count

    def parent_before(self, key: int, unit_key: int) -> bool:
        """Whether ``key`` is the organization named last before a mention of the unit
        ``unit_key`` (other units aside), in that sentence or the one before."""
        for unit in self.mentions.get(unit_key, []):
            k = bisect_right(self.all_starts, unit.start) - 1
            while k >= 0:
                start, end, owner = self.all_mentions[k]
                if self.sent_of(start) < unit.sent - 1:
                    break
                if owner != unit_key and not self.units.get(owner):
                    if owner == key:
                        return True
                    break
                k -= 1
        return False

    def sent_of(self, token: int) -> int:
        return bisect_right(self.sent_starts, token) - 1


@dataclass
class Holder:
    """What the rest of the article says of a title's holder: the organizations written right
    after any mention of the name ("X of Y", "X (Y)", "X, Y"), and those the rules state for
    the holder's other titles."""

    linked: frozenset[int]  # entity ids
    stated: frozenset[int]


def post_kinds(title: Span, lex: Lexicons) -> dict[str, bool]:
    """Which kinds of post the title is: whether it holds a post of each lexicon as whole
    words ("Deputy Minister of Education" holds "minister")."""
    words = title_key([t.text for t in title if t.text != "-"]).split()
    grams = {" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}

    def ends_in(posts: frozenset[str]) -> bool:
        return not grams.isdisjoint(posts)

    return {
        "uni_post": ends_in(lex.university_posts),
        "shared_post": ends_in(lex.shared_posts),
        "mission_post": ends_in(lex.mission_posts),
        "state_post": ends_in(lex.state_posts),
        "unit_in_title": any(t.text in lex.unit_heads for t in title),
        "of_in_title": any(t.lower_ in LINKS for t in title[1:]),
    }


def _bucket(distance: int) -> str:
    return "adj" if distance <= 2 else "near" if distance <= 8 else "far"


def candidate_features(
    ctx: DocContext,
    title: Span,
    person: Span | None,
    entity: OrgEntity | None,
    rule_choice: OrgEntity | None,
    guessed: bool,
    kinds: dict[str, bool],
    holder: Holder | None = None,
) -> Features:
    """The features of one candidate (``entity``; None for "no organization")."""
    doc = ctx.doc
    f: Features = {}
    if entity is None:
        f["null"] = 1.0
        f["null&rule_null"] = float(rule_choice is None)
        f["null&rule_guessed"] = float(guessed)
        for kind, on in kinds.items():
            if on:
                f[f"null&{kind}"] = 1.0
        f["null&no_university"] = float(ctx.n_universities == 0)
        if any(ctx.lex.is_country(t.text) for t in title):
            f["null&place_in_title"] = 1.0
        return f
    key = id(entity)
    kind = ctx.types.get(key, "other")
    f["org"] = 1.0
    f[f"type={kind}"] = 1.0
    unit = ctx.units.get(key, False)
    if unit:
        f["unit"] = 1.0
        if ctx.n_universities:
            f["unit&university_named"] = 1.0
    if entity is rule_choice:
        f["rule"] = 1.0
        if guessed:
            f["rule_guessed"] = 1.0
        if unit:
            f["rule_unit"] = 1.0
    elif rule_choice is None:
        f["rule_null"] = 1.0
    else:
        rule_key = id(rule_choice)
        rule_names = ctx.names.get(rule_key, set())
        if any(f" {n} " in f" {r} " for n in ctx.names.get(key, ()) for r in rule_names if n != r):
            f["inside_rule"] = 1.0  # "IAEA" in "IAEA Department of Nuclear Energy"
        if ctx.units.get(rule_key) and not unit and ctx.parent_before(key, rule_key):
            f["parent_of_rule_unit"] = 1.0
    if holder is not None:
        if key in holder.stated and entity is not rule_choice:
            f["holder_stated"] = 1.0
        if key in holder.linked:
            f["holder_linked"] = 1.0
    mentions = ctx.mentions.get(key, [])
    sent = ctx.sent_of(title.start)
    anchors = [title.start] + ([person.start] if person is not None else [])
    left = min(anchors)
    ends = [title.end] + ([person.end] if person is not None else [])
    right = max(ends)
    before = [m for m in mentions if m.end <= left]
    after = [m for m in mentions if m.start >= right]
    if before:
        m = max(before, key=lambda m: m.end)
        if m.sent == sent:
            f["before_same_sent_" + _bucket(left - m.end)] = 1.0
            between = doc[m.end : left]
            if any(t.lower_ in ctx.lex.delegation_words for t in doc[max(0, m.start - 3) : left]):
                f["delegation_before"] = 1.0
            others = ctx.others_between(key, m.end, left)
            f["others_between_" + ("0" if not others else "1" if others == 1 else "2+")] = 1.0
            if any(t.text in {";", "(", ")"} for t in between):
                f["before_across_punct"] = 1.0
        elif m.sent == sent - 1:
            f["before_prev_sent"] = 1.0
        else:
            f["before_earlier"] = 1.0
    if after:
        m = min(after, key=lambda m: m.start)
        if m.sent == sent:
            f["after_same_sent_" + _bucket(m.start - right)] = 1.0
        elif not before:
            f["only_later"] = 1.0
    for end in ends:
        j = end
        if j < len(doc) and doc[j].lower_ in LINKS:
            j += 1
            while j < len(doc) and doc[j].lower_ == "the":
                j += 1
            if any(m.start == j for m in mentions):
                f["linked_after"] = 1.0
    if any(ctx.doc[m.start].idx < ctx.headline_end for m in mentions):
        f["in_headline"] = 1.0
    if key == ctx.first:
        f["first_org"] = 1.0
    if key == ctx.first_university:
        f["first_university"] = 1.0
    if key == ctx.most:
        f["most_named"] = 1.0
    if key == ctx.most_university:
        f["most_named_university"] = 1.0
    f["log_mentions"] = math.log1p(ctx.counts.get(key, 0))
    if kind == "university" and ctx.n_universities == 1:
        f["only_university"] = 1.0
    for post, on in kinds.items():
        if on:
            f[f"{post}&type={kind}"] = 1.0
            if unit:
                f[f"{post}&unit"] = 1.0
    if person is not None and any(m.sent == ctx.sent_of(person.start) for m in mentions):
        f["person_sentence"] = 1.0
    return f


def is_unit_name(name: str, lex: Lexicons) -> bool:
    """A unit's name ("Marine Biology Department", "Faculty of Law"): a unit head and no
    university's head in it."""
    words = name.split()
    return any(w in lex.unit_heads for w in words) and not any(
        lex.org_heads.get(w) == "university" for w in words
    )
