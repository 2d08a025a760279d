"""Shared fixtures: pipelines are built once per session (loading a model is slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "rules"
CORPUS = REPO / "corpus"
SEEDS = REPO.parent / "shared" / "seeds"


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
