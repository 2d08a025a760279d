"""Spread extraction over a Dask cluster (``pip install 'uninews[dask]'``).

Each worker process builds the pipeline once, on its first batch, and keeps it for the next
ones (a new one when the local rules changed since: their content stamp is part of the key);
batches are submitted in a bounded window and their outcomes come back in order, so the
output is the same as a local run's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .engines import Job, Outcome, batched, ordered_window, process_batch
from .errors import PipelineError
from .local_rules import local_stamp

#: Batches in flight per worker thread of the cluster.
WINDOW_PER_THREAD = 2
_PIPELINES: dict[tuple[str | None, str, str | None, str], object] = {}


def _dask_batch(
    jobs: list[Job], model: str | None, rules_dir: str, local_rules: str | None, stamp: str
) -> list[Outcome]:
    """Run on a worker: the pipeline is built on the first call and cached per process."""
    key = (model, rules_dir, local_rules, stamp)
    nlp = _PIPELINES.get(key)
    if nlp is None:
        from .nlp import build_nlp

        nlp = _PIPELINES[key] = build_nlp(model, rules_dir, local_rules)
    return process_batch(nlp, jobs)


def run_dask(
    scheduler: str,
    jobs: Iterable[Job],
    model: str | None,
    rules_dir: str,
    local_rules: str | None = None,
) -> Iterator[Outcome]:
    """Process jobs on the Dask cluster whose scheduler listens at ``scheduler``.

    ``rules_dir`` and ``local_rules`` must be readable at the same paths on the workers.

    Raises:
        PipelineError: when Dask is not installed or the scheduler cannot be reached.
    """
    try:
        from distributed import Client
    except ImportError:
        raise PipelineError("--engine dask needs Dask: pip install 'uninews[dask]'") from None
    try:
        client = Client(scheduler, timeout="20s")
    except OSError as exc:
        raise PipelineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    stamp = local_stamp(local_rules) if local_rules else ""
    try:
        threads = max(1, sum(client.nthreads().values()))
        yield from ordered_window(
            batched(jobs),
            lambda batch: client.submit(
                _dask_batch, batch, model, rules_dir, local_rules, stamp, pure=False
            ),
            lambda future: future.result(),
            threads * WINDOW_PER_THREAD,
        )
    finally:
        client.close()
