"""Names a network shares, each body named by its host: "Confucius Institute at Lakeside
University" is one organization, not the institute and the university (``host_named`` in
``rules/organizations.json``)."""

from __future__ import annotations

from spacy.tokens import Doc, Span


class HostedNames:
    """Join a network's name and its host after "at"."""

    def with_hosts(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """The spans, each network name followed by "at [the] HOST" joined with the host."""
        by_start = {s.start: s for s in spans}
        absorbed: set[int] = set()
        out = []
        for span in spans:
            if span.start in absorbed:
                continue
            host = self.host_after(doc, span, by_start)
            if host is None:
                out.append(span)
                continue
            absorbed.add(host.start)
            out.append(Span(doc, span.start, host.end, label="ORG", span_id="org.host_named"))
        return out

    def host_after(self, doc: Doc, span: Span, by_start: dict[int, Span]) -> Span | None:
        words = tuple(t.text for t in span)
        if not any(words[-len(name) :] == name for name in self.lex.host_named):
            return None
        k = span.end
        if k >= len(doc) or doc[k].lower_ != "at":
            return None
        k += 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        return by_start.get(k)
