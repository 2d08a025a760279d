"""Acronyms: defined ones ("Full Name (ACR)") and undefined ones matched to a name in the text.

Detection follows Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation
definitions in biomedical text": a short form in parentheses next to a candidate long form, kept
when the short form's letters can be found in the long form. We verify against the organization
mention next to the parentheses instead of a word window, and accept two kinds of match:

- ordered: each capital of the acronym starts a word of the long form, in order, each lower-case
  letter lies inside the current word, and no content word is skipped (``SPbPU`` ->
  "St. Petersburg Polytechnic University", ``RAS`` -> "Russian Academy of Sciences");
- initials: for an explicit definition only, the acronym's letters are the initials of the
  long form's content words in another order (``TSARI`` -> "Suzhou Automotive Research
  Institute of Tsinghua University", whose English acronym puts the parent first).

Undefined acronyms ("SPbPU" in an article that never spells it out) are matched, ordered only,
against every word-suffix of the organization names in the same document.

Output: acronym mentions are added to ``doc.spans["orgs"]`` (method ``acronym``) with
``Span._.long_form`` = char offsets of the long form's mention; ``doc.spans["acronyms"]`` lists
the definitions.
"""

from __future__ import annotations

from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicons import Lexicons, load_lexicons
from .extensions import register_extensions
from .lines import dateline_dash, in_any
from .persons.capitals import CAPITAL_SURNAMES_KEY
from .tokens import has_cyrillic, is_acronym, is_acronym_text, token_texts

#: Words an acronym skips ("Academy of Sciences" -> AS).
SKIPPABLE = frozenset(
    {"of", "the", "and", "for", "&", "de", "la", "at", "in", "on", "named", "after"}
)


def _words(long_form: str) -> tuple[str, ...]:
    words = (w.strip("()[],.;:'\"") for w in long_form.replace("-", " ").replace("–", " ").split())
    return tuple(w for w in words if w)


@lru_cache(maxsize=4096)
def ordered_match(acronym: str, long_form: str, skips: int = 0) -> bool:
    """Return True when ``acronym`` spells ``long_form`` in order (see module docstring).

    Args:
        acronym: e.g. ``SPbPU``.
        long_form: e.g. ``St. Petersburg Polytechnic University``.
        skips: how many content words the acronym may leave out ("SPbU" for "Saint
            Petersburg State University" leaves out "State").
    """
    words = _words(long_form)
    letters = [c for c in acronym if c.isalpha()]
    if len(letters) < 2 or not words:
        return False

    @cache
    def match(li: int, wi: int, ci: int, left: int) -> bool:
        # li: next acronym letter; wi: current word; ci: next char inside the current word
        # (ci == 0 means the current word has not been entered yet); left: content words that
        # may still be left out.
        if li == len(letters):
            # every remaining word must be skippable, and the current word must have been used
            return all(w.lower() in SKIPPABLE for w in words[wi + (1 if ci else 0) :])
        letter = letters[li]
        if letter.islower() and ci:
            # a lower-case letter may come from inside the current word
            pos = words[wi].lower().find(letter, ci)
            if pos >= 0 and match(li + 1, wi, pos + 1, left):
                return True
        # otherwise the letter starts the next word; skippable words may be passed over
        nxt = wi + (1 if ci else 0)
        while nxt < len(words):
            word = words[nxt]
            if word[0].lower() == letter.lower() and match(li + 1, nxt, 1, left):
                return True
            if word.lower() not in SKIPPABLE:
                if not left:
                    return False
                left -= 1
            nxt += 1
        return False

    return match(0, 0, 0, skips)


def initials_match(acronym: str, long_form: str) -> bool:
    """Return True when the acronym's letters are the long form's content-word initials.

    At most one content word may be left out (TSARI leaves out "University").
    """
    letters = sorted(c.lower() for c in acronym if c.isalpha())
    initials = sorted(w[0].lower() for w in _words(long_form) if w.lower() not in SKIPPABLE)
    if len(letters) < 2 or len(initials) - len(letters) not in (0, 1):
        return False
    remaining = list(initials)
    for letter in letters:
        if letter not in remaining:
            return False
        remaining.remove(letter)
    return True


def blend_match(short: str, long_form: str) -> bool:
    """True when a blend of word beginnings spells ``long_form`` ("PoliRomagna" for
    "Polytechnic University of Romagna", "UniBologna" ...): each capitalised chunk of three or
    more letters starts like a different word of the long form (same first three letters), in
    order; words may be skipped."""
    chunks, current = [], ""
    for char in short:
        if char.isupper() and current:
            chunks.append(current)
            current = ""
        current += char
    chunks.append(current)
    if len(chunks) < 2 or any(len(c) < 3 or not c.isalpha() for c in chunks):
        return False
    words = [w.lower() for w in _words(long_form)]
    position = 0
    for chunk in chunks:
        while position < len(words) and not words[position].startswith(chunk.lower()[:3]):
            position += 1
        if position == len(words):
            return False
        position += 1
    return True


