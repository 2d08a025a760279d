"""The model's ORG entities: trimmed to the organization's name, or dropped when they name
a place, a field, a degree, an award or a dateline."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..tokens import has_cyrillic, is_acronym, is_capitalised, is_initial, token_lowers, token_texts
from .words import COMPLEMENT_CONNECTORS, JOINERS


class NerOrganizations:
    """Clean the model's ORG entities."""

    def clean_ner(self, doc: Doc, ent: Span, blocked: set[int]) -> Span | None:
        """Trim an ORG entity to the organization's name, or None when it is not one."""
        texts, lowers = token_texts(doc), token_lowers(doc)
        connectors = self.lex.org_connectors
        start, end = ent.start, ent.end
        while start < end and (lowers[start] in {"the", "a", "an"} or doc[start].is_punct):
            start += 1
        cut = start
        while cut < end and cut not in blocked:
            text = texts[cut]
            if text in {"'s", "’s", ",", "(", ")"} or text in self.lex.headline_verbs:
                break
            token = doc[cut]
            if token.is_space or (token.is_lower and lowers[cut] not in connectors and text != "-"):
                break
            cut += 1
        end = cut
        while end > start and (lowers[end - 1] in connectors or doc[end - 1].is_punct):
            end -= 1
        for k in range(start + 1, end - 1):
            # "Kanysh Satbayev Hall of Satbayev University": a hall of an organization is not
            # part of the organization's name
            if lowers[k] in COMPLEMENT_CONNECTORS and texts[k - 1] in self.lex.venue_words:
                start = k + 1
                while start < end and lowers[start] == "the":
                    start += 1
        if end <= start:
            return None
        while end - start > 1 and doc[end - 1].text in self.lex.group_last_words:
            end -= 1  # "University of Oregon Delegation": the delegation is the university's
        span = Span(doc, start, end, label="ORG")
        if has_cyrillic(span.text) or doc[end - 1].text in self.lex.not_org_last_words:
            return None
        if doc[end - 1].text in self.lex.venue_words:
            return None  # "... Meeting Room of Sudirman Campus": a place, not a body
        if any(t.text in self.lex.award_words for t in span):
            return None  # "Mendeleev Gold Medal", "Mendeleev Prize for Young Chemists"
        if all(is_initial(t) for t in span) or (
            end - start == 1 and span.text in self.lex.not_org_alone
        ):
            return None
        if end - start == 1 and (
            doc[start].text in self.lex.org_heads or not is_capitalised(doc[start])
        ):
            return None
        return self.plausible_ner(doc, span)

    def plausible_ner(self, doc: Doc, span: Span) -> Span | None:
        """Drop what the model often calls ORG in university news: places, fields, degrees."""
        if span[0].text in self.lex.not_org_first_words:
            # "Board of the Akademgorodok Technopark Association": the organization follows "of"
            k = span.start + 1
            if k < span.end and doc[k].lower_ == "of":
                k += 1
                while k < span.end and doc[k].lower_ == "the":
                    k += 1
                if k < span.end and self.has_head(doc, k, span.end):
                    return Span(doc, k, span.end, label="ORG")
            return None
        portfolio = self.after_portfolio(doc, span)
        if portfolio is not None:
            return portfolio if portfolio.end > portfolio.start else None
        if self.has_head(doc, span.start, span.end):
            if any(
                t.text in self.lex.org_heads
                and t.i > span.start
                and doc[t.i - 1].text in self.lex.event_words
                for t in span
            ):
                return None  # "International Summer School"
            return span
        words = [t for t in span if t.is_alpha and t.lower_ not in self.lex.org_connectors]
        if words and all(t.text in self.lex.field_words for t in words):
            return None  # "Chemical Engineering", "Research and Development"
        if (
            len(words) > 1
            and words[-1].text in self.lex.field_words
            and not is_acronym(span[0])
            and not any(t.lower_ in COMPLEMENT_CONNECTORS for t in span)
        ):
            # "African Studies", "Transnational Education", "Heritage Studies": a field of
            # study or an activity, not a body, when no head word names one (a body is named
            # by its head and a complement: "Congregation for Catholic Education")
            return None
        if self.person_named(doc, span, words):
            return None
        nxt = doc[span.end] if span.end < len(doc) else None
        if all(t.is_upper for t in span) and nxt is not None and nxt.text in JOINERS:
            return None  # "DOHA —", "ABU DHABI —": a dateline
        if len(span) == 1:
            token = span[0]
            if not is_acronym(token):
                return None  # single capitalised words are mostly places the model mislabels
            if token.text.upper() in self.lex.not_org_acronyms:
                return None  # "MOU", "USD"
            if token.text in self.lex.post_nominals:
                return None  # honours after a name: "Ada Obi, CBE, FRS"
        return span

    def person_named(self, doc: Doc, span: Span, words: list) -> bool:
        """A person's name the model took for an organization: two to four capitalised words
        with no head word that start with a known given name ("Dr Amir Haddad spoke") or that
        a title follows after a comma ("Tomas Holm, head of Mechanical Engineering")."""
        if not 2 <= len(span) <= 4 or len(words) != len(span):
            return False
        if not all(is_capitalised(t) and not is_acronym(t) for t in span):
            return False
        if span[0].text in self.lex.given_names:
            return True
        k = span.end
        if k + 1 < len(doc) and doc[k].text == ",":
            return any(t.start == k + 1 for t in doc.spans.get("titles", []))
        return False

    def after_portfolio(self, doc: Doc, span: Span) -> Span | None:
        """ "Culture and Tourism of Riverton", "Culture of the Government of Lakeside": a post's
        portfolio (field words) the model read into a name; the organization, if any, is what
        follows "of" (an empty span when nothing does); None for any other span."""
        words = [t for t in span if t.lower_ not in self.lex.org_connectors]
        if not words or words[0].text not in self.lex.field_words:
            return None
        of = next((t.i for t in span if t.lower_ == "of"), None)
        if of is None or any(t.text in self.lex.org_heads for t in doc[span.start : of]):
            return None
        k = of + 1
        while k < span.end and doc[k].lower_ == "the":
            k += 1
        rest = doc[k : span.end]
        if len(rest) and self.has_head(doc, k, span.end) and not any(t.is_punct for t in rest):
            return Span(doc, k, span.end, label="ORG")
        return Span(doc, span.start, span.start, label="ORG")
