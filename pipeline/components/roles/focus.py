"""The organization in focus for a post that names none: the embassy or consulate of a
diplomat's post, and (a guess) the closest university before a university's post."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ...lexicons import title_key
from .phrases import Offsets


class OrganizationInFocus:
    """Find the mission or university a post belongs to from the text around it."""

    def university_in_focus(
        self, doc: Doc, title: Span, plural: bool, person: Offsets | None = None
    ) -> Offsets | None:
        """For a university post, the closest university mentioned before the title; for a
        post universities share with other bodies ("Director"), that university only when it
        is the organization named closest before the title."""
        if not self.is_post(title, plural, self.lex.university_posts):
            if not self.is_post(title, plural, self.lex.shared_posts):
                return None
            near = [s for s in self.orgs_end.values() if s.end <= title.start]
            if not near or max(near, key=lambda s: s.end)._.org_type != "university":
                return None
            if self.states_another(doc, title, person):
                return None
        if self.names_ambiguously(doc, title):
            return None
        before = [s for s in self.orgs_end.values() if s.end <= title.start]
        universities = [s for s in before if s._.org_type == "university"]
        if not universities:
            return None
        closest = max(universities, key=lambda s: s.end)
        return (closest.start_char, closest.end_char)

    def names_ambiguously(self, doc: Doc, title: Span) -> bool:
        """ "Nanjing Deputy Dean X" with two Nanjing universities named: the text names the
        organization, ambiguously, in a word before the title."""
        k = title.start - 1
        if k >= 0 and doc[k].is_alpha and doc[k].text[:1].isupper():
            return any(s[0].text == doc[k].text for s in self.orgs_at.values())
        return False

    def no_guess(self, doc: Doc, title: Span, person: Offsets | None) -> bool:
        """Whether the text itself leaves the title's organization open on purpose (named
        ambiguously, or "of a local firm"): then no context or scorer may guess one."""
        return self.names_ambiguously(doc, title) or self.states_another(doc, title, person)

    def states_another(self, doc: Doc, title: Span, person: Offsets | None) -> bool:
        """ "Managing Director X of a local engineering firm": the text states an organization
        of its own right after the title or the name, without naming it."""
        ends = [title.end]
        if person is not None:
            span = doc.char_span(*person, alignment_mode="expand")
            if span is not None:
                ends.append(span.end)
        return any(
            k + 1 < len(doc)
            and doc[k].lower_ in {"of", "at", "from"}
            and doc[k + 1].lower_ in {"a", "an", "another", "one"}
            for k in ends
        )

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
