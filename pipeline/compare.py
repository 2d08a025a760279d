"""``uninews compare``: field F1 of uninews against bare spaCy NER, measured in one run.

The baseline is what one gets from the same spaCy model with no rules: its full default
pipeline (nothing excluded), with entities mapped straight onto the record fields:

- ``PERSON`` -> ``people`` (name = entity text, one person per distinct text, no roles);
- ``ORG`` -> ``organizations`` (name = entity text, no aliases);
- ``GPE`` and ``LOC`` -> ``locations``;
- ``DATE`` -> ``dates`` with ``value`` null: bare spaCy does not normalise dates, and the
  evaluator compares ISO values only, so the baseline scores 0 on dates whenever gold has any;
- no ``published``, no roles, no agreement counts.

Both systems read the same texts (:func:`pipeline.corpus.read`) and are scored by the same
:func:`pipeline.evaluate.evaluate` against ``corpus/<split>/gold.jsonl`` and, when present, the
shared seeds' ``gold.jsonl``. Nothing is written into ``outputs/``.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import spacy
from spacy.language import Language

from .corpus import collect, iter_articles
from .engines import BATCH_SIZE
from .errors import E_MODEL, ModelNotFoundError, PipelineError
from .evaluate import FIELDS, Report, evaluate, load_jsonl

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parent.parent
#: The repository's gold corpus; splits are its subfolders.
CORPUS = REPO / "corpus"
#: The shared seed releases, next to the repository.
SEEDS = REPO.parent / "shared" / "seeds"
GOLD_NAME = "gold.jsonl"

#: spaCy entity labels and the record field each one fills.
LABEL_FIELDS = {
    "PERSON": "people",
    "ORG": "organizations",
    "GPE": "locations",
    "LOC": "locations",
    "DATE": "dates",
}


class EntityLike(Protocol):
    """What the mapping reads of an entity (a :class:`spacy.tokens.Span` has it)."""

    label_: str
    text: str
    start_char: int
    end_char: int


def entities_to_prediction(path: str, ents: Iterable[EntityLike]) -> dict[str, Any]:
    """Map bare NER entities onto a prediction dict in the record contract's shape.

    Only the fields :func:`pipeline.evaluate.evaluate` reads are filled. Items are listed in
    order of first mention; an entity text seen again adds a mention to the same item. Labels
    outside :data:`LABEL_FIELDS` are ignored.

    Args:
        path: the file the entities come from (``source.path``; gold pairs by its basename).
        ents: entities with ``label_``, ``text``, ``start_char`` and ``end_char``.

    Returns:
        A dict with ``source.path``, ``published`` (None), ``people``, ``organizations``,
        ``locations``, ``dates`` and ``agreement_counts`` (empty).
    """
    items: dict[str, dict[str, dict[str, Any]]] = {
        "people": {},
        "organizations": {},
        "locations": {},
        "dates": {},
    }
    for ent in ents:
        field = LABEL_FIELDS.get(ent.label_)
        text = ent.text.strip()
        if field is None or not text:
            continue
        mention = {"text": ent.text, "start": ent.start_char, "end": ent.end_char}
        known = items[field].get(text)
        if known is not None:
            known.setdefault("mentions", []).append(mention)
        elif field == "people":
            items[field][text] = {"name": text, "mentions": [mention], "roles": []}
        elif field == "organizations":
            items[field][text] = {"name": text, "aliases": [], "mentions": [mention]}
        elif field == "locations":
            items[field][text] = {"name": text, "mentions": [mention]}
        else:
            # One date item per distinct text; the value stays null (not normalised).
            items[field][text] = {"text": ent.text, "value": None, **mention}
    return {
        "source": {"path": path},
        "published": None,
        **{field: list(by_text.values()) for field, by_text in items.items()},
        "agreement_counts": [],
    }


def load_full_model(name: str | None = None) -> Language:
    """Load the model uninews would load, with its full default pipeline (nothing excluded).

    The name resolves as in :func:`pipeline.nlp.load_model`: ``name``, else ``UNINEWS_MODEL``,
    else :data:`pipeline.nlp.DEFAULT_MODELS` in order. That function leaves out components our
    rules do not read; bare spaCy here keeps them, as a user of the model would.

    Raises:
        ModelNotFoundError: when no candidate loads.
    """
    from .nlp import DEFAULT_MODELS

    name = name or os.environ.get("UNINEWS_MODEL") or None
    tried: list[str] = []
    for candidate in [name] if name else list(DEFAULT_MODELS):
        if candidate.startswith("blank:"):
            return spacy.blank(candidate.split(":", 1)[1])
        try:
            return spacy.load(candidate)
        except OSError as exc:
            logger.debug("model %s did not load: %s", candidate, exc)
            tried.append(candidate)
    raise ModelNotFoundError(E_MODEL.format(tried=", ".join(tried)))


def model_label(nlp: Language) -> str:
    """``en_core_web_sm 3.8.0`` style name of a pipeline's model."""
    meta = nlp.meta
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}"


