"""``uninews review``: the review page, its server, and gold from the corrections."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .rules_folders import _rules_folders
from .status import EXIT_OK, EXIT_USAGE


def cmd_review(args: argparse.Namespace) -> int:
    """``uninews review``."""
    import webbrowser

    from ..review.corrections import CorrectionError, Corrections
    from ..review.site import load_articles, render_page

    records = Path(args.records)
    corrections = (
        Path(args.corrections) if args.corrections else records.parent / "corrections.jsonl"
    )
    try:
        articles = load_articles(records)
        decisions = Corrections.from_file(corrections)
    except OSError as exc:
        print(f"uninews: error: {records}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except (CorrectionError, ValueError) as exc:
        print(f"uninews: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.export_gold:
        from ..review.gold import export_gold

        count = export_gold(articles, decisions, Path(args.export_gold))
        print(f"uninews: {count} reviewed articles written to {args.export_gold}", file=sys.stderr)
        return EXIT_OK
    if args.serve:
        from ..review.server import ReviewServer

        rules, local = _rules_folders(args)
        try:
            server = ReviewServer(
                records, corrections, args.port, local_rules=local, rules_dir=rules
            )
        except OSError as exc:
            print(
                f"uninews: error: cannot listen on 127.0.0.1:{args.port}: {exc.strerror}",
                file=sys.stderr,
            )
            return EXIT_USAGE
        print(
            f"uninews: review at {server.url} ; decisions go to {corrections}, accepted names "
            f"and titles to {local}/ (Ctrl-C stops)",
            file=sys.stderr,
        )
        if args.open:
            webbrowser.open(server.url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
        return EXIT_OK
    out_dir = Path(args.output) if args.output else records.parent / "review"
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / "index.html"
    saved = [json.loads(c.model_dump_json()) for c in decisions.decisions]
    page.write_text(render_page(articles, False, saved), encoding="utf-8")
    missing = sum(a.status != "ok" for a in articles)
    note = f" ({missing} articles without their source text)" if missing else ""
    print(f"uninews: review page {page}{note}", file=sys.stderr)
    if args.open:
        webbrowser.open(page.resolve().as_uri())
    return EXIT_OK
