"""Shared fixtures: pipelines are built once per session (loading a model is slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "rules"
CORPUS = REPO / "corpus"
SEEDS = REPO.parent / "shared" / "seeds"


def pytest_configure(config):
    """Point the local lexicons (``rules/local/``) at an empty folder for the whole session, so
    that no test depends on what a developer's reviews taught their checkout."""
    import os
    import tempfile

    from pipeline.local_rules import LOCAL_ENV

    config._uninews_local = tempfile.mkdtemp(prefix="uninews-local-rules-")
    config._uninews_local_before = os.environ.get(LOCAL_ENV)
    os.environ[LOCAL_ENV] = config._uninews_local


def pytest_unconfigure(config):
    """Remove the session's empty local folder and restore the environment."""
    import os
    import shutil

    from pipeline.local_rules import LOCAL_ENV

    folder = getattr(config, "_uninews_local", None)
    if folder is None:
        return
    shutil.rmtree(folder, ignore_errors=True)
    if config._uninews_local_before is None:
        os.environ.pop(LOCAL_ENV, None)
    else:
        os.environ[LOCAL_ENV] = config._uninews_local_before


@pytest.fixture()
def local_rules(tmp_path) -> Path:
    """An empty local folder of this test's own (``--local-rules``)."""
    folder = tmp_path / "local-rules"
    folder.mkdir()
    return folder


def pytest_addoption(parser):
    """``--update-baseline`` rewrites tests/data/quality_baseline.json from this run."""
    parser.addoption(
        "--update-baseline",
        action="store_true",
        help="record the dev split's F1 per field as the new quality baseline",
    )


@pytest.fixture(scope="session")
def nlp():
    """The full uninews pipeline on the default English model."""
    from pipeline.nlp import build_nlp

    return build_nlp(rules_dir=RULES)


@pytest.fixture(scope="session")
def blank_nlp():
    """The uninews components on a blank English pipeline (no trained model needed)."""
    from pipeline.nlp import build_nlp

    return build_nlp("blank:en", rules_dir=RULES)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The shared seed releases; tests that use them skip when ../shared is absent."""
    if not (SEEDS / "gold.jsonl").is_file():
        pytest.skip("../shared/seeds is not available")
    return SEEDS


@pytest.fixture(scope="session")
def records_file(tmp_path_factory) -> Path:
    """The sample corpus (corpus/dev and corpus/test) extracted once per session."""
    from pipeline.extract import run_extract
    from pipeline.nlp import build_nlp

    out = tmp_path_factory.mktemp("records") / "records.jsonl"
    summary = run_extract(build_nlp(rules_dir=RULES), [str(CORPUS)], out)
    assert not summary.failed
    return out


def _postgres_bin() -> Path | None:
    """The folder of Debian's (or any) PostgreSQL server binaries, or None."""
    import glob
    import shutil

    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory):
    """A PostgreSQL server of our own on 127.0.0.1 (a free port), for the session.

    initdb refuses to run as root, so as root the server runs as the ``postgres`` user (or
    ``nobody``) in a folder it owns. Skips only when no PostgreSQL binaries are installed.
    """
    import os
    import pwd
    import shutil
    import socket
    import subprocess
    import tempfile

    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install '.[export]')")
    bindir = _postgres_bin()
    if bindir is None:
        pytest.skip("no PostgreSQL server binaries (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="uninews-pg-"))
    data, sockets, log = root / "data", root / "sock", root / "server.log"
    sockets.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:
        user = next((u for u in ("postgres", "nobody") if _has_user(u)), None)
        if user is None:
            pytest.skip("running as root and no postgres or nobody user to run PostgreSQL as")
        entry = pwd.getpwnam(user)
        for path in (root, sockets):
            os.chown(path, entry.pw_uid, entry.pw_gid)
        prefix = ["runuser", "-u", user, "--"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    def run(*args: str) -> None:
        subprocess.run([*prefix, *args], check=True, capture_output=True, cwd=root)

    run(str(bindir / "initdb"), "-D", str(data), "-U", "uninews", "-A", "trust", "-E", "UTF8")
    options = f"-k {sockets} -p {port} -h 127.0.0.1 -c fsync=off"
    run(str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start")
    try:
        run(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "uninews", "test")
        yield f"postgresql://uninews@127.0.0.1:{port}/test"
    finally:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
            capture_output=True,
            cwd=root,
        )
        shutil.rmtree(root, ignore_errors=True)


def _has_user(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
