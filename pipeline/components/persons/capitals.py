"""Surnames written in capitals: "Oleksandr MAZURENKO", "TANAKA Hiroshi", "O. KOVALENKO".

Many sites (Korean, Japanese, Ukrainian, Turkish, Romanian) write the surname in capitals, before
or after the given name. A word in capitals is otherwise an acronym (KFU, UNILAG), so it may
stand in a name only where its shape and its neighbours say surname:

- it is a word of three to fourteen letters, all capitals, with a vowel (acronyms such as MSU or
  KFU often have none, and two letters are mostly acronyms: TU, EU);
- it is not written in a short bracket anywhere in the text ("Lakeside University (LU)",
  "(Rheinfeld UAS)": an acronym the text defines), and the model does not read it as a place
  or a nationality;
- it stands right next to a capitalised word in ordinary case, or an initial ("Yusuf",
  "Ji-Hoon", "O."), which is not itself a title or an organization's head word, and which the
  model does not read as one organization or place with it ("Rheinfeld UAS");
- a word of three letters (KOO, but also UAS) needs a more personal neighbour: a known or
  hyphenated given name, an initial, or a title or honorific before the name ("Prof. KOO
  Minjae", "Dr. Minjae KOO");
- a name the model reads as a person and writes wholly in capitals ("TRAN VAN LOC") is one
  when one of its words is a known surname of the surname-first naming traditions.

The name rules then read such a word as any other name word, so a name runs on into it
("Yavuz" + "ATAR") and the model's single-word organization "ATAR" gives way to the person.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..tokens import is_initial, token_texts

#: Where the surnames in capitals of a Doc are kept (token indices).
CAPITAL_SURNAMES_KEY = "uninews.capital_surnames"
_VOWELS = frozenset("AEIOUYÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝİŌŪĀĒĪƠƯ")
_NAMED_THINGS = frozenset({"ORG", "FAC", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART"})
_NOT_PERSON = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "PERCENT"})


def _capital_word(token: Token) -> bool:
    text = token.text
    return (
        token.is_alpha
        and 3 <= len(text) <= 14
        and text.isupper()
        and any(c in _VOWELS for c in text)
        and token.ent_type_ not in _NOT_PERSON
    )


def _ordinary_name_word(token: Token) -> bool:
    """A capitalised word in ordinary case ("Yusuf", "Ji-Hoon", "Kayoko") or an initial."""
    text = token.text
    if is_initial(token):
        return True
    return (
        len(text) >= 2
        and text[0].isupper()
        and not text.isupper()
        and text.replace("-", "").isalpha()
    )


def _one_entity(token: Token, other: Token, labels: frozenset[str]) -> bool:
    """True when both tokens are inside one entity of the model with one of ``labels``."""
    if not token.ent_type_ or token.ent_type_ not in labels or other.ent_type_ != token.ent_type_:
        return False
    first, second = sorted((token, other), key=lambda t: t.i)
    return second.ent_iob_ == "I" and second.i == first.i + 1


def _bracketed(doc: Doc) -> frozenset[str]:
    """Words the text writes in a short bracket: acronyms it defines ("(LU)", "(Rheinfeld
    UAS)")."""
    out = set()
    opened = None
    texts = token_texts(doc)
    for i, text in enumerate(texts):
        if text in {"(", "["}:
            opened = i
        elif text in {")", "]"} and opened is not None:
            group = texts[opened + 1 : i]
            # "(Mr. Kenta SAITO)" is a name in brackets, not an acronym
            if len(group) <= 4 and not any(t.endswith(".") for t in group):
                out.update(group)
            opened = None
    return frozenset(out)


def _personal(doc: Doc, word: Token, given_names: frozenset[str], titles: set[int]) -> bool:
    """A three-letter word in capitals (KOO, but also UAS) needs a personal neighbour: a known
    or hyphenated given name ("Tae-Ung"), an initial, or a title or honorific before it."""
    if word.text in given_names or "-" in word.text or is_initial(word):
        return True
    if word.i >= 2 and doc[word.i - 1].text == "-" and not doc[word.i - 2].whitespace_:
        return True  # "Jia-Hao LIN": the second part of a hyphenated given name
    before = doc[word.i - 1] if word.i > 0 else None
    return before is not None and (before.i in titles or before.text.endswith("."))


