"""Find people: the model's PERSON entities, cleaned, plus rules for names it misses.

Rules (ids on each span):
- ``person.ner``: a PERSON entity with honorifics, titles and trailing punctuation removed.
- ``person.honorific``: ``Ms. Liu Yemei``, ``Prof. Dr. Anna-Lena K. Vogt``.
- ``person.after_title``: a name right after a job title (``Deputy Director Gao Jun``).
- ``person.before_title``: a name right before ``, <title>`` (``Hu Jinbo, Director of ...``).
- ``person.given_name``: a known given name and the capitalised words after it
  (``Andrei Rudskoi``, ``Elena Sergeevna Morozova``).
- ``person.surname_first``: a Chinese surname and a capitalised given name (``Gao Jun``).
- ``person.surname_coref``: a later surname-only mention of a person already named in full.
- ``person.local``: a full name of the local lexicon (``rules/local/persons.json``, written from
  reviewers' decisions), wherever it is written as whole tokens with the same case; it replaces
  the names and model entities it overlaps, unless it runs into an organization's or a place's
  name (``Yuan Longping Prize``) or follows "named after".

Output: ``doc.spans["persons"]`` (label ``PERSON``); ``Span._.honorific`` holds the char offsets
of an honorific written before the name.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..lexicons import Lexicons, load_lexicons
from .extensions import register_extensions
from .lines import in_any
from .local_names import LocalNames, claim_entities, overlaps
from .tokens import (
    has_cyrillic,
    is_capitalised,
    is_initial,
    is_verb_like,
    token_lowers,
    token_texts,
)

#: Tokens in a name: five words, hyphenated parts counting three tokens ("Vasconcelos-Lima").
MAX_NAME_TOKENS = 9
LOCAL_RULE = "person.local"
FILLERS_BEFORE_TITLE = {"the", "a", "an", "currently", "also", "now", "our", "its", "their"}


class Persons:
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
        self.local = LocalNames(nlp, ((n, n) for n in self.lex.local_person_names))

    # -- token classes -------------------------------------------------------------------
    def is_honorific(self, token: Token) -> bool:
        """True for Mr., Ms., Dr., Prof., Academician, ..."""
        lower = token.text.lower()
        return lower in self.lex.honorifics or lower.rstrip(".") in self.dotted_honorifics

    def is_name_token(self, token: Token, titles: set[int]) -> bool:
        """A token that can stand inside a person's name."""
        text = token.text
        if token.i in titles or self.is_honorific(token) or text in self.lex.headline_verbs:
            return False
        if text in self.lex.org_heads and text not in self.lex.chinese_surnames:
            return False  # "University", but not the surname "Park"
        if text in self.lex.place_words or text in self.lex.company_suffixes:
            return False  # "Ho Chi Minh City", "Orbital Vale Sistemas Ltda"
        if (
            token.is_alpha
            and len(text) >= 2
            and text.isupper()
            and text.title() not in self.lex.chinese_surnames
        ):
            return False  # an acronym (UAS, KFU), unless a surname in capitals (ZHANG Wei)
        word = text[:-1] if text.endswith(".") else text  # "Jun." at a stop
        if not (
            is_initial(token)
            or (is_capitalised(token) and word.isalpha())
            or _is_hyphen_part(token)
        ):
            return False
        if has_cyrillic(text):
            return False
        # The parse last, as the costly test: the parser sometimes makes a patronymic a verb
        # ("Igorevna"), which stays a name.
        return not is_verb_like(token) or self.lex.is_patronymic(text)

    def name_starts(self, doc: Doc) -> list[int]:
        """Positions where a name may start: an honorific, a known given name or a Chinese
        surname (the only tokens the name rules start from), found on the token texts."""
        lex = self.lex
        return [
            i
            for i, (text, lower) in enumerate(zip(token_texts(doc), token_lowers(doc), strict=True))
            if text in lex.given_names
            or text in lex.chinese_surnames
            or lower in lex.honorifics
            or lower.rstrip(".") in self.dotted_honorifics
        ]

    # -- main ----------------------------------------------------------------------------
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
            elif token.text in self.lex.chinese_surnames and self.is_name_token(token, titles):
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

    def coordinated(self, doc: Doc, people: list[Span], titles: set[int]) -> list[Span]:
        """ "Abena Darko and Musa Garba Idris", "Ane Urkiola and Koldo Iturbe": two to four
        name words joined by "and" to a person's name are a person's name too (honorifics
        aside: "Nerea Aranburu and Dr. Mikel Lasa")."""
        out = []
        for person in people:
            after = person.end
            if after + 2 < len(doc) and doc[after].lower_ == "and":
                first = after + 1
                while first < len(doc) and self.is_honorific(doc[first]):
                    first += 1
                end = first
                while end < len(doc) and end - first < 4 and self.name_word(doc[end], titles):
                    end += 1
                if 2 <= end - first <= 4 and not self.name_word_follows(doc, end):
                    span = Span(doc, first, end, label="PERSON")
                    if self.plausible(doc, span):
                        out.append(_mark(span, "person.coordinated"))
            before = person.start - 1
            while before > 0 and self.is_honorific(doc[before]):
                before -= 1
            if before >= 2 and doc[before].lower_ == "and":
                start = before
                while start > 0 and before - start < 4 and self.name_word(doc[start - 1], titles):
                    start -= 1
                if 2 <= before - start <= 4 and not self.name_word_follows(doc, start - 1):
                    span = Span(doc, start, before, label="PERSON")
                    if self.plausible(doc, span):
                        out.append(_mark(span, "person.coordinated"))
        return out

    def name_word(self, token: Token, titles: set[int]) -> bool:
        """A capitalised alphabetic word that may stand in a name (no initials, no acronyms)."""
        return token.is_alpha and self.is_name_token(token, titles) and not token.is_sent_start

    @staticmethod
    def name_word_follows(doc: Doc, k: int) -> bool:
        """True when the token at ``k`` (if any) is capitalised: the run is part of a longer
        name, e.g. "Kazan Federal" of "Kazan Federal University"."""
        return 0 <= k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha

    def patronymic_names(self, doc: Doc, titles: set[int]) -> list[Span]:
        """Russian-style full names: given name, patronymic, surname ("Ilnur Faritovich
        Sabirov"), whatever the given name; the middle word ends in a patronymic suffix."""
        texts = token_texts(doc)
        out = []
        for m in range(1, len(texts) - 1):
            if not self.lex.is_patronymic(texts[m]):
                continue
            trio = doc[m - 1 : m + 2]
            if any(not self.is_name_token(t, titles) or is_initial(t) for t in trio):
                continue
            if doc[m + 1].is_sent_start or doc[m].is_sent_start:
                continue
            out.append(_mark(Span(doc, m - 1, m + 2, label="PERSON"), "person.patronymic"))
        return out

    def name_end(self, doc: Doc, i: int, titles: set[int]) -> int:
        """Return the end of a name starting at ``i`` (particles allowed inside)."""
        end = i
        while end < len(doc) and end - i < MAX_NAME_TOKENS:
            token = doc[end]
            after_initial = is_initial(doc[end - 1]) or (
                end - 2 > i and self.split_initial(doc, doc[end - 2])
            )
            if end > i and token.is_sent_start and (token.is_stop or not after_initial):
                break  # a name never runs into the next sentence ("... Wang Li. The ...")
            if self.is_name_token(token, titles):
                end += 1
                if token.text.endswith(".") and not is_initial(token):
                    break  # "Jun." ends a sentence
                if end - 1 > i and self.split_initial(doc, token):
                    # "Yu" "." "Zakharov": the tokenizer split the dot of a middle initial; a
                    # name's first word is no initial ("said Prof. Li. According to ...")
                    end += 1
            elif (
                token.text in self.lex.particles
                and end + 1 < len(doc)
                and self.is_name_token(doc[end + 1], titles)
                and end > i
            ):
                end += 1
            else:
                break
        while end > i and (doc[end - 1].text in self.lex.particles or doc[end - 1].text == "-"):
            end -= 1
        return end

    @staticmethod
    def split_initial(doc: Doc, token: Token) -> bool:
        """ "Dmitry Yu. Zakharov" tokenized as "Yu", ".": a one- or two-letter initial."""
        i = token.i
        return (
            len(token.text) <= 2
            and token.text[0].isupper()
            and token.text.isalpha()
            and not token.whitespace_
            and i + 2 < len(doc)
            and doc[i + 1].text == "."
            and doc[i + 2].text[:1].isupper()
        )

    def clean(
        self,
        doc: Doc,
        start: int,
        end: int,
        titles: set[int],
        honorifics: dict[int, tuple[int, int]],
    ) -> Span | None:
        """Trim an NER PERSON span to the name itself, or return None when it is no name."""
        first = start
        while start < end and (
            self.is_honorific(doc[start]) or doc[start].i in titles or not doc[start].is_alpha
        ):
            start += 1
        if start > first and self.is_honorific(doc[start - 1]):
            honorifics[start] = (doc[first].idx, doc[start - 1].idx + len(doc[start - 1]))
        while end > start and not (doc[end - 1].is_alpha or is_initial(doc[end - 1])):
            if doc[end - 1].text.rstrip(".").isalpha():  # "Jun." at a sentence end
                break
            end -= 1
        if end <= start or doc[start].text in self.lex.feature_words:
            return None  # "Mount Merapi", "São Carlos"
        while (
            end < len(doc)
            and doc[end - 1].text in self.lex.particles
            and self.is_name_token(doc[end], titles)
        ):
            end += 1  # a name never ends in a particle: "Ursula von der" + "Leyen"
        while (
            end + 1 < len(doc)
            and doc[end].text in self.lex.particles
            and doc[end].text.islower()
            and self.is_name_token(doc[end + 1], titles)
        ):
            end += 2  # "Nurul Huda" + "binti Rahman": a particle continues the name
        if (
            end < len(doc)
            and (end + 1 == len(doc) or "\n" in doc[end + 1].text)
            and doc[end].text.isalpha()
            and not doc[end].ent_type_
            and self.is_name_token(doc[end], titles)
        ):
            end += 1  # "Photo by Luis Alberto Gómez Ruiz": the line's last word, left out
        words = doc[start:end]
        if any(
            not self.is_name_token(t, titles) and t.text not in self.lex.particles for t in words
        ):
            return None
        return Span(doc, start, end, label="PERSON")

    def vessel(self, doc: Doc, span: Span) -> bool:
        """ "Akademik Oparin", "the R/V Polarstern": a ship's name, not a person."""
        before = doc[span.start - 1].text if span.start > 0 else ""
        return span[0].text in self.lex.vessel_prefixes or before in self.lex.vessel_prefixes

    def plausible(self, doc: Doc, span: Span) -> bool:
        """Reject names that run into an organization (``Sun Yat-sen University``), a place
        (``Ho Chi Minh City``) or an award (``the Yuan Longping Prize``: a namesake), or that
        complete an organization's name (``Universität für Bodenkultur Wien``)."""
        k = span.start
        if (
            k >= 2
            and doc[k - 1].lower_ in self.lex.org_connectors
            and doc[k - 2].text in self.lex.org_heads
        ):
            return False
        after_the = self.after_the(doc, span)
        if len(span) > 1 and self.namesake_word(span[-1].text, after_the):
            return False  # "Marie Skłodowska-Curie Actions", "the Jan Heweliusz Hall"
        if k >= 1 and doc[k - 1].text in self.lex.name_first_heads:
            return False  # "Universiti Teknologi Nusantara": the name of a university
        j = span.end
        while (
            j < len(doc)
            and (is_capitalised(doc[j]) or doc[j].text == "-")
            and not doc[j].is_space
            and doc[j].text not in self.lex.headline_verbs
            and not is_verb_like(doc[j])
        ):
            word = doc[j].text
            if word in self.lex.org_heads or word in self.lex.place_words:
                return False  # "... University", "Ho Chi Minh City"
            if word in self.lex.award_words or self.namesake_word(word, after_the):
                return False  # "the Yuan Longping Prize ...", "the Vernadsky Programme"
            j += 1
        return not has_cyrillic(span.text)

    def namesake_word(self, word: str, after_the: bool) -> bool:
        """A word that makes the name before it a thing's ("Actions", "Programme"; "Hall"
        only after "the", as it is also a surname)."""
        return word in self.lex.namesake_words or (
            after_the and word in self.lex.namesake_words_after_the
        )

    @staticmethod
    def after_the(doc: Doc, span: Span) -> bool:
        """Whether "the" stands before the name, over capitalised words ("the Jan Heweliusz
        Hall" when the model's name is "Heweliusz Hall")."""
        k = span.start - 1
        while k >= 0 and is_capitalised(doc[k]):
            k -= 1
        return k >= 0 and doc[k].lower_ == "the"

    @staticmethod
    def named_after(doc: Doc, span: Span) -> bool:
        """ "University of Uzbekistan named after Mirzo Ulugbek": a namesake, not a participant."""
        k = span.start - 1
        while (
            k >= 0
            and k >= span.start - 8
            and doc[k].lower_ not in {"after", ".", ";"}
            and "\n" not in doc[k].text
        ):
            k -= 1  # "named after the first President of Russia B.N. Yeltsin", in one clause
        return k >= 1 and doc[k].lower_ == "after" and doc[k - 1].lower_ == "named"

    def after_title(
        self, doc: Doc, title: Span, titles: set[int], honorifics: dict[int, tuple[int, int]]
    ) -> Span | None:
        """``Deputy Director Gao Jun``: two or more name tokens right after a title."""
        j = title.end
        first = j
        while j < len(doc) and self.is_honorific(doc[j]):
            j += 1
        end = self.name_end(doc, j, titles)
        if end - j < 2:
            return None
        if j > first:
            honorifics[j] = (doc[first].idx, doc[j - 1].idx + len(doc[j - 1]))
        span = _mark(Span(doc, j, end, label="PERSON"), "person.after_title")
        return span if self.plausible(doc, span) else None

    def before_title(self, doc: Doc, title: Span, titles: set[int]) -> Span | None:
        """``Hu Jinbo, Director of ...``: a name, a comma, optional fillers, then a title."""
        j = title.start - 1
        while j >= 0 and doc[j].lower_ in FILLERS_BEFORE_TITLE:
            j -= 1
        if j < 1 or doc[j].text != ",":
            return None
        while j >= 2 and doc[j - 1].text in self.lex.post_nominals and doc[j - 2].text == ",":
            j -= 2  # "Petr Dvorak, Ph.D., Vice-Rector"
        end = j
        start = end
        while (
            start > 0
            and end - start < MAX_NAME_TOKENS
            and (
                self.is_name_token(doc[start - 1], titles)
                or doc[start - 1].text in self.lex.particles
            )
        ):
            start -= 1
        while start < end and doc[start].is_stop:
            start += 1  # sentence-initial "The", "In"
        if end - start < 2 or any(t.ent_type_ in {"GPE", "LOC", "NORP"} for t in doc[start:end]):
            return None
        return _mark(Span(doc, start, end, label="PERSON"), "person.before_title")

    def surname_mentions(
        self, doc: Doc, full: list[Span], titles: set[int], boiler: list[Span]
    ) -> list[Span]:
        """Later single-word mentions of a person already named in full (``Arseniev said``)."""
        surnames: dict[tuple[str, ...], int] = {}
        for span in full:
            if len(span) < 2:
                continue
            words = [t.text for t in span if t.is_alpha]
            if words[0] in self.lex.chinese_surnames and len(words) == 2:
                surname: tuple[str, ...] = (words[0],)
            else:
                surname = _last_word(span)  # "El-Sayed" whole, not "Sayed"
            surnames.setdefault(surname, span.start_char)
        taken = {t.i for s in full for t in s}
        by_last = {name[-1]: name for name in sorted(surnames, key=len)}
        texts = token_texts(doc)
        out = []
        for i, text in enumerate(texts):
            name = by_last.get(text)
            if name is None:
                continue
            first = i - len(name) + 1
            if first < 0 or tuple(texts[first : i + 1]) != name:
                continue
            first_seen = surnames[name]
            if any(k in taken for k in range(first, i + 1)):
                continue
            token = doc[i]
            if doc[first].idx < first_seen:
                continue
            if in_any((doc[first].idx, token.idx + len(token)), boiler) or not self.is_name_token(
                token, titles
            ):
                continue
            if (
                token.i + 1 < len(doc)
                and is_capitalised(doc[token.i + 1])
                and doc[token.i + 1].is_alpha
            ):
                continue  # part of a longer name or an organization
            if "&" in {
                doc[first - 1].text if first else "",
                doc[token.i + 1].text if token.i + 1 < len(doc) else "",
            }:
                continue  # "Krause & Wang GmbH": a company named after people
            out.append(_mark(Span(doc, first, i + 1, label="PERSON"), "person.surname_coref"))
        return out


