"""Link job titles to the people who hold them and the organizations the posts belong to.

Each role is a span over the title phrase in ``doc.spans["roles"]`` with ``Span._.role_person``
(the person mention's char offsets) and ``Span._.role_org`` (the organization mention's char
offsets, or None). Patterns (ids on each span):

- ``role.title_before_name``: ``[ORG] TITLE (and TITLE)* NAME`` ("JITRI First Deputy Director
  Gao Jun"; "SPbPU Rector and Chairman of the X Branch Andrei Rudskoi": two roles).
- ``role.name_comma_title``: ``NAME, [the|currently an] TITLE ...`` and further appositives
  (", currently an intern at X").
- ``role.title_comma_name``: ``TITLE of ORG, NAME``.
- ``role.name_paren_title``: ``NAME (TITLE of ORG)``.
- ``role.appointed_as``: ``NAME has been appointed|elected|named (as) TITLE of ORG``.

A title phrase extends over "for <domain>" ("Vice-Rector for International Affairs") and over
"of <non-organization words>" ("Professor of Economics"); "of/at/in <ORG>" names the
organization; an organization written right before the title ("SPbPU Rector") is the
organization of every title in the stack that names none of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicons import Lexicons, load_lexicons
from .extensions import register_extensions

FILLERS = {
    "the",
    "a",
    "an",
    "currently",
    "also",
    "now",
    "and",
    "as",
    "its",
    "their",
    "our",
    "who",
    "is",
    "was",
}
APPOINTMENT_VERBS = {
    "appointed",
    "elected",
    "named",
    "became",
    "becomes",
    "serves",
    "served",
    "promoted",
    "reappointed",
}
AUXILIARIES = {
    "has",
    "have",
    "had",
    "been",
    "was",
    "were",
    "is",
    "will",
    "be",
    "recently",
    "newly",
    "officially",
    "as",
    "the",
    "to",
}
MAX_COMPLEMENT_TOKENS = 6


@dataclass
class TitlePhrase:
    """A title with its complement and organization, as token indices into the doc."""

    start: int
    end: int  # end of the title text (complement included)
    stop: int  # end of the whole phrase (organization included)
    org: Span | None


class Roles:
    """Attach title phrases to person mentions.

    Args:
        nlp: the pipeline.
        name: component name.
        rules_dir: the rules folder (titles lexicon).
    """

    def __init__(self, nlp: Language, name: str, *, rules_dir: str) -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicons = load_lexicons(rules_dir)
        self.honorific_stems = {h.rstrip(".") for h in self.lex.honorifics}

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["roles"]``."""
        self.orgs_at = {s.start: s for s in doc.spans.get("orgs", [])}
        self.orgs_end = {s.end: s for s in doc.spans.get("orgs", [])}
        # Surname-only mentions count too: a title is often given later ("Tursunova, who was
        # appointed Director ..."); assembly maps the mention to its person.
        persons = list(doc.spans.get("persons", []))
        self.person_at = {p.start: p for p in persons}
        self.person_end = {p.end: p for p in persons}
        self.title_at = {t.start: t for t in doc.spans.get("titles", [])}
        roles: list[Span] = []
        used: set[int] = set()  # title starts already linked

        for person in persons:
            for rule_id, phrases in (
                ("role.title_before_name", self.before(doc, person)),
                ("role.name_comma_title", self.after_comma(doc, person)),
                ("role.name_paren_title", self.in_parens(doc, person)),
                ("role.appointed_as", self.appointed(doc, person)),
            ):
                for phrase in phrases:
                    if phrase.start not in used:
                        used.add(phrase.start)
                        roles.append(self.role(doc, phrase, person, rule_id))
        for title in doc.spans.get("titles", []):
            if title.start in used:
                continue
            phrase = self.phrase(doc, title)
            j = phrase.stop
            if j < len(doc) and doc[j].text == "," and j + 1 in self.person_at:
                used.add(title.start)
                roles.append(self.role(doc, phrase, self.person_at[j + 1], "role.title_comma_name"))
        doc.spans["roles"] = sorted(roles)
        return doc

    # -- title phrases --------------------------------------------------------------------
    def phrase(self, doc: Doc, title: Span) -> TitlePhrase:
        """Extend a lexicon title over its complement and find its organization."""
        end = title.end
        org = None
        while end < len(doc):
            prep = doc[end].lower_
            k = end + 1
            while k < len(doc) and doc[k].lower_ == "the":
                k += 1
            if prep in self.lex.title_org_preps and k in self.orgs_at:
                org = self.orgs_at[k]
                break
            if prep == "of":  # "Professor of Economics": a complement that is not an organization
                comp = self.complement_end(doc, k)
                if comp > k:
                    end = comp
                    continue
            break
        stop = org.end if org is not None else end
        if (
            org is not None
            and stop + 2 < len(doc)
            and doc[stop].text == "("
            and doc[stop + 2].text == ")"
        ):
            stop += 3  # "Rector of Kama State Technological University (KSTU) Rustem Galiev"
        return TitlePhrase(title.start, end, stop, org)

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
            if token.is_stop and token.lower_ not in {"and"}:
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

    # -- patterns -------------------------------------------------------------------------
    def before(self, doc: Doc, person: Span) -> list[TitlePhrase]:
        """``[ORG] TITLE (and TITLE)* [honorific] NAME``."""
        j = person.start
        while j > 0 and doc[j - 1].text.lower().rstrip(".") in self.honorific_stems:
            j -= 1
        # walk back over the stack: find the earliest title start whose stack ends at j
        for start in sorted((s for s in self.title_at if s < j), reverse=True):
            stack = self.stack_from(doc, start)
            if stack and stack[-1].stop == j:
                earlier = start
                while True:  # extend to titles joined before this one by "and"
                    prev = [s for s in self.title_at if s < earlier]
                    found = False
                    for p in sorted(prev, reverse=True):
                        st = self.stack_from(doc, p)
                        if st and any(ph.start == earlier for ph in st):
                            earlier, stack, found = p, st, True
                            break
                    if not found:
                        break
                pre_org = self.orgs_end.get(stack[0].start) or self._possessive_org(
                    doc, stack[0].start
                )
                # "Rector Ivan Petrov of Tomsk State University": the organization after the name
                post_org = self.org_after(doc, person.end) if pre_org is None else None
                for phrase in stack:
                    if phrase.org is None:
                        phrase.org = pre_org or post_org
                return stack
            if start < j - 40:
                break
        return []

    def org_after(self, doc: Doc, j: int) -> Span | None:
        """The organization in "of/at/from [the] ORG" starting at token ``j``, if any."""
        if j < len(doc) and doc[j].lower_ in self.lex.title_org_preps - {"with"}:
            k = j + 1
            while k < len(doc) and doc[k].lower_ == "the":
                k += 1
            return self.orgs_at.get(k)
        return None

    def _possessive_org(self, doc: Doc, start: int) -> Span | None:
        if start >= 1 and doc[start - 1].text in {"'s", "’s"}:
            return self.orgs_end.get(start - 1)
        return None

    def after_comma(self, doc: Doc, person: Span) -> list[TitlePhrase]:
        """``NAME, [fillers] TITLE ...`` and following ``, [fillers] TITLE ...`` appositives."""
        out: list[TitlePhrase] = []
        j = person.end
        while j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].text in self.lex.post_nominals:
            j += 2  # "Petr Dvorak, Ph.D., Vice-Rector ..."
        while j < len(doc) and doc[j].text == ",":
            k = j + 1
            while k < len(doc) and doc[k].lower_ in FILLERS:
                k += 1
            stack = self.stack_from(doc, k)
            if not stack:
                break
            out.extend(stack)
            j = stack[-1].stop
        return out

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
        """``NAME has been appointed (as) TITLE of ORG``; also ``NAME, who was appointed ...``."""
        j = person.end
        if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "who":
            j += 2
        while j < len(doc) and doc[j].lower_ in AUXILIARIES:
            j += 1
        if j < len(doc) and doc[j].lower_ in APPOINTMENT_VERBS:
            k = j + 1
            while k < len(doc) and doc[k].lower_ in AUXILIARIES | FILLERS:
                k += 1
            return self.stack_from(doc, k)
        return []

    def role(self, doc: Doc, phrase: TitlePhrase, person: Span, rule_id: str) -> Span:
        """Build the role span for ``phrase`` held by ``person``."""
        span = Span(doc, phrase.start, phrase.end, label="ROLE", span_id=rule_id)
        span._.role_person = (person.start_char, person.end_char)
        span._.role_org = (
            (phrase.org.start_char, phrase.org.end_char) if phrase.org is not None else None
        )
        return span


@Language.factory("uninews_roles", assigns=["doc.spans"], default_config={"rules_dir": ""})
def make_roles(nlp: Language, name: str, rules_dir: str) -> Roles:
    """Build the ``uninews_roles`` component."""
    return Roles(nlp, name, rules_dir=rules_dir)
