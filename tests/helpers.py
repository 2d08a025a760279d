"""Small helpers shared by the tests (imported as ``from helpers import ...``)."""

from __future__ import annotations

from pipeline.assemble import SourceInfo, doc_to_record, extractor_info
from pipeline.models import Record


def record_of(nlp, text: str, path: str = "test.txt") -> Record:
    """Run the full pipeline on ``text`` and return its validated record."""
    doc = nlp(text)
    source = SourceInfo.from_bytes(path, text.encode("utf-8"))
    meta = nlp.meta["uninews"]
    return doc_to_record(
        doc, source, extractor_info(nlp), meta["rules_dir"], meta.get("local_rules")
    )


def roles_of(record: Record) -> set[tuple[str, str, str | None]]:
    """``(person, title, organization)`` triples of a record."""
    return {(p.name, r.title, r.organization) for p in record.people for r in p.roles}
