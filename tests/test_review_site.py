"""The review page without a browser: data embedded safely, a strict CSP, missing sources."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil

import pytest
from review_articles import ARTICLE_A, ARTICLE_XSS, write

from pipeline.cli import main
from pipeline.extract import run_extract
from pipeline.review.site import embed_json, load_articles, render_page

pytestmark = [pytest.mark.model, pytest.mark.issue(5)]


@pytest.fixture(scope="module")
def records(nlp, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("site")
    inputs = write(tmp / "in", {"a.txt": ARTICLE_A, "xss.txt": ARTICLE_XSS})
    out = tmp / "out" / "records.jsonl"
    run_extract(nlp, [str(p) for p in inputs], out)
    return out


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("</script><script>alert(1)</script>", id="closing_script"),
        pytest.param("<!-- <script>", id="comment_open"),
        pytest.param("a & b > c \u2028 d", id="ampersand_and_separators"),
    ],
)
def test_embedded_json_has_no_markup_and_reads_back(text):
    embedded = embed_json({"t": text})
    assert not set("<>&") & set(embedded)
    assert json.loads(embedded) == {"t": text}


def test_the_page_holds_article_text_only_as_escaped_json(records):
    page = render_page(load_articles(records))
    assert "<script>window.__pwned" not in page
    assert "\\u003cscript\\u003ewindow.__pwned" in page  # the text is there, escaped
    assert "onerror=" not in page.split('<script id="review-data"')[0]
    assert page.count("<script") == 2  # the data block and the page's own script


def test_the_csp_allows_exactly_the_inline_script_and_style(records):
    page = render_page(load_articles(records))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    script = re.search(r"<script>(.*?)</script>\s*</body>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert "unsafe-inline" not in csp and "http" not in csp


def test_the_page_needs_no_network(records):
    page = render_page(load_articles(records))
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)


@pytest.mark.parametrize(
    ("change", "status"),
    [
        pytest.param(lambda p: p.unlink(), "missing", id="source_missing"),
        pytest.param(
            lambda p: p.write_text(ARTICLE_A + " more", encoding="utf-8"),
            "changed",
            id="source_changed",
        ),
    ],
)
def test_an_article_whose_source_is_gone_or_changed_is_marked(records, tmp_path, change, status):
    copy = tmp_path / "records.jsonl"
    source = tmp_path / "a.txt"
    shutil.copy(records.parent.parent / "in" / "a.txt", source)
    line = json.loads(records.read_text(encoding="utf-8").splitlines()[0])
    line["source"]["path"] = str(source)
    copy.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert [a.status for a in load_articles(copy)] == ["ok"]
    change(source)
    (article,) = load_articles(copy)
    assert (article.status, article.text) == (status, None)


def test_review_writes_the_page_and_reports_it(records, tmp_path, capsys):
    assert main(["review", str(records), "-o", str(tmp_path / "site")]) == 0
    assert (tmp_path / "site" / "index.html").is_file()
    assert f"review page {tmp_path / 'site' / 'index.html'}" in capsys.readouterr().err


def test_review_of_a_missing_records_file_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["review", str(tmp_path / "none.jsonl")]) == 2
    assert (
        capsys.readouterr().err
        == f"uninews: error: {tmp_path / 'none.jsonl'}: No such file or directory\n"
    )
