"""The entry point: parse the arguments, log to stderr, run the command, map errors to exits."""

from __future__ import annotations

import logging
import os
import sys

from ..errors import PipelineError
from .evaluate import cmd_bench, cmd_compare, cmd_evaluate, cmd_train_role_orgs
from .export import cmd_entities, cmd_export
from .extract import cmd_extract
from .parser import build_parser
from .review import cmd_review
from .schema import cmd_schema, cmd_validate
from .status import EXIT_OK, EXIT_USAGE

logger = logging.getLogger("pipeline")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.verbose = getattr(args, "verbose", False)
    args.quiet = getattr(args, "quiet", False)
    if args.verbose and args.quiet and args.command != "evaluate":
        parser.error("-v/--verbose and -q/--quiet cannot be used together")
    level = logging.INFO if args.verbose else logging.ERROR if args.quiet else logging.WARNING
    _log_to_stderr(level)
    try:
        return COMMANDS[args.command](args)
    except PipelineError as exc:
        print(f"uninews: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # stdout closed early (``uninews schema | head``): not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
        return EXIT_OK


def _log_to_stderr(level: int) -> None:
    """Send the package's log records to stderr as ``uninews: message`` lines."""
    for handler in list(logger.handlers):
        if getattr(handler, "uninews_cli", False):
            logger.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("uninews: %(message)s"))
    handler.uninews_cli = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False


COMMANDS = {
    "bench": cmd_bench,
    "review": cmd_review,
    "compare": cmd_compare,
    "entities": cmd_entities,
    "extract": cmd_extract,
    "evaluate": cmd_evaluate,
    "export": cmd_export,
    "schema": cmd_schema,
    "train-role-orgs": cmd_train_role_orgs,
    "validate": cmd_validate,
}
