"""The rules folders a command reads, from its --rules and --local-rules options."""

from __future__ import annotations

import argparse
from pathlib import Path


def _rules_folders(args: argparse.Namespace) -> tuple[Path, Path]:
    """The rules folder (--rules, else the default) and the local one (--local-rules,
    $UNINEWS_LOCAL_RULES, else RULES/local)."""
    from ..local_rules import local_rules_dir
    from ..rules import check_rules_dir, default_rules_dir

    rules = check_rules_dir(Path(args.rules)) if args.rules else default_rules_dir()
    return rules, local_rules_dir(rules, args.local_rules)