@dataclass
class Part:
    """A part of a data set (its dev or its held-out files), scored by both systems."""

    label: str
    files: int
    bare: Report
    uninews: Report


@dataclass
class DataSet:
    """One folder of articles with its gold file, scored by both systems."""

    name: str
    folder: Path
    gold_file: Path | None = None
    files: int = 0
    unreadable: int = 0
    uninews_failed: int = 0
    bare: Report | None = None
    uninews: Report | None = None
    parts: list[Part] = field(default_factory=list)

    @property
    def gold_path(self) -> Path:
        """The gold file: ``gold_file`` when given, else ``<folder>/gold.jsonl``."""
        return self.gold_file or self.folder / GOLD_NAME


_FILE_NUMBER = re.compile(r"(\d+)")


def held_out(file_name: str, digits: str) -> bool:
    """True when the first number in ``file_name`` ends in one of ``digits`` ("ru14_x.txt"
    with digits "48" is held out; a name without a number never is)."""
    found = _FILE_NUMBER.search(file_name)
    return bool(digits) and found is not None and found.group(1)[-1] in digits


def split_gold(gold: list[dict[str, Any]], digits: str) -> tuple[list, list]:
    """The gold entries of the dev part and of the held-out part (see :func:`held_out`)."""
    dev = [g for g in gold if not held_out(str(g.get("file", "")), digits)]
    test = [g for g in gold if held_out(str(g.get("file", "")), digits)]
    return dev, test


def bare_predictions(nlp: Language, folder: Path) -> tuple[list[dict[str, Any]], int, int]:
    """Run bare spaCy over every article under ``folder``.

    Returns:
        Prediction dicts, the number of files found and the number that could not be read.
    """
    inputs, problems = collect([str(folder)])
    errors: list[tuple[str, str]] = []
    articles = list(iter_articles(inputs, errors))
    texts = ((a.text, a.source.display) for a in articles)
    predictions = [
        entities_to_prediction(path, doc.ents)
        for doc, path in nlp.pipe(texts, as_tuples=True, batch_size=BATCH_SIZE)
    ]
    return predictions, len(inputs), len(problems) + len(errors)


def uninews_predictions(nlp: Language, folder: Path) -> tuple[list[dict[str, Any]], int]:
    """Run the uninews pipeline over every article under ``folder``, into memory.

    Returns:
        The records as dicts and the number of files that failed.
    """
    from .extract import stream_extract

    buffer = io.StringIO()
    summary = stream_extract(nlp, [str(folder)], buffer)
    records = [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]
    return records, len(summary.failed)


def _datasets(
    corpus: Path, split: str, seeds: Path | None, texts: Path | None, gold: Path | None
) -> list[DataSet]:
    if texts is not None or gold is not None:
        if texts is None or gold is None:
            raise PipelineError("--texts and --gold go together")
        if not gold.is_file():
            raise PipelineError(f"no gold file {gold} (check --gold FILE)")
        if not texts.is_dir():
            raise PipelineError(f"no folder {texts} (check --texts DIR)")
        datasets = [DataSet(texts.name or str(texts), texts, gold_file=gold)]
        if seeds is not None:
            datasets += _seeds(seeds)
        return datasets
    folder = corpus / split
    if not (folder / GOLD_NAME).is_file():
        raise PipelineError(f"no gold file {folder / GOLD_NAME} (pass --corpus DIR or --split)")
    datasets = [DataSet(split, folder)]
    if seeds is None:
        if (SEEDS / GOLD_NAME).is_file():
            datasets.append(DataSet("seeds", SEEDS))
        else:
            logger.info("no seeds at %s; compared on %s only", SEEDS, split)
    else:
        datasets += _seeds(seeds)
    return datasets


def _seeds(seeds: Path) -> list[DataSet]:
    if not (seeds / GOLD_NAME).is_file():
        raise PipelineError(f"no gold file {seeds / GOLD_NAME} (check --seeds DIR)")
    return [DataSet("seeds", seeds)]


