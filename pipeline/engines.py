"""Where articles are processed: in this process, in a local process pool, or on Dask.

Every engine takes an iterator of :class:`Job` and yields one :class:`Outcome` per job, in the
order of the jobs, so the output is the same whatever the engine and the number of processes.
At most a small window of batches is in flight, so memory stays flat however many files a run
reads. Workers build the pipeline once and reuse it for every batch.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from spacy.language import Language

from .assemble import SourceInfo, doc_to_record, extractor_info
from .errors import PipelineError
from .lexicons import Lexicons, load_lexicons

logger = logging.getLogger(__name__)

#: Articles per batch: ~335 MB a process with en_core_web_sm (64 took 887 MB) and the best
#: scaling over 2 processes.
BATCH_SIZE = 16
#: Articles per task sent to a worker process: smaller than a spaCy batch, so that at the end
#: of a run no worker idles long while another finishes a big task.
TASK_SIZE = 8
#: Tasks in flight per worker process (outcomes are yielded in order, so a slow task must not
#: leave the other workers without work).
WINDOW_PER_WORKER = 4


@dataclass(frozen=True)
class Job:
    """One article to process (picklable, so it can cross to another process or machine)."""

    path: str
    sha256: str
    bytes: int
    text: str
    encoding: str = "utf-8"
    format: str = "text"


@dataclass(frozen=True)
class Outcome:
    """The result for one job: a validated record as one JSON line, or the reason it failed."""

    path: str
    sha256: str
    record: str | None
    error: str | None = None


def process_batch(nlp: Language, jobs: list[Job]) -> list[Outcome]:
    """Run the pipeline over ``jobs`` and assemble each record; a failure stays with its job."""
    rules_dir = nlp.meta.get("uninews", {}).get("rules_dir", "")
    local_rules = nlp.meta.get("uninews", {}).get("local_rules")
    extractor = extractor_info(nlp)
    lexicons = _batch_lexicons(rules_dir, local_rules)
    outcomes = []
    for doc, job in nlp.pipe(((j.text, j) for j in jobs), as_tuples=True, batch_size=BATCH_SIZE):
        source = SourceInfo(job.path, job.sha256, job.bytes, job.encoding, job.format)
        try:
            record = doc_to_record(doc, source, extractor, rules_dir, local_rules, lexicons)
        except (PipelineError, ValueError) as exc:  # pydantic's ValidationError is a ValueError
            logger.warning("%s: %s", job.path, exc)
            outcomes.append(Outcome(job.path, job.sha256, None, f"{job.path}: {exc}"))
            continue
        outcomes.append(Outcome(job.path, job.sha256, record.model_dump_json()))
    return outcomes


def _batch_lexicons(rules_dir: str, local_rules: str | None) -> Lexicons | None:
    """The lexicons assembly reads, loaded once per batch; None leaves loading (and any
    error, reported per file) to :func:`doc_to_record`."""
    if not rules_dir:
        return None
    try:
        return load_lexicons(rules_dir, local_rules or None)
    except PipelineError:
        return None


def batched(items: Iterable[Job], size: int = BATCH_SIZE) -> Iterator[list[Job]]:
    """Split an iterator into lists of ``size`` (the last may be shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ordered_window(
    batches: Iterator[list[Job]], submit: Callable[[list[Job]], object], result, window: int
) -> Iterator[Outcome]:
    """Submit batches, at most ``window`` in flight, and yield outcomes in submission order."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


# -- local -----------------------------------------------------------------------------------
_WORKER_NLP: Language | None = None


def _init_worker(model: str | None, rules_dir: str, local_rules: str | None) -> None:
    global _WORKER_NLP
    if _WORKER_NLP is None:  # inherited through fork, or built once here (spawn)
        from .nlp import build_nlp

        _WORKER_NLP = build_nlp(model, rules_dir, local_rules)


def _worker_batch(jobs: list[Job]) -> list[Outcome]:
    assert _WORKER_NLP is not None
    return process_batch(_WORKER_NLP, jobs)


def run_local(nlp: Language, jobs: Iterable[Job], processes: int = 1) -> Iterator[Outcome]:
    """Process jobs here (``processes=1``) or in a pool of worker processes."""
    if processes <= 1:
        for batch in batched(jobs):
            yield from process_batch(nlp, batch)
        return
    global _WORKER_NLP
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    _WORKER_NLP = nlp  # forked workers inherit the loaded pipeline instead of loading it again
    model = nlp.meta.get("uninews", {}).get("model")
    rules_dir = nlp.meta.get("uninews", {}).get("rules_dir", "")
    local_rules = nlp.meta.get("uninews", {}).get("local_rules")
    initargs = (model, rules_dir, local_rules)
    try:
        with context.Pool(processes, initializer=_init_worker, initargs=initargs) as pool:
            yield from ordered_window(
                batched(jobs, TASK_SIZE),
                lambda batch: pool.apply_async(_worker_batch, (batch,)),
                lambda pending: pending.get(),
                processes * WINDOW_PER_WORKER,
            )
    finally:
        _WORKER_NLP = None
