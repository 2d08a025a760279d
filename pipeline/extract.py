"""Batch extraction: only new or changed files, in parallel, crash-safe, with a summary.

A run reads every input, skips those whose content already has a current record in the state
database (:mod:`pipeline.state`), processes the rest with an engine (:mod:`pipeline.engines`),
commits each batch of records to the state, and finally rewrites the JSONL output from the
state: to a temporary file that replaces the output in one rename, so an interrupted run never
leaves a half-written line. Files that fail go to ``<OUT>.errors.jsonl`` (path, reason, time)
and the batch carries on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import jsonlines
from spacy.language import Language

from .corpus import DEFAULT_MAX_BYTES, InputFile, collect, read
from .engines import Job, Outcome, run_local
from .errors import InputError, PipelineError
from .state import StateStore, state_path

logger = logging.getLogger(__name__)

#: Records committed to the state per transaction.
COMMIT_EVERY = 16


@dataclass(frozen=True)
class Options:
    """How to run: processes, engine, limits, and whether to redo everything."""

    jobs: int = 1
    force: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    progress: bool = False
    engine: str = "local"
    scheduler: str | None = None
    #: Reviewers' decisions to apply (:mod:`pipeline.review.corrections`); ``None``: none.
    corrections: Path | None = None


@dataclass
class RunSummary:
    """What a run did."""

    processed: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    records: int = 0

    def line(self) -> str:
        """One line for the end of a run."""
        rate = self.processed / self.seconds if self.seconds else 0.0
        return (
            f"processed {self.processed}, skipped {self.skipped} unchanged, "
            f"failed {len(self.failed)} in {self.seconds:.1f} s ({rate:.1f} files/s)"
        )


def errors_path(out: Path) -> Path:
    """``outputs/records.jsonl`` -> ``outputs/records.errors.jsonl``."""
    return out.with_name(out.name.removesuffix(".jsonl") + ".errors.jsonl")


def fingerprint(nlp: Language, corrections: Path | None = None) -> str:
    """Hash of what makes a record: uninews version, model and version, rules hash, the
    package's own code (so that a changed component redoes its records even before a release
    bumps the version), and the reviewers' corrections file when one is applied."""
    from .assemble import extractor_info
    from .review.corrections import corrections_hash

    digest = hashlib.sha256(extractor_info(nlp).model_dump_json().encode())
    digest.update(code_hash().encode())
    if corrections is not None:
        digest.update(corrections_hash(corrections).encode())
    return digest.hexdigest()[:16]


def default_corrections(out: Path) -> Path:
    """Where ``extract`` looks for reviewers' decisions by default: beside its output."""
    return out.parent / "corrections.jsonl"


def _load_corrections(path: Path | None):
    from .review.corrections import Corrections

    corrections = Corrections.from_file(path)
    if corrections:
        logger.info("applying %d corrections from %s", len(corrections.decisions), path)
    return corrections


def _corrected(outcome: Outcome, text: str | None, corrections) -> Outcome:
    """Apply reviewers' decisions to an outcome's record; a record they would break stays as
    extracted, with a warning."""
    from .review.corrections import apply_corrections

    if outcome.record is None or text is None or not corrections:
        return outcome
    try:
        record = apply_corrections(outcome.record, text, corrections)
    except (PipelineError, ValueError) as exc:
        logger.warning("%s: corrections not applied: %s", outcome.path, exc)
        return outcome
    return Outcome(outcome.path, outcome.sha256, record, outcome.error)


