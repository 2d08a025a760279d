"""Matching only around the tokens every pattern needs gives the Matcher's whole-Doc result."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher

from pipeline.components.tokens import has_digit, match_windows, needs_number, pattern_reach


@pytest.mark.parametrize(
    ("patterns", "reach"),
    [
        ([[{"LIKE_NUM": True}]], 0),
        ([[{"LOWER": "more"}, {"LOWER": "than"}, {"LIKE_NUM": True}]], 2),
        ([[{"LIKE_NUM": True}, {"IS_ALPHA": True, "OP": "?"}, {"LOWER": "agreements"}]], 2),
        ([[{"LIKE_NUM": True}, {"IS_ALPHA": True, "OP": "{1,3}"}, {"LOWER": "x"}]], 4),
        ([[{"LIKE_NUM": True}], [{"LIKE_NUM": True}, {"LOWER": "a"}]], 1),
        ([[{"LIKE_NUM": True}, {"IS_ALPHA": True, "OP": "*"}]], None),
        ([[{"LIKE_NUM": True}, {"IS_ALPHA": True, "OP": "+"}]], None),
        ([[{"LIKE_NUM": True}, {"IS_ALPHA": True, "OP": "{2,}"}]], None),
    ],
)
def test_pattern_reach(patterns, reach):
    assert pattern_reach(patterns) == reach


PATTERNS = [
    [{"TEXT": {"REGEX": r"^\d{4}$"}}],
    [{"LOWER": {"IN": ["in", "on"]}}, {"TEXT": {"REGEX": r"^\d{1,2}$"}}, {"IS_TITLE": True}],
    [{"TEXT": {"REGEX": r"^\d+$"}}, {"IS_ALPHA": True, "OP": "?"}, {"LOWER": "agreements"}],
    [{"LOWER": "more"}, {"LOWER": "than"}, {"TEXT": {"REGEX": r"^\d+$"}}],
]

TEXTS = [
    "The university signed more than 60 active agreements in 2024. It met on 17 July again.",
    "No numbers in this sentence at all. Then 12 agreements, 3 new agreements and 2025.",
    "In 5 Cities more than 7 partners. 2024 2025 2026 were years.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_windows_find_what_whole_doc_matching_finds(text):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = Matcher(nlp.vocab)
    for n, pattern in enumerate(PATTERNS):
        matcher.add(f"p{n}", [pattern])
    doc = nlp(text)
    digits = [t.i for t in doc if has_digit(t.text)]
    whole = sorted(matcher(doc))
    assert whole, "the test texts must match something"
    assert sorted(match_windows(matcher, doc, digits, pattern_reach(PATTERNS))) == whole
    assert sorted(match_windows(matcher, doc, digits, None)) == whole


def test_windows_stay_inside_sentences():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = Matcher(nlp.vocab)
    matcher.add("across", [[{"LOWER": "end"}, {"IS_PUNCT": True}, {"LIKE_NUM": True}]])
    doc = nlp("It is the end. 12 more came.")
    assert matcher(doc)  # the Doc-wide Matcher crosses the sentence boundary ...
    assert match_windows(matcher, doc, [5], reach=2) == []  # ... a window does not


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        ([{"TEXT": {"REGEX": r"^\d{1,2}$"}}, {"LOWER": "july"}], True),
        ([{"LOWER": {"REGEX": r"^(mid|early)-(19|20)\d{2}$"}}], True),
        ([{"LOWER": "july"}, {"TEXT": {"REGEX": r"^\d{4}$"}, "OP": "?"}], False),
        ([{"TEXT": {"REGEX": r"^week(\d+)?$"}}], False),
        ([{"LOWER": "today"}], False),
    ],
)
def test_date_patterns_that_need_a_digit(pattern, needs):
    assert needs_number(pattern) is needs


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        ([{"LIKE_NUM": True, "IS_ALPHA": False}, {"LOWER": "agreements"}], True),
        ([{"LOWER": {"IN": ["five", "six"]}}, {"LOWER": "agreements"}], True),
        ([{"LOWER": {"IN": ["five", "new"]}}, {"LOWER": "agreements"}], False),
        ([{"LIKE_NUM": True, "IS_ALPHA": False, "OP": "?"}, {"LOWER": "x"}], False),
        ([{"TEXT": {"REGEX": r"^\d+$"}, "OP": "!"}], False),
        ([{"TEXT": {"REGEX": r"^\d+$"}, "OP": "{2}"}], True),
        ([{"TEXT": {"REGEX": r"^\d+$"}, "OP": "{0,2}"}], False),
    ],
)
def test_agreement_patterns_that_need_a_number(pattern, needs):
    assert needs_number(pattern, frozenset({"five", "six"})) is needs


def test_windows_across_sentences_find_what_the_whole_doc_finds():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = Matcher(nlp.vocab)
    matcher.add("across", [[{"LOWER": "end"}, {"IS_PUNCT": True}, {"LIKE_NUM": True}]])
    doc = nlp("It is the end. 12 more came.")
    assert match_windows(matcher, doc, [5], reach=2, sentences=False) == matcher(doc)


def test_a_date_line_the_parser_splits_is_one_date(nlp):
    doc = nlp("Lakeside news\nDate Added: 22 May 2016, 20:25\nThe two universities met.\n")
    assert doc._.published == "2016-05-22"
