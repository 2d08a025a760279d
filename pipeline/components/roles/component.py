"""The ``uninews_roles`` component: run the role patterns over every person mention, record
each role, then give roles without an organization the one the context gives."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...lexicons import Lexicons, load_lexicons
from ..extensions import register_extensions
from .appointments import Appointments
from .context import OrganizationContext
from .focus import OrganizationInFocus
from .patterns import RolePatterns
from .phrases import TitlePhrase, TitlePhrases
from .possessives import Possessives
from .units import OrganizationUnits


class Roles(
    TitlePhrases,
    OrganizationUnits,
    Possessives,
    RolePatterns,
    Appointments,
    OrganizationContext,
    OrganizationInFocus,
):
    """Attach title phrases to person mentions.

    Args:
        nlp: the pipeline.
        name: component name.
        rules_dir: the rules folder (titles and organization lexicons).
        local_rules: the local overrides merged over the lexicons (``rules/local/``);
            empty for the default (:func:`pipeline.local_rules.local_rules_dir`).
    """

    def __init__(self, nlp: Language, name: str, *, rules_dir: str, local_rules: str = "") -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicons = load_lexicons(rules_dir, local_rules or None)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["roles"]``."""
        self.orgs_at = {s.start: s for s in doc.spans.get("orgs", [])}
        self.orgs_end = {s.end: s for s in doc.spans.get("orgs", [])}
        # Surname-only mentions count too: a title is often given later ("Tursunova, who was
        # appointed Director ..."); assembly maps the mention to its person.
        persons = list(doc.spans.get("persons", []))
        self.person_at = {p.start: p for p in persons}
        self.title_at = {t.start: t for t in doc.spans.get("titles", [])}
        self.roles: list[Span] = []
        self.records: list[dict] = []
        self.unit_splits: dict[int, tuple[int, int]] = {}  # mention start -> (unit end, parent)
        used: set[int] = set()  # title starts already linked

        # A title right before a name is the surest link, so every name takes those first:
        # in "the Vice-Rector for X A.B. Ivanov, the Dean of Y C.D. Petrova" the Dean is
        # Petrova's before it can be read as Ivanov's apposition.
        rules = (
            ("role.title_before_name", self.before),
            ("role.name_comma_title", self.after_comma),
            ("role.name_paren_title", self.in_parens),
            ("role.name_title", self.right_after),
            ("role.title_paren_name", self.before_parens),
            ("role.appointed_as", self.appointed),
        )
        for group in (rules[:1], rules[1:]):
            for person in persons:
                for rule_id, find in group:
                    for phrase in find(doc, person):
                        if phrase.start in used:
                            continue
                        used.add(phrase.start)
                        self.add(doc, phrase, person, rule_id)
                        if phrase.plural and rule_id == "role.title_before_name":
                            for other in self.listed_after(doc, person):
                                self.add(doc, phrase, other, "role.title_list")
        for title in doc.spans.get("titles", []):
            if title.start in used:
                continue
            holder = self.pronoun_appointed(doc, title)
            if holder is not None:
                used.add(title.start)
                phrase = self.phrase(doc, title)
                self.add(doc, phrase, holder, "role.pronoun_appointed")
                continue
            # "the Vice Chancellor and Principal of the University of X, Prof Y": a stack of
            # titles before ", NAME" is all the name's
            stack = self.stack_from(doc, title.start) or [self.phrase(doc, title)]
            if any(p.start in used for p in stack):
                stack = [self.phrase(doc, title)]
            self.fill_from_next(stack)
            phrase = stack[-1]
            if phrase.org is None:
                phrase.org = self.possessive_reference(doc, title.start)
            j = self.after_acronym(doc, phrase.stop)
            if j < len(doc) and doc[j].text == ",":
                j += 1
                org = self.orgs_at.get(j)
                if org is not None and org.end < len(doc) and doc[org.end].text == ",":
                    # "The Rector, LSU, Dr. Amara Okafor": the organization between
                    phrase.org = phrase.org or (org.start_char, org.end_char)
                    j = org.end + 1
                while j < len(doc) and (
                    self.honorific_at(doc, j)
                    or self.honorific_rank_word(doc[j].text)
                    or _excellency(doc, j)
                ):
                    j += 1  # "Professor Ir. X", "prof. dr hab. X" (the dots split off)
                if j in self.person_at:
                    for one in stack:
                        used.add(one.start)
                        self.add(doc, one, self.person_at[j], "role.title_comma_name")
        self.organizations_from_context(doc)
        doc.spans["roles"] = sorted(self.roles)
        if self.unit_splits:
            doc.spans["orgs"] = self.split_units(doc)
        doc._.roles = sorted(self.records, key=lambda r: (r["title"], r["person"]))
        return doc

    @staticmethod
    def after_acronym(doc: Doc, j: int) -> int:
        """Past an acronym in brackets at token ``j`` ("... of Lakeside University (LU), X")."""
        if (
            j + 2 < len(doc)
            and doc[j].text == "("
            and doc[j + 2].text == ")"
            and doc[j + 1].text[:1].isupper()
        ):
            return j + 3
        return j

    def is_honorific(self, text: str) -> bool:
        """Mr., Dr., Prof., ... with or without the dot."""
        return text.lower().rstrip(".") in self.lex.honorific_stems

    def honorific_at(self, doc: Doc, k: int) -> bool:
        """An honorific at token ``k``, or the dot the tokenizer split off one ("prof" ".")."""
        if self.is_honorific(doc[k].text):
            return True
        return doc[k].text == "." and k > 0 and self.is_honorific(doc[k - 1].text)

    def honorific_rank_word(self, text: str) -> bool:
        """ "Professor" written as an honorific between a title and its holder ("Rector of X,
        Professor Y")."""
        return text.lower() in self.lex.honorific_ranks

    def add(self, doc: Doc, phrase: TitlePhrase, person: Span, rule_id: str) -> None:
        """Record that ``person`` holds ``phrase``."""
        span = Span(doc, phrase.start, phrase.end, label="ROLE", span_id=rule_id)
        self.roles.append(span)
        self.records.append(
            {
                "title": (span.start_char, span.end_char),
                "person": (person.start_char, person.end_char),
                "org": phrase.org,
                "rule_id": rule_id,
                "plural": phrase.plural,
                "guessed_org": False,
                "no_guess": phrase.of_place,
            }
        )


def _excellency(doc: Doc, j: int) -> bool:
    """ "His Excellency", "Her Excellency": a form of address before a name."""
    word = doc[j].lower_
    if word == "excellency":
        return True
    return word in {"his", "her"} and j + 1 < len(doc) and doc[j + 1].lower_ == "excellency"


@Language.factory(
    "uninews_roles", assigns=["doc.spans"], default_config={"rules_dir": "", "local_rules": ""}
)
def make_roles(nlp: Language, name: str, rules_dir: str, local_rules: str) -> Roles:
    """Build the ``uninews_roles`` component."""
    return Roles(nlp, name, rules_dir=rules_dir, local_rules=local_rules)
