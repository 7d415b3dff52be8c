#!/usr/bin/env python3
"""Renders tallystick's HTML view of a document and screenshots it with
headless Chromium, to check the view as a person sees it.

    python scripts/screenshot_html.py                       # a built-in sample
    python scripts/screenshot_html.py --doc seed-000 --jsonl ../shared/corpus/dev/docs.jsonl
    python scripts/screenshot_html.py --text-file some.txt -o view.png --width 1000 --height 1600

Writes the page (``.html``) next to the PNG. Needs Chromium (Debian:
``apt-get install chromium``); the functions here are also used by
``tests/notebook/test_nb_screenshot.py``, which skips when it is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SAMPLE = (
    "Bulletin <script>alert('not run')</script> & \"quoted\" text, 10 July 2019\n\n"
    "Citizens of al-Rastan, Homs province, received 4.4 tons of food products. "
    "Residents of Deir ez-Zor received more than 2.5 tonnes of flour and about 600 food packages.\n\n"
    "The UN registered 666,294 UN-registered Syrian refugees in Jordan.\n"
    "Approximately 3500 people per every 5 days leave Rukban camp. وصلت المساعدات إلى حمص 🚚"
)

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The path of a Chromium (or Chrome) executable, or None."""
    env = os.environ.get("CHROMIUM")
    if env and shutil.which(env):
        return shutil.which(env)
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def _run(browser: str, args: list[str], timeout: float) -> subprocess.CompletedProcess[bytes]:
    with tempfile.TemporaryDirectory(prefix="tallystick-chromium-") as profile:
        cmd = [
            browser,
            "--headless",
            "--no-sandbox",  # needed as root in containers; the page is our own, scripts are forbidden anyway
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--user-data-dir={profile}",
            *args,
        ]
        return subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)


def screenshot(html_path: str | os.PathLike[str], png_path: str | os.PathLike[str], *, width: int = 1100,
               height: int = 1400, browser: str | None = None, timeout: float = 120.0) -> Path:
    """Screenshots the page ``html_path`` (the viewport, ``width`` x ``height``)
    into ``png_path``. Scripts, if any were to slip in, get time to run first
    (a virtual time budget), so that the picture shows what they would do."""
    browser = browser or find_chromium()
    if browser is None:
        raise FileNotFoundError("no Chromium found (apt-get install chromium, or set CHROMIUM=/path)")
    png = Path(png_path).resolve()
    png.unlink(missing_ok=True)
    url = Path(html_path).resolve().as_uri()
    p = _run(browser, [f"--window-size={width},{height}", "--virtual-time-budget=3000", f"--screenshot={png}", url],
             timeout)
    if not png.exists() or png.stat().st_size == 0:
        raise RuntimeError(f"chromium made no screenshot (exit {p.returncode}): {p.stderr.decode(errors='replace')[-2000:]}")
    return png


def dump_dom(html_path: str | os.PathLike[str], *, browser: str | None = None, timeout: float = 120.0) -> str:
    """The DOM of the page after Chromium loaded it (and ran any script)."""
    browser = browser or find_chromium()
    if browser is None:
        raise FileNotFoundError("no Chromium found (apt-get install chromium, or set CHROMIUM=/path)")
    url = Path(html_path).resolve().as_uri()
    p = _run(browser, ["--virtual-time-budget=3000", "--dump-dom", url], timeout)
    if p.returncode != 0:
        raise RuntimeError(f"chromium --dump-dom failed (exit {p.returncode}): {p.stderr.decode(errors='replace')[-2000:]}")
    return p.stdout.decode("utf-8")


def write_page(text: str, html_path: str | os.PathLike[str], *, title: str | None = None, csp: bool = True,
               mentions: list | None = None) -> Path:
    """Extracts ``text`` (unless ``mentions`` are given) and writes the view as a page."""
    import tallystick
    from tallystick.html import to_html, to_page

    if mentions is None:
        mentions = tallystick.extract(text)
    page = to_page(to_html(text, mentions, title=title), title=title, csp=csp)
    path = Path(html_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--text-file", help="a UTF-8 text file to render")
    src.add_argument("--doc", help="the id of a document of --jsonl to render")
    ap.add_argument("--jsonl", help="a JSONL file of {id, text} documents (with --doc)")
    ap.add_argument("-o", "--output", default="tallystick-view.png", help="the PNG to write (default %(default)s)")
    ap.add_argument("--width", type=int, default=1100)
    ap.add_argument("--height", type=int, default=1400)
    args = ap.parse_args(argv)
    title = "sample"
    if args.text_file:
        text = Path(args.text_file).read_text(encoding="utf-8")
        title = args.text_file
    elif args.doc:
        if not args.jsonl:
            ap.error("--doc needs --jsonl")
        with open(args.jsonl, encoding="utf-8") as f:
            found = [d for d in map(json.loads, f) if str(d.get("id")) == args.doc]
        if not found:
            ap.error(f"no document {args.doc!r} in {args.jsonl}")
        text, title = found[0]["text"], args.doc
    else:
        text = SAMPLE
    png = Path(args.output)
    html_path = png.with_suffix(".html")
    write_page(text, html_path, title=title)
    try:
        screenshot(html_path, png, width=args.width, height=args.height)
    except (FileNotFoundError, RuntimeError) as e:
        print(f"screenshot_html: {e}", file=sys.stderr)
        return 1
    print(f"{html_path}\n{png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
