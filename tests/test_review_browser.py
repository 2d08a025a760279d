"""The review page in headless Chromium (Debian's chromium, driven by Playwright).

Skipped, with the reason shown, only when Playwright or a chromium binary is missing.
"""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from review_articles import (
    ARTICLE_A,
    ARTICLE_B,
    ARTICLE_COLLEGE,
    ARTICLE_NEW,
    ARTICLE_XSS,
    COLLEGE,
    NAME,
    TITLE,
    write,
)

from pipeline.extract import Options, run_extract
from pipeline.review.browser import launch, why_no_browser
from pipeline.review.server import ReviewServer
from pipeline.review.site import load_articles, render_page

REASON = why_no_browser()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.issue(5),
    pytest.mark.skipif(REASON is not None, reason=f"no browser: {REASON}"),
]
TEXTS = {"a.txt": ARTICLE_A, "b.txt": ARTICLE_B, "xss.txt": ARTICLE_XSS}
RULES = Path(__file__).resolve().parents[1] / "rules"


@pytest.fixture(scope="module")
def batch(nlp, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    inputs = write(tmp / "in", TEXTS)
    records = tmp / "out" / "records.jsonl"
    run_extract(nlp, [str(p) for p in inputs], records)
    page = tmp / "site" / "index.html"
    page.parent.mkdir()
    page.write_text(render_page(load_articles(records)), encoding="utf-8")
    return tmp, records, page


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, batch):
    """The static page, with every dialog and console error recorded."""
    context = browser.new_context()
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    tab.goto(batch[2].as_uri())
    tab.wait_for_selector("body[data-ready='1']")
    yield tab
    context.close()


def _open(tab, name: str) -> None:
    tab.locator(
        ".art",
        has_text={"a.txt": "Tomsk Polytechnic", "b.txt": "New laboratory", "xss.txt": "Kazan"}[
            name
        ],
    ).first.click()


@pytest.mark.parametrize("name", list(TEXTS))
def test_every_highlight_is_at_its_text(page, batch, name):
    record = next(r for r in map(json.loads, batch[1].open()) if r["source"]["path"].endswith(name))
    _open(page, name)
    marks = page.eval_on_selector_all(
        "#text mark",
        "ms => ms.map(m => "
        "[m.className, +m.dataset.start, +m.dataset.end, m.textContent, m.title])",
    )
    text = TEXTS[name]
    assert marks, "no highlights"
    for cls, start, end, shown, hover in marks:
        assert shown == text[start:end], (cls, start, end)
        assert hover
    people = {(m["start"], m["end"]) for p in record["people"] for m in p["mentions"]}
    assert people <= {(s, e) for cls, s, e, *_ in marks if cls == "t-person"}
    assert (page.locator("#text").text_content()) == text


def test_the_hover_shows_the_normalised_value(page):
    _open(page, "a.txt")
    titles = page.eval_on_selector_all("#text mark.t-date", "ms => ms.map(m => m.title)")
    assert "Date: 2025-03-15 (day)" in titles or "Published: 2025-03-15" in titles


@pytest.mark.parametrize("kind", ["person", "organization", "date"])
def test_a_type_filter_hides_that_type_only(page, kind):
    _open(page, "a.txt")
    color = "el => getComputedStyle(el).backgroundColor"
    other = "agreement_count"
    assert page.eval_on_selector(f"#text mark.t-{kind}", color) != "rgba(0, 0, 0, 0)"
    page.uncheck(f"#filter-{kind}")
    assert page.eval_on_selector(f"#text mark.t-{kind}", color) == "rgba(0, 0, 0, 0)"
    assert page.eval_on_selector(f"#text mark.t-{other}", color) != "rgba(0, 0, 0, 0)"
    assert not page.locator(f".tbl-{kind}").is_visible()


def test_the_search_box_filters_articles(page):
    assert page.locator(".art:visible").count() == 3
    page.fill("#search", "Fedoruk")
    assert page.locator(".art:visible").all_text_contents() == [
        page.locator(".art", has_text="New laboratory").text_content()
    ]
    page.fill("#search", "")
    assert page.locator(".art:visible").count() == 3


def test_the_batch_view_lists_people_with_their_articles(page):
    page.click("#tab-batch")
    row = page.locator("tr.batch-organization", has_text="Tomsk Polytechnic University")
    assert row.locator("td").nth(1).text_content() == "1"
    row = page.locator("tr.batch-person", has_text=NAME)
    assert row.locator("button").count() == 1


def test_untrusted_text_runs_nothing_and_shows_literally(page):
    _open(page, "xss.txt")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []
    shown = page.locator("#text").text_content()
    assert "<script>window.__pwned = 1; alert(1)</script>" in shown
    assert '<img src=x onerror="window.__pwned=2">' in shown
    assert page.locator("#text img, #text a, #text script, #text svg").count() == 0
    page.locator("#text").click()
    assert page.evaluate("window.__pwned") is None


