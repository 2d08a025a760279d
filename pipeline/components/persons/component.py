"""The ``uninews_persons`` component: collect name candidates from the model and the name
rules, keep the plausible ones, prefer local names, then add surname-only mentions."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...lexicons import Lexicons, load_lexicons
from ..extensions import register_extensions
from ..lines import in_any
from ..local_names import LocalNames, claim_entities, overlaps
from ..tokens import is_initial
from .around_titles import AroundTitles
from .initials import InitialNames
from .name_rules import NameRules
from .names import NameTokens, _is_hyphen_part, _mark
from .ner import NerPersons
from .plausibility import Plausibility
from .surnames import SurnameMentions
from .words import LOCAL_RULE

#: Entity labels of places: a surname-first "name" the model reads as a place is that place.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


class Persons(
    NameTokens,
    Plausibility,
    NerPersons,
    AroundTitles,
    NameRules,
    InitialNames,
    SurnameMentions,
):
    """Collect person-name spans from NER and name rules.

    Args:
        nlp: the pipeline.
        name: component name.
        rules_dir: folder holding ``persons.json``, ``titles.json`` and ``organizations.json``.
        local_rules: the local overrides merged over the lexicons (``rules/local/``);
            empty for the default (:func:`pipeline.local_rules.local_rules_dir`).
    """

    def __init__(self, nlp: Language, name: str, *, rules_dir: str, local_rules: str = "") -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicons = load_lexicons(rules_dir, local_rules or None)
        # "Prof" written without its dot is still "Prof."
        self.dotted_honorifics = {h.rstrip(".") for h in self.lex.honorifics if h.endswith(".")}
        #: Words of titles, which may stand right before an honorific ("Rector Eng X").
        self.title_words = frozenset(
            w for b in self.lex.title_bases for w in b.split()
        ) | frozenset(self.lex.title_modifiers)
        self.local = LocalNames(nlp, ((n, n) for n in self.lex.local_person_names))
        # Words that are never a name word, in any case ("UNIVERSITY", "CITY").
        self.not_name_words = (
            frozenset(self.lex.org_heads)
            | self.lex.place_words
            | self.lex.company_suffixes
            | self.lex.headline_verbs
        )

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["persons"]``."""
        titles = {t.i for span in doc.spans.get("titles", []) for t in span}
        boiler = list(doc.spans.get("boilerplate", []))
        candidates: list[Span] = []
        honorifics: dict[int, tuple[int, int]] = {}

        for ent in doc.ents:
            if ent.label_ == "PERSON" and not in_any(ent, boiler):
                span = self.clean(doc, ent.start, ent.end, titles, honorifics)
                if span is not None:
                    candidates.append(_mark(span, "person.ner"))

        in_boilerplate = {t.i for span in boiler for t in span}
        for i in self.name_starts(doc):
            if i in in_boilerplate:
                continue
            token = doc[i]
            span = None
            if self.is_honorific(token) and (i == 0 or not self.is_honorific(doc[i - 1])):
                j = i
                while j < len(doc) and (
                    self.is_honorific(doc[j])
                    or doc[j].text == "."
                    and j > i
                    and not doc[j - 1].whitespace_
                ):
                    j += 1  # "Eng" "." split by the tokenizer counts as one honorific
                end = self.name_end(doc, j, titles)
                if end > j:
                    honorifics[j] = (token.idx, doc[j - 1].idx + len(doc[j - 1]))
                    span = _mark(Span(doc, j, end, label="PERSON"), "person.honorific")
            elif token.text in self.lex.given_names and self.is_name_token(token, titles):
                end = self.name_end(doc, i, titles)
                if end - i >= 2:
                    span = _mark(Span(doc, i, end, label="PERSON"), "person.given_name")
            elif (
                token.text in self.lex.chinese_surnames
                and self.is_name_token(token, titles)
                and token.ent_type_ not in PLACE_LABELS  # "Hong Kong", "Ho Chi Minh City"
            ):
                nxt = doc[i + 1] if i + 1 < len(doc) else None
                if nxt is not None and self.is_name_token(nxt, titles) and not is_initial(nxt):
                    end = i + 2
                    if token.text in self.lex.long_surname_first:
                        # "Pham Thi Thu Trang", "Le Hoang Nam": up to four words
                        end = max(end, min(self.name_end(doc, i, titles), i + 4))
                    while end < len(doc) and _is_hyphen_part(doc[end]):
                        end += 1  # Xiao-Ming
                    span = _mark(Span(doc, i, end, label="PERSON"), "person.surname_first")
            if span is not None and self.plausible(doc, span):
                candidates.append(span)

        candidates.extend(s for s in self.patronymic_names(doc, titles) if not in_any(s, boiler))
        candidates.extend(s for s in self.initial_names(doc, titles) if not in_any(s, boiler))
        candidates.extend(
            s for s in self.surname_initial_names(doc, titles) if not in_any(s, boiler)
        )
        candidates.extend(
            s for s in self.surname_shaped_names(doc, titles) if not in_any(s, boiler)
        )
        candidates.extend(
            s for s in self.capital_surname_names(doc, titles) if not in_any(s, boiler)
        )

        for title in doc.spans.get("titles", []):
            after = self.after_title(doc, title, titles, honorifics)
            if after is not None:
                candidates.append(after)
            before = self.before_title(doc, title, titles)
            if before is not None:
                candidates.append(before)

        local = [
            span
            for span, _name in self.local.find(doc, "PERSON", LOCAL_RULE, boiler)
            if self.plausible(doc, span) and not self.named_after(doc, span)
        ]
        full = [
            s
            for s in filter_spans(candidates)
            if self.plausible(doc, s) and not self.named_after(doc, s) and not self.vessel(doc, s)
        ]
        full = _prefer(full, local)
        coordinated = [s for s in self.coordinated(doc, full, titles) if not in_any(s, boiler)]
        if coordinated:
            full = _prefer(filter_spans(full + coordinated), local)
        claim_entities(doc, local, "PERSON")
        for span in full:
            start = span.start - 1
            if span.start in honorifics:
                span._.honorific = honorifics[span.start]
            elif start >= 0 and self.is_honorific(doc[start]):
                span._.honorific = (doc[start].idx, doc[start].idx + len(doc[start]))
        doc.spans["persons"] = sorted(full + self.surname_mentions(doc, full, titles, boiler))
        return doc


def _prefer(spans: list[Span], local: list[Span]) -> list[Span]:
    """``spans`` with the local names in place of every span they overlap."""
    if not local:
        return spans
    return sorted([s for s in spans if not overlaps(s, local)] + local)


@Language.factory(
    "uninews_persons",
    assigns=["doc.spans", "doc.ents"],
    requires=["doc.ents"],
    default_config={"rules_dir": "", "local_rules": ""},
)
def make_persons(nlp: Language, name: str, rules_dir: str, local_rules: str) -> Persons:
    """Build the ``uninews_persons`` component."""
    return Persons(nlp, name, rules_dir=rules_dir, local_rules=local_rules)
