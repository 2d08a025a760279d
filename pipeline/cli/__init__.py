"""The ``uninews`` command line: extract, evaluate, schema, validate, export, entities, review,
bench, compare.

Exit codes: 0 success; 1 some inputs failed (extract) or some lines are invalid (validate);
2 usage errors and anything that stops the command as a whole (no model, bad rules folder).

Modules: :mod:`.parser` (the argument parser), :mod:`.entry` (``main``: logging, dispatch, exit
codes), :mod:`.status` (exit codes), :mod:`.rules_folders`, and the commands by group:
:mod:`.extract`; :mod:`.evaluate` (evaluate, compare, bench); :mod:`.review`; :mod:`.export`
(export, entities); :mod:`.schema` (schema, validate).
"""

from .entry import COMMANDS, logger, main
from .evaluate import cmd_bench, cmd_compare, cmd_evaluate
from .export import cmd_entities, cmd_export
from .extract import cmd_extract
from .parser import DEFAULT_ENTITIES, DEFAULT_OUT, DESCRIPTION, EPILOG, build_parser
from .review import cmd_review
from .schema import cmd_schema, cmd_validate
from .status import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE

__all__ = [
    "COMMANDS",
    "DEFAULT_ENTITIES",
    "DEFAULT_OUT",
    "DESCRIPTION",
    "EPILOG",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_USAGE",
    "build_parser",
    "cmd_bench",
    "cmd_compare",
    "cmd_entities",
    "cmd_evaluate",
    "cmd_export",
    "cmd_extract",
    "cmd_review",
    "cmd_schema",
    "cmd_validate",
    "logger",
    "main",
]