@contextmanager
def _served(browser, records: Path, corrections: Path, local: Path):
    """A tab on the review page served (and learning into ``local``) from 127.0.0.1."""
    server = ReviewServer(records, corrections, port=0, local_rules=local, rules_dir=RULES)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(server.url)
        tab.wait_for_selector("body[data-ready='1']")
        yield tab
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def _select(tab, text: str) -> None:
    """Select the first ``text`` in the article, as a reviewer would with the mouse (across
    highlights: "Chief Digital " is plain text, "Officer" a highlighted role)."""
    tab.evaluate(
        """text => {
            const box = document.getElementById('text');
            const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
            const nodes = [];
            while (walker.nextNode()) nodes.push(walker.currentNode);
            const at = nodes.map(n => n.textContent).join('').indexOf(text);
            const range = document.createRange();
            let seen = 0;
            for (const node of nodes) {
                const len = node.textContent.length;
                if (seen <= at && at < seen + len) range.setStart(node, at - seen);
                const end = at + text.length;
                if (seen < end && end <= seen + len) range.setEnd(node, end - seen);
                seen += len;
            }
            getSelection().removeAllRanges(); getSelection().addRange(range);
            box.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }""",
        text,
    )


def test_a_correction_made_in_the_page_is_saved_and_changes_the_next_extraction(
    browser, batch, tmp_path
):
    from playwright.sync_api import expect

    from pipeline.nlp import build_nlp

    tmp, records, _ = batch
    corrections, local = tmp_path / "corrections.jsonl", tmp_path / "local"
    with _served(browser, records, corrections, local) as tab:
        _open(tab, "b.txt")
        _select(tab, NAME)  # a name the pipeline missed there
        assert tab.locator("#add-text").text_content() == NAME
        tab.select_option("#add-type", "person")
        assert tab.locator("#add-person").is_hidden()
        tab.click("#add-ok")
        # (wait_for_function would eval a string, which the page's CSP rightly forbids)
        expect(tab.locator("#save-status")).to_have_text("saved to corrections.jsonl")
    (line,) = corrections.read_text(encoding="utf-8").splitlines()
    saved = json.loads(line)
    start = ARTICLE_B.index(NAME)
    assert (saved["action"], saved["field"], saved["start"], saved["end"]) == (
        "add",
        "person",
        start,
        start + len(NAME),
    )
    # the server learned the name into the local lexicons: a new article recognises it
    assert json.loads((local / "persons.json").read_text(encoding="utf-8")) == {"names": [NAME]}
    new = write(tmp_path / "later", {"new.txt": ARTICLE_NEW})
    out = tmp_path / "out" / "records.jsonl"
    nlp = build_nlp(rules_dir=RULES, local_rules=local)
    run_extract(nlp, [str(p) for p in new], out, Options(corrections=corrections))
    (record,) = map(json.loads, out.open())
    (person,) = [p for p in record["people"] if p["name"] == NAME]
    assert person["mentions"][0]["rule_id"] == "person.local"


def test_a_role_added_by_selecting_its_title_is_saved_with_its_person(browser, nlp, tmp_path):
    from playwright.sync_api import expect

    inputs = write(tmp_path / "in", {"college.txt": ARTICLE_COLLEGE})
    records = tmp_path / "out" / "records.jsonl"
    run_extract(nlp, [str(p) for p in inputs], records)
    corrections, local = tmp_path / "corrections.jsonl", tmp_path / "local"
    with _served(browser, records, corrections, local) as tab:
        _select(tab, TITLE)  # the pipeline found only "Officer"
        tab.select_option("#add-type", "role")
        assert tab.locator("#add-person").is_visible() and tab.locator("#add-org").is_visible()
        assert tab.locator("#add-person option").all_text_contents() == ["Bolor Ganbaatar"]
        assert tab.locator("#add-org option").all_text_contents() == ["no organization", COLLEGE]
        tab.select_option("#add-org", COLLEGE)
        tab.click("#add-ok")
        expect(tab.locator("#save-status")).to_have_text("saved to corrections.jsonl")
    (line,) = corrections.read_text(encoding="utf-8").splitlines()
    saved = json.loads(line)
    start = ARTICLE_COLLEGE.index(TITLE)
    assert {k: saved[k] for k in ("action", "field", "start", "end", "text", "new_value")} == {
        "action": "add",
        "field": "role",
        "start": start,
        "end": start + len(TITLE),
        "text": TITLE,
        "new_value": TITLE,
    }
    assert (saved["person"], saved["organization"]) == ("Bolor Ganbaatar", COLLEGE)
    assert json.loads((local / "titles.json").read_text(encoding="utf-8")) == {"bases": [TITLE]}
    run_extract(nlp, [str(p) for p in inputs], records, Options(corrections=corrections))
    (record,) = map(json.loads, records.open())
    (role,) = [r for r in record["people"][0]["roles"] if r["method"] == "correction"]
    assert (role["title"], role["organization"], role["start"]) == (TITLE, COLLEGE, start)
