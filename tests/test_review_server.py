"""The --serve server without a browser: 127.0.0.1 only, decisions only for its batch."""

from __future__ import annotations

import http.client
import json
import threading
from pathlib import Path

import pytest
from review_articles import ARTICLE_A, ARTICLE_B, NAME, write

from pipeline.extract import run_extract
from pipeline.review.server import ReviewServer

pytestmark = [pytest.mark.model, pytest.mark.issue(5)]


@pytest.fixture(scope="module")
def batch(nlp, tmp_path_factory) -> tuple[Path, Path]:
    """Articles A and B extracted: (folder, records file)."""
    tmp = tmp_path_factory.mktemp("serve")
    inputs = write(tmp / "in", {"a.txt": ARTICLE_A, "b.txt": ARTICLE_B})
    records = tmp / "out" / "records.jsonl"
    run_extract(nlp, [str(p) for p in inputs], records)
    return tmp, records


@pytest.fixture(scope="module")
def served(batch):
    tmp, records = batch
    corrections = tmp / "out" / "corrections.jsonl"
    server = ReviewServer(records, corrections, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, tmp
    server.shutdown()
    server.server_close()


def _request(server, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    base = {"Content-Type": "application/json"} if data is not None else {}
    conn.request(method, path, body=data, headers={**base, **(headers or {})})
    response = conn.getresponse()
    payload = response.read()
    conn.close()
    return response.status, payload


def _valid(server) -> dict:
    article = next(a for a in server.articles.values() if a.record.source.path.endswith("a.txt"))
    start = ARTICLE_A.index("Annual Report")
    return {
        "id": "t1",
        "doc_id": article.record.doc_id,
        "path": article.record.source.path,
        "action": "reject",
        "field": "organization",
        "start": start,
        "end": start + len("Annual Report"),
        "text": "Annual Report",
        "reviewer": "tester",
    }


def test_listens_on_127_0_0_1_only(served):
    server, _ = served
    assert server.server_address[0] == "127.0.0.1"


def test_serves_the_page_with_its_content_security_policy(served):
    server, _ = served
    status, body = _request(server, "GET", "/")
    assert status == 200
    assert b"Content-Security-Policy" in body and b"connect-src 'self'" in body


def test_a_valid_decision_is_appended_with_the_server_time(served):
    server, _ = served
    status, body = _request(server, "POST", "/corrections", _valid(server))
    assert status == 201, body
    lines = server.corrections.read_text(encoding="utf-8").splitlines()
    saved = json.loads(lines[-1])
    assert (saved["id"], saved["text"], saved["reviewer"]) == ("t1", "Annual Report", "tester")
    assert saved["time"] == json.loads(body)["time"]


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        pytest.param({"doc_id": "0000000000000000"}, 422, id="unknown_doc_id"),
        pytest.param({"path": "../../etc/passwd"}, 422, id="path_not_the_records"),
        pytest.param({"start": 10_000, "end": 10_013}, 422, id="offsets_outside_text"),
        pytest.param({"text": "Annual Rep0rt"}, 422, id="text_not_at_offsets"),
        pytest.param({"id": "../x"}, 400, id="id_with_path"),
        pytest.param({"extra": 1}, 400, id="unknown_key"),
    ],
)
def test_a_decision_outside_the_batch_is_refused_and_nothing_written(served, changes, status):
    server, _ = served
    before = server.corrections.read_bytes() if server.corrections.exists() else b""
    got, _ = _request(server, "POST", "/corrections", {**_valid(server), **changes})
    assert got == status
    after = server.corrections.read_bytes() if server.corrections.exists() else b""
    assert after == before


