"""The organization a sentence ties a role to when the title names none: an earlier title of
the same coordination, the organization the holder represents, a delegation the holder leads,
"on behalf of ORG", or the host of a visit (the order is in
:meth:`OrganizationContext.organizations_from_context`)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .phrases import Offsets


class OrganizationContext:
    """Give roles without an organization the one their sentence ties them to."""

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
            if record["org"] is not None or record["no_guess"]:
                continue  # stated, or a post of the place the title names
            title = doc.char_span(*record["title"], alignment_mode="expand")
            if title is None:
                continue
            record["org"] = (
                self.from_trailing_org(doc, record)
                or self.from_possessive(doc, title)
                or self.from_coordination(doc, title, records[:k])
                or self.from_delegation(doc, title)
                or self.from_delegation(doc, self.holder_before(doc, record, title))
                or self.from_on_behalf(doc, title)
                or self.from_host(doc, title)
                or self.from_host(doc, self.holder_before(doc, record, title))
                or self.from_represented(doc, record)
                or self.mission_in_focus(doc, title, plural=record["plural"])
            )
            if record["org"] is None and self.no_guess(doc, title, record["person"]):
                record["no_guess"] = True
            elif record["org"] is None:
                record["org"] = self.university_in_focus(
                    doc, title, plural=record["plural"], person=record["person"]
                )
                # A guess from the context, not from the sentence: assembly lets a link the
                # text states for the same person and title win over it.
                record["guessed_org"] = record["org"] is not None

    def from_trailing_org(self, doc: Doc, record: dict) -> Offsets | None:
        """ "Kwame Mensah, Chief of Staff, Lakeside Foundation;", "(Registrar, Faculty of Law,
        LU)": organizations written after the title, set off by commas, each one the parent of
        the one before; the last is the title's. The chain must end the phrase (a comma,
        semicolon, full stop, bracket, "and" or the line's end), so that "X, Rector, Lakeside
        University signed ..." is not read so."""
        title = doc.char_span(*record["title"], alignment_mode="expand")
        if title is None:
            return None
        j, chosen = title.end, None
        while j + 1 < len(doc) and doc[j].text in {",", "/"} and (j + 1) in self.orgs_at:
            mention = self.orgs_at[j + 1]
            chosen, j = mention, mention.end
        if chosen is None:
            return None
        if j < len(doc) and not (
            doc[j].text in {",", ";", ".", ")", "]"} or doc[j].lower_ == "and" or doc[j].is_space
        ):
            return None
        return (chosen.start_char, chosen.end_char)

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

    def from_delegation(self, doc: Doc, title: Span | None) -> Offsets | None:
        """ "A delegation from CUPB, led by Vice President X"; "a CSU delegation headed by";
        with the holder's name as ``title``, "a delegation of X led by NAME, TITLE"."""
        if title is None:
            return None
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

    def holder_before(self, doc: Doc, record: dict, title: Span) -> Span | None:
        """The holder's name when it stands right before the title ("NAME, TITLE"): the
        phrases that tie a title to an organization may precede the name instead ("a
        delegation of X led by NAME, TITLE")."""
        person = doc.char_span(*record["person"], alignment_mode="expand")
        if person is None or person.end > title.start or title.start - person.end > 2:
            return None
        return person

    def from_host(self, doc: Doc, title: Span | None) -> Offsets | None:
        """ "The delegation visited Hacettepe University. The guests were received by Rector
        X" (or "by X, Rector"): the host the visitors came to."""
        if title is None:
            return None
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
