"""Score extracted records against gold annotations (CONTRACT.md, "How evaluation matches").

Pure Python, standard library only, so evaluation never needs spaCy or a model. Predictions are
record dicts as ``uninews extract`` writes them; gold entries follow ``seeds/gold.jsonl``. Each
field gets micro-averaged precision, recall and F1 over all gold files, and every miss or false
positive is kept as an :class:`ErrorItem` so a report can show *why* a score is what it is.

One-to-one matching uses maximum bipartite matching (Kuhn's augmenting paths; H. W. Kuhn, "The
Hungarian method for the assignment problem", 1955), so scores do not depend on list order.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

logger = logging.getLogger(__name__)

#: Scored fields, in report order.
FIELDS: tuple[str, ...] = (
    "published",
    "people",
    "roles",
    "roles+org",
    "organizations",
    "locations",
    "dates",
    "agreement_counts",
    "agreement_qualifier",
)

#: Error kinds, in report order. ``wrong_span``, ``wrong_org``, ``wrong_qualifier`` and
#: ``wrong_value`` each stand for one false positive plus one false negative whose other
#: attributes did match (for ``wrong_span``: whose names overlap, see :func:`span_overlap`).
MISSED = "missed"
SPURIOUS = "spurious"
WRONG_SPAN = "wrong_span"
WRONG_ORG = "wrong_org"
WRONG_QUALIFIER = "wrong_qualifier"
WRONG_VALUE = "wrong_value"
KINDS: tuple[str, ...] = (MISSED, SPURIOUS, WRONG_SPAN, WRONG_ORG, WRONG_QUALIFIER, WRONG_VALUE)

# --- string normalisation ----------------------------------------------------------------------

_NO_BREAK_SPACES = "\u00a0\u2007\u202f\u2060"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
# The contract's punctuation minus ".", which must survive until honorifics ("Ms.") are removed.
# Typographic quotes are the same punctuation as ' and " in running text, so they go too.
_PUNCT_BUT_DOT = ",;:'\"()\u2018\u2019\u201c\u201d"
_HONORIFICS = ("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "academician", "sir", "madam")
_LEADING_THE = re.compile(r"the\s+")
_LEADING_HONORIFIC = re.compile(r"(?:" + "|".join(_HONORIFICS) + r")(?:\.\s*|\s+)")
_SPACES = re.compile(r"\s+")
_TRANSLATE_DASHES_AND_PUNCT = str.maketrans(
    {**{c: " " for c in _NO_BREAK_SPACES + _DASHES}, **{c: None for c in _PUNCT_BUT_DOT}}
)

#: Words ignored by title similarity.
TITLE_STOPWORDS = frozenset({"of", "the", "for", "and", "at", "in", "on", "a", "an"})
#: Minimum Jaccard overlap of title words for two titles to count as similar.
TITLE_JACCARD = 0.6
#: Minimum Jaccard overlap of name words (ignoring :data:`TITLE_STOPWORDS`) for a spurious and a
#: missed name to be listed as one ``wrong_span`` error when neither contains the other.
SPAN_JACCARD = 0.6


def normalise(s: str | None, *, strip_honorific: bool = True) -> str:
    """Normalise a string for comparison, as CONTRACT.md prescribes.

    Steps: Unicode NFKC; no-break spaces to spaces; lower case; punctuation ``,;:'"()`` removed;
    hyphens and dashes to spaces; a leading "the" and leading honorifics (also stacked, as in
    "Prof. Dr.") removed; then "." removed and runs of spaces collapsed. Honorifics go before the
    dots so that "Ms. Liu" becomes "liu". A prefix is only removed when something follows it, so
    "Professor" alone stays "professor".

    Args:
        s: the string; None counts as empty.
        strip_honorific: remove leading honorifics (titles keep them, see :func:`title_similar`).

    Returns:
        The normalised string, possibly empty.
    """
    if not s:
        return ""
    text = unicodedata.normalize("NFKC", s).lower().translate(_TRANSLATE_DASHES_AND_PUNCT)
    text = _SPACES.sub(" ", text).strip()
    text = _strip_prefixes(text, strip_honorific)
    return _SPACES.sub(" ", text.replace(".", "")).strip()


def _strip_prefixes(text: str, strip_honorific: bool) -> str:
    prefixes = (_LEADING_THE, _LEADING_HONORIFIC) if strip_honorific else (_LEADING_THE,)
    changed = True
    while changed:
        changed = False
        for pattern in prefixes:
            match = pattern.match(text)
            if match and match.end() < len(text):
                text = text[match.end() :]
                changed = True
    return text


def _title_words(normalised: str) -> set[str]:
    return {w for w in normalised.split() if w not in TITLE_STOPWORDS}


def title_similar(a: str | None, b: str | None) -> bool:
    """Tell whether two role titles match.

    Titles match when equal after normalisation, or when the Jaccard overlap of their word sets,
    ignoring :data:`TITLE_STOPWORDS`, is at least :data:`TITLE_JACCARD`. Honorific-like words are
    kept here, because in a title ("Professor of Physics") they are the content.

    Args:
        a: a title.
        b: another title.

    Returns:
        True when the titles are similar; empty titles are never similar.
    """
    na, nb = normalise(a, strip_honorific=False), normalise(b, strip_honorific=False)
    if not na or not nb:
        return False
    if na == nb:
        return True
    wa, wb = _title_words(na), _title_words(nb)
    union = wa | wb
    return bool(union) and len(wa & wb) / len(union) >= TITLE_JACCARD


def span_overlap(predicted: str | None, gold: str | None) -> float:
    """Tell how much two names overlap in text, for listing a near miss as ``wrong_span``.

    Names overlap when, after :func:`normalise`, one contains the other as whole words ("institute
    of physics" in "institute of physics of kazan federal university", "yulia kravtsova" in
    "yulia kravtsova appointed"), or when the Jaccard overlap of their word sets, ignoring
    :data:`TITLE_STOPWORDS`, is at least :data:`SPAN_JACCARD` (the same words in another order).
    The contained name must hold a word that is not a stopword, so "of" overlaps nothing.

    Args:
        predicted: a predicted name.
        gold: a gold name.

    Returns:
        0.0 when the names do not overlap (or either is empty); else the Jaccard overlap of all
        their words, in (0, 1], so that the closer of two candidate pairs can be preferred.
    """
    a, b = normalise(predicted), normalise(gold)
    if not a or not b:
        return 0.0
    words_a, words_b = set(a.split()), set(b.split())
    jaccard = len(words_a & words_b) / len(words_a | words_b)
    shorter = a if len(a) <= len(b) else b
    longer = b if shorter is a else a
    if _title_words(shorter) and f" {shorter} " in f" {longer} ":
        return jaccard
    content_a, content_b = _title_words(a), _title_words(b)
    union = content_a | content_b
    if union and len(content_a & content_b) / len(union) >= SPAN_JACCARD:
        return jaccard
    return 0.0


# --- input -------------------------------------------------------------------------------------


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSON Lines file of objects; blank lines are skipped.

    Args:
        path: the file to read (UTF-8, a BOM is tolerated).

    Returns:
        One dict per non-blank line.

    Raises:
        ValueError: when a line is not valid JSON or not a JSON object; the message names the
            file and the line number.
        OSError: when the file cannot be read.
    """
    rows: list[dict[str, Any]] = []
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(
                    f"{path}:{number}: invalid JSON: {exc.msg} (column {exc.colno})"
                ) from None
            if not isinstance(row, dict):
                raise ValueError(
                    f"{path}:{number}: expected a JSON object, got {type(row).__name__}"
                )
            rows.append(row)
    return rows


