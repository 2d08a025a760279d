"""Units inside an organization named in a title: "Director of the Department of X of
PoliRomagna" makes "Department of X" part of the title and PoliRomagna the organization; the
organization mention is then split into the unit and its parent."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..tokens import is_acronym
from .phrases import Offsets

#: Bodies of an organization that a title names with their organization ("Member of the
#: Standing Committee of X", "Chairman of the Board of Y").
GOVERNING_BODIES = frozenset({"Committee", "Board", "Council", "Presidium", "Senate"})


class OrganizationUnits:
    """Tell a unit of an organization from the organization, and split the mentions."""

    def unit_or_org(self, doc: Doc, end: int, mention: Span) -> tuple[int, Offsets, int]:
        """Return (title end, organization offsets, phrase stop) for "TITLE of <mention>".

        When the mention is a unit of a parent ("Department of X of PoliRomagna", or "Institute
        of Y" followed by "at ELUT"), the unit joins the title and the parent is the organization.
        """
        offsets = (mention.start_char, mention.end_char)
        if not (self.is_unit(mention) or self.governing_body(mention)):
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
            # a board or committee named in a title is part of the title, not a body of its own
            out.extend([whole] if self.governing_body(span) else [unit, whole])
        return out

    def is_unit(self, mention: Span) -> bool:
        """True when the mention's first head noun names a unit (Department, Office, Lab, ...)."""
        return self.first_head(mention) in self.lex.unit_heads

    def first_head(self, mention: Span) -> str | None:
        """The mention's first organization head noun, if any."""
        return next((t.text for t in mention if t.text in self.lex.org_heads), None)

    def governing_body(self, mention: Span) -> bool:
        """A board or committee of an organization ("Standing Committee of the Lakeside Party
        Committee", "Board of Riverton Science Park"): in "Member of the Board of X" the
        body joins the title, as a unit does, and X is the organization."""
        return self.first_head(mention) in GOVERNING_BODIES

    def research_unit(self, mention: Span) -> bool:
        """True when the mention's first head is a research unit (Institute, Centre, Lab)."""
        head = self.first_head(mention)
        return head is not None and self.lex.org_heads[head] == "research_institute"

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
