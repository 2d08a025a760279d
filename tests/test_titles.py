"""Job titles from the lexicon (rules only: no model needed)."""

from __future__ import annotations

import pytest

CASES = [
    pytest.param(
        "led by First Deputy Director Gao Ming", ["First Deputy Director"], id="stacked_modifiers"
    ),
    pytest.param(
        "the Vice-Rector for International Affairs Dmitry Ivanov",
        ["Vice-Rector for International Affairs"],
        id="hyphen_and_for_complement",
    ),
    pytest.param(
        "Vice Rector for Research and Innovation at KFU",
        ["Vice Rector for Research and Innovation"],
        id="spaced_vice_complement_with_and",
    ),
    pytest.param("the Director-General of the Bureau", ["Director-General"], id="hyphenated_base"),
    pytest.param("Rector and Chairman of the Board", ["Rector", "Chairman"], id="two_titles"),
    pytest.param("currently an intern at the institute", ["intern"], id="lowercase_base"),
    pytest.param("Head of the International Office", ["Head"], id="capitalized_only_base"),
    pytest.param(
        "Vice-President for International Affairs and Diversity",
        ["Vice-President for International Affairs and Diversity"],
        id="complement_with_and",
    ),
]


@pytest.mark.parametrize(("text", "titles"), CASES)
def test_titles(blank_nlp, text, titles):
    assert [s.text for s in blank_nlp(text).spans["titles"]] == titles


NEGATIVE = [
    pytest.param("they will head the delegation", id="verb_head"),
    pytest.param("a chair in the hall", id="furniture_chair"),
    pytest.param("the first meeting", id="modifier_without_base"),
    pytest.param("Directors of companies", id="plural"),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_titles(blank_nlp, text):
    assert list(blank_nlp(text).spans["titles"]) == []