# --- report ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldScore:
    """Counts of one field, with precision, recall and F1 derived from them.

    Attributes:
        tp: true positives.
        fp: false positives.
        fn: false negatives.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp), or 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), or 1.0 when nothing was to be found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall, 0.0 when both are 0."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class ErrorItem:
    """One scoring error, with enough context to find it in the source file.

    Attributes:
        file: gold file name.
        field: one of :data:`FIELDS`.
        kind: one of :data:`KINDS`.
        predicted: the predicted value (for ``wrong_org`` the predicted organization, for
            ``wrong_qualifier`` the predicted qualifier), or None.
        gold: the gold value in the same sense, or None.
        person: the person a role belongs to, for ``roles`` and ``roles+org``.
        matched: what did match in a ``wrong_*`` error: the role title or the count.
        evidence: text of the predicted item (spurious) or of the gold item (missed), if known.
        span: ``(start, end)`` offsets of a predicted item, if known.
    """

    file: str
    field: str
    kind: str
    predicted: str | None = None
    gold: str | None = None
    person: str | None = None
    matched: str | None = None
    evidence: str | None = None
    span: tuple[int, int] | None = None


@dataclass
class Report:
    """Evaluation result over all gold files.

    Attributes:
        scores: micro-averaged counts per field, keyed and ordered as :data:`FIELDS`.
        errors: every error, in gold file order.
        files: gold files evaluated, in gold order.
        missing_predictions: gold files for which no prediction exists (all items missed).
        unmatched_predictions: ``source.path`` of predictions with no gold entry (not scored).
    """

    scores: dict[str, FieldScore]
    errors: list[ErrorItem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    missing_predictions: list[str] = field(default_factory=list)
    unmatched_predictions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable view, with P/R/F1 next to the counts.

        Returns:
            A dict with ``scores``, ``errors``, ``files``, ``missing_predictions`` and
            ``unmatched_predictions``.
        """
        return {
            "scores": {
                name: {
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                }
                for name, s in self.scores.items()
            },
            "errors": [vars(e) | {"span": list(e.span) if e.span else None} for e in self.errors],
            "files": list(self.files),
            "missing_predictions": list(self.missing_predictions),
            "unmatched_predictions": list(self.unmatched_predictions),
        }


