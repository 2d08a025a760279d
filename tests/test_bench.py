"""The benchmark command runs end to end on a tiny batch (its figures are not asserted)."""

from __future__ import annotations

import pytest

from pipeline.bench import make_articles, run_bench

pytestmark = pytest.mark.model


def test_make_articles_are_distinct(tmp_path):
    words = make_articles(tmp_path, 5)
    texts = {p.read_text() for p in tmp_path.glob("*.txt")}
    assert len(texts) == 5 and words > 500


def test_bench_report(capsys):
    report = run_bench(articles=4, jobs=2, memory=(2, 4), model=None, rounds=1)
    for needle in ("bare spaCy", "uninews extract --jobs 1", "--jobs 2 / --jobs 1", "peak memory"):
        assert needle in report


def test_ratios_pair_the_measurements_of_a_round():
    from pipeline.bench import Figure, paired_ratio

    # A slow round slows both figures alike: the paired ratio is 1.1x in every round, while
    # the ratio of the medians would mix a fast round's baseline with a slow round's run.
    base = [Figure("b", 1000, s) for s in (1.0, 2.0, 1.2)]
    fast = [Figure("f", 1000, s / 1.1) for s in (1.0, 2.0, 1.2)]
    assert paired_ratio(fast, base) == pytest.approx(1.1)
    assert paired_ratio(fast[:2], base[:2]) == pytest.approx(1.1)
