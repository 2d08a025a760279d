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
  "Ji-Hoon", "O."), which is not itself a title or an organization's head word.

The name rules then read such a word as any other name word, so a name runs on into it
("Yavuz" + "ATAR") and the model's single-word organization "ATAR" gives way to the person.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..tokens import is_initial

_KEY = "uninews.capital_surnames"
_VOWELS = frozenset("AEIOUYÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝİŌŪĀĒĪƠƯ")
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


def _bracketed(doc: Doc) -> frozenset[str]:
    """Words the text writes in a short bracket: acronyms it defines ("(LU)", "(Rheinfeld
    UAS)")."""
    out = set()
    opened = None
    for token in doc:
        if token.text in {"(", "["}:
            opened = token.i
        elif token.text in {")", "]"} and opened is not None:
            group = doc[opened + 1 : token.i]
            # "(Mr. Mineo NAKAYAMA)" is a name in brackets, not an acronym
            if len(group) <= 4 and not any(t.text.endswith(".") for t in group):
                out.update(t.text for t in group)
            opened = None
    return frozenset(out)


def capital_surnames(doc: Doc, not_names: set[int], excluded: frozenset[str]) -> frozenset[int]:
    """Indices of the tokens in capitals that may be surnames (see the module docstring).

    Args:
        doc: the document.
        not_names: indices of tokens that are no name words (titles).
        excluded: words that are never name words (organization heads, places, honorifics).

    Computed once per Doc and kept in ``doc.user_data`` as token indices.
    """
    cached = doc.user_data.get(_KEY)
    if cached is not None:
        return cached
    bracketed = _bracketed(doc)
    found = set()
    for token in doc:
        if not _capital_word(token) or token.text in bracketed or token.text.title() in excluded:
            continue
        for k in (token.i - 1, token.i + 1):
            if 0 <= k < len(doc) and k not in not_names:
                neighbour = doc[k]
                if neighbour.text not in excluded and _ordinary_name_word(neighbour):
                    found.add(token.i)
                    break
    result = doc.user_data[_KEY] = frozenset(found)
    return result