# --- per-file tally ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    """A predicted or gold item reduced to what scoring and error messages need."""

    label: str
    evidence: str | None = None
    span: tuple[int, int] | None = None
    person: str | None = None


class _Tally:
    """Counts and errors of one gold file."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.counts: dict[str, list[int]] = {name: [0, 0, 0] for name in FIELDS}
        self.errors: list[ErrorItem] = []

    def hit(self, name: str) -> None:
        self.counts[name][0] += 1

    def spurious(self, name: str, item: _Item) -> None:
        self.counts[name][1] += 1
        self.errors.append(
            ErrorItem(
                self.file,
                name,
                SPURIOUS,
                predicted=item.label,
                person=item.person,
                evidence=item.evidence,
                span=item.span,
            )
        )

    def missed(self, name: str, item: _Item) -> None:
        self.counts[name][2] += 1
        self.errors.append(
            ErrorItem(
                self.file, name, MISSED, gold=item.label, person=item.person, evidence=item.evidence
            )
        )

    def wrong(self, name: str, kind: str, matched: str | None, pred: _Item, gold: _Item) -> None:
        """Record a near miss: one false positive plus one false negative."""
        self.counts[name][1] += 1
        self.counts[name][2] += 1
        self.errors.append(
            ErrorItem(
                self.file,
                name,
                kind,
                predicted=pred.label,
                gold=gold.label,
                person=pred.person,
                matched=matched,
                evidence=pred.evidence,
                span=pred.span,
            )
        )


# --- matching ----------------------------------------------------------------------------------

Edge = Callable[[int, int], bool]


def _max_matching(n_pred: int, n_gold: int, edge: Edge) -> dict[int, int]:
    """Maximum bipartite matching by augmenting paths; returns ``{pred index: gold index}``."""
    adjacency = [[j for j in range(n_gold) if edge(i, j)] for i in range(n_pred)]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adjacency[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(n_pred):
        augment(i, set())
    return {i: j for j, i in owner.items()}


@dataclass(frozen=True)
class _Matching:
    pairs: dict[int, int]
    spurious: list[int]
    missed: list[int]


def _match(
    n_pred: int, n_gold: int, edge: Edge, optional: Callable[[int], bool] | None = None
) -> _Matching:
    """Match one-to-one; unmatched predictions that fit only an optional item are dropped.

    A leftover prediction that fits a required gold item (a duplicate) stays a false positive
    even when it also fits an optional one.
    """
    pairs = _max_matching(n_pred, n_gold, edge)
    matched_gold = set(pairs.values())

    def ignorable(i: int) -> bool:
        return optional is not None and optional(i) and not any(edge(i, j) for j in range(n_gold))

    spurious = [i for i in range(n_pred) if i not in pairs and not ignorable(i)]
    missed = [j for j in range(n_gold) if j not in matched_gold]
    return _Matching(pairs, spurious, missed)


@dataclass(frozen=True)
class _NearMiss:
    """How to turn a leftover (false positive, false negative) pair into one ``wrong_*`` error.

    Attributes:
        kind: the error kind.
        edge: whether predicted item ``i`` nearly matches gold item ``j``.
        matched: label of what did match, from the predicted index (None: nothing to show).
        preds: predicted items as the error shows them (e.g. the organization).
        golds: gold items as the error shows them.
        closeness: with it, pairs are chosen greedily, closest first (ties in list order),
            instead of by maximum matching; used where any overlap is an edge, so that a
            loose pair does not take the partner of a close one.
    """

    kind: str
    edge: Edge
    matched: Callable[[int], str | None]
    preds: Sequence[_Item]
    golds: Sequence[_Item]
    closeness: Callable[[int, int], float] | None = None


def _closest_pairs(
    n_a: int, n_b: int, edge: Edge, closeness: Callable[[int, int], float]
) -> dict[int, int]:
    """Pair ``a`` with ``b`` one-to-one, greedily by decreasing closeness; returns ``{a: b}``."""
    candidates = sorted(
        (-closeness(a, b), a, b) for a in range(n_a) for b in range(n_b) if edge(a, b)
    )
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, a, b in candidates:
        if a not in pairs and b not in taken:
            pairs[a] = b
            taken.add(b)
    return pairs


def _span_near_miss(preds: Sequence[_Item], golds: Sequence[_Item]) -> _NearMiss:
    """Pair a spurious and a missed name whose texts overlap into one ``wrong_span`` error."""
    overlap = [[span_overlap(p.label, g.label) for g in golds] for p in preds]
    return _NearMiss(
        WRONG_SPAN,
        lambda i, j: overlap[i][j] > 0,
        lambda i: None,
        preds,
        golds,
        lambda i, j: overlap[i][j],
    )


def _near_pairs(near: _NearMiss, spurious: list[int], missed: list[int]) -> dict[int, int]:
    """Pair leftover predictions with leftover gold items; ``{spurious pos: missed pos}``."""

    def edge(a: int, b: int) -> bool:
        return near.edge(spurious[a], missed[b])

    if near.closeness is None:
        return _max_matching(len(spurious), len(missed), edge)
    closeness = near.closeness
    return _closest_pairs(
        len(spurious), len(missed), edge, lambda a, b: closeness(spurious[a], missed[b])
    )


def _record(
    tally: _Tally,
    name: str,
    matching: _Matching,
    preds: Sequence[_Item],
    golds: Sequence[_Item],
    near: _NearMiss | None = None,
) -> None:
    """Add a matching to the tally; with ``near``, leftovers that nearly match pair up."""
    for _ in matching.pairs:
        tally.hit(name)
    spurious, missed = matching.spurious, matching.missed
    near_pairs: dict[int, int] = {}
    if near is not None:
        near_pairs = _near_pairs(near, spurious, missed)
        for a, b in sorted(near_pairs.items()):
            i, j = spurious[a], missed[b]
            tally.wrong(name, near.kind, near.matched(i), near.preds[i], near.golds[j])
    taken = set(near_pairs.values())
    for a, i in enumerate(spurious):
        if a not in near_pairs:
            tally.spurious(name, preds[i])
    for b, j in enumerate(missed):
        if b not in taken:
            tally.missed(name, golds[j])


# --- record access -----------------------------------------------------------------------------


def _dicts(container: dict[str, Any] | None, key: str) -> list[dict[str, Any]]:
    if not container:
        return []
    return [x for x in container.get(key) or [] if isinstance(x, dict)]


def _names(values: Iterable[Any]) -> list[str]:
    """Gold name lists hold strings; tolerate ``{"name": ...}`` objects too."""
    out = []
    for value in values or []:
        name = value.get("name") if isinstance(value, dict) else value
        if isinstance(name, str):
            out.append(name)
    return out


def _span(item: dict[str, Any]) -> tuple[int, int] | None:
    start, end = item.get("start"), item.get("end")
    return (start, end) if isinstance(start, int) and isinstance(end, int) else None


def _pred_item(label: str, item: dict[str, Any], person: str | None = None) -> _Item:
    """A predicted item, with evidence from its own text or its first mention."""
    mentions = _dicts(item, "mentions")
    source = item if item.get("text") or not mentions else mentions[0]
    text = source.get("text")
    return _Item(label, text if isinstance(text, str) else None, _span(source), person)


def _gold_item(label: str, item: dict[str, Any] | None = None, person: str | None = None) -> _Item:
    """A gold item, with evidence from its ``text`` or first mention (plain strings in gold)."""
    evidence = None
    if item:
        mentions = item.get("mentions") or []
        evidence = item.get("text") or (mentions[0] if mentions else None)
        if isinstance(evidence, dict):
            evidence = evidence.get("text")
    return _Item(label, evidence if isinstance(evidence, str) else None, None, person)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _org_keys(org: dict[str, Any]) -> frozenset[str]:
    names = [_text(org.get("name")), *map(_text, org.get("aliases") or [])]
    return frozenset(k for k in map(normalise, names) if k)


def _as_count(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


# --- fields ------------------------------------------------------------------------------------


def _score_published(tally: _Tally, pred: dict[str, Any], gold: dict[str, Any]) -> None:
    published = pred.get("published") if isinstance(pred.get("published"), dict) else {}
    value = _text(published.get("value")).strip() or None
    expected = _text(gold.get("published")).strip() or None
    pred_item = _pred_item(value or "", published)
    if expected is None:
        if value is not None:
            tally.spurious("published", pred_item)
    elif value == expected:
        tally.hit("published")
    elif value is None:
        tally.missed("published", _gold_item(expected))
    else:
        tally.wrong("published", WRONG_VALUE, None, pred_item, _gold_item(expected))


def _score_organizations(tally: _Tally, pred: dict[str, Any], gold: dict[str, Any]) -> None:
    pred_orgs, gold_orgs = _dicts(pred, "organizations"), _dicts(gold, "organizations")
    pred_keys = [_org_keys(o) for o in pred_orgs]
    gold_keys = [_org_keys(o) for o in gold_orgs]
    optional = {normalise(n) for n in _names(gold.get("optional_organizations"))} - {""}
    matching = _match(
        len(pred_orgs),
        len(gold_orgs),
        lambda i, j: bool(pred_keys[i] & gold_keys[j]),
        lambda i: bool(pred_keys[i] & optional),
    )
    preds = [_pred_item(_text(o.get("name")), o) for o in pred_orgs]
    golds = [_gold_item(_text(o.get("name")), o) for o in gold_orgs]
    _record(tally, "organizations", matching, preds, golds, _span_near_miss(preds, golds))


def _score_locations(tally: _Tally, pred: dict[str, Any], gold: dict[str, Any]) -> None:
    pred_locs = _dicts(pred, "locations")
    pred_keys = [normalise(_text(loc.get("name"))) for loc in pred_locs]
    gold_names = _names(gold.get("locations"))
    gold_keys = [normalise(n) for n in gold_names]
    optional = {normalise(n) for n in _names(gold.get("optional_locations"))} - {""}
    matching = _match(
        len(pred_locs),
        len(gold_names),
        lambda i, j: bool(pred_keys[i]) and pred_keys[i] == gold_keys[j],
        lambda i: pred_keys[i] in optional,
    )
    preds = [_pred_item(_text(loc.get("name")), loc) for loc in pred_locs]
    golds = [_gold_item(n) for n in gold_names]
    _record(tally, "locations", matching, preds, golds, _span_near_miss(preds, golds))


def _date_values(items: Iterable[Any]) -> dict[str, dict[str, Any]]:
    """Distinct non-null ISO values, each with the first item that carries it."""
    values: dict[str, dict[str, Any]] = {}
    for item in items:
        entry = item if isinstance(item, dict) else {"value": item}
        value = _text(entry.get("value")).strip()
        if value:
            values.setdefault(value, entry)
    return values


def _score_dates(tally: _Tally, pred: dict[str, Any], gold: dict[str, Any]) -> None:
    predicted = _date_values(_dicts(pred, "dates"))
    expected = _date_values(gold.get("dates") or [])
    optional = _date_values(gold.get("optional_dates") or [])
    for value, item in predicted.items():
        if value in expected:
            tally.hit("dates")
        elif value not in optional:
            tally.spurious("dates", _pred_item(value, item))
    for value, item in expected.items():
        if value not in predicted:
            tally.missed("dates", _gold_item(value, item))


def _score_counts(tally: _Tally, pred: dict[str, Any], gold: dict[str, Any]) -> None:
    pred_counts, gold_counts = _dicts(pred, "agreement_counts"), _dicts(gold, "agreement_counts")
    pc = [_as_count(c.get("count")) for c in pred_counts]
    gc = [_as_count(c.get("count")) for c in gold_counts]
    pq = [_text(c.get("qualifier")).strip().lower() or None for c in pred_counts]
    gq = [_text(c.get("qualifier")).strip().lower() or None for c in gold_counts]

    def same_count(i: int, j: int) -> bool:
        return pc[i] is not None and pc[i] == gc[j]

    def same_qualified(i: int, j: int) -> bool:
        return same_count(i, j) and pq[i] == gq[j]

    preds = [_pred_item(str(pc[i]), c) for i, c in enumerate(pred_counts)]
    golds = [_gold_item(str(gc[j]), c) for j, c in enumerate(gold_counts)]
    _record(tally, "agreement_counts", _match(len(pc), len(gc), same_count), preds, golds)

    qpreds = [_pred_item(f"{pc[i]} {pq[i]}", c) for i, c in enumerate(pred_counts)]
    qgolds = [_gold_item(f"{gc[j]} {gq[j]}", c) for j, c in enumerate(gold_counts)]
    near = _NearMiss(
        WRONG_QUALIFIER,
        same_count,
        lambda i: str(pc[i]),
        [_pred_item(pq[i] or "null", c) for i, c in enumerate(pred_counts)],
        [_gold_item(gq[j] or "null", c) for j, c in enumerate(gold_counts)],
    )
    matching = _match(len(pc), len(gc), same_qualified)
    _record(tally, "agreement_qualifier", matching, qpreds, qgolds, near)


# --- people and roles --------------------------------------------------------------------------


class _OrgResolver:
    """Decides whether a predicted role's organization is the gold role's organization."""

    def __init__(self, pred: dict[str, Any], gold: dict[str, Any]) -> None:
        self._gold_ids: dict[str, set[int]] = {}
        for index, org in enumerate(_dicts(gold, "organizations")):
            for key in _org_keys(org):
                self._gold_ids.setdefault(key, set()).add(index)
        self._pred_by_name: dict[str, frozenset[str]] = {}
        self._pred_by_id: dict[str, frozenset[str]] = {}
        for org in _dicts(pred, "organizations"):
            keys = _org_keys(org)
            if name := normalise(_text(org.get("name"))):
                self._pred_by_name[name] = self._pred_by_name.get(name, frozenset()) | keys
            if isinstance(org.get("id"), str):
                self._pred_by_id[org["id"]] = keys

    def pred_keys(self, role: dict[str, Any]) -> frozenset[str]:
        """Normalised names of a predicted role's organization, with that org's aliases."""
        key = normalise(_text(role.get("organization")))
        if not key:
            return frozenset()
        by_id = self._pred_by_id.get(_text(role.get("organization_id")), frozenset())
        return frozenset({key}) | self._pred_by_name.get(key, frozenset()) | by_id

    def same(self, pred_keys: frozenset[str], gold_org: Any) -> bool:
        """True when both are null or both denote the same gold organization."""
        gold_key = normalise(_text(gold_org))
        if not gold_key or not pred_keys:
            return not gold_key and not pred_keys
        gold_ids = self._gold_ids.get(gold_key)
        if not gold_ids:
            # The gold role names an organization outside the gold list (an optional one).
            return gold_key in pred_keys
        return any(self._gold_ids.get(k, set()) & gold_ids for k in pred_keys)


@dataclass(frozen=True)
class _PredRole:
    title: str
    org: str | None
    org_keys: frozenset[str]
    raw: dict[str, Any]


def _options(role: dict[str, Any]) -> list[tuple[str, Any]]:
    """A gold role's acceptable (title, organization) pairs: itself and its alternatives."""
    options = [(_text(role.get("title")), role.get("organization"))]
    options += [
        (_text(a.get("title")), a.get("organization")) for a in _dicts(role, "alternatives")
    ]
    return options