@pytest.mark.parametrize(
    ("method", "path", "headers", "status"),
    [
        pytest.param("GET", "/../../etc/passwd", {}, 404, id="get_path_traversal"),
        pytest.param("GET", "/corrections.jsonl", {}, 404, id="get_corrections_file"),
        pytest.param("GET", "/records.jsonl", {}, 404, id="get_records"),
        pytest.param("POST", "/../corrections", {}, 404, id="post_elsewhere"),
        pytest.param(
            "POST", "/corrections", {"Origin": "http://evil.example"}, 403, id="other_origin"
        ),
        pytest.param("POST", "/corrections", {"Host": "evil.example"}, 403, id="dns_rebinding"),
        pytest.param("POST", "/corrections", {"Content-Type": "text/plain"}, 415, id="form_post"),
        pytest.param("PUT", "/corrections", {}, 405, id="put"),
        pytest.param("DELETE", "/corrections", {}, 405, id="delete"),
    ],
)
def test_anything_else_is_refused(served, method, path, headers, status):
    server, _ = served
    body = _valid(server) if method != "GET" else None
    got, _ = _request(server, method, path, body, headers)
    assert got == status


def test_writes_nowhere_but_its_corrections_file(served):
    server, tmp = served
    before = {p for p in Path(tmp).rglob("*")}
    _request(server, "POST", "/corrections", {**_valid(server), "id": "t2"})
    _request(server, "POST", "/corrections", {**_valid(server), "path": "/tmp/x.jsonl"})
    assert {p for p in Path(tmp).rglob("*")} - before <= {server.corrections}


def test_a_huge_body_is_refused(served):
    server, _ = served
    status, _ = _request(server, "POST", "/corrections", b"{" + b" " * 70_000 + b"}")
    assert status == 413


RULES = Path(__file__).resolve().parents[1] / "rules"


@pytest.fixture()
def learning(batch, tmp_path):
    """A server on the same batch that learns into a local folder of its own."""
    server = ReviewServer(
        batch[1],
        tmp_path / "corrections.jsonl",
        port=0,
        local_rules=tmp_path / "local",
        rules_dir=RULES,
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, tmp_path
    server.shutdown()
    server.server_close()


def _on_a(server, **decision) -> dict:
    article = next(a for a in server.articles.values() if a.record.source.path.endswith("a.txt"))
    start = ARTICLE_A.index(decision["text"])
    return {
        "id": decision.pop("id", "x1"),
        "doc_id": article.record.doc_id,
        "path": article.record.source.path,
        "start": start,
        "end": start + len(decision["text"]),
        **decision,
    }


def test_an_accepted_name_is_learned_and_nothing_else_is_written(learning):
    server, tmp = learning
    before = set(Path(tmp).rglob("*"))
    decision = _on_a(server, action="confirm", field="person", text=NAME, value=NAME)
    status, body = _request(server, "POST", "/corrections", decision)
    assert status == 201, body
    local = tmp / "local" / "persons.json"
    assert json.loads(local.read_text(encoding="utf-8")) == {"names": [NAME]}
    written = set(Path(tmp).rglob("*")) - before
    assert written == {server.corrections, tmp / "local", local}
    # a later reject of the same person removes the learned name
    decision = _on_a(server, id="x2", action="reject", field="person", text=NAME, value=NAME)
    assert _request(server, "POST", "/corrections", decision)[0] == 201
    assert json.loads(local.read_text(encoding="utf-8")) == {"names": []}


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        pytest.param({}, 201, id="valid"),
        pytest.param({"organization": None}, 201, id="no_organization"),
        pytest.param({"person": "Anna Petrova"}, 422, id="person_not_in_record"),
        pytest.param({"organization": "Kazan Federal University"}, 422, id="org_not_in_record"),
        pytest.param({"person": None}, 400, id="no_person"),
    ],
)
def test_an_added_role_needs_a_person_and_organization_of_the_record(learning, changes, status):
    server, tmp = learning
    decision = _on_a(
        server,
        action="add",
        field="role",
        text="Vice-Rector",
        new_value="Vice-Rector",
        person=NAME,
        organization="Mongolian University of Science and Technology",
    )
    got, body = _request(server, "POST", "/corrections", {**decision, **changes})
    assert got == status, body
    saved = server.corrections.read_text(encoding="utf-8") if server.corrections.exists() else ""
    assert (got == 201) == bool(saved)
    assert not (tmp / "local" / "titles.json").exists()  # a title the rules know: not learned
