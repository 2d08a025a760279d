"""Title phrases: a lexicon title extended over its complement, its organization, and stacks
of titles joined by "and" or ","."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..tokens import is_acronym
from .words import MAX_COMPLEMENT_TOKENS

Offsets = tuple[int, int]
#: Kinds of organization a bare "the University" before a name refers to as a whole.
INSTITUTION_TYPES = frozenset({"university", "academy", "research_institute", "government"})
#: Words that may stand between "and" and the next title of a stack.
STACK_FILLERS = frozenset({"former", "then", "current", "also"})


@dataclass
class TitlePhrase:
    """A title with its complement and organization (token indices; org as char offsets)."""

    start: int
    end: int  # end of the title text (complement and unit included)
    stop: int  # end of the whole phrase (organization included)
    org: Offsets | None
    plural: bool = False
    #: The title names the place it serves ("Governor-General of New Zealand", "Ambassador
    #: of Norway to Sweden"): a post of a country or region, which takes no organization
    #: from the titles around it.
    of_place: bool = False


class TitlePhrases:
    """Read title phrases and stacks (uses the per-document maps set by ``Roles.__call__``)."""

    def phrase(self, doc: Doc, title: Span) -> TitlePhrase:
        """Extend a lexicon title over its complement and find its organization."""
        end = title.end
        org: Offsets | None = None
        stop = end
        unit = self.unit_right_after(doc, end)
        if unit is not None:
            # "Dean Faculty of Law", "Manager ORIC": a unit written right after its post
            end, org, stop = self.unit_or_org(doc, end, unit)
        while org is None and end < len(doc):
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
        link = next((k for k in range(title.start + 1, end) if doc[k].lower_ in {"of", "to"}), end)
        of_place = org is None and self.names_place(doc, link + 1, end)
        return TitlePhrase(
            title.start, end, stop, org, plural=title.label_ == "TITLE_PLURAL", of_place=of_place
        )

    def unit_right_after(self, doc: Doc, end: int) -> Span | None:
        """The organization mention right at token ``end`` when it names a
        unit ("Faculty of Law") or is an acronym alone ("ORIC"): the title's unit."""
        mention = self.orgs_at.get(end)
        if mention is None:  # a line break between them is a token of its own
            return None
        if self.is_unit(mention) or (len(mention) == 1 and is_acronym(mention[0])):
            return mention
        return None

    def names_place(self, doc: Doc, start: int, end: int) -> bool:
        """Whether ``doc[start:end]`` (a title's complement after "of"/"to") names a country (the
        lexicon's, of up to four words) or a place the model tags as one."""
        words = [t.text for t in doc[start:end]]
        if any(t.ent_type_ == "GPE" for t in doc[start:end]):
            return True
        return any(
            self.lex.is_country(" ".join(words[i : i + n]))
            for i in range(len(words))
            for n in (1, 2, 3, 4)
            if i + n <= len(words) and words[i][:1].isupper()
        )

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

    def generic_head(self, doc: Doc, k: int) -> bool:
        """ "the University", "the institute" (a head noun alone, after "the"), not "the
        University of X"."""
        if k >= len(doc) or doc[k].text.capitalize() not in self.lex.org_heads:
            return False
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        head = doc[k].text.capitalize()
        if (
            nxt is not None
            and (self.is_honorific(nxt.text) or nxt.i in self.person_at)
            and self.lex.org_heads[head] in INSTITUTION_TYPES
            and head not in self.lex.unit_heads
        ):
            # "President of the University Dr Anna Berg": a name follows the institution
            # ("Head of the Library E.F. Titova" keeps its unit)
            return True
        return nxt is None or not (nxt.text[:1].isupper() or nxt.lower_ == "of")

    def stack_from(self, doc: Doc, start: int) -> list[TitlePhrase]:
        """Titles joined by "and" or "," starting at token ``start``."""
        phrases = []
        j = start
        while j in self.title_at:
            phrase = self.phrase(doc, self.title_at[j])
            phrases.append(phrase)
            j = phrase.stop
            k = j + 1
            while k < len(doc) and doc[k].lower_ in STACK_FILLERS:
                k += 1  # "Chancellor and former Governor-General"
            if k < len(doc) and doc[j].lower_ in {"and", ",", "&"} and k in self.title_at:
                j = k
            else:
                break
        return phrases

    @staticmethod
    def fill_from_next(stack: list[TitlePhrase]) -> None:
        """ "Provost and Acting President of EUAS": a title without an organization takes the
        organization of the next title in the stack."""
        following: Offsets | None = None
        for phrase in reversed(stack):
            if phrase.org is None and not phrase.of_place:
                phrase.org = following
            following = phrase.org

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
