"""A rules change may not lower any field's F1 on the dev split by more than 0.02.

The baseline lives in tests/data/quality_baseline.json and is updated on purpose, with
``python -m pytest tests/test_quality_baseline.py --update-baseline`` (commit the file with the
change that moved it). The test split is never used here: it only measures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate import FIELDS, evaluate
from pipeline.extract import run_extract

pytestmark = [pytest.mark.model, pytest.mark.issue(3)]

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "corpus" / "dev"
BASELINE = Path(__file__).parent / "data" / "quality_baseline.json"
TOLERANCE = 0.02


@pytest.fixture(scope="module")
def dev_scores(nlp, tmp_path_factory) -> dict[str, float]:
    out = tmp_path_factory.mktemp("dev") / "records.jsonl"
    run_extract(nlp, [str(DEV)], out)
    predictions = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    gold = [
        json.loads(line) for line in (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    scores = evaluate(predictions, gold).scores
    return {field: round(scores[field].f1, 4) for field in FIELDS}


def test_no_field_drops_below_the_baseline(dev_scores, request):
    if request.config.getoption("--update-baseline"):
        BASELINE.write_text(json.dumps(dev_scores, indent=2) + "\n", encoding="utf-8")
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    drops = {
        field: (baseline[field], dev_scores[field])
        for field in baseline
        if dev_scores[field] < baseline[field] - TOLERANCE
    }
    assert not drops, f"F1 dropped by more than {TOLERANCE} (baseline, now): {drops}"