def clipped_blend(short: str, long_form: str) -> bool:
    """True when ``short`` is the beginnings of two words of ``long_form``, in order, each of
    three or more letters ("Unicamp" for "Universidade Estadual de Campinas")."""
    if not short.isalpha() or len(short) < 6:
        return False
    words = [w.lower() for w in _words(long_form)]
    lower = short.lower()
    for cut in range(3, len(lower) - 2):
        first, second = lower[:cut], lower[cut:]
        for j, word in enumerate(words):
            if word.startswith(first) and any(w.startswith(second) for w in words[j + 1 :]):
                return True
    return False


def loose_match(acronym: str, long_form: str) -> bool:
    """Pinyin-style acronyms: capitals may also start a syllable inside a word ("ZJU" for
    "Zhejiang University", "BJTU" for "Beijing Jiaotong University"), as long as every
    content word's first letter is used, in order."""
    words = [w for w in _words(long_form) if w.lower() not in SKIPPABLE]
    letters = [c.lower() for c in acronym if c.isalpha()]
    if len(letters) < 2 or len(letters) <= len(words) or not words:
        return False

    @cache
    def match(li: int, wi: int, ci: int) -> bool:
        if li == len(letters):  # done: the last word must have been entered
            return ci > 0 and wi == len(words) - 1
        if wi == len(words):
            return False
        word = words[wi].lower()
        if ci == 0:  # the word's first letter must be the next acronym letter
            return letters[li] == word[0] and match(li + 1, wi, 1)
        pos = word.find(letters[li], ci)
        while pos >= 0:  # a later letter of the same word...
            if match(li + 1, wi, pos + 1):
                return True
            pos = word.find(letters[li], pos + 1)
        return match(li, wi + 1, 0)  # ...or move on to the next word

    return match(0, 0, 0)


def suffix_match(acronym: str, name: str) -> str | None:
    """Return the word-suffix of ``name`` that ``acronym`` spells in order, or None."""
    words = name.split()
    for k in range(len(words)):
        if words[k].lower() in SKIPPABLE:
            continue
        candidate = " ".join(words[k:])
        if ordered_match(acronym, candidate):
            return candidate
    return None


