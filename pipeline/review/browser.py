"""Headless Chromium for screenshots and browser tests: Debian's ``chromium`` via Playwright.

Never downloads a browser (no ``playwright install``): it uses the system's binary.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

#: Flags that keep a headless Chromium off the network and quiet.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium_path() -> str | None:
    """The system Chromium binary ($UNINEWS_CHROMIUM, else chromium on PATH), or None."""
    explicit = os.environ.get("UNINEWS_CHROMIUM")
    if explicit and Path(explicit).is_file():
        return explicit
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def why_no_browser() -> str | None:
    """None when a browser can be driven, else the reason (for a visible test skip)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (python -m pip install playwright)"
    if chromium_path() is None:
        return "no chromium binary (apt-get install -y chromium)"
    return None


def launch(playwright):
    """A headless Chromium browser from a started ``sync_playwright()``."""
    return playwright.chromium.launch(
        executable_path=chromium_path(), headless=True, args=list(CHROMIUM_ARGS)
    )


def screenshot(page_url: str, out: Path, width: int = 1400, height: int = 900) -> Path:
    """Render ``page_url`` and write a PNG of the viewport to ``out``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(page_url)
            page.wait_for_selector("body[data-ready='1']")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out))
        finally:
            browser.close()
    return out