def _titled(doc: Doc, i: int, titles: set[int]) -> bool:
    """A title or an abbreviated honorific right before token ``i`` ("Prof. KOO Minjae")."""
    before = doc[i - 1] if i > 0 else None
    return before is not None and (before.i in titles or before.text.endswith("."))


def _capital_run_names(
    doc: Doc, excluded: frozenset[str], surnames: frozenset[str], titles: set[int]
) -> set[int]:
    """Names written wholly in capitals, two to four words, one of which is a known surname
    ("TRAN VAN LOC"): the model's PERSON entities, or runs that a comma and a title follow
    ("NGUYEN MINH DUC, President of ..."); and the same words written again elsewhere."""
    found: set[int] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or not 2 <= len(ent) <= 4:
            continue
        if _capital_run(ent, excluded) and any(t.text.title() in surnames for t in ent):
            found.update(t.i for t in ent)
    texts = token_texts(doc)  # the cheap test on the text first: few words are in capitals
    i = 0
    while i < len(doc):
        text = texts[i]
        if not text.isupper() or text.title() not in surnames or not _capital_word(doc[i]):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < 4 and _capital_word(doc[end]):
            end += 1
        run = doc[i:end]
        if (
            len(run) >= 2
            and _capital_run(run, excluded)
            and end + 1 < len(doc)
            and doc[end].text == ","
            and end + 1 in titles
        ):
            found.update(t.i for t in run)
        i = end
    if found:
        # the same name written again elsewhere ("Photo of NGUYEN MINH DUC and ...")
        runs = _runs(doc, found)
        for k in range(len(doc)):
            for run in runs:
                if texts[k] == run[0] and k not in found and tuple(texts[k : k + len(run)]) == run:
                    found.update(range(k, k + len(run)))
    return found


def _runs(doc: Doc, found: set[int]) -> set[tuple[str, ...]]:
    """The word sequences of the consecutive indices in ``found``."""
    runs, current = set(), []
    for i in sorted(found):
        if current and i != current[-1] + 1:
            runs.add(tuple(doc[j].text for j in current))
            current = []
        current.append(i)
    if current:
        runs.add(tuple(doc[j].text for j in current))
    return runs


def _capital_run(words, excluded: frozenset[str]) -> bool:
    return all(_capital_word(t) and t.text.title() not in excluded for t in words)


def capital_surnames(
    doc: Doc,
    not_names: set[int],
    excluded: frozenset[str],
    given_names: frozenset[str],
    surnames: frozenset[str] = frozenset(),
) -> frozenset[int]:
    """Indices of the tokens in capitals that may be surnames (see the module docstring).

    Args:
        doc: the document.
        not_names: indices of tokens that are no name words (titles).
        excluded: words that are never name words (organization heads, places, honorifics).
        given_names: known given names.
        surnames: known surnames of the surname-first traditions (Chinese, Korean, Vietnamese).

    Computed once per Doc and kept in ``doc.user_data`` as token indices.
    """
    cached = doc.user_data.get(CAPITAL_SURNAMES_KEY)
    if cached is not None:
        return cached
    texts = token_texts(doc)
    found = _capital_run_names(doc, excluded, surnames, not_names) if surnames else set()
    bracketed = None
    for i, text in enumerate(texts):
        # the cheap tests on the text first: most tokens are no word in capitals
        if len(text) < 3 or not text.isupper() or not text.isalpha():
            continue
        token = doc[i]
        if not _capital_word(token) or text.title() in excluded:
            continue
        if bracketed is None:
            bracketed = _bracketed(doc)
        if text in bracketed:
            continue
        for k in (token.i - 1, token.i + 1):
            if 0 <= k < len(doc) and k not in not_names:
                neighbour = doc[k]
                if _one_entity(token, neighbour, _NAMED_THINGS):
                    continue  # the model reads "Rheinfeld UAS" as one organization
                if neighbour.text in excluded or not _ordinary_name_word(neighbour):
                    continue
                if (
                    len(token) > 3
                    or _personal(doc, neighbour, given_names, not_names)
                    or (k > token.i and _titled(doc, token.i, not_names))
                ):
                    found.add(token.i)
                    break
    result = doc.user_data[CAPITAL_SURNAMES_KEY] = frozenset(found)
    return result
