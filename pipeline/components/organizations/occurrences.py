"""Further occurrences of organization names: the names of the local lexicon
(``org.local``) and names found once and written again elsewhere in the article
(``org.repeated``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..lines import in_any
from ..local_names import overlaps
from ..tokens import is_capitalised, token_texts
from .words import LOCAL_RULE


class Occurrences:
    """Find local names and repeated names (uses ``self.local``, the ``LocalNames`` matcher)."""

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
