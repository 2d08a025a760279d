"""``uninews review --serve``: the review page on 127.0.0.1, saving each decision at once.

The server listens on 127.0.0.1 only and knows two requests: ``GET /`` (the page of the batch
it serves) and ``POST /corrections`` (one decision as JSON). A decision is accepted only for a
record of that batch, with offsets inside its text and ``text`` equal to ``text[start:end]``
(an added role also needs a person of that record, and an organization of it or none); it is
appended, with the server's time, to the one corrections file given at start, and flushed to
disk before the answer. Then the names and titles the corrections file accepts are learned into
the local lexicons (:mod:`.learn`), when a local folder was given. Requests from another origin
or host name (a web page trying to post, DNS rebinding) are refused. Nothing but the corrections
file and the local folder's lexicons is written.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pydantic import ValidationError

from ..errors import PipelineError
from .corrections import (
    Correction,
    append_correction,
    load_corrections,
    normalise_name,
    read_corrections,
)
from .learn import learn
from .site import Article, load_articles, render_page

logger = logging.getLogger(__name__)

HOST = "127.0.0.1"
MAX_BODY = 64 * 1024


class ReviewServer(ThreadingHTTPServer):
    """An HTTP server for one batch and one corrections file.

    Args:
        records: the records file of the batch.
        corrections: where decisions are appended.
        port: the port on 127.0.0.1 (0: any free one).
        local_rules: the local lexicons to learn accepted names and titles into, or None to
            learn nothing.
        rules_dir: the main rules folder (titles it has are not learned).
    """

    daemon_threads = True

    def __init__(
        self,
        records: Path,
        corrections: Path,
        port: int = 0,
        *,
        local_rules: Path | None = None,
        rules_dir: Path | None = None,
    ) -> None:
        self.articles: dict[str, Article] = {a.record.doc_id: a for a in load_articles(records)}
        self.corrections = corrections
        self.local_rules = local_rules
        self.rules_dir = rules_dir
        self.lock = threading.Lock()
        super().__init__((HOST, port), _Handler)

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT/``."""
        return f"http://{HOST}:{self.server_address[1]}/"

    def page(self) -> bytes:
        """The page with the decisions saved so far."""
        decisions = []
        if self.corrections.is_file():
            decisions = [
                json.loads(c.model_dump_json()) for c in load_corrections(self.corrections)
            ]
        return render_page(list(self.articles.values()), True, decisions).encode("utf-8")

    def check(self, correction: Correction) -> str | None:
        """None when the decision fits the batch, else the reason it is refused."""
        article = self.articles.get(correction.doc_id)
        if article is None:
            return f"unknown doc_id {correction.doc_id!r}"
        if correction.path != article.record.source.path:
            return "path does not match the record's source.path"
        if correction.field == "article":
            return None
        if article.text is None:
            return "the article's text is not available"
        if correction.end > len(article.text):
            return f"offsets {correction.start}:{correction.end} are outside the text"
        if article.text[correction.start : correction.end] != correction.text:
            return "text is not the article's text at start:end"
        if correction.field == "role" and correction.action == "add":
            return _role_reason(article, correction)
        return None

    def save(self, correction: Correction) -> Correction:
        """Stamp the server's time, append the decision to the corrections file, and learn
        from the file (a local lexicon that cannot be written is logged, the decision stays)."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        stamped = correction.model_copy(update={"time": now})
        with self.lock:
            append_correction(self.corrections, stamped)
            if self.local_rules is not None:
                try:
                    report = learn(
                        read_corrections(self.corrections),
                        self.local_rules,
                        rules_dir=self.rules_dir,
                    )
                except (PipelineError, OSError) as exc:
                    logger.warning("not learned into %s: %s", self.local_rules, exc)
                else:
                    if report.changed:
                        logger.info("%s", report.line())
        return stamped


def _role_reason(article: Article, correction: Correction) -> str | None:
    """None when an added role names a person of the record and an organization of it (or
    none), else the reason it is refused."""
    record = article.record
    people = {normalise_name(p.name) for p in record.people}
    if normalise_name(correction.person or "") not in people:
        return f"person {correction.person!r} is not a person of the record"
    if correction.organization:
        names = {normalise_name(n) for o in record.organizations for n in (o.name, *o.aliases)}
        if normalise_name(correction.organization) not in names:
            return f"organization {correction.organization!r} is not one of the record"
    return None


class _Handler(BaseHTTPRequestHandler):
    server: ReviewServer
    server_version = "uninews-review"
    sys_version = ""

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        logger.info("%s %s", self.address_string(), format % args)

    def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Referrer-Policy", "no-referrer")
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: HTTPStatus, data: dict) -> None:
        self._send(status, json.dumps(data).encode(), "application/json")

    def _same_origin(self) -> bool:
        port = self.server.server_address[1]
        allowed = {f"{HOST}:{port}", f"localhost:{port}"}
        if self.headers.get("Host") not in allowed:
            return False
        origin = self.headers.get("Origin")
        return origin is None or origin in {f"http://{h}" for h in allowed}

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if not self._same_origin():
            self._json(HTTPStatus.FORBIDDEN, {"error": "wrong host"})
        elif self.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, self.server.page(), "text/html; charset=utf-8")
        else:
            self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})

    def do_POST(self) -> None:  # noqa: N802
        if self.path != "/corrections":
            self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})
            return
        if not self._same_origin():
            self._json(HTTPStatus.FORBIDDEN, {"error": "wrong origin"})
            return
        if self.headers.get_content_type() != "application/json":
            self._json(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, {"error": "send application/json"})
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._json(HTTPStatus.LENGTH_REQUIRED, {"error": "Content-Length needed"})
            return
        if not 0 < length <= MAX_BODY:
            self._json(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "body too large"})
            return
        try:
            correction = Correction.model_validate_json(self.rfile.read(length))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "body"
            self._json(HTTPStatus.BAD_REQUEST, {"error": f"{where}: {first['msg']}"})
            return
        reason = self.server.check(correction)
        if reason:
            self._json(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": reason})
            return
        saved = self.server.save(correction)
        self._json(HTTPStatus.CREATED, json.loads(saved.model_dump_json()))

    def do_PUT(self) -> None:  # noqa: N802
        self._json(HTTPStatus.METHOD_NOT_ALLOWED, {"error": "method not allowed"})

    do_DELETE = do_PATCH = do_PUT  # noqa: N815
