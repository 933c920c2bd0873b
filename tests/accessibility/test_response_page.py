"""The published response as a web page: structure, escaping, and (in headless Chromium) axe-core and reflow."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from opcc_desktop.app import main
from opcc_desktop.domain import vocabulary as vocab
from opcc_desktop.domain.models import Finding, Inspection
from opcc_desktop.letters.compose_response import compose_published_response
from opcc_desktop.letters.web_response import response_web_page
from opcc_desktop.services.office import Office

from .browser import axe_violations, horizontal_overflow, open_page
from .pages import ARABIC, HEBREW, HOSTILE, LONG_WORD, WELSH, heading_levels_in_order, outline, tiny_png

SETTINGS = {
    "office_name": "Cumbria Office of Police Fire & Crime Commissioner",
    "commissioner_name": "Peter McCall",
    "commissioner_title": "Police, Fire and Crime Commissioner for Cumbria",
    "commissioner_short_title": "PFCC",
    "force_name": "Cumbria Constabulary",
    "logo_alt_text": "Cumbria Police, Fire and Crime Commissioner",
}


def hostile_inspection() -> Inspection:
    findings = (
        Finding(kind=vocab.RECOMMENDATION, reference="29550", level="2", text=f"{HOSTILE} {LONG_WORD}",
                force_response=f"{WELSH}\n\nSecond paragraph & more.", pcc_response=ARABIC),
        Finding(kind=vocab.AREA_FOR_IMPROVEMENT, reference="<i>R2</i>", level="Level 3", text=HEBREW,
                force_response="", pcc_response=""),
        Finding(kind=vocab.CAUSE_OF_CONCERN, reference="", text="Cause of concern text.",
                force_response="The force has a plan.", pcc_response="I will hold the force to account."),
    )
    return Inspection(title=f"Inspection {HOSTILE}", type="PEEL & <thematic>", published=date(2023, 11, 10),
                      reference="29536", pcc_comments=f"I welcome this report. {HOSTILE}\n\n{WELSH}",
                      key_findings="First key finding.\n- a listed point\n- another point", findings=findings)


def hostile_page(logo: bytes | None = None, settings: dict[str, str] = SETTINGS) -> str:
    from dataclasses import replace

    sheet = compose_published_response(hostile_inspection(), settings, None, date(2023, 12, 20))
    return response_web_page(replace(sheet, logo_png=logo), settings)


def test_page_is_self_contained_with_language_title_and_no_scripts():
    page = hostile_page(tiny_png())
    parsed = outline(page)
    assert page.startswith("<!DOCTYPE html>")
    assert ("html", {"lang": "en-GB"}) in parsed.attributes
    assert "script" not in parsed.tags and "link" not in parsed.tags
    assert "<title>PFCC response: Inspection &lt;b&gt;bold&lt;/b&gt;" in page
    sources = [a.get("src") for tag, a in parsed.attributes if tag == "img"]
    assert len(sources) == 1 and sources[0].startswith("data:image/png;base64,")
    images = [a for tag, a in parsed.attributes if tag == "img"]
    assert images[0]["alt"] == "Cumbria Police, Fire and Crime Commissioner"


def test_logo_is_left_out_without_alt_text():
    assert "<img" not in hostile_page(tiny_png(), {**SETTINGS, "logo_alt_text": "  "})
    assert "<img" not in hostile_page(b"not a png")


def test_headings_are_in_order_and_each_finding_is_a_section_with_labelled_responses():
    parsed = outline(hostile_page())
    levels = [level for level, _ in parsed.headings]
    assert heading_levels_in_order(levels), parsed.headings
    texts = [heading for _, heading in parsed.headings]
    assert texts[0].startswith("Police, Fire and Crime Commissioner for Cumbria (PFCC) response")
    assert "Recommendation #29550 (Level 2)" in texts
    assert "Area for improvement <i>R2</i> (Level 3)" in texts  # the reference shown literally
    assert "Cause of concern" in texts
    first = texts.index("Recommendation #29550 (Level 2)")
    assert texts[first + 1: first + 3] == ["Force response", "Commissioner’s response"]
    assert parsed.tags.count("section") >= 3 + 3  # details, key findings, findings, each finding…
    assert ("time", {"datetime": "2023-11-10"}) in parsed.attributes
    assert ("time", {"datetime": "2023-12-20"}) in parsed.attributes
    assert "dl" in parsed.tags and "ul" in parsed.tags


def test_hostile_text_is_escaped_in_the_source():
    page = hostile_page()
    assert "<script>" not in page and "<b>bold" not in page and "<i>R2" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; " in page
    assert WELSH in page and ARABIC in page and HEBREW in page
    assert "DEMONSTRATION" not in page  # a real office's page carries no demonstration notice


def test_the_command_line_writes_the_web_page(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    assert main(["--db", db, "demo", "--today", "2026-11-22"]) == 0
    out = tmp_path / "response.html"
    assert main(["--db", db, "document", "29536", "--kind", "published_response", "--out", str(out),
                 "--date", "2023-12-21"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Wrote" in capsys.readouterr().out
    assert '<time datetime="2023-12-21">21 December 2023</time>' in page
    assert '<p class="notice">DEMONSTRATION – NOT A REAL OFFICE</p>' in page  # the demonstration office says so
    assert "Area for improvement <bdi>#29550</bdi> (<bdi>Level 3</bdi>)" in page
    assert not list(tmp_path.glob("*.part"))
    assert main(["--db", db, "document", "29536", "--out", str(tmp_path / "letter.html")]) == 1
    assert "published response" in capsys.readouterr().err
    assert not (tmp_path / "letter.html").exists()
    assert main(["--db", db, "document", "29536", "--kind", "published_response", "--out",
                 str(tmp_path / "r.pdf")]) == 0  # .pdf still works as before
    assert (tmp_path / "r.pdf").read_bytes()[:5] == b"%PDF-"
    assert main(["--db", db, "document", "29536", "--kind", "published_response", "--out",
                 str(tmp_path / "missing" / "r.html")]) == 1
    assert "Cannot write" in capsys.readouterr().err


@pytest.fixture
def demo_page(tmp_path) -> Path:
    db = tmp_path / "office.sqlite3"
    assert main(["--db", str(db), "demo", "--today", "2026-11-22"]) == 0
    office = Office.open(db)
    office.signatories.set_logo(tiny_png(120, 40))
    office.settings.update({"logo_alt_text": "Office of the Police and Crime Commissioner"})
    office.close()
    out = tmp_path / "demo.html"
    assert main(["--db", str(db), "document", "29536", "--kind", "published_response", "--out", str(out)]) == 0
    return out


def test_logo_and_its_alt_text_setting_reach_the_page(demo_page):
    images = [a for tag, a in outline(demo_page.read_text(encoding="utf-8")).attributes if tag == "img"]
    assert len(images) == 1 and images[0]["alt"] == "Office of the Police and Crime Commissioner"
    assert images[0]["src"].startswith("data:image/png;base64,") and images[0]["width"] == "120"


@pytest.fixture
def hostile_file(tmp_path) -> Path:
    out = tmp_path / "hostile.html"
    out.write_text(hostile_page(tiny_png()), encoding="utf-8")
    return out


@pytest.mark.parametrize("width", [1280, 320])
def test_pages_pass_axe_core_wcag_22_aa(browser, demo_page, hostile_file, width):
    for path in (demo_page, hostile_file):
        open_page(browser, path, width)
        assert axe_violations(browser) == [], path.name


@pytest.mark.parametrize("width", [320, 640])  # 640 px: a 1280 px window at 200 % zoom
def test_pages_reflow_without_horizontal_scrolling(browser, demo_page, hostile_file, width):
    for path in (demo_page, hostile_file):
        open_page(browser, path, width)
        scroll_width, viewport = horizontal_overflow(browser)
        assert viewport == width
        assert scroll_width <= viewport, path.name


def test_hostile_text_reads_literally_in_the_browser(browser, hostile_file):
    open_page(browser, hostile_file)
    assert browser.execute_script("return document.scripts.length") == 0
    assert browser.execute_script("return document.querySelectorAll('main b, main i').length") == 0
    body = browser.execute_script("return document.body.innerText")
    assert "<b>bold</b> & <script>alert('x')</script>" in body
    assert WELSH in body
    direction = browser.execute_script(
        "const p = [...document.querySelectorAll('p')].find(e => e.textContent.includes(arguments[0]));"
        "return [p.matches(':dir(rtl)'), getComputedStyle(p).direction];", ARABIC)
    assert direction[0] is True


def test_the_axe_harness_reports_a_broken_page(browser, tmp_path):
    """The check is real: a page without a language, with an image without alt text and grey-on-grey text fails."""
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><main>'
                      '<img src="data:image/png;base64,iVBORw0KGgo=">'
                      '<p style="color:#aaa;background:#bbb">faint</p></main></body></html>', encoding="utf-8")
    open_page(browser, broken)
    found = {v["id"] for v in axe_violations(browser)}
    assert {"html-has-lang", "image-alt", "color-contrast"} <= found
