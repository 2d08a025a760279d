"""The Python API: ``from pipeline import extract_text, extract_files`` (issue 6)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.errors import PipelineError
from pipeline.models import Record

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "rules"
CORPUS = REPO / "corpus"

pytestmark = pytest.mark.issue(6)

TEXT = (
    "Kazan Federal University and Tsinghua University signed an agreement on 3 May 2024.\n"
    "Prof. Anna Petrova, Rector of Kazan Federal University, said that KFU now has more than "
    "40 agreements with Chinese universities.\n"
)


def test_import_pipeline_stays_cheap():
    code = "import sys, pipeline; assert 'spacy' not in sys.modules; print(pipeline.__version__)"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.model
def test_extract_text_returns_a_validated_record():
    from pipeline import extract_text

    record = extract_text(TEXT, path="memo.txt", rules=RULES)
    assert isinstance(record, Record)
    assert record.source.path == "memo.txt"
    assert [p.name for p in record.people] == ["Anna Petrova"]
    assert record.people[0].roles[0].organization == "Kazan Federal University"
    assert record.agreement_counts[0].count == 40
    for person in record.people:
        for m in person.mentions:
            assert TEXT[m.start : m.end] == m.text
    assert extract_text(TEXT, path="memo.txt", rules=RULES) == record  # same text, same record


def test_extract_text_rules_only_with_blank_model():
    from pipeline import extract_text

    record = extract_text("Published: 12 March 2025\nNews.\n", model="blank:en", rules=RULES)
    assert record.published is not None and record.published.value == "2025-03-12"


def test_extract_text_refuses_empty_text():
    from pipeline import extract_text

    with pytest.raises(PipelineError, match="empty"):
        extract_text("  \n", model="blank:en", rules=RULES)


@pytest.mark.model
def test_extract_files_matches_the_command_line(records_file):
    from pipeline import extract_files

    paths = [
        CORPUS / "dev" / "kazan_joint_lab.txt",
        CORPUS / "dev" / "d4_tianjin_rectors_forum.txt",
    ]
    records = list(extract_files(paths, rules=RULES))
    assert [r.source.path for r in records] == [str(p) for p in paths]
    by_doc = {}
    for line in records_file.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        by_doc[data["doc_id"]] = data
    for record in records:
        cli = by_doc[record.doc_id]
        mine = record.model_dump(mode="json")
        assert {k: v for k, v in mine.items() if k != "source"} == {
            k: v for k, v in cli.items() if k != "source"
        }


def test_extract_files_skips_unreadable_files_unless_strict(tmp_path):
    from pipeline import extract_files

    good = tmp_path / "a.txt"
    good.write_text("Published: 12 March 2025\nNews.\n", encoding="utf-8")
    empty = tmp_path / "b.txt"
    empty.write_text("   ", encoding="utf-8")
    records = list(extract_files([good, empty], model="blank:en", rules=RULES))
    assert [r.source.path for r in records] == [str(good)]
    with pytest.raises(PipelineError, match="empty"):
        list(extract_files([good, empty], model="blank:en", rules=RULES, strict=True))
