"""Find organization mentions: cleaned NER ORG entities plus capitalised chains with a head noun.

Rules (ids on each span):
- ``org.ner``: an ORG entity without a leading "the", cut before any title or person inside it
  ("JITRI First Deputy Director Gao Jun" -> "JITRI"), dropped when it names a group or event
  ("Gansu Province Delegation").
- ``org.repeated``: another occurrence of a name found elsewhere in the article.
- ``org.head_chain``: a chain of capitalised words (with of/the/and/for inside) that contains an
  organization head noun from ``rules/organizations.json`` ("Lanzhou Jiaotong University",
  "St. Petersburg Branch of the Russian Academy of Sciences"). Two heads joined by "and"
  ("Lanzhou University and Nanjing University") are two organizations.
- ``org.local``: a name or alias of the local lexicon (``rules/local/organizations.json``,
  written from reviewers' decisions), wherever it is written as whole tokens with the same case;
  it replaces the organizations and model entities it overlaps, and a person's name inside it
  ("Tserendorj" in "Tserendorj Institute"), but not a person's name it is only part of. Its
  type is that of the canonical name; assembly makes the canonical name the organization's.

Output: ``doc.spans["orgs"]`` (label ``ORG``), ``Span._.org_type`` from the first typed head.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..lexicons import Lexicons, load_lexicons
from .acronyms import clipped_blend
from .extensions import register_extensions
from .lines import in_any
from .local_names import LocalNames, claim_entities, overlaps
from .tokens import (
    has_cyrillic,
    is_acronym,
    is_capitalised,
    is_initial,
    is_verb_like,
    token_lowers,
    token_texts,
)

#: Words that join two coordinated organizations.
COORDINATORS = {"and", "&"}
#: Connectors after which a head's complement follows ("Academy of Sciences").
COMPLEMENT_CONNECTORS = {
    "of",
    "for",
    "de",
    "für",
    "di",
    "del",
    "della",
    "delle",
    "dei",
    "degli",
    "da",
    "do",
    "des",
    "du",
}
MAX_COMPLEMENT_TOKENS = 12
#: Head types that make a coordinated name an organization of its own.
STRONG_TYPES = frozenset({"university", "research_institute", "academy", "government"})
STRONG_COMPANY_HEADS = frozenset({"Company", "Corporation", "Group", "Holding", "Bank"})
#: Dashes that join the parts of one name when written without spaces ("China–South Asia").
JOINERS = {"-", "–", "—", "‐"}
LOCAL_RULE = "org.local"


class Organizations:
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
                if span is not None:
                    candidates.append(_mark(span, "org.ner"))
        # Descriptions, and what the model found inside them ("Quantum Photonics"), go.
        described = [s for s in candidates if self.headline_description(doc, s)]
        spans = filter_spans(
            [self.in_place(doc, s) for s in candidates if not in_any(s, described)]
        )
        local_spans = [span for span, _canonical in local]
        if local_spans:
            spans = sorted([s for s in spans if not overlaps(s, local_spans)] + local_spans)
        spans = sorted(spans + self.repeated(doc, spans, blocked, boiler))
        for span in spans:
            span._.org_type = self.org_type(span)
        for span, canonical in local:
            span._.org_type = self.type_of_words(canonical.split())
        claim_entities(doc, local_spans, "ORG")
        doc.spans["orgs"] = spans
        return doc

    def local_names(self, doc: Doc, boiler: list[Span]) -> list[tuple[Span, str]]:
        """Occurrences of local organization names with their canonical names.

        A person's name the occurrence contains goes ("Tserendorj" of "Tserendorj Institute");
        an occurrence inside or across a person's name, or over a local person name, does not
        count ("Bauman" in "Anna Bauman").
        """
        found = self.local.find(doc, "ORG", LOCAL_RULE, boiler)
        if not found:
            return []
        persons = list(doc.spans.get("persons", []))
        kept = []
        for span, canonical in found:
            inside = [p for p in persons if overlaps(p, [span])]
            if all(
                p.id_ != "person.local"
                and span.start <= p.start
                and p.end <= span.end
                and len(p) < len(span)
                for p in inside
            ):
                kept.append((span, canonical))
        spans = [span for span, _canonical in kept]
        if any(overlaps(p, spans) for p in persons):
            doc.spans["persons"] = [p for p in persons if not overlaps(p, spans)]
        return kept

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

    def in_place(self, doc: Doc, span: Span) -> Span:
        """ "Embassy of France" + "in China": a mission's name includes where it is."""
        end = span.end
        if end + 1 >= len(doc) or doc[end].lower_ != "in":
            return span
        words = [t.text for t in span]
        if not any(
            tuple(words[k : k + len(head)]) == head
            for head in self.lex.in_place_heads
            for k in range(len(words))
        ):
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

    def repeated(
        self, doc: Doc, found: list[Span], blocked: set[int], boiler: list[Span]
    ) -> list[Span]:
        """Other occurrences of a name already found ("PoliRomagna" tagged once by the model,
        then written again where it was not): a name is a name wherever it stands."""
        names: dict[str, list[str]] = {}
        for span in found:
            words = [t.text for t in span]
            if words[0][:1].isupper():
                names.setdefault(words[0], []).append(" ".join(words))
        taken = {t.i for s in found for t in s} | blocked
        texts = token_texts(doc)
        out = []
        i = 0
        while i < len(doc):
            if texts[i] not in names:
                i += 1
                continue
            for name in sorted(names[texts[i]], key=len, reverse=True):
                n = len(name.split())
                window = doc[i : i + n]
                if " ".join(t.text for t in window) != name or any(t.i in taken for t in window):
                    continue
                if i + n < len(doc) and is_capitalised(doc[i + n]) and doc[i + n].is_alpha:
                    continue  # part of a longer name
                span = Span(doc, i, i + n, label="ORG", span_id="org.repeated")
                if not in_any(span, boiler):
                    out.append(span)
                    i += n - 1
                break
            i += 1
        return out

    # -- chains of capitalised words ---------------------------------------------------------
    def is_word(self, token: Token, blocked: set[int]) -> bool:
        """A capitalised token that may stand in an organization name."""
        text = token.text
        if token.i in blocked or text in self.lex.headline_verbs:
            return False  # headline verbs: "Tomsk State University Signs Agreement With ..."
        if not (
            text in self.lex.company_suffixes  # "Mustafa Kaya Medikal A.Ş."
            # "I.M. Sechenov First Moscow State Medical University"
            or (
                is_initial(token)
                and token.i + 1 < len(token.doc)
                and is_capitalised(token.doc[token.i + 1])
            )
            or (
                is_capitalised(token)
                and (text.isalpha() or text.rstrip(".").isalpha() or is_acronym(token))
            )
        ):
            return False
        # The parse is read last: it is the costly test.
        return not (token.is_space or has_cyrillic(text) or is_verb_like(token))

    def chains(self, doc: Doc, blocked: set[int]) -> list[tuple[int, int]]:
        """Maximal runs of capitalised words with lower-case connectors inside."""
        out = []
        texts, lowers = token_texts(doc), token_lowers(doc)
        connectors = self.lex.org_connectors
        i = 0
        n = len(doc)
        while i < n:
            # A chain starts with a capitalised word (every company suffix is one too).
            if not texts[i][:1].isupper():
                i += 1
                continue
            if lowers[i] in connectors or not self.is_word(doc[i], blocked):
                i += 1
                continue
            start = end = i
            j = i
            while j < n:
                if lowers[j] in connectors:
                    j += 1
                    continue
                token = doc[j]
                if token.text == "," and self.listed_in_complement(doc, start, j, blocked):
                    j += 1  # "Ministry of Higher Education, Science and Innovation"
                elif (
                    token.text in {"'s", "’s"}
                    and j + 1 < n
                    and self.is_word(doc[j + 1], blocked)
                    and any(doc[k].lower_ == "of" for k in range(start, j))
                ):
                    j += 1  # "Ministry of Education of the People's Republic of China"
                elif self.is_word(token, blocked):
                    end = j = j + 1
                elif token.text in JOINERS and not token.whitespace_ and not doc[j - 1].whitespace_:
                    j += 1
                    nxt = doc[j] if j < n else None
                    if (
                        nxt is not None
                        and nxt.is_alpha
                        and nxt.is_lower
                        and nxt.lower_ not in self.lex.org_connectors
                    ):
                        end = j = j + 1  # "Sun Yat-sen University": a lower-case part of a name
                else:
                    break
            # "China University of Petroleum (Beijing)": a place in brackets is part of the name
            if (
                end + 2 < n
                and doc[end].text == "("
                and doc[end + 2].text == ")"
                and is_capitalised(doc[end + 1])
                and doc[end + 1].is_alpha
                and not is_acronym(doc[end + 1])
                and not clipped_blend(doc[end + 1].text, doc[start:end].text)
                and self.has_head(doc, start, end)
            ):
                end = j = end + 3
            # "Haiyun Intelligent Equipment Co., Ltd.": a company suffix after a comma
            while (
                end + 1 < n
                and doc[end].text == ","
                and doc[end + 1].text in self.lex.company_suffixes
            ):
                end = j = end + 2
            while start < end and (
                doc[start].is_stop or doc[start].lower_ in self.lex.org_connectors
            ):
                start += 1  # "The", "In", "At" at a sentence start
            if end > start:
                out.append((start, end))
            i = max(end, i + 1)
        return out

    def listed_in_complement(self, doc: Doc, start: int, comma: int, blocked: set[int]) -> bool:
        """A comma inside an "of" complement that lists names: "of A, B and C"."""
        if not any(doc[k].lower_ == "of" for k in range(start, comma)):
            return False
        k = comma + 1
        while k < len(doc) and k - comma <= 6:
            token = doc[k]
            if token.lower_ == "and":
                return k + 1 < len(doc) and self.is_word(doc[k + 1], blocked)
            if not (self.is_word(token, blocked) or token.text == ","):
                return False
            k += 1
        return False

    def has_head(self, doc: Doc, start: int, end: int) -> bool:
        """True when a head noun stands in ``doc[start:end]``."""
        return any(doc[k].text in self.lex.org_heads for k in range(start, end))

    def split_coordination(self, doc: Doc, chain: tuple[int, int]) -> list[tuple[int, int]]:
        """Split coordinated names: "A University and B Institute", "KFU and B University",
        "Unicamp and Gubkin University", "University of the Basque Country and Peter the Great
        ... University".

        These stay whole: "Science and Technology Department" (fields joined by "and"),
        "Institute of Energy Systems and Hydrogen Technologies" and "Institute of Oceanology and
        Marine Geophysics of the ... Academy" (inside an "of" complement, the words after "and"
        do not form a university, institute, academy or government body of their own).
        """
        start, end = chain
        parts = []
        left = start
        for k in range(start, end):
            if doc[k].lower_ not in COORDINATORS:
                continue
            if k + 1 < end and doc[k + 1].lower_ == "of":
                parts.append((left, k))  # "Ministry of A and of B Company": the chain ends here
                return parts
            right = k + 1
            while right < end and doc[right].lower_ == "the":
                right += 1
            if not self.names_org(doc, right, end):
                continue
            in_complement = any(doc[m].lower_ in COMPLEMENT_CONNECTORS for m in range(left, k))
            # A lone acronym after "and" is an organization of its own ("Politecnico di Milano
            # and USTC"), unless it is a known non-organization ("Physics and IT").
            strong = self.strong_head(doc, right, end) or (
                end - right == 1
                and is_acronym(doc[right])
                and doc[right].text.upper() not in self.lex.not_org_acronyms
            )
            if doc[k - 1].text in self.lex.venue_words:
                parts.append((left, k))  # "the Sun Yat-sen Memorial Hall and Kazan University"
                left = right
                continue
            if self.names_org(doc, left, k):
                if in_complement and right == k + 1 and not strong:
                    continue
            elif not (strong and self.bare_name(doc, left, k)):
                continue
            parts.append((left, k))
            left = right
        parts.append((left, end))
        return parts

    def strong_head(self, doc: Doc, start: int, end: int) -> bool:
        """The first head before any "of" names a university, institute, academy, government
        body or company (not a field-like "Technologies", "Systems")."""
        for k in range(start, end):
            if doc[k].lower_ in COMPLEMENT_CONNECTORS:
                return False
            kind = self.lex.org_heads.get(doc[k].text)
            if kind:
                return kind in STRONG_TYPES or doc[k].text in STRONG_COMPANY_HEADS
        return False

    def bare_name(self, doc: Doc, start: int, end: int) -> bool:
        """One or two capitalised words, not ending in a field ("Unicamp", "Zewail City";
        not "Gansu Science")."""
        words = doc[start:end]
        return (
            1 <= len(words) <= 2
            and all(is_capitalised(t) and t.is_alpha for t in words)
            and words[-1].text not in self.lex.field_words
        )

    def names_org(self, doc: Doc, start: int, end: int) -> bool:
        """True when ``doc[start:end]`` opens with an organization name of its own.

        That is a lone acronym, or a head noun before any "of"/"for" complement.
        """
        if (
            end - start >= 1
            and is_acronym(doc[start])
            and (end - start == 1 or doc[start + 1].lower_ in COORDINATORS)
        ):
            return True
        if is_acronym(doc[end - 1]) or doc[end - 1].text in self.lex.company_suffixes:
            return True  # "Rheinfeld UAS and ...", "Moselle Aciers SAS and ..."
        for k in range(start, end):
            if doc[k].lower_ in COMPLEMENT_CONNECTORS:
                return False
            if doc[k].text in self.lex.org_heads:
                return True
        return False

    def head_extent(self, doc: Doc, start: int, end: int) -> Span | None:
        """Cut a chain after its last head noun and that head's of-complement."""
        heads = [k for k in range(start, end) if doc[k].text in self.lex.org_heads]
        if not heads:
            return None
        # "Delegates of the Zhejiang ... Institute": words before "of" with no head of their own
        # are not part of the name.
        for k in range(start, heads[0]):
            if doc[k].lower_ in COMPLEMENT_CONNECTORS:
                start = k + 1
        while start < end and doc[start].lower_ in self.lex.org_connectors:
            start += 1
        if any(doc[h - 1].text in self.lex.event_words for h in heads if h > start):
            return None  # "International Summer School": an event
        if any(doc[k].text in self.lex.award_words for k in range(start, end)):
            return None  # "Humboldt Research Award"
        stop = heads[-1] + 1
        if heads == [start]:
            # a head-first name: "Universitas Gadjah Mada", "Universiti Teknologi Malaysia",
            # or an English one before its complement: "Consulate General of Brazil"; not a
            # field: "Under-Secretary for University Affairs"
            words_end = stop
            while words_end < end and doc[words_end].lower_ not in self.lex.org_connectors:
                words_end += 1
            if doc[start].text in self.lex.name_first_heads or (
                words_end < end and doc[words_end].lower_ in COMPLEMENT_CONNECTORS
            ):
                stop = words_end
        if stop < len(doc) and doc[stop].text in self.lex.not_org_last_words:
            return None  # "QS World University Rankings": a ranking named after a head noun
        if stop < end and doc[stop].lower_ in COMPLEMENT_CONNECTORS:
            k = stop + 1
            while k < end and doc[k].lower_ == "the":
                k += 1
            comp_end = k
            while comp_end < end and comp_end - k < MAX_COMPLEMENT_TOKENS:
                comp_end += 1
            if comp_end > k:
                stop = comp_end
        while stop > start and doc[stop - 1].lower_ in self.lex.org_connectors:
            stop -= 1
        if stop - start == 1 and doc[start].text in self.lex.org_heads:
            return None  # "University" alone is a reference, not a name
        return Span(doc, start, stop, label="ORG")

    # -- NER entities ---------------------------------------------------------------------
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
        span = Span(doc, start, end, label="ORG")
        if has_cyrillic(span.text) or doc[end - 1].text in self.lex.not_org_last_words:
            return None
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
        nxt = doc[span.end] if span.end < len(doc) else None
        if all(t.is_upper for t in span) and nxt is not None and nxt.text in JOINERS:
            return None  # "DOHA —", "ABU DHABI —": a dateline
        if len(span) == 1:
            token = span[0]
            if not is_acronym(token):
                return None  # single capitalised words are mostly places the model mislabels
            if token.text.upper() in self.lex.not_org_acronyms:
                return None  # "MOU", "USD"
        return span

    def org_type(self, span: Span) -> str:
        """The type of the name's head noun (see :meth:`type_of_words`)."""
        return self.type_of_words([t.text for t in span])

    def type_of_words(self, words: list[str]) -> str:
        """The type of a name's head noun: the last typed head before an "of"/"for"
        complement ("Volga Aerospace University", "Suzhou ... Institute of Tsinghua University"),
        else the first typed head after it ("Shanghai Branch of the Chinese Academy ..."),
        else ``other``."""
        before: str | None = None
        for word in words:
            if word.lower() in COMPLEMENT_CONNECTORS:
                break
            before = self.lex.org_heads.get(word) or before
        if before:
            return before
        for word in words:
            kind = self.lex.org_heads.get(word)
            if kind:
                return kind
        return "other"


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
