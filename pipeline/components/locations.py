"""Locations: places the article talks about, outside organization names, people and boilerplate.

Rules (ids on each span):
- ``location.ner``: the model's GPE/LOC entities ("St. Petersburg" inside "Peter the Great
  St. Petersburg Polytechnic University" is part of a name, not a place), cut before a headline
  verb ("Central Asia Held ...").
- ``location.after_preposition``: a single capitalised word the model calls ORG, after a
  locative preposition ("the delegation arrived in Novosibirsk").
- ``location.dateline``: capitals at the start of a line before a dash ("DOHA — ...").
- ``location.natural_feature``: a name opening with a feature word ("Mount Merapi", "São
  Carlos").
- ``location.place_word``: a name the model calls ORG or PERSON that ends in a place word
  ("Ho Chi Minh City").

A place after "in" that ends a mission's name ("Embassy of Norway in Riga") is a place of the
article, as ANNOTATION.md has it.

Output: ``doc.spans["locations"]``.
"""

from __future__ import annotations

from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicons import Lexicons, load_lexicons
from .extensions import register_extensions
from .lines import dateline_dash, in_any, line_spans
from .tokens import has_cyrillic, is_acronym, is_capitalised, is_initial, token_texts

LABELS = {"GPE", "LOC"}
DASHES = {"-", "–", "—"}
#: Possessive endings the model sometimes leaves on a place's name.
TRAILING_MARKS = {"'s", "’s", "'", "’"}
MAX_DATELINE_WORDS = 3


