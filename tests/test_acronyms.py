"""Acronym detection: pure matching functions (good and bad tables) and the component."""

from __future__ import annotations

import pytest
from helpers import record_of

from pipeline.components.acronyms import (
    blend_match,
    initials_match,
    loose_match,
    ordered_match,
    suffix_match,
)

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


@pytest.mark.parametrize(
    ("acronym", "long_form", "skips", "expected"),
    [
        pytest.param("SPbU", "Saint Petersburg State University", 1, True, id="one_word_left_out"),
        pytest.param("SPbU", "Saint Petersburg State University", 0, False, id="none_allowed"),
        pytest.param("MU", "Moscow State Technical University", 1, False, id="two_left_out"),
        pytest.param("MSU", "Moscow State University of Economics", 1, False, id="last_left_out"),
    ],
)
def test_ordered_match_leaving_out_words(acronym, long_form, skips, expected):
    assert ordered_match(acronym, long_form, skips=skips) is expected


def test_acronym_defined_in_brackets_may_leave_out_a_word(nlp):
    text = (
        "Saint Petersburg State University (SPbU) and Kazan Federal University (KFU) signed a "
        "memorandum. SPbU will host the first school."
    )
    orgs = {o.name: o for o in record_of(nlp, text).organizations}
    assert orgs["Saint Petersburg State University"].aliases == ["SPbU"]
    assert len(orgs["Saint Petersburg State University"].mentions) == 3


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


@pytest.mark.parametrize(
    ("acronym", "long_form", "expected"),
    [
        pytest.param("ZJU", "Zhejiang University", True, id="pinyin_syllable_inside_word"),
        pytest.param("BJTU", "Beijing Jiaotong University", True, id="two_syllable_words"),
        pytest.param("ZJU", "Nanjing University", False, id="first_letter_must_match"),
        pytest.param("KFU", "Kazan Federal University", False, id="not_needed_when_one_per_word"),
    ],
)
def test_loose_match(acronym, long_form, expected):
    assert loose_match(acronym, long_form) is expected


@pytest.mark.parametrize(
    ("short", "long_form", "expected"),
    [
        pytest.param("PoliRomagna", "Polytechnic University of Romagna", True, id="blend"),
        pytest.param("UniBologna", "University of Bologna", True, id="blend_of_two_words"),
        pytest.param("PoliMilano", "Polytechnic University of Turin", False, id="wrong_word"),
        pytest.param("SPbPU", "St. Petersburg Polytechnic University", False, id="short_chunks"),
    ],
)
def test_blend_match(short, long_form, expected):
    assert blend_match(short, long_form) is expected


ALIASES = [
    pytest.param(
        "Funding came from the German Academic Exchange Service (DAAD). DAAD also pays travel.",
        "German Academic Exchange Service",
        "DAAD",
        id="foreign_language_acronym_in_brackets",
    ),
    pytest.param(
        "Zhejiang University sent ten students. ZJU will host the next school.",
        "Zhejiang University",
        "ZJU",
        id="pinyin_acronym_used_later",
    ),
    pytest.param(
        "The Polytechnic University of Romagna opened a lab. PoliRomagna invests in robotics.",
        "Polytechnic University of Romagna",
        "PoliRomagna",
        id="blend_used_later",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "alias"), ALIASES)
def test_alias_joins_its_organization(nlp, text, name, alias):
    orgs = {o.name: o.aliases for o in record_of(nlp, text).organizations}
    assert alias in orgs[name]
    assert alias not in orgs


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The project is funded by LPDP this year.", {"LPDP"}, id="undefined_acronym"),
        pytest.param("They signed an MOU worth 5 million USD.", set(), id="not_organizations"),
        pytest.param("ABU DHABI — The campus opened.", set(), id="dateline_capitals"),
    ],
)
def test_undefined_acronyms(nlp, text, expected):
    assert {o.name for o in record_of(nlp, text).organizations} == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Photo by Anna Berg\n\nRIVER FALLS, Wis. — Lakeside University signed an agreement.",
            id="dateline_with_a_dotted_state",
        ),
        pytest.param(
            "Photo by Anna Berg\n\nRIVER FALLS, Wis — Lakeside University signed an agreement.",
            id="dateline_with_a_state",
        ),
    ],
)
def test_a_dateline_in_capitals_is_no_acronym(nlp, text):
    names = {o.name for o in record_of(nlp, text).organizations}
    assert not {"RIVER", "FALLS"} & names