def run_compare(
    split: str = "test",
    seeds: Path | str | None = None,
    model: str | None = None,
    corpus: Path | str | None = None,
    texts: Path | str | None = None,
    gold: Path | str | None = None,
    holdout: str = "",
) -> str:
    """Score bare spaCy and uninews on a folder of texts and the seeds; return Markdown tables.

    Args:
        split: subfolder of ``corpus`` holding the articles and ``gold.jsonl``.
        seeds: a folder of articles with ``gold.jsonl``; None uses the shared seeds when they
            exist (skipped otherwise, and always skipped with ``texts``).
        model: spaCy model name or path for both systems (see :func:`load_full_model`).
        corpus: the corpus folder (default: the repository's ``corpus/``).
        texts: any folder of texts, scored against ``gold`` instead of a corpus split.
        gold: the gold file for ``texts``.
        holdout: digits; files whose first number ends in one of them form the held-out
            part, the others the dev part, each scored in a table of its own as well.

    Returns:
        A header line with the model, then one table per data set (and per part): one row
        per field of :data:`pipeline.evaluate.FIELDS`, bare spaCy F1 and uninews F1.

    Raises:
        PipelineError: when a gold file is missing or unreadable, or no model loads.
    """
    from .nlp import build_nlp

    datasets = _datasets(
        Path(corpus) if corpus else CORPUS,
        split,
        Path(seeds) if seeds is not None else None,
        Path(texts).expanduser() if texts is not None else None,
        Path(gold).expanduser() if gold is not None else None,
    )
    bare_nlp = load_full_model(model)
    uninews_nlp = build_nlp(model)
    for data in datasets:
        try:
            gold_entries = load_jsonl(data.gold_path)
            bare, data.files, data.unreadable = bare_predictions(bare_nlp, data.folder)
            records, data.uninews_failed = uninews_predictions(uninews_nlp, data.folder)
            data.bare = evaluate(bare, gold_entries)
            data.uninews = evaluate(records, gold_entries)
            if holdout:
                for label, part in zip(
                    ("dev", "held-out"), split_gold(gold_entries, holdout), strict=True
                ):
                    if part:
                        data.parts.append(
                            Part(label, len(part), evaluate(bare, part), evaluate(records, part))
                        )
        except (OSError, ValueError) as exc:
            raise PipelineError(f"{data.gold_path}: {exc}") from None
    return format_comparison(datasets, bare_nlp, uninews_nlp)


def format_comparison(datasets: list[DataSet], bare_nlp: Language, uninews_nlp: Language) -> str:
    """Render the header line and one Markdown table per data set."""
    bare_model, uninews_model = model_label(bare_nlp), model_label(uninews_nlp)
    model = bare_model if bare_model == uninews_model else f"{bare_model} / {uninews_model}"
    lines = [
        f"model: {model}; bare spaCy: {', '.join(bare_nlp.pipe_names) or 'no components'}; "
        f"uninews: {len(uninews_nlp.pipe_names)} components",
    ]
    for data in datasets:
        assert data.bare is not None and data.uninews is not None
        gold_files = len(data.uninews.files)
        where = os.path.relpath(data.folder)
        if where.startswith(".."):
            where = str(data.folder)
        header = f"{data.name} ({where}): {data.files} files, {gold_files} in gold"
        if data.unreadable:
            header += f", {data.unreadable} unreadable"
        if data.uninews_failed > data.unreadable:
            header += f", {data.uninews_failed - data.unreadable} more failed in uninews"
        if data.uninews.missing_predictions:
            header += f", {len(data.uninews.missing_predictions)} gold files without a text"
        lines += [
            "",
            f"### {header}",
            "",
            "| field | bare spaCy F1 | uninews F1 |",
            "| --- | ---: | ---: |",
        ]
        lines += _rows(data.bare, data.uninews)
        for part in data.parts:
            lines += [
                "",
                f"### {data.name}: {part.label} part ({part.files} files)",
                "",
                "| field | bare spaCy F1 | uninews F1 |",
                "| --- | ---: | ---: |",
                *_rows(part.bare, part.uninews),
            ]
    lines += [
        "",
        "Bare spaCy: PERSON -> people, ORG -> organizations, GPE/LOC -> locations, DATE -> dates "
        "with value null (not normalised, so 0 on dates); no published, roles or counts.",
    ]
    return "\n".join(lines)


def _rows(bare: Report, uninews: Report) -> list[str]:
    return [
        f"| {name} | {bare.scores[name].f1:.3f} | {uninews.scores[name].f1:.3f} |"
        for name in FIELDS
    ]