class Locations:
    """Keep place entities that are places in their own right.

    Args:
        nlp: the pipeline.
        name: component name.
        rules_dir: folder holding ``locations.json``.
        local_rules: the local overrides merged over the lexicons (``rules/local/``);
            empty for the default (:func:`pipeline.local_rules.local_rules_dir`).
    """

    def __init__(self, nlp: Language, name: str, *, rules_dir: str, local_rules: str = "") -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicons = load_lexicons(rules_dir, local_rules or None)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["locations"]``."""
        # A place inside a title is a place ("Ambassador of Chile to India"); inside an
        # organization's name it is not ("Omsk State University").
        keys = ("orgs", "boilerplate")
        taken = [s for key in keys for s in doc.spans.get(key, [])] + self.people(doc)
        # "Embassy of Norway in Riga": the place a mission is in is a place of the article
        ends = {s.end: s for s in doc.spans.get("orgs", [])}
        named = list(self.countries(doc))
        countries = [s for s in named if s.id_ == "location.country"]
        candidates = named + self.before_country(doc, countries)
        for ent in doc.ents:
            if ent.label_ in LABELS:
                candidates.append(self.from_entity(doc, ent))
            elif ent.label_ in {"ORG", "PERSON"}:
                candidates.append(self.place_called_org(doc, ent))
        candidates.extend(self.datelines(doc))
        found = [
            span
            for span in filter_spans([c for c in candidates if c is not None])
            if self.is_place(span)
            and (not in_any(span, taken) or self.where_a_name_is(doc, span, ends))
            and not self.honorific(span)
            and not self.title_word(span)
            and not self.post_nominal(doc, span)
        ]
        doc.spans["locations"] = found
        return doc

    def where_a_name_is(self, doc: Doc, span: Span, ends: dict[int, Span]) -> bool:
        """The place after "in [the]" that ends a mission's or office's name ("Embassy of
        Norway in Riga", "Representative Office of KFU in Beijing"); not the place that
        completes a generic name ("Technical University in Graz")."""
        org = ends.get(span.end)
        k = span.start - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if org is None or org.start >= k or doc[k].lower_ != "in":
            return False
        return self.lex.has_in_place_head([t.text for t in doc[org.start : k]])

    @cached_property
    def gazetteer_words(self) -> tuple[int, frozenset[str]]:
        """The most words a country or city name has, and the words such names start with."""
        names = [c.split() for c in self.lex.countries | self.lex.cities]
        return max((len(n) for n in names), default=1), frozenset(n[0] for n in names)

    def countries(self, doc: Doc):
        """Country and city names of the lexicon, whatever label the model gave them ("Nepal"
        it calls an organization, "(China)" after a name, "Seoul" it leaves out)."""
        texts = token_texts(doc)
        longest, firsts = self.gazetteer_words
        i = 0
        while i < len(texts):
            text = texts[i]
            if text not in firsts and not (text.isupper() and text.title() in firsts):
                i += 1
                continue
            for n in range(min(longest, len(texts) - i), 0, -1):
                name = " ".join(texts[i : i + n])
                if self.lex.is_place_name(name):
                    kind = "country" if self.lex.is_country(name) else "city"
                    yield Span(doc, i, i + n, label="LOC", span_id=f"location.{kind}")
                    i += n - 1
                    break
            i += 1

    def before_country(self, doc: Doc, countries: list[Span]) -> list[Span]:
        """ "Pokhara, Gandaki, Nepal", "Yangzhou, China": capitalised words set off by commas
        before a country's name are places in it (one to three words each)."""
        out = []
        for country in countries:
            end = country.start
            while end >= 2 and doc[end - 1].text == ",":
                start = end - 1
                while (
                    start > 0
                    and end - 1 - start < 3
                    and doc[start - 1].is_alpha
                    and doc[start - 1].text[:1].isupper()
                    and not doc[start - 1].is_sent_start
                    and doc[start - 1].text not in self.lex.org_heads
                ):
                    start -= 1
                if start == end - 1:
                    break
                place = Span(doc, start, end - 1, label="LOC", span_id="location.before_country")
                out.append(place)
                end = start
        return out

    @staticmethod
    def people(doc: Doc) -> list[Span]:
        """Person mentions that are people: full names, and single words that belong to one
        or carry an honorific (a lone "Brno" the model calls a person is not one)."""
        persons = list(doc.spans.get("persons", []))
        words = {t.lower_ for s in persons if len(s) > 1 for t in s}
        return [s for s in persons if len(s) > 1 or s[0].lower_ in words or s._.honorific]

    def title_word(self, span: Span) -> bool:
        """ "Consul", "Ambassador": a title's own words, which the model may call a place."""
        return any(
            t.lower_ in self.lex.title_bases or t.lower_ in self.lex.title_modifiers for t in span
        )

    def post_nominal(self, doc: Doc, span: Span) -> bool:
        """ "Anna Berg, MD, DSc": a degree after a name and comma, which the model may call a
        place (MD is Maryland; "Baltimore, MD" stays a place)."""
        k = span.start
        if not (
            len(span) == 1
            and span.text.rstrip(".") in self.lex.post_nominals
            and k > 1
            and doc[k - 1].text == ","
        ):
            return False
        # after the name itself, or after another degree of the name ("Anna Berg, PhD, MD")
        before = doc[k - 2]
        if before.text.rstrip(".") in self.lex.post_nominals:
            return True
        return any(p.start <= before.i < p.end for p in doc.spans.get("persons", []))

    def honorific(self, span: Span) -> bool:
        """ "Ing." (Ingeniero) or "Herr", which the model may call a place."""
        return len(span) == 1 and span.text.lower().rstrip(".") in self.lex.honorific_stems

    def from_entity(self, doc: Doc, ent: Span) -> Span | None:
        """A GPE/LOC entity without a leading "the" and before any headline verb."""
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ == "the":
            start += 1
        for k in range(start, end):
            if doc[k].text in self.lex.headline_verbs:
                end = k
                break
        # "South Korea's", "Latin America'", "South Korea -": a possessive or a dash the
        # model took into the name
        while end > start and (
            doc[end - 1].text in TRAILING_MARKS or doc[end - 1].is_punct or doc[end - 1].is_space
        ):
            end -= 1
        return Span(doc, start, end, label="LOC", span_id="location.ner") if end > start else None

    def place_called_org(self, doc: Doc, ent: Span) -> Span | None:
        """A natural feature tagged ORG or PERSON, or a lone capitalised word after "in/from/to"
        tagged ORG."""
        if ent[0].text in self.lex.feature_words and len(ent) > 1:
            return Span(doc, ent.start, ent.end, label="LOC", span_id="location.natural_feature")
        if len(ent) > 1 and ent[-1].text in self.lex.place_words:
            return Span(doc, ent.start, ent.end, label="LOC", span_id="location.place_word")
        if len(ent) != 1 or is_acronym(ent[0]) or not is_capitalised(ent[0]):
            return None
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_ in self.lex.locative_prepositions:
            return Span(doc, ent.start, ent.end, label="LOC", span_id="location.after_preposition")
        if (
            before is not None
            and before.lower_ == "and"
            and ent.start >= 3
            and doc[ent.start - 3].lower_ in self.lex.locative_prepositions
            and doc[ent.start - 2].ent_type_ in {"GPE", "LOC", "PERSON", "ORG"}
            and is_capitalised(doc[ent.start - 2])
        ):
            # "from Nancy and Metz"
            return Span(doc, ent.start, ent.end, label="LOC", span_id="location.after_preposition")
        return None

    def datelines(self, doc: Doc) -> list[Span]:
        """ "ABU DHABI — The university ...", "RIVER FALLS, Wis. — ...": the capitals
        before the dash (and the state's abbreviation) name a place."""
        out = []
        for line in line_spans(doc):
            k = line.start
            while k < line.end and doc[k].is_alpha and doc[k].is_upper and len(doc[k]) > 1:
                k += 1
            words = k - line.start
            if (
                0 < words <= MAX_DATELINE_WORDS
                and k < line.end
                and dateline_dash(doc, k, spaced=False)
            ):
                out.append(Span(doc, line.start, k, label="LOC", span_id="location.dateline"))
        return out

    def is_place(self, span: Span) -> bool:
        """Not a figurative or language word, not Cyrillic, and capitalised."""
        text = span.text
        if all(is_initial(t) for t in span) or (len(span) == 1 and text in self.lex.org_heads):
            return False  # "V.N.", "Universiti"
        return (
            bool(text)
            and text not in self.lex.not_locations
            and not has_cyrillic(text)
            and text[0].isupper()
        )


@Language.factory(
    "uninews_locations",
    assigns=["doc.spans"],
    requires=["doc.ents"],
    default_config={"rules_dir": "", "local_rules": ""},
)
def make_locations(nlp: Language, name: str, rules_dir: str, local_rules: str) -> Locations:
    """Build the ``uninews_locations`` component."""
    return Locations(nlp, name, rules_dir=rules_dir, local_rules=local_rules)
