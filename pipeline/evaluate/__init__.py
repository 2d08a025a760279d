"""Score extracted records against gold annotations (CONTRACT.md, "How evaluation matches").

Pure Python, standard library only, so evaluation never needs spaCy or a model. Predictions are
record dicts as ``uninews extract`` writes them; gold entries follow ``seeds/gold.jsonl``. Each
field gets micro-averaged precision, recall and F1 over all gold files, and every miss or false
positive is kept as an :class:`ErrorItem` so a report can show *why* a score is what it is.

One-to-one matching uses maximum bipartite matching (Kuhn's augmenting paths; H. W. Kuhn, "The
Hungarian method for the assignment problem", 1955), so scores do not depend on list order.

Modules, one concern each: :mod:`.normalisation` (string normalisation, title and name
similarity), :mod:`.jsonl` (input), :mod:`.results` (fields, error kinds, scores, report),
:mod:`.records` (record access), :mod:`.matching` (tally, one-to-one matching, near misses),
:mod:`.fields` and :mod:`.people` (the scorers), :mod:`.evaluation` (the run) and
:mod:`.formatting` (report text).
"""

from .evaluation import evaluate
from .formatting import error_counts, format_report
from .jsonl import load_jsonl
from .matching import Edge
from .normalisation import (
    SPAN_JACCARD,
    TITLE_JACCARD,
    TITLE_STOPWORDS,
    normalise,
    span_overlap,
    title_similar,
)
from .results import (
    FIELDS,
    KINDS,
    MISSED,
    SPURIOUS,
    WRONG_ORG,
    WRONG_QUALIFIER,
    WRONG_SPAN,
    WRONG_VALUE,
    ErrorItem,
    FieldScore,
    Report,
)

__all__ = [
    "FIELDS",
    "KINDS",
    "MISSED",
    "SPAN_JACCARD",
    "SPURIOUS",
    "TITLE_JACCARD",
    "TITLE_STOPWORDS",
    "WRONG_ORG",
    "WRONG_QUALIFIER",
    "WRONG_SPAN",
    "WRONG_VALUE",
    "Edge",
    "ErrorItem",
    "FieldScore",
    "Report",
    "error_counts",
    "evaluate",
    "format_report",
    "load_jsonl",
    "normalise",
    "span_overlap",
    "title_similar",
]
