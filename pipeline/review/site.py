"""Records -> one self-contained review page (no CDN, no network, nothing executed from data).

The page is ``static/review.html`` with ``review.css`` and ``review.js`` inlined. The batch is
embedded as JSON in a ``<script type="application/json">`` element with ``<``, ``>`` and ``&``
written as ``\\u003c`` etc., so no article text can close the element; the script builds the
page with ``textContent``/``createTextNode`` only. A Content-Security-Policy allows exactly the
two inline blocks (by hash) and, under ``--serve``, requests to the page's own origin.

The text of a ``.txt`` article is read again from ``source.path`` (decoded as extraction does)
and checked against ``source.sha256``; HTML articles carry their text in the record. An article
whose file changed or is missing is shown with a marker and without highlights.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..models import Record

#: Highlight types, in legend order: (key, label).
TYPES = (
    ("person", "Person"),
    ("role", "Role"),
    ("organization", "Organization"),
    ("location", "Location"),
    ("date", "Date"),
    ("agreement_count", "Agreement count"),
)


@dataclass(frozen=True)
class Article:
    """One record with the text its offsets point into (None when it cannot be shown)."""

    record: Record
    text: str | None
    status: str  # ok, changed, missing


def load_records(path: Path) -> list[Record]:
    """Read and validate a records file.

    Raises:
        ValueError: naming the line of the first invalid record.
    """
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    records.append(Record.model_validate_json(line))
                except ValueError as exc:
                    raise ValueError(f"{path}:{number}: not a valid record ({exc})") from None
    return records


def source_text(record: Record, base: Path | None = None) -> tuple[str | None, str]:
    """The text a record's offsets point into, and ``ok``/``changed``/``missing``.

    Args:
        record: the record; HTML records carry their text.
        base: a folder to try ``source.path`` under when it is not found as given.
    """
    from ..text import decode_any

    if record.text is not None:
        return record.text, "ok"
    candidates = [Path(record.source.path)]
    if base is not None and not Path(record.source.path).is_absolute():
        candidates.append(base / record.source.path)
    for candidate in candidates:
        try:
            data = candidate.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() != record.source.sha256:
            return None, "changed"
        try:
            return decode_any(data, record.source.path)[0], "ok"
        except ValueError:
            return None, "changed"
    return None, "missing"


def load_articles(records_path: Path) -> list[Article]:
    """The records of a file with their texts."""
    base = records_path.resolve().parent
    articles = []
    for record in load_records(records_path):
        text, status = source_text(record, base)
        articles.append(Article(record, text, status))
    return articles


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence (or line) holding ``text[start:end]``, at most ``limit`` characters."""
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    right = min(stops) + 1 if stops else len(text)
    left = max(left, start - limit // 2)
    right = min(right, end + limit // 2)
    return " ".join(text[left:right].split())


def _items(record: Record, text: str | None) -> list[dict[str, Any]]:
    """Every highlighted value: type, offsets, evidence and the normalised value on hover."""
    items: list[dict[str, Any]] = []

    def add(kind: str, span: Any, hover: str, **extra: Any) -> None:
        item = {"type": kind, "start": span.start, "end": span.end, "text": span.text}
        item.update(hover=hover, method=span.method, rule_id=span.rule_id, **extra)
        if text is not None:
            item["evidence"] = sentence_around(text, span.start, span.end)
        items.append(item)

    for person in record.people:
        for m in person.mentions:
            add("person", m, f"Person: {person.name}", entity=person.id, value=person.name)
        for r in person.roles:
            org = f" — {r.organization}" if r.organization else " — no organization"
            add(
                "role",
                r,
                f"Role of {person.name}: {r.title}{org}",
                entity=person.id,
                value=r.title,
                organization=r.organization,
            )
    for org in record.organizations:
        aliases = f"; aliases: {', '.join(org.aliases)}" if org.aliases else ""
        for m in org.mentions:
            add(
                "organization",
                m,
                f"Organization: {org.name} ({org.type}){aliases}",
                entity=org.id,
                value=org.name,
            )
    for loc in record.locations:
        for m in loc.mentions:
            add("location", m, f"Location: {loc.name}", value=loc.name)
    if record.published:
        p = record.published
        add("date", p, f"Published: {p.value}", value=p.value, field="published")
    for d in record.dates:
        value = d.value if d.value else "unresolved"
        if d.end_value:
            value += f" to {d.end_value}"
        add("date", d, f"Date: {value} ({d.granularity or 'no granularity'})", value=d.value)
    for a in record.agreement_counts:
        what = f"{a.count} ({a.qualifier}) {a.object or ''}".strip()
        add("agreement_count", a, f"Agreement count: {what}", value=str(a.count))
    for i, item in enumerate(items):
        item["i"] = i
        item.setdefault("field", item["type"])
    return items


def _nest(text: str, items: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[int]]:
    """The text as a tree of plain runs ``{"t", "s"}`` and highlights ``{"m", "c"}``.

    Highlights nest when one contains another; one that only partly overlaps an earlier one is
    left out of the text (it stays in the tables) and returned in the second list.
    """
    order = sorted(range(len(items)), key=lambda i: (items[i]["start"], -items[i]["end"], i))
    partial: list[int] = []

    def nest(lo: int, hi: int, indices: list[int]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        pos, k = lo, 0
        while k < len(indices):
            item = items[indices[k]]
            if item["start"] < pos:
                partial.append(indices[k])
                k += 1
                continue
            if item["start"] > pos:
                out.append({"t": text[pos : item["start"]], "s": pos})
            inner, j = [], k + 1
            while j < len(indices) and items[indices[j]]["start"] < item["end"]:
                if items[indices[j]]["end"] <= item["end"]:
                    inner.append(indices[j])
                else:
                    partial.append(indices[j])
                j += 1
            out.append({"m": indices[k], "c": nest(item["start"], item["end"], inner)})
            pos, k = item["end"], j
        if pos < hi:
            out.append({"t": text[pos:hi], "s": pos})
        return out

    return nest(0, len(text), order), sorted(partial)


def _uncertain(record: Record) -> int:
    """Values worth a second look: unresolved dates and roles tied to no organization."""
    roles = sum(r.organization is None for p in record.people for r in p.roles)
    return roles + sum(d.value is None for d in record.dates)


def page_data(articles: list[Article], serve: bool, decisions: list[dict] | None = None) -> dict:
    """Everything the page script needs, as plain JSON."""
    out = []
    for article in articles:
        record, text = article.record, article.text
        items = _items(record, text) if text is not None else []
        tree, partial = _nest(text, items) if text is not None else ([], [])
        out.append(
            {
                "doc_id": record.doc_id,
                "path": record.source.path,
                "title": record.title or record.source.path,
                "status": article.status,
                "text_length": len(text) if text is not None else 0,
                "tree": tree,
                "partial": partial,
                "items": items,
                "uncertain": _uncertain(record),
                "counts": {
                    "people": len(record.people),
                    "roles": sum(len(p.roles) for p in record.people),
                    "organizations": len(record.organizations),
                    "locations": len(record.locations),
                    "dates": len(record.dates),
                    "agreement_counts": len(record.agreement_counts),
                },
                "record": json.loads(record.model_dump_json()),
            }
        )
    return {
        "serve": serve,
        "types": [{"key": k, "label": label} for k, label in TYPES],
        "articles": out,
        "decisions": decisions or [],
    }


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def embed_json(data: Any) -> str:
    """JSON that is safe inside an HTML ``<script>`` element (no ``<``, ``>`` or ``&``)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render_page(articles: list[Article], serve: bool = False, decisions: list | None = None) -> str:
    """The whole review page as one HTML string."""
    css, js = _asset("review.css"), _asset("review.js")
    connect = "'self'" if serve else "'none'"
    csp = (
        f"default-src 'none'; script-src {_csp_hash(js)}; style-src {_csp_hash(css)}; "
        f"connect-src {connect}; img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    html = _asset("review.html")
    return (
        html.replace("{{CSP}}", csp)
        .replace("{{CSS}}", css)
        .replace("{{JS}}", js)
        .replace("{{DATA}}", embed_json(page_data(articles, serve, decisions)))
    )


def write_site(records_path: Path, out_dir: Path, decisions: list | None = None) -> Path:
    """Write ``out_dir/index.html`` for a records file; return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / "index.html"
    page.write_text(render_page(load_articles(records_path), False, decisions), encoding="utf-8")
    return page
