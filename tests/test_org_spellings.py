"""Spellings of one organization's name in one article are one organization."""

from __future__ import annotations

import pytest
from helpers import record_of

from pipeline.org_variants import one_slip_apart, spelling_key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param("Ünye Science University", "Unye Science University", True, id="diacritics"),
        pytest.param("Lake Side College", "Lakeside College", True, id="spacing"),
        pytest.param("St. Ola's College", "St Ola’s College", True, id="punctuation"),
        pytest.param("YÖK", "YOK", True, id="acronym_diacritics"),
        pytest.param("the Lakeside University", "Lakeside University", True, id="leading_the"),
        pytest.param("Lakeside University", "Lakeside College", False, id="other_head"),
        pytest.param("Hill College", "Hull College", False, id="other_letters"),
    ],
)
def test_spelling_key(a, b, same):
    assert (spelling_key(a) == spelling_key(b)) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param("Halvorsen University", "Halvorson University", True, id="changed_letter"),
        pytest.param("University of Marento", "University of Marrento", True, id="added_letter"),
        pytest.param("Brightwater Institute", "Brightwatr Institute", True, id="dropped_letter"),
        pytest.param("Saint Clarisse College", "Saint Clraisse College", True, id="swapped"),
        pytest.param("University of Elva", "University of Elba", False, id="short_word"),
        pytest.param("Korea Polytechnic", "Korean Polytechnic", False, id="adjective_ending"),
        pytest.param("Austria Institute", "Austrian Institute", False, id="demonym_ending"),
        pytest.param("Halvorsen University", "Galvorsen University", False, id="first_letter"),
        pytest.param("Halvorsen University", "Halvorsen College", False, id="two_words_apart"),
        pytest.param("Halvorsen University", "Halvorsen", False, id="word_count"),
        pytest.param("Halvorsen University", "Halverson University", False, id="two_letters"),
    ],
)
def test_one_slip_apart(a, b, same):
    assert one_slip_apart(a, b) is same


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        pytest.param(
            "Lakeside University signed an agreement with Ünye Science University on Monday. "
            "Students of Unye Science University will spend a term at Lakeside.",
            "Ünye Science University",
            "Unye Science University",
            id="without_diacritics",
        ),
        pytest.param(
            "A delegation from Halvorsen University visited Hill College. The rector of "
            "Halvorson University said the visit opened a new chapter.",
            "Halvorsen University",
            "Halvorson University",
            id="slip_of_a_letter",
        ),
    ],
)
def test_spellings_make_one_organization(nlp, text, name, alias):
    orgs = {o.name: o.aliases for o in record_of(nlp, text).organizations}
    assert alias in orgs.get(name, []) or name in orgs.get(alias, [])
    assert not (name in orgs and alias in orgs)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param(
            "Korea Polytechnic and the Korean Polytechnic sent students to Lakeside "
            "University this spring.",
            {"Korea Polytechnic", "Korean Polytechnic"},
            id="adjective_of_a_place",
        ),
        pytest.param(
            "The University of Elva and the University of Elba signed a joint statement.",
            {"University of Elva", "University of Elba"},
            id="short_names_one_letter_apart",
        ),
    ],
)
def test_neighbouring_names_stay_apart(nlp, text, names):
    found = {o.name for o in record_of(nlp, text).organizations}
    assert names <= found
