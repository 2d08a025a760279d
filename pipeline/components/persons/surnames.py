"""Later surname-only mentions of a person already named in full (``person.surname_coref``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..lines import in_any
from ..tokens import is_capitalised, token_texts
from .names import _mark


class SurnameMentions:
    """Find later mentions of a person by surname."""

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
