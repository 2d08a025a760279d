"""Locations: the model's GPE/LOC entities outside organization names, people and boilerplate.

"St. Petersburg" inside "Peter the Great St. Petersburg Polytechnic University" is part of an
organization's name, not a place the article talks about. Output: ``doc.spans["locations"]``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicons import Lexicons, load_lexicons
from .extensions import register_extensions
from .lines import in_any
from .tokens import has_cyrillic

LABELS = {"GPE", "LOC"}


class Locations:
    """Keep place entities that are places in their own right.

    Args:
        nlp: the pipeline.
        name: component name.
        rules_dir: folder holding ``locations.json``.
    """

    def __init__(self, nlp: Language, name: str, *, rules_dir: str) -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicons = load_lexicons(rules_dir)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["locations"]``."""
        taken = [
            s
            for key in ("orgs", "persons", "boilerplate", "titles")
            for s in doc.spans.get(key, [])
        ]
        found = []
        for ent in doc.ents:
            if ent.label_ not in LABELS:
                continue
            start = ent.start
            while start < ent.end and doc[start].lower_ == "the":
                start += 1
            span = Span(doc, start, ent.end, label="LOC", span_id="location.ner")
            if not span.text or span.text in self.lex.not_locations or has_cyrillic(span.text):
                continue
            if not span.text[0].isupper() or in_any(span, taken):
                continue
            found.append(span)
        doc.spans["locations"] = found
        return doc


@Language.factory(
    "uninews_locations",
    assigns=["doc.spans"],
    requires=["doc.ents"],
    default_config={"rules_dir": ""},
)
def make_locations(nlp: Language, name: str, rules_dir: str) -> Locations:
    """Build the ``uninews_locations`` component."""
    return Locations(nlp, name, rules_dir=rules_dir)
