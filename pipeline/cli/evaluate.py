"""``uninews evaluate``, ``compare`` and ``bench``: scores against gold, and speed."""

from __future__ import annotations

import argparse
import json
import sys

from .status import EXIT_OK, EXIT_USAGE


def cmd_evaluate(args: argparse.Namespace) -> int:
    """``uninews evaluate``."""
    from ..evaluate import evaluate, format_report, load_jsonl

    try:
        predictions = load_jsonl(args.predictions)
        gold = load_jsonl(args.gold)
        report = evaluate(predictions, gold)
    except (OSError, ValueError) as exc:
        print(f"uninews: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(format_report(report, verbose=args.list_errors))
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    """``uninews bench``."""
    from ..bench import run_bench

    memory = None
    if args.memory:
        try:
            small, large = (int(x) for x in args.memory.split(","))
        except ValueError:
            print("uninews: error: --memory takes SMALL,LARGE, e.g. 1000,10000", file=sys.stderr)
            return EXIT_USAGE
        memory = (small, large)
    print(run_bench(args.articles, args.jobs, memory, args.model, args.rounds))
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    """``uninews compare``."""
    from ..compare import run_compare

    print(
        run_compare(
            args.split, args.seeds, args.model, args.corpus, args.texts, args.gold, args.holdout
        )
    )
    return EXIT_OK
