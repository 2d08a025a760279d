"""``uninews extract``: corrections to apply and learn from, then the extraction run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .rules_folders import _rules_folders
from .status import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE


def cmd_extract(args: argparse.Namespace) -> int:
    """``uninews extract``."""
    from ..extract import Options, run_extract, stream_extract
    from ..nlp import build_nlp

    if args.engine == "dask" and not args.scheduler:
        print("uninews: error: --engine dask needs --scheduler ADDRESS", file=sys.stderr)
        return EXIT_USAGE
    corrections = _corrections_for(args)
    if corrections is False:
        return EXIT_USAGE
    rules, local = _rules_folders(args)
    if corrections is not None:
        _learn(corrections, local, rules, args.quiet)
    nlp = build_nlp(args.model, rules, local)
    options = Options(
        jobs=args.jobs,
        force=args.force,
        max_bytes=args.max_bytes,
        progress=sys.stderr.isatty() and not args.quiet,
        engine=args.engine,
        scheduler=args.scheduler,
        corrections=corrections,
    )
    if args.output == "-":
        summary = stream_extract(nlp, args.paths, sys.stdout, options)
    else:
        summary = run_extract(nlp, args.paths, Path(args.output), options)
    if not args.quiet:
        where = "stdout" if args.output == "-" else f"{args.output} ({summary.records} records)"
        print(f"uninews: {summary.line()}; output {where}", file=sys.stderr)
    return EXIT_PARTIAL if summary.failed else EXIT_OK


def _corrections_for(args: argparse.Namespace):
    """The corrections file extract applies: --corrections, else the default beside OUT when
    it exists (said on stderr), else None; False (after a one-line error) when unusable."""
    from ..extract import default_corrections
    from ..review.corrections import CorrectionError, load_corrections

    if args.corrections:
        path = Path(args.corrections)
        if not path.is_file():
            print(f"uninews: error: {path}: no such corrections file", file=sys.stderr)
            return False
    elif args.output != "-" and default_corrections(Path(args.output)).is_file():
        path = default_corrections(Path(args.output))
    else:
        return None
    try:
        count = len(load_corrections(path))
    except CorrectionError as exc:
        print(f"uninews: error: {exc}", file=sys.stderr)
        return False
    if not args.quiet:
        print(f"uninews: applying {count} corrections from {path}", file=sys.stderr)
    return path


def _learn(corrections: Path, local: Path, rules: Path, quiet: bool) -> None:
    """Learn accepted names and titles into the local lexicons; one line when that changed
    them."""
    from ..review.corrections import read_corrections
    from ..review.learn import learn

    report = learn(read_corrections(corrections), local, rules_dir=rules)
    if report.changed and not quiet:
        print(f"uninews: {report.line()}", file=sys.stderr)
