"""Find job-title phrases ("First Deputy Director", "Vice-Rector") from the titles lexicon.

A title is ``modifier* base`` where both come from ``rules/titles.json``, extended over a
"for" complement ("Vice-Rector for International Affairs and Diversity"), so that the complement
is never read as an organization. "of" complements may name an organization and are left to
``uninews_roles``. Output: ``doc.spans["titles"]`` (label ``TITLE``).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicons import Lexicons, load_lexicons, title_key
from .extensions import register_extensions
from .tokens import is_initial, token_lowers, token_texts

#: Initials whose last dot the tokenizer split off ("R.Sh", "V.V").
_SPLIT_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.)+[A-Z][a-z]?")

RULE_ID = "title.lexicon"


def singular_title(title: str, lex: Lexicons) -> str:
    """ "Vice-Rectors" -> "Vice-Rector": the singular of a plural title base."""
    out = []
    for word in title.split(" "):
        parts = word.split("-")
        parts = [
            p[:-1] if len(p) > 3 and p.endswith("s") and p[:-1].lower() in lex.title_bases else p
            for p in parts
        ]
        out.append("-".join(parts))
    return " ".join(out)


MAX_COMPLEMENT_TOKENS = 6
#: Words after which a post in lower case is a title ("the head of the library X").
LOWER_CASE_DETERMINERS = frozenset({"the", "its", "their", "our", "his", "her"})
#: Punctuation that may stand inside a complement ("Research & Innovation", "Science-Industry").
INNER_PUNCT = {"-", "&", "–"}


class Titles:
    """Greedy longest match of lexicon titles, left to right.

    Args:
        nlp: the pipeline.
        name: component name.
        rules_dir: folder holding ``titles.json``.
        local_rules: the local overrides merged over the lexicons (``rules/local/``);
            empty for the default (:func:`pipeline.local_rules.local_rules_dir`).
    """

    def __init__(self, nlp: Language, name: str, *, rules_dir: str, local_rules: str = "") -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicons = load_lexicons(rules_dir, local_rules or None)
        # Hyphenated bases take three tokens a word ("Vice", "-", "Rector").
        self.max_tokens = 3 * self.lex.longest_title + 4
        # A title starts with a modifier or a base's first word: only those positions are tried.
        self.first_words = set(self.lex.title_modifiers) | {
            b.split()[0] for b in self.lex.title_bases
        }
        #: Words a title can end with; a window ending in another word is no title.
        self.last_words = {b.split()[-1] for b in self.lex.title_bases}

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["titles"]``."""
        found: list[Span] = []
        first_words = self.first_words
        # Only positions whose word can start a title are tried.
        starts = [i for i, lower in enumerate(token_lowers(doc)) if lower in first_words]
        resume = 0
        for i in starts:
            if i < resume:
                continue
            end, label = self.match_at(doc, i)
            if end:
                end = self.complement_end(doc, end)
                end = self.to_complement_end(doc, i, end)
                end = self.portfolio_end(doc, end)
                start = self.nationality_start(doc, i, resume)
                found.append(Span(doc, start, end, label=label, span_id=RULE_ID))
                resume = end
        doc.spans["titles"] = found
        return doc

    def match_at(self, doc: Doc, i: int) -> tuple[int, str]:
        """Return the end token index of the longest title starting at ``i`` and its label
        (``TITLE``, or ``TITLE_PLURAL`` for "Vice-Rectors"), or ``(0, "")``."""
        first = doc[i]
        if first.lower_ not in self.first_words or (
            i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
        ):
            return 0, ""
        # The window: alphabetic tokens and word-internal hyphens from i ("Vice", "-", "Rector").
        limit = i
        while limit < len(doc) and limit - i < self.max_tokens:
            token = doc[limit]
            if not (token.is_alpha or token.text == "-" and not token.whitespace_):
                break
            limit += 1
        texts = token_texts(doc)
        for end in range(limit, i, -1):
            if not self.may_end_title(texts[end - 1]):
                continue
            last = doc[end - 1]
            if not last.is_alpha:
                continue
            if end < len(doc) and doc[end].text == "-" and not last.whitespace_:
                continue  # "Director-" continues into another word
            # "the head of international division X": a post written in lower case is a
            # title after a determiner and before its complement
            lower_ok = (
                i > 0
                and doc[i - 1].lower_ in LOWER_CASE_DETERMINERS
                and end < len(doc)
                and doc[end].lower_ in {"of", "for"}
            ) or self.in_apposition(doc, i, end)
            label = self.title_label([t.text for t in doc[i:end] if t.text != "-"], lower_ok)
            if label:
                return end, label
        return 0, ""

    @staticmethod
    def in_apposition(doc: Doc, i: int, end: int) -> bool:
        """ "Anna Berg, project manager, and ...": a post in lower case set off by commas right
        after a name the model tags as a person, ending the phrase or going on with "of"."""
        return (
            i > 1
            and doc[i - 1].text == ","
            and doc[i - 2].ent_type_ == "PERSON"
            and (
                end == len(doc)
                or doc[end].text in {",", ";", ".", ")"}
                or doc[end].lower_ in {"of", "for", "at", "and"}
            )
        )

    @staticmethod
    def nationality_start(doc: Doc, i: int, resume: int) -> int:
        """ "Chinese Ambassador", "Kenyan Director", "Saudi Cultural Attaché": a nationality
        the model tags right before a title is part of the title as written."""
        start = i
        while (
            start - 1 >= resume
            and doc[start - 1].ent_type_ == "NORP"
            and doc[start - 1].is_alpha
            and doc[start - 1].text[:1].isupper()
        ):
            start -= 1
        return start

    def may_end_title(self, text: str) -> bool:
        """Whether a title may end with this word (a base's last word, or its plural)."""
        words = text.lower().replace("-", " ").split()
        if not words:
            return False
        last = words[-1]
        return last in self.last_words or (last.endswith("s") and last[:-1] in self.last_words)

    def complement_end(self, doc: Doc, end: int) -> int:
        """Extend a title over "for <domain>" or a bracketed area ("Pro-Vice-Chancellor
        (Academic)"); stop before a name, a preposition or a clause."""
        if end < len(doc) and doc[end].text == "(":
            # "(Academic)", "(Global Engagement)", "(Research and Innovation)", "(Research &
            # Innovation)": an area in brackets, capitalised words (and "and"), not an acronym
            close = end + 1
            while close < len(doc) and close - end <= 4 and doc[close].text != ")":
                close += 1
            inside = doc[end + 1 : close]
            if (
                close < len(doc)
                and doc[close].text == ")"
                and len(inside) > 0
                and inside[0].text[:1].isupper()
                and inside[-1].is_alpha
                and all(
                    (t.is_alpha and (t.text[:1].isupper() or t.lower_ == "and")) or t.text == "&"
                    for t in inside
                )
                and not any(t.is_upper for t in inside)
            ):
                return close + 1
        if end >= len(doc) or doc[end].lower_ not in self.lex.title_complement_preps:
            return end
        j = end + 1
        while j < len(doc) and j - end <= MAX_COMPLEMENT_TOKENS:
            token = doc[j]
            if (
                token.is_space
                or (token.is_punct and token.text not in INNER_PUNCT)
                or token.like_num
            ):
                break
            if token.lower_ in self.lex.title_org_preps or (
                token.is_stop and token.lower_ != "and"
            ):
                break
            if self.starts_name(doc, j) or token.text.lower() in self.lex.honorifics:
                break
            if j > end + 1 and self.name_shaped_pair(doc, j):
                break  # "Vice Rector for Academic Affairs Aigul Bekova": a name
            j += 1
        while j > end + 1 and (doc[j - 1].lower_ == "and" or doc[j - 1].text in INNER_PUNCT):
            j -= 1
        return j if j > end + 1 else end

    def portfolio_end(self, doc: Doc, end: int) -> int:
        """ "Vice President, Research", "Vice President, International Affairs" at the end of
        a line or an item: a portfolio of field words after a comma belongs to the title."""
        if end + 1 >= len(doc) or doc[end].text != ",":
            return end
        j = end + 1
        while j < len(doc) and j - end <= 3 and doc[j].text in self.lex.field_words:
            j += 1
        if j == end + 1:
            return end
        if j == len(doc) or "\n" in doc[j].text or doc[j].text in {";", ")"}:
            return j
        return end

    def name_shaped_pair(self, doc: Doc, j: int) -> bool:
        """A capitalised word and a surname-shaped word ("Aigul Bekova"), or the model's
        person entity, starting at ``j``."""
        token = doc[j]
        if token.ent_iob_ == "B" and token.ent_type_ == "PERSON":
            return True
        return (
            j + 1 < len(doc)
            and token.is_alpha
            and token.text[:1].isupper()
            and self.lex.is_surname_shaped(doc[j + 1].text)
        )

    def to_complement_end(self, doc: Doc, start: int, end: int) -> int:
        """ "Ambassador to Brazil", "Special Advisor to the Cabinet": a post that serves
        somewhere or someone takes its "to" complement, capitalised words (after "the"); so
        does "Ambassador [Extraordinary and Plenipotentiary] of Norway to Sweden", with the
        country it serves."""
        title_end = end
        if end < len(doc) and doc[end].lower_ == "of":
            k = end + 1
            if k < len(doc) and doc[k].lower_ == "the":
                k += 1
            first = k
            while k < len(doc) and k - first < 5 and doc[k].is_alpha and doc[k].text[:1].isupper():
                k += 1
            if first < k < len(doc) and doc[k].lower_ == "to":
                end = k
        if end >= len(doc) or doc[end].lower_ != "to":
            return title_end
        words = [t.text for t in doc[start:title_end] if t.text != "-"]
        if not any(
            title_key(words[k:]) in self.lex.to_complement_bases
            or title_key(words[: k + 1]) in self.lex.to_complement_bases
            for k in range(len(words))
        ):
            return title_end
        j = end + 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        k = j
        while k < len(doc) and k - j < 4 and doc[k].is_alpha and doc[k].text[:1].isupper():
            if self.name_shaped_pair(doc, k) or self.starts_name(doc, k):
                break
            k += 1
        return k if k > j else title_end

    def starts_name(self, doc: Doc, j: int) -> bool:
        """A known given name or Chinese surname followed by a capitalised word, any
        capitalised word followed by a patronymic ("Elena Igorevna Shirokova"), initials
        before a capitalised word ("R.Sh. Orlov"), or a surname-shaped word before initials
        ("Sadykova D.A.")."""
        token = doc[j]
        if is_initial(token) and j + 1 < len(doc) and doc[j + 1].text[:1].isupper():
            return True
        if (
            token.is_alpha
            and token.text[:1].isupper()
            and j + 1 < len(doc)
            and is_initial(doc[j + 1])
            and self.lex.is_surname_shaped(token.text)
        ):
            return True  # "Sadykova D.A.": a surname before its initials
        if (
            _SPLIT_INITIALS.fullmatch(token.text)
            and j + 2 < len(doc)
            and doc[j + 1].text == "."
            and not token.whitespace_
            and doc[j + 2].text[:1].isupper()
        ):
            return True  # "R.Sh" "." "Orlov": the tokenizer split the last dot off
        known = token.text in self.lex.given_names or token.text in self.lex.chinese_surnames
        if known and j + 1 < len(doc) and doc[j + 1].text[:1].isupper():
            return True
        if j + 2 >= len(doc) or not token.text[:1].isupper():
            return False
        return self.lex.is_patronymic(doc[j + 1].text) and doc[j + 2].text[:1].isupper()

    def title_label(self, words: list[str], lower_ok: bool = False) -> str:
        """``TITLE`` when ``words`` are ``modifier* base``, ``TITLE_PLURAL`` when the base is a
        capitalised plural ("Vice-Rectors", before a list of names), else ``""``. With
        ``lower_ok``, a base that is a title only when capitalised may be in lower case."""
        if self.is_title(words, lower_ok):
            return "TITLE"
        last = words[-1]
        if len(last) > 3 and last.endswith("s") and last[:1].isupper():
            if self.is_title([*words[:-1], last[:-1]]):
                return "TITLE_PLURAL"
        return ""

    def is_title(self, words: list[str], lower_ok: bool = False) -> bool:
        """Return True when ``words`` are ``modifier* base`` with the lexicon's case rules."""
        lex = self.lex
        for split in range(len(words)):
            base = title_key(words[split:])
            if base not in lex.title_bases:
                continue
            modifiers = words[:split]
            if not all(m.lower() in lex.title_modifiers for m in modifiers):
                continue
            if any(m.islower() and m not in lex.title_lowercase_ok_modifiers for m in modifiers):
                continue
            head_word = words[split]
            if base in lex.title_capitalized_only and not head_word[:1].isupper() and not lower_ok:
                continue
            if modifiers and modifiers[0].islower() and words[split][:1].isupper():
                continue  # "first Director": lower-case modifier before a capitalised base
            return True
        return False


@Language.factory(
    "uninews_titles", assigns=["doc.spans"], default_config={"rules_dir": "", "local_rules": ""}
)
def make_titles(nlp: Language, name: str, rules_dir: str, local_rules: str) -> Titles:
    """Build the ``uninews_titles`` component."""
    return Titles(nlp, name, rules_dir=rules_dir, local_rules=local_rules)
