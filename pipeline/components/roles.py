"""Link job titles to the people who hold them and the organizations the posts belong to.

Each role is a span over the title phrase in ``doc.spans["roles"]``, and a plain record in
``doc._.roles``: ``{"title": (start, end), "person": (start, end), "org": (start, end) | None,
"rule_id": ..., "plural": bool}`` in char offsets, where ``org`` is the text naming the
organization: an organization mention, the parent part of one, or a reference such as "the
University", which assembly resolves. (Records, not span extensions: spaCy keys span extension
values by offsets, and the people of a list share one title.) Patterns (rule ids):

- ``role.title_before_name``: ``[ORG] TITLE (and TITLE)* NAME`` ("JITRI First Deputy Director
  Gao Jun"; "SPbPU Rector and Chairman of the X Branch Andrei Rudskoi": two roles).
- ``role.title_list``: a plural title before a list of names ("Vice-Rectors A and B").
- ``role.name_comma_title``: ``NAME, [the|currently an] TITLE ...`` and further appositives
  (", currently an intern at X").
- ``role.title_comma_name``: ``TITLE of ORG, [Dr.] NAME``.
- ``role.name_paren_title``: ``NAME (TITLE of ORG)``.
- ``role.appointed_as``: ``NAME has been appointed|elected|named (as) TITLE of ORG``.

A title phrase extends over "of <non-organization words>" ("Professor of Economics"); "of/at/in
<ORG>" names the organization. A unit inside an organization joins the title: in "Director of
the Department of Industrial Engineering of PoliRomagna" the title is "Director of the
Department of Industrial Engineering" and the organization PoliRomagna. In a stack of titles, a
title with no organization of its own takes the one written before the stack ("SPbPU Rector and
Chairman of ..."), else the one after the name, else that of the next title ("Provost and Acting
President of EUAS").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicons import Lexicons, load_lexicons, title_key
from .extensions import register_extensions
from .tokens import is_acronym

#: Words between a name's comma and its title: "Hu Jinbo, the Director of ...".
FILLERS = frozenset({"the", "a", "an", "currently", "also", "now", "as", "its", "their", "our"})
APPOINTMENT_VERBS = frozenset(
    {"appointed", "elected", "named", "became", "becomes", "serves", "served", "promoted"}
    | {"reappointed"}
)
AUXILIARIES = frozenset(
    {"has", "have", "had", "been", "was", "were", "is", "will", "be", "recently", "newly"}
    | {"officially", "as", "the", "to", "who", "also"}
)
#: "Bassi, who is Head of ...".
COPULAS = frozenset({"is", "was", "remains"})
#: Words that join the names of a list: "Vice-Rectors A, B and C".
LIST_JOINERS = frozenset({",", "and"})
MAX_COMPLEMENT_TOKENS = 6
#: How far back (tokens) a stack of titles before a name may start.
MAX_STACK_TOKENS = 40

Offsets = tuple[int, int]


@dataclass
class TitlePhrase:
    """A title with its complement and organization (token indices; org as char offsets)."""

    start: int
    end: int  # end of the title text (complement and unit included)
    stop: int  # end of the whole phrase (organization included)
    org: Offsets | None
    plural: bool = False


class Roles:
    """Attach title phrases to person mentions.

    Args:
        nlp: the pipeline.
        name: component name.
        rules_dir: the rules folder (titles and organization lexicons).
        local_rules: the local overrides merged over the lexicons (``rules/local/``);
            empty for the default (:func:`pipeline.local_rules.local_rules_dir`).
    """

    def __init__(self, nlp: Language, name: str, *, rules_dir: str, local_rules: str = "") -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicons = load_lexicons(rules_dir, local_rules or None)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["roles"]``."""
        self.orgs_at = {s.start: s for s in doc.spans.get("orgs", [])}
        self.orgs_end = {s.end: s for s in doc.spans.get("orgs", [])}
        # Surname-only mentions count too: a title is often given later ("Tursunova, who was
        # appointed Director ..."); assembly maps the mention to its person.
        persons = list(doc.spans.get("persons", []))
        self.person_at = {p.start: p for p in persons}
        self.title_at = {t.start: t for t in doc.spans.get("titles", [])}
        self.roles: list[Span] = []
        self.records: list[dict] = []
        self.unit_splits: dict[int, tuple[int, int]] = {}  # mention start -> (unit end, parent)
        used: set[int] = set()  # title starts already linked

        for person in persons:
            for rule_id, phrases in (
                ("role.title_before_name", self.before(doc, person)),
                ("role.name_comma_title", self.after_comma(doc, person)),
                ("role.name_paren_title", self.in_parens(doc, person)),
                ("role.appointed_as", self.appointed(doc, person)),
            ):
                for phrase in phrases:
                    if phrase.start in used:
                        continue
                    used.add(phrase.start)
                    self.add(doc, phrase, person, rule_id)
                    if phrase.plural and rule_id == "role.title_before_name":
                        for other in self.listed_after(doc, person):
                            self.add(doc, phrase, other, "role.title_list")
        for title in doc.spans.get("titles", []):
            if title.start in used:
                continue
            holder = self.pronoun_appointed(doc, title)
            if holder is not None:
                used.add(title.start)
                phrase = self.phrase(doc, title)
                self.add(doc, phrase, holder, "role.pronoun_appointed")
                continue
            phrase = self.phrase(doc, title)
            if phrase.org is None:
                phrase.org = self.possessive_reference(doc, title.start)
            j = phrase.stop
            if j < len(doc) and doc[j].text == ",":
                j += 1
                while j < len(doc) and self.is_honorific(doc[j].text):
                    j += 1
                if j in self.person_at:
                    used.add(title.start)
                    self.add(doc, phrase, self.person_at[j], "role.title_comma_name")
        self.organizations_from_context(doc)
        doc.spans["roles"] = sorted(self.roles)
        if self.unit_splits:
            doc.spans["orgs"] = self.split_units(doc)
        doc._.roles = sorted(self.records, key=lambda r: (r["title"], r["person"]))
        return doc

    def is_honorific(self, text: str) -> bool:
        """Mr., Dr., Prof., ... with or without the dot."""
        return text.lower().rstrip(".") in self.lex.honorific_stems

    # -- title phrases --------------------------------------------------------------------
    def phrase(self, doc: Doc, title: Span) -> TitlePhrase:
        """Extend a lexicon title over its complement and find its organization."""
        end = title.end
        org: Offsets | None = None
        stop = end
        while end < len(doc):
            prep = doc[end].lower_
            k = end + 1
            while k < len(doc) and doc[k].lower_ == "the":
                k += 1
            if prep in self.lex.title_org_preps and k in self.orgs_at:
                mention = self.orgs_at[k]
                end, org, stop = self.unit_or_org(doc, end, mention)
                break
            if prep in self.lex.title_org_preps and k > end + 1 and self.generic_head(doc, k):
                # "Honorary Professor of the University": assembly resolves the reference
                org, stop = (doc[end + 1].idx, doc[k].idx + len(doc[k])), k + 1
                break
            short = self.short_name_at(doc, k) if prep in self.lex.title_org_preps else None
            if short is not None:  # "Vice-President ... of Rheinfeld": a short form of a name
                org, stop = (doc[k].idx, doc[short - 1].idx + len(doc[short - 1])), short
                break
            if prep == "of":  # "Professor of Economics": a complement that is not an organization
                comp = self.complement_end(doc, k)
                if comp > k:
                    end = stop = comp
                    continue
            break
        if (
            org is not None
            and stop + 2 < len(doc)
            and doc[stop].text == "("
            and doc[stop + 2].text == ")"
        ):
            stop += 3  # "Rector of Kama State Technological University (KSTU) Rustem Galiev"
        return TitlePhrase(title.start, end, stop, org, plural=title.label_ == "TITLE_PLURAL")

    def short_name_at(self, doc: Doc, k: int) -> int | None:
        """End of a capitalised run at ``k`` that begins exactly one organization's name
        ("Rheinfeld" of "Rheinfeld University of Applied Sciences"), or None. The run ends
        before a lower-case word or a person's name ("Managing Director of QazSu Energy Daniyar
        Zhaksylykov", with "QazSu Energy LLP" named in the text)."""
        limit = k
        while limit < len(doc) and limit - k < 3 and doc[limit].is_alpha:
            if not doc[limit].text[:1].isupper():
                break
            limit += 1
        for end in range(limit, k, -1):
            if end < len(doc) and doc[end].text[:1].isupper() and end not in self.person_at:
                continue
            if self.begins_one_name(doc, k, end):
                return end
        return None

    def short_name_before(self, doc: Doc, end: int) -> int | None:
        """Start of a capitalised run of up to three words ending at ``end`` that begins
        exactly one organization's name ("Tongji" in "Tongji Vice President X", with "Tongji
        University" named in the text), or None."""
        for k in range(end - 1, max(end - 4, -1), -1):
            if not (doc[k].is_alpha and doc[k].text[:1].isupper()):
                return None
            if (k == 0 or not doc[k - 1].text[:1].isupper()) and self.begins_one_name(doc, k, end):
                return k
        return None

    def begins_one_name(self, doc: Doc, start: int, end: int) -> bool:
        """Whether ``doc[start:end]`` begins the name of exactly one organization mentioned in
        the text, and is not that whole name."""
        words = [t.text for t in doc[start:end]]
        owners = {
            s.text
            for s in self.orgs_at.values()
            if len(s) > len(words) and [t.text for t in s[: len(words)]] == words
        }
        return len(owners) == 1

    def unit_or_org(self, doc: Doc, end: int, mention: Span) -> tuple[int, Offsets, int]:
        """Return (title end, organization offsets, phrase stop) for "TITLE of <mention>".

        When the mention is a unit of a parent ("Department of X of PoliRomagna", or "Institute
        of Y" followed by "at ELUT"), the unit joins the title and the parent is the organization.
        """
        offsets = (mention.start_char, mention.end_char)
        if not self.is_unit(mention):
            return end, offsets, mention.end
        for m in range(mention.start + 1, mention.end - 1):
            if doc[m].lower_ in {"of", "at"}:
                parent = m + 1
                while parent < mention.end and doc[parent].lower_ == "the":
                    parent += 1
                if parent < mention.end and self.opens_name(doc, parent, mention.end):
                    if self.research_unit(mention) and self.academy_parent(
                        doc, parent, mention.end
                    ):
                        break  # an institute of an academy is an organization of its own
                    self.unit_splits[mention.start] = (m, parent)
                    return m, (doc[parent].idx, mention.end_char), mention.end
        after = mention.end
        if after + 1 < len(doc) and doc[after].text == "," and self.is_unit(mention):
            # "Dean of the College of Engineering, PNU;": the parent after a comma
            parent_mention = self.orgs_at.get(after + 1)
            closes = parent_mention is not None and (
                parent_mention.end >= len(doc)
                or doc[parent_mention.end].is_punct
                or doc[parent_mention.end].is_space
            )
            if closes and not self.is_unit(parent_mention):
                return (
                    after,
                    (parent_mention.start_char, parent_mention.end_char),
                    parent_mention.end,
                )
        if after + 1 < len(doc) and doc[after].lower_ in {"of", "at"}:
            k = after + 1
            while k < len(doc) and doc[k].lower_ == "the":
                k += 1
            parent_mention = self.orgs_at.get(k)
            if parent_mention is not None:
                return (
                    after,
                    (parent_mention.start_char, parent_mention.end_char),
                    parent_mention.end,
                )
        return end, offsets, mention.end

    # -- organizations given by the sentence ----------------------------------------------
    def organizations_from_context(self, doc: Doc) -> None:
        """Give a role without an organization the one its sentence ties it to.

        In order: the organization a possessive before the title refers to ("Vavilov Reagents
        LLC, whose General Director X"; "... Hanbit Quantum Devices Co., Ltd. Its CEO, Y"); an
        earlier title of the same coordination ("TPU Rector A and Vice-Rectors B
        and C", "X, Vice-Chancellor of NUET, and the Dean of Academic Affairs, Y"); the
        organization of a delegation the title holder leads ("A delegation from CUPB, led by
        Vice President Guo"; "a CSU delegation headed by ..."); "on behalf of ORG" ("Greetings
        on behalf of the Ministry ... were delivered by Vice Minister X"); the host of a visit
        ("X visited Hacettepe University. The guests were received by Rector Y"); last, for a
        university's own post ("Vice-Rectors A and B", "Vice President C"), the university the
        text is about at that point, as "the University" would be read.
        """
        records = sorted(self.records, key=lambda r: r["title"])
        for k, record in enumerate(records):
            if record["org"] is not None:
                continue
            title = doc.char_span(*record["title"], alignment_mode="expand")
            if title is None:
                continue
            record["org"] = (
                self.from_possessive(doc, title)
                or self.from_coordination(doc, title, records[:k])
                or self.from_delegation(doc, title)
                or self.from_on_behalf(doc, title)
                or self.from_host(doc, title)
                or self.from_represented(doc, record)
                or self.mission_in_focus(doc, title, plural=record["plural"])
            )
            if record["org"] is None:
                record["org"] = self.university_in_focus(doc, title, plural=record["plural"])
                # A guess from the context, not from the sentence: assembly lets a link the
                # text states for the same person and title win over it.
                record["guessed_org"] = record["org"] is not None

    def from_possessive(self, doc: Doc, title: Span) -> Offsets | None:
        """ "ORG, whose TITLE": the organization right before the relative pronoun. "Its TITLE":
        the nearest organization (or "the company"-style reference) before it, in this sentence
        or the one before."""
        j = title.start
        if j == 0:
            return None
        word = doc[j - 1].lower_
        if word in self.lex.relative_possessives:
            k = j - 1
            if k > 0 and doc[k - 1].text == ",":
                k -= 1
            mention = self.orgs_end.get(k)
            if mention is not None:
                return (mention.start_char, mention.end_char)
            return self.generic_reference_ending(doc, k)
        if word in self.lex.possessive_pronouns:
            for k in range(j - 1, self.window_start(doc, title), -1):
                mention = self.orgs_end.get(k)
                if mention is not None:
                    return (mention.start_char, mention.end_char)
                reference = self.generic_reference_ending(doc, k)
                if reference is not None:
                    return reference
        return None

    def generic_reference_ending(self, doc: Doc, end: int) -> Offsets | None:
        """ "the company" / "the University" ending at token ``end`` (exclusive), as offsets
        for assembly to resolve, or None."""
        if end < 2 or doc[end - 2].lower_ != "the":
            return None
        head = doc[end - 1]
        if head.text.capitalize() not in self.lex.org_heads:
            return None
        return (doc[end - 2].idx, head.idx + len(head))

    def from_represented(self, doc: Doc, record: dict) -> Offsets | None:
        """ "First Deputy Minister X represented the Ministry of ...": the organization the
        title holder represents, in the same sentence right after the name."""
        person = doc.char_span(*record["person"], alignment_mode="expand")
        if person is None:
            return None
        j = person.end
        if j < len(doc) and doc[j].text == ",":
            j += 1  # "X, representing the Ministry, ..."
        if j < len(doc) and doc[j].lower_ in self.lex.represent_verbs:
            return self.org_at(doc, j + 1)
        return None

    def university_in_focus(self, doc: Doc, title: Span, plural: bool) -> Offsets | None:
        """For a university post, the closest university mentioned before the title."""
        if not self.is_post(title, plural, self.lex.university_posts):
            return None
        before = [s for s in self.orgs_end.values() if s.end <= title.start]
        universities = [s for s in before if s._.org_type == "university"]
        if not universities:
            return None
        closest = max(universities, key=lambda s: s.end)
        return (closest.start_char, closest.end_char)

    def mission_in_focus(self, doc: Doc, title: Span, plural: bool) -> Offsets | None:
        """For a diplomat's post ("Ambassador", "Consul"), the embassy or consulate named
        closest before the title in its sentence or the one before ("The visit was supported
        by the Embassy of India in Muscat. Ambassador X said ..."), else after it in its
        sentence ("Consul X of the Consulate General ...")."""
        if not self.is_post(title, plural, self.lex.mission_posts):
            return None
        start, end = self.window_start(doc, title), title.sent.end
        missions = [
            s
            for s in self.orgs_end.values()
            if start <= s.start and s.end <= end and self.names_mission(s)
        ]
        before = [s for s in missions if s.end <= title.start]
        after = [s for s in missions if s.start >= title.end]
        if before:
            chosen = max(before, key=lambda s: s.end)
        elif after:
            chosen = min(after, key=lambda s: s.start)
        else:
            return None
        return (chosen.start_char, chosen.end_char)

    def names_mission(self, mention: Span) -> bool:
        """An organization whose name holds a diplomatic mission's head ("Embassy")."""
        words = [t.text for t in mention]
        return any(
            tuple(words[k : k + len(head)]) == head
            for head in self.lex.mission_heads
            for k in range(len(words) - len(head) + 1)
        )

    @staticmethod
    def is_post(title: Span, plural: bool, posts: frozenset[str]) -> bool:
        """Whether the title is one of ``posts`` (title keys), or ends in one ("Deputy ...")."""
        words = [t.text for t in title if t.text != "-"]
        if plural and words[-1].endswith("s"):
            words[-1] = words[-1][:-1]
        key = title_key(words)
        return any(key == post or key.endswith(" " + post) for post in posts)

    def from_coordination(self, doc: Doc, title: Span, earlier: list[dict]) -> Offsets | None:
        sentence = title.sent
        for record in reversed(earlier):
            if record["org"] is None or record["title"][0] < sentence.start_char:
                continue
            if record["title"][1] > title.start_char:
                continue  # the same title (a list) or an overlapping one
            between = doc.char_span(record["title"][1], title.start_char, alignment_mode="expand")
            if between is None or not any(t.lower_ == "and" for t in between):
                return None
            if any(
                s.start >= between.start and s.end <= between.end for s in self.orgs_at.values()
            ):
                if not any(
                    (s.start_char, s.end_char) == record["org"] for s in self.orgs_at.values()
                ):
                    return None  # another organization stands between the two titles
            return record["org"]
        return None

    def after_phrase(self, doc: Doc, title: Span, phrases) -> int | None:
        """Where the title (with its honorifics) starts, when one of ``phrases`` ("led by",
        "received by") stands right before it; else None."""
        j = title.start
        while j > 0 and self.is_honorific(doc[j - 1].text):
            j -= 1
        return j if tuple(t.lower_ for t in doc[max(0, j - 2) : j]) in phrases else None

    @staticmethod
    def window_start(doc: Doc, title: Span) -> int:
        """The start of the sentence before the title's: context may be one sentence back."""
        first = title.sent.start
        return doc[first - 1].sent.start if first > 0 else first

    def org_at(self, doc: Doc, m: int) -> Offsets | None:
        """The organization mention at token ``m`` (after an optional "the"), as offsets."""
        while m < len(doc) and doc[m].lower_ == "the":
            m += 1
        mention = self.orgs_at.get(m)
        return (mention.start_char, mention.end_char) if mention is not None else None

    def from_delegation(self, doc: Doc, title: Span) -> Offsets | None:
        """ "A delegation from CUPB, led by Vice President X"; "a CSU delegation headed by"."""
        j = self.after_phrase(doc, title, self.lex.led_by)
        if j is None:
            return None
        for k in range(j - 3, self.window_start(doc, title) - 1, -1):
            if doc[k].lower_ not in self.lex.delegation_words:
                continue
            before = self.orgs_end.get(k)  # "a CSU delegation"
            if before is not None:
                return (before.start_char, before.end_char)
            if k + 1 < len(doc) and doc[k + 1].lower_ in {"from", "of"}:
                after = self.org_at(doc, k + 2)  # "a delegation from the Department of ..."
                if after is not None:
                    return after
        return None

    def from_host(self, doc: Doc, title: Span) -> Offsets | None:
        """ "The delegation visited Hacettepe University. The guests were received by Rector
        X": the host the visitors came to."""
        j = self.after_phrase(doc, title, self.lex.host_verbs)
        if j is None:
            return None
        for k in range(j - 3, self.window_start(doc, title) - 1, -1):
            for verb in self.lex.visit_verbs:
                if tuple(t.lower_ for t in doc[k : k + len(verb)]) == verb:
                    host = self.org_at(doc, k + len(verb))
                    if host is not None:
                        return host
        return None

    def from_on_behalf(self, doc: Doc, title: Span) -> Offsets | None:
        """ "Greetings on behalf of the Ministry ... were delivered by Vice Minister X"."""
        n = max(len(p) for p in self.lex.on_behalf_of)
        for k in range(title.sent.start, title.start):
            if tuple(t.lower_ for t in doc[k : k + n]) in self.lex.on_behalf_of:
                org = self.org_at(doc, k + n)
                if org is not None:
                    return org
        return None

    def split_units(self, doc: Doc) -> list[Span]:
        """Replace "UNIT of PARENT" mentions named inside a title by the unit and the parent
        ("Director of the Department of X of PoliRomagna": "Department of X", "PoliRomagna")."""
        out = []
        for span in doc.spans["orgs"]:
            split = self.unit_splits.get(span.start)
            if split is None or span.end != self.orgs_at[span.start].end:
                out.append(span)
                continue
            unit_end, parent = split
            unit = Span(doc, span.start, unit_end, label="ORG", span_id="org.unit_in_title")
            whole = Span(doc, parent, span.end, label="ORG", span_id="org.parent_of_unit")
            unit._.org_type = "other"
            whole._.org_type = next(
                (kind for t in whole if (kind := self.lex.org_heads.get(t.text))), "other"
            )
            out.extend([unit, whole])
        return out

    def is_unit(self, mention: Span) -> bool:
        """True when the mention's first head noun names a unit (Department, Office, Lab, ...)."""
        for token in mention:
            if token.text in self.lex.org_heads:
                return token.text in self.lex.unit_heads
        return False

    def research_unit(self, mention: Span) -> bool:
        """True when the mention's first head is a research unit (Institute, Centre, Lab)."""
        for token in mention:
            if token.text in self.lex.org_heads:
                return self.lex.org_heads[token.text] == "research_institute"
        return False

    def academy_parent(self, doc: Doc, start: int, end: int) -> bool:
        """True when the parent is an academy, a Branch (of one), or only an acronym: research
        institutes of academies are organizations of their own."""
        for k in range(start, end):
            kind = self.lex.org_heads.get(doc[k].text)
            if doc[k].text == "Branch" or kind == "academy":
                return True
            if kind:
                return False
        return is_acronym(doc[start])

    def opens_name(self, doc: Doc, start: int, end: int) -> bool:
        """An organization name starts at ``start``: an acronym, or a head before any "of";
        not a field ("Energy Systems and Hydrogen Technologies")."""
        if end - start == 1 and is_acronym(doc[start]):
            return True
        if doc[start].text in self.lex.field_words:
            return False
        for k in range(start, end):
            if doc[k].lower_ in {"of", "for"}:
                return False
            if doc[k].text in self.lex.org_heads:
                return True
        return False

    def generic_head(self, doc: Doc, k: int) -> bool:
        """ "the University", "the institute" (a head noun alone, after "the"), not "the
        University of X"."""
        if k >= len(doc) or doc[k].text.capitalize() not in self.lex.org_heads:
            return False
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        return nxt is None or not (nxt.text[:1].isupper() or nxt.lower_ == "of")

    def complement_end(self, doc: Doc, k: int) -> int:
        """End of a complement such as "International Affairs" or "international cooperation"."""
        j = k
        while j < len(doc) and j - k < MAX_COMPLEMENT_TOKENS:
            token = doc[j]
            if j in self.orgs_at or j in self.person_at or j in self.title_at:
                break
            if token.is_punct and token.text not in {"-", "&"} or token.is_space or token.like_num:
                break
            if token.lower_ in self.lex.title_org_preps and j > k:
                break
            if token.is_stop and token.lower_ != "and" or self.is_honorific(token.text):
                break
            j += 1
        while j > k and doc[j - 1].lower_ in {"and", "-", "&"}:
            j -= 1
        return j

    def stack_from(self, doc: Doc, start: int) -> list[TitlePhrase]:
        """Titles joined by "and" or "," starting at token ``start``."""
        phrases = []
        j = start
        while j in self.title_at:
            phrase = self.phrase(doc, self.title_at[j])
            phrases.append(phrase)
            j = phrase.stop
            if j + 1 < len(doc) and doc[j].lower_ in {"and", ","} and j + 1 in self.title_at:
                j += 1
            else:
                break
        return phrases

    @staticmethod
    def fill_from_next(stack: list[TitlePhrase]) -> None:
        """ "Provost and Acting President of EUAS": a title without an organization takes the
        organization of the next title in the stack."""
        following: Offsets | None = None
        for phrase in reversed(stack):
            if phrase.org is None:
                phrase.org = following
            following = phrase.org

    # -- patterns -------------------------------------------------------------------------
    def before(self, doc: Doc, person: Span) -> list[TitlePhrase]:
        """``[ORG] TITLE (and TITLE)* [honorific] NAME``."""
        j = person.start
        while j > 0 and self.is_honorific(doc[j - 1].text):
            j -= 1
        for start in sorted((s for s in self.title_at if s < j), reverse=True):
            if start < j - MAX_STACK_TOKENS:
                break
            stack = self.stack_from(doc, start)
            if not stack or stack[-1].stop != j:
                continue
            stack = self.widen_stack(doc, start, stack)
            first = stack[0].start
            pre = self.orgs_end.get(first) or self._possessive_org(doc, first)
            short = self.short_name_before(doc, first) if pre is None else None
            if short is not None:  # "Tongji Vice President X": a short form of a name
                pre = doc[short:first]
            if pre is None and self.possessive_reference(doc, first):
                for phrase in stack:
                    phrase.org = phrase.org or self.possessive_reference(doc, first)
            # "Rector Ivan Petrov of Tomsk State University": the organization after the name
            post = self.org_after(doc, person.end) if pre is None else None
            outer = (pre.start_char, pre.end_char) if pre is not None else post
            for phrase in stack:
                if phrase.org is None:
                    phrase.org = outer
            self.fill_from_next(stack)
            return stack
        return []

    def widen_stack(self, doc: Doc, start: int, stack: list[TitlePhrase]) -> list[TitlePhrase]:
        """Extend a stack to titles joined before ``start`` by "and"."""
        earlier = start
        while True:
            for p in sorted((s for s in self.title_at if s < earlier), reverse=True):
                candidate = self.stack_from(doc, p)
                if candidate and any(ph.start == earlier for ph in candidate):
                    earlier, stack = p, candidate
                    break
            else:
                return stack

    def listed_after(self, doc: Doc, person: Span) -> list[Span]:
        """The names after ``person`` in a list: "Vice-Rectors A, B and C" -> B, C."""
        out = []
        j = person.end
        while j < len(doc) and doc[j].lower_ in LIST_JOINERS:
            k = j
            while k < len(doc) and doc[k].lower_ in LIST_JOINERS:
                k += 1
            while k < len(doc) and self.is_honorific(doc[k].text):
                k += 1
            nxt = self.person_at.get(k)
            if nxt is None:
                break
            out.append(nxt)
            j = nxt.end
        return out

    def org_after(self, doc: Doc, j: int) -> Offsets | None:
        """The organization in "of/at/from [the] ORG" starting at token ``j``, if any."""
        if j < len(doc) and doc[j].lower_ in self.lex.title_org_preps - {"with"}:
            k = j + 1
            while k < len(doc) and doc[k].lower_ == "the":
                k += 1
            mention = self.orgs_at.get(k)
            if mention is not None:
                return (mention.start_char, mention.end_char)
        return None

    def possessive_reference(self, doc: Doc, start: int) -> Offsets | None:
        """ "The company's Research Director": "The company", for assembly to resolve."""
        if start >= 3 and doc[start - 1].text in {"'s", "’s"}:
            return self.generic_reference_ending(doc, start - 1)
        return None

    def _possessive_org(self, doc: Doc, start: int) -> Span | None:
        if start >= 1 and doc[start - 1].text in {"'s", "’s"}:
            return self.orgs_end.get(start - 1)
        return None

    def after_comma(self, doc: Doc, person: Span) -> list[TitlePhrase]:
        """``NAME, [fillers] TITLE ...`` and following ``, [fillers] TITLE ...`` appositives.

        ", and the Dean ..." starts a new conjunct, not an apposition to this name.
        """
        out: list[TitlePhrase] = []
        title_first = self.after_title_comma(doc, person)
        j = person.end
        while j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].text in self.lex.post_nominals:
            j += 2  # "Petr Dvorak, Ph.D., Vice-Rector ..."
        while j < len(doc) and doc[j].text == ",":
            k = j + 1
            while k < len(doc) and doc[k].lower_ in FILLERS:
                k += 1
            stack = self.stack_from(doc, k)
            if not stack or (title_first and self.names_next(doc, stack[-1].stop)):
                # "the Vice-Chancellor of KNUST, A, the Vice-Chancellor of ABU, B": in a list
                # that gives titles first, a title followed by ", NAME" is that name's.
                break
            self.fill_from_next(stack)
            out.extend(stack)
            j = stack[-1].stop
        return out

    def after_title_comma(self, doc: Doc, person: Span) -> bool:
        """True when ``TITLE [of ORG], [honorifics]`` stands right before ``person``."""
        j = person.start
        while j > 0 and self.is_honorific(doc[j - 1].text):
            j -= 1
        if j == 0 or doc[j - 1].text != ",":
            return False
        comma = j - 1
        return any(
            self.phrase(doc, title).stop == comma
            for start, title in self.title_at.items()
            if comma - MAX_STACK_TOKENS <= start < comma
        )

    def names_next(self, doc: Doc, j: int) -> bool:
        """True when ``, [honorifics] NAME`` follows at token ``j``."""
        if j >= len(doc) or doc[j].text != ",":
            return False
        k = j + 1
        while k < len(doc) and self.is_honorific(doc[k].text):
            k += 1
        return k in self.person_at

    def in_parens(self, doc: Doc, person: Span) -> list[TitlePhrase]:
        """``NAME (TITLE of ORG)``."""
        j = person.end
        if j + 1 < len(doc) and doc[j].text == "(":
            k = j + 1
            while k < len(doc) and doc[k].lower_ in FILLERS:
                k += 1
            return self.stack_from(doc, k)
        return []

    def appointed(self, doc: Doc, person: Span) -> list[TitlePhrase]:
        """``NAME has been appointed (as) TITLE of ORG``; also ``NAME, who was appointed ...``
        and ``NAME, who is (the) TITLE ...``."""
        j = person.end
        if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "who":
            j += 2
            if j + 1 < len(doc) and doc[j].lower_ in COPULAS:
                k = j + 1
                while k < len(doc) and doc[k].lower_ in FILLERS:
                    k += 1
                if k in self.title_at:
                    stack = self.stack_from(doc, k)
                    self.fill_from_next(stack)
                    return stack
        while j < len(doc) and doc[j].lower_ in AUXILIARIES:
            j += 1
        k = self.after_appointment(doc, j)
        if k is not None:
            stack = self.stack_from(doc, k)
            self.fill_from_next(stack)
            return stack
        return []

    def after_appointment(self, doc: Doc, j: int) -> int | None:
        """Where the title starts after an appointment verb or phrase at ``j`` ("elected",
        "takes office as"), or None."""
        if j < len(doc) and doc[j].lower_ in APPOINTMENT_VERBS:
            k = j + 1
            while k < len(doc) and doc[k].lower_ in AUXILIARIES | FILLERS:
                k += 1
            return k
        for phrase in self.lex.appointment_phrases:
            if tuple(t.lower_ for t in doc[j : j + len(phrase)]) == phrase:
                return j + len(phrase)
        return None

    def pronoun_appointed(self, doc: Doc, title: Span) -> Span | None:
        """ "In January she was also elected Chair of ...": the title is the closest person's
        named before the pronoun (in this sentence or the one before)."""
        for k in range(title.sent.start, title.start):
            if doc[k].lower_ not in self.lex.subject_pronouns:
                continue
            j = k + 1
            while j < len(doc) and doc[j].lower_ in AUXILIARIES | {"also"}:
                j += 1
            if self.after_appointment(doc, j) != title.start:
                continue
            before = [p for p in self.person_at.values() if p.end <= k]
            window = self.window_start(doc, title)
            before = [p for p in before if p.start >= window]
            return max(before, key=lambda p: p.end) if before else None
        return None

    def add(self, doc: Doc, phrase: TitlePhrase, person: Span, rule_id: str) -> None:
        """Record that ``person`` holds ``phrase``."""
        span = Span(doc, phrase.start, phrase.end, label="ROLE", span_id=rule_id)
        self.roles.append(span)
        self.records.append(
            {
                "title": (span.start_char, span.end_char),
                "person": (person.start_char, person.end_char),
                "org": phrase.org,
                "rule_id": rule_id,
                "plural": phrase.plural,
                "guessed_org": False,
            }
        )


@Language.factory(
    "uninews_roles", assigns=["doc.spans"], default_config={"rules_dir": "", "local_rules": ""}
)
def make_roles(nlp: Language, name: str, rules_dir: str, local_rules: str) -> Roles:
    """Build the ``uninews_roles`` component."""
    return Roles(nlp, name, rules_dir=rules_dir, local_rules=local_rules)