class Acronyms:
    """Add acronym mentions to ``doc.spans["orgs"]`` and link them to their long forms.

    Args:
        nlp: the pipeline.
        name: component name.
        rules_dir: the rules folder.
        local_rules: the local overrides merged over the lexicons (``rules/local/``);
            empty for the default (:func:`pipeline.local_rules.local_rules_dir`).
    """

    def __init__(self, nlp: Language, name: str, *, rules_dir: str, local_rules: str = "") -> None:
        register_extensions()
        self.name = name
        self.lex: Lexicons = load_lexicons(rules_dir, local_rules or None)

    def __call__(self, doc: Doc) -> Doc:
        """Extend ``doc.spans["orgs"]`` and set ``doc.spans["acronyms"]``."""
        orgs = list(doc.spans.get("orgs", []))
        boiler = list(doc.spans.get("boilerplate", []))
        persons = {t.i for s in doc.spans.get("persons", []) for t in s}
        by_end = {s.end: s for s in orgs}
        defined: dict[str, Span] = {}
        definitions: list[Span] = []
        # 1. Explicit definitions: LONG (ACR)
        texts = token_texts(doc)
        for i in range(1, len(texts) - 2):
            if texts[i] == "(" and texts[i + 2] == ")" and texts[i + 1][:1].isupper():
                long_span = by_end.get(i)
                acr = doc[i + 1].text
                if long_span is None or long_span.id_.startswith("acronym."):
                    continue
                if not is_acronym_text(acr):
                    # "Universidade Estadual de Campinas (Unicamp)": a clipped blend
                    if clipped_blend(acr, long_span.text) or blend_match(acr, long_span.text):
                        defined.setdefault(acr, long_span)
                        definition = Span(
                            doc, i + 1, i + 2, label="ACRONYM", span_id="acronym.defined"
                        )
                        definition._.long_form = (long_span.start_char, long_span.end_char)
                        definitions.append(definition)
                    continue
                # An all-capitals abbreviation in brackets right after a name defines it even
                # when its letters come from another language ("German Academic Exchange
                # Service (DAAD)").
                if (
                    suffix_match(acr, long_span.text)
                    or initials_match(acr, long_span.text)
                    or loose_match(acr, long_span.text)
                    # defined right after its name, an acronym may leave out one word
                    or ordered_match(acr, long_span.text, skips=1)
                    or (acr.isupper() and 2 <= len(acr) <= 6)
                ):
                    defined.setdefault(acr, long_span)
                    definition = Span(doc, i + 1, i + 2, label="ACRONYM", span_id="acronym.defined")
                    definition._.long_form = (long_span.start_char, long_span.end_char)
                    definitions.append(definition)
        # 1b. A shorter name in brackets right after a name: "Peoples' Friendship University
        # of Russia (RUDN University)", "I.M. Sechenov ... University (Sechenov University)".
        for inner in orgs:
            start, end = inner.start, inner.end
            if start < 2 or end >= len(texts) or texts[start - 1] != "(" or texts[end] != ")":
                continue
            outer = by_end.get(start - 1)
            if outer is None or inner._.long_form or len(inner) >= len(outer):
                continue
            head = inner[-1].text
            if head not in self.lex.org_heads or all(t.text != head for t in outer):
                continue  # a head noun of the name: "... University of Russia (RUDN University)"
            inner._.long_form = (outer.start_char, outer.end_char)
            inner._.org_type = outer._.org_type
        # 2. Every acronym-shaped token: a defined one, or one matching a name in the text.
        org_tokens = {t.i for s in orgs for t in s}
        names = [s for s in orgs if not s.id_.startswith("acronym.") and len(s) > 1]
        added: list[Span] = []
        for i, text in enumerate(texts):
            if not (is_acronym_text(text) or text in defined) or i in persons or i in org_tokens:
                continue
            token = doc[i]
            if in_any((token.idx, token.idx + len(token)), boiler):
                continue
            long_span = defined.get(token.text)
            rule_id = "acronym.defined"
            if long_span is None:
                long_span = self.implicit(token.text, names)
                rule_id = "acronym.implicit"
            if long_span is None:
                continue
            span = Span(doc, token.i, token.i + 1, label="ORG", span_id=rule_id)
            span._.long_form = (long_span.start_char, long_span.end_char)
            span._.org_type = long_span._.org_type
            added.append(span)
        # NER may already have the acronym as an ORG ("KFU", "SB RAS"): link it too.
        for span in orgs:
            if span.text in defined and not is_acronym(span[0]) and len(span) == 1:
                long_span = defined[span.text]  # "Unicamp", defined as a blend
                span._.long_form = (long_span.start_char, long_span.end_char)
                span._.org_type = long_span._.org_type
            elif len(span) <= 3 and all(is_acronym(t) for t in span):
                letters = "".join(t.text for t in span)
                long_span = defined.get(span.text) or self.implicit(letters, names)
                if long_span is not None:
                    span._.long_form = (long_span.start_char, long_span.end_char)
                    span._.org_type = long_span._.org_type
        # 3. An all-capitals abbreviation used alone ("funded by DAAD") stands for an
        # organization, unless it is a known non-organization (MoU, PhD, USD, ...).
        taken = org_tokens | {t.i for s in added for t in s}
        for i, text in enumerate(texts):
            # Three or more capitals (see undefined_acronym), tested on the text first.
            if i in taken or i in persons or not text.isupper() or len(text) < 3:
                continue
            token = doc[i]
            if not self.undefined_acronym(doc, token):
                continue
            if i in doc.user_data.get(CAPITAL_SURNAMES_KEY, frozenset()):
                continue  # "Yavuz ATAR": a surname in capitals
            if in_any((token.idx, token.idx + len(token)), boiler):
                continue
            added.append(Span(doc, token.i, token.i + 1, label="ORG", span_id="acronym.undefined"))
        doc.spans["orgs"] = sorted(orgs + added)
        doc.spans["acronyms"] = definitions
        return doc

    def undefined_acronym(self, doc: Doc, token) -> bool:
        """Three or more capitals, in a line that is not written in capitals, not a dateline."""
        text = token.text
        if len(text) < 3 or not text.isalpha() or not text.isupper():
            return False
        if text in self.lex.not_org_acronyms or text in self.lex.post_nominals:
            return False  # "MOU", "USD"; honours after a name ("CBE", "FRS")
        if self.lex.is_place_name(text):
            return False  # "NEPAL", "BISHKEK": a place in capitals
        if has_cyrillic(text):
            return False
        k = token.i + 1
        while k < len(doc) and doc[k].is_alpha and doc[k].is_upper:
            k += 1
        if dateline_dash(doc, k):
            return False  # "DOHA — ...", "RIVER FALLS, Wis. — ...": a dateline
        line = [t for t in doc[max(0, token.i - 8) : token.i + 8] if t.is_alpha]
        return sum(t.text.isupper() for t in line) * 2 < len(line)

    @staticmethod
    def implicit(acronym: str, names: list[Span]) -> Span | None:
        """The unique organization mention whose name ends in words the acronym spells, or
        that the acronym blends ("PoliRomagna")."""
        hits: dict[str, Span] = {}
        for span in names:
            if suffix_match(acronym, span.text) is not None or blend_match(acronym, span.text):
                hits.setdefault(span.text, span)
        if not hits:
            for span in names:
                if loose_match(acronym, span.text):
                    hits.setdefault(span.text, span)
        # "St. Petersburg Polytechnic University" and "Peter the Great St. Petersburg
        # Polytechnic University" are forms of one name: keep the longest of nested forms.
        longest = [t for t in hits if not any(o != t and o.endswith(" " + t) for o in hits)]
        return hits[longest[0]] if len(longest) == 1 else None


@Language.factory(
    "uninews_acronyms", assigns=["doc.spans"], default_config={"rules_dir": "", "local_rules": ""}
)
def make_acronyms(nlp: Language, name: str, rules_dir: str, local_rules: str) -> Acronyms:
    """Build the ``uninews_acronyms`` component."""
    return Acronyms(nlp, name, rules_dir=rules_dir, local_rules=local_rules)
