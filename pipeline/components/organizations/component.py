"""The ``uninews_organizations`` component: collect organization candidates from chains and
the model's entities, resolve overlaps, add local and repeated names and type every mention."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...lexicons import Lexicons, load_lexicons
from ..extensions import register_extensions
from ..lines import in_any
from ..local_names import LocalNames, claim_entities, overlaps
from ..tokens import is_acronym, token_lowers
from .chains import CapitalisedChains
from .coordination import Coordination
from .generic import GenericNames
from .heads import HeadNouns
from .hosts import HostedNames
from .namesakes import NamedAfter
from .ner import NerOrganizations
from .occurrences import Occurrences
from .short_forms import ShortForms


class Organizations(
    CapitalisedChains,
    Coordination,
    HeadNouns,
    NerOrganizations,
    Occurrences,
    GenericNames,
    NamedAfter,
    ShortForms,
    HostedNames,
):
    """Collect organization mentions.

    Args:
        nlp: the pipeline.
        name: component name.
        rules_dir: folder holding ``organizations.json``.
        local_rules: the local overrides merged over the lexicons (``rules/local/``);
            empty for the default (:func:`pipeline.local_rules.local_rules_dir`).
    """

    def __init__(self, nlp: Language, name: str, *, rules_dir: str, local_rules: str = "") -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicons = load_lexicons(rules_dir, local_rules or None)
        self.local = LocalNames(
            nlp,
            (
                (surface, canonical)
                for canonical, aliases in self.lex.local_org_names.items()
                for surface in (canonical, *aliases)
            ),
        )

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["orgs"]``."""
        boiler = list(doc.spans.get("boilerplate", []))
        local = self.local_names(doc, boiler)
        blocked = {
            t.i
            for key in ("titles", "persons")
            for s in doc.spans.get(key, [])
            if not self.members_of_body(doc, s)
            for t in s
        }
        # "Ing." or "Ing" "." (however the tokenizer split it)
        stems = self.lex.honorific_stems
        blocked |= {i for i, lower in enumerate(token_lowers(doc)) if lower.rstrip(".") in stems}
        candidates: list[Span] = []
        for chain in self.chains(doc, blocked):
            parts = self.split_coordination(doc, chain)
            for start, end in parts:
                span = self.head_extent(doc, start, end)
                if (
                    span is None
                    and len(parts) > 1
                    and (is_acronym(doc[end - 1]) or self.bare_name(doc, start, end))
                ):
                    # "Rheinfeld UAS and Kaveri Institute", "Unicamp and Gubkin University":
                    # coordinated with an organization, a bare name is one too
                    span = _mark(Span(doc, start, end, label="ORG"), "org.coordinated")
                elif span is not None:
                    span = _mark(span, "org.head_chain")
                if span is not None and not in_any(span, boiler):
                    candidates.append(span)
        for ent in doc.ents:
            if ent.label_ == "ORG" and not in_any(ent, boiler):
                span = self.clean_ner(doc, ent, blocked)
                if span is None:
                    continue
                parts = self.split_coordination(doc, (span.start, span.end))
                if len(parts) > 1 and all(self.names_org(doc, a, b) for a, b in parts):
                    # "Faculty of Arts and School of Music" read as one entity: two names
                    pieces = [
                        self.plausible_ner(doc, Span(doc, a, b, label="ORG")) for a, b in parts
                    ]
                    candidates += [_mark(p, "org.ner") for p in pieces if p is not None]
                else:
                    candidates.append(_mark(span, "org.ner"))
        # Descriptions, and what the model found inside them ("Quantum Photonics"), go.
        described = [s for s in candidates if self.headline_description(doc, s)]
        persons = list(doc.spans.get("persons", []))
        spans = filter_spans(
            [
                self.without_country(doc, self.in_place(doc, s))
                for s in candidates
                if not in_any(s, described) and not self.not_a_name(doc, s, persons)
            ]
        )
        spans = self.with_hosts(doc, self.named_after(doc, spans))
        local_spans = [span for span, _canonical in local]
        if local_spans:
            spans = sorted([s for s in spans if not overlaps(s, local_spans)] + local_spans)
        spans = sorted(spans + self.repeated(doc, spans, blocked, boiler))
        spans = sorted(spans + self.short_forms(doc, spans))
        for span in spans:
            span._.org_type = self.org_type(span)
        for span, canonical in local:
            span._.org_type = self.type_of_words(canonical.split())
        claim_entities(doc, local_spans, "ORG")
        doc.spans["orgs"] = spans
        return doc

    def members_of_body(self, doc: Doc, title: Span) -> bool:
        """ "Committee of Vice-Chancellors", "Conference of Rectors": a plural title after a
        head noun and "of" names the members of a body, inside its name."""
        k = title.start
        return (
            title.label_ == "TITLE_PLURAL"
            and k >= 2
            and doc[k - 1].lower_ == "of"
            and doc[k - 2].text in self.lex.org_heads
        )

    def headline_description(self, doc: Doc, span: Span) -> bool:
        """ "... Open Joint Laboratory for X": after a headline verb, a name that starts with
        "Joint" or "New" describes what the article names in full."""
        return (
            span.start > 0
            and span[0].text in self.lex.descriptive_first_words
            and doc[span.start - 1].text in self.lex.headline_verbs
        )

    def generic_name(self, span: Span) -> bool:
        """A name of head nouns, field words and connectors only ("Technical University",
        "University of Applied Sciences"), which the place after it completes."""
        return any(t.text in self.lex.org_heads for t in span) and all(
            t.text in self.lex.org_heads
            or t.text in self.lex.field_words
            or t.text in self.lex.generic_name_words
            or t.lower_ in self.lex.org_connectors
            for t in span
        )

    def in_place(self, doc: Doc, span: Span) -> Span:
        """ "Embassy of France" + "in China": a mission's name includes where it is, and so
        does a generic name ("Technical University in Graz")."""
        end = span.end
        if end + 1 >= len(doc) or doc[end].lower_ != "in":
            return span
        if not self.lex.has_in_place_head([t.text for t in span]) and not self.generic_name(span):
            return span
        place = end + 1
        if doc[place].lower_ == "the" and doc[place].ent_iob_ != "B":
            place += 1  # "in the Russian Federation", the model's place with or without "the"
        if place >= len(doc) or doc[place].ent_type_ not in {"GPE", "LOC"}:
            return span
        if doc[place].ent_iob_ != "B":
            return span
        stop = place + 1
        while stop < len(doc) and doc[stop].ent_iob_ == "I":
            stop += 1
        extended = Span(doc, span.start, stop, label=span.label_, span_id=span.id_)
        return extended


def _mark(span: Span, rule_id: str) -> Span:
    span.id_ = rule_id
    return span


@Language.factory(
    "uninews_organizations",
    assigns=["doc.spans", "doc.ents"],
    requires=["doc.ents"],
    default_config={"rules_dir": "", "local_rules": ""},
)
def make_organizations(nlp: Language, name: str, rules_dir: str, local_rules: str) -> Organizations:
    """Build the ``uninews_organizations`` component."""
    return Organizations(nlp, name, rules_dir=rules_dir, local_rules=local_rules)
