"""Appointments: "NAME has been appointed (as) TITLE", "NAME, who is TITLE", and "she was
also elected TITLE" (a pronoun for the person named before)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .phrases import TitlePhrase
from .words import APPOINTMENT_VERBS, AUXILIARIES, COPULAS, FILLERS


class Appointments:
    """Find titles given by an appointment verb or phrase."""

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
