"""Batch runs: incremental, crash-safe, parallel, and clear on bad input (issue 4)."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.extract import Options, run_extract
from pipeline.models import Record
from pipeline.state import state_path

pytestmark = [pytest.mark.model, pytest.mark.issue(4)]

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"


def _articles(folder: Path, count: int) -> list[Path]:
    """Copy sample articles into ``folder`` (numbered copies beyond the corpus's size)."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = sorted((CORPUS / "dev").glob("*.txt"))
    made = []
    for n in range(count):
        target = folder / f"a{n:03d}.txt"
        text = sources[n % len(sources)].read_text(encoding="utf-8")
        target.write_text(text + f"\nArticle {n}.\n", encoding="utf-8")
        made.append(target)
    return made


def _lines(out: Path) -> list[dict]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


# -- incremental ---------------------------------------------------------------------------
def test_second_run_skips_unchanged_files(nlp, tmp_path):
    _articles(tmp_path / "in", 4)
    out = tmp_path / "out.jsonl"
    first = run_extract(nlp, [str(tmp_path / "in")], out)
    second = run_extract(nlp, [str(tmp_path / "in")], out)
    assert (first.processed, first.skipped) == (4, 0)
    assert (second.processed, second.skipped) == (0, 4)
    assert len(_lines(out)) == 4
    assert state_path(out).is_file()


def test_changed_file_replaces_its_record(nlp, tmp_path):
    files = _articles(tmp_path / "in", 3)
    out = tmp_path / "out.jsonl"
    run_extract(nlp, [str(tmp_path / "in")], out)
    files[1].write_text("Tomsk State University Hosts Guests\n\nRector Ivan Petrov met them.\n")
    summary = run_extract(nlp, [str(tmp_path / "in")], out)
    assert (summary.processed, summary.skipped) == (1, 2)
    records = _lines(out)
    assert [r["source"]["path"].rsplit("/", 1)[1] for r in records] == [
        "a000.txt",
        "a001.txt",
        "a002.txt",
    ]
    assert records[1]["title"] == "Tomsk State University Hosts Guests"


def test_force_redoes_everything(nlp, tmp_path):
    _articles(tmp_path / "in", 2)
    out = tmp_path / "out.jsonl"
    run_extract(nlp, [str(tmp_path / "in")], out)
    summary = run_extract(nlp, [str(tmp_path / "in")], out, Options(force=True))
    assert (summary.processed, summary.skipped) == (2, 0)
    assert len(_lines(out)) == 2


def test_a_rules_change_makes_records_stale(tmp_path):
    from pipeline.nlp import build_nlp

    rules = tmp_path / "rules"
    shutil.copytree(REPO / "rules", rules)
    _articles(tmp_path / "in", 2)
    out = tmp_path / "out.jsonl"
    run_extract(build_nlp(rules_dir=rules), [str(tmp_path / "in")], out)
    locations = json.loads((rules / "locations.json").read_text())
    locations["not_locations"].append("Atlantis")
    (rules / "locations.json").write_text(json.dumps(locations))
    summary = run_extract(build_nlp(rules_dir=rules), [str(tmp_path / "in")], out)
    assert summary.processed == 2


# -- crash safety --------------------------------------------------------------------------
def _committed(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as con:
            return con.execute("SELECT COUNT(*) FROM records").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_killed_run_leaves_complete_output_and_resumes(tmp_path):
    folder = tmp_path / "in"
    _articles(folder, 3)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "pipeline", "-q", "extract", str(folder), "-o", str(out)]
    subprocess.run(command, check=True, cwd=REPO)
    before = out.read_text(encoding="utf-8")
    _articles(folder, 80)  # 77 new files (the first 3 are unchanged)

    process = subprocess.Popen(command, cwd=REPO)
    deadline = time.monotonic() + 120
    while _committed(state_path(out)) < 3 + 16 and time.monotonic() < deadline:
        assert process.poll() is None, "the run finished before it could be killed"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done = _committed(state_path(out))
    assert 3 < done < 80

    # The output is the previous, complete version: only whole, valid lines.
    assert out.read_text(encoding="utf-8") == before
    for line in before.splitlines():
        Record.model_validate_json(line)

    rerun = [sys.executable, "-m", "pipeline", "extract", str(folder), "-o", str(out)]
    result = subprocess.run(rerun, cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"processed {80 - done}, skipped {done} unchanged" in result.stderr
    records = _lines(out)
    paths = [r["source"]["path"] for r in records]
    assert len(paths) == len(set(paths)) == 80
    assert not list(tmp_path.glob(".out.jsonl.*.tmp"))


# -- parallelism -------------------------------------------------------------------------
def test_output_is_identical_whatever_the_number_of_processes(nlp, tmp_path):
    _articles(tmp_path / "in", 20)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_extract(nlp, [str(tmp_path / "in")], one, Options(jobs=1))
    summary = run_extract(nlp, [str(tmp_path / "in")], two, Options(jobs=2))
    assert summary.processed == 20
    assert one.read_bytes() == two.read_bytes()


# -- progress and messages -----------------------------------------------------------------
def test_no_progress_bar_off_a_terminal_and_one_summary_line(tmp_path, capsys):
    _articles(tmp_path / "in", 2)
    assert main(["extract", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "file/s" not in err
    assert err.count("\n") == 1 and err.startswith(
        "uninews: processed 2, skipped 0 unchanged, failed 0"
    )


def test_progress_bar_when_asked(nlp, tmp_path, capsys):
    """On a terminal the CLI turns the bar on; here it is asked for directly."""
    _articles(tmp_path / "in", 2)
    run_extract(nlp, [str(tmp_path / "in")], tmp_path / "o.jsonl", Options(progress=True))
    err = capsys.readouterr().err
    assert "2/2" in err and "file/s" in err


def test_quiet_prints_nothing(tmp_path, capsys):
    _articles(tmp_path / "in", 1)
    assert main(["-q", "extract", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl")]) == 0
    assert capsys.readouterr().err == ""


def test_verbose_lists_skipped_files(tmp_path, capsys):
    _articles(tmp_path / "in", 1)
    args = ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl")]
    main(args)
    capsys.readouterr()
    assert main(["-v", *args]) == 0
    assert "a000.txt: unchanged, skipped" in capsys.readouterr().err


# -- bad input ----------------------------------------------------------------------------
ARTICLE = "Kazan Federal University Hosts Guests\n\nRector Ivan Petrov met guests in April 2024.\n"


def _run_bad(tmp_path, make, capsys, extra=()):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE)
    target = make(folder)
    out = tmp_path / "out.jsonl"
    code = main(
        ["extract", str(target or folder), str(folder / "good.txt"), "-o", str(out), *extra]
    )
    err = capsys.readouterr().err
    errors_file = tmp_path / "out.errors.jsonl"
    errors = (
        [json.loads(x) for x in errors_file.read_text().splitlines()]
        if errors_file.exists()
        else []
    )
    return code, err, errors, _lines(out)


BAD = [
    pytest.param(lambda f: f / "missing.txt", "no such file or folder", id="missing_path"),
    pytest.param(lambda f: (f / "e.txt").write_text("") and None, "empty file", id="empty_file"),
    pytest.param(
        lambda f: (f / "w.txt").write_text(" \n\t\n") and None, "empty file", id="whitespace_only"
    ),
    pytest.param(
        lambda f: (f / "b.txt").write_bytes(b"\x7fELF\x00\x01\x02") and None,
        "binary file",
        id="binary",
    ),
    pytest.param(
        lambda f: (f / "x.txt").write_bytes(bytes(range(0x80, 0x100)) * 2) and None,
        "encoding could not be determined",
        id="unknown_encoding",
    ),
]


@pytest.mark.parametrize(("make", "reason"), BAD)
def test_bad_input_is_reported_and_the_batch_goes_on(tmp_path, capsys, make, reason):
    code, err, errors, records = _run_bad(tmp_path, make, capsys)
    assert code == 1
    assert reason in err
    assert len(errors) == 1 and reason in errors[0]["reason"] and errors[0]["time"]
    assert [r["source"]["path"].rsplit("/", 1)[-1] for r in records] == ["good.txt"]


def test_file_over_the_size_limit(tmp_path, capsys):
    code, err, errors, records = _run_bad(
        tmp_path,
        lambda f: (f / "big.txt").write_text(ARTICLE * 10) and None,
        capsys,
        ("--max-bytes", "500"),
    )
    assert code == 1 and "over the limit of 500" in err
    assert [e["path"].rsplit("/", 1)[-1] for e in errors] == ["big.txt"]


def test_unreadable_file(nlp, tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "locked.txt").write_text(ARTICLE)
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    summary = run_extract(nlp, [str(tmp_path / "in")], tmp_path / "o.jsonl")
    assert summary.failed == [
        (f"{tmp_path}/in/locked.txt", f"{tmp_path}/in/locked.txt: cannot read: Permission denied")
    ]


def test_symlink_loop_is_reported_not_followed(tmp_path, capsys):
    def make(folder):
        (folder / "sub").mkdir()
        (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)

    code, err, errors, records = _run_bad(tmp_path, make, capsys)
    assert code == 1 and "symbolic link loop" in err
    assert [r["source"]["path"].rsplit("/", 1)[-1] for r in records] == ["good.txt"]


@pytest.mark.parametrize(
    ("encoding", "text", "name"),
    [
        pytest.param(
            "cp1251", "Новости: ректор Иван Петров подписал соглашение.", "cp1251", id="cp1251"
        ),
        pytest.param(
            "latin-1",
            "Die Universität Münster unterzeichnete eine Vereinbarung.",
            "cp1252",
            id="latin1",
        ),
    ],
)
def test_legacy_encodings_are_decoded_when_certain(tmp_path, capsys, encoding, text, name):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "old.txt").write_bytes(text.encode(encoding))
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(tmp_path / "in"), "-o", str(out)]) == 0
    assert f"not UTF-8; read as {name}" in capsys.readouterr().err
    (record,) = _lines(out)
    assert record["source"]["encoding"] == name and record["title"] == text


def test_html_is_read_as_its_visible_text(tmp_path):
    page = (
        "<html><head><title>t</title><script>var x = 'Dr. Evil';</script></head><body>"
        "<nav><a href='/'>Home</a> <a>Ivan Ivanov</a></nav><article><h1>KFU Signs Agreement</h1>"
        "<p>Rector Ivan Petrov of Kazan Federal University met guests in April 2024.</p></article>"
        "<div class='share-buttons'>Share</div></body></html>"
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text(page)
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(tmp_path / "in"), "-o", str(out)]) == 0
    (record,) = _lines(out)
    assert record["source"]["format"] == "html"
    assert record["title"] == "KFU Signs Agreement"
    assert [p["name"] for p in record["people"]] == ["Ivan Petrov"]
    text = record["text"]
    assert "<" not in text and "Evil" not in text and "Home" not in text
    for person in record["people"]:
        for mention in person["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_usage_errors_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["extract", "x.txt", "--jobs", "0"])
    assert info.value.code == 2
    assert main(["extract", "x.txt", "--engine", "dask"]) == 2
    assert "needs --scheduler" in capsys.readouterr().err


# -- Dask ----------------------------------------------------------------------------------
def test_dask_engine_writes_what_a_local_run_writes(nlp, tmp_path):
    distributed = pytest.importorskip("distributed")
    _articles(tmp_path / "in", 6)
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_extract(nlp, [str(tmp_path / "in")], local)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        summary = run_extract(
            nlp,
            [str(tmp_path / "in")],
            remote,
            Options(engine="dask", scheduler=cluster.scheduler_address),
        )
    assert summary.processed == 6
    assert local.read_bytes() == remote.read_bytes()


def test_fingerprint_covers_the_code(nlp, monkeypatch):
    from pipeline import extract

    before = extract.fingerprint(nlp)
    monkeypatch.setattr(extract, "code_hash", lambda: "changed")
    assert extract.fingerprint(nlp) != before