def _role_label(title: str, org: Any, with_org: bool) -> str:
    if not with_org:
        return title
    return f"{title} @ {org}" if _text(org) else f"{title} @ null"


class _RoleScorer:
    """Scores the roles of one person pair (or of an unpaired person) in both role fields."""

    def __init__(self, tally: _Tally, orgs: _OrgResolver) -> None:
        self.tally = tally
        self.orgs = orgs

    def pred_roles(self, person: dict[str, Any]) -> list[_PredRole]:
        return [
            _PredRole(
                _text(r.get("title")),
                _text(r.get("organization")) or None,
                self.orgs.pred_keys(r),
                r,
            )
            for r in _dicts(person, "roles")
        ]

    def fits(self, role: _PredRole, gold_role: dict[str, Any], with_org: bool) -> bool:
        return any(
            title_similar(role.title, title)
            and (not with_org or self.orgs.same(role.org_keys, org))
            for title, org in _options(gold_role)
        )

    def matching(
        self, roles: list[_PredRole], gold_person: dict[str, Any], with_org: bool
    ) -> _Matching:
        required, optional = _dicts(gold_person, "roles"), _dicts(gold_person, "optional_roles")
        return _match(
            len(roles),
            len(required),
            lambda i, j: self.fits(roles[i], required[j], with_org),
            lambda i: any(self.fits(roles[i], o, with_org) for o in optional),
        )

    def score(self, pred_person: dict[str, Any] | None, gold_person: dict[str, Any] | None) -> None:
        """Score roles of a matched pair; a missing side makes every role of the other an error."""
        roles = self.pred_roles(pred_person) if pred_person else []
        gold_roles = _dicts(gold_person, "roles")
        pred_name = _text((pred_person or {}).get("name"))
        gold_name = _text((gold_person or {}).get("name"))
        for name, with_org in (("roles", False), ("roles+org", True)):
            preds = [
                _pred_item(_role_label(r.title, r.org, with_org), r.raw, pred_name) for r in roles
            ]
            golds = [
                _gold_item(
                    _role_label(_text(g.get("title")), g.get("organization"), with_org),
                    person=gold_name,
                )
                for g in gold_roles
            ]
            near = None
            if with_org:
                near = _NearMiss(
                    WRONG_ORG,
                    lambda i, j: self.fits(roles[i], gold_roles[j], with_org=False),
                    lambda i: roles[i].title,
                    [_pred_item(r.org or "null", r.raw, pred_name) for r in roles],
                    [
                        _gold_item(_text(g.get("organization")) or "null", person=gold_name)
                        for g in gold_roles
                    ],
                )
            matching = self.matching(roles, gold_person or {}, with_org)
            _record(self.tally, name, matching, preds, golds, near)


