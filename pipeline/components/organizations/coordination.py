"""Coordinated names: "Lanzhou University and Nanjing University" are two organizations,
"Science and Technology Department" is one."""

from __future__ import annotations

from spacy.tokens import Doc

from ..tokens import is_acronym, is_capitalised
from .words import COMPLEMENT_CONNECTORS, COORDINATORS, STRONG_COMPANY_HEADS, STRONG_TYPES


class Coordination:
    """Split a chain where "and" joins two organizations of their own."""

    def split_coordination(self, doc: Doc, chain: tuple[int, int]) -> list[tuple[int, int]]:
        """Split coordinated names: "A University and B Institute", "KFU and B University",
        "Unicamp and Gubkin University", "University of the Basque Country and Peter the Great
        ... University".

        These stay whole: "Science and Technology Department" (fields joined by "and"),
        "Institute of Energy Systems and Hydrogen Technologies" and "Institute of Oceanology and
        Marine Geophysics of the ... Academy" (inside an "of" complement, the words after "and"
        do not form a university, institute, academy or government body of their own).
        """
        start, end = chain
        parts = []
        left = start
        for k in range(start, end):
            if doc[k].lower_ not in COORDINATORS:
                continue
            if k + 1 < end and doc[k + 1].lower_ == "of":
                parts.append((left, k))  # "Ministry of A and of B Company": the chain ends here
                return parts
            right = k + 1
            while right < end and doc[right].lower_ == "the":
                right += 1
            if not self.names_org(doc, right, end):
                continue
            in_complement = any(doc[m].lower_ in COMPLEMENT_CONNECTORS for m in range(left, k))
            # inside a complement, the conjunct after "and" ends at the next "and": in
            # "Ministry of Education, Science and Innovation and Hill College", "Innovation"
            # names no organization
            until = next((m for m in range(right, end) if doc[m].lower_ in COORDINATORS), end)
            if in_complement and not self.names_org(doc, right, until):
                continue
            # A lone acronym after "and" is an organization of its own ("Politecnico di Milano
            # and USTC"), unless it is a known non-organization ("Physics and IT").
            strong = (
                self.strong_head(doc, right, end)
                or self.complemented_head(doc, right, end)
                or end - right == 1
                and is_acronym(doc[right])
                and doc[right].text.upper() not in self.lex.not_org_acronyms
            )
            if doc[k - 1].text in self.lex.venue_words:
                parts.append((left, k))  # "the Sun Yat-sen Memorial Hall and Kazan University"
                left = right
                continue
            if self.names_org(doc, self.name_start(doc, left, k), k):
                if in_complement and right == k + 1 and not strong:
                    continue
            elif not (strong and self.bare_name(doc, left, k)):
                continue
            parts.append((left, k))
            left = right
        parts.append((left, end))
        return parts

    def name_start(self, doc: Doc, start: int, end: int) -> int:
        """Past words before an "of" that hold no head ("Students of the National University
        of X"): where the name in ``doc[start:end]`` may start."""
        for k in range(start, end):
            if doc[k].text in self.lex.org_heads:
                return start
            if doc[k].lower_ in COMPLEMENT_CONNECTORS:
                while k + 1 < end and doc[k + 1].lower_ == "the":
                    k += 1
                return k + 1
        return start

    def strong_head(self, doc: Doc, start: int, end: int) -> bool:
        """The first head before any "of" names a university, institute, academy, government
        body or company (not a field-like "Technologies", "Systems")."""
        for k in range(start, end):
            if doc[k].lower_ in COMPLEMENT_CONNECTORS:
                return False
            kind = self.lex.org_heads.get(doc[k].text)
            if kind:
                return kind in STRONG_TYPES or doc[k].text in STRONG_COMPANY_HEADS
        return False

    def complemented_head(self, doc: Doc, start: int, end: int) -> bool:
        """A head noun with a complement of its own opens the words ("Graduate School of Policy
        Studies"): a name of its own, as in "College of Law & Graduate School of Policy
        Studies"; "Marine Geophysics of the Academy" and "Technology of Materials" are not."""
        for k in range(start, end - 1):
            if doc[k].lower_ in COMPLEMENT_CONNECTORS or doc[k].lower_ in COORDINATORS:
                return False
            if doc[k].text in self.lex.org_heads:
                return doc[k + 1].lower_ in {"of", "for"}
        return False

    def bare_name(self, doc: Doc, start: int, end: int) -> bool:
        """One or two capitalised words, not ending in a field ("Unicamp", "Zewail City";
        not "Gansu Science")."""
        words = doc[start:end]
        return (
            1 <= len(words) <= 2
            and all(is_capitalised(t) and t.is_alpha for t in words)
            and words[-1].text not in self.lex.field_words
        )

    def names_org(self, doc: Doc, start: int, end: int) -> bool:
        """True when ``doc[start:end]`` opens with an organization name of its own.

        That is a lone acronym, or a head noun before any "of"/"for" complement.
        """
        if (
            end - start >= 1
            and is_acronym(doc[start])
            and (end - start == 1 or doc[start + 1].lower_ in COORDINATORS)
        ):
            return True
        if is_acronym(doc[end - 1]) or doc[end - 1].text in self.lex.company_suffixes:
            return True  # "Rheinfeld UAS and ...", "Moselle Aciers SAS and ..."
        for k in range(start, end):
            if doc[k].lower_ in COMPLEMENT_CONNECTORS:
                return False
            if doc[k].text in self.lex.org_heads:
                return True
        return False
