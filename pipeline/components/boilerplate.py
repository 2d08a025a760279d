"""Mark site boilerplate lines (navigation, share buttons, publication-date labels).

A pattern from ``rules/boilerplate.jsonl`` that matches at the first token of a short line marks
the whole line as ``doc.spans["boilerplate"]``. Later components drop entities inside these
lines; ``uninews_dates`` still reads a publication date from them.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ..rules import load_patterns
from .extensions import register_extensions
from .lines import line_spans

LABELS = {"BOILERPLATE"}


class Boilerplate:
    """Find boilerplate lines with token patterns anchored at the start of a line.

    Args:
        nlp: the pipeline (for its vocab).
        name: component name.
        rules_dir: folder holding ``boilerplate.jsonl``.
        max_line_tokens: a longer line is prose, never boilerplate, whatever it starts with.
    """

    def __init__(self, nlp: Language, name: str, *, rules_dir: str, max_line_tokens: int) -> None:
        register_extensions()
        self.name = name
        self.max_line_tokens = max_line_tokens
        self.matcher = Matcher(nlp.vocab, validate=True)
        for rule in load_patterns(Path(rules_dir) / "boilerplate.jsonl", LABELS):
            self.matcher.add(rule.id, [rule.pattern])

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.spans["boilerplate"]``; each span's ``id_`` is the rule that fired."""
        found: list[Span] = []
        for line in line_spans(doc):
            if len(line) > self.max_line_tokens:
                continue  # prose: only short lines are matched, which keeps this cheap
            for match_id, start, _end in self.matcher(line):
                if start == 0:
                    rule_id = doc.vocab.strings[match_id]
                    found.append(
                        Span(doc, line.start, line.end, label="BOILERPLATE", span_id=rule_id)
                    )
                    break
        doc.spans["boilerplate"] = found
        return doc


@Language.factory(
    "uninews_boilerplate",
    assigns=["doc.spans"],
    default_config={"rules_dir": "", "max_line_tokens": 12},
)
def make_boilerplate(nlp: Language, name: str, rules_dir: str, max_line_tokens: int) -> Boilerplate:
    """Build the ``uninews_boilerplate`` component."""
    return Boilerplate(nlp, name, rules_dir=rules_dir, max_line_tokens=max_line_tokens)