def _pair_people(
    pred_people: list[dict[str, Any]],
    gold_people: list[dict[str, Any]],
    role_hits: Callable[[int, int], int],
) -> dict[int, int]:
    """Pair people with equal normalised names, one-to-one.

    Within a group of equal names any pairing gives the same people score, so pairs are chosen
    greedily by the number of matching roles: a duplicate without roles does not steal the pair.
    """
    pred_keys = [normalise(_text(p.get("name"))) for p in pred_people]
    gold_keys = [normalise(_text(g.get("name"))) for g in gold_people]
    candidates = [
        (-role_hits(i, j), i, j)
        for i, pk in enumerate(pred_keys)
        for j, gk in enumerate(gold_keys)
        if pk and pk == gk
    ]
    pairs: dict[int, int] = {}
    used_gold: set[int] = set()
    for _, i, j in sorted(candidates):
        if i not in pairs and j not in used_gold:
            pairs[i] = j
            used_gold.add(j)
    return pairs


def _score_people(tally: _Tally, pred: dict[str, Any], gold: dict[str, Any]) -> None:
    pred_people, gold_people = _dicts(pred, "people"), _dicts(gold, "people")
    roles = _RoleScorer(tally, _OrgResolver(pred, gold))

    def role_hits(i: int, j: int) -> int:
        return len(roles.matching(roles.pred_roles(pred_people[i]), gold_people[j], False).pairs)

    pairs = _pair_people(pred_people, gold_people, role_hits)
    matched_gold = set(pairs.values())
    matching = _Matching(
        pairs,
        [i for i in range(len(pred_people)) if i not in pairs],
        [j for j in range(len(gold_people)) if j not in matched_gold],
    )
    preds = [_pred_item(_text(p.get("name")), p) for p in pred_people]
    golds = [_gold_item(_text(g.get("name")), g) for g in gold_people]
    _record(tally, "people", matching, preds, golds, _span_near_miss(preds, golds))
    for i, j in sorted(pairs.items()):
        roles.score(pred_people[i], gold_people[j])
    for i in matching.spurious:
        roles.score(pred_people[i], None)
    for j in matching.missed:
        roles.score(None, gold_people[j])