def _is_hyphen_part(token: Token) -> bool:
    """A hyphen or the word after it inside a hyphenated name (Anna-Lena, Yat-sen)."""
    doc = token.doc
    if token.text == "-":
        return not token.whitespace_ and token.i > 0 and not doc[token.i - 1].whitespace_
    return (
        token.i > 0
        and doc[token.i - 1].text == "-"
        and not doc[token.i - 1].whitespace_
        and token.is_alpha
    )


def _mark(span: Span, rule_id: str) -> Span:
    span.id_ = rule_id
    return span


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


def _last_word(span: Span) -> tuple[str, ...]:
    """The texts of a name's last word, with the parts a hyphen joins without spaces
    ("El", "-", "Sayed"; "Kowalczyk", "-", "Dąbrowska"), or its last alphabetic token."""
    tokens = [t for t in span if t.is_alpha or t.text == "-"]
    while tokens and not tokens[-1].is_alpha:
        tokens.pop()
    if not tokens:
        return ()
    k = len(tokens) - 1
    while (
        k >= 2
        and tokens[k - 1].text == "-"
        and tokens[k - 1].i == tokens[k].i - 1
        and tokens[k - 2].i == tokens[k - 1].i - 1
        and not tokens[k - 2].whitespace_
        and not tokens[k - 1].whitespace_
        and tokens[k - 2].is_alpha
    ):
        k -= 2
    return tuple(t.text for t in tokens[k:])
