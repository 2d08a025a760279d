"""The patterns that tie title phrases to a person's name: title before the name, name and
comma and title, name and title in parentheses, and the names of a list."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ...lexicons import title_key
from .phrases import Offsets, TitlePhrase
from .words import (
    APPOSITION_JOINERS,
    FILLERS,
    LIST_JOINERS,
    MAX_STACK_TOKENS,
    POSSESSIVE_MARKS,
)


class RolePatterns:
    """Find the title phrases a person mention holds, pattern by pattern."""

    def before(self, doc: Doc, person: Span) -> list[TitlePhrase]:
        """``[ORG] TITLE (and TITLE)* [honorific] NAME``."""
        j = person.start
        while j > 0 and self.honorific_at(doc, j - 1):
            j -= 1  # "Rector prof. dr hab. X": honorifics, their dots split off
        for start in sorted((s for s in self.title_at if s < j), reverse=True):
            if start < j - MAX_STACK_TOKENS:
                break
            stack = self.stack_from(doc, start)
            if not stack or stack[-1].stop != j:
                continue
            earlier = self.title_before_rank(doc, stack)
            if earlier is not None:
                return [earlier]
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
                if phrase.org is None and not phrase.of_place:
                    phrase.org = outer
            self.fill_from_next(stack)
            return [p for p in stack if not self.honorific_rank(doc, p, stack)]
        return []

    def title_before_rank(self, doc: Doc, stack: list[TitlePhrase]) -> TitlePhrase | None:
        """ "Vice-Chancellor of Lakeside University Professor Anna Berg": a rank right before
        the name, after a title that ends in its organization, is an honorific; the title is
        the name's, and the organization is not the rank's."""
        if len(stack) != 1 or stack[0].org is not None:
            return None
        rank = stack[0]
        words = [t.text for t in doc[rank.start : rank.end] if t.text != "-"]
        if title_key(words) not in self.lex.honorific_ranks:
            return None
        for start in range(max(0, rank.start - MAX_STACK_TOKENS), rank.start):
            title = self.title_at.get(start)
            if title is None:
                continue
            phrase = self.phrase(doc, title)
            if phrase.stop == rank.start and phrase.org is not None:
                return phrase
        return None

    def honorific_rank(self, doc: Doc, phrase: TitlePhrase, stack: list[TitlePhrase]) -> bool:
        """ "Vice-Chancellor, Professor Ada Obi said": a rank right before the name, with no
        organization stated for it, is an honorific, not a role ("Professor Ada Obi of Lagos
        University" states one)."""
        if phrase is not stack[-1] or phrase.org is not None:
            return False
        words = [t.text for t in doc[phrase.start : phrase.end] if t.text != "-"]
        return title_key(words) in self.lex.honorific_ranks

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

    def after_comma(self, doc: Doc, person: Span) -> list[TitlePhrase]:
        """``NAME, [fillers] TITLE ...`` and following ``, [fillers] TITLE ...`` appositives.

        ", and the Dean ..." starts a new conjunct, not an apposition to this name.
        """
        out: list[TitlePhrase] = []
        title_first = self.after_title_comma(doc, person)
        j = person.end
        while j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].text in self.lex.post_nominals:
            j += 2  # "Petr Dvorak, Ph.D., Vice-Rector ..."
        while j < len(doc) and doc[j].text in APPOSITION_JOINERS:
            joiner = doc[j].text
            k = j + 1
            while k < len(doc) and doc[k].lower_ in FILLERS:
                k += 1
            possessor, k = self.possessor_at(doc, j + 1, k)
            if possessor is None:
                possessor, k = self.org_before_post(k)  # "Dr. Halvorsen, HU Vice-Chancellor"
            stack = self.stack_from(doc, k)
            unit = self.orgs_at.get(k) if out and not stack and possessor is None else None
            if unit is not None and unit.end < len(doc) and doc[unit.end].text in {";", "&"}:
                j = unit.end  # "A, Dean, Department of X; Director, ...": past the post's unit
                continue
            if not stack or (title_first and self.names_next(doc, stack[-1].stop)):
                # "the Vice-Chancellor of KNUST, A, the Vice-Chancellor of ABU, B": in a list
                # that gives titles first, a title followed by ", NAME" is that name's.
                break
            if joiner != "," and self.names_follow(doc, stack[-1].stop):
                # "A, Dean of X; Director of Y, B": after a semicolon, a title followed by a
                # name is that name's; else it is one more post of A ("A, Dean, Department of
                # X; Director, Y Center")
                break
            for phrase in stack:
                phrase.org = phrase.org or possessor
            self.fill_from_next(stack)
            out.extend(stack)
            j = stack[-1].stop
        return out

    def possessor_at(self, doc: Doc, first: int, k: int) -> tuple[Offsets | None, int]:
        """ "X, Lakeside's executive vice president", "X, the university's president": the
        organization (or the reference to one) whose post follows, and where the post starts;
        ``(None, k)`` when no possessive stands at ``k``."""
        mention = self.orgs_at.get(k)
        end = mention.end if mention is not None else k + 1
        if end < len(doc) and doc[end].text in POSSESSIVE_MARKS:
            if mention is not None:
                return (mention.start_char, mention.end_char), end + 1
            if doc[k].text.capitalize() in self.lex.org_heads:
                start = k - 1 if k > first and doc[k - 1].lower_ == "the" else k
                return (doc[start].idx, doc[k].idx + len(doc[k])), end + 1
        return None, k

    def after_title_comma(self, doc: Doc, person: Span) -> bool:
        """True when ``TITLE [of ORG], [honorifics]`` stands right before ``person``."""
        j = person.start
        while j > 0 and self.is_honorific(doc[j - 1].text):
            j -= 1
        if j == 0 or doc[j - 1].text != ",":
            return False
        comma = j - 1
        for start, title in self.title_at.items():
            if comma - MAX_STACK_TOKENS <= start < comma and self.phrase(doc, title).stop == comma:
                # "Mr. A, State Secretary of X, Mr. B, Director of Y": that title is the
                # appositive of the name before it, so the list gives names first
                return not self.after_name_comma(doc, start)
        return False

    def after_name_comma(self, doc: Doc, start: int) -> bool:
        """True when ``NAME, [fillers]`` stands right before token ``start``."""
        k = start
        while k > 0 and doc[k - 1].lower_ in FILLERS:
            k -= 1
        return (
            k > 1
            and doc[k - 1].text == ","
            and any(p.end == k - 1 for p in self.person_at.values())
        )

    def names_follow(self, doc: Doc, j: int) -> bool:
        """True when a name, or ``, [honorifics] NAME``, follows at token ``j``."""
        k = j
        while k < len(doc) and self.is_honorific(doc[k].text):
            k += 1
        return k in self.person_at or self.names_next(doc, j)

    def names_next(self, doc: Doc, j: int) -> bool:
        """True when ``, [honorifics] NAME`` follows at token ``j``."""
        if j >= len(doc) or doc[j].text != ",":
            return False
        k = j + 1
        while k < len(doc) and self.is_honorific(doc[k].text):
            k += 1
        return k in self.person_at

    def in_parens(self, doc: Doc, person: Span) -> list[TitlePhrase]:
        """``NAME (TITLE of ORG)``; ``NAME (the ORG TITLE)``."""
        j = person.end
        if j + 1 < len(doc) and doc[j].text == "(":
            k = j + 1
            while k < len(doc) and doc[k].lower_ in FILLERS:
                k += 1
            owner, k = self.org_before_post(k)
            stack = self.stack_from(doc, k)
            for phrase in stack:
                phrase.org = phrase.org or owner
            return stack
        return []

    def before_parens(self, doc: Doc, person: Span) -> list[TitlePhrase]:
        """``TITLE [of ORG|ORG] ([honorifics] NAME)``, as photo captions write it ("From left,
        President Lakeside University (Mr. Kenji SATO), Governor of Riverton (Mr. ...)")."""
        j = person.start
        while j > 0 and self.honorific_at(doc, j - 1):
            j -= 1
        if j == 0 or doc[j - 1].text != "(":
            return []
        paren = j - 1
        for start in sorted((s for s in self.title_at if s < paren), reverse=True):
            if start < paren - MAX_STACK_TOKENS:
                break
            stack = self.stack_from(doc, start)
            if not stack:
                continue
            org = None
            if stack[-1].stop != paren:
                mention = self.orgs_at.get(stack[-1].stop)  # "President Lakeside University"
                if mention is None or mention.end != paren:
                    continue
                org = (mention.start_char, mention.end_char)
            for phrase in stack:
                if phrase.org is None and not phrase.of_place:
                    phrase.org = org
            self.fill_from_next(stack)
            return stack
        return []

    def right_after(self, doc: Doc, person: Span) -> list[TitlePhrase]:
        """``NAME TITLE`` with no comma, as lists of guests write it ("Dr. Anna Berg Director
        of Research, Tomas Holm Counselor for Public Affairs"): a title that starts right after
        the name and ends the phrase (a comma, a stop, a bracket, "and", the line's end), so
        that it is not the title before a next name."""
        j = person.end
        if j not in self.title_at:  # a line break would be a token of its own
            return []
        stack = self.stack_from(doc, j)
        if not stack:
            return []
        stop = stack[-1].stop
        if stop < len(doc) and not (
            doc[stop].text in {",", ";", ".", ")", "and", "&"} or doc[stop].is_space
        ):
            return []
        self.fill_from_next(stack)
        return stack

    def org_before_post(self, k: int) -> tuple[Offsets | None, int]:
        """An organization at token ``k`` written right before a title ("HU Vice-Chancellor",
        "the Lakeside University rector"): its offsets and where the title starts; else
        ``(None, k)``."""
        org = self.orgs_at.get(k)
        if org is not None and org.end in self.title_at:
            return (org.start_char, org.end_char), org.end
        return None, k
