"""Regenerate docs/review.png: the review page on the sample corpus in headless Chromium.

Run from the repository root: ``python scripts/screenshot_review.py`` (needs Debian's chromium
and ``python -m pip install playwright``; no browser is downloaded).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    """Extract the dev split, write its review page, and screenshot it."""
    sys.path.insert(0, str(REPO))
    from pipeline.review.browser import screenshot, why_no_browser

    reason = why_no_browser()
    if reason:
        print(f"screenshot_review: {reason}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        records = Path(tmp) / "records.jsonl"
        run = [sys.executable, "-m", "pipeline", "-q"]
        subprocess.run([*run, "extract", "corpus/dev", "-o", str(records)], cwd=REPO, check=True)
        subprocess.run([*run, "review", str(records), "-o", tmp], cwd=REPO, check=True)
        out = screenshot((Path(tmp) / "index.html").as_uri(), REPO / "docs" / "review.png")
    print(f"wrote {out.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