# --- evaluation --------------------------------------------------------------------------------

_SCORERS: tuple[Callable[[_Tally, dict[str, Any], dict[str, Any]], None], ...] = (
    _score_published,
    _score_people,
    _score_organizations,
    _score_locations,
    _score_dates,
    _score_counts,
)


def _basename(path: str) -> str:
    return PurePosixPath(path.replace("\\", "/")).name


def _index_predictions(
    predictions: list[dict[str, Any]], wanted: set[str]
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Key predictions by basename of ``source.path``; return them and the unmatched paths."""
    by_name: dict[str, dict[str, Any]] = {}
    unmatched: list[str] = []
    for number, record in enumerate(predictions, start=1):
        source = record.get("source") if isinstance(record.get("source"), dict) else {}
        path = _text(source.get("path"))
        if not path:
            raise ValueError(f"prediction {number}: no source.path to pair it with a gold file")
        name = _basename(path)
        if name not in wanted:
            unmatched.append(path)
        elif name in by_name:
            raise ValueError(f"two predictions share the file name {name!r}; cannot pair with gold")
        else:
            by_name[name] = record
    return by_name, unmatched


def evaluate(predictions: list[dict[str, Any]], gold: list[dict[str, Any]]) -> Report:
    """Score predicted records against gold annotations.

    Predictions pair with gold entries by file name (gold ``file`` against the basename of
    ``source.path``). A gold file without a prediction counts every gold item as missed;
    predictions without a gold entry are not scored but listed in the report.

    Args:
        predictions: records in the contract format.
        gold: gold entries in the ``gold.jsonl`` format.

    Returns:
        Micro-averaged counts per field and every error.

    Raises:
        ValueError: when a gold entry has no ``file``, a gold file is annotated twice, a
            prediction has no ``source.path``, or two predictions share a gold file's name.
    """
    names: list[str] = []
    for number, entry in enumerate(gold, start=1):
        name = _basename(_text(entry.get("file")))
        if not name:
            raise ValueError(f"gold entry {number}: no 'file'")
        if name in names:
            raise ValueError(f"gold entry {number}: file {name!r} is annotated twice")
        names.append(name)
    by_name, unmatched = _index_predictions(predictions, set(names))

    totals = {name: [0, 0, 0] for name in FIELDS}
    report = Report(scores={}, files=names, unmatched_predictions=unmatched)
    for name, entry in zip(names, gold, strict=True):
        record = by_name.get(name)
        if record is None:
            report.missing_predictions.append(name)
            logger.debug("no prediction for gold file %s", name)
        tally = _Tally(name)
        for scorer in _SCORERS:
            scorer(tally, record or {}, entry)
        for field_name, counts in tally.counts.items():
            totals[field_name] = [a + b for a, b in zip(totals[field_name], counts, strict=True)]
        report.errors.extend(tally.errors)
    report.scores = {name: FieldScore(*totals[name]) for name in FIELDS}
    return report


# --- formatting --------------------------------------------------------------------------------

_FIELD_WIDTH = 21
_KIND_WIDTH = 16


def _quote(value: str | None) -> str:
    return "null" if value is None else repr(value)


def _describe(error: ErrorItem) -> str:
    """One error's detail: the value, what it belonged to, and its evidence."""
    if error.kind == MISSED:
        text = _quote(error.gold)
    elif error.kind == SPURIOUS:
        text = _quote(error.predicted)
    elif error.matched is not None:
        text = f"{_quote(error.matched)} -> {_quote(error.predicted)} (gold: {_quote(error.gold)})"
    else:
        text = f"{_quote(error.predicted)} (gold: {_quote(error.gold)})"
    if error.person:
        text += f" of {error.person!r}"
    # Evidence belongs to the gold item of a miss and to the predicted item otherwise.
    shown = error.gold if error.kind == MISSED else error.predicted
    if error.evidence and error.evidence != shown:
        where = f" @{error.span[0]}-{error.span[1]}" if error.span else ""
        text += f"  [evidence: {error.evidence!r}{where}]"
    return text


def _format_scores(report: Report) -> list[str]:
    header = (
        f"{'field':<{_FIELD_WIDTH}}{'precision':>9}{'recall':>8}{'f1':>7}"
        f"{'tp':>6}{'fp':>6}{'fn':>6}"
    )
    lines = [header]
    for name in FIELDS:
        s = report.scores.get(name, FieldScore())
        lines.append(
            f"{name:<{_FIELD_WIDTH}}{s.precision:>9.3f}{s.recall:>8.3f}{s.f1:>7.3f}"
            f"{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        )
    return lines


def _format_summary(report: Report) -> list[str]:
    lines = [f"files evaluated: {len(report.files)}"]
    if report.missing_predictions:
        lines.append("gold files without prediction: " + ", ".join(report.missing_predictions))
    if report.unmatched_predictions:
        lines.append("unmatched predictions: " + ", ".join(report.unmatched_predictions))
    return lines


def error_counts(report: Report) -> dict[str, dict[str, int]]:
    """Count the errors of a report per field and kind.

    Args:
        report: the result of :func:`evaluate`.

    Returns:
        ``{field: {kind: n}}`` for every field of :data:`FIELDS`, in order; kinds in
        :data:`KINDS` order, only those with at least one error.
    """
    counts: dict[str, dict[str, int]] = {name: {} for name in FIELDS}
    for error in report.errors:
        by_kind = counts.setdefault(error.field, {})
        by_kind[error.kind] = by_kind.get(error.kind, 0) + 1
    order = {kind: n for n, kind in enumerate(KINDS)}
    return {
        name: dict(sorted(by_kind.items(), key=lambda kv: order.get(kv[0], len(KINDS))))
        for name, by_kind in counts.items()
    }


def _format_error_summary(report: Report) -> list[str]:
    """``errors by field`` block: one line per field, e.g. ``5 missed, 12 spurious``."""
    lines = ["", "errors by field:"]
    for name, by_kind in error_counts(report).items():
        text = ", ".join(f"{n} {kind}" for kind, n in by_kind.items()) or "no errors"
        lines.append(f"  {name:<{_FIELD_WIDTH}}{text}")
    return lines


def _format_errors(report: Report) -> list[str]:
    rank = {(f, k): (FIELDS.index(f), KINDS.index(k)) for f in FIELDS for k in KINDS}
    lines = _format_error_summary(report)
    for file in report.files:
        errors = [e for e in report.errors if e.file == file]
        lines.append("")
        lines.append(file + (" (no prediction)" if file in report.missing_predictions else ""))
        if not errors:
            lines.append("  no errors")
        # Stable sort: within a field and kind, errors keep their order of discovery.
        for e in sorted(errors, key=lambda e: rank.get((e.field, e.kind), (99, 99))):
            lines.append(f"  {e.field:<{_FIELD_WIDTH}}{e.kind:<{_KIND_WIDTH}}{_describe(e)}")
    return lines


def format_report(report: Report, verbose: bool = False) -> str:
    """Render a report as a fixed-width table, optionally followed by every error per file.

    Args:
        report: the result of :func:`evaluate`.
        verbose: also count errors per field and kind, then list them per file, grouped by
            field and kind.

    Returns:
        The report text, without a trailing newline.
    """
    lines = _format_scores(report) + [""] + _format_summary(report)
    if verbose:
        lines += _format_errors(report)
    return "\n".join(lines)
