"""The HTML view as a person sees it: screenshots with headless Chromium.

Skipped when no Chromium is installed (Debian: ``apt-get install chromium``;
or set CHROMIUM=/path/to/chrome).
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

import tallystick
from tallystick.html import KIND_COLORS

from nbhelpers import SCRIPT, color_counts, dev_docs, hex_rgb, parse_view

spec = importlib.util.spec_from_file_location("screenshot_html", SCRIPT)
assert spec is not None and spec.loader is not None
shot = importlib.util.module_from_spec(spec)
sys.modules["screenshot_html"] = shot
spec.loader.exec_module(shot)

pytestmark = pytest.mark.skipif(shot.find_chromium() is None, reason="Chromium is not installed")

RED = (255, 0, 0)
# Scripts that would paint the page red if the markup let them run.
PAYLOAD = (
    "<script>document.documentElement.style.background='rgb(255,0,0)';"
    "document.body.style.background='rgb(255,0,0)'</script>"
    "<img src=x onerror=\"document.body.style.background='rgb(255,0,0)'\">"
    "<svg onload=\"document.body.style.background='rgb(255,0,0)'\"></svg>"
)
HOSTILE = (
    f"Bulletin {PAYLOAD} & \"quotes\"\n\n"
    "Citizens of al-Rastan, Homs province, received 4.4 tons of food products on 12 July 2019. "
    "The UN registered 666,294 UN-registered Syrian refugees in Jordan. وصلت المساعدات إلى حمص"
)
KIND_RGB = {kind: hex_rgb(bg) for kind, (bg, _) in KIND_COLORS.items() if kind}


def test_the_red_detector_works(tmp_path):
    """Control: a page that does run the payload is seen as red, so the
    real test below would notice escaping that fails."""
    page = tmp_path / "unsafe.html"
    page.write_text(f"<!DOCTYPE html><html><body>{PAYLOAD}<p>unsafe</p></body></html>", encoding="utf-8")
    png = shot.screenshot(page, tmp_path / "unsafe.png", width=400, height=300)
    counts = color_counts(png, {"red": RED}, step=4)
    assert counts["red"] > 1000


def test_hostile_text_renders_as_text_and_runs_nothing(tmp_path):
    found = tallystick.extract(HOSTILE)
    # No Content-Security-Policy here: escaping alone must keep the page safe.
    page = shot.write_page(HOSTILE, tmp_path / "hostile.html", title="hostile", csp=False, mentions=list(found))
    png = shot.screenshot(page, tmp_path / "hostile.png", width=1000, height=700)
    counts = color_counts(png, {"red": RED, **KIND_RGB}, step=2)
    assert counts["red"] == 0, "a script ran"
    for kind in ("place", "actor", "quantity", "date"):
        assert counts[kind] > 50, f"no {kind} highlight visible: {counts}"
    dom = shot.dump_dom(page)
    view = parse_view(dom[dom.index("<body") :].replace("</html>", ""))
    assert "script" not in view.tags and "img" not in view.tags and "svg" not in view.tags
    assert "<script>document.documentElement" in view.all_text  # shown to the reader as text


def test_dev_document_screenshot_shows_every_kind(tmp_path):
    docs = {d["id"]: d for d in dev_docs()}
    text = docs["seed-001"]["text"][:6000]
    page = shot.write_page(text, tmp_path / "seed-001.html", title="seed-001")
    png = shot.screenshot(page, tmp_path / "seed-001.png", width=1100, height=1600)
    counts = color_counts(png, KIND_RGB, step=2)
    found = tallystick.extract(text)
    for kind in {m.kind for m in found}:
        assert counts[kind] > 50, f"no {kind} highlight visible: {counts}"


def test_script_command_line(tmp_path):
    out = tmp_path / "cli.png"
    assert shot.main(["-o", str(out), "--width", "800", "--height", "500"]) == 0
    assert out.exists() and out.with_suffix(".html").exists()
    assert color_counts(out, {"red": RED}, step=4)["red"] == 0