def code_hash() -> str:
    """sha256 over the source of every module of the ``pipeline`` package."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _job(source: InputFile, max_bytes: int) -> Job:
    article = read(source, max_bytes)
    return Job(
        path=source.display,
        sha256=hashlib.sha256(article.data).hexdigest(),
        bytes=len(article.data),
        text=article.text,
        encoding=article.encoding,
        format=article.format,
    )


def _engine(nlp: Language, jobs: Iterator[Job], options: Options) -> Iterator[Outcome]:
    if options.engine == "dask":
        if not options.scheduler:
            raise PipelineError("--engine dask needs --scheduler ADDRESS")
        from .dask_engine import run_dask

        meta = nlp.meta.get("uninews", {})
        return run_dask(
            options.scheduler,
            jobs,
            meta.get("model"),
            meta.get("rules_dir", ""),
            meta.get("local_rules"),
        )
    return run_local(nlp, jobs, options.jobs)


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="file", disable=not enabled, file=sys.stderr, dynamic_ncols=True)


def run_extract(
    nlp: Language, paths: list[str], out: Path, options: Options | None = None
) -> RunSummary:
    """Extract every input under ``paths`` into ``out`` (JSONL), incrementally.

    Args:
        nlp: the pipeline (:func:`pipeline.nlp.build_nlp`).
        paths: files, folders or ``-``.
        out: the JSONL output; its state database and errors file live beside it.
        options: see :class:`Options`.
    """
    options = options or Options()
    started = time.perf_counter()
    inputs, problems = collect(paths)
    summary = RunSummary(failed=list(problems))
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(out)
    state = StateStore(state_path(out))
    current = fingerprint(nlp, options.corrections)
    corrections = _load_corrections(options.corrections)
    texts: dict[str, str] = {}
    bar = _progress(len(inputs), options.progress)

    def todo() -> Iterator[Job]:
        for source in inputs:
            try:
                job = _job(source, options.max_bytes)
            except InputError as exc:
                logger.warning("%s", exc)
                summary.failed.append((source.display, str(exc)))
                bar.update()
                continue
            if not options.force and state.is_current(job.path, job.sha256, current):
                logger.info("%s: unchanged, skipped", job.path)
                summary.skipped += 1
                bar.update()
                continue
            if corrections:
                texts[job.path] = job.text
            yield job

    try:
        pending: list[tuple[str, str, str, str]] = []
        for raw in _engine(nlp, todo(), options):
            outcome = _corrected(raw, texts.pop(raw.path, None), corrections)
            bar.update()
            if outcome.record is None:
                summary.failed.append((outcome.path, outcome.error or "failed"))
                continue
            pending.append((outcome.path, outcome.sha256, current, outcome.record))
            summary.processed += 1
            if len(pending) >= COMMIT_EVERY:
                state.put_many(pending)
                pending = []
        state.put_many(pending)
        summary.records = _write_output(state, out)
    finally:
        bar.close()
        state.close()
    _write_errors(errors_path(out), summary.failed)
    summary.seconds = time.perf_counter() - started
    return summary


def stream_extract(
    nlp: Language, paths: list[str], stream: TextIO, options: Options | None = None
) -> RunSummary:
    """Extract into an open text stream (``-o -``): every input, no state, records as they come."""
    options = options or Options()
    started = time.perf_counter()
    inputs, problems = collect(paths)
    summary = RunSummary(failed=list(problems))
    corrections = _load_corrections(options.corrections)
    texts: dict[str, str] = {}

    def jobs() -> Iterator[Job]:
        for source in inputs:
            try:
                job = _job(source, options.max_bytes)
            except InputError as exc:
                logger.warning("%s", exc)
                summary.failed.append((source.display, str(exc)))
                continue
            if corrections:
                texts[job.path] = job.text
            yield job

    for raw in _engine(nlp, jobs(), options):
        outcome = _corrected(raw, texts.pop(raw.path, None), corrections)
        if outcome.record is None:
            summary.failed.append((outcome.path, outcome.error or "failed"))
            continue
        stream.write(outcome.record + "\n")
        stream.flush()
        summary.processed += 1
    summary.records = summary.processed
    summary.seconds = time.perf_counter() - started
    return summary


def _write_output(state: StateStore, out: Path) -> int:
    """Rewrite ``out`` from the state: a temporary file, flushed to disk, then one rename."""
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    count = 0
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            for record in state.records():
                handle.write(record + "\n")
                count += 1
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return count


def _remove_stale_temporaries(out: Path) -> None:
    """Delete temporary outputs left by runs that were killed (their process is gone)."""
    for tmp in out.parent.glob(f".{out.name}.*.tmp"):
        pid = tmp.name.removeprefix(f".{out.name}.").removesuffix(".tmp")
        if pid.isdigit() and not _alive(int(pid)):
            tmp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _write_errors(path: Path, failed: list[tuple[str, str]]) -> None:
    if not failed:
        path.unlink(missing_ok=True)
        return
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with jsonlines.open(path, mode="w", compact=True) as writer:
        for file, reason in failed:
            writer.write({"path": file, "reason": reason, "time": now})
