"""Headless Chromium (Debian's package) driven by Playwright, for the report's tests and its screenshot.

`python -m tests.browser REPORT_HTML PNG` writes the screenshot shown in the README.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from playwright.sync_api import Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextmanager
def open_page(html: Path, width: int = 1280, height: int = 900) -> Iterator[tuple[Page, list[str], list[str]]]:
    """The page loaded from `html`, with the console errors and page errors it raised and every request it
    made for something other than a file or data URL."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            errors: list[str] = []
            outside: list[str] = []
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("request", lambda request: None if request.url.startswith(("file:", "data:"))
                    else outside.append(request.url))
            page.goto(html.resolve().as_uri(), wait_until="load")
            yield page, errors, outside
        finally:
            browser.close()


def screenshot(html: Path, png: Path) -> None:
    with open_page(html, width=1280, height=1500) as (page, errors, _):
        if errors:
            raise RuntimeError(f"the page raised errors: {errors}")
        page.screenshot(path=str(png))


if __name__ == "__main__":
    screenshot(Path(sys.argv[1]), Path(sys.argv[2]))
