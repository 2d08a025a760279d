"""Acronym detection: pure matching functions (good and bad tables) and the component."""

from __future__ import annotations

import pytest
from helpers import record_of

from pipeline.components.acronyms import initials_match, ordered_match, suffix_match

ORDERED_GOOD = [
    pytest.param("RAS", "Russian Academy of Sciences", id="skips_of"),
    pytest.param("MIPT", "Moscow Institute of Physics and Technology", id="skips_of_and"),
    pytest.param("UrFU", "Ural Federal University", id="lowercase_letter_inside_word"),
    pytest.param("SPbU", "St. Petersburg University", id="lowercase_b_inside_petersburg"),
    pytest.param("HSE", "Higher School of Economics", id="three_words"),
]
ORDERED_BAD = [
    pytest.param("KFU", "Lanzhou Jiaotong University", id="different_letters"),
    pytest.param("RAS", "Russian Academy of Sciences and Arts", id="content_word_left_over"),
    pytest.param("MSU", "Moscow University", id="missing_word"),
    pytest.param(
        "TSARI", "Suzhou Automotive Research Institute of Tsinghua University", id="reordered"
    ),
]


@pytest.mark.parametrize(("acronym", "long_form"), ORDERED_GOOD)
def test_ordered_match(acronym, long_form):
    assert ordered_match(acronym, long_form)


@pytest.mark.parametrize(("acronym", "long_form"), ORDERED_BAD)
def test_ordered_mismatch(acronym, long_form):
    assert not ordered_match(acronym, long_form)


@pytest.mark.parametrize(
    ("acronym", "long_form", "expected"),
    [
        pytest.param("ZARI", "Zhejiang Advanced Research Institute", True, id="same_order"),
        pytest.param(
            "TZARI",
            "Zhejiang Automotive Research Institute of Tianjin University",
            True,
            id="parent_first",
        ),
        pytest.param("ABC", "Zhejiang Automotive Research Institute", False, id="letters_absent"),
        pytest.param(
            "ZA",
            "Zhejiang Automotive Research Institute of Tianjin University",
            False,
            id="too_short",
        ),
    ],
)
def test_initials_match(acronym, long_form, expected):
    assert initials_match(acronym, long_form) is expected


def test_suffix_match_finds_the_spelled_part():
    assert suffix_match("SPbPU", "Peter the Great St. Petersburg Polytechnic University") == (
        "St. Petersburg Polytechnic University"
    )


@pytest.mark.model
def test_defined_acronym_becomes_alias(nlp):
    text = (
        "Delegates of the Zhejiang Advanced Research Institute (ZARI) arrived in Kazan. "
        "ZARI runs three laboratories."
    )
    orgs = record_of(nlp, text).organizations
    zari = [o for o in orgs if "ZARI" in o.aliases]
    assert [o.name for o in zari] == ["Zhejiang Advanced Research Institute"]
    assert len(zari[0].mentions) == 3


@pytest.mark.model
def test_undefined_acronym_matches_name_in_text(nlp):
    text = "Ural Federal University hosted the forum. Olga Ivanova, Vice-Rector of UrFU, opened it."
    record = record_of(nlp, text)
    (urfu,) = [o for o in record.organizations if o.name == "Ural Federal University"]
    assert "UrFU" in urfu.aliases
    assert record.people[0].roles[0].organization == "Ural Federal University"
