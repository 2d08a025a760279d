"""``uninews review --export-gold``: reviewed articles as gold annotations for ``evaluate``.

An article counts as reviewed once a reviewer made any decision on it. Its gold entry is its
record with every decision applied (:mod:`.corrections`): what was rejected is absent, what was
edited or added is there as corrected, and every value the reviewer left alone is taken as
confirmed. The format is the gold format of ../shared/CONTRACT.md, one object per file.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

from .corrections import Corrections
from .site import Article


def gold_entry(record: dict[str, Any]) -> dict[str, Any]:
    """The gold annotation of one (corrected) record."""
    published = record.get("published")
    return {
        "file": PurePosixPath(record["source"]["path"].replace("\\", "/")).name,
        "published": published["value"] if published else None,
        "people": [
            {
                "name": p["name"],
                "mentions": sorted({m["text"] for m in p["mentions"]}),
                "roles": [
                    {"title": r["title"], "organization": r["organization"]} for r in p["roles"]
                ],
            }
            for p in record["people"]
        ],
        "organizations": [
            {"name": o["name"], "aliases": o["aliases"]} for o in record["organizations"]
        ],
        "locations": [loc["name"] for loc in record["locations"]],
        "dates": [{"text": d["text"], "value": d["value"]} for d in record["dates"] if d["value"]],
        "agreement_counts": [
            {
                "text": a["text"],
                "count": a["count"],
                "qualifier": a["qualifier"],
                "holder": a.get("holder"),
                "counterparty": a.get("counterparty"),
            }
            for a in record["agreement_counts"]
        ],
    }


def export_gold(articles: list[Article], corrections: Corrections, out: Path) -> int:
    """Write the gold entries of the reviewed articles to ``out``; return how many."""
    reviewed = set(corrections.by_doc)
    lines = []
    for article in articles:
        if article.record.doc_id not in reviewed or article.text is None:
            continue
        record = json.loads(article.record.model_dump_json())
        lines.append(
            json.dumps(gold_entry(corrections.apply(record, article.text)), ensure_ascii=False)
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)
