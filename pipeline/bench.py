"""``uninews bench``: speed and memory of end-to-end extraction against bare spaCy, in one run.

Machines are noisy, so every figure is relative to a baseline measured in the same run:

- **ratio**: words/s of ``uninews extract`` end to end (reading, all components, dates,
  validation, state, writing) over words/s of bare ``nlp.pipe`` with the model's full pipeline;
- **jobs**: ``--jobs N`` over ``--jobs 1``, end to end;
- **memory**: peak RSS of a whole ``uninews extract`` process over a small and a large batch.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import spacy

from .engines import BATCH_SIZE
from .extract import Options, run_extract
from .nlp import DEFAULT_MODELS, build_nlp

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@dataclass
class Figure:
    """One measured line of the report."""

    name: str
    words: int
    seconds: float

    @property
    def rate(self) -> float:
        """Words per second."""
        return self.words / self.seconds


def make_articles(folder: Path, count: int, source: Path = CORPUS) -> int:
    """Write ``count`` distinct articles into ``folder`` from the sample corpus; return words."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(source.rglob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt articles under {source} to build the benchmark from")
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for n in range(count):
        text = texts[n % len(texts)] + f"\nBenchmark copy {n}.\n"
        (folder / f"bench_{n:06d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def bare_spacy(folder: Path, model: str | None) -> Figure:
    """Words/s of the model's full pipeline over the same texts (the baseline)."""
    nlp = _load_full(model)
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return Figure(
        f"bare spaCy ({nlp.meta['name']}, full pipeline)", words, time.perf_counter() - start
    )


def spacy_processes(folder: Path, model: str | None, processes: int) -> Figure:
    """Words/s of spaCy's own ``n_process`` over the components uninews runs (the reference
    for how well this machine scales to several processes)."""
    from .nlp import UNUSED_COMPONENTS

    nlp = _load_full(model, exclude=UNUSED_COMPONENTS)
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes):
        pass
    name = f"spaCy tok2vec+parser+ner, n_process={processes}"
    return Figure(name, words, time.perf_counter() - start)


def _load_full(model: str | None, exclude=()):
    for name in [model] if model else DEFAULT_MODELS:
        try:
            return spacy.load(name, exclude=list(exclude))
        except OSError:
            continue
    raise SystemExit("no model to benchmark")


def end_to_end(folder: Path, model: str | None, jobs: int, words: int) -> Figure:
    """Words/s of a whole ``uninews extract`` run (model already loaded)."""
    nlp = build_nlp(model)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        summary = run_extract(nlp, [str(folder)], Path(tmp) / "bench.jsonl", Options(jobs=jobs))
        seconds = time.perf_counter() - start
    if summary.failed:
        raise SystemExit(f"benchmark run failed: {summary.failed[:3]}")
    return Figure(f"uninews extract --jobs {jobs}", words, seconds)


def peak_rss_mb(folder: Path, model: str | None) -> float:
    """Peak resident memory (MB) of a separate ``uninews extract`` process over ``folder``."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [
            sys.executable,
            "-m",
            "pipeline",
            "-q",
            "extract",
            str(folder),
            "-o",
            f"{tmp}/o.jsonl",
        ]
        if model:
            command += ["--model", model]
        process = subprocess.Popen(command)
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"memory run failed with exit code {process.returncode}")
    return usage.ru_maxrss / 1024  # KB on Linux


def run_bench(
    articles: int, jobs: int, memory: tuple[int, int] | None, model: str | None, rounds: int = 3
) -> str:
    """Measure and return the report as text (a Markdown table).

    Each speed figure is the median of ``rounds`` rounds; the measurements of a round run one
    after the other, so a slow moment of the machine hits every figure of the round alike, and
    each ratio is the median of the rounds' own ratios (paired, not a ratio of medians).
    """
    lines = ["| measurement | words | seconds (median) | words/s |", "| --- | ---: | ---: | ---: |"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        words = make_articles(folder, articles)
        runs: dict[str, list[Figure]] = {}
        for _ in range(rounds):
            round_figures = [bare_spacy(folder, model), end_to_end(folder, model, 1, words)]
            if jobs > 1:
                round_figures.append(end_to_end(folder, model, jobs, words))
                round_figures.append(spacy_processes(folder, model, 1))
                round_figures.append(spacy_processes(folder, model, jobs))
            for figure in round_figures:
                runs.setdefault(figure.name, []).append(figure)
        series = list(runs.values())
        for figures in series:
            f = _median(figures)
            lines.append(f"| {f.name} | {f.words} | {f.seconds:.1f} | {f.rate:,.0f} |")
        lines.append("")
        ratio = paired_ratio(series[1], series[0])
        lines.append(
            f"- end to end / bare spaCy: **{ratio:.2f}x** (target >= 1.0; rounds: "
            f"{_rounds(series[1], series[0])})"
        )
        if jobs > 1:
            many, spacy_one, spacy_many = series[2:]
            lines.append(
                f"- --jobs {jobs} / --jobs 1: **{paired_ratio(many, series[1]):.2f}x** "
                f"(target >= 1.8 for 2; rounds: {_rounds(many, series[1])}; spaCy's own "
                f"n_process={jobs} / 1 on this machine in this run: "
                f"{paired_ratio(spacy_many, spacy_one):.2f}x)"
            )
        if memory:
            small, large = memory
            peaks = []
            for count in (small, large):
                sub = Path(tmp) / f"mem_{count}"
                make_articles(sub, count)
                peaks.append(peak_rss_mb(sub, model))
            lines.append(
                f"- peak memory, {small} articles: {peaks[0]:.0f} MB; {large} articles: "
                f"{peaks[1]:.0f} MB: **{peaks[1] / peaks[0]:.2f}x** (target <= 1.10)"
            )
    lines.append(
        f"- machine: {os.cpu_count()} cores; batch size {BATCH_SIZE}; {articles} articles; "
        f"median of {rounds} rounds"
    )
    return "\n".join(lines)


def paired_ratio(faster: list[Figure], baseline: list[Figure]) -> float:
    """Median over rounds of ``faster``'s words/s over ``baseline``'s in the same round."""
    ratios = sorted(f.rate / b.rate for f, b in zip(faster, baseline, strict=True))
    middle = len(ratios) // 2
    return ratios[middle] if len(ratios) % 2 else (ratios[middle - 1] + ratios[middle]) / 2


def _rounds(faster: list[Figure], baseline: list[Figure]) -> str:
    return ", ".join(f"{f.rate / b.rate:.2f}" for f, b in zip(faster, baseline, strict=True))


def _median(figures: list[Figure]) -> Figure:
    return sorted(figures, key=lambda f: f.seconds)[len(figures) // 2]
