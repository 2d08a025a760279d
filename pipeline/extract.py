"""Run the pipeline over input files and write one validated record per article.

Output is written to a temporary file beside the target and renamed over it at the end, so an
interrupted run never leaves a half-written record behind. Files that fail go to
``<OUT>.errors.jsonl`` (path, reason, time) and the batch carries on.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import jsonlines
from spacy.language import Language

from .assemble import SourceInfo, doc_to_record, extractor_info
from .corpus import Article, collect, iter_articles
from .errors import PipelineError
from .models import Record

logger = logging.getLogger(__name__)

BATCH_SIZE = 16  # ~335 MB a process with en_core_web_sm (64 took 887 MB)


@dataclass
class RunSummary:
    """What a run did."""

    processed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def errors_path(out: Path) -> Path:
    """``outputs/records.jsonl`` -> ``outputs/records.errors.jsonl``."""
    return out.with_name(out.name.removesuffix(".jsonl") + ".errors.jsonl")


def extract_records(
    nlp: Language, articles: list[Article] | Iterator[Article]
) -> Iterator[tuple[Article, Record | None, str | None]]:
    """Yield ``(article, record, None)`` or ``(article, None, reason)`` for each article."""
    rules_dir = nlp.meta.get("uninews", {}).get("rules_dir", "")
    extractor = extractor_info(nlp)
    stream = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=BATCH_SIZE):
        source = SourceInfo.from_bytes(article.source.display, article.data)
        try:
            yield article, doc_to_record(doc, source, extractor, rules_dir), None
        except (PipelineError, ValueError) as exc:
            logger.warning("%s: %s", article.source.display, exc)
            yield article, None, str(exc)


def run_extract(nlp: Language, paths: list[str], out: Path) -> RunSummary:
    """Extract every input under ``paths`` into ``out`` (JSONL), replacing it atomically."""
    inputs, problems = collect(paths)
    summary = RunSummary(failed=list(problems))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with jsonlines.open(tmp, mode="w", compact=True, sort_keys=False) as writer:
            for _article, record, reason in extract_records(
                nlp, iter_articles(inputs, summary.failed)
            ):
                if record is None:
                    summary.failed.append((_article.source.display, reason or "failed"))
                    continue
                writer.write(record.model_dump(mode="json"))
                summary.processed += 1
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    _write_errors(errors_path(out), summary.failed)
    return summary


def _write_errors(path: Path, failed: list[tuple[str, str]]) -> None:
    if not failed:
        if path.exists():
            path.unlink()
        return
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with jsonlines.open(path, mode="w", compact=True) as writer:
        for file, reason in failed:
            writer.write({"path": file, "reason": reason, "time": now})


def stream_extract(nlp: Language, paths: list[str], stream) -> RunSummary:
    """Extract into an open text stream (``-o -``), one JSON line per record as it is ready."""
    inputs, problems = collect(paths)
    summary = RunSummary(failed=list(problems))
    writer = jsonlines.Writer(stream, compact=True, flush=True)
    for article, record, reason in extract_records(nlp, iter_articles(inputs, summary.failed)):
        if record is None:
            summary.failed.append((article.source.display, reason or "failed"))
            continue
        writer.write(record.model_dump(mode="json"))
        summary.processed += 1
    return summary
