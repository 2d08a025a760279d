"""``uninews evaluate``, ``compare``, ``train-role-orgs`` and ``bench``: scores against gold,
the learned scorer, and speed."""

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
    if getattr(args, "classes", False):
        print()
        print(_class_table(report, gold, getattr(args, "before", None)))
    return EXIT_OK


def _class_table(report, gold, before: str | None) -> str:
    """The errors by class, with a "before" column when OLD predictions are given."""
    from ..evaluate import evaluate, load_jsonl
    from ..evaluate.classes import class_counts, format_classes
    from ..lexicons import load_lexicons
    from ..rules import default_rules_dir

    honorifics = load_lexicons(str(default_rules_dir())).honorifics
    columns = {}
    if before:
        columns["before"] = class_counts(evaluate(load_jsonl(before), gold), honorifics)
    columns["errors" if not before else "after"] = class_counts(report, honorifics)
    return format_classes(columns)


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


def cmd_train_role_orgs(args: argparse.Namespace) -> int:
    """``uninews train-role-orgs``."""
    from pathlib import Path

    from ..api import get_nlp
    from ..role_orgs.training import train

    sets = [(Path(t), Path(g)) for t, g in args.data]
    tests = [(Path(t), Path(g)) for t, g in args.test]
    for texts, gold in sets + tests:
        if not texts.is_dir() or not gold.is_file():
            print(f"uninews: error: {texts} is not a folder or {gold} not a file", file=sys.stderr)
            return EXIT_USAGE
    model, report = train(get_nlp(args.model), sets, tests, args.holdout, args.l2)
    print(report)
    if args.output:
        model.save(args.output)
        print(f"wrote {len(model.weights)} weights to {args.output}")
    return EXIT_OK
